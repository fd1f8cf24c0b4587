/**
 * The console as data: whether a query is running, what shows under the editor (an error, or a result's
 * summary and table), where a result's graph goes (in place of the canvas or added to it), the history
 * list, and the last query for the export dialog. Transitions are pure functions over plain data, so
 * they run under node:test; console.ts does the fetching, the editor and the canvas.
 */
import type { CypherResult } from '../../../common/api.js';
import { cellOf, namesOf, summaryOf, type Cell } from './format.js';
import { EXAMPLES, firstLine, remember } from './history.js';

/** Labels, relationship types and property keys for the editor's completion, in one allowed read. */
export const SCHEMA_QUERY = `CALL db.labels() YIELD label WITH collect(label) AS labels
CALL db.relationshipTypes() YIELD relationshipType WITH labels, collect(relationshipType) AS types
CALL db.propertyKeys() YIELD propertyKey RETURN labels, types, collect(propertyKey) AS keys`;

export type GraphMode = 'replace' | 'add';

export interface Table {
  columns: string[];
  rows: Cell[][];
}

/** What shows under the editor. `code` is the API's error code, null for the console's own messages. */
export type Outcome = { kind: 'error'; code: string | null; message: string } | { kind: 'result'; summary: string; truncated: string | null; table: Table };

export interface ConsoleState {
  /** A query is on its way: Run waits for it, and the last outcome stays until it answers. */
  running: boolean;
  outcome: Outcome | null;
  mode: GraphMode;
  /** Past queries, newest first (history.ts). */
  history: string[];
  /** The last query that ran without error, and whether it returned values only (no node). */
  last: { query: string; valuesOnly: boolean } | null;
}

export function initialState(history: string[]): ConsoleState {
  return { running: false, outcome: null, mode: 'replace', history, last: null };
}

export function withMode(state: ConsoleState, mode: GraphMode): ConsoleState {
  return { ...state, mode };
}

/**
 * Run with `text` in the editor: the query to send, remembered in the history, or null with the state
 * as it is while one runs, or with a word on what to do when the editor is empty.
 */
export function start(state: ConsoleState, text: string): { state: ConsoleState; query: string | null } {
  if (state.running) return { state, query: null };
  const query = text.trim();
  if (!query) return { state: failed(state, null, 'Write a query first, or pick one from the list.'), query: null };
  return { state: { ...state, running: true, history: remember(state.history, query) }, query };
}

export function failed(state: ConsoleState, code: string | null, message: string): ConsoleState {
  return { ...state, running: false, outcome: { kind: 'error', code, message } };
}

/** Where a result's graph goes: nowhere when it has no node, else as the user chose. */
export function drawAs(state: ConsoleState, result: CypherResult): GraphMode | null {
  return result.graph.nodes.length === 0 ? null : state.mode;
}

/** What became of the result's graph: not drawn, in place of the canvas, or `added` nodes added to it. */
export type Drawn = null | 'replaced' | { added: number };

function drawnNote(drawn: Drawn): string {
  if (drawn === null) return '';
  if (drawn === 'replaced') return ' Shown on the canvas in place of what was there (Undo brings it back).';
  return ` ${drawn.added} added to the canvas, the result picked out.`;
}

export function tableOf(result: CypherResult): Table {
  const names = namesOf(result);
  return { columns: result.columns, rows: result.rows.map((row) => row.map((value) => cellOf(value, names))) };
}

export function succeeded(state: ConsoleState, query: string, result: CypherResult, drawn: Drawn): ConsoleState {
  const truncated = result.truncated ? `Only the first ${result.rows.length} rows came back: add a LIMIT or narrow the query to see the rest.` : null;
  return {
    ...state,
    running: false,
    outcome: { kind: 'result', summary: `${summaryOf(result)}.${drawnNote(drawn)}`, truncated, table: tableOf(result) },
    last: { query, valuesOnly: result.graph.nodes.length === 0 },
  };
}

/** The list beside the editor: past queries, or examples while there are none. */
export interface HistoryList {
  kind: 'history' | 'examples';
  heading: string;
  items: { text: string; query: string }[];
  /** Only a history can be cleared; the examples stay. */
  clearable: boolean;
}

export function historyList(history: readonly string[]): HistoryList {
  if (!history.length) return { kind: 'examples', heading: 'Examples', items: EXAMPLES.map(({ title, query }) => ({ text: title, query })), clearable: false };
  return { kind: 'history', heading: 'History', items: history.map((query) => ({ text: firstLine(query), query })), clearable: true };
}

export function clearHistory(state: ConsoleState): ConsoleState {
  return { ...state, history: [] };
}

/** The schema query's one row as the editor's completion takes it; a missing part is none. */
export function schemaOf(rows: readonly unknown[][]): { labels: string[]; relationshipTypes: string[]; propertyKeys: string[] } {
  const [labels, types, keys] = (rows[0] ?? [[], [], []]) as (string[] | undefined)[];
  return { labels: labels ?? [], relationshipTypes: types ?? [], propertyKeys: keys ?? [] };
}
