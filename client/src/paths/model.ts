/**
 * Paths as data: the form's two ends and bound on hops, which of the shortest paths is shown, what the
 * panel lists for it, and how it comes onto the canvas; a path's nodes in walking order, each hop in
 * words, where nodes new to the canvas go, and the camera frame around it. Pure functions over plain
 * data, no DOM, so they run under node:test; paths.ts does the fetching and the drawing.
 */
import { corroborationLabel, phraseOf, shortLabel } from '../graph/wording.js';
import type { EvidenceItem, Hop, PathsResult } from '../../../common/api.js';
import type { Highlight } from '../graph/state.js';

export const MAX_HOPS = 6;
export const DEFAULT_HOPS = 4;

/**
 * The node ids from `from` to the far end. Hops give each relationship's own direction, which need not be
 * the walking direction: the next node is whichever end the walk is not standing on.
 */
export function walk(from: string, hops: readonly Hop[]): string[] {
  const nodes = [from];
  for (const hop of hops) {
    const here = nodes[nodes.length - 1]!;
    if (hop.source !== here && hop.target !== here) throw new Error(`Hop ${hop.edge} does not touch ${here}`);
    nodes.push(hop.source === here ? hop.target : hop.source);
  }
  return nodes;
}

export function highlightOf(from: string, hops: readonly Hop[]): Highlight {
  return { nodes: new Set(walk(from, hops)), edges: new Set(hops.map((h) => h.edge)) };
}

