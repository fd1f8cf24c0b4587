/**
 * Pinned nodes: a node the user dragged into place carries `fixed: true`, which ForceAtlas2 honours
 * (it does not move it) and which the undo history keeps with the positions. On screen a pinned node
 * wears a ring, drawn by the `pinned` node program (layout/program.ts) that the reducers select.
 * No imports here, so the reducers and their unit tests can use it outside a browser.
 */

/** The sigma node type, hence the program, that draws a pinned node. */
export const PINNED_NODE_TYPE = 'pinned';
/** The ring's colour, and its colour when the node is faded behind a hover or a highlight. */
export const PIN_RING = '#1d2430';
export const PIN_RING_FADED = '#c9ccd3';
/** Pixels the ring adds around the node, so a pinned node keeps its fill the size it had. */
export const PIN_RING_WIDTH = 4;

export function isPinned(data: { readonly [attribute: string]: unknown }): boolean {
  return data.fixed === true;
}
