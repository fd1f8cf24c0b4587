/**
 * Growing the graph on screen without moving what the user has already placed in mind: a fetched
 * neighbourhood is merged in, nodes already there keep their positions, new ones are set on a ring
 * around the node that was expanded. Pure functions over the graphology graph.
 */
import type { SerializedGraph } from '../../../common/graph.js';
import { colorOf, sizeOf } from './style.js';
import type { ViewGraph } from './model.js';

/** Adds the nodes and edges of `data` that `graph` lacks; returns how many nodes were added. */
export function mergeNeighbourhood(graph: ViewGraph, center: string, data: SerializedGraph): number {
  const fresh = data.nodes.filter((n) => !graph.hasNode(n.key));
  const origin = graph.hasNode(center) ? graph.getNodeAttributes(center) : { x: 0, y: 0 };
  // A ring wide enough for its nodes, scaled to the graph's current extent.
  const extent = Math.max(10, ...graph.mapNodes((_k, a) => Math.hypot(a.x - origin.x, a.y - origin.y)));
  const radius = Math.max(extent / 3, 4 * Math.sqrt(fresh.length));
  fresh.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / fresh.length;
    graph.addNode(n.key, { ...n.attributes, x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle), size: 0, color: colorOf(n.attributes.kind) });
  });
  // Counts of neighbours left out change as neighbours come in: the newest word wins.
  for (const n of data.nodes) if (!fresh.includes(n)) graph.mergeNodeAttributes(n.key, { hiddenNeighbours: n.attributes.hiddenNeighbours });
  for (const e of data.edges) {
    if (graph.hasEdge(e.key) || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    graph.addEdgeWithKey(e.key, e.source, e.target, { ...e.attributes, size: 1, color: '#c5c9d2' });
  }
  graph.forEachNode((node) => graph.setNodeAttribute(node, 'size', sizeOf(graph.degree(node))));
  return fresh.length;
}

/** Snapshots of the graph before each change, for undo and redo. */
export class History {
  private readonly past: ReturnType<ViewGraph['export']>[] = [];
  private readonly future: ReturnType<ViewGraph['export']>[] = [];

  /** Call before changing the graph. */
  record(graph: ViewGraph): void {
    this.past.push(graph.export());
    this.future.length = 0;
  }

  undo(graph: ViewGraph): boolean {
    return this.step(graph, this.past, this.future);
  }

  redo(graph: ViewGraph): boolean {
    return this.step(graph, this.future, this.past);
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  clear(): void {
    this.past.length = 0;
    this.future.length = 0;
  }

  private step(graph: ViewGraph, from: ReturnType<ViewGraph['export']>[], to: ReturnType<ViewGraph['export']>[]): boolean {
    const snapshot = from.pop();
    if (!snapshot) return false;
    to.push(graph.export());
    graph.clear();
    graph.import(snapshot);
    return true;
  }
}
