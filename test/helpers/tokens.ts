/** Access tokens in the shared test database: gone again when a file is done with them. */
import type { Role } from '../../server/auth/roles.js';
import { createToken } from '../../server/auth/store.js';
import type { Database } from '../../server/db/database.js';

/** Leaves the database as it was before tokens: no token nodes, no token constraints. */
export async function dropTokens(db: Database): Promise<void> {
  await db.write((tx) => tx.run('MATCH (t:NewsgraphToken) DETACH DELETE t'));
  for (const name of ['newsgraph_token_id', 'newsgraph_token_hash']) await db.write((tx) => tx.run(`DROP CONSTRAINT ${name} IF EXISTS`));
}

/** A new token's Authorization header, for a request to a server that asks for one. */
export async function bearer(db: Database, role: Role, name?: string): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${(await createToken(db, { role, ...(name === undefined ? {} : { name }) })).token}` };
}
