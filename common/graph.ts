/**
 * The one wire format for graphs: graphology's serialized JSON
 * (https://graphology.github.io/serialization.html), with newsgraph's attribute shapes.
 * Server, client, tests and JSON export all use these types.
 */

/** What a node stands for in Neo4j: its labels plus the properties we expose. */
export interface NodeAttributes {
  /** Text to draw: an entity's name, an allegation's claim, a document's title. */
  label: string;
  /** Neo4j labels, e.g. ["Entity", "Person"]. */
  labels: string[];
  /** The most specific label: Person, Institution, Place, Allegation, Document… */
  kind: string;
  properties: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface EdgeAttributes {
  /**
   * Neo4j relationship type, e.g. MET or ALLEGES. Not named `type`: sigma reads an edge's `type`
   * as the name of the program that draws it.
   */
  relType: string;
  properties: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface SerializedNode {
  key: string;
  attributes: NodeAttributes;
}

export interface SerializedEdge {
  key: string;
  source: string;
  target: string;
  attributes: EdgeAttributes;
  undirected?: false;
}

export interface SerializedGraph {
  attributes: Record<string, unknown>;
  options: { type: 'directed'; multi: true; allowSelfLoops: true };
  nodes: SerializedNode[];
  edges: SerializedEdge[];
}

/** Graph options every payload declares, so graphology rebuilds the same kind of graph. */
export const GRAPH_OPTIONS: SerializedGraph['options'] = { type: 'directed', multi: true, allowSelfLoops: true };

/** Labels that carry meaning beyond the umbrella `Entity`, most specific first. */
const KIND_ORDER = ['Person', 'Institution', 'Place', 'Allegation', 'Document'];

export function kindOf(labels: readonly string[]): string {
  return KIND_ORDER.find((k) => labels.includes(k)) ?? labels.find((l) => l !== 'Entity') ?? 'Node';
}
