/**
 * People named together and the words that later stand for them: "Police arrested A and B. The
 * suspects …", "the two men", "both defendants", "they", "their lawyer". Used by the interaction and
 * the allegation rules alike.
 */
import type { Placed } from './aliases.js';
import type { EntityCategory } from '../types.js';
import type { Token } from './nlp.js';
import { TITLE_WORDS } from './lexicons.js';
import { RELATION_NOUNS } from './vocabulary.js';
import { classOf } from './pos.js';
import { AUXILIARIES, JOB_NOUNS, PERSON_DESCRIPTIONS, PREPOSITIONS, wordTable } from './words.js';

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
export const GROUP_SIZES: Readonly<Record<string, number>> = wordTable({
  two: 2,
  both: 2,
  pair: 2,
  duo: 2,
  couple: 2,
  three: 3,
  trio: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
});

/** What may stand between two people of one list besides titles: "A, 45, and former director B". */
const LIST_WORDS = /^(,|and|&|former|ex|then|fellow|his|her|their|wife|husband|son|daughter|brother|sister|\d+)$/;

/**
 * Plural nouns for bodies or countries named together: "the two companies", "both countries",
 * "the two sides" (any kind).
 */
export const BODY_GROUP_NOUNS: Readonly<Record<string, EntityCategory | 'any'>> = wordTable({
  companies: 'institution',
  firms: 'institution',
  banks: 'institution',
  lenders: 'institution',
  insurers: 'institution',
  airlines: 'institution',
  carriers: 'institution',
  clubs: 'institution',
  teams: 'institution',
  regulators: 'institution',
  agencies: 'institution',
  parties: 'institution',
  countries: 'place',
  nations: 'place',
  neighbours: 'place',
  neighbors: 'place',
  sides: 'any',
});

/** The last list of two or more entities of each kind in a sentence ("arrested A, B and C", "India and Canada"). */
export type Lists = Partial<Record<EntityCategory | 'any', string[]>>;

/** The lists of a sentence, by kind: what "the three", "the two countries", "the two sides" stand for later. */
export function listsIn(toks: Token[], ms: readonly Placed[]): Lists {
  if (ms.length < 2) return NO_LISTS;
  const out: Lists = {};
  let run: Placed[] = [];
  const flush = (): void => {
    const names = [...new Set(run.map((m) => m.entity.name))];
    if (names.length >= 2) {
      out.any = names;
      const kinds = new Set(run.map((m) => m.entity.category));
      if (kinds.size === 1) out[run[0]!.entity.category] = names;
    }
    run = [];
  };
  for (const m of ms) {
    if (m.possessive) {
      flush();
      continue;
    }
    const prev = run.at(-1);
    if (prev && !listedTogether(toks, prev.last + 1, m.first)) flush();
    run.push(m);
  }
  flush();
  return out;
}

const NO_LISTS: Lists = Object.freeze({});

/** Keep what a sentence lists, kind by kind, over what earlier ones did. */
export function rememberLists(lists: Lists, memory: Lists): void {
  for (const [kind, names] of Object.entries(lists)) memory[kind as keyof Lists] = names;
}

/** The group a plural body noun at k stands for ("the two companies", "both countries"), by its kind. */
export function bodyGroup(word: string, lists: Lists): string[] {
  const kind = BODY_GROUP_NOUNS[word];
  return kind ? (lists[kind] ?? []) : [];
}

function listedTogether(toks: Token[], from: number, to: number): boolean {
  if (to - from < 1 || to - from > 6) return false;
  let joined = false;
  for (let k = from; k < to; k++) {
    const t = toks[k]!;
    if (t.low === ',' || t.low === 'and' || t.low === '&') joined = true;
    // "A, B, C, along with active players D and E", "A as well as B".
    else if (/^(along|together)$/.test(t.low) && toks[k + 1]?.low === 'with') {
      joined = true;
      k++;
    } else if (t.low === 'alongside') joined = true;
    else if (t.low === 'as' && toks[k + 1]?.low === 'well' && toks[k + 2]?.low === 'as') {
      joined = true;
      k += 2;
    }
    // "A and suspended police commissioner B": descriptive words may stand before the next name, a
    // preposition or a verb may not ("A met B", "A of B").
    else if (!LIST_WORDS.test(t.low) && !t.cap && !isTitle(t.low) && !(joined && isDescriptive(t.low))) return false;
  }
  return joined;
}

const isTitle = (w: string): boolean => JOB_NOUNS.has(w) || PERSON_DESCRIPTIONS.has(w) || TITLE_WORDS.has(w) || RELATION_NOUNS[w] !== undefined;

/** A lower-case word that may describe a person in a list: no preposition, auxiliary, relative or verb-only form. */
function isDescriptive(w: string): boolean {
  if (!/^[a-z-]+$/.test(w) || PREPOSITIONS.has(w) || AUXILIARIES.has(w) || /^(who|which|that|said|says)$/.test(w)) return false;
  const c = classOf(w);
  return c.noun || c.adjective || w.endsWith('ed');
}
