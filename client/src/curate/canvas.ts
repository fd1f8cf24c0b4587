/**
 * The canvas after a correction, without a reload: what model.ts canvasStep says goes, goes (from the
 * undo snapshots too), and the entities it names are fetched again and put back with their links.
 */
import type { SerializedGraph } from '../../../common/graph.js';
import { fetchNeighbourhood } from '../api.js';
import type { Canvas } from '../app/canvas.js';
import { viewOf } from '../app/url.js';
import { mergeNeighbourhood } from '../graph/expand.js';
import { colorOf, sizeOf } from '../graph/style.js';
import { purgeSnapshot, restrictTo, viewAfter, type CanvasStep } from './model.js';

/** Applies `step` to the canvas; `what` is said on the status line. Nodes it names that the canvas never held stay away. */
export async function applyStep(canvas: Canvas, step: CanvasStep, what: string, pageSize: number): Promise<void> {
  const { graph } = canvas;
  const relevant = (r: CanvasStep['reopen'][number]) => graph.hasNode(r.id) || r.near.some((n) => graph.hasNode(n));
  const wanted = step.reopen.filter(relevant);
  // Fetched before anything changes: the canvas changes in one go, between two frames.
  const replies = await Promise.all(wanted.map((r) => fetchNeighbourhood(r.id, 1, { limit: pageSize })));

  const labels = new Map<string, string>();
  for (const [i, r] of wanted.entries()) {
    const centre = replies[i]!.nodes.find((n) => n.key === r.id);
    if (centre) labels.set(r.id, centre.attributes.label);
  }
  canvas.history.rewrite((snapshot) => purgeSnapshot(snapshot, step, labels));

  const places = new Map<string, { x: number; y: number }>();
  graph.forEachNode((node, a) => places.set(node, { x: a.x, y: a.y }));
  for (const id of step.drop) if (graph.hasNode(id)) graph.dropNode(id);
  for (const key of step.dropEdges) if (graph.hasEdge(key)) graph.dropEdge(key);
  wanted.forEach((r, i) => reopen(canvas, r, replies[i]!, places));

  const view = viewOf(graph);
  const next = viewAfter(view, step);
  if (view && JSON.stringify(next) !== JSON.stringify(view) && graph.getAttribute('view')) graph.setAttribute('view', next);
  canvas.report(what);
}

function reopen(canvas: Canvas, r: CanvasStep['reopen'][number], data: SerializedGraph, places: Map<string, { x: number; y: number }>): void {
  const { graph } = canvas;
  const centre = data.nodes.find((n) => n.key === r.id);
  if (!centre) return;
  if (graph.hasNode(r.id)) {
    if (r.relink) for (const edge of graph.edges(r.id)) graph.dropEdge(edge);
    graph.mergeNodeAttributes(r.id, { ...centre.attributes, color: colorOf(centre.attributes.kind) });
  } else {
    const at = r.near.map((n) => places.get(n)).find((p) => p !== undefined);
    if (!at) return;
    graph.addNode(r.id, { ...centre.attributes, x: at.x, y: at.y, size: 1, color: colorOf(centre.attributes.kind) });
  }
  const keep = new Set([...graph.nodes(), r.id]);
  mergeNeighbourhood(graph, r.id, r.all ? data : restrictTo(data, keep));
  graph.setNodeAttribute(r.id, 'size', sizeOf(graph.degree(r.id)));
}
