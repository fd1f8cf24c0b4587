/**
 * Suggested duplicates (issue #18): pairs of entities of one category that are likely one real-world
 * entity the loader's resolution (server/ingest/entity-index.ts) kept apart. Pure: takes summaries of
 * the entities, returns ranked pairs, each with its reasons and a score in (0, 1].
 *
 * Only general rules of English text and of transliteration, never a list of names:
 * - the same name once case, dots, a leading "the", honorifics ("Mr", "Dr") and diacritics are set aside;
 * - hyphen and space variants ("Jae-min" / "Jae Min" / "Jaemin");
 * - transliteration variants, by folding letter patterns (ei/ey/ii/iy/y at a word's end → i, ks → x,
 *   kh → h, ph → f, w → v, doubled letters, ou/oo → u) and, for words of six letters or more, by vowel
 *   classes (o ~ u, a ~ e ~ i ~ y: Mohammed / Muhammad, Aleksandr / Alexander);
 * - one letter apart, not the first, on a word of five letters or more, the other words the same (six
 *   for a one-word name, which has nothing else to agree on);
 * - initials ("J. Smith" / "John Smith", "J.R.R. Smith");
 * - one name inside the other: a middle name ("John R. Smith"), a bare surname when exactly one full name
 *   carries it, an institution named with a place or without it; never two people who share a surname
 *   only ("Li Wei" / "Li Qiang": their other words differ);
 * - an acronym and the name it stands for ("CMA" / "Competition and Markets Authority");
 * - an alias shared;
 * - shared neighbours (Jaccard of the linked entities), which raise a pair's score and never suggest one.
 *
 * A word that differs only at its end by a vowel is a different name (Martin / Martina, Carlo / Carla).
 * Entities marked ambiguous (a bare surname several people carry) are never suggested: whichever pair
 * it formed, at least one would be wrong, and the loader already declined to choose.
 *
 * Pairs are compared only within blocks that share a key (a folded name, a name with one word left out
 * or wildcarded, initials and surname, an acronym, a surname), so a graph of tens of thousands of
 * entities costs a few comparisons per entity, not one per pair.
 */
import type { DuplicateReason, EntityCategory } from '../../common/curate.js';

export interface EntitySummary {
  id: string;
  name: string;
  aliases: string[];
  category: EntityCategory;
  kind: string | null;
  /** A bare surname several people share (the loader's `ambiguous`). */
  ambiguous?: boolean;
  /** Ids of the documents it is mentioned in. */
  documents: string[];
  /** Ids of the entities it is linked to (MENTIONED_IN and rejected links left out). */
  neighbours: string[];
}

export interface Suggestion {
  ids: [string, string];
  score: number;
  reasons: DuplicateReason[];
}

export interface SuggestOptions {
  category?: EntityCategory;
  limit?: number;
}

type Code = DuplicateReason['code'];

/** How much each kind of name evidence says on its own; shared neighbours add to it. */
const WEIGHT: Record<Exclude<Code, 'shared-neighbours'>, number> = {
  'same-name': 0.95,
  diacritics: 0.92,
  hyphenation: 0.9,
  'shared-alias': 0.88,
  transliteration: 0.8,
  initials: 0.72,
  spelling: 0.68,
  'contained-name': 0.62,
};
const NEIGHBOUR_BONUS = 0.15;
/** A block this large says little (a wildcard over a very common word): its pairs are not compared. */
const MAX_BLOCK = 400;
/** A name with more aliases than this is compared on its first ones. */
const MAX_FORMS = 12;

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'madam', 'mme', 'mlle', 'herr', 'frau']);
/** Words an acronym usually leaves out. */
const MINOR_WORDS = new Set(['of', 'and', '&', 'the', 'for', 'on', 'in', 'at', 'to', 'de', 'du', 'des', 'la', 'le', 'del', 'der', 'di']);
/** Words that say a company is one, at the end of its name: "X Group", "X Co. Ltd". */
const DESIGNATORS = new Set([
  'group',
  'co',
  'company',
  'corp',
  'corporation',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'plc',
  'llc',
  'lp',
  'ag',
  'sa',
  'nv',
  'gmbh',
  'holdings',
]);
/** Words that may follow a place's name without making it another place ("X City", "Republic of X"). */
const PLACE_WORDS = new Set([
  'city',
  'state',
  'province',
  'region',
  'county',
  'district',
  'municipality',
  'island',
  'islands',
  'republic',
  'of',
  'the',
  'territory',
]);

