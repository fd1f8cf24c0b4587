/**
 * The "+N" badge: how many of a node's neighbours are not on the canvas, drawn after its name. Counted
 * from what the canvas holds now, not from the reply that brought the node, so it stays true through
 * merges, pages, collapses and undo. Pure functions over the graph, run by the node reducer.
 */
import type { ViewGraph, ViewNode } from './model.js';
import { shortLabel } from './wording.js';

/** Longest label the canvas draws (view.ts cuts longer ones): the badge must survive that cut. */
export const LABEL_MAX = 48;

/**
 * Neighbours of `node` that are not on the canvas. A node from a neighbourhood reply knows how many
 * neighbours it has (`neighbourCount`), and the canvas shows how many of them are here; a node from
 * elsewhere (the overview) knows nothing, and shows no badge.
 */
export function hiddenCount(graph: ViewGraph, node: string): number {
  const { neighbourCount, hiddenNeighbours } = graph.getNodeAttributes(node);
  if (typeof neighbourCount !== 'number') return typeof hiddenNeighbours === 'number' ? hiddenNeighbours : 0;
  let shown = 0;
  // Neighbours once each, however many links: the server counts distinct neighbours too, documents aside.
  graph.forEachNeighbor(node, (other, attributes) => {
    if (other !== node && attributes.kind !== 'Document') shown += 1;
  });
  return Math.max(0, neighbourCount - shown);
}

/** "Antony Blinken +12": the name cut short enough that the badge is always drawn whole. */
export function badgeLabel(label: string, hidden: number, max = LABEL_MAX): string {
  if (hidden <= 0) return label;
  const badge = ` +${hidden}`;
  return `${shortLabel(label, max - badge.length)}${badge}`;
}

/** A node's look with the badge on its label, when the label is drawn at all (faded nodes have none). */
export function withBadge<T extends Partial<ViewNode> & { hidden?: boolean }>(graph: ViewGraph, node: string, look: T): T {
  if (look.hidden || !look.label) return look;
  const hidden = hiddenCount(graph, node);
  return hidden > 0 ? { ...look, label: badgeLabel(look.label, hidden) } : look;
}
