import './styles.css';
import { ApiRequestError, fetchOverview, fetchSession, whenUnauthenticated } from './api.js';
import { Canvas } from './app/canvas.js';
import { mountUrlState } from './app/url-state.js';
import { exploring } from './app/explore.js';
import { mountHistory } from './app/history.js';
import { errorText } from './app/toast.js';
import { mountConsole } from './console/console.js';
import { mountCuration } from './curate/curation.js';
import { mountExport } from './export/dialog.js';
import { mountFilters } from './filters/filters.js';
import { mountViewControls } from './layout/controls.js';
import { shortLabel } from './graph/wording.js';
import { mountLegend } from './legend/legend.js';
import { mountOverview } from './overview/overview.js';
import { mountPaging } from './paging/paging.js';
import { Panel } from './panel/panel.js';
import { mountPaths } from './paths/paths.js';
import { mountSearch } from './search/search.js';
import { TextSearch } from './search/text.js';
import { el } from './app/dom.js';
import { mountSessionControls, showSignIn } from './signin/signin.js';
import { getJson } from './api.js';
import { canEdit, setSession } from './app/session.js';
import { mountInvestigations } from './investigations/menu.js';
import { mountLive } from './upload/live.js';
import { mountUpload } from './upload/upload.js';
import { mountTimeline } from './timeline/timeline.js';
import { destinationOf, edgeFor, searchNotesUrl } from './notes/model.js';
import { notesSection } from './notes/notes.js';
import type { Note } from '../../common/curate.js';

const container = document.getElementById('graph')!;
const status = document.getElementById('status')!;

const canvas = new Canvas(container, {
  open: (id) => void explore.open(id),
  expand: (id) => void explore.expand(id),
  openEdge: (edge) => explore.openEdge(edge),
  changed,
});
const paging = mountPaging(canvas);
const panel = new Panel(document.getElementById('panel')!, {
  open: (id) => void explore.open(id),
  expand: (id) => void explore.expand(id),
  controls: (entity, neighbourhood) => paging.controls(entity, neighbourhood),
  path: (end, entity) => paths.fill(end, entity),
  notes: notesSection,
  curate: (entity, neighbourhood) => curation.entityPart(entity, neighbourhood),
  curateLink: (evidence, title, back) => curation.linkPart(evidence, title, back),
});
const explore = exploring(canvas, { panel, paging, status, announce: changed });
const curation = mountCuration({
  canvas,
  panel,
  open: (id) => explore.open(id),
  pageSize: paging.pageSize,
  topbar: document.querySelector('.topbar')!,
  before: status,
});
const paths = mountPaths(document.getElementById('paths')!, { canvas, panel });
const overview = mountOverview(canvas, container.parentElement!, document.getElementById('overview') as HTMLButtonElement, {
  open: (id) => void explore.open(id, { focus: true }),
  list: (title, items) => {
    container.parentElement!.classList.add('with-panel');
    panel.showList(title, items);
  },
  status,
});
mountHistory(canvas, document.getElementById('undo') as HTMLButtonElement, document.getElementById('redo') as HTMLButtonElement);

function show(id: 'empty' | 'failure'): void {
  document.getElementById(id)!.hidden = false;
}

/** The status line follows every change of the canvas. */
function changed(what?: string): void {
  const { graph } = canvas;
  // An allegation is named by its claim: the line keeps its first words, its title the whole.
  status.textContent = `${what ? `${shortLabel(what, 40)}: ` : ''}${graph.order} nodes, ${graph.size} links`;
  status.title = what ?? '';
}

mountFilters(canvas, document.getElementById('filters-button') as HTMLButtonElement, document.getElementById('filters')!);
mountLegend(canvas, container.parentElement!);
const timeline = mountTimeline(canvas, container.parentElement!);
mountExport(canvas, mountViewControls(canvas), { lastQuery: () => queryConsole.lastQuery(), lastQueryValuesOnly: () => queryConsole.lastQueryValuesOnly() });
const queryConsole = mountConsole(document.getElementById('query') as HTMLButtonElement, container.parentElement!, canvas, (id) => void explore.open(id));
const textSearch = new TextSearch({
  showList: (title, children) => panel.render([el('p', 'Text search', 'kind'), el('h2', title), ...children]),
  showDocument: (id, focus, back) => panel.showDocument(id, focus, back),
  openEntity: (id) => void explore.open(id, { focus: true }),
  showPanel: () => container.parentElement!.classList.add('with-panel'),
});
mountSearch(
  document.getElementById('search') as HTMLInputElement,
  document.getElementById('search-results') as HTMLUListElement,
  (hit) => void explore.open(hit.id, { focus: true }),
  { find: async (q) => (await getJson<{ notes: Note[] }>(searchNotesUrl(q))).notes, onChoose: (note) => void openNote(note) },
  { switch: document.getElementById('search-mode')!, search: (q) => void textSearch.search(q) },
);
const investigations = mountInvestigations(
  canvas,
  document.getElementById('investigations-button') as HTMLButtonElement,
  document.getElementById('investigations')!,
  panel,
);

const live = mountLive(canvas, { news: () => timeline.reload() });
const upload = mountUpload({ canvas, panel, live, topbar: document.querySelector('.topbar')!, before: status });
document.getElementById('empty-upload')!.addEventListener('click', () => upload.open());

/** What a note found by search is on: an entity opens as a search would, a link's evidence over its source's neighbourhood, a document in the reader. */
async function openNote(note: Note): Promise<void> {
  const to = destinationOf(note.target);
  if (to.kind === 'document') {
    container.parentElement!.classList.add('with-panel');
    const focus = container.dataset.focus;
    await panel.showDocument(to.id, undefined, () => (focus ? void explore.open(focus) : undefined));
    return;
  }
  await explore.open(to.kind === 'entity' ? to.id : to.source, { focus: true });
  if (to.kind !== 'link') return;
  const edges = canvas.graph.mapEdges((key, a, source, target) => ({ key, source, target, relType: a.relType, title: a.properties.title }));
  const edge = edgeFor(edges, to);
  if (edge) explore.openEdge(edge);
}
const urlState = mountUrlState(canvas, {
  open: (id) => explore.open(id, { focus: true }),
  expand: (id) => explore.expand(id),
  more: (id) => paging.more(id),
  collapse: (id) => paging.collapse(id),
  investigation: (id) => investigations.open(id),
});

/** False when it shows the sign-in page instead of the explorer. */
async function start(): Promise<boolean> {
  try {
    // With access control on, a page opened without a session goes to sign-in before anything else.
    const session = await fetchSession();
    setSession(session);
    mountSessionControls(session, document.querySelector('.topbar')!);
    curation.setSession(session);
    upload.setEditable();
    live.start();
    document.getElementById('empty-upload')!.hidden = !canEdit(session);
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