/** One form of a name (the canonical name or an alias), taken apart once. */
interface Form {
  text: string;
  alias: boolean;
  /** Lower case, typographic apostrophes and dots folded, leading "the" and honorifics off. */
  lower: string;
  /** `lower` without diacritics. */
  plain: string;
  /** Words of `plain`, split at spaces and hyphens; initials ("J.R.R.") one letter each. */
  words: string[];
  /** `words` joined with nothing between them. */
  joined: string;
  /** Each word folded for transliteration. */
  folded: string[];
  /** Each folded word with its vowels by class. */
  classes: string[];
  /** The letters of an acronym, when the form looks like one ("CMA", "U.N."). */
  acronym: string | null;
  /** The initials of its words (all of them, and the major ones), for forms of two words or more. */
  initials: string[];
  /**
   * A form derived from a written one, for institutions: without a company designator ("X Group" → "X"),
   * or "A of B" as "B A" ("Ministry of Health" → "Health Ministry").
   */
  variant?: 'designator' | 'inverted';
}

interface Prepared {
  entity: EntitySummary;
  forms: Form[];
  neighbours: Set<string>;
}

const ASCII = /^[\x20-\x7e]*$/;

function stripDiacritics(s: string): string {
  return ASCII.test(s) ? s : s.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** The transliteration fold of one word (lower case, no diacritics). */
export function foldWord(word: string): string {
  let w = word
    .replace(/tch/g, 'ch')
    .replace(/sch/g, 'sh')
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'h')
    .replace(/ck/g, 'k')
    .replace(/ks/g, 'x')
    .replace(/w/g, 'v')
    .replace(/ou|oo/g, 'u');
  w = w.replace(/(.)\1+/g, '$1');
  if (w.length > 3) w = w.replace(/(?:ei|ey|ii|iy|yi|ie|y)$/, 'i');
  return w.replace(/(.)\1+/g, '$1');
}

/** Vowels by class (o ~ u, a ~ e ~ i ~ y), for transliterations that write vowels differently. */
function vowelClasses(folded: string): string {
  return folded
    .replace(/[ou]+/g, 'U')
    .replace(/[aeiy]+/g, 'A')
    .replace(/(.)\1+/g, '$1');
}

const VOWEL = /[aeiouyAU]$/;

