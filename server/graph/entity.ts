/** One entity and what is around it: its details, and its neighbourhood as a graph. */
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { EntityDetails, EvidenceItem } from '../../common/api.js';
import { kindOf, type SerializedGraph } from '../../common/graph.js';

export type { EntityDetails };
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { evidenceOf } from './evidence.js';
import { GraphBuilder } from './serialize.js';
import { isRangeSet } from '../../common/time.js';
import { linkInRange, rangeAttributes, rangeParameters, type TimeRange } from './time.js';
import { REJECTED_LABEL, shownNode, shownRel } from './visible.js';

/**
 * The node an entity route names: an entity, or an allegation (a node of its own, opened and expanded
 * like one). One index lookup (ids are unique across newsgraph's kinds), then a label check.
 */
const ENTITY_OR_ALLEGATION = `MATCH (e:Newsgraph {id: $id}) WHERE e:Entity OR e:Allegation`;

export async function entityDetails(db: Database, id: string): Promise<EntityDetails> {
  const details = await db.read(async (tx) => {
    const result = await tx.run(
      `${ENTITY_OR_ALLEGATION}
       CALL (e) {
         OPTIONAL MATCH (e)-[h:HOLDS_ROLE]->(i:Newsgraph:Entity) WHERE ${shownNode('i')} AND ${shownRel('h')}
         RETURN [x IN collect({title: h.title, institution: {id: i.id, name: i.name}}) WHERE x.title IS NOT NULL] AS roles
       }
       CALL (e) {
         OPTIONAL MATCH (e)-[m:MENTIONED_IN]->(d:Newsgraph:Document)
         RETURN [x IN collect({id: d.id, title: d.title, outlet: d.outlet, mentions: m.count}) WHERE x.id IS NOT NULL] AS documents
       }
       CALL (e) {
         OPTIONAL MATCH (e)-[r]-(x:Newsgraph) WHERE NOT r:MENTIONED_IN AND ${shownNode('x')} AND ${shownRel('r')}
         WITH type(r) AS type, count(r) AS n WHERE type IS NOT NULL
         RETURN collect([type, n]) AS degree
       }
       ${evidenceOf('e')}
       RETURN e, roles, documents, degree, evidence`,
      { id },
    );
    return result.records[0];
  });
  if (!details) throw new AppError('NOT_FOUND', `No entity or allegation with id ${id}.`);
  const e = details.get('e') as Node;
  const p = e.properties as Record<string, unknown>;
  return {
    id,
    name: String(p.name ?? p.claim),
    kind: kindOf(e.labels),
    aliases: (p.aliases as string[] | undefined) ?? [],
    properties: p,
    roles: details.get('roles') as EntityDetails['roles'],
    documents: details.get('documents') as EntityDetails['documents'],
    degree: Object.fromEntries(details.get('degree') as [string, number][]),
    evidence: details.get('evidence') as EvidenceItem[],
    rejected: e.labels.includes(REJECTED_LABEL),
  };
}

export const NEIGHBOURHOOD_DEFAULT_LIMIT = 300;
export const NEIGHBOURHOOD_MAX_OFFSET = 1_000_000;

/** Adds the time range's test on a relationship variable, or nothing. */
type Ranged = (r: string) => string;

/** A hop from `m` over a link the neighbourhood follows: not into documents, and of the types asked for. */
const hop = (ranged: Ranged) => `MATCH (m)-[r]-(n:Newsgraph)
    WHERE NOT r:MENTIONED_IN AND NOT n:Document AND n <> e AND ${shownNode('n')} AND ${shownRel('r')} AND (size($types) = 0 OR type(r) IN $types)${ranged('r')}`;

/**
 * The nodes of the rings, nearest first, then best-connected (links to documents aside), then by key:
 * a total order, so pages of it (offset, limit) neither overlap nor skip, and the first page shows the
 * neighbours most worth seeing. COUNT over a bare pattern reads the degree Neo4j keeps, never the links.
 */
const RANKED = `UNWIND [[1, ring1], [2, ring2], [3, ring3]] AS ring
      UNWIND ring[1] AS n
      WITH n, ring[0] AS hops
      ORDER BY hops, COUNT { (n)--() } - COUNT { (n)-[:MENTIONED_IN]-() } DESC, coalesce(n.id, elementId(n))`;

/**
 * Rings of a breadth-first walk, each node once, at its least distance. A ring is walked only while the
 * nodes found so far are fewer than the limit: a hub's first ring alone fills it, where enumerating every
 * path of up to three hops from it took seconds (bench:api). Exported, with neighbourhoodParameters, so
 * bench:api can run the very same Cypher through the driver.
 *
 * A time range (`$rangeFrom`, `$rangeTo`, see time.ts) narrows every link walked, counted or drawn to those
 * with evidence published in it; the entity itself stays, in range or not.
 *
 * `$offset` pages the ranked nodes (the route allows it with depth 1 only, where the first ring is walked
 * whole). A later page also carries its links back to the nodes of the pages before it, with those nodes,
 * so a client that merges page after page ends with the links of one unpaged fetch.
 */
