/**
 * The Filters panel: which kinds, relationship types and evidence documents to draw, a minimum number
 * of links per node and of documents behind a link. It lists what the canvas holds now (after a search,
 * an expansion, an undo…) with counts, and turns ticks into ViewState filters (model.ts); the data is
 * never changed.
 */
import type { Canvas } from '../app/canvas.js';
import { errorText, toast } from '../app/toast.js';
import { colorOf } from '../graph/style.js';
import { DocumentCatalogue } from './documents.js';
import {
  citations,
  documentCounts,
  filtersOf,
  groupByOutlet,
  kindCounts,
  maxDegree,
  maxDocuments,
  relTypeCounts,
  visibleNodes,
  type Count,
  type FilterChoices,
} from './model.js';
import { el } from '../app/dom.js';

/** Which set of hidden values a checkbox stands for; an outlet's box stands for all its documents. */
type Choice = 'kind' | 'relType' | 'document' | 'outlet';

/** A button in the lists, named for what it does; `key` finds it again after the lists are rebuilt. */
function action(text: string, label: string, key: string, onClick: () => void, className = 'filter-action'): HTMLButtonElement {
  const b = el('button', text, className);
  b.type = 'button';
  b.addEventListener('click', onClick);
  b.setAttribute('aria-label', label);
  b.dataset.key = key;
  return b;
}

/**
 * A checkbox row: the box, an optional colour swatch, the name and how many of it the canvas holds,
 * then a button that shows this value alone (outside the label, so it is not part of the box's name).
 */
function option(
  choice: Choice,
  value: string,
  name: string,
  count: number,
  on: { toggle(shown: boolean): void; only(): void },
  swatch?: string,
): HTMLDivElement {
  const label = el('label', undefined, 'filter-option');
  const box = el('input');
  box.type = 'checkbox';
  box.dataset.choice = choice;
  box.dataset.value = value;
  box.dataset.key = `${choice}:${value}`;
  box.addEventListener('change', () => on.toggle(box.checked));
  const text = el('span', name, 'filter-name');
  if (swatch) {
    text.classList.add('swatch');
    text.style.setProperty('--swatch', swatch);
  }
  label.title = name;
  label.append(box, text, el('span', String(count), 'filter-count'));
  const row = el('div', undefined, 'filter-row');
  row.append(
    label,
    action('only', `Show only ${name}`, `only:${choice}:${value}`, () => on.only(), 'filter-only'),
  );
  return row;
}

/** A slider for a minimum, labelled, with its value shown beside the label. */
function minimum(
  id: string,
  label: string,
  min: number,
  onInput: (value: number) => void,
): { slider: HTMLInputElement; value: HTMLOutputElement; row: HTMLLabelElement } {
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
  return { slider, value, row };
}

function group(title: string, ...content: Node[]): HTMLFieldSetElement {
  const set = el('fieldset', undefined, 'filter-group');
  set.append(el('legend', title), ...content);
  return set;
}

/** A group of checkboxes, with All and None over them when it has any; `noun` names its values. */
function choiceGroup(title: string, noun: string, on: { all(): void; none(): void } | null, content: Node[]): HTMLFieldSetElement {
  if (!on) return group(title, ...content);
  const actions = el('div', undefined, 'filter-group-actions');
  actions.append(
    action('All', `Show all ${noun}`, `all:${noun}`, () => on.all()),
    action('None', `Hide all ${noun}`, `none:${noun}`, () => on.none()),
  );
  return group(title, actions, ...content);
}

/**
 * Mounts the panel on `panel`, opened and closed by `button` (and Escape). `#graph` gets
 * data-visible-nodes: how many nodes every filter in force lets through.
 */
