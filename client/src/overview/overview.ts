/**
 * The first screen: the overview of the best-connected entities, a short hint on what to do with it,
 * the entities linked to nothing gathered into one counted group (listed in the panel, not scattered
 * over the canvas), and "Overview" in the top bar to come back to it from anywhere (undoable).
 */
import type { SerializedGraph } from '../../../common/graph.js';
import { fetchOverview } from '../api.js';
import type { Canvas } from '../app/canvas.js';
import { el } from '../app/dom.js';
import { busy, errorText, toast } from '../app/toast.js';

/** What the server says of the entities it left out of the overview for having no link (server/graph/overview.ts). */
export interface Unlinked {
  total: number;
  entities: { id: string; name: string; kind: string }[];
}

export function unlinkedOf(graph: Pick<SerializedGraph, 'attributes'>): Unlinked {
  const value = graph.attributes.unlinked as Partial<Unlinked> | undefined;
  return { total: value?.total ?? 0, entities: value?.entities ?? [] };
}

export interface OverviewView {
  /** Shows the overview `data` (the first load: `replace` false; the Overview button: undoable). */
  show(data: SerializedGraph, options?: { replace?: boolean }): void;
}

const HINT =
  'Each dot is a person, institution, place or allegation from your articles; lines are what the articles say links them. ' +
  'Search above or click a dot to read its links and their evidence; double-click to add its neighbours.';

export function mountOverview(
  canvas: Canvas,
  stage: HTMLElement,
  button: HTMLButtonElement,
  actions: { open: (id: string) => void; list: (title: string, items: HTMLElement[]) => void; status: HTMLElement },
): OverviewView {
  const hint = el('div', undefined, 'overview-hint');
  hint.setAttribute('role', 'note');
  hint.hidden = true;
  const text = el('p', HINT);
  const close = el('button', '×', 'overview-hint-close');
  close.type = 'button';
  close.setAttribute('aria-label', 'Hide this hint');
  close.addEventListener('click', () => {
    hint.hidden = true;
    dismissed = true;
  });
  const group = el('button', '', 'overview-unlinked');
  group.type = 'button';
  group.hidden = true;
  hint.append(text, close);
  stage.append(hint, group);
  let dismissed = false;
  // What the graph on screen says of itself: an overview (its `scope`) and the entities it left out.
  const current = () => ({ overview: canvas.graph.getAttribute('scope') === 'overview', unlinked: unlinkedOf({ attributes: canvas.graph.getAttributes() }) });

  group.addEventListener('click', () => {
    const { unlinked } = current();
    const items = unlinked.entities.map((e) => {
      const item = el('li');
      const open = el('button', e.name, 'link');
      open.type = 'button';
      open.title = `Open ${e.name} (${e.kind})`;
      open.addEventListener('click', () => actions.open(e.id));
      item.append(open, el('span', ` ${e.kind}`, 'muted'));
      return item;
    });
    const list = el('ul');
    list.append(...items);
    const more =
      unlinked.total > unlinked.entities.length ? [el('p', `and ${unlinked.total - unlinked.entities.length} more: search for them by name.`, 'muted')] : [];
    actions.list(`${unlinked.total} entities without links`, [
      el('p', 'Mentioned in the articles, but with no link to anyone or anything: they are not drawn in the overview.', 'muted'),
      list,
      ...more,
    ]);
  });

  // The hint and the group belong to the overview: another view (a search, a path) hides them, undo brings them back.
  const follow = () => {
    const { overview, unlinked } = current();
    hint.hidden = dismissed || !overview;
    group.hidden = !overview || unlinked.total === 0;
    group.textContent = `${unlinked.total} ${unlinked.total === 1 ? 'entity' : 'entities'} without links`;
    group.title = 'Entities the articles mention but link to nothing: list them';
  };
  canvas.onChange(follow);

  const show: OverviewView['show'] = (data, { replace = true } = {}) => {
    if (replace) canvas.replace(data, 'Overview');
    else canvas.loaded(data);
  };

  button.addEventListener('click', () => {
    void (async () => {
      try {
        show(await busy(actions.status, fetchOverview()));
      } catch (err) {
        toast(`Could not load the overview: ${errorText(err)}`, 'error');
      }
    })();
  });
  return { show };
}
