/**
 * The only Cypher of merge and split: read the nodes a correction names with every relationship at
 * them, and write a GraphChange back. Both run inside the caller's managed transaction, so a
 * correction and its record are written whole or not at all. Also the one read of the relationship an
 * edge key names, as a RelationshipRef (rejects and notes both need it).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { RelationshipRef } from '../../common/curate.js';
import { linkLabel } from '../notes/label.js';
import type { GraphChange, StoredNode, StoredRelationship } from './stored.js';

export async function readNodes(tx: ManagedTransaction, ids: string[]): Promise<Map<string, StoredNode>> {
  const result = await tx.run('UNWIND $ids AS id MATCH (n:Newsgraph {id: id}) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props', { ids });
  return new Map(result.records.map((r) => [r.get('id') as string, r.toObject() as StoredNode]));
}

const EDGE_STATEMENT = `
  MATCH (a:Newsgraph)-[r]->(b:Newsgraph)
  WHERE elementId(r) = $edge AND a.id IS NOT NULL AND b.id IS NOT NULL AND ($withRejected OR NOT coalesce(r.rejected, false))
  RETURN a.id AS source, type(r) AS type, b.id AS target, r.title AS title,
         coalesce(a.name, a.claim, a.title, a.id) AS from, coalesce(b.name, b.claim, b.title, b.id) AS to
  LIMIT 1`;

/**
 * The relationship an edge key of a graph payload (its element id) names, as a ref that outlives a reload,
 * with "A —TYPE→ B" to show it by; null when there is none. A rejected link is left out unless
 * `withRejected` (a reject or restore names one; notes leave hidden links out).
 */
export async function readEdgeRef(
  tx: ManagedTransaction,
  edge: string,
  { withRejected = false }: { withRejected?: boolean } = {},
): Promise<{ ref: RelationshipRef; label: string } | null> {
  const record = (await tx.run(EDGE_STATEMENT, { edge, withRejected })).records[0];
  if (!record) return null;
  const title = record.get('title') as unknown;
  const ref: RelationshipRef = {
    source: record.get('source') as string,
    type: record.get('type') as string,
    target: record.get('target') as string,
    ...(typeof title === 'string' ? { title } : {}),
  };
  return { ref, label: linkLabel(record.get('from') as string, ref.type, record.get('to') as string) };
}

/**
 * Every relationship at these nodes, each once; with `surfaces` (a split needs them, a merge does not),
 * a mention with the text it points at, which reads each document's text. With `keysOnly`, each comes
 * with its title alone (what its key needs), not its properties: a merge reads those of the few it joins
 * afterwards (readRelationshipProperties).
 */
export async function readRelationships(
  tx: ManagedTransaction,
  ids: string[],
  { surfaces = false, keysOnly = false }: { surfaces?: boolean; keysOnly?: boolean } = {},
): Promise<StoredRelationship[]> {
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (n:Newsgraph {id: id})-[r]-()
     WITH DISTINCT r
     WITH r, startNode(r) AS a, endNode(r) AS b
     RETURN elementId(r) AS elementId, type(r) AS type, a.id AS start, b.id AS end,
            CASE WHEN $keysOnly THEN {title: r.title} ELSE properties(r) END AS props,
            CASE WHEN $surfaces AND type(r) = 'MENTIONED_IN'
                 THEN [i IN range(0, size(r.starts) - 1) | substring(b.text, r.starts[i], r.ends[i] - r.starts[i])] END AS surfaces`,
    { ids, surfaces, keysOnly },
  );
  return result.records.map((r) => {
    const { surfaces, ...rel } = r.toObject() as StoredRelationship & { surfaces: string[] | null };
    return surfaces === null ? rel : { ...rel, surfaces };
  });
}

/** The properties of these relationships, by element id. */
export async function readRelationshipProperties(tx: ManagedTransaction, elementIds: Iterable<string>): Promise<Map<string, Record<string, unknown>>> {
  const result = await tx.run('UNWIND $ids AS id MATCH ()-[r]->() WHERE elementId(r) = id RETURN id, properties(r) AS props', { ids: [...elementIds] });
  return new Map(result.records.map((r) => [r.get('id') as string, r.get('props') as Record<string, unknown>]));
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
