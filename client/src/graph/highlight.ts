/**
 * Styling as sigma reducers: the graph's data is never changed, only what is drawn. Filters hide;
 * a highlight (a path, a query result) fades everything else; hovering a node keeps it and its
 * neighbours in view and fades the rest; links that rest on someone's allegation, or that the text
 * hedges, are drawn apart from reported facts.
 */
import type { ViewEdge, ViewGraph, ViewNode } from './model.js';
import { edgeWidth, nodeColor, nodeSize } from './appearance.js';
import type { ViewState } from './state.js';
import { isPinned, PIN_RING, PIN_RING_FADED, PIN_RING_WIDTH, PINNED_NODE_TYPE } from './pinned.js';
import { withBadge } from './badge.js';

export const FADED = '#e4e6eb';
/** Links into or out of an allegation, and hedged interactions ("allegedly", "reportedly"). */
export const ALLEGED_EDGE = '#d99aaa';
/** Edges of a highlighted path or result. */
export const HIGHLIGHT_EDGE = '#1d2430';

export function isAlleged(graph: ViewGraph, edge: string, data: ViewEdge): boolean {
  if (data.properties.hedged === true) return true;
  const [source, target] = graph.extremities(edge);
  return graph.getNodeAttribute(source, 'kind') === 'Allegation' || graph.getNodeAttribute(target, 'kind') === 'Allegation';
}

type NodeLook = Partial<ViewNode> & { zIndex?: number; hidden?: boolean; highlighted?: boolean };
type EdgeLook = Partial<ViewEdge> & { zIndex?: number; hidden?: boolean };

/**
 * An allegation is drawn as a ring, hollow, where a person, an institution or a place is a disc: a claim
 * and the links into it read apart from reported facts by shape, not by colour alone.
 */
export const CLAIM_NODE_TYPE = 'claim';

export function nodeStyle(graph: ViewGraph, node: string, data: ViewNode, state: ViewState): NodeLook {
  // Its label says how many of its neighbours are not on the canvas yet ("Name +12", badge.ts).
  const look = withBadge(graph, node, baseNodeStyle(graph, node, data, state));
  // A node the user dragged into place wears a ring (pinned.ts), faded with the node when it is.
  if (!isPinned(data) || look.hidden) return data.kind === 'Allegation' && !look.hidden ? { ...look, type: CLAIM_NODE_TYPE } : look;
  return { ...look, type: PINNED_NODE_TYPE, size: (look.size ?? data.size) + PIN_RING_WIDTH, ringColor: look.color === FADED ? PIN_RING_FADED : PIN_RING };
}

/** The node's colour and size by the attributes the user chose to show (appearance.ts). */
function styledNode(graph: ViewGraph, node: string, data: ViewNode, state: ViewState): ViewNode {
  const { color, size } = state.appearance;
  if (color === 'kind' && size === 'degree') return data;
  const facts = {
    kind: data.kind,
    degree: graph.degree(node),
    community: color === 'community' ? state.communities(graph).get(node) : undefined,
    centrality: size === 'centrality' ? state.centrality(graph).get(node) : undefined,
  };
  return { ...data, color: nodeColor(facts, color), size: nodeSize(facts, size) };
}

function baseNodeStyle(graph: ViewGraph, node: string, raw: ViewNode, state: ViewState): NodeLook {
  if (!state.nodeShown(graph, node, raw)) return { ...raw, hidden: true };
  const data = styledNode(graph, node, raw, state);
  const { hovered, highlight } = state;
  if (hovered) {
    if (node === hovered || graph.areNeighbors(node, hovered)) return { ...data, zIndex: 1 };
    return { ...data, color: FADED, label: '', zIndex: 0 };
  }
  if (highlight) return highlight.nodes.has(node) ? { ...data, zIndex: 1, highlighted: true } : { ...data, color: FADED, label: '', zIndex: 0 };
  return { ...data, zIndex: 0 };
}

export function edgeStyle(graph: ViewGraph, edge: string, raw: ViewEdge, state: ViewState): EdgeLook {
  if (!state.edgeShown(graph, edge, raw)) return { ...raw, hidden: true };
  const width = edgeWidth(raw.corroboration, state.appearance.width);
  // Most links rest on one document: their data is drawn as it is, with no copy per frame.
  const data = width === raw.size ? raw : { ...raw, size: width };
  const { hovered, highlight } = state;
  if (state.hoveredEdge === edge) return { ...data, color: HIGHLIGHT_EDGE, size: Math.max(2.5, data.size), zIndex: 2 };
  if (hovered && !graph.hasExtremity(edge, hovered)) return { ...data, hidden: true };
  if (!hovered && highlight) {
    if (!highlight.edges.has(edge)) return { ...data, color: FADED, zIndex: 0 };
    return { ...data, color: HIGHLIGHT_EDGE, size: 3, zIndex: 1 };
  }
  return isAlleged(graph, edge, data) ? { ...data, color: ALLEGED_EDGE } : data;
}
