/**
 * Draws a graph with sigma over graphology. The graph holds data only; position, size and colour
 * are layout/appearance attributes computed here, and sigma reducers carry the view state.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { SerializedGraph } from '../../../common/graph.js';
import Sigma from 'sigma';
import { edgeStyle, nodeStyle } from './highlight.js';
import { viewGraphOf, type ViewEdge, type ViewGraph, type ViewNode } from './model.js';
import type { ViewState } from './state.js';

export type { ViewEdge, ViewGraph, ViewNode } from './model.js';

/** The serialized graph ready to draw, laid out with ForceAtlas2 from a circle, so the same on every load. */
export function toViewGraph(data: SerializedGraph): ViewGraph {
  const graph = viewGraphOf(data);
  if (graph.order > 1) forceAtlas2.assign(graph, { iterations: 150, settings: forceAtlas2.inferSettings(graph) });
  return graph;
}

/** Allegations are labelled by their claim, a whole clause: the canvas shows its start, the data keeps it all. */
export function shortLabel(label: string, max = 48): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

/** Sigma over the graph, styled by reducers that read `state`; a change of state refreshes the drawing. */
export function renderGraph(graph: ViewGraph, container: HTMLElement, state: ViewState): Sigma<ViewNode, ViewEdge> {
  const renderer = new Sigma<ViewNode, ViewEdge>(graph, container, {
    nodeReducer: (node, data) => {
      const styled = nodeStyle(graph, node, data, state);
      return { ...styled, label: styled.label ? shortLabel(styled.label) : styled.label };
    },
    edgeReducer: (edge, data) => edgeStyle(graph, edge, data, state),
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 6,
    labelDensity: 0.7,
    defaultEdgeType: 'arrow',
    zIndex: true,
  });
  state.onChange(() => renderer.refresh({ skipIndexation: true }));
  const hover = (node: string | null) => {
    state.hovered = node;
    container.dataset.hover = node ?? '';
    state.changed();
  };
  renderer.on('enterNode', ({ node }) => hover(node));
  renderer.on('leaveNode', () => hover(null));
  return renderer;
}
