import type { Database } from '../db/database.js';
import { foreignNode } from '../db/schema.js';
import { SEEDS_DIR } from '../paths.js';
import { loadPaths, type LoadSummary } from './load.js';

/** What seeding did: loaded the examples, or why not (for the log). */
export type SeedOutcome = { loaded: LoadSummary } | { skipped: string };

/**
 * A new user should meet the example graph, not an empty canvas: the seed articles go into a database
 * that holds no documents and nothing newsgraph did not write. Never beside other data, even in one
 * taken on with --init: the examples would pass for part of it.
 */
export async function seedIfEmpty(db: Database): Promise<SeedOutcome> {
  if (await foreignNode(db)) return { skipped: 'the database holds data newsgraph did not write' };
  const documents = await db.read(async (tx) => (await tx.run('MATCH (d:Newsgraph:Document) RETURN count(d) AS n')).records[0]?.get('n') as number);
  if (documents > 0) return { skipped: 'the database has documents already' };
  return { loaded: await loadPaths(db, [SEEDS_DIR]) };
}
