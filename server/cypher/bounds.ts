/**
 * Checks on a user's query text before Neo4j sees it: what Neo4j cannot survive or cannot stop.
 *
 * - Neo4j's parser recurses once per level of nesting and overflows its stack at a few hundred levels
 *   (brackets, CASE, `!` label negations, `a.b.c…` chains); the request then hangs two minutes holding a
 *   connection. Each of those is refused beyond MAX_NESTING levels.
 * - Neo4j's per-transaction memory limit covers what operators hold (collect, ORDER BY, DISTINCT), not
 *   values built inside one expression, and its timeout is not checked inside one either: a `reduce`
 *   that doubles a string, a nested replace() that multiplies one, or a list comprehension over a huge
 *   range() exhausts the heap or runs for minutes however the transaction is limited. Those forms are
 *   refused when the query shows them; the deadline in run.ts is the net for what a text check misses.
 *
 * Generic rules, not a list of known strings: every bound is a number of the query's own shape.
 */
import { AppError } from '../errors.js';
import { callArguments, closing, isPunct, isWord, numberValue, tokenize, type Token } from './lexer.js';

export const MAX_QUERY_LENGTH = 10_000;
/** Legitimate queries are a few hundred tokens; chains of thousands make Neo4j's planner take seconds. */
export const MAX_TOKENS = 2_000;
/**
 * Brackets, CASE and chains of one operator. Real queries nest under 10 levels; Neo4j's parser held
 * 100 `.a` hops and 60 brackets here but overflowed at 300, so 40 leaves room on both sides.
 */
export const MAX_NESTING = 40;
/**
 * The most values one range() may produce, and all of a query's ranges multiplied (nested, they
 * multiply). Measured here: a reduce() that appends to a list took 0.6 s over 10,000 values and 60 s
 * over 100,000, and Neo4j cannot stop it in between.
 */
export const MAX_RANGE = 10_000;
export const MAX_RANGE_PRODUCT = 1_000_000;
/** How much nested replace() calls may multiply a string's length. */
export const MAX_GROWTH = 1_000;

const invalid = (message: string) => new AppError('CYPHER_INVALID', message);
const memory = (message: string) => new AppError('CYPHER_MEMORY', message);
const refused = (message: string) => new AppError('CYPHER_REFUSED', message);

const where = (query: string, token: Token) => {
  const before = query.slice(0, token.at);
  const line = before.split('\n').length;
  return `line ${line}, column ${token.at - before.lastIndexOf('\n')}`;
};

function checkNesting(query: string, tokens: Token[]): void {
  let depth = 0;
  let run = 0;
  let runOf = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isPunct(t, '(', '[', '{') || isWord(t, 'CASE')) depth++;
    else if (isPunct(t, ')', ']', '}') || isWord(t, 'END')) depth = Math.max(0, depth - 1);
    if (depth > MAX_NESTING) throw invalid(`The query nests deeper than ${MAX_NESTING} levels (brackets or CASE) at ${where(query, t)}; flatten it.`);
    // A chain of one operator: NOT NOT …, !!…, - - …, a.b.c…, x[0][0]…
    const op = isWord(t, 'NOT') ? 'NOT' : isPunct(t, '!', '-', '+', '.') ? t.text : '';
    const continues = op !== '' && op === runOf;
    if (op) {
      run = continues ? run + 1 : 1;
      runOf = op;
    } else if (!(runOf === '.' && (t.kind === 'word' || t.kind === 'name'))) {
      run = 0;
      runOf = '';
    }
    if (run > MAX_NESTING) throw invalid(`The query chains '${runOf}' more than ${MAX_NESTING} times at ${where(query, t)}; shorten it.`);
  }
}

/** One statement, no database switch, no EXPLAIN/PROFILE of the user's own: the guard adds EXPLAIN. */
function checkStatement(query: string, tokens: Token[]): void {
  const semicolon = tokens.findIndex((t) => isPunct(t, ';'));
  if (semicolon >= 0 && semicolon < tokens.length - 1) throw refused('One statement per query: remove the ; and what follows it.');
  if (isWord(tokens[0], 'EXPLAIN', 'PROFILE')) throw refused(`${tokens[0]!.text.toUpperCase()} is not allowed here: the server plans every query itself.`);
  tokens.forEach((t, i) => {
    if (
      isWord(t, 'USE') &&
      (tokens[i + 1]?.kind === 'word' || tokens[i + 1]?.kind === 'name') &&
      (i === 0 || isPunct(tokens[i - 1], '{') || isWord(tokens[i - 1], 'UNION', 'ALL'))
    ) {
      throw refused(`USE is not allowed here (${where(query, t)}): queries run against newsgraph's database only.`);
    }
  });
}

