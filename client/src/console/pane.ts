/**
 * The console pane's markup, made here rather than in index.html: the page carries nothing of it until
 * it is opened. Its changing parts (the outcome under the editor, the history list) are drawn from the
 * model; what the buttons do is console.ts's.
 */
import { button, el } from '../app/dom.js';
import type { Cell } from './format.js';
import type { GraphMode, HistoryList, Outcome, Table } from './model.js';

export type Pane = ReturnType<typeof layout>;

export function layout() {
  const root = el('section', undefined, 'console');
  root.id = 'console';
  root.hidden = true;
  root.setAttribute('aria-label', 'Cypher console');

  const bar = el('div', undefined, 'console-bar');
  const title = el('h2', 'Cypher');
  const run = el('button', 'Run', 'console-run');
  run.type = 'button';
  run.title = 'Run the query (Ctrl+Enter)';
  run.setAttribute('aria-keyshortcuts', 'Control+Enter Meta+Enter');
  const hint = el('span', 'Ctrl+Enter', 'console-hint');
  hint.setAttribute('aria-hidden', 'true');

  const modes = el('div', undefined, 'console-modes');
  modes.setAttribute('role', 'radiogroup');
  modes.setAttribute('aria-label', 'Result graph');
  const radios = (['replace', 'add'] as const).map((mode: GraphMode) => {
    const label = el('label');
    const input = el('input');
    input.type = 'radio';
    input.name = 'console-graph-mode';
    input.value = mode;
    input.checked = mode === 'replace';
    label.append(input, mode === 'replace' ? 'Replace canvas' : 'Add to canvas');
    modes.append(label);
    return input;
  });
  const clearHighlight = el('button', 'Clear highlight', 'console-clear-highlight');
  clearHighlight.type = 'button';
  clearHighlight.hidden = true;
  const close = el('button', '×', 'console-close');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close the Cypher console');
  close.title = 'Close (Esc)';
  bar.append(title, run, hint, modes, clearHighlight, close);

  const main = el('div', undefined, 'console-main');
  const editorHost = el('div', undefined, 'console-editor');
  const error = el('div', undefined, 'console-error');
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const summary = el('p', undefined, 'console-summary');
  summary.setAttribute('role', 'status');
  const truncated = el('p', undefined, 'console-truncated');
  truncated.hidden = true;
  const tableWrap = el('div', undefined, 'console-table');
  main.append(editorHost, error, summary, truncated, tableWrap);

  const aside = el('nav', undefined, 'console-history');
  aside.setAttribute('aria-label', 'Query history');

  const body = el('div', undefined, 'console-body');
  body.append(main, aside);
  root.append(bar, body);
  return { root, run, radios, clearHighlight, close, editorHost, error, summary, truncated, tableWrap, aside };
}

function cellElement(cell: Cell, open: (id: string) => void): HTMLElement {
  switch (cell.kind) {
    case 'node': {
      const kind = el('span', cell.detail, 'kind');
      if (cell.entity === null) {
        const text = el('span', cell.text, 'cell-node');
        text.append(' ', kind);
        return text;
      }
      const entity = cell.entity;
      const b = button(cell.text, 'cell-node', () => open(entity));
      b.title = `Open ${cell.text} in the panel`;
      b.append(' ', kind);
      return b;
    }
    case 'relationship':
      return el('span', cell.text, 'cell-rel');
    case 'path':
      return el('span', cell.text, 'cell-path');
    case 'null':
      return el('span', cell.text, 'cell-null');
    default:
      return el('span', cell.text, 'cell-value');
  }
}

function tableElement(table: Table, open: (id: string) => void): HTMLTableElement {
  const t = el('table');
  t.setAttribute('aria-label', 'Query result');
  const head = el('tr');
  for (const column of table.columns) {
    const th = el('th', column);
    th.scope = 'col';
    head.append(th);
  }
  const body = el('tbody');
  for (const row of table.rows) {
    const tr = el('tr');
    for (const cell of row) {
      const td = el('td');
      td.append(cellElement(cell, open));
      tr.append(td);
    }
    body.append(tr);
  }
  const thead = el('thead');
  thead.append(head);
  t.append(thead, body);
  return t;
}

/** The error, or the result's summary, truncation note and table; an entity in the table opens with `open`. */
export function renderOutcome(pane: Pane, outcome: Outcome | null, open: (id: string) => void): void {
  pane.error.hidden = true;
  pane.error.replaceChildren();
  pane.summary.textContent = '';
  pane.truncated.hidden = true;
  pane.tableWrap.replaceChildren();
  if (outcome?.kind === 'error') {
    pane.error.replaceChildren(el('strong', outcome.code ?? 'Error'), ` ${outcome.message}`);
    pane.error.dataset.code = outcome.code ?? '';
    pane.error.hidden = false;
  } else if (outcome?.kind === 'result') {
    pane.summary.textContent = outcome.summary;
    if (outcome.truncated !== null) {
      pane.truncated.textContent = outcome.truncated;
      pane.truncated.hidden = false;
    }
    pane.tableWrap.append(tableElement(outcome.table, open));
  }
}

export function renderHistory(pane: Pane, list: HistoryList, actions: { pick(query: string): void; clear(): void }): void {
  const items = el('ul');
  for (const item of list.items) {
    const li = el('li');
    const b = button(item.text, 'console-history-item', () => actions.pick(item.query));
    b.title = item.query;
    li.append(b);
    items.append(li);
  }
  const parts: HTMLElement[] = [el('h3', list.heading), items];
  if (list.clearable) parts.push(button('Clear history', 'console-history-clear', actions.clear));
  pane.aside.dataset.list = list.kind;
  pane.aside.replaceChildren(...parts);
}
