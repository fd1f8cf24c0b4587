import type { Stats } from '../../common/api.js';
import type { Database } from '../db/database.js';

/**
 * Counts of newsgraph's nodes per label and of the relationships among them per type (the Newsgraph
 * label itself is left out: it is on every node). `MATCH (n:$(label))` (Cypher 5.26 dynamic labels)
 * lets Neo4j answer each count from its count store instead of scanning the graph, which is exact when
 * every node is newsgraph's (or its marker). Beside other data, whose nodes may share our labels
 * (`:Person`), only newsgraph's are counted, by a scan.
 */
const SHARED = `CALL () { MATCH (n) RETURN count(n) AS total }
  CALL () { MATCH (n:Newsgraph) RETURN count(n) AS ours }
  CALL () { MATCH (n:NewsgraphMeta) RETURN count(n) AS meta }
  RETURN total > ours + meta AS shared`;

const LABELS = {
  alone: 'CALL db.labels() YIELD label WITH label WHERE NOT label STARTS WITH "Newsgraph" CALL (label) { MATCH (n:$(label)) RETURN count(n) AS count } WITH label, count WHERE count > 0 RETURN label, count ORDER BY label',
  shared: 'MATCH (n:Newsgraph) UNWIND labels(n) AS label WITH label WHERE NOT label STARTS WITH "Newsgraph" RETURN label, count(*) AS count ORDER BY label',
};
const TYPES = {
  alone: 'CALL db.relationshipTypes() YIELD relationshipType AS type CALL (type) { MATCH ()-[r:$(type)]->() RETURN count(r) AS count } WITH type, count WHERE count > 0 RETURN type, count ORDER BY type',
  shared: 'MATCH (:Newsgraph)-[r]->(:Newsgraph) RETURN type(r) AS type, count(*) AS count ORDER BY type',
};

export async function graphStats(db: Database): Promise<Stats> {
  return db.read(async (tx) => {
    const mode = (await tx.run(SHARED)).records[0]?.get('shared') ? 'shared' : 'alone';
    const labels = await tx.run(LABELS[mode]);
    const types = await tx.run(TYPES[mode]);
    return {
      nodes: Object.fromEntries(labels.records.map((r) => [r.get('label') as string, r.get('count') as number])),
      relationships: Object.fromEntries(types.records.map((r) => [r.get('type') as string, r.get('count') as number])),
    };
  });
}