/** The numbers a range() argument combines: literals, numeric strings and parameters, multiplied. */
function magnitude(arg: Token[], params: Record<string, unknown>): number {
  let product = 1;
  for (const t of arg) {
    let value = NaN;
    if (t.kind === 'number') value = numberValue(t.text);
    else if (t.kind === 'string' && /^\s*[-+]?[\d.e_]+\s*$/i.test(t.text)) value = Number(t.text.replace(/_/g, ''));
    else if (t.kind === 'param') value = Number(params[t.text]);
    if (Number.isFinite(value)) product *= Math.max(1, Math.abs(value));
    if (isPunct(t, '^')) return Infinity;
  }
  return product;
}

function checkRanges(query: string, tokens: Token[], params: Record<string, unknown>): void {
  let product = 1;
  tokens.forEach((t, i) => {
    if (!isWord(t, 'RANGE') || !isPunct(tokens[i + 1], '(') || isPunct(tokens[i - 1], '.')) return;
    const args = callArguments(tokens, i + 1);
    const literal = (arg: Token[] | undefined): number | undefined => {
      if (!arg) return undefined;
      const sign = isPunct(arg[0], '-') ? -1 : 1;
      const rest = isPunct(arg[0], '-', '+') ? arg.slice(1) : arg;
      return rest.length === 1 && rest[0]!.kind === 'number' ? sign * numberValue(rest[0]!.text) : undefined;
    };
    const [start, end, step] = [literal(args[0]), literal(args[1]), args[2] ? literal(args[2]) : 1];
    let span: number;
    if (start !== undefined && end !== undefined && step !== undefined && step !== 0) span = Math.floor((end - start) / step) + 1;
    // Bounds computed from literals or parameters: as big as the numbers they combine.
    else span = Math.max(magnitude(args[0] ?? [], params), magnitude(args[1] ?? [], params));
    if (span > MAX_RANGE) {
      throw memory(
        `range() at ${where(query, t)} would make ${Number.isFinite(span) ? span.toLocaleString('en') : 'too many'} values; at most ${MAX_RANGE.toLocaleString('en')} are allowed here.`,
      );
    }
    product *= Math.max(1, span);
    if (product > MAX_RANGE_PRODUCT) {
      throw memory(
        `The ranges up to range() at ${where(query, t)} make over ${MAX_RANGE_PRODUCT.toLocaleString('en')} values together; at most that many are allowed here.`,
      );
    }
  });
}

/** reduce(acc = …, x IN … | step): `acc` twice in one branch of step (acc + acc, [acc, acc]) grows exponentially. */
function checkReduce(query: string, tokens: Token[]): void {
  tokens.forEach((t, i) => {
    if (!isWord(t, 'REDUCE') || !isPunct(tokens[i + 1], '(')) return;
    const accumulator = tokens[i + 2];
    if (!accumulator || (accumulator.kind !== 'word' && accumulator.kind !== 'name')) return;
    const end = closing(tokens, i + 1);
    const bar = tokens.findIndex((b, j) => j > i + 2 && j < end && isPunct(b, '|'));
    if (bar < 0) return;
    // CASE branches are alternatives: each may use the accumulator once.
    if (usesOf(tokens, accumulator.text, bar + 1, end) > 1) {
      throw memory(`reduce() at ${where(query, t)} uses '${accumulator.text}' twice in one step, so its value can double each step; build it once per step.`);
    }
  });
}

/** How many times a query may rebind a variable to a value built from it twice (WITH a + a AS a): 2^8 = 256-fold. */
export const MAX_SELF_DOUBLING = 8;

/** Uses of `name` as a bare variable in tokens[from, to), CASE branches counted apart: the most in one branch. */
function usesOf(tokens: Token[], name: string, from: number, to: number): number {
  let most = 0;
  let uses = 0;
  for (let j = from; j < to; j++) {
    const u = tokens[j]!;
    if (isWord(u, 'CASE', 'WHEN', 'THEN', 'ELSE', 'END')) uses = 0;
    else if ((u.kind === 'word' || u.kind === 'name') && u.text === name && !isPunct(tokens[j - 1], '.') && !isPunct(tokens[j + 1], '(', ':')) uses++;
    most = Math.max(most, uses);
  }
  return most;
}

/**
 * `WITH a + a AS a` (or [a, a], {x: a, y: a}) doubles a value with each projection that repeats it, with no
 * reduce() in sight: 30 of them make a billion elements, which Neo4j would build or send whole.
 */
