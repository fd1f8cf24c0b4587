/**
 * Graph elements as flat rows of typed columns, for the formats whose attributes are flat (GraphML,
 * GEXF): a node's label, kind and labels, then each Neo4j property under its own name; an edge's
 * relationship type and corroboration, then its properties. A property whose name a column already has (institutions
 * have a `kind` property) is written as `property.<name>`. Lists are written as JSON text.
 */
import type { SerializedEdge, SerializedNode } from '../../common/graph.js';
import type { PropertySchema, ValueType } from './schema.js';
import { specialText } from './values.js';

/** The types flat formats declare: temporal and spatial values go as text. */
export type FlatType = 'string' | 'long' | 'double' | 'boolean';

export interface Column<T> {
  name: string;
  type: FlatType;
  read(element: T): unknown;
}

function propertyColumns<T extends SerializedNode | SerializedEdge>(schema: Map<string, { type: ValueType; list: boolean }>, taken: Set<string>): Column<T>[] {
  return [...schema]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, { type, list }]) => ({
      name: taken.has(key) ? `property.${key}` : key,
      // A list travels as JSON text: neither format has a list type that its readers agree on.
      type: list || !isFlat(type) ? 'string' : type,
      read: (element: T) => {
        const value = element.attributes.properties[key];
        if (value === undefined || value === null) return value;
        if (list) return listText(value);
        return typeof value === 'object' ? specialText(value) : value;
      },
    }));
}

const specialAsText = (_k: string, v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? specialText(v) : v);

/**
 * A list as JSON text, its datetimes and points as their text. Nearly every list holds only strings and
 * numbers: those skip the replacer, which JSON.stringify would call once per item (the slow path).
 */
function listText(value: unknown): string {
  if (Array.isArray(value) && !value.some((v) => typeof v === 'object' && v !== null)) return JSON.stringify(value);
  return JSON.stringify(value, specialAsText);
}

function isFlat(type: ValueType): type is FlatType {
  return type === 'string' || type === 'long' || type === 'double' || type === 'boolean';
}

export function nodeColumns(schema: PropertySchema, positions: boolean): Column<SerializedNode>[] {
  const meta: Column<SerializedNode>[] = [
    { name: 'label', type: 'string', read: (n) => n.attributes.label },
    { name: 'kind', type: 'string', read: (n) => n.attributes.kind },
    { name: 'labels', type: 'string', read: (n) => JSON.stringify(n.attributes.labels) },
  ];
  if (positions) {
    meta.push({ name: 'x', type: 'double', read: (n) => n.attributes.x }, { name: 'y', type: 'double', read: (n) => n.attributes.y });
  }
  return [...meta, ...propertyColumns<SerializedNode>(schema.node, new Set(meta.map((c) => c.name)))];
}

export function edgeColumns(schema: PropertySchema): Column<SerializedEdge>[] {
  const meta: Column<SerializedEdge>[] = [
    { name: 'relType', type: 'string', read: (e) => e.attributes.relType },
    // Gephi and yEd show an edge's `label`.
    { name: 'label', type: 'string', read: (e) => e.attributes.relType },
    // Derived, not stored: how many distinct documents and outlets back the link (graph/corroboration.ts).
    { name: 'corroboration.documents', type: 'long', read: (e) => e.attributes.corroboration?.documents },
    { name: 'corroboration.outlets', type: 'long', read: (e) => e.attributes.corroboration?.outlets },
  ];
  return [...meta, ...propertyColumns<SerializedEdge>(schema.edge, new Set(meta.map((c) => c.name)))];
}

/** The column's value as text, or null when the element has none. */
export function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return JSON.stringify(value);
  return specialText(value);
}
