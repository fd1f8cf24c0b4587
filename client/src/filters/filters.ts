/**
 * The Filters panel: which kinds, relationship types and evidence documents to draw, a minimum number
 * of links per node and of documents behind a link. It lists what the canvas holds now (after a search,
 * an expansion, an undo…) with counts, and turns ticks into ViewState filters; what it shows and what
 * a tick changes are worked out in model.ts, the lists' elements are drawn in lists.ts, and the data is
 * never changed. This file builds the panel, wires its events to the choices, and reads the documents'
 * titles.
 */
import type { Canvas } from '../app/canvas.js';
import { el } from '../app/dom.js';
import { errorText, toast } from '../app/toast.js';
import { DocumentCatalogue } from './documents.js';
import { choiceGroup, group, type Boxes, type GroupActions } from './lists.js';
import { badgeOf, citations, filtersOf, HIDDEN_SET, listsOf, minimaOf, shownOf, tickOf, type FilterChoices, type ListGroup, type Minimum } from './model.js';

/** What All, None, Only and a tick do to the choices, over the values `list` shows. */
function actionsOf(choices: FilterChoices, list: ListGroup): GroupActions {
  const set = choices[HIDDEN_SET[list.list]];
  return {
    toggle: (row, shown) => choices.setShown(set, row.values, shown),
    only: (row) => choices.showOnly(set, list.listed, row.values),
    all: () => choices.showOnly(set, list.listed, list.listed),
    none: () => choices.showOnly(set, list.listed, []),
  };
}

/** A slider for a minimum, labelled, with its value shown beside the label. */
function minimum(id: string, label: string, min: number, onInput: (value: number) => void) {
  const slider = el('input');
  slider.type = 'range';
  slider.id = id;
  slider.min = String(min);
  slider.step = '1';
  slider.addEventListener('input', () => onInput(Number(slider.value)));
  const row = el('label', undefined, 'filters-minimum-label');
  row.htmlFor = id;
  const value = el('output', undefined, 'filters-minimum-value');
  value.htmlFor.add(id);
  row.append(`${label} `, value);
  // The maximum first: a value past the old one would be cut to it.
  const show = (m: Minimum) => {
    slider.max = String(m.max);
    slider.value = String(m.value);
    value.textContent = String(m.value);
    slider.setAttribute('aria-valuetext', m.valueText);
  };
  return { slider, row, show };
}

/** The panel's fixed parts, put in `panel`: its header, the shown line, room for the lists, the sliders and Clear. */
function buildPanel(panel: HTMLElement, choices: FilterChoices) {
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-modal', 'false');
  panel.setAttribute('aria-labelledby', 'filters-title');
  const heading = el('h2', 'Filters');
  heading.id = 'filters-title';
  const close = el('button', '×', 'filters-close');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close filters');
  const header = el('div', undefined, 'filters-header');
  header.append(heading, close);
  const shownLine = el('p', undefined, 'filters-shown');
  shownLine.setAttribute('role', 'status');
  shownLine.setAttribute('aria-live', 'polite');
  const lists = el('div', undefined, 'filters-lists');
  const degree = minimum('filters-min-degree', 'Minimum links per node', 0, (n) => choices.setMinDegree(n));
  // Corroboration: a link one article reports against one several back (common/graph.ts, Corroboration).
  const backing = minimum('filters-min-documents', 'Minimum documents per link', 1, (n) => choices.setMinDocuments(n));
  const links = group('Links', degree.row, degree.slider, backing.row, backing.slider);
  const clear = el('button', 'Clear filters', 'filters-clear');
  clear.type = 'button';
  clear.addEventListener('click', () => choices.clear());
  panel.replaceChildren(header, shownLine, lists, links, clear);
  return { close, shownLine, lists, degree, backing, clear };
}

/**
 * Mounts the panel on `panel`, opened and closed by `button` (and Escape). `#graph` gets
 * data-visible-nodes: how many nodes every filter in force lets through.
 */
export function mountFilters(canvas: Canvas, button: HTMLButtonElement, panel: HTMLElement): FilterChoices {
  const choices = filtersOf(canvas.state);
  const catalogue = new DocumentCatalogue();
  let catalogueFailed = false;

  const { close, shownLine, lists, degree, backing, clear } = buildPanel(panel, choices);

  /** The boxes in the lists, each with the row it stands for. */
  let boxes: Boxes = [];

  /** The lists as the canvas holds them now; rebuilt on a change of the canvas or of the document titles. */
  const render = () => {
    const drawn: Boxes = [];
    const parts = listsOf(canvas.graph, choices, catalogue.known).map((list) => choiceGroup(list, actionsOf(choices, list), drawn));
    // Keep the place of whoever is using the keyboard in the lists.
    const focused = document.activeElement instanceof HTMLElement && lists.contains(document.activeElement) ? document.activeElement.dataset.key : undefined;
    lists.replaceChildren(...parts);
    boxes = drawn;
    if (focused !== undefined) lists.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus();
    sync();
    readTitles();
  };

  /** Titles and outlets of documents cited for the first time, then the lists again with them; one toast for a run of failures. */
  const readTitles = () =>
    catalogue.lookUp(new Set(citations(canvas.graph).flat())).then(
      (learnt) => {
        catalogueFailed = false;
        if (learnt) render();
      },
      (err: unknown) => {
        if (!catalogueFailed) toast(`Could not read the document titles: ${errorText(err)}`, 'error');
        catalogueFailed = true;
      },
    );

  /** Ticks, the sliders, the counts and the button follow the choices without rebuilding (a drag goes on). */
  const sync = () => {
    for (const [box, row] of boxes) Object.assign(box, tickOf(choices, row));
    const minima = minimaOf(canvas.graph, choices);
    degree.show(minima.degree);
    backing.show(minima.documents);
    clear.disabled = choices.active === 0;
    const badge = badgeOf(choices);
    button.textContent = badge.text;
    button.classList.toggle('active', badge.active);
    count();
  };

  /** Visible nodes (and links) on #graph, nodes in the panel; cheap enough for every refresh, hovering included. */
  const count = () => {
    const shown = shownOf(canvas.graph, canvas.state);
    canvas.container.dataset.visibleNodes = String(shown.nodes);
    canvas.container.dataset.visibleEdges = String(shown.edges);
    // A live region: say it again only when it changed.
    if (shownLine.textContent !== shown.text) shownLine.textContent = shown.text;
  };

  const open = (show: boolean) => {
    panel.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
    if (show) {
      render();
      (lists.querySelector<HTMLElement>('input') ?? close).focus();
    }
  };
  const shut = () => {
    open(false);
    button.focus();
  };
  button.setAttribute('aria-controls', panel.id);
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', () => open(panel.hidden));
  close.addEventListener('click', shut);
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    shut();
  });

  canvas.onChange(() => (panel.hidden ? sync() : render()));
  choices.onChange(sync);
  canvas.state.onChange(count);
  panel.hidden = true;
  sync();
  return choices;
}
