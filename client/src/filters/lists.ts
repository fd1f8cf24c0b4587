/**
 * The Filters panel's lists as elements, drawn from the model's groups (listsOf): rows with a box, a
 * count and an Only button, outlets with their documents under them, All and None over each group.
 * Names and keys are what assistive tech, the e2e tests and the focus kept across a rebuild go by.
 */
import { el } from '../app/dom.js';
import type { ListGroup, OptionRow } from './model.js';

/** The boxes drawn, each with the row it stands for. */
export type Boxes = [HTMLInputElement, OptionRow][];

/** A button in the lists, named for what it does; `key` finds it again after the lists are rebuilt. */
function action(text: string, label: string, key: string, onClick: () => void, className = 'filter-action'): HTMLButtonElement {
  const b = el('button', text, className);
  b.type = 'button';
  b.addEventListener('click', onClick);
  b.setAttribute('aria-label', label);
  b.dataset.key = key;
  return b;
}

/** What a group's boxes and buttons do. */
export interface GroupActions {
  toggle(row: OptionRow, shown: boolean): void;
  only(row: OptionRow): void;
  all(): void;
  none(): void;
}

/**
 * A checkbox row: the box, an optional colour swatch, the name and how many of it the canvas holds,
 * then a button that shows this value alone (outside the label, so it is not part of the box's name).
 */
function option(row: OptionRow, on: GroupActions, boxes: Boxes): HTMLDivElement {
  const label = el('label', undefined, 'filter-option');
  const box = el('input');
  box.type = 'checkbox';
  box.dataset.choice = row.choice;
  box.dataset.value = row.value;
  box.dataset.key = `${row.choice}:${row.value}`;
  box.addEventListener('change', () => on.toggle(row, box.checked));
  boxes.push([box, row]);
  const text = el('span', row.name, 'filter-name');
  if (row.swatch) {
    text.classList.add('swatch');
    text.style.setProperty('--swatch', row.swatch);
  }
  label.title = row.name;
  label.append(box, text, el('span', String(row.count), 'filter-count'));
  const line = el('div', undefined, 'filter-row');
  line.append(
    label,
    action('only', `Show only ${row.name}`, `only:${row.choice}:${row.value}`, () => on.only(row), 'filter-only'),
  );
  return line;
}

/** An outlet's row, its documents' rows under it. */
function outlet(row: OptionRow, on: GroupActions, boxes: Boxes): HTMLDivElement {
  const all = option(row, on, boxes);
  all.classList.add('filter-outlet');
  const inner = el('div', undefined, 'filter-documents');
  inner.append(...(row.documents ?? []).map((d) => option(d, on, boxes)));
  const block = el('div', undefined, 'filter-outlet-group');
  block.append(all, inner);
  return block;
}

export function group(title: string, ...content: Node[]): HTMLFieldSetElement {
  const set = el('fieldset', undefined, 'filter-group');
  set.append(el('legend', title), ...content);
  return set;
}

/**
 * A list's group of checkboxes with All and None over them, or the words for an empty list. Each box
 * goes into `boxes` with its row, for ticking from the choices.
 */
export function choiceGroup(list: ListGroup, on: GroupActions, boxes: Boxes): HTMLFieldSetElement {
  if (!list.rows.length) return group(list.title, el('p', list.empty, 'muted'));
  const rows = list.rows.map((row) => (row.choice === 'outlet' ? outlet : option)(row, on, boxes));
  const actions = el('div', undefined, 'filter-group-actions');
  actions.append(
    action('All', `Show all ${list.noun}`, `all:${list.noun}`, () => on.all()),
    action('None', `None: hide all ${list.noun}`, `none:${list.noun}`, () => on.none()),
  );
  return group(list.title, actions, ...rows);
}
