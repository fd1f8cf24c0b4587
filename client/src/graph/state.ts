/**
 * What the user is looking at, apart from the data: the hovered node, a picked-out set (a path, a
 * query's result) and the filters in force. Sigma's reducers read it on every frame; a change calls
 * `changed()` and the renderer refreshes. The graph itself is never touched for styling.
 */
import { DEFAULT_APPEARANCE, type Appearance } from './appearance.js';
import { centralityOf, communitiesOf } from './metrics.js';
import type { ViewEdge, ViewGraph, ViewNode } from './model.js';

/** A measure of the graph (its communities, its centrality) as it was at `version`. */
interface Measured {
  version: number;
  value: ReadonlyMap<string, number>;
}

/** True when the node may be drawn. */
export type NodeFilter = (graph: ViewGraph, node: string, data: ViewNode) => boolean;
/** True when the edge may be drawn (its ends pass the node filters on their own account). */
export type EdgeFilter = (graph: ViewGraph, edge: string, data: ViewEdge) => boolean;

export interface Highlight {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export class ViewState {
  hovered: string | null = null;
  /** The link under the pointer: drawn dark and labelled with its type. */
  hoveredEdge: string | null = null;
  /** Nodes and edges picked out (a path, a query result): everything else fades. */
  highlight: Highlight | null = null;
  /** Filters by owner ("kind", "degree"…): a node or edge is drawn when every one lets it through. */
  readonly nodeFilters = new Map<string, NodeFilter>();
  readonly edgeFilters = new Map<string, EdgeFilter>();
  /** What colour, size and width stand for (appearance.ts). */
  appearance: Appearance = { ...DEFAULT_APPEARANCE };
  /** Bumped by the canvas at every change of the graph: metrics computed before it are stale. */
  graphVersion = 0;
  private cachedCommunities: Measured | null = null;
  private cachedCentrality: Measured | null = null;
  private readonly listeners = new Set<() => void>();

  /**
   * The graph's communities and its nodes' centrality (metrics.ts), each worked out once per change of the
   * graph, and only when something asks: Louvain costs most of a second at 20,000 nodes, and the default
   * style (colour by kind) never needs it.
   */
  communities(graph: ViewGraph): ReadonlyMap<string, number> {
    if (this.cachedCommunities?.version !== this.graphVersion) this.cachedCommunities = { version: this.graphVersion, value: communitiesOf(graph) };
    return this.cachedCommunities.value;
  }

  centrality(graph: ViewGraph): ReadonlyMap<string, number> {
    if (this.cachedCentrality?.version !== this.graphVersion) this.cachedCentrality = { version: this.graphVersion, value: centralityOf(graph) };
    return this.cachedCentrality.value;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of this.listeners) listener();
  }

  /**
   * A node is drawn when every node filter lets it through and, while an edge filter is in force, one of
   * its links does too: a node whose links were all filtered away would stand alone on the canvas as if
   * unconnected, and the count of nodes shown would not move. A node that never had a link stays.
   */
  nodeShown(graph: ViewGraph, node: string, data: ViewNode): boolean {
    for (const keep of this.nodeFilters.values()) if (!keep(graph, node, data)) return false;
    if (this.edgeFilters.size === 0 || graph.degree(node) === 0) return true;
    return graph.someEdge(node, (edge, attributes) => this.edgeKept(graph, edge, attributes));
  }

  /** True when every edge filter lets the edge through, whatever becomes of its ends. */
  edgeKept(graph: ViewGraph, edge: string, data: ViewEdge): boolean {
    for (const keep of this.edgeFilters.values()) if (!keep(graph, edge, data)) return false;
    return true;
  }

  edgeShown(graph: ViewGraph, edge: string, data: ViewEdge): boolean {
    if (!this.edgeKept(graph, edge, data)) return false;
    const [source, target] = graph.extremities(edge);
    return this.nodeShown(graph, source, graph.getNodeAttributes(source)) && this.nodeShown(graph, target, graph.getNodeAttributes(target));
  }
}
