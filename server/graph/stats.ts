import type { ManagedTransaction } from 'neo4j-driver';
import type { Stats } from '../../common/api.js';
import type { Database } from '../db/database.js';

/** Whether nodes other than newsgraph's (and its marker) are in the database: three reads of the count store. */
const SHARED = `CALL () { MATCH (n) RETURN count(n) AS total }
  CALL () { MATCH (n:Newsgraph) RETURN count(n) AS ours }
  CALL () { MATCH (n:NewsgraphMeta) RETURN count(n) AS meta }
  RETURN total > ours + meta AS shared`;

/** Beside other data, whose nodes may share our labels (`:Person`), newsgraph's are counted in one pass over them. */
const SHARED_LABELS = "MATCH (n:Newsgraph) UNWIND labels(n) AS label WITH label WHERE NOT label STARTS WITH 'Newsgraph' RETURN label, count(*) AS count";
const SHARED_TYPES = 'MATCH (:Newsgraph)-[r]->(:Newsgraph) RETURN type(r) AS type, count(*) AS count';

/** A name read from the database, as Cypher writes a label or type: in backticks, a backtick doubled. */
const quoted = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/**
 * One statement of count-store reads, one per name. Neo4j 5.26 answers `MATCH (n:$(label))` (a dynamic
 * label) with a scan of every node per label, where a label written in the query text is a single
 * count-store read: so the names Neo4j lists are written in, quoted, and never come from a request.
 */
async function countEach(tx: ManagedTransaction, names: string[], pattern: (name: string) => string): Promise<Record<string, number>> {
  if (names.length === 0) return {};
  const query = `CALL () {\n${names.map((name, i) => `  MATCH ${pattern(quoted(name))} WITH count(*) AS count RETURN ${i} AS i, count`).join('\n  UNION ALL\n')}\n} RETURN i, count`;
  const counts: Record<string, number> = {};
  for (const r of (await tx.run(query)).records) {
    const count = r.get('count') as number;
    if (count > 0) counts[names[r.get('i') as number]!] = count;
  }
  return counts;
}

const sorted = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * Counts of newsgraph's nodes per label and of the relationships among them per type, the Newsgraph
 * label itself left out (it is on every node). While every node is newsgraph's, from the count store.
 */
export async function graphStats(db: Database): Promise<Stats> {
  return db.read(async (tx) => {
    if ((await tx.run(SHARED)).records[0]?.get('shared')) {
      const labels = (await tx.run(SHARED_LABELS)).records.map((r) => [r.get('label') as string, r.get('count') as number]);
      const types = (await tx.run(SHARED_TYPES)).records.map((r) => [r.get('type') as string, r.get('count') as number]);
      return { nodes: sorted(Object.fromEntries(labels)), relationships: sorted(Object.fromEntries(types)) };
    }
    const labels = (await tx.run('CALL db.labels() YIELD label RETURN collect(label) AS all')).records[0]!.get('all') as string[];
    const types = (await tx.run('CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS all')).records[0]!.get(
      'all',
    ) as string[];
    return {
      nodes: sorted(
        await countEach(
          tx,
          labels.filter((l) => !l.startsWith('Newsgraph')),
          (l) => `(n:${l})`,
        ),
      ),
      relationships: sorted(await countEach(tx, types, (t) => `()-[r:${t}]->()`)),
    };
  });
}
