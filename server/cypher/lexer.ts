/**
 * A small Cypher tokenizer for the guard's checks before Neo4j sees a query. It only has to know
 * where strings, comments, backtick names and parameters begin and end, so that brackets, keywords and
 * numbers inside them are not counted; it does not parse. Neo4j's own parser is the authority on
 * validity: anything this lexer cannot make sense of is left for EXPLAIN to reject.
 */

export type TokenKind = 'word' | 'name' | 'string' | 'number' | 'param' | 'punct';

export interface Token {
  kind: TokenKind;
  /** A word, a punctuation mark, a name without backticks, a string's value, a parameter's name. */
  text: string;
  /** Offset in the query, for messages. */
  at: number;
}

const PUNCT = ['=~', '<>', '<=', '>=', '..', '->', '<-', '::', '+=', '!=', '||'];
const NUMBER = /^(?:0x[0-9a-f_]+|0o[0-7_]+|(?:\d[\d_]*)?\.?\d[\d_]*(?:e[+-]?\d+)?)/i;
const WORD = /^[\p{L}_][\p{L}\p{N}_]*/u;

function readQuoted(query: string, start: number, quote: string): { text: string; end: number } {
  let text = '';
  let i = start + 1;
  while (i < query.length) {
    const c = query[i]!;
    if (quote !== '`' && c === '\\') {
      text += query[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (c === quote) {
      // A doubled backtick is a backtick inside a name.
      if (quote === '`' && query[i + 1] === '`') {
        text += '`';
        i += 2;
        continue;
      }
      return { text, end: i + 1 };
    }
    text += c;
    i++;
  }
  return { text, end: query.length };
}

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (query.startsWith('//', i)) {
      const end = query.indexOf('\n', i);
      i = end < 0 ? query.length : end + 1;
    } else if (query.startsWith('/*', i)) {
      const end = query.indexOf('*/', i + 2);
      i = end < 0 ? query.length : end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      const { text, end } = readQuoted(query, i, c);
      tokens.push({ kind: c === '`' ? 'name' : 'string', text, at: i });
      i = end;
    } else if (c === '$') {
      const rest = query.slice(i + 1);
      if (rest.startsWith('`')) {
        const { text, end } = readQuoted(query, i + 1, '`');
        tokens.push({ kind: 'param', text, at: i });
        i = end;
      } else {
        const name = /^[\p{L}\p{N}_]*/u.exec(rest)![0];
        tokens.push({ kind: 'param', text: name, at: i });
        i += 1 + name.length;
      }
    } else if (/\d/.test(c) || (c === '.' && /\d/.test(query[i + 1] ?? '') && !/[\p{L}\p{N}_)\]}]/u.test(query[i - 1] ?? ''))) {
      const text = NUMBER.exec(query.slice(i))![0];
      tokens.push({ kind: 'number', text, at: i });
      i += text.length;
    } else {
      const word = WORD.exec(query.slice(i));
      if (word) {
        tokens.push({ kind: 'word', text: word[0], at: i });
        i += word[0].length;
        continue;
      }
      const punct = PUNCT.find((p) => query.startsWith(p, i)) ?? c;
      tokens.push({ kind: 'punct', text: punct, at: i });
      i += punct.length;
    }
  }
  return tokens;
}

/** A number literal's value: 1_000 and 0x10 included; NaN for what it cannot read. */
export function numberValue(text: string): number {
  const plain = text.replace(/_/g, '').toLowerCase();
  if (plain.startsWith('0x')) return parseInt(plain.slice(2), 16);
  if (plain.startsWith('0o')) return parseInt(plain.slice(2), 8);
  return Number(plain);
}

export const isWord = (token: Token | undefined, ...words: string[]): boolean => token?.kind === 'word' && words.includes(token.text.toUpperCase());

export const isPunct = (token: Token | undefined, ...marks: string[]): boolean => token?.kind === 'punct' && marks.includes(token.text);

/** The index of the bracket that closes the one at `open`, or the end. */
export function closing(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (isPunct(tokens[i], '(', '[', '{')) depth++;
    else if (isPunct(tokens[i], ')', ']', '}') && --depth === 0) return i;
  }
  return tokens.length;
}

/** The arguments of a call whose `(` is at `open`, split at top-level commas. */
export function callArguments(tokens: Token[], open: number): Token[][] {
  const end = closing(tokens, open);
  const args: Token[][] = [[]];
  let depth = 0;
  for (let i = open + 1; i < end; i++) {
    const t = tokens[i]!;
    if (isPunct(t, '(', '[', '{')) depth++;
    if (isPunct(t, ')', ']', '}')) depth--;
    if (depth === 0 && isPunct(t, ',')) args.push([]);
    else args[args.length - 1]!.push(t);
  }
  return args;
}