function parseForm(text: string, alias: boolean, category: EntityCategory): Form {
  const cleaned = text.trim().replace(/[’‘`]/g, "'").replace(/\s+/g, ' ');
  const rawWords = cleaned.split(' ').filter(Boolean);
  const compact = cleaned.replace(/[.\s]/g, '');
  const acronym =
    rawWords.length === 1 && /^\p{Lu}{2,8}s?$/u.test(compact) && (compact.match(/\p{Lu}/gu)?.length ?? 0) >= 2 ? compact.replace(/s$/, '').toLowerCase() : null;
  let words: string[] = [];
  for (const raw of rawWords) {
    // "J.R.R." is three initials; "U.S." one acronym; "Jr." a word.
    if (rawWords.length > 1 && raw.length > 3 && raw.endsWith('.') && /^(\p{L}\.){2,}$/u.test(raw)) words.push(...raw.split('.').filter(Boolean));
    else words.push(...raw.replace(/\./g, '').split('-'));
  }
  words = words.map((w) => stripDiacritics(w.toLowerCase()).replace(/'s$/, '')).filter(Boolean);
  if (words[0] === 'the' && words.length > 1) words.shift();
  if (category === 'person') while (words.length > 1 && HONORIFICS.has(words[0]!)) words.shift();
  const lower = cleaned
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/\./g, '');
  return fromWords(text, alias, lower, words, acronym);
}

function fromWords(text: string, alias: boolean, lower: string, words: string[], acronym: string | null, variant?: Form['variant']): Form {
  const major = words.filter((w) => !MINOR_WORDS.has(w));
  const folded = words.map(foldWord);
  const initials = words.length > 1 ? [...new Set([words.map((w) => w[0]).join(''), major.map((w) => w[0]).join('')])] : [];
  return {
    text,
    alias,
    variant,
    lower,
    plain: stripDiacritics(lower),
    words,
    joined: words.join(''),
    folded,
    classes: folded.map(vowelClasses),
    acronym,
    initials,
  };
}

function prepare(entity: EntitySummary): Prepared {
  const texts = [entity.name, ...entity.aliases.filter((a) => a !== entity.name).slice(0, MAX_FORMS)];
  const forms = texts.map((t, i) => parseForm(t, i > 0, entity.category)).filter((f) => f.words.length > 0);
  if (entity.category === 'institution') {
    for (const form of [...forms]) {
      let end = form.words.length;
      while (end > 1 && DESIGNATORS.has(form.words[end - 1]!)) end--;
      const core = form.words.slice(0, end);
      if (end < form.words.length) forms.push(fromWords(form.text, form.alias, core.join(' '), core, null, 'designator'));
      const of = core.indexOf('of');
      if (of === 1 && core.lastIndexOf('of') === 1 && core.length > 2) {
        const inverted = [...core.slice(2), core[0]!];
        forms.push(fromWords(form.text, form.alias, inverted.join(' '), inverted, null, 'inverted'));
      }
    }
  }
  return { entity, forms, neighbours: new Set(entity.neighbours) };
}

/** True when a and b are one insertion, deletion or substitution apart. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length < b.length) [a, b] = [b, a];
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.slice(i + 1) === b.slice(i);
}

/** Words that differ only in a vowel at the end, or one ending in a vowel the other lacks: Martin / Martina. */
function differentEnding(a: string, b: string): boolean {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  if (long.length === short.length) return long.slice(0, -1) === short.slice(0, -1) && (VOWEL.test(long) || VOWEL.test(short));
  return long.slice(0, -1) === short && VOWEL.test(long);
}

type WordMatch = 'same' | 'transliteration' | 'spelling' | 'initials' | null;

function compareWords(a: string, fa: string, ca: string, b: string, fb: string, cb: string): WordMatch {
  if (a === b) return 'same';
  if (a.length === 1 || b.length === 1) return a[0] === b[0] && a.length !== b.length ? 'initials' : null;
  if (fa === fb && Math.min(a.length, b.length) >= 3) return 'transliteration';
  if (Math.min(a.length, b.length) >= 6 && ca[0] === cb[0] && !differentEnding(ca, cb)) {
    if (ca === cb) return 'transliteration';
    // One vowel more inside the word: Alexander / Aleksandr.
    if (Math.abs(ca.length - cb.length) === 1 && oneEditApart(ca, cb)) {
      const [long, short] = ca.length > cb.length ? [ca, cb] : [cb, ca];
      const at = [...long].findIndex((ch, i) => ch !== short[i]);
      if (at > 0 && at < long.length - 1 && /[AU]/.test(long[at]!)) return 'transliteration';
    }
  }
  // A typo rarely hits a word's first letter, and names that differ there are other names (Gambia / Zambia).
  if (Math.min(a.length, b.length) >= 5 && a[0] === b[0] && oneEditApart(a, b) && !differentEnding(a, b)) return 'spelling';
  return null;
}

interface Found {
  code: Exclude<Code, 'shared-neighbours'>;
  a: Form;
  b: Form;
  note?: 'acronym' | 'designator' | 'inverted';
}

/** What a match between forms is worth, and says: one found through a derived form says less. */
function weightOf(found: Found): number {
  if (found.note === 'inverted') return 0.85;
  if (found.note === 'designator') return 0.75;
  return WEIGHT[found.code];
}

/** Evidence that rests on an acronym alone, which two different bodies may share. */
function viaAcronym(found: Found): boolean {
  return found.note === 'acronym' || ((found.code === 'shared-alias' || found.code === 'same-name') && (found.a.acronym !== null || found.b.acronym !== null));
}

/** Words of one name that line up with the other's in order, the first and last words of both matching. */
function middleNamesAdded(short: Form, long: Form): boolean {
  if (short.words.length < 2 || long.words.length <= short.words.length) return false;
  if (short.words[0] !== long.words[0] || short.words.at(-1) !== long.words.at(-1)) return false;
  let j = 1;
  for (const w of short.words.slice(1, -1)) {
    while (j < long.words.length - 1 && long.words[j] !== w && !(w.length === 1 && long.words[j]![0] === w)) j++;
    if (j >= long.words.length - 1) return false;
    j++;
  }
  return true;
}

/** The words of `short` as a run inside `long`'s. */
function runInside(short: string[], long: string[]): number {
  for (let i = 0; i + short.length <= long.length; i++) if (short.every((w, k) => long[i + k] === w)) return i;
  return -1;
}

/**
 * What two forms of two entities of one category have in common, the strongest first; null when nothing.
 * `uniqueSurname` says whether a one-word person name is the surname of exactly one full name.
 */
function compareForms(a: Form, b: Form, category: EntityCategory, containers: Map<string, Set<string>>): Found | null {
  const sameName: Found = { code: a.alias || b.alias ? 'shared-alias' : 'same-name', a, b };
  if (a.lower === b.lower) return sameName;
  if (a.plain === b.plain) return { code: 'diacritics', a, b };
  if (a.words.join(' ') === b.words.join(' ')) {
    // Apart from a title, a possessive, hyphens or accents.
    if (a.lower.includes('-') !== b.lower.includes('-')) return { code: 'hyphenation', a, b };
    if (a.lower !== a.plain || b.lower !== b.plain) return { code: 'diacritics', a, b };
    return sameName;
  }
  if (a.joined === b.joined && a.joined.length >= 4) return { code: 'hyphenation', a, b };

  // Word by word, as many words on both sides.
  if (a.words.length === b.words.length) {
    const matches = a.words.map((w, i) => compareWords(w, a.folded[i]!, a.classes[i]!, b.words[i]!, b.folded[i]!, b.classes[i]!));
    if (matches.every(Boolean)) {
      const same = matches.filter((m) => m === 'same').length;
      const spelling = matches.filter((m) => m === 'spelling').length;
      const initials = matches.filter((m) => m === 'initials').length;
      const fullWordsSame = a.words.some((w, i) => w === b.words[i] && w.length > 1);
      if (a.words.length === 1) {
        // One word alone has nothing else to agree on: a longer word, for a typo.
        if (matches[0] === 'transliteration' || (matches[0] === 'spelling' && Math.min(a.words[0]!.length, b.words[0]!.length) >= 6))
          return { code: matches[0], a, b };
      } else if (spelling <= 1 && initials < a.words.length && (fullWordsSame || (spelling === 0 && initials === 0))) {
        const code = initials ? 'initials' : matches.includes('transliteration') ? 'transliteration' : spelling ? 'spelling' : null;
        if (code && (same > 0 || code === 'transliteration')) return { code, a, b };
      }
    }
  }

  // An acronym and the words it stands for (institutions and places).
  if (category !== 'person') {
    const acr = a.acronym && b.initials.includes(a.acronym) ? [a, b] : b.acronym && a.initials.includes(b.acronym) ? [b, a] : null;
    if (acr && acr[1]!.words.length >= 2) return { code: 'initials', a: acr[0]!, b: acr[1]!, note: 'acronym' };
  }

  // One name inside the other.
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
  if (short.words.length === long.words.length) return null;
  if (category === 'person') {
    if (middleNamesAdded(short, long)) return { code: 'contained-name', a: short, b: long };
    if (short.words.length === 1 && long.words.length >= 2) {
      const word = short.words[0]!;
      if (word.length >= 3 && (long.words[0] === word || long.words.at(-1) === word) && containers.get(`${category}|${word}`)?.size === 1)
        return { code: 'contained-name', a: short, b: long };
    }
    return null;
  }
  const at = runInside(short.words, long.words);
  if (at < 0) return null;
  const extra = [...long.words.slice(0, at), ...long.words.slice(at + short.words.length)];
  if (category === 'place') {
    if (extra.every((w) => PLACE_WORDS.has(w))) return { code: 'contained-name', a: short, b: long };
    return null;
  }
  // An institution: the longer name with words before it ("UK X Service" / "X Service"); words after it
  // name another body more often than not ("X Police Authority", "X Union Commission"). Never a one-word
  // name: "Senate" or "Democrats" inside a longer name is as often another body ("Social Democrats").
  if (at + short.words.length !== long.words.length) return null;
  if (short.words.filter((w) => !MINOR_WORDS.has(w)).length >= 2) return { code: 'contained-name', a: short, b: long };
  return null;
}

function reasonText(found: Found): string {
  const pair = `${found.a.text} / ${found.b.text}`;
  if (found.note === 'designator') return `${pair}: the same name but for a company designator (Group, Co., Ltd…)`;
  if (found.note === 'inverted') return `${pair}: the same words in another order`;
  switch (found.code) {
    case 'same-name':
      return `${found.a.text}: the same name`;
    case 'shared-alias':
      return `${pair}: the same name, as an alias`;
    case 'diacritics':
      return `${pair}: the same name but for accents`;
    case 'hyphenation':
      return `${pair}: the same name but for hyphens or spaces`;
    case 'transliteration':
      return `${pair}: spellings of one name in another alphabet`;
    case 'spelling':
      return `${pair}: one letter apart`;
    case 'initials':
      return found.note === 'acronym' ? `${found.a.text}: the initials of ${found.b.text}` : `${pair}: initials of the same name`;
    case 'contained-name':
      return `${pair}: one name inside the other`;
  }
}

/**
 * The keys a form is filed under; two forms that could match share at least one. A key marked `half`
 * only pairs its form with forms filed under it as whole (a one-word name meeting a longer name's word,
 * an acronym meeting a longer name's initials), so that the many longer names sharing a word are not
 * all compared with each other.
 */
function keysOf(form: Form, category: EntityCategory): { key: string; half: boolean }[] {
  const keys: { key: string; half: boolean }[] = [];
  const f = form.folded;
  keys.push({ key: `f:${f.join(' ')}`, half: false });
  keys.push({ key: `j:${form.joined}`, half: false });
  if (f.length === 1) {
    const w = form.words[0]!;
    if (w.length >= 5) keys.push({ key: `c:${form.classes[0]}`, half: false });
    // A one-word name one letter off: filed under each of its one-letter deletions.
    if (w.length >= 5) for (let i = 0; i < w.length; i++) keys.push({ key: `d:${w.slice(0, i)}${w.slice(i + 1)}`, half: false });
    keys.push({ key: `d:${w}`, half: false });
    if (form.acronym) keys.push({ key: `a:${form.acronym}`, half: false });
  } else {
    // One word written differently (a typo, a transliteration): the other words, and its first and last letters.
    for (let i = 0; i < f.length; i++) keys.push({ key: `w:${f.map((w, k) => (k === i ? `${w[0]}*${w.at(-1)}` : w)).join(' ')}`, half: false });
    // The name with a word left out: under the key of the shorter name.
    for (let i = 0; i < f.length; i++) keys.push({ key: `f:${f.filter((_, k) => k !== i).join(' ')}`, half: f.length <= 2 });
    if (category === 'person') {
      // Initials for the given names ("J.R. Smith"), and middle names added or left out.
      const initials = f.slice(0, -1).map((w) => w[0]);
      keys.push({ key: `i:${initials.join('')}|${f.at(-1)}`, half: false });
      keys.push({ key: `fl:${f[0]}|${f.at(-1)}`, half: false });
    } else for (const i of form.initials) keys.push({ key: `a:${i}`, half: true });
  }
  return keys;
}

/** Jaccard of two neighbour sets, each pair's own two ends left out. */
function sharedNeighbours(a: Prepared, b: Prepared): { shared: number; union: number } {
  let shared = 0;
  const union = new Set<string>();
  for (const n of a.neighbours) if (n !== b.entity.id) union.add(n);
  for (const n of b.neighbours) {
    if (n === a.entity.id) continue;
    if (union.has(n)) shared++;
    else union.add(n);
  }
  return { shared, union: union.size };
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** Ranked pairs of likely duplicates; `distinct` are pairs an analyst said are not the same (either order). */
export function suggestDuplicates(
  entities: readonly EntitySummary[],
  distinct: Iterable<readonly [string, string]> = [],
  options: SuggestOptions = {},
): Suggestion[] {
  const notSame = new Set([...distinct].map(([a, b]) => pairKey(a, b)));
  const prepared = entities.filter((e) => !e.ambiguous && (!options.category || e.category === options.category)).map(prepare);

  // How many longer names of a category carry each word as their surname (people) or as a part (others),
  // so that a one-word name is taken for a longer one only when that one is the only candidate.
  const containers = new Map<string, Set<string>>();
  const contain = (key: string, id: string) => {
    let set = containers.get(key);
    if (!set) containers.set(key, (set = new Set()));
    set.add(id);
  };
  for (const p of prepared) {
    for (const form of p.forms) {
      if (form.words.length < 2) continue;
      const c = p.entity.category;
      if (c === 'person') {
        contain(`${c}|${form.words[0]}`, p.entity.id);
        contain(`${c}|${form.words.at(-1)}`, p.entity.id);
      } else for (const w of form.words) contain(`${c}|${w}`, p.entity.id);
    }
  }

  const blocks = new Map<string, { whole: number[]; half: number[] }>();
  prepared.forEach((p, index) => {
    const keys = new Map<string, boolean>();
    for (const form of p.forms) {
      for (const { key, half } of keysOf(form, p.entity.category)) {
        const k = `${p.entity.category}|${key}`;
        keys.set(k, (keys.get(k) ?? true) && half);
      }
    }
    for (const [key, half] of keys) {
      let block = blocks.get(key);
      if (!block) blocks.set(key, (block = { whole: [], half: [] }));
      (half ? block.half : block.whole).push(index);
    }
  });

  const seen = new Set<number>();
  const suggestions: Suggestion[] = [];
  const size = prepared.length;
  const consider = (x: number, y: number) => {
    const pair = x < y ? x * size + y : y * size + x;
    if (x === y || seen.has(pair)) return;
    seen.add(pair);
    const a = prepared[x]!;
    const b = prepared[y]!;
    if (notSame.size && notSame.has(pairKey(a.entity.id, b.entity.id))) return;
    const suggestion = comparePair(a, b, containers);
    if (suggestion) suggestions.push(suggestion);
  };
  for (const { whole, half } of blocks.values()) {
    if (whole.length === 0 || whole.length + half.length < 2 || whole.length * (whole.length + half.length) > MAX_BLOCK * MAX_BLOCK) continue;
    for (let x = 0; x < whole.length; x++) {
      for (let y = x + 1; y < whole.length; y++) consider(whole[x]!, whole[y]!);
      for (const y of half) consider(whole[x]!, y);
    }
  }
  const documents = new Map(prepared.map((p) => [p.entity.id, p.entity.documents.length]));
  const weight = (s: Suggestion) => (documents.get(s.ids[0]) ?? 0) + (documents.get(s.ids[1]) ?? 0);
  suggestions.sort((s, t) => t.score - s.score || weight(t) - weight(s) || s.ids[0].localeCompare(t.ids[0]) || s.ids[1].localeCompare(t.ids[1]));
  return options.limit === undefined ? suggestions : suggestions.slice(0, options.limit);
}

/** Named in words, not by an acronym: "World Relief Foundation", not "WRF". */
function fullyNamed(p: Prepared): boolean {
  return p.forms[0]!.words.length >= 2 && p.forms[0]!.acronym === null;
}

function comparePair(a: Prepared, b: Prepared, containers: Map<string, Set<string>>): Suggestion | null {
  const category = a.entity.category;
  const found: Found[] = [];
  for (const fa of a.forms) {
    for (const fb of b.forms) {
      // A derived form is compared with written forms only: two "X Group"s match as written.
      if (fa.variant && fb.variant) continue;
      const f = compareForms(fa, fb, category, containers);
      if (!f) continue;
      const variant = fa.variant ?? fb.variant;
      if (variant && f.note !== 'acronym') {
        f.note = variant;
        if (variant === 'designator') f.code = 'contained-name';
        else if (f.code !== 'contained-name') f.code = 'same-name';
      }
      found.push(f);
    }
  }
  if (category !== 'person') {
    // An acronym two bodies of different full names share ("ICC"), or a body of another kind, is no evidence.
    const kinds = [a.entity.kind, b.entity.kind];
    const otherKind = category === 'institution' && kinds.every((k) => k && k !== 'other') && kinds[0] !== kinds[1];
    if ((fullyNamed(a) && fullyNamed(b)) || otherKind) found.splice(0, found.length, ...found.filter((f) => !viaAcronym(f)));
  }
  if (!found.length) return null;
  // The strongest evidence leads; each other kind of evidence is listed once.
  found.sort((x, y) => weightOf(y) - weightOf(x) || Number(x.a.alias || x.b.alias) - Number(y.a.alias || y.b.alias));
  const reasons: DuplicateReason[] = [];
  const codes = new Set<Code>();
  for (const f of found) {
    if (codes.has(f.code)) continue;
    codes.add(f.code);
    reasons.push({ code: f.code, text: reasonText(f) });
  }
  let score = weightOf(found[0]!);
  if (
    category === 'institution' &&
    a.entity.kind &&
    b.entity.kind &&
    a.entity.kind !== 'other' &&
    b.entity.kind !== 'other' &&
    a.entity.kind !== b.entity.kind
  ) {
    score -= 0.1;
  }
  // Each further kind of name evidence adds a little.
  score += 0.02 * (codes.size - 1);
  const { shared, union } = sharedNeighbours(a, b);
  if (shared > 0) {
    const jaccard = shared / union;
    score += Math.min(NEIGHBOUR_BONUS, NEIGHBOUR_BONUS * 2 * jaccard);
    reasons.push({ code: 'shared-neighbours', text: `${shared} linked ${shared === 1 ? 'entity' : 'entities'} in common (of ${union})` });
  }
  const ids: [string, string] = a.entity.id < b.entity.id ? [a.entity.id, b.entity.id] : [b.entity.id, a.entity.id];
  return { ids, score: Math.round(Math.min(1, score) * 1000) / 1000, reasons };
}
