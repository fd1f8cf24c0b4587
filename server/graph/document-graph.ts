/**
 * What an article put into the graph: the entities it mentions, its allegations, and the links its
 * sentences are evidence for. The explorer shows it for articles just loaded; it is the graph of a
 * document, where /api/documents/:id is its text.
 */
import neo4j, { type Node, type Relationship } from 'neo4j-driver';
import type { SerializedGraph } from '../../common/graph.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { GraphBuilder } from './serialize.js';
import { shownNode, shownRel } from './visible.js';

/** Nodes at most in one document's graph: a long report can name hundreds of people. */
export const DOCUMENT_GRAPH_LIMIT = 500;

const DOCUMENT_GRAPH = `
  MATCH (d:Newsgraph:Document {id: $id})
  CALL (d) {
    MATCH (n:Newsgraph:Entity)-[m:MENTIONED_IN]->(d) WHERE ${shownNode('n')}
    RETURN n, m.count AS weight
    UNION
    MATCH (n:Newsgraph:Allegation {docId: d.id}) WHERE ${shownNode('n')}
    RETURN n, 1 AS weight
  }
  WITH d, n ORDER BY weight DESC, n.id LIMIT $limit
  WITH d, collect(n) AS nodes
  CALL (d, nodes) {
    UNWIND nodes AS a
    MATCH (a)-[r]->(b) WHERE b IN nodes AND NOT r:MENTIONED_IN AND ${shownRel('r')} AND d.id IN r.evDocs
    RETURN collect(r) AS rels
  }
  RETURN d.title AS title, nodes, rels`;

export async function documentGraph(db: Database, id: string): Promise<SerializedGraph> {
  const graph = await db.read(async (tx) => {
    const record = (await tx.run(DOCUMENT_GRAPH, { id, limit: neo4j.int(DOCUMENT_GRAPH_LIMIT) })).records[0];
    if (!record) return undefined;
    const builder = new GraphBuilder();
    for (const node of record.get('nodes') as Node[]) builder.addNode(node);
    for (const rel of record.get('rels') as Relationship[]) builder.addRelationship(rel);
    return builder.finish(tx, { scope: 'document', document: id, title: record.get('title') as string | null });
  });
  if (!graph) throw new AppError('NOT_FOUND', `No document with id ${id}.`);
  return graph;
}
