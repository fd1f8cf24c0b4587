import './styles.css';
import { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import { ApiRequestError, fetchEntity, fetchNeighbourhood, fetchOverview } from './api.js';
import { History, mergeNeighbourhood } from './graph/expand.js';
import { ALLEGED_EDGE } from './graph/highlight.js';
import { KIND_COLORS } from './graph/style.js';
import { renderGraph, toViewGraph, type ViewEdge, type ViewGraph, type ViewNode } from './graph/view.js';
import { Panel } from './panel/panel.js';
import { mountSearch } from './search/search.js';

const container = document.getElementById('graph')!;
const status = document.getElementById('status')!;
const undoButton = document.getElementById('undo') as HTMLButtonElement;
const redoButton = document.getElementById('redo') as HTMLButtonElement;

/** The one graph on screen: sigma draws it, every view change goes through it (and the history). */
const graph: ViewGraph = new MultiDirectedGraph<ViewNode, ViewEdge>({ allowSelfLoops: true });
const history = new History();
let renderer: Sigma<ViewNode, ViewEdge> | undefined;
const panel = new Panel(document.getElementById('panel')!, {
  open: (id) => void openEntity(id),
  expand: (id) => void expand(id),
});

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
  const alleged = document.createElement('span');
  alleged.className = 'edge';
  alleged.textContent = 'alleged or hedged link';
  alleged.style.setProperty('--swatch', ALLEGED_EDGE);
  el.append(alleged);
  return el;
}

function errorText(err: unknown): string {
  return err instanceof ApiRequestError ? `${err.message} (${err.code})` : String(err);
}

/** Counts on the status line and on the container (tests and scripts read the data attributes). */
function changed(what?: string): void {
  container.dataset.nodeCount = String(graph.order);
  container.dataset.edgeCount = String(graph.size);
  status.textContent = `${what ? `${what}: ` : ''}${graph.order} nodes, ${graph.size} links`;
  undoButton.disabled = !history.canUndo;
  redoButton.disabled = !history.canRedo;
}

function draw(): void {
  if (renderer) return;
  renderer = renderGraph(graph, container);
  renderer.on('clickNode', ({ node }) => void openEntity(node));
  renderer.on('doubleClickNode', (event) => {
    // Double-click expands; sigma would zoom in otherwise.
    event.preventSigmaDefault();
    void expand(event.node);
  });
}

/**
 * Opens an entity: its details in the panel, and the canvas centred on it. A search, or an entity not on
 * the canvas, brings its neighbourhood instead of what was there (undo brings that back); a click on
 * the canvas or in the panel keeps the canvas as the user built it.
 */
async function openEntity(id: string, { focus = false } = {}): Promise<void> {
  status.textContent = 'Loading…';
  try {
    const [entity, neighbourhood] = await Promise.all([fetchEntity(id), fetchNeighbourhood(id)]);
    // The panel takes the right side: the canvas gives it room before sigma measures the container.
    container.parentElement!.classList.add('with-panel');
    if (focus || !graph.hasNode(id)) {
      history.record(graph);
      graph.clear();
      graph.import(toViewGraph(neighbourhood).export());
      renderer?.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1 });
    }
    draw();
    renderer?.resize();
    const shown = renderer?.getNodeDisplayData(id);
    if (shown) void renderer?.getCamera().animate({ x: shown.x, y: shown.y }, { duration: 300 });
    document.getElementById('empty')!.hidden = true;
    container.dataset.state = 'ready';
    container.dataset.focus = id;
    changed(entity.name);
    panel.showEntity(entity, neighbourhood);
  } catch (err) {
    status.textContent = `Could not open ${id}: ${errorText(err)}`;
  }
}

/** Adds a node's neighbours to the canvas where they are, keeping every position. */
async function expand(id: string): Promise<void> {
  status.textContent = 'Expanding…';
  try {
    const neighbourhood = await fetchNeighbourhood(id);
    history.record(graph);
    const added = mergeNeighbourhood(graph, id, neighbourhood);
    changed(`${added} added`);
  } catch (err) {
    status.textContent = `Could not expand ${id}: ${errorText(err)}`;
  }
}

function undo(): void {
  if (history.undo(graph)) changed('Undone');
}

function redo(): void {
  if (history.redo(graph)) changed('Redone');
}

undoButton.addEventListener('click', undo);
redoButton.addEventListener('click', redo);
document.addEventListener('keydown', (event) => {
  if (!(event.ctrlKey || event.metaKey) || (event.target as HTMLElement).matches('input, textarea')) return;
  const key = event.key.toLowerCase();
  if (key === 'z' && !event.shiftKey) undo();
  else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
  else return;
  event.preventDefault();
});

mountSearch(document.getElementById('search') as HTMLInputElement, document.getElementById('search-results') as HTMLUListElement, (hit) => void openEntity(hit.id, { focus: true }));

async function start(): Promise<void> {
  try {
    const data = await fetchOverview();
    if (data.nodes.length === 0) {
      status.textContent = 'No data yet';
      container.dataset.state = 'empty';
      show('empty');
      return;
    }
    graph.import(toViewGraph(data).export());
    draw();
    const kinds = new Set(data.nodes.map((n) => n.attributes.kind));
    container.after(legend(kinds));
    changed();
    container.dataset.state = 'ready';
  } catch (err) {
    document.getElementById('failure-message')!.textContent = errorText(err);
    status.textContent = 'Error';
    container.dataset.state = 'error';
    show('failure');
  }
}

void start();
