/** Access tokens in the shared test database: gone again when a file is done with them. */
import type { Database } from '../../server/db/database.js';

/** Leaves the database as it was before tokens: no token nodes, no token constraints. */
export async function dropTokens(db: Database): Promise<void> {
  await db.write((tx) => tx.run('MATCH (t:NewsgraphToken) DETACH DELETE t'));
  for (const name of ['newsgraph_token_id', 'newsgraph_token_hash']) await db.write((tx) => tx.run(`DROP CONSTRAINT ${name} IF EXISTS`));
}
