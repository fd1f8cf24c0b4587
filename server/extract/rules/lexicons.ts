/**
 * General word lists. Nothing here comes from a particular article: titles, honorifics, function
 * words, and compromise's lexicon. Institutions and places have files of their own (institutions.ts,
 * places.ts).
 */
import { compromiseModel } from './compromise.js';
import { wordTable } from './words.js';

/** compromise's lexicon: word (lower case) to its tags. */
export const lex = wordTable(compromiseModel.one.lexicon);

/** compromise's lexicon tags of a lower-case word, none when it is not listed. */
export function lexiconTags(lower: string): string[] {
  const t = lex[lower];
  return t === undefined ? [] : Array.isArray(t) ? t : t.split(',');
}

/** compromise's lexicon tags of a word in any case. */
export const tagsOf = (word: string): string[] => lexiconTags(word.toLowerCase());

export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'rev', 'madam']);

/** Words that make up job titles; a run of them before a name is a role, not part of the name. */
export const TITLE_WORDS = new Set([
  'president',
  'vice',
  'secretary',
  'minister',
  'prime',
  'foreign',
  'deputy',
  'senator',
  'sen',
  'rep',
  'representative',
  'governor',
  'gov',
  'mayor',
  'attorney',
  'general',
  'speaker',
  'chief',
  'prosecutor',
  'senior',
  'counsel',
  'director',
  'commissioner',
  'ombudsman',
  'assistant',
  'judge',
  'justice',
  'magistrate',
  'coroner',
  'registrar',
  'solicitor',
  'chancellor',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'chairman',
  'chairwoman',
  'chairperson',
  'chair',
  'ceo',
  'ambassador',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'maj',
  'cmdr',
  'supt',
  'officer',
  'detective',
  'inspector',
  'superintendent',
  'leader',
  'premier',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'executive',
  'founder',
  'former',
  'ex',
  'congressman',
  'congresswoman',
  'lawmaker',
  'party',
  'state',
  'house',
  'acting',
  'interim',
  'emir',
  'sheikh',
  'crown',
  'defense',
  'defence',
  'finance',
  'interior',
  'health',
  'trade',
  'home',
  'transport',
  'agent',
  'special',
  'professor',
  'lawyer',
  'captain',
  'commander',
  'admiral',
  'lieutenant',
  'sergeant',
  'colonel',
  'major',
  'councillor',
  'councilman',
  'mp',
  'mep',
  'democrat',
  'republican',
  'sheriff',
  'constable',
  'treasurer',
  'envoy',
  'consul',
  'editor', // "Deputy Chief Editor X", "Editor-in-Chief X"
  'editor-in-chief',
]);
/** Party labels before a name are titles that are not used as part of an alias. */
export const LABEL_WORDS = new Set(['democrat', 'republican', 'former', 'ex', 'acting', 'interim']);
/** Words that may follow "of" inside a title: "Minister of Public Security", "Secretary of State". */
export const TITLE_DOMAIN_WORDS = new Set([
  'state',
  'public',
  'prosecution',
  'prosecutions',
  'security',
  'defense',
  'defence',
  'foreign',
  'affairs',
  'home',
  'justice',
  'finance',
  'trade',
  'commerce',
  'health',
  'education',
  'interior',
  'transport',
  'transportation',
  'energy',
  'labor',
  'labour',
  'agriculture',
  'treasury',
  'homeland',
  'internal',
  'external',
  'national',
  'economy',
  'industry',
  'culture',
  'media',
  'sport',
  'environment',
  'information',
  'staff',
  'the',
  'communications',
  'intelligence',
  'police',
  'investigation',
  'and',
  'relations',
  'development',
  'planning',
  'housing',
  'science',
  'technology',
  'veterans',
  'war',
  'operations',
]);

export const MONTHS_DAYS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'tomorrow',
  'yesterday',
]);

/** Closed-class words that are capitalised only because they start a sentence or a headline. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor so yet for of in on at by to from with without about into over under after before during ' +
    'since until as than that this these those there here it its he she they we i you him her them us our their his my ' +
    'your who whom whose which what when where why how all both each every some any no not none one two three many ' +
    'most more several such other another also even still then now however although though while if because despite ' +
    'according throughout recently meanwhile instead right is are was were be been being has have had do does did ' +
    'will would can could may might must shall should up down out off across between among against per via'
  ).split(' '),
);

const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName']);
// "Person" holds single names too ("lee", "bhatt"): a sentence-initial "Lee Jae-yong" keeps its surname.
const NOT_COMMON_TAGS = new Set([...NAME_TAGS, 'LastName', 'Person', 'ProperNoun', 'Organization', 'City', 'Country', 'Place', 'Region', 'SportsTeam']);

/**
 * Memo for pure word -> answer functions over the static lexicons. Bounded: cleared when it
 * grows past `max` entries, so memory stays flat over any number of documents.
 */
export function memo<T>(fn: (word: string) => T, max = 50_000): (word: string) => T {
  // An answer of `undefined` ("no such place") is kept as NONE, so that a miss is one look-up, not two.
  let cache = new Map<string, T | typeof NONE>();
  return (word: string): T => {
    const hit = cache.get(word);
    if (hit !== undefined) return (hit === NONE ? undefined : hit) as T;
    const v = fn(word);
    if (cache.size >= max) cache = new Map();
    cache.set(word, v === undefined ? NONE : v);
    return v;
  };
}
const NONE: unique symbol = Symbol('none');

export const isFirstName = memo((word: string): boolean => tagsOf(word).some((t) => NAME_TAGS.has(t)));

/** A lower-case English word (in compromise's lexicon, possibly inflected) rather than a name. */
export const isCommonWord = memo(isCommonWordUncached);

function isCommonWordUncached(word: string): boolean {
  const w = word.toLowerCase();
  if (FUNCTION_WORDS.has(w) || MONTHS_DAYS.has(w)) return true;
  const forms = [
    w,
    w.replace(/s$/, ''),
    w.replace(/(s|x|z|ch|sh|o)es$/, '$1'), // "boxes", "goes"; not "Ates" as "at"
    w.replace(/ies$/, 'y'),
    w.replace(/ed$/, ''),
    w.replace(/ed$/, 'e'),
    w.replace(/ing$/, ''),
    w.replace(/ly$/, ''),
  ];
  for (const [i, f] of forms.entries()) {
    if (f.length < 2) continue;
    const tags = tagsOf(f);
    if (tags.length === 0) continue;
    // An ending stripped off a past form made no English word ("Ates" is no "ate" + s).
    if (i > 0 && tags.every((t) => t === 'PastTense' || t === 'Participle')) continue;
    if (tags.some((t) => NOT_COMMON_TAGS.has(t))) return false;
    return true;
  }
  return false;
}

const RIGHT_QUOTE = /’/g;
/** Lower-case lookup key; ’ and ' are the same. */
export const lowerKey = (surface: string): string => {
  let k = surface.toLowerCase();
  // "İstanbul": the Turkish dotted capital lower-cases to "i" and a combining dot.
  if (k.includes('\u0307')) k = k.replace(/\u0307/g, '');
  return k.includes('’') ? k.replace(RIGHT_QUOTE, "'") : k;
};
