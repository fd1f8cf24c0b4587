/**
 * A path as the user reads it: its nodes in walking order, what to pick out on the canvas, each hop in
 * words, where nodes new to the canvas go, and the camera frame around it. Pure functions, no DOM, so
 * they run under node:test.
 */
import { phraseOf } from '../graph/wording.js';
import type { Hop } from '../../../common/api.js';
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

/**
 * The camera around points in sigma's framed coordinates (the whole graph fits in 0..1 at ratio 1):
 * their centre, zoomed so that they take most of the view, never closer than `closest`.
 */
export function frame(points: readonly Point[], closest = 0.15): Point & { ratio: number } {
  if (points.length === 0) return { x: 0.5, y: 0.5, ratio: 1 };
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const extent = Math.max(maxX - minX, maxY - minY);
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio: Math.min(1, Math.max(closest, extent * 1.6)) };
}
