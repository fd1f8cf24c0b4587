/**
 * The Cypher console: a pane over the bottom of the stage where a colleague writes a read query, runs
 * it (Ctrl+Enter or Run) and sees the rows as a table and the nodes on the canvas, in place of what
 * was there or added to it (undoable either way). Errors show under the editor; past queries stay in
 * a history list. The server refuses anything but reads (server/cypher/guard.ts).
 */
import type { CypherResult } from '../../../common/api.js';
import { ApiRequestError, runCypher } from '../api.js';
import type { Canvas } from '../app/canvas.js';
import { busy } from '../app/toast.js';
import type { Highlight } from '../graph/state.js';
import type { QueryEditor } from './editor.js';
import { anchorOf, cellOf, highlightOf, namesOf, summaryOf, type Cell } from './format.js';
import { EXAMPLES, firstLine, loadHistory, remember, saveHistory } from './history.js';
import { el, button } from '../app/dom.js';

/** Labels, relationship types and property keys for the editor's completion, in one allowed read. */
const SCHEMA_QUERY = `CALL db.labels() YIELD label WITH collect(label) AS labels
CALL db.relationshipTypes() YIELD relationshipType WITH labels, collect(relationshipType) AS types
CALL db.propertyKeys() YIELD propertyKey RETURN labels, types, collect(propertyKey) AS keys`;

