import './styles.css';
import { ApiRequestError, fetchEntity, fetchOverview, fetchSession, whenUnauthenticated } from './api.js';
import { Canvas } from './app/canvas.js';
import { mountUrlState } from './app/url-state.js';
import { busy, errorText, toast } from './app/toast.js';
import { mountConsole } from './console/console.js';
import { mountExport } from './export/dialog.js';
import { mountFilters } from './filters/filters.js';
import { mountViewControls } from './layout/controls.js';
import { linkSentence, shortLabel } from './graph/wording.js';
import { mountLegend } from './legend/legend.js';
import { mountOverview } from './overview/overview.js';
import { mountPaging } from './paging/paging.js';
import { Panel } from './panel/panel.js';
import { mountPaths } from './paths/paths.js';
import { mountSearch } from './search/search.js';
import { mountSessionControls, showSignIn } from './signin/signin.js';

const container = document.getElementById('graph')!;
const status = document.getElementById('status')!;
const undoButton = document.getElementById('undo') as HTMLButtonElement;
const redoButton = document.getElementById('redo') as HTMLButtonElement;

const canvas = new Canvas(container, {
  open: (id) => void openEntity(id),
  expand: (id) => void expand(id),
  openEdge: (edge) => openEdge(edge),
  changed,
});
const paging = mountPaging(canvas);
const panel = new Panel(document.getElementById('panel')!, {
  open: (id) => void openEntity(id),
  expand: (id) => void expand(id),
  controls: (entity, neighbourhood) => paging.controls(entity, neighbourhood),
  path: (end, entity) => paths.fill(end, entity),
});
const paths = mountPaths(document.getElementById('paths')!, { canvas, panel });
const overview = mountOverview(canvas, container.parentElement!, document.getElementById('overview') as HTMLButtonElement, {
  open: (id) => void openEntity(id, { focus: true }),
  list: (title, items) => {
    container.parentElement!.classList.add('with-panel');
    panel.showList(title, items);
  },
  status,
});

function show(id: 'empty' | 'failure'): void {
  document.getElementById(id)!.hidden = false;
}

/** The status line and the history buttons follow every change of the canvas. */
function changed(what?: string): void {
  const { graph, history } = canvas;
  // An allegation is named by its claim: the line keeps its first words, its title the whole.
  status.textContent = `${what ? `${shortLabel(what, 40)}: ` : ''}${graph.order} nodes, ${graph.size} links`;
  status.title = what ?? '';
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
    const [entity, neighbourhood] = await busy(status, Promise.all([fetchEntity(id), paging.firstPage(id)]));
    // The panel takes the right side: the canvas gives it room before sigma measures the container.
    container.parentElement!.classList.add('with-panel');
    if (focus || !canvas.graph.hasNode(id)) {
      canvas.replace(neighbourhood, entity.name);
      paging.opened(id, neighbourhood);
    } else changed(entity.name);
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

/** A link clicked on the canvas: its evidence in the panel, read the way it points; Back returns to the entity in view. */
function openEdge(edge: string): void {
  const { graph } = canvas;
  if (!graph.hasEdge(edge)) return;
  const [source, target] = graph.extremities(edge);
  const { relType, corroboration } = graph.getEdgeAttributes(edge);
  const sentence = linkSentence(graph.getNodeAttribute(source, 'label'), relType, graph.getNodeAttribute(target, 'label'));
  container.parentElement!.classList.add('with-panel');
  const back = container.dataset.focus ?? source;
  void panel.showEvidence(edge, sentence, () => void openEntity(back), corroboration);
}

/** Adds a node's neighbours to the canvas where they are, keeping every position. */
async function expand(id: string): Promise<void> {
  status.textContent = 'Expanding…';
  try {
    const neighbourhood = await busy(status, paging.firstPage(id));
    paging.expanded(id, neighbourhood, canvas.merge(id, neighbourhood));
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
  // Text fields and the query editor keep Ctrl+Z for their own text; checkboxes and sliders have none.
  const typing = 'input:not([type="checkbox"], [type="radio"], [type="range"], [type="button"]), textarea, [contenteditable="true"], .cm-editor';
  if (!(event.ctrlKey || event.metaKey) || (event.target as HTMLElement).closest(typing)) return;
  const key = event.key.toLowerCase();
  if (key === 'z' && !event.shiftKey) undo();
  else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
  else return;
  event.preventDefault();
});

mountFilters(canvas, document.getElementById('filters-button') as HTMLButtonElement, document.getElementById('filters')!);
mountLegend(canvas, container.parentElement!);
mountExport(canvas, mountViewControls(canvas), { lastQuery: () => queryConsole.lastQuery(), lastQueryValuesOnly: () => queryConsole.lastQueryValuesOnly() });
const queryConsole = mountConsole(document.getElementById('query') as HTMLButtonElement, container.parentElement!, canvas, (id) => void openEntity(id));
mountSearch(
  document.getElementById('search') as HTMLInputElement,
  document.getElementById('search-results') as HTMLUListElement,
  (hit) => void openEntity(hit.id, { focus: true }),
);
const urlState = mountUrlState(canvas, {
  open: (id) => openEntity(id, { focus: true }),
  expand,
  more: (id) => paging.more(id),
  collapse: (id) => paging.collapse(id),
});

/** False when it shows the sign-in page instead of the explorer. */
async function start(): Promise<boolean> {
  try {
    // With access control on, a page opened without a session goes to sign-in before anything else.
    mountSessionControls(await fetchSession(), document.querySelector('.topbar')!);
    whenUnauthenticated(() => showSignIn('Your session has ended (signed out, or the token was revoked): sign in again.'));
    const data = await fetchOverview();
    if (data.nodes.length === 0) {
      status.textContent = 'No data yet';
      container.dataset.state = 'empty';
      show('empty');
      return true;
    }
    overview.show(data, { replace: false });
    container.dataset.state = 'ready';
    return true;
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) {
      showSignIn();
      return false;
    }
    document.getElementById('failure-message')!.textContent = errorText(err);
    status.textContent = 'Error';
    container.dataset.state = 'error';
    show('failure');
    return true;
  }
}

// Then the view in the address, if any: a shared link opens on what its sender saw.
void start().then(async (started) => {
  if (started) await urlState.restore();
});
