/** One entity and what is around it: its details, and its neighbourhood as a graph. */
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { EntityDetails } from '../../common/api.js';
import type { SerializedGraph } from '../../common/graph.js';

export type { EntityDetails };
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { GraphBuilder } from './serialize.js';

export async function entityDetails(db: Database, id: string): Promise<EntityDetails> {
  const details = await db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (e:Entity {id: $id})
       CALL (e) {
         OPTIONAL MATCH (e)-[h:HOLDS_ROLE]->(i:Entity)
         RETURN [x IN collect({title: h.title, institution: {id: i.id, name: i.name}}) WHERE x.title IS NOT NULL] AS roles
       }
       CALL (e) {
         OPTIONAL MATCH (e)-[m:MENTIONED_IN]->(d:Document)
         RETURN [x IN collect({id: d.id, title: d.title, outlet: d.outlet, mentions: m.count}) WHERE x.id IS NOT NULL] AS documents
       }
       CALL (e) {
         OPTIONAL MATCH (e)-[r]-() WHERE NOT r:MENTIONED_IN
         WITH type(r) AS type, count(r) AS n WHERE type IS NOT NULL
         RETURN collect([type, n]) AS degree
       }
       RETURN e, roles, documents, degree`,
      { id },
    );
    return result.records[0];
  });
  if (!details) throw new AppError('NOT_FOUND', `No entity with id ${id}.`);
  const e = details.get('e') as Node;
  const p = e.properties as Record<string, unknown>;
  return {
    id,
    name: String(p.name),
    kind: e.labels.find((l) => l !== 'Entity') ?? 'Entity',
    aliases: (p.aliases as string[] | undefined) ?? [],
    properties: p,
    roles: details.get('roles') as EntityDetails['roles'],
    documents: details.get('documents') as EntityDetails['documents'],
    degree: Object.fromEntries(details.get('degree') as [string, number][]),
  };
}

export const NEIGHBOURHOOD_DEFAULT_LIMIT = 300;

/** A hop from `m` over a link the neighbourhood follows: not into documents, and of the types asked for. */
const HOP = `MATCH (m)-[r]-(n)
    WHERE NOT r:MENTIONED_IN AND NOT n:Document AND n <> e AND (size($types) = 0 OR type(r) IN $types)`;

/**
 * Rings of a breadth-first walk, each node once, at its least distance. A ring is walked only while the
 * nodes found so far are fewer than the limit: a hub's first ring alone fills it, where enumerating every
 * path of up to three hops from it took seconds (bench:api). Exported, with neighbourhoodParameters, so
 * bench:api can run the very same Cypher through the driver.
 */
export const NEIGHBOURHOOD_STATEMENT = `
    MATCH (e:Entity {id: $id})
    CALL (e) {
      WITH e AS m
      ${HOP}
      RETURN collect(DISTINCT n) AS ring1
    }
    CALL (e, ring1) {
      WITH e, ring1 WHERE $depth >= 2 AND size(ring1) < $limit
      UNWIND ring1 AS m
      ${HOP} AND NOT n IN ring1
      RETURN collect(DISTINCT n) AS ring2
    }
    CALL (e, ring1, ring2) {
      WITH e, ring1, ring2 WHERE $depth >= 3 AND size(ring1) + size(ring2) < $limit
      UNWIND ring2 AS m
      ${HOP} AND NOT n IN ring1 AND NOT n IN ring2
      RETURN collect(DISTINCT n) AS ring3
    }
    CALL (ring1, ring2, ring3) {
      UNWIND [[1, ring1], [2, ring2], [3, ring3]] AS ring
      UNWIND ring[1] AS n
      WITH n, ring[0] AS hops
      ORDER BY hops, coalesce(n.name, n.claim)
      LIMIT $limit
      RETURN collect(n) AS found
    }
    WITH [e] + found AS nodes
    CALL (nodes) {
      UNWIND nodes AS a
      MATCH (a)-[r]->(b) WHERE b IN nodes AND NOT r:MENTIONED_IN AND (size($types) = 0 OR type(r) IN $types)
      RETURN collect(DISTINCT r) AS rels
    }
    CALL (nodes) {
      UNWIND nodes AS a
      OPTIONAL MATCH (a)-[r]-(x) WHERE NOT x IN nodes AND NOT x:Document AND (size($types) = 0 OR type(r) IN $types)
      WITH a, count(DISTINCT x) AS left
      RETURN collect([elementId(a), left]) AS hidden
    }
    RETURN nodes, rels, hidden`;

export interface NeighbourhoodOptions {
  depth?: 1 | 2 | 3;
  /** Relationship types to follow; all when empty. */
  types?: string[];
  limit?: number;
}

export function neighbourhoodParameters(id: string, options: NeighbourhoodOptions = {}): Record<string, unknown> {
  return { id, depth: neo4j.int(options.depth ?? 1), types: options.types ?? [], limit: neo4j.int(options.limit ?? NEIGHBOURHOOD_DEFAULT_LIMIT) };
}

/**
 * The entity and the nodes within `depth` links of it (documents aside), nearest first, at most
 * `limit` of them; each node carries `hiddenNeighbours`, the neighbours left out, so a client can page.
 */
export async function neighbourhood(db: Database, id: string, options: NeighbourhoodOptions = {}): Promise<SerializedGraph> {
  const depth = options.depth ?? 1;
  const record = await db.read(async (tx) => {
    const result = await tx.run(NEIGHBOURHOOD_STATEMENT, neighbourhoodParameters(id, options));
    return result.records[0];
  });
  if (!record) throw new AppError('NOT_FOUND', `No entity with id ${id}.`);
  const hidden = new Map(record.get('hidden') as [string, number][]);
  const builder = new GraphBuilder();
  for (const node of record.get('nodes') as Node[]) builder.addNode(node, { hiddenNeighbours: hidden.get(node.elementId) ?? 0 });
  for (const rel of record.get('rels') as Relationship[]) builder.addRelationship(rel);
  return builder.build({ scope: 'neighbourhood', center: id, depth });
}
