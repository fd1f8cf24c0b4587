/**
 * What a Cypher result looks like in the console's table, and which part of the canvas it picks out.
 * Pure functions over the reply of POST /api/cypher, tested in node.
 */
import type { CypherNodeValue, CypherPathValue, CypherRelationshipValue, CypherResult } from '../../../common/api.js';
import { kindOf } from '../../../common/graph.js';

export type Cell =
  /** `entity` is the id the panel opens, for nodes that are entities (not documents or allegations). */
  | { kind: 'node'; text: string; detail: string; entity: string | null }
  | { kind: 'relationship'; text: string }
  | { kind: 'path'; text: string }
  | { kind: 'null'; text: string }
  | { kind: 'value'; text: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isNode(value: unknown): value is CypherNodeValue {
  return isRecord(value) && typeof value.node === 'string' && Array.isArray(value.labels) && isRecord(value.properties);
}

function isRelationship(value: unknown): value is CypherRelationshipValue {
  return (
    isRecord(value) &&
    typeof value.relationship === 'string' &&
    typeof value.type === 'string' &&
    typeof value.start === 'string' &&
    typeof value.end === 'string' &&
    isRecord(value.properties)
  );
}

function isPath(value: unknown): value is CypherPathValue {
  if (!isRecord(value) || Object.keys(value).length !== 2 || !Array.isArray(value.path) || !Array.isArray(value.relationships)) return false;
  const { path, relationships } = value as { path: unknown[]; relationships: unknown[] };
  return path.length === relationships.length + 1 && path.every((k) => typeof k === 'string') && relationships.every(isRelationship);
}

/** Node key → the name the canvas shows for it, from the result's graph. */
export function namesOf(result: Pick<CypherResult, 'graph'>): Map<string, string> {
  return new Map(result.graph.nodes.map((n) => [n.key, n.attributes.label]));
}

function nodeName(value: CypherNodeValue, names: ReadonlyMap<string, string>): string {
  const p = value.properties;
  const own = p.name ?? p.claim ?? p.title;
  return names.get(value.node) ?? (typeof own === 'string' ? own : value.node);
}

const nameOf = (key: string, names: ReadonlyMap<string, string>) => names.get(key) ?? key;

/** "Michael Cohen —LAWYER_FOR→ Donald Trump": the way it points, its ends by name. */
function relationshipText(value: CypherRelationshipValue, names: ReadonlyMap<string, string>): string {
  return `${nameOf(value.start, names)} —${value.type}→ ${nameOf(value.end, names)}`;
}

/** Hop by hop in walking order, each arrow the way its relationship points: "A —MET→ B ←ACCUSED— C". */
function pathText(value: CypherPathValue, names: ReadonlyMap<string, string>): string {
  let text = nameOf(value.path[0]!, names);
  value.relationships.forEach((rel, i) => {
    const to = nameOf(value.path[i + 1]!, names);
    text += rel.start === value.path[i] ? ` —${rel.type}→ ${to}` : ` ←${rel.type}— ${to}`;
  });
  return text;
}

/** A value as text; inside lists and maps, strings are quoted so that `["a, b"]` does not read as two items. */
function text(value: unknown, names: ReadonlyMap<string, string>, nested: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (isNode(value)) return nodeName(value, names);
  if (isRelationship(value)) return relationshipText(value, names);
  if (isPath(value)) return pathText(value, names);
  if (Array.isArray(value)) return `[${value.map((v) => text(v, names, true)).join(', ')}]`;
  if (isRecord(value))
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${text(v, names, true)}`)
      .join(', ')}}`;
  if (typeof value === 'string') return nested ? JSON.stringify(value) : value;
  return String(value as number | boolean);
}

export function cellOf(value: unknown, names: ReadonlyMap<string, string>): Cell {
  if (value === null || value === undefined) return { kind: 'null', text: 'null' };
  if (isNode(value)) {
    return { kind: 'node', text: nodeName(value, names), detail: kindOf(value.labels), entity: value.labels.includes('Entity') ? value.node : null };
  }
  if (isRelationship(value)) return { kind: 'relationship', text: relationshipText(value, names) };
  if (isPath(value)) return { kind: 'path', text: pathText(value, names) };
  return { kind: 'value', text: text(value, names, false) };
}

/** The result's nodes and relationships, to pick out on the canvas. */
export function highlightOf(result: Pick<CypherResult, 'graph'>): { nodes: Set<string>; edges: Set<string> } {
  return { nodes: new Set(result.graph.nodes.map((n) => n.key)), edges: new Set(result.graph.edges.map((e) => e.key)) };
}

/** Where "Add to canvas" grows from: a result node already on screen, so the result lands beside what it touches. */
export function anchorOf(result: Pick<CypherResult, 'graph'>, onCanvas: (key: string) => boolean): string | null {
  const keys = result.graph.nodes.map((n) => n.key);
  return keys.find(onCanvas) ?? keys[0] ?? null;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "12 rows, 5 nodes and 4 links in the graph", "No rows". */
export function summaryOf(result: Pick<CypherResult, 'rows' | 'graph'>): string {
  const rows = result.rows.length === 0 ? 'No rows' : count(result.rows.length, 'row');
  const { nodes, edges } = result.graph;
  return nodes.length ? `${rows}, ${count(nodes.length, 'node')} and ${count(edges.length, 'link')} in the graph` : rows;
}
