/**
 * Where an export's nodes and edges come from. The whole graph is streamed from Neo4j a batch at a time,
 * inside one read transaction, so it is never held in memory; every other scope is a bounded subgraph
 * that the graph capability already cuts (neighbourhood, paths, read-only Cypher) and is held as one.
 */
import { type ManagedTransaction, type Node, type Record as Neo4jRecord, type Relationship } from 'neo4j-driver';
import type { Correction } from '../../common/curate.js';
import type { ExportedDocument, ExportScope } from '../../common/export.js';
import { allCorrections } from '../curate/log.js';
import type { SerializedEdge, SerializedGraph, SerializedNode } from '../../common/graph.js';
import { runReadOnly } from '../cypher/run.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { neighbourhood } from '../graph/entity.js';
import { shortestPaths } from '../graph/paths.js';
import { corroborateEdge, dateNode, readDocumentFacts, type FactsByDocument } from '../graph/corroboration.js';
import { documentInRange, linkInRange, narrowGraph, rangeParameters, type TimeRange } from '../graph/time.js';
import { isRangeSet } from '../../common/time.js';
import { GraphBuilder, serializeNode } from '../graph/serialize.js';
import { addSchemaRow, emptySchema, schemaOf, type PropertySchema } from './schema.js';

/** A scope the server can cut: everything but the explorer's own `view`. */
export type ServerScope = Exclude<ExportScope, { kind: 'view' }>;

/** The time range of a scope, when it has one. */
const rangeOf = (scope: ServerScope): TimeRange | null => scope.range ?? null;

export interface ExportSource {
  schema: PropertySchema;
  /** True when nodes carry x and y (a view's layout). */
  positions: boolean;
  /** How many nodes and edges will come, for progress. */
  totals: { nodes: number; edges: number };
  /**
   * The nodes, then (in a second call) the edges, in batches of SOURCE_BATCH or so: a writer loops over a
   * batch without a promise per element.
   */
  nodes(): AsyncIterable<readonly SerializedNode[]>;
  /** Only edges between nodes that nodes() gave: read the nodes first. */
  edges(): AsyncIterable<readonly SerializedEdge[]>;
  /** The documents with these ids, for evidence packs; ids with no document are left out. */
  documents(ids: string[]): Promise<ExportedDocument[]>;
  /** Every correction of the log, for evidence packs (they keep those touching their nodes). */
  corrections(): Promise<Correction[]>;
}

/** Beyond this, a query's result is refused rather than cut: an export never drops data silently. */
export const EXPORT_MAX_ROWS = 100_000;
export const EXPORT_CYPHER_TIMEOUT_MS = 60_000;
/** A neighbourhood export takes every node in reach up to this many (the explorer pages 300 at a time). */
export const EXPORT_NEIGHBOURHOOD_LIMIT = 50_000;

const DOCUMENTS = `UNWIND $ids AS id MATCH (d:Newsgraph:Document {id: id})
  RETURN d.id AS id, d.title AS title, d.outlet AS outlet, d.url AS url, d.file AS file, d.publishedAt AS publishedAt, d.byline AS byline`;

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

/**
 * How many elements a source hands over at a time. 100 to 1,000 timed alike; a batch is held until it is
 * written, so it is kept small.
 */
const SOURCE_BATCH = 300;

async function* batchesOf<T>(items: readonly T[]): AsyncIterable<readonly T[]> {
  for (let i = 0; i < items.length; i += SOURCE_BATCH) yield items.slice(i, i + SOURCE_BATCH);
}

function memorySource(db: Database, graph: SerializedGraph, positions?: Map<string, { x: number; y: number }>): ExportSource {
  const nodes = graph.nodes.map((n) => dataNode(n, positions));
  return {
    schema: schemaOf(nodes, graph.edges),
    positions: Boolean(positions?.size),
    totals: { nodes: nodes.length, edges: graph.edges.length },
    nodes: () => batchesOf(nodes),
    edges: () => batchesOf(graph.edges),
    documents: (ids) => db.read((tx) => readDocuments(tx, ids)),
    corrections: () => db.read(allCorrections),
  };
}

