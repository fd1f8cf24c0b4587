import './styles.css';
import { fetchEntity, fetchNeighbourhood, fetchOverview } from './api.js';
import { Canvas } from './app/canvas.js';
import { busy, errorText, toast } from './app/toast.js';
import { ALLEGED_EDGE } from './graph/highlight.js';
import { KIND_COLORS } from './graph/style.js';
import { Panel } from './panel/panel.js';
import { mountSearch } from './search/search.js';

const container = document.getElementById('graph')!;
const status = document.getElementById('status')!;
const undoButton = document.getElementById('undo') as HTMLButtonElement;
const redoButton = document.getElementById('redo') as HTMLButtonElement;

const canvas = new Canvas(container, {
  open: (id) => void openEntity(id),
  expand: (id) => void expand(id),
  changed,
});
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

/** The status line and the history buttons follow every change of the canvas. */
function changed(what?: string): void {
  const { graph, history } = canvas;
  status.textContent = `${what ? `${what}: ` : ''}${graph.order} nodes, ${graph.size} links`;
  undoButton.disabled = !history.canUndo;
  redoButton.disabled = !history.canRedo;
}

/**
 * Opens an entity: its details in the panel, and the canvas centred on it. A search, or an entity not on
 * the canvas, brings its neighbourhood instead of what was there (undo brings that back); a click on
 * the canvas or in the panel keeps the canvas as the user built it.
 */
async function openEntity(id: string, { focus = false } = {}): Promise<void> {
  status.textContent = 'Loading…';
  try {
    const [entity, neighbourhood] = await busy(status, Promise.all([fetchEntity(id), fetchNeighbourhood(id)]));
    // The panel takes the right side: the canvas gives it room before sigma measures the container.
    container.parentElement!.classList.add('with-panel');
    if (focus || !canvas.graph.hasNode(id)) canvas.replace(neighbourhood, entity.name);
    else changed(entity.name);
    canvas.centreOn(id);
    document.getElementById('empty')!.hidden = true;
    container.dataset.state = 'ready';
    container.dataset.focus = id;
    panel.showEntity(entity, neighbourhood);
  } catch (err) {
    status.textContent = `Could not open ${id}`;
    toast(`Could not open ${id}: ${errorText(err)}`, 'error');
  }
}

/** Adds a node's neighbours to the canvas where they are, keeping every position. */
async function expand(id: string): Promise<void> {
  status.textContent = 'Expanding…';
  try {
    canvas.merge(id, await busy(status, fetchNeighbourhood(id)));
  } catch (err) {
    status.textContent = `Could not expand ${id}`;
    toast(`Could not expand ${id}: ${errorText(err)}`, 'error');
  }
}

const undo = () => canvas.undo();
const redo = () => canvas.redo();
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
    canvas.loaded(data);
    const kinds = new Set(data.nodes.map((n) => n.attributes.kind));
    container.after(legend(kinds));
    container.dataset.state = 'ready';
  } catch (err) {
    document.getElementById('failure-message')!.textContent = errorText(err);
    status.textContent = 'Error';
    container.dataset.state = 'error';
    show('failure');
  }
}

void start();
