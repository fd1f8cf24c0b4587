/**
 * The view an export of the "visible graph" sends to the server, as pure functions (no DOM): the nodes
 * the filters let through, and where the canvas placed them, so GEXF, GraphML and JSON keep the layout.
 */
import type { ViewGraph } from '../graph/model.js';
import type { ViewState } from '../graph/state.js';

/** The keys of the nodes `state` shows, in the graph's order. */
export function visibleNodes(graph: ViewGraph, state: ViewState): string[] {
  return graph.filterNodes((key, data) => state.nodeShown(graph, key, data));
}

/** The layout of `nodes` in the graph's own coordinates (not the screen's), as POST /api/export takes it. */
export function positionsOf(graph: ViewGraph, nodes: readonly string[]): Record<string, [number, number]> {
  const positions: Record<string, [number, number]> = {};
  for (const key of nodes) {
    const { x, y } = graph.getNodeAttributes(key);
    if (Number.isFinite(x) && Number.isFinite(y)) positions[key] = [x, y];
  }
  return positions;
}