/** One index lookup per id (entities, allegations and documents share the id constraint), then the links among the nodes. */
const NODES_STATEMENT = `
  UNWIND $ids AS id
  MATCH (n:Newsgraph {id: id}) WHERE NOT n:NewsgraphRejected
  WITH collect(DISTINCT n) AS nodes
  CALL (nodes) {
    UNWIND nodes AS a
    MATCH (a)-[r]->(b) WHERE b IN nodes AND r.rejected IS NULL
    RETURN collect(r) AS rels
  }
  RETURN nodes, rels`;

async function nodesGraph(db: Database, ids: string[]): Promise<SerializedGraph> {
  const graph = await db.read(async (tx) => {
    const record = (await tx.run(NODES_STATEMENT, { ids })).records[0];
    const builder = new GraphBuilder();
    for (const node of (record?.get('nodes') as Node[] | undefined) ?? []) builder.addNode(node);
    for (const rel of (record?.get('rels') as Relationship[] | undefined) ?? []) builder.addRelationship(rel);
    return builder.finish(tx);
  });
  if (graph.nodes.length === 0) throw new AppError('NOT_FOUND', `None of the ${ids.length} node ids given is in the graph.`);
  return graph;
}

/**
 * The scope's subgraph. A time range narrows the neighbourhood and paths as the API does (in their
 * queries: which links are walked); a query's result and a list of nodes are cut first and then
 * narrowed to the range by the links' evidence dates (narrowGraph), which is the same rule.
 */
async function subgraph(db: Database, scope: Exclude<ServerScope, { kind: 'all' }>): Promise<SerializedGraph> {
  const range = rangeOf(scope);
  switch (scope.kind) {
    case 'neighbourhood':
      return neighbourhood(db, scope.id, { depth: scope.depth, limit: EXPORT_NEIGHBOURHOOD_LIMIT, range });
    case 'path': {
      const paths = await shortestPaths(db, scope.from, scope.to, scope.maxLength, range);
      if (!paths.found) throw new AppError('NOT_FOUND', `No path of at most ${scope.maxLength} links joins ${scope.from} and ${scope.to}.`);
      return paths.graph;
    }
    case 'cypher': {
      const result = await runReadOnly(db, scope.query, scope.params ?? {}, { maxRows: EXPORT_MAX_ROWS, timeoutMs: EXPORT_CYPHER_TIMEOUT_MS });
      if (result.truncated) {
        throw new AppError('BAD_REQUEST', `The query returns more than ${EXPORT_MAX_ROWS} rows; narrow it, or export the whole graph.`);
      }
      return narrowGraph(result.graph, range);
    }
    case 'nodes':
      return narrowGraph(await nodesGraph(db, scope.ids), range);
  }
}

/**
 * The whole graph is read as values, not maps: each element's properties come as a list in the order of
 * keys given as a parameter (for a relationship, its type's keys), null where it has none. The driver
 * decodes a map key by key through Object.defineProperty, and a key string per value, which was half of
 * its time on 500k relationships; Neo4j builds each map once either way (bench:export).
 */
const allNodes = (inRange: string) => `MATCH (n:Newsgraph) WHERE NOT n:NewsgraphRejected${inRange} WITH n, properties(n) AS p
  RETURN elementId(n) AS elementId, labels(n) AS labels, [k IN $keys | p[k]] AS values`;
/**
 * In a time range: documents published in it, and the nodes with a link (a mention included) that has
 * evidence in it, to a node that is shown.
 */
const ALL_NODES = allNodes('');
const ALL_NODES_IN_RANGE = allNodes(` AND CASE WHEN n:Document THEN ${documentInRange('n')}
    ELSE EXISTS { MATCH (n)-[r]-(m:Newsgraph) WHERE NOT m:NewsgraphRejected AND r.rejected IS NULL AND ${linkInRange('r')} } END`);