function checkSelfDoubling(query: string, tokens: Token[]): void {
  let doublings = 0;
  tokens.forEach((t, i) => {
    if (!isWord(t, 'AS')) return;
    const target = tokens[i + 1];
    if (!target || (target.kind !== 'word' && target.kind !== 'name')) return;
    // The projection item: back to the comma or clause keyword that starts it, at the same depth.
    let depth = 0;
    let start = i - 1;
    for (; start >= 0; start--) {
      const u = tokens[start]!;
      if (isPunct(u, ')', ']', '}')) depth++;
      else if (isPunct(u, '(', '[', '{')) {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (isPunct(u, ',') || isWord(u, 'WITH', 'RETURN', 'UNWIND', 'DISTINCT'))) break;
    }
    if (usesOf(tokens, target.text, start + 1, i) > 1 && ++doublings > MAX_SELF_DOUBLING) {
      throw memory(
        `The query rebinds '${target.text}' to a value that repeats it more than ${MAX_SELF_DOUBLING} times (at ${where(query, t)}), which doubles it each time; build it once.`,
      );
    }
  });
}

/** Nested replace() calls multiply a string by each replacement's length over its search's. */
function checkReplace(query: string, tokens: Token[]): void {
  const growth = (open: number): number => {
    const args = callArguments(tokens, open);
    const [, search, replacement] = args;
    const length = (arg: Token[] | undefined, unknown: number) => (arg?.length === 1 && arg[0]!.kind === 'string' ? arg[0]!.text.length : unknown);
    // An empty search string inserts the replacement between every character.
    const searched = length(search, 1);
    const factor = searched === 0 ? length(replacement, 100) + 1 : Math.max(1, length(replacement, 100) / searched);
    let inner = 1;
    const end = closing(tokens, open);
    for (let j = open + 1; j < end; j++) {
      if (isWord(tokens[j], 'REPLACE') && isPunct(tokens[j + 1], '(')) {
        inner = Math.max(inner, growth(j + 1));
        j = closing(tokens, j + 1);
      }
    }
    return factor * inner;
  };
  tokens.forEach((t, i) => {
    if (!isWord(t, 'REPLACE') || !isPunct(tokens[i + 1], '(')) return;
    if (growth(i + 1) > MAX_GROWTH) {
      throw memory(`The nested replace() at ${where(query, t)} could multiply a string's length more than ${MAX_GROWTH} times; replace in fewer steps.`);
    }
  });
}

/**
 * A quantified group that holds a quantifier or an alternation backtracks exponentially: (a+)+, (a|a)*.
 * A scan with a stack, not a regular expression, so that checking a pattern cannot backtrack itself.
 */
export function backtracksCatastrophically(pattern: string): boolean {
  const open: { risky: boolean }[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      i++;
    } else if (c === '(') {
      open.push({ risky: false });
    } else if (c === ')') {
      const group = open.pop();
      const next = pattern[i + 1] ?? '';
      const quantified = next === '*' || next === '+' || (next === '{' && /^\{\d/.test(pattern.slice(i + 1, i + 3)));
      if (group?.risky && quantified) return true;
      // What repeats inside a group makes the group around it risky too (passed up as each closes).
      if ((group?.risky || quantified) && open.length) open[open.length - 1]!.risky = true;
    } else if ((c === '*' || c === '+' || c === '|' || (c === '{' && /^\{\d/.test(pattern.slice(i, i + 2)))) && open.length) {
      open[open.length - 1]!.risky = true;
    }
  }
  return false;
}

function checkRegex(query: string, tokens: Token[], params: Record<string, unknown>): void {
  tokens.forEach((t, i) => {
    if (!isPunct(t, '=~')) return;
    const pattern = tokens[i + 1];
    const text = pattern?.kind === 'string' ? pattern.text : pattern?.kind === 'param' ? params[pattern.text] : undefined;
    if (typeof text === 'string' && backtracksCatastrophically(text)) {
      throw invalid(
        `The pattern after =~ at ${where(query, t)} repeats a group that itself repeats or alternates, which can take minutes to match; simplify it.`,
      );
    }
  });
}

/** Throws an AppError when the query is too large, too deep, or builds values Neo4j cannot bound. */
export function checkBounds(query: string, params: Record<string, unknown> = {}): void {
  if (query.length > MAX_QUERY_LENGTH) throw invalid(`The query is over ${MAX_QUERY_LENGTH.toLocaleString('en')} characters.`);
  const tokens = tokenize(query);
  if (tokens.length > MAX_TOKENS) throw invalid(`The query has over ${MAX_TOKENS.toLocaleString('en')} tokens; pass long lists as parameters.`);
  checkStatement(query, tokens);
  checkNesting(query, tokens);
  checkRanges(query, tokens, params);
  checkReduce(query, tokens);
  checkSelfDoubling(query, tokens);
  checkReplace(query, tokens);
  checkRegex(query, tokens, params);
}
