import './styles.css';
import type Sigma from 'sigma';
import { ApiRequestError, fetchEntity, fetchNeighbourhood, fetchOverview } from './api.js';
import { KIND_COLORS } from './graph/style.js';
import { renderGraph, toViewGraph, type ViewEdge, type ViewNode } from './graph/view.js';
import { Panel } from './panel/panel.js';
import { mountSearch } from './search/search.js';

const container = document.getElementById('graph')!;
const status = document.getElementById('status')!;

function show(id: 'empty' | 'failure'): void {
  document.getElementById(id)!.hidden = false;
}

function legend(kinds: Set<string>): HTMLElement {
  const el = document.createElement('div');
  el.className = 'legend';
  el.setAttribute('aria-label', 'Legend');
  for (const [kind, color] of Object.entries(KIND_COLORS)) {
    if (!kinds.has(kind)) continue;
    const item = document.createElement('span');
    item.textContent = kind;
    item.style.setProperty('--swatch', color);
    el.append(item);
  }
  return el;
}

let renderer: Sigma<ViewNode, ViewEdge> | undefined;
const panel = new Panel(document.getElementById('panel')!, (id) => void openEntity(id));

function errorText(err: unknown): string {
  return err instanceof ApiRequestError ? `${err.message} (${err.code})` : String(err);
}

/** Shows an entity's neighbourhood on the canvas and its details in the panel. */
async function openEntity(id: string): Promise<void> {
  status.textContent = 'Loading…';
  try {
    const [entity, neighbourhood] = await Promise.all([fetchEntity(id), fetchNeighbourhood(id)]);
    renderer?.kill();
    // The panel takes the right side: the canvas gives it room before sigma measures the container.
    container.parentElement!.classList.add('with-panel');
    const graph = toViewGraph(neighbourhood);
    renderer = renderGraph(graph, container);
    renderer.on('clickNode', ({ node }) => void openEntity(node));
    document.getElementById('empty')!.hidden = true;
    container.dataset.state = 'ready';
    container.dataset.focus = id;
    status.textContent = `${entity.name}: ${graph.order} nodes, ${graph.size} links`;
    panel.showEntity(entity, neighbourhood);
  } catch (err) {
    status.textContent = `Could not open ${id}: ${errorText(err)}`;
  }
}

mountSearch(document.getElementById('search') as HTMLInputElement, document.getElementById('search-results') as HTMLUListElement, (hit) => void openEntity(hit.id));

async function start(): Promise<void> {
  try {
    const data = await fetchOverview();
    if (data.nodes.length === 0) {
      status.textContent = 'No data yet';
      container.dataset.state = 'empty';
      show('empty');
      return;
    }
    const graph = toViewGraph(data);
    renderer = renderGraph(graph, container);
    renderer.on('clickNode', ({ node }) => void openEntity(node));
    const kinds = new Set(data.nodes.map((n) => n.attributes.kind));
    container.after(legend(kinds));
    status.textContent = `${graph.order} nodes, ${graph.size} links`;
    container.dataset.nodeCount = String(graph.order);
    container.dataset.edgeCount = String(graph.size);
    container.dataset.state = 'ready';
  } catch (err) {
    document.getElementById('failure-message')!.textContent = errorText(err);
    status.textContent = 'Error';
    container.dataset.state = 'error';
    show('failure');
  }
}

void start();
