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

/**
 * How many distinct documents, and distinct outlets among them, back a relationship: computed by the
 * server from the evidence it stores, never stored itself. An outlet is the host of a document's source
 * URL; a document without one adds to `documents` only, so `outlets` never counts what it cannot tell apart.
 */
export interface Corroboration {
  documents: number;
  outlets: number;
}

export interface EdgeAttributes {
  /**
   * Neo4j relationship type, e.g. MET or ALLEGES. Not named `type`: sigma reads an edge's `type`
   * as the name of the program that draws it.
   */
  relType: string;
  properties: Record<string, unknown>;
  /** On every relationship of every API graph and export (see Corroboration). */
  corroboration: Corroboration;
  /**
   * When the relationship's evidence was published: the earliest and latest `publishedAt` of its evidence
   * documents, and every distinct one in order (what a time range is tested against). Read from the
   * documents each time, never stored; absent when none of them is dated.
   */
  firstSeen?: string;
  lastSeen?: string;
  evidenceDates?: string[];
  [extra: string]: unknown;
}

/** The dates of a link's or an allegation's evidence (see EdgeAttributes); empty when none is dated. */
export interface EvidenceDates {
  firstSeen?: string;
  lastSeen?: string;
  evidenceDates?: string[];
}

/** The documents a relationship's evidence cites (`evDocs`), each once; none when it keeps no evidence list. */
export function evidenceDocuments(properties: Record<string, unknown>): string[] {
  const docs = properties.evDocs;
  return Array.isArray(docs) ? [...new Set(docs.filter((d): d is string => typeof d === 'string'))] : [];
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
