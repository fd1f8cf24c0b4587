import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { SerializedGraph } from '../../common/graph.js';
import type { Database } from '../db/database.js';
import { GraphBuilder } from './serialize.js';

export const OVERVIEW_DEFAULT_LIMIT = 300;
export const OVERVIEW_MAX_LIMIT = 5_000;

/**
 * The best-connected of newsgraph's nodes (never another application's) and the links among them. Documents are left out, and so are links to them
 * when ranking: every entity is mentioned somewhere, which says nothing about its place in the story.
 */
export async function graphOverview(db: Database, limit = OVERVIEW_DEFAULT_LIMIT): Promise<SerializedGraph> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (n:Newsgraph) WHERE NOT n:Document
       WITH n ORDER BY COUNT { (n)--(m:Newsgraph) WHERE NOT m:Document } DESC, n.name LIMIT $limit
       WITH collect(n) AS nodes
       CALL (nodes) {
         UNWIND nodes AS a
         MATCH (a)-[r]->(b) WHERE b IN nodes
         RETURN collect(r) AS rels
       }
       RETURN nodes, rels`,
      // JS numbers travel as floats; LIMIT needs an integer.
      { limit: neo4j.int(limit) },
    );
    const builder = new GraphBuilder();
    const record = result.records[0];
    for (const node of (record?.get('nodes') as Node[] | undefined) ?? []) builder.addNode(node);
    for (const rel of (record?.get('rels') as Relationship[] | undefined) ?? []) builder.addRelationship(rel);
    return builder.finish(tx, { scope: 'overview', limit });
  });
}
