/**
 * The graph on screen as data: graphology with the position, size and colour sigma reads. No
 * rendering here (view.ts draws), so it runs and is tested outside a browser.
 */
import { MultiDirectedGraph } from 'graphology';
import type { EdgeAttributes, NodeAttributes, SerializedGraph } from '../../../common/graph.js';
import { communitiesOf, communityPositions } from './metrics.js';
import { colorOf, sizeOf } from './style.js';

export type ViewNode = NodeAttributes & { x: number; y: number; size: number; color: string };
export type ViewEdge = EdgeAttributes & { size: number; color: string };
export type ViewGraph = MultiDirectedGraph<ViewNode, ViewEdge>;

/**
 * Past this many nodes the graph starts on one circle: Louvain would add most of a second to the first
 * frame, and at that size ForceAtlas2's own pull shows the groups well enough.
 */
const COMMUNITY_START_UP_TO = 5_000;

function circle(nodes: string[]): Map<string, { x: number; y: number }> {
  return new Map(nodes.map((node, i) => [node, { x: 100 * Math.cos((2 * Math.PI * i) / nodes.length), y: 100 * Math.sin((2 * Math.PI * i) / nodes.length) }]));
}

/**
 * The serialized graph with drawing attributes (view.ts lays it out). Each community starts on a circle
 * of its own (metrics.ts), so ForceAtlas2 unfolds the same way on every load and keeps the groups apart.
 */
export function viewGraphOf(data: SerializedGraph): ViewGraph {
  const graph: ViewGraph = new MultiDirectedGraph<ViewNode, ViewEdge>({ allowSelfLoops: true });
  graph.import(data as unknown as Parameters<ViewGraph['import']>[0]);
  const start = graph.order <= COMMUNITY_START_UP_TO ? communityPositions(communitiesOf(graph)) : circle(graph.nodes());
  graph.forEachNode((node, attrs) => {
    const { x, y } = start.get(node)!;
    graph.mergeNodeAttributes(node, { x, y, size: sizeOf(graph.degree(node)), color: colorOf(attrs.kind) });
  });
  graph.forEachEdge((edge) => graph.mergeEdgeAttributes(edge, { size: 1, color: '#c5c9d2' }));
  return graph;
}
