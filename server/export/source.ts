/**
 * Where an export's nodes and edges come from. The whole graph is streamed from Neo4j record by record,
 * inside one read transaction, so it is never held in memory; every other scope is a bounded subgraph
 * that the graph capability already cuts (neighbourhood, paths, read-only Cypher) and is held as one.
 */
import { type ManagedTransaction, type Node, type Relationship } from 'neo4j-driver';
import type { ExportedDocument, ExportScope } from '../../common/export.js';
import type { SerializedEdge, SerializedGraph, SerializedNode } from '../../common/graph.js';
import { runReadOnly } from '../cypher/run.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { neighbourhood } from '../graph/entity.js';
import { shortestPaths } from '../graph/paths.js';
import { GraphBuilder, serializeNode } from '../graph/serialize.js';
import { addSchemaRow, emptySchema, schemaOf, type PropertySchema } from './schema.js';

/** A scope the server can cut: everything but the explorer's own `view`. */
export type ServerScope = Exclude<ExportScope, { kind: 'view' }>;

export interface ExportSource {
  schema: PropertySchema;
  /** True when nodes carry x and y (a view's layout). */
  positions: boolean;
  /** How many nodes and edges will come, for progress. */
  totals: { nodes: number; edges: number };
  nodes(): AsyncIterable<SerializedNode>;
  edges(): AsyncIterable<SerializedEdge>;
  /** The documents with these ids, for evidence packs; ids with no document are left out. */
  documents(ids: string[]): Promise<ExportedDocument[]>;
}

/** Beyond this, a query's result is refused rather than cut: an export never drops data silently. */
export const EXPORT_MAX_ROWS = 100_000;
export const EXPORT_CYPHER_TIMEOUT_MS = 60_000;
/** A neighbourhood export takes every node in reach up to this many (the explorer pages 300 at a time). */
export const EXPORT_NEIGHBOURHOOD_LIMIT = 50_000;

const DOCUMENTS = `UNWIND $ids AS id MATCH (d:Document {id: id})
  RETURN d.id AS id, d.title AS title, d.outlet AS outlet, d.url AS url, d.file AS file`;

async function readDocuments(tx: ManagedTransaction, ids: string[]): Promise<ExportedDocument[]> {
  if (ids.length === 0) return [];
  const result = await tx.run(DOCUMENTS, { ids });
  return result.records.map((r) => r.toObject() as ExportedDocument);
}

/** The view's extras (hidden neighbour counts and such) are not data: an export keeps label, labels, kind, properties. */
function dataNode(node: SerializedNode, positions?: Map<string, { x: number; y: number }>): SerializedNode {
  const { label, labels, kind, properties } = node.attributes;
  const at = positions?.get(node.key);
  return { key: node.key, attributes: { label, labels, kind, properties, ...(at ? { x: at.x, y: at.y } : {}) } };
}

async function* each<T>(items: readonly T[]): AsyncIterable<T> {
  yield* items;
}

function memorySource(db: Database, graph: SerializedGraph, positions?: Map<string, { x: number; y: number }>): ExportSource {
  const nodes = graph.nodes.map((n) => dataNode(n, positions));
  return {
    schema: schemaOf(nodes, graph.edges),
    positions: Boolean(positions?.size),
    totals: { nodes: nodes.length, edges: graph.edges.length },
    nodes: () => each(nodes),
    edges: () => each(graph.edges),
    documents: (ids) => db.read((tx) => readDocuments(tx, ids)),
  };
}

/** Two index lookups per id (entities, allegations, documents), as the entity routes do, then the links among the nodes. */
const NODES_STATEMENT = `
  UNWIND $ids AS id
  CALL (id) {
    MATCH (n:Entity {id: id}) RETURN n
    UNION
    MATCH (n:Allegation {id: id}) RETURN n
    UNION
    MATCH (n:Document {id: id}) RETURN n
  }
  WITH collect(DISTINCT n) AS nodes
  CALL (nodes) {
    UNWIND nodes AS a
    MATCH (a)-[r]->(b) WHERE b IN nodes
    RETURN collect(r) AS rels
  }
  RETURN nodes, rels`;

async function nodesGraph(db: Database, ids: string[]): Promise<SerializedGraph> {
  const record = await db.read(async (tx) => (await tx.run(NODES_STATEMENT, { ids })).records[0]);
  const builder = new GraphBuilder();
  for (const node of (record?.get('nodes') as Node[] | undefined) ?? []) builder.addNode(node);
  for (const rel of (record?.get('rels') as Relationship[] | undefined) ?? []) builder.addRelationship(rel);
  const graph = builder.build();
  if (graph.nodes.length === 0) throw new AppError('NOT_FOUND', `None of the ${ids.length} node ids given is in the graph.`);
  return graph;
}