/** A node's key as serializeNode gives it (nodeKey): its own string id, else Neo4j's element id. */
const keyOf = (n: string) => `coalesce(CASE WHEN ${n}.id IS :: STRING THEN ${n}.id END, elementId(${n}))`;
/**
 * A relationship as the fields an edge keeps, not as a whole relationship, whose start and end element
 * ids and numeric ids the driver would decode for nothing; its ends by key, as the node records carry them.
 * A type the schema did not list (created since it was read) comes without properties.
 */
const allEdges = (
  inRange: string,
) => `MATCH (a:Newsgraph)-[r]->(b:Newsgraph) WHERE r.rejected IS NULL AND NOT a:NewsgraphRejected AND NOT b:NewsgraphRejected${inRange} WITH a, r, b, properties(r) AS p
  RETURN elementId(r) AS key, type(r) AS type, ${keyOf('a')} AS source, ${keyOf('b')} AS target,
         [k IN coalesce($keysByType[type(r)], []) | p[k]] AS values`;
const ALL_EDGES = allEdges('');
/** In a time range: the links with evidence in it (their ends are checked against the nodes exported, as ever). */
const ALL_EDGES_IN_RANGE = allEdges(` AND ${linkInRange('r')}`);

/** What the whole-graph statements are read with: every property key with its types, and each relationship type's keys. */
export interface GraphSchema {
  schema: PropertySchema;
  keysByType: Record<string, string[]>;
}

/** A type as db.schema.relTypeProperties() names it, :`TYPE` with backticks doubled, back to TYPE. */
function relTypeName(quoted: string): string {
  return quoted.replace(/^:`|`$/g, '').replace(/``/g, '`');
}

/**
 * From Neo4j's schema procedures, each a pass over the nodes or relationships. Node keys come from
 * newsgraph's node types only; relationship types cannot be told apart by their ends here, so beside
 * other data its relationship types' keys are listed too (a column no exported edge fills).
 */
export async function readGraphSchema(tx: ManagedTransaction): Promise<GraphSchema> {
  const schema = emptySchema();
  const keysByType: Record<string, string[]> = {};
  const nodes = await tx.run(
    "CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName, propertyTypes WHERE 'Newsgraph' IN nodeLabels RETURN propertyName, propertyTypes",
  );
  for (const r of nodes.records) addSchemaRow(schema.node, r.get('propertyName') as string | null, r.get('propertyTypes') as string[] | null);
  const rels = await tx.run('CALL db.schema.relTypeProperties() YIELD relType, propertyName, propertyTypes RETURN relType, propertyName, propertyTypes');
  for (const r of rels.records) {
    const name = r.get('propertyName') as string | null;
    addSchemaRow(schema.edge, name, r.get('propertyTypes') as string[] | null);
    const keys = (keysByType[relTypeName(r.get('relType') as string)] ??= []);
    if (name !== null && !keys.includes(name)) keys.push(name);
  }
  return { schema, keysByType };
}

/** The statements and their parameters, exported for bench:export, which reads them as one of its references. */
export function allStatements({ schema, keysByType }: GraphSchema, range?: TimeRange | null) {
  const ranged = isRangeSet(range);
  const bounds = ranged ? rangeParameters(range) : {};
  return {
    nodes: { text: ranged ? ALL_NODES_IN_RANGE : ALL_NODES, parameters: { keys: [...schema.node.keys()], ...bounds } },
    edges: { text: ranged ? ALL_EDGES_IN_RANGE : ALL_EDGES, parameters: { keysByType, ...bounds } },
  };
}

/** Values read in the order of `keys` as a properties object: a null is a property the element lacks. */
function propertiesOf(keys: readonly string[] | undefined, values: readonly unknown[]): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  if (!keys) return properties;
  for (let i = 0; i < keys.length; i++) {
    const value = values[i];
    if (value === null || value === undefined) continue;
    // Plain assignment keeps V8's fast objects; only a key named __proto__ would set the prototype instead.
    if (keys[i] === '__proto__') Object.defineProperty(properties, '__proto__', { value, writable: true, enumerable: true, configurable: true });
    else properties[keys[i]!] = value;
  }
  return properties;
}

