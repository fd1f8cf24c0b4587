/**
 * Styling that depends on what the user points at, as sigma reducers: the graph's data is never
 * changed, only what is drawn. Hovering a node keeps it and its neighbours in view and fades the rest;
 * links that rest on someone's allegation, or that the text hedges, are drawn apart from reported facts.
 */
import type { ViewEdge, ViewGraph, ViewNode } from './model.js';

export const FADED = '#e4e6eb';
/** Links into or out of an allegation, and hedged interactions ("allegedly", "reportedly"). */
export const ALLEGED_EDGE = '#d99aaa';

export function isAlleged(graph: ViewGraph, edge: string, data: ViewEdge): boolean {
  if (data.properties.hedged === true) return true;
  const [source, target] = graph.extremities(edge);
  return graph.getNodeAttribute(source, 'kind') === 'Allegation' || graph.getNodeAttribute(target, 'kind') === 'Allegation';
}

export function nodeStyle(graph: ViewGraph, node: string, data: ViewNode, hovered: string | null): Partial<ViewNode> & { zIndex?: number } {
  if (!hovered || node === hovered || graph.areNeighbors(node, hovered)) return { ...data, zIndex: hovered ? 1 : 0 };
  return { ...data, color: FADED, label: '', zIndex: 0 };
}

export function edgeStyle(graph: ViewGraph, edge: string, data: ViewEdge, hovered: string | null): Partial<ViewEdge> & { hidden?: boolean } {
  if (hovered && !graph.hasExtremity(edge, hovered)) return { ...data, hidden: true };
  return isAlleged(graph, edge, data) ? { ...data, color: ALLEGED_EDGE } : data;
}