export function mountFilters(canvas: Canvas, button: HTMLButtonElement, panel: HTMLElement): FilterChoices {
  const choices = filtersOf(canvas.state);
  const catalogue = new DocumentCatalogue();
  let catalogueFailed = false;

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

  /** The lists as the canvas holds them now; rebuilt on a change of the canvas or of the document titles. */
  const render = () => {
    const { graph } = canvas;
    const kinds = kindCounts(graph, choices.hiddenKinds);
    const types = relTypeCounts(graph, choices.hiddenRelTypes);
    const docs = documentCounts(graph, choices.hiddenDocuments);
    /** What a row or a group's buttons do to `set`, whose group lists `counts`. */
    const handlers = (set: Set<string>, counts: Count[], listed = counts.map((c) => c.value)) => ({
      row: (values: string[]) => ({ toggle: (shown: boolean) => choices.setShown(set, values, shown), only: () => choices.showOnly(set, listed, values) }),
      group: listed.length ? { all: () => choices.showOnly(set, listed, listed), none: () => choices.showOnly(set, listed, []) } : null,
    });
    const simpleGroup = (title: string, noun: string, choice: Choice, counts: Count[], set: Set<string>, empty: string, colour?: (value: string) => string) => {
      const on = handlers(set, counts);
      const rows = counts.map(({ value, count }) => option(choice, value, value, count, on.row([value]), colour?.(value)));
      return choiceGroup(title, noun, on.group, rows.length ? rows : [el('p', empty, 'muted')]);
    };
    const parts: HTMLElement[] = [
      simpleGroup('Kinds', 'kinds', 'kind', kinds, choices.hiddenKinds, 'No nodes on the canvas.', colorOf),
      simpleGroup('Relationships', 'relationship types', 'relType', types, choices.hiddenRelTypes, 'No links on the canvas.'),
    ];
    const cited = citations(graph);
    const onDocs = handlers(choices.hiddenDocuments, docs);
    const outlets = groupByOutlet(docs, catalogue.known, cited).map(({ outlet, count, documents }) => {
      const ids = documents.map((d) => d.value);
      const all = option('outlet', outlet, outlet, count, onDocs.row(ids));
      all.classList.add('filter-outlet');
      all.querySelector('input')!.dataset.documents = JSON.stringify(ids);
      const inner = el('div', undefined, 'filter-documents');
      inner.append(...documents.map((d) => option('document', d.value, d.label, d.count, onDocs.row([d.value]))));
      const block = el('div', undefined, 'filter-outlet-group');
      block.append(all, inner);
      return block;
    });
    parts.push(
      choiceGroup('Documents cited', 'documents', onDocs.group, outlets.length ? outlets : [el('p', 'No evidence documents behind these links.', 'muted')]),
    );
    // Keep the place of whoever is using the keyboard in the lists.
    const focused = document.activeElement instanceof HTMLElement && lists.contains(document.activeElement) ? document.activeElement.dataset.key : undefined;
    lists.replaceChildren(...parts);
    if (focused !== undefined) lists.querySelector<HTMLElement>(`[data-key="${CSS.escape(focused)}"]`)?.focus();
    setMaxima();
    sync();
    catalogue.lookUp(new Set(cited.flat())).then(
      (learnt) => {
        catalogueFailed = false;
        if (learnt) render();
      },
      (err: unknown) => {
        if (!catalogueFailed) toast(`Could not read the document titles: ${errorText(err)}`, 'error');
        catalogueFailed = true;
      },
    );
  };

  /** The sliders reach what the canvas holds, and the choice in force even when the canvas no longer does. */
  const setMaxima = () => {
    degree.slider.max = String(Math.max(maxDegree(canvas.graph), choices.minDegree, 1));
    backing.slider.max = String(Math.max(maxDocuments(canvas.graph), choices.minDocuments, 1));
  };

  /** Ticks, the sliders, the counts and the button follow the choices without rebuilding (a drag goes on). */
  const sync = () => {
    const sets = { kind: choices.hiddenKinds, relType: choices.hiddenRelTypes, document: choices.hiddenDocuments };
    for (const box of lists.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const choice = box.dataset.choice as Choice;
      if (choice === 'outlet') {
        const ids = JSON.parse(box.dataset.documents ?? '[]') as string[];
        const hidden = ids.filter((id) => choices.hiddenDocuments.has(id)).length;
        box.checked = hidden === 0;
        box.indeterminate = hidden > 0 && hidden < ids.length;
      } else {
        box.checked = !sets[choice].has(box.dataset.value ?? '');
      }
    }
    degree.slider.value = String(choices.minDegree);
    degree.value.textContent = String(choices.minDegree);
    degree.slider.setAttribute('aria-valuetext', choices.minDegree ? `at least ${choices.minDegree} links` : 'no minimum');
    backing.slider.value = String(choices.minDocuments);
    backing.value.textContent = String(choices.minDocuments);
    backing.slider.setAttribute('aria-valuetext', choices.minDocuments > 1 ? `links backed by at least ${choices.minDocuments} documents` : 'every link');
    clear.disabled = choices.active === 0;
    button.textContent = choices.active ? `Filters (${choices.active})` : 'Filters';
    button.classList.toggle('active', choices.active > 0);
    count();
  };

  /** Visible nodes (and links) on #graph, nodes in the panel; cheap enough for every refresh, hovering included. */
  const count = () => {
    const { graph, container } = canvas;
    const visible = visibleNodes(graph, canvas.state).length;
    const edges = graph.filterEdges((edge, data) => canvas.state.edgeShown(graph, edge, data)).length;
    container.dataset.visibleNodes = String(visible);
    container.dataset.visibleEdges = String(edges);
    const text = `${visible} of ${graph.order} nodes shown`;
    // A live region: say it again only when it changed.
    if (shownLine.textContent !== text) shownLine.textContent = text;
  };

  const open = (show: boolean) => {
    panel.hidden = !show;
    button.setAttribute('aria-expanded', String(show));
    if (show) {
      render();
      (lists.querySelector<HTMLElement>('input') ?? close).focus();
    }
  };
  button.setAttribute('aria-controls', panel.id);
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', () => open(panel.hidden));
  close.addEventListener('click', () => {
    open(false);
    button.focus();
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    open(false);
    button.focus();
  });

  canvas.onChange(() => {
    if (!panel.hidden) render();
    else {
      setMaxima();
      sync();
    }
  });
  choices.onChange(sync);
  canvas.state.onChange(count);
  panel.hidden = true;
  sync();
  return choices;
}
