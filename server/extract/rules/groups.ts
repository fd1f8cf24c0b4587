/**
 * People named together and the words that later stand for them: "Police arrested A and B. The
 * suspects …", "the two men", "both defendants", "they", "their lawyer". Used by the interaction and
 * the allegation rules alike.
 */
import type { Placed } from './aliases.js';
import type { Token } from './nlp.js';
import { TITLE_WORDS } from './lexicons.js';
import { RELATION_NOUNS } from './vocabulary.js';
import { JOB_NOUNS, PERSON_DESCRIPTIONS, wordTable } from './words.js';

/**
 * Plural nouns that, after "the", "both" or a number, stand for people the story named together:
 * plurals of the person descriptions ("the suspects", "the executives") and words for any group
 * of people ("the two men", "both leaders").
 */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  ...[...PERSON_DESCRIPTIONS].map((w) => (w.endsWith('man') ? `${w.slice(0, -3)}men` : `${w}s`)),
  'accused',
  'men',
  'women',
  'pair',
  'duo',
  'trio',
  'couple',
  'brothers',
  'sisters',
  'players',
  'leaders',
  'officials',
  'members',
  'directors',
  'officers',
]);

/** Number words that count a group: "the three men" is a group of three. */
export const GROUP_SIZES: Readonly<Record<string, number>> = wordTable({ two: 2, both: 2, pair: 2, duo: 2, couple: 2, three: 3, trio: 3, four: 4, five: 5 });

/** What may stand between two people of one list besides titles: "A, 45, and former director B". */
const LIST_WORDS = /^(,|and|&|former|ex|then|fellow|his|her|their|wife|husband|son|daughter|brother|sister|\d+)$/;

/** The last list of two or more people in a sentence ("arrested A, B and C"): what "the three" stands for later. */
export function peopleListed(toks: Token[], ms: readonly Placed[]): string[] {
  let out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length >= 2) out = run;
    run = [];
  };
  let prev: Placed | undefined;
  for (const m of ms) {
    if (m.entity.category !== 'person' || m.possessive) {
      flush();
      prev = undefined;
      continue;
    }
    if (prev && !listedTogether(toks, prev.last + 1, m.first)) flush();
    if (!run.includes(m.entity.name)) run.push(m.entity.name);
    prev = m;
  }
  flush();
  return out;
}

function listedTogether(toks: Token[], from: number, to: number): boolean {
  if (to - from < 1 || to - from > 6) return false;
  let joined = false;
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    if (t.low === ',' || t.low === 'and' || t.low === '&') joined = true;
    else if (!LIST_WORDS.test(t.low) && !t.cap && !isTitle(t.low)) return false;
  }
  return joined;
}

const isTitle = (w: string): boolean => JOB_NOUNS.has(w) || PERSON_DESCRIPTIONS.has(w) || TITLE_WORDS.has(w) || RELATION_NOUNS[w] !== undefined;
