/**
 * The Cypher console: a pane over the bottom of the stage where a colleague writes a read query, runs
 * it (Ctrl+Enter or Run) and sees the rows as a table and the nodes on the canvas, in place of what
 * was there or added to it (undoable either way). Errors show under the editor; past queries stay in
 * a history list. The server refuses anything but reads (server/cypher/guard.ts). The console's state
 * is model.ts's; this file wires the pane, the editor, the canvas and the server to it.
 */
import type { CypherResult } from '../../../common/api.js';
import { ApiRequestError, runCypher } from '../api.js';
import type { Canvas } from '../app/canvas.js';
import { busy } from '../app/toast.js';
import type { Highlight } from '../graph/state.js';
import type { QueryEditor } from './editor.js';
import { anchorOf, highlightOf } from './format.js';
import { loadHistory, saveHistory } from './history.js';
import * as model from './model.js';
import type { ConsoleState, Drawn, GraphMode } from './model.js';
import { layout, renderHistory, renderOutcome } from './pane.js';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** An API error keeps its code (READ_ONLY, CYPHER_ERROR…) for the error line; anything else is "Error". */
function errorOf(err: unknown): { code: string | null; message: string } {
  return { code: err instanceof ApiRequestError ? err.code : null, message: err instanceof Error ? err.message : String(err) };
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
  let state = model.initialState(loadHistory(store));
  let editor: Promise<QueryEditor> | undefined;
  /** The highlight this console set, so that it only ever clears its own. */
  let ours: Highlight | null = null;

  /** Moves to `next`, redrawing (and storing) only what changed. */
  const update = (next: ConsoleState) => {
    const before = state;
    state = next;
    if (next.outcome !== before.outcome) renderOutcome(ui, next.outcome, open);
    if (next.history !== before.history) {
      saveHistory(store, next.history);
      showHistory();
    }
    ui.run.disabled = next.running;
    if (next.running) ui.root.setAttribute('aria-busy', 'true');
    else ui.root.removeAttribute('aria-busy');
  };

  const showHistory = () =>
    renderHistory(ui, model.historyList(state.history), { pick: (query) => void pick(query), clear: () => update(model.clearHistory(state)) });

  for (const radio of ui.radios) {
    radio.addEventListener('change', () => {
      if (radio.checked) update(model.withMode(state, radio.value as GraphMode));
    });
  }

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

  /** Puts the result's graph on the canvas, as the user chose. */
  const draw = (result: CypherResult): Drawn => {
    const mode = model.drawAs(state, result);
    if (mode === null) return null;
    if (mode === 'replace') {
      canvas.replace(result.graph, 'Query');
      setHighlight(null);
      return 'replaced';
    }
    const anchor = anchorOf(result, (key) => canvas.graph.hasNode(key))!;
    const added = canvas.merge(anchor, result.graph, (n) => `Query: ${n} added`);
    // Adding mixes the result with what was there: picking it out, and going to it, is what makes it findable.
    setHighlight(highlightOf(result));
    canvas.centreOn(anchor);
    return { added };
  };

  const run = async () => {
    if (!editor) return;
    const started = model.start(state, (await editor).value);
    update(started.state);
    const { query } = started;
    if (query === null) return;
    try {
      const result = await busy(ui.run, runCypher(query));
      const drawn = draw(result);
      update(model.succeeded(state, query, result, drawn));
    } catch (err) {
      const { code, message } = errorOf(err);
      update(model.failed(state, code, message));
    }
  };

  /** The graph's vocabulary for completion; asked for while the editor loads. Tests wait for data-schema. */
  const loadSchema = async (queryEditor: Promise<QueryEditor>) => {
    try {
      const { rows } = await runCypher(model.SCHEMA_QUERY);
      (await queryEditor).setSchema(model.schemaOf(rows));
      ui.root.dataset.schema = 'ready';
    } catch {
      // Completion then offers keywords only: not worth a message.
      ui.root.dataset.schema = 'failed';
    }
  };

  const ensureEditor = (): Promise<QueryEditor> => {
    if (!editor) {
      editor = import('./editor.js').then(({ createQueryEditor }) =>
        createQueryEditor(ui.editorHost, { run: () => void run(), value: state.history[0] ?? '' }),
      );
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
    showHistory();
    try {
      (await ensureEditor()).focus();
    } catch (err) {
      editor = undefined;
      update(model.failed(state, null, `The editor could not load: ${errorOf(err).message}`));
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
  return { lastQuery: () => state.last?.query ?? null, lastQueryValuesOnly: () => state.last?.valuesOnly ?? false };
}
