import type { Stats } from '../../common/api.js';
import type { Database } from '../db/database.js';

/**
 * Counts per label and per relationship type. `MATCH (n:$(label))` (Cypher 5.26 dynamic labels)
 * lets Neo4j answer each count from its count store instead of scanning the graph.
 */
export async function graphStats(db: Database): Promise<Stats> {
  return db.read(async (tx) => {
    const labels = await tx.run(
      "CALL db.labels() YIELD label WITH label WHERE label <> 'AccessToken' CALL (label) { MATCH (n:$(label)) RETURN count(n) AS count } RETURN label, count ORDER BY label",
    );
    const types = await tx.run(
      'CALL db.relationshipTypes() YIELD relationshipType AS type CALL (type) { MATCH ()-[r:$(type)]->() RETURN count(r) AS count } RETURN type, count ORDER BY type',
    );
    return {
      nodes: Object.fromEntries(labels.records.map((r) => [r.get('label') as string, r.get('count') as number])),
      relationships: Object.fromEntries(types.records.map((r) => [r.get('type') as string, r.get('count') as number])),
    };
  });
}
