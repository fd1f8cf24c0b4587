/**
 * What an export of the view holds, as pure functions (no DOM): the nodes on show (those the filters
 * let through) and the links between them, with their data as the API sent it and their positions,
 * wrapped as a newsgraph export; and the name of the file.
 */
import { EXPORT_FORMAT, EXPORT_VERSION, type GraphExport } from '../../../common/export.js';
import { GRAPH_OPTIONS, type SerializedEdge, type SerializedGraph, type SerializedNode } from '../../../common/graph.js';
import type { ViewEdge, ViewGraph, ViewNode } from '../graph/model.js';
import type { ViewState } from '../graph/state.js';

/** Attributes the canvas adds to draw and lay out the data: not data, so not exported (x and y are). */
const DRAWING_ATTRIBUTES = new Set(['size', 'color', 'fixed']);

function dataOf<T extends object>(attributes: T): T {
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => !DRAWING_ATTRIBUTES.has(name))) as T;
}

/** The part of `graph` that `state` shows, in the wire format, positions included. */
export function visibleGraph(graph: ViewGraph, state: ViewState): SerializedGraph {
  const nodes: SerializedNode[] = [];
  graph.forEachNode((key, data: ViewNode) => {
    if (state.nodeShown(graph, key, data)) nodes.push({ key, attributes: dataOf(data) });
  });
  const edges: SerializedEdge[] = [];
  graph.forEachEdge((key, data: ViewEdge, source, target) => {
    if (state.edgeShown(graph, key, data)) edges.push({ key, source, target, attributes: dataOf(data) });
  });
  return { attributes: {}, options: { ...GRAPH_OPTIONS }, nodes, edges };
}

export function viewExport(graph: ViewGraph, state: ViewState, at = new Date()): GraphExport {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: at.toISOString(), scope: { kind: 'view' }, graph: visibleGraph(graph, state) };
}
