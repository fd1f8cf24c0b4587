/**
 * The graph on screen as data: graphology with the position, size and colour sigma reads. No
 * rendering here (view.ts draws), so it runs and is tested outside a browser.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, NodeAttributes, SerializedGraph } from '../../../common/graph.js';
import { colorOf, sizeOf } from './style.js';

export type ViewNode = NodeAttributes & { x: number; y: number; size: number; color: string };
export type ViewEdge = EdgeAttributes & { size: number; color: string };
export type ViewGraph = MultiDirectedGraph<ViewNode, ViewEdge>;

/** The serialized graph with drawing attributes, nodes on a circle (view.ts lays them out). */
export function viewGraphOf(data: SerializedGraph): ViewGraph {
  const graph: ViewGraph = new MultiDirectedGraph<ViewNode, ViewEdge>({ allowSelfLoops: true });
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
  return graph;
}
