/**
 * The console's query history: the last distinct queries, newest first, kept in localStorage so they
 * survive a reload. The list logic is pure; storage is passed in, and failures of it (private mode,
 * a full quota, a hand-edited value) only cost the history, never the console.
 */

export const HISTORY_SIZE = 50;
export const HISTORY_KEY = 'newsgraph.console.history';

/** Shown while the history is empty: what the graph holds, and how to ask for it. */
export const EXAMPLES: readonly { title: string; query: string }[] = [
  { title: 'Who met whom', query: 'MATCH (a:Person)-[r:MET]->(b:Person)\nRETURN a, r, b\nLIMIT 50' },
  { title: 'The most connected', query: 'MATCH (n:Entity)\nRETURN n, COUNT { (n)--() } AS links\nORDER BY links DESC\nLIMIT 10' },
  { title: 'Allegations and who reports them', query: 'MATCH (a:Allegation)<-[r]-(source)\nRETURN a, r, source\nLIMIT 25' },
  {
    title: 'Documents by entities mentioned',
    query: 'MATCH (d:Document)<-[:MENTIONED_IN]-(e:Entity)\nRETURN d.title AS document, count(e) AS entities\nORDER BY entities DESC',
  },
  {
    title: 'Shortest path between two people',
    query: "MATCH p = shortestPath(\n  (a:Person {name: 'Antony Blinken'})-[*..4]-(b:Person {name: 'Xi Jinping'}))\nRETURN p",
  },
];

/** Whitespace at the ends never makes a query distinct. */
const normal = (query: string) => query.trim();

/** The history after running `query`: it moves to the front, once, and the oldest fall off. */
export function remember(history: readonly string[], query: string, size = HISTORY_SIZE): string[] {
  const q = normal(query);
  if (!q) return [...history];
  return [q, ...history.filter((h) => normal(h) !== q)].slice(0, size);
}

/** A stored history, or none when what is stored is not one. */
export function parseHistory(stored: string | null, size = HISTORY_SIZE): string[] {
  if (!stored) return [];
  try {
    const value = JSON.parse(stored) as unknown;
    if (!Array.isArray(value)) return [];
    return value.filter((q): q is string => typeof q === 'string' && normal(q) !== '').slice(0, size);
  } catch {
    return [];
  }
}

/** The first line of a query, for a list that has one line per query. */
export function firstLine(query: string, max = 80): string {
  const lines = normal(query).split('\n');
  const line = lines[0]!.trim();
  const more = lines.length > 1 ? ' …' : '';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : `${line}${more}`;
}

/** localStorage's shape, without the DOM's types: the tests run in node. */
export interface Store {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function loadHistory(store: Store | undefined): string[] {
  try {
    return parseHistory(store?.getItem(HISTORY_KEY) ?? null);
  } catch {
    return [];
  }
}

export function saveHistory(store: Store | undefined, history: readonly string[]): void {
  try {
    store?.setItem(HISTORY_KEY, JSON.stringify(history));
  } catch {
    // A full or forbidden storage: the history lasts as long as the page.
  }
}