function neighbourhoodStatement(ranged: Ranged): string {
  return `
    ${ENTITY_OR_ALLEGATION}
    CALL (e) {
      WITH e AS m
      ${hop(ranged)}
      RETURN collect(DISTINCT n) AS ring1
    }
    CALL (e, ring1) {
      WITH e, ring1 WHERE $depth >= 2 AND size(ring1) < $limit
      UNWIND ring1 AS m
      ${hop(ranged)} AND NOT n IN ring1
      RETURN collect(DISTINCT n) AS ring2
    }
    CALL (e, ring1, ring2) {
      WITH e, ring1, ring2 WHERE $depth >= 3 AND size(ring1) + size(ring2) < $limit
      UNWIND ring2 AS m
      ${hop(ranged)} AND NOT n IN ring1 AND NOT n IN ring2
      RETURN collect(DISTINCT n) AS ring3
    }
    CALL (ring1, ring2, ring3) {
      ${RANKED}
      SKIP $offset LIMIT $limit
      RETURN collect(n) AS found
    }
    CALL (ring1, ring2, ring3) {
      WITH ring1, ring2, ring3 WHERE $offset > 0
      ${RANKED}
      LIMIT $offset
      RETURN collect(n) AS earlier
    }
    CALL (found, earlier) {
      WITH found, earlier WHERE size(earlier) > 0
      UNWIND found AS a
      MATCH (a)-[r]-(b) WHERE b IN earlier AND NOT r:MENTIONED_IN AND ${shownRel('r')} AND (size($types) = 0 OR type(r) IN $types)${ranged('r')}
      RETURN collect(DISTINCT b) AS linked
    }
    WITH [e] + found + linked AS nodes, found, size(ring1) AS neighbours
    CALL (nodes) {
      UNWIND nodes AS a
      MATCH (a)-[r]->(b) WHERE b IN nodes AND NOT r:MENTIONED_IN AND ${shownRel('r')} AND (size($types) = 0 OR type(r) IN $types)${ranged('r')}
      RETURN collect(DISTINCT r) AS rels
    }
    CALL (nodes) {
      UNWIND nodes AS a
      OPTIONAL MATCH (a)-[r]-(x:Newsgraph) WHERE x <> a AND NOT x:Document AND ${shownNode('x')} AND ${shownRel('r')} AND (size($types) = 0 OR type(r) IN $types)${ranged('r')}
      WITH a, count(DISTINCT x) AS around, count(DISTINCT CASE WHEN x IN nodes THEN null ELSE x END) AS left
      RETURN collect([elementId(a), left, around]) AS hidden
    }
    RETURN nodes, rels, hidden, neighbours, [n IN found | coalesce(n.id, elementId(n))] AS page`;
}

/** The statement without a time range, and with one (every link it follows or counts has evidence in the range). */
export const NEIGHBOURHOOD_STATEMENT = neighbourhoodStatement(() => '');
const NEIGHBOURHOOD_IN_RANGE = neighbourhoodStatement((r) => ` AND ${linkInRange(r)}`);

export interface NeighbourhoodOptions {
  depth?: 1 | 2 | 3;
  /** Relationship types to follow; all when empty. */
  types?: string[];
  limit?: number;
  /** Nodes of the ranked order to skip: the next page of a node's neighbours (depth 1 only). */
  offset?: number;
  /** Only links with evidence published in this range (common/time.ts). */
  range?: TimeRange | null;
}

export function neighbourhoodParameters(id: string, options: NeighbourhoodOptions = {}): Record<string, unknown> {
  return {
    id,
    depth: neo4j.int(options.depth ?? 1),
    types: options.types ?? [],
    limit: neo4j.int(options.limit ?? NEIGHBOURHOOD_DEFAULT_LIMIT),
    offset: neo4j.int(options.offset ?? 0),
    ...rangeParameters(options.range),
  };
}

/**
 * The entity and the nodes within `depth` links of it (documents aside), nearest and best-connected
 * first, at most `limit` of them from `offset` on. Each node carries `hiddenNeighbours`, its neighbours
 * left out of this reply, and `neighbourCount`, all of them, so a client can tell what it has not seen
 * whatever it merged. The graph's attributes say which page this is: `offset`, `limit`, `page` (the keys
 * of the page's nodes, in order) and `neighbours` (how many direct neighbours the entity has).
 */
export async function neighbourhood(db: Database, id: string, options: NeighbourhoodOptions = {}): Promise<SerializedGraph> {
  const depth = options.depth ?? 1;
  const offset = options.offset ?? 0;
  if (offset > 0 && depth !== 1) throw new AppError('BAD_REQUEST', 'offset pages the direct neighbours only: use it with depth=1.');
  const limit = options.limit ?? NEIGHBOURHOOD_DEFAULT_LIMIT;
  const graph = await db.read(async (tx) => {
    const statement = isRangeSet(options.range) ? NEIGHBOURHOOD_IN_RANGE : NEIGHBOURHOOD_STATEMENT;
    const record = (await tx.run(statement, neighbourhoodParameters(id, options))).records[0];
    if (!record) return undefined;
    const counts = new Map((record.get('hidden') as [string, number, number][]).map(([key, left, around]) => [key, { left, around }]));
    const builder = new GraphBuilder();
    for (const node of record.get('nodes') as Node[]) {
      const count = counts.get(node.elementId);
      builder.addNode(node, { hiddenNeighbours: count?.left ?? 0, neighbourCount: count?.around ?? 0 });
    }
    for (const rel of record.get('rels') as Relationship[]) builder.addRelationship(rel);
    return builder.finish(tx, {
      scope: 'neighbourhood',
      center: id,
      depth,
      offset,
      limit,
      neighbours: record.get('neighbours') as number,
      page: record.get('page') as string[],
      ...rangeAttributes(options.range),
    });
  });
  if (!graph) throw new AppError('NOT_FOUND', `No entity or allegation with id ${id}.`);
  return graph;
}
