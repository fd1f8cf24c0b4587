/**
 * What sigma has drawn, read off the renderer as plain numbers for svg.ts: every node and edge as the
 * reducers styled it (filters, highlight, pins), at its place on screen, in drawing order.
 */
import type Sigma from 'sigma';
import { CLAIM_NODE_TYPE } from '../graph/highlight.js';
import type { ViewEdge, ViewNode } from '../graph/model.js';
import type { ProbedElement } from '../graph/view.js';
import { PINNED_NODE_TYPE } from '../graph/pinned.js';
import type { SvgEdge, SvgNode, SvgView } from './svg.js';

export function snapshotOf(sigma: Sigma<ViewNode, ViewEdge>): SvgView {
  const graph = sigma.getGraph();
  // The labels on screen: those placed clear of the others (graph/labels.ts), else sigma's own choice.
  const probe = (sigma.getContainer() as ProbedElement).newsgraphView?.drawnLabels();
  const labelled = probe ? new Set(probe.labels.map((l) => l.node)) : sigma.getNodeDisplayedLabels();
  const minEdgeThickness = sigma.getSetting('minEdgeThickness');
  const nodes: (SvgNode & { z: number })[] = [];
  graph.forEachNode((key) => {
    const shown = sigma.getNodeDisplayData(key);
    if (!shown) return;
    const { x, y } = sigma.framedGraphToViewport(shown);
    // A pinned node's ring is its own colour; an allegation is a ring of its colour around white.
    const claim = shown.type === CLAIM_NODE_TYPE;
    const ring = claim ? shown.color : shown.type === PINNED_NODE_TYPE ? (shown as { ringColor?: string }).ringColor : undefined;
    nodes.push({
      key,
      x,
      y,
      radius: sigma.scaleSize(shown.size),
      color: claim ? '#ffffff' : shown.color,
      ...(shown.label && labelled.has(key) ? { label: shown.label } : {}),
      ...(ring ? { ring } : {}),
      hidden: shown.hidden,
      z: shown.zIndex,
    });
  });
  const edges: (SvgEdge & { z: number })[] = [];
  graph.forEachEdge((key, _attributes, source, target) => {
    const shown = sigma.getEdgeDisplayData(key);
    if (!shown) return;
    // As the shaders draw: no thinner than minEdgeThickness; `line` is the 1-px program of large graphs.
    const width = shown.type === 'line' ? 1 : Math.max(sigma.scaleSize(shown.size), minEdgeThickness);
    const dashed = shown.type === 'dashed';
    edges.push({ key, source, target, color: shown.color, width, arrow: shown.type === 'arrow' || dashed, dashed, hidden: shown.hidden, z: shown.zIndex });
  });
  // Sigma draws by zIndex (a path's or a result's items over the faded rest); sort is stable within a level.
  const byZ = (a: { z: number }, b: { z: number }) => a.z - b.z;
  const { width, height } = sigma.getDimensions();
  return {
    width,
    height,
    nodes: nodes.sort(byZ),
    edges: edges.sort(byZ),
    background: '#ffffff',
    labelFont: sigma.getSetting('labelFont'),
    labelSize: sigma.getSetting('labelSize'),
    labelColor: sigma.getSetting('labelColor').color ?? '#000000',
  };
}
