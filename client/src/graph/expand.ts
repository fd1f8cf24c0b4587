/**
 * Growing the graph on screen without moving what the user has already placed in mind: a fetched
 * neighbourhood is merged in, nodes already there keep their positions, new ones are set on a ring
 * around the node that was expanded. Pure functions over the graphology graph.
 */
import type { SerializedGraph } from '../../../common/graph.js';
import { colorOf, sizeOf } from './style.js';
import type { ViewGraph } from './model.js';

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Adds the nodes and edges of `data` that `graph` lacks; returns how many nodes were added. */
export function mergeNeighbourhood(graph: ViewGraph, center: string, data: SerializedGraph): number {
  const fresh = data.nodes.filter((n) => !graph.hasNode(n.key));
  const origin = graph.hasNode(center) ? graph.getNodeAttributes(center) : { x: 0, y: 0 };
  // A ring wide enough for its nodes, scaled to the graph's current extent.
  const extent = Math.max(10, ...graph.mapNodes((_k, a) => Math.hypot(a.x - origin.x, a.y - origin.y)));
  const radius = Math.max(extent / 3, 4 * Math.sqrt(fresh.length));
  // Turned by the golden angle for each neighbour already there, so page after page of one node's
  // neighbours interleave instead of landing on the same spokes.
  const turn = graph.hasNode(center) ? graph.neighbors(center).length * GOLDEN_ANGLE : 0;
  fresh.forEach((n, i) => {
    const angle = turn + (2 * Math.PI * i) / fresh.length;
    graph.addNode(n.key, {
      ...n.attributes,
      x: origin.x + radius * Math.cos(angle),
      y: origin.y + radius * Math.sin(angle),
      size: 0,
      color: colorOf(n.attributes.kind),
    });
  });
  // Counts of neighbours left out change as neighbours come in: the newest word wins.
  for (const n of data.nodes) {
    if (fresh.includes(n)) continue;
    const { hiddenNeighbours, neighbourCount } = n.attributes;
    graph.mergeNodeAttributes(n.key, neighbourCount === undefined ? { hiddenNeighbours } : { hiddenNeighbours, neighbourCount });
  }
  for (const e of data.edges) {
    if (graph.hasEdge(e.key) || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    graph.addEdgeWithKey(e.key, e.source, e.target, { ...e.attributes, size: 1, color: '#c5c9d2' });
  }
  graph.forEachNode((node) => graph.setNodeAttribute(node, 'size', sizeOf(graph.degree(node))));
  return fresh.length;
}

/** The neighbours of `center` that hang off it alone: nodes whose one neighbour (self-loops aside) is `center`. */
export function leavesOf(graph: ViewGraph, center: string): string[] {
  if (!graph.hasNode(center)) return [];
  return graph.filterNeighbors(center, (node) => node !== center && graph.everyNeighbor(node, (other) => other === center || other === node));
}

/**
 * Collapses `center`: drops its leaves (leavesOf) and their edges, and sizes it for the degree it has
 * left; every other node keeps its place and size. Returns the nodes dropped.
 */
export function collapseLeaves(graph: ViewGraph, center: string): string[] {
  const leaves = leavesOf(graph, center);
  for (const leaf of leaves) graph.dropNode(leaf);
  if (leaves.length) graph.setNodeAttribute(center, 'size', sizeOf(graph.degree(center)));
  return leaves;
}

/** The graph as data. graphology exports the graph's attributes object itself, not a copy: a later setAttribute would change the snapshot too. */
function copyOf(graph: ViewGraph): ReturnType<ViewGraph['export']> {
  const data = graph.export();
  return { ...data, attributes: { ...data.attributes } };
}

/** Snapshots of the graph before each change, for undo and redo. */
export class History {
  private readonly past: ReturnType<ViewGraph['export']>[] = [];
  private readonly future: ReturnType<ViewGraph['export']>[] = [];

  /** Call before changing the graph. */
  record(graph: ViewGraph): void {
    this.past.push(copyOf(graph));
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

  /** Rewrites every snapshot kept (a correction changed the data they show: see curate/model.ts purgeSnapshot). */
  rewrite(change: (snapshot: ReturnType<ViewGraph['export']>) => ReturnType<ViewGraph['export']>): void {
    for (const list of [this.past, this.future]) list.forEach((snapshot, i) => (list[i] = change(snapshot)));
  }

  clear(): void {
    this.past.length = 0;
    this.future.length = 0;
  }

  private step(graph: ViewGraph, from: ReturnType<ViewGraph['export']>[], to: ReturnType<ViewGraph['export']>[]): boolean {
    const snapshot = from.pop();
    if (!snapshot) return false;
    to.push(copyOf(graph));
    graph.clear();
    graph.import(snapshot);
    return true;
  }
}
