/**
 * Draws a graph with sigma over graphology. The graph holds data only; position, size and colour
 * are layout/appearance attributes computed here, and sigma reducers will carry view state.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import type { EdgeAttributes, NodeAttributes, SerializedGraph } from '../../../common/graph.js';
import { colorOf, sizeOf } from './style.js';

export type ViewNode = NodeAttributes & { x: number; y: number; size: number; color: string };
export type ViewEdge = EdgeAttributes & { size: number; color: string };
export type ViewGraph = Graph<ViewNode, ViewEdge>;

export function toViewGraph(data: SerializedGraph): ViewGraph {
  const graph: ViewGraph = new Graph({ type: 'directed', multi: true, allowSelfLoops: true });
  graph.import(data as unknown as Parameters<ViewGraph['import']>[0]);
  // Start on a circle so ForceAtlas2 unfolds the same way on every load.
  const n = graph.order;
  let i = 0;
  graph.forEachNode((node, attrs) => {
    const angle = (2 * Math.PI * i++) / Math.max(n, 1);
    graph.mergeNodeAttributes(node, {
      x: 100 * Math.cos(angle),
      y: 100 * Math.sin(angle),
      size: sizeOf(graph.degree(node)),
      color: colorOf(attrs.kind),
    });
  });
  graph.forEachEdge((edge) => graph.mergeEdgeAttributes(edge, { size: 1, color: '#c5c9d2' }));
  if (n > 1) forceAtlas2.assign(graph, { iterations: 150, settings: forceAtlas2.inferSettings(graph) });
  return graph;
}

/** Allegations are labelled by their claim, a whole clause: the canvas shows its start, the data keeps it all. */
export function shortLabel(label: string, max = 48): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

export function renderGraph(graph: ViewGraph, container: HTMLElement): Sigma<ViewNode, ViewEdge> {
  return new Sigma<ViewNode, ViewEdge>(graph, container, {
    nodeReducer: (_node, data) => ({ ...data, label: shortLabel(data.label) }),
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 6,
    labelDensity: 0.7,
    defaultEdgeType: 'arrow',
    zIndex: true,
  });
}
