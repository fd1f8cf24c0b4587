/**
 * Person names inside a capitalised span: split "U.S. Secretary of State Antony Blinken" into
 * prefix ("U.S."), title ("Secretary of State") and name ("Antony Blinken").
 */
import { HONORIFICS, LABEL_WORDS, TITLE_DOMAIN_WORDS, TITLE_WORDS } from './lexicons.js';
import type { Token } from './nlp.js';

const DOTS = /\./g;

// norm() runs several times on every token: memoised (bounded; token strings keep their hash).
let normCache = new Map<string, string>();

export function norm(word: string): string {
  let v = normCache.get(word);
  if (v === undefined) {
    const w = word.toLowerCase();
    v = w.includes('.') ? w.replace(DOTS, '') : w;
    if (normCache.size >= 50_000) normCache = new Map();
    normCache.set(word, v);
  }
  return v;
}

export function isHonorific(t: Token): boolean {
  return HONORIFICS.has(norm(t.text));
}

export function isTitleWord(t: Token): boolean {
  const w = norm(t.text);
  if (TITLE_WORDS.has(w) || HONORIFICS.has(w)) return true;
  // "Ex-spy", "ex-President": a hyphenated label is a title, not a name.
  const dash = w.indexOf('-');
  if (dash < 0) return false;
  const head = w.slice(0, dash);
  return TITLE_WORDS.has(head) || LABEL_WORDS.has(head);
}

export interface TitleParse {
  prefix: Token[];
  title: Token[];
  name: Token[];
}

/** The title run before the name at the end of the span, or null if there is none. */
export function parseTitle(span: Token[]): TitleParse | null {
  let i = 0;
  while (i < span.length) {
    if (!isTitleWord(span[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < span.length) {
      if (isTitleWord(span[j]!)) {
        j++;
        continue;
      }
      // "Minister of Public Security", "Secretary of State": "of" and the domain belong to the title.
      if (norm(span[j]!.text) === 'of' && j + 1 < span.length && TITLE_DOMAIN_WORDS.has(norm(span[j + 1]!.text))) {
        j++;
        while (j < span.length && TITLE_DOMAIN_WORDS.has(norm(span[j]!.text)) && norm(span[j]!.text) !== 'and') j++;
        continue;
      }
      break;
    }
    const name = span.slice(j);
    if (name.length > 0 && !name.some((t) => isTitleWord(t) || norm(t.text) === 'of')) {
      return { prefix: span.slice(0, i), title: span.slice(i, j), name };
    }
    i = Math.max(j, i + 1);
  }
  return null;
}

/** The title as an alias prefix: one-word titles and honorifics ("Secretary Blinken", "Mr Ong"). */
export function aliasTitle(title: Token[]): Token | null {
  const last = title[title.length - 1];
  if (!last) return null;
  if (isHonorific(last)) return last;
  if (title.length === 1 && !LABEL_WORDS.has(norm(last.text)) && !last.text.includes('-')) return last;
  // "House Speaker", "Russian President": keep only the last word as the alias title.
  if (title.length === 2 && ['speaker', 'president', 'secretary', 'senator', 'governor', 'mayor', 'chancellor', 'premier'].includes(norm(last.text)))
    return last;
  return null;
}

/** Human-readable role title without honorifics and party labels. */
export function roleTitle(title: Token[]): string {
  return title
    .filter((t) => !isHonorific(t) && !LABEL_WORDS.has(norm(t.text)))
    .map((t) => t.text)
    .join(' ');
}
