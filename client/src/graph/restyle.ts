/**
 * Keeping sigma's picture of each node in step with the node's links. Sigma works out a node's look (runs
 * the node reducer) when the node is added or its attributes change, and every node's on any drop or clear,
 * but no node's when a link is added: it takes a look to depend on the node alone. Ours depends on its
 * links too: the "+N" badge counts the neighbours on the canvas (paging/badge.ts), the degree filter reads
 * the degree. `graph.import` (undo, redo, a new canvas) adds every node before any link, so without this
 * each look stays the one of a node with no neighbours: a badge of all of them.
 * Pure over graphology's events, tested in node; the renderer (view.ts) hands the nodes to sigma.
 */
import type { ViewGraph } from './model.js';

/**
 * Calls `restyle` with the nodes that gained links, once the task that added them is done: an import of
 * thousands of links styles each node once, not once per link, and before the next frame is drawn.
 * Returns the unsubscribe.
 */
export function watchAddedLinks(graph: ViewGraph, restyle: (nodes: string[]) => void): () => void {
  let touched = new Set<string>();
  const flush = () => {
    // A node may be gone by now (a collapse, a clear): sigma forgot it with the graph.
    const nodes = [...touched].filter((node) => graph.hasNode(node));
    touched = new Set();
    if (nodes.length) restyle(nodes);
  };
  const touch = ({ source, target }: { source: string; target: string }) => {
    if (touched.size === 0) queueMicrotask(flush);
    touched.add(source).add(target);
  };
  graph.on('edgeAdded', touch);
  return () => void graph.removeListener('edgeAdded', touch);
}
