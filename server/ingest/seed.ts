import type { Database } from '../db/database.js';
import { SEEDS_DIR } from '../paths.js';
import { loadPaths, type LoadSummary } from './load.js';

/**
 * A new user should meet the example graph, not an empty canvas: the seed articles go into a database
 * that has no documents yet. Returns what was loaded, or null when the database already had documents.
 */
export async function seedIfEmpty(db: Database): Promise<LoadSummary | null> {
  const documents = await db.read(async (tx) => (await tx.run('MATCH (d:Document) RETURN count(d) AS n')).records[0]?.get('n') as number);
  return documents > 0 ? null : loadPaths(db, [SEEDS_DIR]);
}
