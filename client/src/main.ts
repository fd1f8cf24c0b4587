import './styles.css';
import { ApiRequestError, fetchOverview } from './api.js';
import { KIND_COLORS } from './graph/style.js';
import { renderGraph, toViewGraph } from './graph/view.js';

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
    renderGraph(graph, container);
    const kinds = new Set(data.nodes.map((n) => n.attributes.kind));
    container.after(legend(kinds));
    status.textContent = `${graph.order} nodes, ${graph.size} links`;
    container.dataset.nodeCount = String(graph.order);
    container.dataset.edgeCount = String(graph.size);
    container.dataset.state = 'ready';
  } catch (err) {
    const message = err instanceof ApiRequestError ? `${err.message} (${err.code})` : String(err);
    document.getElementById('failure-message')!.textContent = message;
    status.textContent = 'Error';
    container.dataset.state = 'error';
    show('failure');
  }
}

void start();