async function subgraph(db: Database, scope: Exclude<ServerScope, { kind: 'all' }>): Promise<SerializedGraph> {
  switch (scope.kind) {
    case 'neighbourhood':
      return neighbourhood(db, scope.id, { depth: scope.depth, limit: EXPORT_NEIGHBOURHOOD_LIMIT });
    case 'path': {
      const paths = await shortestPaths(db, scope.from, scope.to, scope.maxLength);
      if (!paths.found) throw new AppError('NOT_FOUND', `No path of at most ${scope.maxLength} links joins ${scope.from} and ${scope.to}.`);
      return paths.graph;
    }
    case 'cypher': {
      const result = await runReadOnly(db, scope.query, scope.params ?? {}, { maxRows: EXPORT_MAX_ROWS, timeoutMs: EXPORT_CYPHER_TIMEOUT_MS });
      if (result.truncated) {
        throw new AppError('BAD_REQUEST', `The query returns more than ${EXPORT_MAX_ROWS} rows; narrow it, or export the whole graph.`);
      }
      return result.graph;
    }
    case 'nodes':
      return nodesGraph(db, scope.ids);
  }
}

const ALL_NODES = 'MATCH (n) RETURN n';
/**
 * Endpoints by key, not as nodes: the node records were streamed already, and would cost as much again.
 * The relationship as the three fields an edge keeps, not as a whole relationship, whose start and end
 * element ids and numeric ids the driver would decode for nothing (a fifth of its time on 500k edges).
 */
const ALL_EDGES = `MATCH (a)-[r]->(b)
  RETURN elementId(r) AS key, type(r) AS type, properties(r) AS properties,
         coalesce(a.id, elementId(a)) AS source, coalesce(b.id, elementId(b)) AS target`;
/** Exported for bench:export, whose baseline reads the very same statements through the driver. */
export const ALL_STATEMENTS = { nodes: ALL_NODES, edges: ALL_EDGES };

async function readSchema(tx: ManagedTransaction): Promise<PropertySchema> {
  const schema = emptySchema();
  const nodes = await tx.run('CALL db.schema.nodeTypeProperties() YIELD propertyName, propertyTypes RETURN propertyName, propertyTypes');
  for (const r of nodes.records) addSchemaRow(schema.node, r.get('propertyName') as string | null, r.get('propertyTypes') as string[] | null);
  const rels = await tx.run('CALL db.schema.relTypeProperties() YIELD propertyName, propertyTypes RETURN propertyName, propertyTypes');
  for (const r of rels.records) addSchemaRow(schema.edge, r.get('propertyName') as string | null, r.get('propertyTypes') as string[] | null);
  return schema;
}

function streamedSource(tx: ManagedTransaction, schema: PropertySchema, totals: ExportSource['totals']): ExportSource {
  return {
    schema,
    positions: false,
    totals,
    async *nodes() {
      for await (const record of tx.run(ALL_NODES)) yield serializeNode(record.get('n') as Node);
    },
    async *edges() {
      for await (const record of tx.run(ALL_EDGES)) {
        yield {
          key: record.get('key') as string,
          source: record.get('source') as string,
          target: record.get('target') as string,
          // The driver's own object, not a copy: the record is dropped once the edge is written.
          attributes: { relType: record.get('type') as string, properties: record.get('properties') as Record<string, unknown> },
        };
      }
    },
    documents: (ids) => readDocuments(tx, ids),
  };
}

export interface ExportSourceOptions {
  /** Node positions to add as x and y (the explorer's layout). */
  positions?: Map<string, { x: number; y: number }>;
  /** True once any output has left, after which the work must not be retried. */
  started: () => boolean;
  /**
   * False for formats that declare no columns (JSON, evidence packs, Cypher): the whole graph's schema is
   * then not read (`schema` is empty), which spares Neo4j a pass over every relationship's properties,
   * about 1 s per 500k relationships. Default true.
   */
  schema?: boolean;
}

/**
 * Runs `write` over the scope's data. For the whole graph that happens inside one read transaction;
 * the driver retries a transaction that fails on a passing fault, which is only safe before any output
 * left: after that, the export stops with EXPORT_INTERRUPTED instead of writing its start twice.
 */
export async function withSource<T>(
  db: Database,
  scope: ServerScope,
  write: (source: ExportSource) => Promise<T>,
  options: ExportSourceOptions,
): Promise<T> {
  if (scope.kind !== 'all') return write(memorySource(db, await subgraph(db, scope), options.positions));
  return db.read(async (tx) => {
    if (options.started()) throw new AppError('EXPORT_INTERRUPTED', 'Neo4j failed part-way through the export; run it again.');
    const schema = options.schema === false ? emptySchema() : await readSchema(tx);
    // Both counts come from Neo4j's count store, without reading the graph.
    const nodes = (await tx.run('MATCH (n) RETURN count(n) AS n')).records[0]?.get('n');
    const edges = (await tx.run('MATCH ()-[r]->() RETURN count(r) AS n')).records[0]?.get('n');
    return write(streamedSource(tx, schema, { nodes: Number(nodes ?? 0), edges: Number(edges ?? 0) }));
  });
}