/** Records gathered into batches of at least SOURCE_BATCH elements; `add` turns one record into elements. */
async function* gathered<T>(records: AsyncIterable<Neo4jRecord>, add: (record: Neo4jRecord, into: T[]) => void): AsyncIterable<readonly T[]> {
  let batch: T[] = [];
  for await (const record of records) {
    add(record, batch);
    if (batch.length >= SOURCE_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function streamedSource(
  tx: ManagedTransaction,
  graphSchema: GraphSchema,
  totals: ExportSource['totals'],
  facts: FactsByDocument,
  range: TimeRange | null,
): ExportSource {
  const statements = allStatements(graphSchema, range);
  const nodeKeys = statements.nodes.parameters.keys;
  const { keysByType } = graphSchema;
  /**
   * Neo4j reads what is committed as it goes, not a snapshot: a load beside the export can commit nodes and
   * their relationships between the node pass and the relationship pass. Such a relationship points at a
   * node the file does not hold, which readers reject, so it is left out, as GraphBuilder does for subgraphs.
   */
  const exported = new Set<string>();
  return {
    schema: graphSchema.schema,
    positions: false,
    totals,
    nodes: () =>
      gathered<SerializedNode>(tx.run(statements.nodes.text, statements.nodes.parameters), (record, into) => {
        const properties = propertiesOf(nodeKeys, record.get(2) as unknown[]);
        const node = dateNode(serializeNode({ elementId: record.get(0) as string, labels: record.get(1) as string[], properties }), facts);
        exported.add(node.key);
        into.push(node);
      }),
    edges: () =>
      gathered<SerializedEdge>(tx.run(statements.edges.text, statements.edges.parameters), (record, into) => {
        const [source, target] = [record.get(2) as string, record.get(3) as string];
        if (!exported.has(source) || !exported.has(target)) return;
        const relType = record.get(1) as string;
        const edge = {
          key: record.get(0) as string,
          source,
          target,
          attributes: { relType, properties: propertiesOf(keysByType[relType], record.get(4) as unknown[]) },
        };
        into.push(corroborateEdge(edge, facts));
      }),
    documents: (ids) => readDocuments(tx, ids),
    corrections: () => allCorrections(tx),
  };
}

export interface ExportSourceOptions {
  /** Node positions to add as x and y (the explorer's layout). */
  positions?: Map<string, { x: number; y: number }>;
  /** True once any output has left, after which the work must not be retried. */
  started: () => boolean;
}

/**
 * Runs `write` over the scope's data. For the whole graph that happens inside one read transaction;
 * the driver retries a transaction that fails on a passing fault, which is only safe before any output
 * left: after that, the export stops with EXPORT_INTERRUPTED instead of writing its start twice.
 */
export async function withSource<T>(db: Database, scope: ServerScope, write: (source: ExportSource) => Promise<T>, options: ExportSourceOptions): Promise<T> {
  if (scope.kind !== 'all') return write(memorySource(db, await subgraph(db, scope), options.positions));
  return db.read(async (tx) => {
    if (options.started()) throw new AppError('EXPORT_INTERRUPTED', 'Neo4j failed part-way through the export; run it again.');
    // Every format needs the keys: the elements are read as values in their order.
    const schema = await readGraphSchema(tx);
    // Both counts come from Neo4j's count store, without reading the graph; beside other data the
    // relationships' count is an upper bound (it takes those from our nodes to any), fine for progress.
    const nodes = (await tx.run('MATCH (n:Newsgraph) RETURN count(n) AS n')).records[0]?.get('n');
    const edges = (await tx.run('MATCH (:Newsgraph)-[r]->() RETURN count(r) AS n')).records[0]?.get('n');
    // Documents are few beside relationships: their outlets and dates are held, and each edge counts and dates its own.
    const facts = await readDocumentFacts(tx);
    // In a time range they count the whole graph still: progress ends short of its total, never past it.
    return write(streamedSource(tx, schema, { nodes: Number(nodes ?? 0), edges: Number(edges ?? 0) }, facts, rangeOf(scope)));
  });
}