/** "Antony Blinken —MET→ Wang Yi", or "Wang Yi ←MET— Antony Blinken" when the walk goes against the link. */
export function hopText(here: string, hop: Hop, labelOf: (id: string) => string): string {
  const forward = hop.source === here;
  const there = forward ? hop.target : hop.source;
  // In plain words, the arrows pointing the way the link does: "Wang Yi ← accused ← Xi Jinping".
  const words = phraseOf(hop.relType);
  return forward ? `${labelOf(here)} → ${words} → ${labelOf(there)}` : `${labelOf(here)} ← ${words} ← ${labelOf(there)}`;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Places the nodes of a path that have no position yet: evenly between the nearest placed nodes on
 * either side, or, past the last placed one, on along the line it came in on. A path merged into the
 * canvas then reads as a line instead of a ring around one end.
 */
export function placeAlong(order: readonly string[], known: ReadonlyMap<string, Point>, step = 10): Map<string, Point> {
  const placed = new Map<string, Point>();
  const at = (i: number) => known.get(order[i]!) ?? placed.get(order[i]!);
  let i = 0;
  while (i < order.length) {
    if (at(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < order.length && !at(j)) j++;
    const before = i > 0 ? at(i - 1)! : undefined;
    const after = j < order.length ? at(j)! : undefined;
    for (let k = i; k < j; k++) {
      let point: Point;
      if (before && after) {
        const t = (k - i + 1) / (j - i + 1);
        point = { x: before.x + t * (after.x - before.x), y: before.y + t * (after.y - before.y) };
      } else {
        // Only one side is placed (or none): walk away from it in the direction the path arrived from.
        const anchor = before ?? after ?? { x: 0, y: 0 };
        const previous = before ? (i > 1 ? at(i - 2) : undefined) : j + 1 < order.length ? at(j + 1) : undefined;
        const dx = previous ? anchor.x - previous.x : 1;
        const dy = previous ? anchor.y - previous.y : 0;
        const length = Math.hypot(dx, dy) || 1;
        const distance = step * (before ? k - i + 1 : j - k);
        point = { x: anchor.x + (dx / length) * distance, y: anchor.y + (dy / length) * distance };
      }
      placed.set(order[k]!, point);
    }
    i = j;
  }
  return placed;
}

export type End = 'from' | 'to';

export interface Entity {
  id: string;
  name: string;
}

/** The entity chosen at each end of the form. A name typed but not picked from the suggestions is no choice. */
export type Ends = Readonly<Record<End, Entity | null>>;

export const NO_ENDS: Ends = { from: null, to: null };

export function choose(ends: Ends, end: End, entity: Entity): Ends {
  return { ...ends, [end]: entity };
}

/** Typing after a choice means a new name: the old choice no longer stands. */
export function typed(ends: Ends, end: End, text: string): Ends {
  const chosen = ends[end];
  return chosen && text !== chosen.name ? { ...ends, [end]: null } : ends;
}

/** Where the opened form takes the keyboard: the first empty field, else the Find button. */
export function focusOnOpen(texts: Readonly<Record<End, string>>): End | 'find' {
  return !texts.from ? 'from' : !texts.to ? 'to' : 'find';
}

export interface Query {
  from: Entity;
  to: Entity;
  maxHops: number;
}

/** What Find path asks the server, or what the form says instead, with the field to go back to. */
export type Ask = { query: Query } | { problem: string; focus: End | null };

export function ask(ends: Ends, maxHops: number): Ask {
  const { from, to } = ends;
  if (!from) return { problem: 'Choose From from the suggestions that appear as you type.', focus: 'from' };
  if (!to) return { problem: 'Choose To from the suggestions that appear as you type.', focus: 'to' };
  if (from.id === to.id) return { problem: 'From and To are the same entity: choose two different ones.', focus: null };
  return { query: { from, to, maxHops } };
}

/** The toast when the server could not answer. */
export function failure(query: Query, reason: string): string {
  return `Could not find a path from ${query.from.name} to ${query.to.name}: ${reason}`;
}

/** The answer to a query, one of its paths picked out. */
export interface Shown {
  result: PathsResult;
  from: Entity;
  to: Entity;
  index: number;
}

/** Next (1) or previous (-1), round from the last path to the first and back. */
export function step(shown: Shown, by: number): Shown {
  const count = shown.result.paths.length;
  return { ...shown, index: (((shown.index + by) % count) + count) % count };
}

/** The shown path's hops, its nodes in walking order, and what to pick out on the canvas. */
export function current(shown: Shown): { hops: readonly Hop[]; order: string[]; highlight: Highlight } {
  const hops = shown.result.paths[shown.index]!;
  return { hops, order: walk(shown.from.id, hops), highlight: highlightOf(shown.from.id, hops) };
}

/** The undo history's word for the change: "Path A → B", and how many nodes a merge added. */
export function changeName(from: Entity, to: Entity, added = 0): string {
  return `Path ${from.name} → ${to.name}${added ? `: ${added} added` : ''}`;
}

/**
 * How the paths come onto the canvas: merged in beside an end already there, so the user's picture
 * stays; in place of it otherwise, since a path far from everything on screen would be lost; not at all
 * when all of it is on screen, so that no empty step goes into the undo history.
 */
export type Placement = { how: 'replace' } | { how: 'merge'; anchor: string } | { how: 'none' };

export function placementOf(
  result: PathsResult,
  ends: { from: Entity; to: Entity },
  canvas: { hasNode(id: string): boolean; hasEdge(id: string): boolean },
): Placement {
  const anchor = [ends.from.id, ends.to.id].find((id) => canvas.hasNode(id));
  if (!anchor) return { how: 'replace' };
  const all = result.graph.nodes.every((n) => canvas.hasNode(n.key)) && result.graph.edges.every((e) => canvas.hasEdge(e.key));
  return all ? { how: 'none' } : { how: 'merge', anchor };
}

/** Whether everything a highlight picks out is still on the canvas: a path with a node or link gone has ended. */
export function intact(highlight: Highlight, canvas: { hasNode(id: string): boolean; hasEdge(id: string): boolean }): boolean {
  return [...highlight.nodes].every((n) => canvas.hasNode(n)) && [...highlight.edges].every((e) => canvas.hasEdge(e));
}

/** One hop as the panel lists it: in words, marked hedged or alleged, with what backs it. */
export interface HopItem {
  text: string;
  tag: 'hedged' | 'alleged' | null;
  /** "single source", "3 documents, 2 outlets"; null when the link is not in the answer's graph. */
  corroboration: string | null;
  evidence: EvidenceItem[];
}

export interface Listing {
  title: string;
  /** "3 hops" */
  count: string;
  /** "Path 2 of 3", or null when there is one path only (and so nothing to step through). */
  position: string | null;
  hops: HopItem[];
}

const hopCount = (n: number) => `${n} ${n === 1 ? 'hop' : 'hops'}`;

/** What the panel lists for the shown path. */
export function listing(shown: Shown): Listing {
  const { result, from, to, index } = shown;
  const { hops, order } = current(shown);
  const nodes = new Map(result.graph.nodes.map((n) => [n.key, n.attributes]));
  const edges = new Map(result.graph.edges.map((e) => [e.key, e.attributes]));
  const labelOf = (id: string) => shortLabel(nodes.get(id)?.label ?? id, 60);
  const items = hops.map((hop, i): HopItem => {
    const edge = edges.get(hop.edge);
    // Marked in words, as in the entity panel: a hop to or from an allegation is alleged.
    const alleged = [hop.source, hop.target].some((n) => nodes.get(n)?.kind === 'Allegation');
    const tag = alleged ? 'alleged' : edge?.properties.hedged === true ? 'hedged' : null;
    const corroboration = edge ? corroborationLabel(edge.corroboration) : null;
    return { text: hopText(order[i]!, hop, labelOf), tag, corroboration, evidence: hop.evidence };
  });
  const position = result.paths.length > 1 ? `Path ${index + 1} of ${result.paths.length}` : null;
  return { title: `${from.name} → ${to.name}`, count: hopCount(hops.length), position, hops: items };
}

/** What the panel says when no path was found, and the longer search left to offer, if any. */
export interface NoPath {
  title: string;
  text: string;
  widen: string | null;
}

export function nothingFound(query: Query): NoPath {
  const within = hopCount(query.maxHops);
  return {
    title: `No path within ${within}`,
    text: `${query.from.name} and ${query.to.name} are not linked through ${within} or fewer in the graph.`,
    widen: query.maxHops < MAX_HOPS ? `Look up to ${MAX_HOPS} hops` : null,
  };
}
