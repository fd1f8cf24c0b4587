/**
 * Where pages of a node's neighbours start and how several make one merge. A node on the canvas keeps
 * how far its pages went in its `pagedTo` attribute, so undo and redo take it back with the graph.
 * Pure functions, tested in node.
 */
import type { SerializedGraph } from '../../../common/graph.js';
import type { ViewGraph } from '../graph/model.js';

/** Where the next page of `reply`'s centre starts: the reply's offset plus the nodes of its page. */
export function nextOffset(reply: SerializedGraph): number {
  const { offset, page } = reply.attributes;
  return (typeof offset === 'number' ? offset : 0) + (Array.isArray(page) ? page.length : 0);
}

/** Where `node`'s next page starts: 0 when none was fetched, or when all were (the pages go round again). */
export function pageOffset(graph: ViewGraph, node: string): number {
  const { pagedTo, neighbourCount } = graph.getNodeAttributes(node);
  if (typeof pagedTo !== 'number') return 0;
  return typeof neighbourCount === 'number' && pagedTo >= neighbourCount ? 0 : pagedTo;
}

/** Several replies as one graph, for one merge (one undo step); a later reply's node attributes win. */
export function combinePages(pages: SerializedGraph[]): SerializedGraph {
  const nodes = new Map(pages.flatMap((p) => p.nodes.map((n) => [n.key, n] as const)));
  const edges = new Map(pages.flatMap((p) => p.edges.map((e) => [e.key, e] as const)));
  const last = pages.at(-1)!;
  return { ...last, nodes: [...nodes.values()], edges: [...edges.values()] };
}
