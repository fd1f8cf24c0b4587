import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import { kindOf, type SerializedGraph } from '../../common/graph.js';
import type { Database } from '../db/database.js';
import { GraphBuilder } from './serialize.js';
import { andLinkInRange, rangeAttributes, rangeParameters, type TimeRange } from './time.js';
import { shownNode, shownRel } from './visible.js';

export const OVERVIEW_DEFAULT_LIMIT = 300;
export const OVERVIEW_MAX_LIMIT = 5_000;
/** How many of the entities without links the overview names (it counts them all). */
export const UNLINKED_LISTED = 500;

/** Entities mentioned in articles but linked to nothing: the overview counts and lists them instead of drawing them. */
export interface UnlinkedEntities {
  total: number;
  entities: { id: string; name: string; kind: string }[];
}

/**
 * The best-connected of newsgraph's nodes (never another application's) and the links among them. Documents are left out, and so are links to them
 * when ranking: every entity is mentioned somewhere, which says nothing about its place in the story. Nodes with
 * no link but to documents are not drawn (a row of unconnected dots says nothing): the graph's `unlinked`
 * attribute counts them and names the first UNLINKED_LISTED, by name.
 *
 * With a time `range`, only links with evidence published in it count, for ranking as for drawing: the
 * overview of those days. What `unlinked` counts is the whole graph's still (linked to nothing at all).
 */
export async function graphOverview(db: Database, limit = OVERVIEW_DEFAULT_LIMIT, range?: TimeRange | null): Promise<SerializedGraph> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (n:Newsgraph) WHERE NOT n:Document AND ${shownNode('n')}
       WITH n, COUNT { (n)-[r]-(m:Newsgraph) WHERE NOT m:Document AND ${shownNode('m')} AND ${shownRel('r')}${andLinkInRange('r', range)} } AS degree WHERE degree > 0
       WITH n ORDER BY degree DESC, n.name LIMIT $limit
       WITH collect(n) AS nodes
       CALL (nodes) {
         UNWIND nodes AS a
         MATCH (a)-[r]->(b) WHERE b IN nodes AND ${shownRel('r')}${andLinkInRange('r', range)}
         RETURN collect(r) AS rels
       }
       RETURN nodes, rels`,
      // JS numbers travel as floats; LIMIT needs an integer.
      { limit: neo4j.int(limit), ...rangeParameters(range) },
    );
    const builder = new GraphBuilder();
    const record = result.records[0];
    for (const node of (record?.get('nodes') as Node[] | undefined) ?? []) builder.addNode(node);
    for (const rel of (record?.get('rels') as Relationship[] | undefined) ?? []) builder.addRelationship(rel);
    const unlinked = await tx.run(
      `MATCH (n:Newsgraph) WHERE NOT n:Document AND ${shownNode('n')}
         AND NOT EXISTS { (n)-[r]-(m:Newsgraph) WHERE NOT m:Document AND ${shownNode('m')} AND ${shownRel('r')} }
       WITH n ORDER BY coalesce(n.name, n.claim, n.id)
       WITH count(n) AS total, collect({id: n.id, name: coalesce(n.name, n.claim, n.id), labels: labels(n)})[..$listed] AS entities
       RETURN total, entities`,
      { listed: neo4j.int(UNLINKED_LISTED) },
    );
    const row = unlinked.records[0];
    const entities = ((row?.get('entities') as { id: string; name: string; labels: string[] }[] | undefined) ?? []).map((e) => ({
      id: e.id,
      name: e.name,
      kind: kindOf(e.labels),
    }));
    const summary: UnlinkedEntities = { total: Number(row?.get('total') ?? 0), entities };
    return builder.finish(tx, { scope: 'overview', limit, unlinked: summary, ...rangeAttributes(range) });
  });
}
