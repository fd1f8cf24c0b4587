import type { Database } from '../db/database.js';
import { foreignNode } from '../db/schema.js';
import { SEEDS_DIR } from '../paths.js';
import { loadPaths, type LoadSummary } from './load.js';

/**
 * A new user should meet the example graph, not an empty canvas: the seed articles go into a database
 * that holds no documents and nothing newsgraph did not write. Never beside other data, even in one
 * taken on with --init: the examples would pass for part of it. Returns what was loaded, or null.
 */
export async function seedIfEmpty(db: Database): Promise<LoadSummary | null> {
  if (await foreignNode(db)) return null;
  const documents = await db.read(async (tx) => (await tx.run('MATCH (d:Newsgraph:Document) RETURN count(d) AS n')).records[0]?.get('n') as number);
  return documents > 0 ? null : loadPaths(db, [SEEDS_DIR]);
}
