/**
 * The only Cypher of merge and split: read the nodes a correction names with every relationship at
 * them, and write a GraphChange back. Both run inside the caller's managed transaction, so a
 * correction and its record are written whole or not at all.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { GraphChange, StoredNode, StoredRelationship } from './stored.js';

export async function readNodes(tx: ManagedTransaction, ids: string[]): Promise<Map<string, StoredNode>> {
  const result = await tx.run('UNWIND $ids AS id MATCH (n:Newsgraph {id: id}) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props', { ids });
  return new Map(result.records.map((r) => [r.get('id') as string, r.toObject() as StoredNode]));
}

/**
 * Every relationship at these nodes, each once; with `surfaces` (a split needs them, a merge does not),
 * a mention with the text it points at, which reads each document's text. With `only`, the properties of
 * those relationships alone: the others come with their title (what their key needs) and nothing else.
 */
export async function readRelationships(
  tx: ManagedTransaction,
  ids: string[],
  { surfaces = false, only }: { surfaces?: boolean; only?: Set<string> } = {},
): Promise<StoredRelationship[]> {
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (n:Newsgraph {id: id})-[r]-()
     WITH DISTINCT r
     WITH r, startNode(r) AS a, endNode(r) AS b
     RETURN elementId(r) AS elementId, type(r) AS type, a.id AS start, b.id AS end,
            CASE WHEN $all OR elementId(r) IN $only THEN properties(r) ELSE {title: r.title} END AS props,
            CASE WHEN $surfaces AND type(r) = 'MENTIONED_IN'
                 THEN [i IN range(0, size(r.starts) - 1) | substring(b.text, r.starts[i], r.ends[i] - r.starts[i])] END AS surfaces`,
    { ids, surfaces, all: only === undefined, only: [...(only ?? [])] },
  );
  return result.records.map((r) => {
    const { surfaces, ...rel } = r.toObject() as StoredRelationship & { surfaces: string[] | null };
    return surfaces === null ? rel : { ...rel, surfaces };
  });
}

/** Neo4j stores no null: a property left undefined is left out, and `SET n += {p: null}` removes `p`. */
function defined(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));
}

const WRITE = {
  createNodes: `UNWIND $rows AS row
    CREATE (n:Newsgraph {id: row.id}) SET n:$(row.labels) SET n += row.props`,
  updateNodes: `UNWIND $rows AS row
    MATCH (n:Newsgraph {id: row.id})
    SET n += row.set
    SET n:$(row.addLabels)
    REMOVE n:$(row.removeLabels)`,
  deleteRelationships: `UNWIND $rows AS id MATCH ()-[r]->() WHERE elementId(r) = id DELETE r`,
  rewireRelationships: `UNWIND $rows AS row
    MATCH ()-[r]->() WHERE elementId(r) = row.elementId
    MATCH (a:Newsgraph {id: row.start}), (b:Newsgraph {id: row.end})
    CREATE (a)-[n:$(type(r))]->(b) SET n = properties(r)
    DELETE r`,
  createRelationships: `UNWIND $rows AS row
    MATCH (a:Newsgraph {id: row.start}), (b:Newsgraph {id: row.end})
    CREATE (a)-[r:$(row.type)]->(b) SET r = row.props`,
  deleteNodes: `UNWIND $rows AS id MATCH (n:Newsgraph {id: id}) DETACH DELETE n`,
};

export async function writeChange(tx: ManagedTransaction, change: GraphChange): Promise<void> {
  const run = async (query: string, rows: unknown[]) => {
    if (rows.length) await tx.run(query, { rows });
  };
  await run(
    WRITE.createNodes,
    change.createNodes.map((n) => ({
      id: n.id,
      labels: n.labels.filter((l) => l !== 'Newsgraph'),
      props: Object.fromEntries(Object.entries(n.props).filter(([, v]) => v != null)),
    })),
  );
  await run(
    WRITE.updateNodes,
    change.updateNodes.map((u) => ({
      id: u.id,
      set: defined(u.set),
      addLabels: u.addLabels ?? [],
      removeLabels: u.removeLabels ?? [],
    })),
  );
  await run(WRITE.deleteRelationships, change.deleteRelationships);
  await run(WRITE.createRelationships, change.createRelationships);
  await run(WRITE.rewireRelationships, change.rewireRelationships);
  await run(WRITE.deleteNodes, change.deleteNodes);
}