type GraphMode = 'replace' | 'add';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The console's markup, made here rather than in index.html: the page carries nothing of it until it is opened. */
function layout() {
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
  const radios = (['replace', 'add'] as const).map((mode) => {
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

function table(result: CypherResult, open: (id: string) => void): HTMLTableElement {
  const names = namesOf(result);
  const t = el('table');
  t.setAttribute('aria-label', 'Query result');
  const head = el('tr');
  for (const column of result.columns) {
    const th = el('th', column);
    th.scope = 'col';
    head.append(th);
  }
  const body = el('tbody');
  for (const row of result.rows) {
    const tr = el('tr');
    for (const value of row) {
      const td = el('td');
      td.append(cellElement(cellOf(value, names), open));
      tr.append(td);
    }
    body.append(tr);
  }
  const thead = el('thead');
  thead.append(head);
  t.append(thead, body);
  return t;
}

export interface ConsoleControl {
  /** The last query that ran without error in this page, for the export dialog; null before one has. */
  lastQuery(): string | null;
  /** Whether that query returned values only (no node): the export dialog has no graph to send for it. */
  lastQueryValuesOnly(): boolean;
}

export function mountConsole(toggle: HTMLButtonElement, stage: HTMLElement, canvas: Canvas, open: (id: string) => void): ConsoleControl {
  const ui = layout();
  stage.append(ui.root);
  toggle.setAttribute('aria-controls', ui.root.id);
  toggle.setAttribute('aria-expanded', 'false');

  const store = storage();
  let history = loadHistory(store);
  let editor: Promise<QueryEditor> | undefined;
  let running = false;
  let lastRun: string | null = null;
  let lastValuesOnly = false;
  /** The highlight this console set, so that it only ever clears its own. */
  let ours: Highlight | null = null;

  const setHighlight = (highlight: Highlight | null) => {
    const someoneElses = canvas.state.highlight !== ours;
    ours = highlight;
    ui.clearHighlight.hidden = highlight === null;
    // Another feature's highlight (a path) is theirs to clear.
    if (highlight === null && someoneElses) return;
    canvas.state.highlight = highlight;
    canvas.state.changed();
  };
  // Any later change of the canvas (an expansion, an undo, a search) ends the result's highlight: it
  // would fade the new nodes. Cleared after the change, not in the middle of it.
  for (const event of ['cleared', 'nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped'] as const) {
    canvas.graph.on(event, () => {
      const stale = ours;
      // The console's own change sets a fresh highlight right after: only the one before it goes.
      if (!stale || canvas.state.highlight !== stale) return;
      queueMicrotask(() => {
        if (ours === stale) setHighlight(null);
      });
    });
  }
  ui.clearHighlight.addEventListener('click', () => setHighlight(null));

  const showError = (err: unknown) => {
    const code = err instanceof ApiRequestError ? err.code : null;
    const message = err instanceof Error ? err.message : String(err);
    const strong = el('strong', code ?? 'Error');
    ui.error.replaceChildren(strong, ` ${message}`);
    ui.error.dataset.code = code ?? '';
    ui.error.hidden = false;
  };

  const clearResult = () => {
    ui.error.hidden = true;
    ui.error.replaceChildren();
    ui.summary.textContent = '';
    ui.truncated.hidden = true;
    ui.tableWrap.replaceChildren();
  };

  /** Puts the result's graph on the canvas, as the user chose. */
  const draw = (result: CypherResult): string => {
    if (result.graph.nodes.length === 0) return '';
    const mode = (ui.radios.find((r) => r.checked)?.value ?? 'replace') as GraphMode;
    if (mode === 'replace') {
      canvas.replace(result.graph, 'Query');
      setHighlight(null);
      return ' Shown on the canvas in place of what was there (Undo brings it back).';
    }
    const anchor = anchorOf(result, (key) => canvas.graph.hasNode(key))!;
    const added = canvas.merge(anchor, result.graph, (n) => `Query: ${n} added`);
    // Adding mixes the result with what was there: picking it out, and going to it, is what makes it findable.
    setHighlight(highlightOf(result));
    canvas.centreOn(anchor);
    return ` ${added} added to the canvas, the result picked out.`;
  };

  const renderHistory = () => {
    const items = history.length
      ? history.map((query) => ({ text: firstLine(query), query }))
      : EXAMPLES.map((example) => ({ text: example.title, query: example.query }));
    const heading = el('h3', history.length ? 'History' : 'Examples');
    const list = el('ul');
    for (const item of items) {
      const li = el('li');
      const b = button(item.text, 'console-history-item', () => void pick(item.query));
      b.title = item.query;
      li.append(b);
      list.append(li);
    }
    const parts: HTMLElement[] = [heading, list];
    if (history.length) {
      parts.push(
        button('Clear history', 'console-history-clear', () => {
          history = [];
          saveHistory(store, history);
          renderHistory();
        }),
      );
    }
    ui.aside.dataset.list = history.length ? 'history' : 'examples';
    ui.aside.replaceChildren(...parts);
  };

  const run = async () => {
    if (running || !editor) return;
    const query = (await editor).value.trim();
    if (!query) {
      clearResult();
      showError(new Error('Write a query first, or pick one from the list.'));
      return;
    }
    history = remember(history, query);
    saveHistory(store, history);
    renderHistory();
    running = true;
    ui.run.disabled = true;
    ui.root.setAttribute('aria-busy', 'true');
    try {
      const result = await busy(ui.run, runCypher(query));
      lastRun = query;
      lastValuesOnly = result.graph.nodes.length === 0;
      clearResult();
      const drawn = draw(result);
      ui.summary.textContent = `${summaryOf(result)}.${drawn}`;
      if (result.truncated) {
        ui.truncated.textContent = `Only the first ${result.rows.length} rows came back: add a LIMIT or narrow the query to see the rest.`;
        ui.truncated.hidden = false;
      }
      ui.tableWrap.append(table(result, open));
    } catch (err) {
      clearResult();
      showError(err);
    } finally {
      running = false;
      ui.run.disabled = false;
      ui.root.removeAttribute('aria-busy');
    }
  };

  /** The graph's vocabulary for completion; asked for while the editor loads. Tests wait for data-schema. */
  const loadSchema = async (queryEditor: Promise<QueryEditor>) => {
    try {
      const { rows } = await runCypher(SCHEMA_QUERY);
      const [labels, types, keys] = (rows[0] ?? [[], [], []]) as string[][];
      (await queryEditor).setSchema({ labels: labels ?? [], relationshipTypes: types ?? [], propertyKeys: keys ?? [] });
      ui.root.dataset.schema = 'ready';
    } catch {
      // Completion then offers keywords only: not worth a message.
      ui.root.dataset.schema = 'failed';
    }
  };

  const ensureEditor = (): Promise<QueryEditor> => {
    if (!editor) {
      editor = import('./editor.js').then(({ createQueryEditor }) => createQueryEditor(ui.editorHost, { run: () => void run(), value: history[0] ?? '' }));
      void loadSchema(editor);
    }
    return editor;
  };

  const pick = async (query: string) => {
    const queryEditor = await ensureEditor();
    queryEditor.setValue(query);
    queryEditor.focus();
  };

  /** The canvas gives the pane its room, and sigma measures it again. */
  const resizeCanvas = () => {
    if (canvas.container.dataset.state === 'ready') canvas.sigma.refresh();
  };

  const show = async () => {
    ui.root.hidden = false;
    stage.classList.add('with-console');
    toggle.setAttribute('aria-expanded', 'true');
    resizeCanvas();
    renderHistory();
    try {
      (await ensureEditor()).focus();
    } catch (err) {
      editor = undefined;
      showError(new Error(`The editor could not load: ${err instanceof Error ? err.message : String(err)}`));
    }
  };

  const hide = () => {
    const hadFocus = ui.root.contains(document.activeElement);
    ui.root.hidden = true;
    stage.classList.remove('with-console');
    toggle.setAttribute('aria-expanded', 'false');
    resizeCanvas();
    if (hadFocus) toggle.focus();
  };

  toggle.addEventListener('click', () => (ui.root.hidden ? void show() : hide()));
  ui.close.addEventListener('click', hide);
  ui.run.addEventListener('click', () => void run());
  ui.root.addEventListener('keydown', (event) => {
    // The editor handles its keys first (Escape closes its completion list, Ctrl+Enter runs): the pane
    // takes what it leaves, so Ctrl+Enter also runs from the Run button or the table.
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') hide();
    else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  });
  return { lastQuery: () => lastRun, lastQueryValuesOnly: () => lastValuesOnly };
}
