/** New articles on the canvas: the graphs of the documents, made one and added to what is there. */
import type { SerializedGraph } from '../../../common/graph.js';
import { getJson } from '../api.js';
import type { Canvas } from '../app/canvas.js';
import { joiningNode, unionGraphs } from './model.js';

/** Documents read for one showing: past this, the rest are one search or overview away. */
const SHOWN_AT_MOST = 50;

export async function showDocuments(canvas: Canvas, ids: string[], what: string): Promise<number> {
  const graphs = await Promise.all(ids.slice(0, SHOWN_AT_MOST).map((id) => getJson<SerializedGraph>(`/api/documents/${encodeURIComponent(id)}/graph`)));
  const graph = unionGraphs(graphs);
  if (graph.nodes.length === 0) return 0;
  const { container } = canvas;
  document.getElementById('empty')!.hidden = true;
  container.dataset.state = 'ready';
  if (canvas.graph.order === 0) {
    canvas.replace(graph, what);
    return graph.nodes.length;
  }
  const center = joiningNode(graph, (key) => canvas.graph.hasNode(key));
  const added = canvas.merge(center ?? '', graph, (n) => `${what}: ${n} added`);
  if (center) canvas.centreOn(center);
  return added;
}
