/**
 * The property keys of an exported graph and their types. GraphML, GEXF and CSV declare their columns
 * before the first row, so a streamed export learns them up front: from Neo4j's schema procedures for
 * the whole graph, from the values themselves for a subgraph held in memory.
 */
import type { SerializedEdge, SerializedNode } from '../../common/graph.js';
import { specialTypeOf, type SpecialType } from './values.js';

export type ValueType = 'string' | 'long' | 'double' | 'boolean' | SpecialType;

export interface PropertyType {
  type: ValueType;
  list: boolean;
}

/** Property name → type, for nodes and for edges. */
export interface PropertySchema {
  node: Map<string, PropertyType>;
  edge: Map<string, PropertyType>;
}

export function emptySchema(): PropertySchema {
  return { node: new Map(), edge: new Map() };
}

/** Two types seen for one key: numbers widen to double, anything else mixed is written as text. */
function merge(a: PropertyType | undefined, b: PropertyType): PropertyType {
  if (!a) return b;
  const list = a.list || b.list;
  if (a.type === b.type) return { type: a.type, list };
  if ((a.type === 'long' || a.type === 'double') && (b.type === 'long' || b.type === 'double')) return { type: 'double', list };
  return { type: 'string', list };
}

function scalarType(value: unknown): ValueType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  return specialTypeOf(value) ?? 'string';
}

export function typeOf(value: unknown): PropertyType | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) return { type: scalarType(value), list: false };
  let type: PropertyType | undefined;
  for (const item of value) type = merge(type, { type: scalarType(item), list: true });
  return type ?? { type: 'string', list: true };
}

export function addProperties(into: Map<string, PropertyType>, properties: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(properties)) {
    const type = typeOf(value);
    if (type) into.set(key, merge(into.get(key), type));
  }
}

/** The schema of a graph held in memory, from its values. */
export function schemaOf(nodes: readonly SerializedNode[], edges: readonly SerializedEdge[]): PropertySchema {
  const schema = emptySchema();
  for (const node of nodes) addProperties(schema.node, node.attributes.properties);
  for (const edge of edges) addProperties(schema.edge, edge.attributes.properties);
  return schema;
}

const NEO4J_TYPES: Record<string, PropertyType> = {
  String: { type: 'string', list: false },
  Long: { type: 'long', list: false },
  Integer: { type: 'long', list: false },
  Double: { type: 'double', list: false },
  Float: { type: 'double', list: false },
  Boolean: { type: 'boolean', list: false },
  StringArray: { type: 'string', list: true },
  LongArray: { type: 'long', list: true },
  IntegerArray: { type: 'long', list: true },
  DoubleArray: { type: 'double', list: true },
  FloatArray: { type: 'double', list: true },
  BooleanArray: { type: 'boolean', list: true },
  DateTime: { type: 'datetime', list: false },
  LocalDateTime: { type: 'localdatetime', list: false },
  Date: { type: 'date', list: false },
  Time: { type: 'time', list: false },
  LocalTime: { type: 'localtime', list: false },
  Duration: { type: 'duration', list: false },
  Point: { type: 'point', list: false },
  DateTimeArray: { type: 'datetime', list: true },
  LocalDateTimeArray: { type: 'localdatetime', list: true },
  DateArray: { type: 'date', list: true },
  TimeArray: { type: 'time', list: true },
  LocalTimeArray: { type: 'localtime', list: true },
  DurationArray: { type: 'duration', list: true },
  PointArray: { type: 'point', list: true },
};

/** Adds a row of db.schema.nodeTypeProperties() or relTypeProperties(). */
export function addSchemaRow(into: Map<string, PropertyType>, name: string | null, neo4jTypes: readonly string[] | null): void {
  if (!name) return;
  for (const t of neo4jTypes ?? []) {
    const type = NEO4J_TYPES[t] ?? { type: 'string', list: t.endsWith('Array') };
    into.set(name, merge(into.get(name), type));
  }
}
