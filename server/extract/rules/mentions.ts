/**
 * Finding candidate names: runs of capitalised tokens, classified as person, institution,
 * place, or an unresolved single word that aliases.ts may attach to a fuller name later.
 */
import type { InstitutionKind } from '../types.js';
import { FUNCTION_WORDS, HONORIFICS, MONTHS_DAYS, TITLE_DOMAIN_WORDS, TITLE_WORDS, isCommonWord } from './lexicons.js';
import { JOB_NOUNS, PERSON_DESCRIPTIONS } from './words.js';
import {
  ALNUM_GROUP,
  INSTITUTION_HEAD,
  INSTITUTION_SUFFIX,
  STAFF_AFTER_EX,
  clubContext,
  PERSON_BODY_NOUNS,
  bodyNounAfter,
  abbreviatesCommonWords,
  countryBody,
  countryBodyAt,
  institutionContext,
  subjectOwnsOfficer,
  isCountryBodyNoun,
  singleInstitutionHint,
  speaksAsBody,
  institutionKindOf,
  isAcronymShape,
  isBodyWord,
  isPartyPlural,
  lookupInstitution,
} from './institutions.js';
import { isAltSpellingOnly, isCountryName, isCurrencyCode, isDemonym, isPlainCityName, lookupCity, lookupPlace } from './places.js';
import type { Token } from './nlp.js';
import { classOf } from './pos.js';
import {
  NAME_PARTICLES,
  PLURAL_TITLES,
  aliasTitle,
  isGivenName,
  isHonorific,
  isListedGivenName,
  isTitleWord,
  norm,
  parseTitle,
  roleTitle,
  titleLength,
} from './people.js';

export type MentionCategory = 'person' | 'institution' | 'place' | 'single';

export interface RawMention {
  category: MentionCategory;
  /** Name as written, title stripped. */
  name: string;
  /** Surface forms to keep as aliases ("Secretary Blinken"). */
  aliases: string[];
  start: number;
  end: number;
  sentence: number;
  /** Index in the sentence's token list of the name's first and last token. */
  first: number;
  last: number;
  kind?: InstitutionKind;
  role?: { title: string; institution: string | null };
  /** An acronym given in parentheses right after the name. */
  acronym?: string;
  /** Single words: something in the context says this is a person. */
  personEvidence?: boolean;
  /** A place used only to qualify a title ("Shanghai Party Secretary"): not an actor. */
  modifier?: boolean;
  /** The title of a work ("the show X"): no entity, and its name is no person's elsewhere. */
  work?: boolean;
  /** Single words: the context names a person ("his wife, X", "surnamed X"), whatever else the word names. */
  namedPerson?: boolean;
  /** Single words: the only person evidence is a possessive ("Acme's"), which bodies have too. */
  possessiveOnly?: boolean;
  /** Single words: "the Met", "the Sacklers". */
  afterThe?: boolean;
  /** "Acme International" named beside "Acme" ("Acme and Acme International"): a body of its own, not the group. */
  sibling?: boolean;
  /** Name of an institution owning this mention ("the Met's Director …", "Police's Command"). */
  ownerBefore?: RawMention;
  /** Single words: the context says this is a body of this kind unless it is a person's name. */
  institutionHint?: InstitutionKind;
  /** An acronym defined by lower-case words, "first information report (FIR)": no body anywhere in the article. */
  commonAbbreviation?: boolean;
  /** Single words: a GeoNames town of this name, taken as a place unless the word is a person's name here. */
  city?: string;
}

/** "London-based", "Toronto-listed", "Dublin-registered": where a company sits, lists or registers. */
const BASED = /-(?:based|listed|headquartered|registered)$/i;
/** "Trinidad & Tobago", "Antigua & Barbuda": a place on either side, or the pair one place's name. */
const placePair = (a: string, b: string): boolean => [a, b, `${a} and ${b}`].some((w) => lookupPlace(w) !== undefined);
/** Honours and offices written after a name. */
const POST_NOMINALS = new Set(['QC', 'KC', 'SC', 'MP', 'MEP', 'MSP', 'MLA', 'OBE', 'MBE', 'CBE', 'KBE', 'DBE', 'JP', 'J.', 'CJ', 'LJ']);
/** The gap of "Marks & Spencer" between two tokens. */
const AMPERSAND_GAP = /^\s*&\s*$/;
/** Words that date an office ("former chairman"), never the start of a name. */
const TIME_LABELS = new Set(['former', 'ex', 'then']);
const CONNECTORS = new Set(['of', 'the', 'and', 'for', '&', ...NAME_PARTICLES]);
const SPEECH_AFTER = new Set(['said', 'says', 'told', 'added', 'stated', 'wrote', 'tweeted', 'argued', 'insisted', 'denied', 'claimed', 'who', 'whose']);
const PERSON_NOUNS_AFTER = new Set(['investigation', 'probe', 'inquiry', 'testimony', 'presidency']);
const COMMON_SHAPE = /(?:tion|sion|ment|ness|ity|ies|ors|ers|ists|ance|ence|ship|ism|ings|ants|ents|ives|als)$/i;
/** Generation numbers after a name: "Henry Ford II". */
const ROMAN_NUMERAL = /^(?:II|III|IV|V|VI|VII|VIII)$/;
/** A generation written after a name. */
const GENERATION = /^(?:II|III|IV|Jr\.?|Sr\.?)$/;
/** Between two words of one name: spaces, or a glued Arabic article or kinship word ("Ayman al-Zawahiri"). */
const NAME_GAP = /^(?:['’]?\s+|\s+(?:al|el|ad|an|ar|as|ash|at|az|ud|ul|bin|ibn|abu)-)$/i;
/** Lower-case words after "in" that name a place's role, not the place: "the Minsk agreements", "Kyoto Protocol". */
export const INSTRUMENT_NOUNS = new Set([
  'accord',
  'accords',
  'agreement',
  'agreements',
  'treaty',
  'convention',
  'conventions',
  'statute',
  'protocol',
  'declaration',
  'charter',
  'pact',
  'roadmap',
  'process',
  'principles',
  'communique',
  'communiqué',
  'format',
  'consensus',
  'regulation', // "General Data Protection Regulation"
  'directive',
]);
/** "U.S. dollars", "US$1.8 million": a country's name before its currency names the money, not the place. */
export const CURRENCY_WORDS = new Set(['$', 'dollar', 'dollars']);
/** Last words of a document's name, which an acronym may abbreviate too: "First Information Report (FIR)", "Corruption Perceptions Index (CPI)". */
const DOCUMENT_NOUNS = new Set(['report', 'statement', 'notice', 'rules', 'regulations', 'guidelines', 'directive', 'manual', 'handbook', 'survey', 'index']);
/** Capitalised last words of a law's name ("Public Finance Management Act"). */
const LAW_NOUNS = new Set(['Act', 'Acts', 'Bill', 'Ordinance', 'Decree', 'Code']);
/** Those that end a law's name whatever comes before ("Bill" may be a given name). */
export const LAW_NAME_ENDS: ReadonlySet<string> = new Set(['Act', 'Acts', 'Ordinance', 'Decree']);
/** "(CEMA)" right after "… Management Act", "(FIR)" after "First Information Report": the acronym abbreviates a law or a document. */
function abbreviatesInstrument(tokens: Token[], idx: number): boolean {
  const before = tokens[idx - 2];
  return (
    tokens[idx - 1]?.text === '(' &&
    tokens[idx + 1]?.text === ')' &&
    before !== undefined &&
    (LAW_NAME_ENDS.has(before.text) || (before.cap && DOCUMENT_NOUNS.has(before.low)))
  );
}

/** Particles that Dutch, German and Arabic names have and names of bodies hardly ever do. */
const GERMANIC_ARABIC_PARTICLES = new Set(['van', 'von', 'der', 'den', 'ter', 'bin', 'ibn', 'binti', 'bint']);
/** Prepositions after which a town's name is a place ("in Eldoret", "from Tamale"). */
const LOCATIVE_BEFORE = new Set(['in', 'at', 'from', 'to', 'near', 'outside', 'across', 'around', 'toward', 'towards', 'via', 'into', 'inside', 'between']);
/** Heads of named sites and features: "Strait of Gibraltar", "Carnegie Hall", "Kilburn Police Station". */
const SITE_HEADS = new Set([
  'strait',
  'straits',
  'gulf',
  'sea',
  'ocean',
  'bay',
  'island',
  'islands',
  'isle',
  'isles',
  'peninsula',
  'river',
  'lake',
  'mountains',
  'highlands',
  'hills',
  'heights',
  'mount',
  'valley',
  'desert',
  'canal',
  'airport',
  'square',
  'hall',
  'stadium',
  'prison',
  'station',
  'province',
  'county',
  'region',
  'coast',
  'plateau',
  'basin',
  'delta',
  'corridor',
  'strip',
  'heights',
  'hills',
  'falls',
  'borough',
  'district',
  'territory',
  'area',
  'road',
  'street',
  'avenue',
  'boulevard',
]);
/** "the southern city of X", "the town of X": lower-case place nouns before "of" and a name. */
const PLACE_NOUNS_BEFORE_OF = new Set([
  'city',
  'town',
  'village',
  'province',
  'region',
  'district',
  'municipality',
  'county',
  'island',
  'port',
  'capital',
  'state',
  'governorate',
  'prefecture',
  'suburb',
  'neighbourhood',
  'neighborhood',
  'borough',
  'commune',
  'oblast',
  'canton',
  'parish',
  'constituency',
  'emirate',
]);
/** Lower-case heads after a name that make a site of it: "the Evin prison", "Kilburn police station". */
/** Lower-case nouns after a region's own name: "Anambra state", "Sindh province". */
const LOWER_REGION_NOUNS = new Set(['state', 'province', 'county', 'prefecture', 'governorate', 'district', 'region']);
const LOWER_SITE_HEADS = new Set(['prison', 'jail', 'airport', 'stadium', 'square']);
/** Compass words that make a region of a known place: "West Africa", "Greater Manchester". */
const COMPASS = new Set([
  'north',
  'south',
  'east',
  'west',
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
  'northeastern',
  'northwestern',
  'southeastern',
  'southwestern',
  'upper',
  'lower',
  'greater',
]);
/** Lower-case nouns that say the name next to them is a body, not a person: "the rights group X", "X, a local charity". */

function isNameToken(t: Token): boolean {
  if (!t.cap) return false;
  // "News24", "Kanal7": a word with digits glued on is a brand's name; other digits are no name ("2019", "G20" aside).
  if (/\d/.test(t.text)) return /^\p{Lu}\p{Ll}{2,}\d{1,3}$/u.test(t.text) && !/^covid/i.test(t.text);
  const w = norm(t.text);
  if (MONTHS_DAYS.has(w)) return false;
  if (FUNCTION_WORDS.has(w) && w !== 'the' && !t.text.includes('.')) return false; // "U.S." is no "us"
  return true;
}

const SENTENCE_OPENERS =
  /^(?:with|without|in|on|at|by|for|from|to|of|as|after|before|since|until|during|under|over|about|into|among|against|despite|and|but|or|nor|so|yet|if|when|while|because|although|though|once|then|now|also|all|both|each|every|some|any|no|this|that|these|those|there|here|it|he|she|they|we|i|you|his|her|their|our|its|my|what|which|who|where|how|why|the|a|an)$/;
function functionWordInName(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  const next = tokens[k + 1];
  if (
    !t.cap ||
    !/^\p{Lu}\p{Ll}+$/u.test(t.text) ||
    !FUNCTION_WORDS.has(t.low) ||
    !next ||
    !isNameToken(next) ||
    FUNCTION_WORDS.has(next.low) ||
    CONNECTORS.has(next.low)
  )
    return false;
  if (!atSentenceStart(tokens, k)) return true;
  // Opening a sentence ("Do Anh Dung, chairman of …"), only before two words that are no English ones, and
  // not a word that opens sentences ("With Richard Carter serving as …").
  if (SENTENCE_OPENERS.test(t.low)) return false;
  const nameLike = (x: Token | undefined): boolean => !!x && isNameToken(x) && !isCommonWord(x.text) && !isDemonym(x.text) && !FUNCTION_WORDS.has(x.low);
  return nameLike(next) && nameLike(tokens[k + 2]);
}

const QUOTE = /["“”‘’']/;
/**
 * The index of the surname in "Given “Nick” Surname" or "Given 'Nick' Surname" (one to three
 * capitalised words in quotes after a given name, a capitalised word after them), or -1. Quote
 * marks may be tokens or, as plain ones often are, left out in the gaps between tokens.
 */
function nicknameInside(text: string, tokens: Token[], i: number): number {
  const given = tokens[i]!;
  const quoteAfter = (k: number): number => {
    // k's closing quote: a quote token right after (its index), or one in the gap after k (k itself).
    const next = tokens[k + 1];
    if (next && QUOTE.test(next.text) && next.text.length === 1) return k + 1;
    return next && QUOTE.test(text.slice(tokens[k]!.end, next.start)) ? k : -1;
  };
  const open = quoteAfter(i);
  if (open < 0) return -1;
  if (!(isGivenName(given.text) || isListedGivenName(given.text) || (/^\p{Lu}\p{Ll}+$/u.test(given.text) && !isCommonWord(given.text)))) return -1;
  for (let k = open + 1; k <= open + 3 && k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    // "Tamson ‘Fitty’ Hatuikulipi": the closing ’ may stay glued to the nickname.
    const glued = t.text.length > 1 && /’$/.test(t.text);
    if (!t.cap || (QUOTE.test(t.text) && !glued)) return -1;
    const close = glued ? k : quoteAfter(k);
    if (close < 0) continue;
    const surname = tokens[close + 1];
    return surname && /^\p{Lu}[\p{L}'’-]+$/u.test(surname.text) && !isCommonWord(surname.text) ? close + 1 : -1;
  }
  return -1;
}

/** Words before a month that make it a date: "in May", "since June", "last April". */
const DATE_BEFORE = new Set([
  'in',
  'on',
  'since',
  'by',
  'until',
  'till',
  'from',
  'to',
  'last',
  'next',
  'this',
  'early',
  'late',
  'mid',
  'of',
  'through',
  'during',
  'before',
  'after',
  'between',
  'and',
  'or',
  'each',
  'every',
]);
const NO_MONTH_NAMES: ReadonlySet<number> = new Set();
/**
 * Months that are names here: a surname after a given name ("Theresa May"), or a listed given name
 * before a surname ("April Ryan", "Jan Kowalski"), not after a word that makes it a date ("in May").
 */
function monthsAsNames(tokens: Token[]): ReadonlySet<number> {
  let found: Set<number> | undefined;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (!t.cap || !MONTHS_DAYS.has(t.low)) continue;
    const prev = tokens[k - 1];
    const next = tokens[k + 1];
    const dated = next !== undefined && /\d/.test(next.text);
    const surname = !dated && prev !== undefined && prev.cap && isGivenName(prev.text) && !MONTHS_DAYS.has(prev.low);
    const given =
      next !== undefined &&
      !dated &&
      !t.low.endsWith('day') && // "said Tuesday Smith …" is a date, though "Tuesday" is a given name
      isListedGivenName(t.text) &&
      /^\p{Lu}\p{Ll}+$/u.test(next.text) &&
      !MONTHS_DAYS.has(next.low) &&
      !isCommonWord(next.text) &&
      !(prev && DATE_BEFORE.has(prev.low));
    if (surname || given) (found ??= new Set()).add(k);
  }
  return found ?? NO_MONTH_NAMES;
}

/**
 * "the Sunday Times", "AS Monaco", "One Nation": a day's name before an outlet's head word, a club's
 * "AS" or a capital "One" inside a sentence before a name, opens a name though none is a name token alone.
 */
function opensLongerName(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.cap || (t.text !== 'AS' && t.text !== 'One' && t.text !== 'All' && !t.text.endsWith('day'))) return false; // most tokens stop here
  const next = tokens[i + 1];
  if (!next || !isNameToken(next)) return false;
  if (t.text === 'AS') return true;
  // "the network One Vista News", "the All India Trinamool Congress": a capital "One" or "All" inside a sentence opens a name.
  if (t.text === 'One' || t.text === 'All') return !atSentenceStart(tokens, i);
  return MONTHS_DAYS.has(norm(t.text)) && INSTITUTION_SUFFIX[norm(next.text)] === 'media';
}

/** "People's Party", "President's Office": a common word's possessive before an institution's head word stays inside. */
function bodyAfter(tokens: Token[], k: number): boolean {
  const next = tokens[k + 1];
  return (
    !!next?.cap &&
    INSTITUTION_SUFFIX[norm(next.text)] !== undefined &&
    (isCommonWord(tokens[k]!.text) || TITLE_WORDS.has(norm(tokens[k]!.text))) && // "the Prosecutor's Office"
    INSTITUTION_SUFFIX[norm(tokens[k]!.text)] === undefined // "the Treasury's Office …" is two bodies
  );
}

/** A run of name tokens ends at a possessive ’s and after "London-based" (the place and the body it qualifies are two names). */
function endsRun(text: string, tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  return (t.possessive && /s/i.test(text[t.end + 1] ?? '') && !bodyAfter(tokens, k)) || BASED.test(t.text);
}

function spacedAfter(text: string, tokens: Token[], k: number): boolean {
  return /^\s+$/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start));
}

/** A line in Title Case: capitals there say nothing about names. */
const endsWithDash = (text: string, tokens: Token[]): boolean => {
  const last = tokens.at(-1);
  return !!last && (/^[—–]$/.test(last.text) || /^\s*--?\s*$/.test(text.slice(last.end, last.end + 3).split('\n')[0]!));
};

export function isHeadline(tokens: Token[]): boolean {
  // Title Case capitalises ordinary words ("Plans To Charge … Over Alleged Spying"); prose does not.
  const lastTok = tokens[tokens.length - 1];
  // Headlines carry no full stop, even one an initial keeps ("… Zone B.").
  if (lastTok && (/^[.!?”"]$/.test(lastTok.text) || (lastTok.text.length <= 3 && lastTok.text.endsWith('.')))) return false;
  let commonCaps = 0;
  let lower = 0;
  tokens.forEach((t, i) => {
    if (!/^\p{L}{2,}/u.test(t.text) || i === 0) return;
    if (t.cap && isCommonWord(t.text) && !isTitleWord(t)) commonCaps++;
    else if (!t.cap && t.text.length >= 4 && !FUNCTION_WORDS.has(t.text)) lower++;
  });
  return commonCaps >= 2 && lower * 4 <= commonCaps;
}

function textOf(text: string, toks: Token[]): string {
  const a = toks[0]!;
  const b = toks[toks.length - 1]!;
  const s = text.slice(a.start, b.end);
  // Only single spaces: the replacement would change nothing.
  return ODD_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s;
}
/** Whitespace other than a lone space. */
const ODD_SPACE = /[^\S ]| {2}/;

function institutionKind(toks: Token[]): InstitutionKind | null {
  return toks.length < 2 ? null : institutionKindOf(toks.map((t) => t.text));
}

/**
 * The longest run of tokens read as one name. The longest names in news run to about ten words
 * ("Office of the United Nations High Commissioner for Refugees"); past this a run is a list, and
 * reading it whole costs time that grows with its square.
 */
const MAX_RUN_TOKENS = 16;

/** Mentions in one sentence. `tokens` are that sentence's tokens. */
export function findMentions(text: string, tokens: Token[], sentence: number): RawMention[] {
  const out: RawMention[] = [];
  // aliases.ts matches known names in headlines afterwards; a dateline ("ST. PETERSBURG, June 3 (Wire) -",
  // split off by nlp.ts) may look like one but names its place.
  if (isHeadline(tokens) && !endsWithDash(text, tokens)) return out;
  const monthNames = monthsAsNames(tokens);
  // "charged Do Anh Dung": a capitalised function word inside a sentence, before a name, is a name's first word.
  const nameAt = (k: number): boolean => isNameToken(tokens[k]!) || monthNames.has(k) || functionWordInName(tokens, k);
  let i = datelineWithStops(text, tokens, sentence, out);
  while (i < tokens.length) {
    if (!nameAt(i) && !opensLongerName(tokens, i)) {
      // "G20", "M23": letters and digits name a group (not "Q3", "H1": quarters and halves).
      const t = tokens[i]!;
      if (ALNUM_GROUP.test(t.text) && !/^[QH]\d$/.test(t.text) && !isMoneyAmount(t, tokens[i + 1], tokens[i + 2]) && !isReferenceCode(tokens, i))
        out.push(mention('institution', text, [t], i, sentence, { kind: 'other' }));
      i++;
      continue;
    }
    // "Brian “BoMac” McIntyre": a nickname in quotes between a given name and a surname.
    const nicknamed = nicknameInside(text, tokens, i);
    if (nicknamed > 0) {
      const given = tokens[i]!;
      // "Guillermo “Billy” Álvarez Cuevas": a second surname goes with the first.
      let last = nicknamed;
      while (
        last - nicknamed < 2 &&
        tokens[last + 1] &&
        /^\p{Lu}\p{Ll}+$/u.test(tokens[last + 1]!.text) &&
        !isCommonWord(tokens[last + 1]!.text) &&
        !lookupPlace(tokens[last + 1]!.text) &&
        text.slice(tokens[last]!.end, tokens[last + 1]!.start) === ' '
      )
        last++;
      const surname = tokens.slice(nicknamed, last + 1);
      const m = mention('person', text, [given, ...surname], i, sentence, { name: [given, ...surname].map((t) => t.text).join(' ') });
      m.end = surname.at(-1)!.end;
      m.last = last;
      out.push(m);
      i = last + 1;
      continue;
    }
    // Build the longest run, allowing lower-case connectors between capitalised words.
    let j = i;
    while (j + 1 < tokens.length && !endsRun(text, tokens, j)) {
      if (j - i + 1 >= MAX_RUN_TOKENS) {
        // A list of names joined by "and" or commas, or a line in capitals, is no one name: cut it
        // before its last connector, and the rest starts a run of its own.
        let k = j;
        while (k > i && nameAt(k)) k--;
        if (k > i) j = k - 1;
        break;
      }
      const next = tokens[j + 1]!;
      // Names continue only across spaces ("U.S.-North Korea" is two names).
      const gap = text.slice(tokens[j]!.end, next.start);
      // "Marks & Spencer": the tokenizer leaves "&" out; it joins the two names (not two places,
      // "Trinidad & Tobago", nor the last item of a comma list).
      if (
        AMPERSAND_GAP.test(gap) &&
        nameAt(j + 1) &&
        !placePair(tokens[j]!.text, next.text) &&
        !tokens.slice(Math.max(0, i - 1), j).some((t) => t.text === ',')
      ) {
        j++;
        continue;
      }
      // A possessive inside a name ("People's Party") or a glued particle ("al-") keeps the run going.
      if (next.text !== ',' && gap !== ' ' && !NAME_GAP.test(gap) && !/^(?:['’]s?)?\s+$/.test(gap)) break;
      if (nameAt(j + 1)) {
        j++;
        continue;
      }
      // "League Two", "Formula One": a series or division numbered in words.
      if (/^(?:One|Two|Three|Four)$/.test(next.text) && NUMBERED_SERIES.has(tokens[j]!.text)) {
        j++;
        continue;
      }
      // "Channel 4 News", "Radio 1 Newsroom": a number between a common word and a body's head word is inside the name.
      const after2 = tokens[j + 2];
      if (
        /^\d{1,3}$/.test(next.text) &&
        after2 !== undefined &&
        isNameToken(after2) &&
        INSTITUTION_SUFFIX[norm(after2.text)] !== undefined &&
        isCommonWord(tokens[j]!.text) &&
        spacedAfter(text, tokens, j + 1)
      ) {
        j += 2;
        continue;
      }
      // "Conference on …", but not "a ban imposed by the Federation on Karl Roe": a given name after "on" starts a person.
      const headOn = next.text === 'on' && INSTITUTION_HEAD[norm(tokens[j]!.text)] !== undefined && !isGivenName(tokens[j + 2]?.text ?? '');
      // "News of the World", "Conference on the Great Lakes Region", "Republic of the Gambia"; "for the" after a
      // body's head word: "District Court for the District of Columbia", "Office for the Coordination of …".
      const headKind = INSTITUTION_HEAD[norm(tokens[j]!.text)];
      const headFor = next.text === 'for' && headKind !== undefined && headKind !== 'company' && headKind !== 'media';
      if (
        (next.text === 'of' || headOn || headFor) &&
        tokens[j + 2]?.text === 'the' &&
        j + 3 < tokens.length &&
        nameAt(j + 3) &&
        spacedAfter(text, tokens, j + 1) &&
        spacedAfter(text, tokens, j + 2)
      ) {
        j += 3;
        continue;
      }
      // "van der Berg", "de la Fuente": two particles inside one name.
      const after = tokens[j + 2];
      if (NAME_PARTICLES.has(next.text) && after && NAME_PARTICLES.has(after.text) && j + 3 < tokens.length && nameAt(j + 3)) {
        j += 3;
        continue;
      }
      // "Committee to Protect Journalists", "Campaign to Stop …": a body's head word, "to" and a capitalised verb.
      const headTo =
        next.text === 'to' &&
        headKind !== undefined &&
        headKind !== 'company' &&
        headKind !== 'media' &&
        j + 2 < tokens.length &&
        nameAt(j + 2) &&
        !lookupPlace(tokens[j + 2]!.text) &&
        classOf(tokens[j + 2]!.low).verb;
      if ((CONNECTORS.has(next.text) || headOn || headTo) && j + 2 < tokens.length && nameAt(j + 2)) {
        // A particle joins names, not a plural or common word to a name ("Republicans do Smith …").
        if (NAME_PARTICLES.has(next.text) && isCommonWord(tokens[j]!.text) && !isGivenName(tokens[j]!.text)) break;
        j += 2;
        continue;
      }
      if (next.text === ',' && j + 2 < tokens.length && nameAt(j + 2)) {
        // "Culture, Media and Sport Committee": a comma list that ends in an institution word.
        let k = j + 2;
        let sawAnd = false;
        while (k + 1 < tokens.length && (nameAt(k + 1) || (tokens[k + 1]!.text === 'and' && k + 2 < tokens.length && nameAt(k + 2)))) {
          if (tokens[k + 1]!.text === 'and') {
            sawAnd = true;
            k++;
          }
          k++;
        }
        if (sawAnd && INSTITUTION_SUFFIX[norm(tokens[k]!.text)]) {
          j = k;
          continue;
        }
      }
      break;
    }
    // Plural possessive "Magistrates' Court" continues; "’s" ends the run.
    const span = tokens.slice(i, j + 1);
    classifyRun(text, tokens, i, span, sentence, out);
    i = j + 1;
  }
  linkCoordinatedFirstNames(tokens, out);
  personsBetweenPeople(text, tokens, out, sentence);
  return out;
}

/**
 * "The accused are A, B, Sipho Levy Phiri, and C": capitalised words between two people of one list name a
 * person too, though they hold an English word ("Levy") that kept them from reading as a name.
 */
function personsBetweenPeople(text: string, tokens: Token[], out: RawMention[], sentence: number): void {
  const people = out.filter((m) => m.category === 'person');
  if (people.length < 2) return;
  const covered = new Set<number>();
  for (const m of out) for (let k = m.first; k <= m.last; k++) covered.add(k);
  const found = out.length;
  for (const a of people) {
    if (tokens[a.last + 1]?.text !== ',') continue;
    const start = a.last + 2;
    let end = start;
    while (end < tokens.length && tokens[end]!.cap && !covered.has(end) && !tokens[end]!.possessive && /^\p{Lu}\p{Ll}+$/u.test(tokens[end]!.text)) end++;
    if (end - start < 2 || end - start > 4) continue;
    let j = end;
    if (tokens[j]?.text === ',') j++;
    if (tokens[j]?.text === 'and') j++;
    const span = tokens.slice(start, end);
    const name = textOf(text, span);
    if (j === end || !people.some((b) => b.first === j) || lookupPlace(name) || lookupInstitution(name) || isTitleWord(span[0]!)) continue;
    out.push(mention('person', text, span, start, sentence));
    for (let k = start; k < end; k++) covered.add(k);
  }
  if (out.length > found) out.sort((x, y) => x.first - y.first);
}

/** Series and divisions numbered in words after their name: "League Two", "Division One", "Formula One". */
const NUMBERED_SERIES = new Set(['League', 'Division', 'Formula']);
/** Words that a code after them refers to a part of a text or a model: "Rule E3", "Cap C45", "Form S1". */
const REFERENCE_WORDS = new Set([
  'cap',
  'chapter',
  'section',
  'article',
  'rule',
  'form',
  'schedule',
  'clause',
  'regulation',
  'paragraph',
  'part',
  'annex',
  'appendix',
  'exhibit',
  'model',
  'flight',
  'route',
  'no',
]);
/** "Rule E3", "Cap “C45”": letters and digits after a reference word are a code, not a group's name. */
function isReferenceCode(tokens: Token[], i: number): boolean {
  let k = i - 1;
  if (/^[“"‘']$/.test(tokens[k]?.text ?? '')) k--;
  return REFERENCE_WORDS.has((tokens[k]?.text ?? '').toLowerCase().replace(/\.$/, ''));
}

/**
 * "ST. LOUIS, May 11 (…) –": a town in capitals opening a sentence, its abbreviation's full stop
 * inside, is a dateline's place (the stop would split it into two acronyms). Returns the index of the
 * first token after it, or 0.
 */
function datelineWithStops(text: string, tokens: Token[], sentence: number, out: RawMention[]): number {
  if (tokens[1]?.text !== '.' || !/^[A-Z]{2,}$/.test(tokens[0]?.text ?? '')) return 0;
  let k = 2;
  while (k < tokens.length && /^(?:[A-Z]{2,}|\.)$/.test(tokens[k]!.text)) k++;
  if (k === 2 || !/^[,(–—:-]$/.test(tokens[k]?.text ?? '')) return 0;
  const city = lookupCity(textOf(text, tokens.slice(0, k)));
  if (!city) return 0;
  out.push(mention('place', text, tokens.slice(0, k), 0, sentence, { name: city.name }));
  return k;
}

/** "Striker", "Swimmer": a verb made a doer's noun ("-man" words are surnames as often: "Goldman"). */
function isAgentNoun(word: string): boolean {
  if (word.length > 16 || isGivenName(word) || isListedGivenName(word) || !/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  const w = word.toLowerCase();
  // "Bowlers Umar Gul and …": the plural too.
  const agent = /^(\p{Ll}{3,}?)(\p{Ll})?(?:er|or|ist)s?$/u.exec(w);
  if (!agent) return false;
  const stem = agent[1]! + (agent[2] ?? '');
  // "swimmer" doubles its consonant, "striker" drops an "e".
  const forms = [stem, `${stem}e`, agent[2] && agent[2] === stem.at(-2) ? stem.slice(0, -1) : ''];
  return forms.some((f) => f.length >= 3 && isCommonWord(f) && !isGivenName(f));
}

/** Endings of nouns for what someone does: "Contractor", "Fundraiser", "Lobbyist", "Consultant". */
const AGENT_SHAPE = /^\p{Lu}\p{Ll}{3,}(?:er|or|ist|ant)s?$/u;
/** "Contractor Bobby Lane": a doer's noun that is no given name, before a listed given name. */
function agentBeforeGivenName(span: Token[]): boolean {
  const [noun, given] = span;
  return AGENT_SHAPE.test(noun!.text) && !isListedGivenName(noun!.text) && !isGivenName(noun!.text) && isListedGivenName(given!.text);
}

/** "Hard-charging", "Cash-strapped": a capitalised compound of two lower-case English words, no name. */
function isCommonCompound(word: string): boolean {
  const m = /^(\p{Lu}\p{Ll}+)-(\p{Ll}+)$/u.exec(word);
  return m !== null && isCommonWord(m[1]!) && isCommonWord(m[2]!);
}

function atSentenceStart(tokens: Token[], idx: number): boolean {
  for (let k = idx - 1; k >= 0; k--) {
    const t = tokens[k]!.text;
    if (/^[“"‘'([–—-]$/.test(t)) continue;
    return t === ':' || t === '.';
  }
  return true;
}

function classifyRun(text: string, tokens: Token[], offset: number, run: Token[], sentence: number, out: RawMention[]): void {
  let span = run;
  let base = offset;
  // "retired employees of PT Garuda Indonesia Capt Agus Wahjudo": an abbreviated title inside a run opens a person's name.
  const titled = run.findIndex((t, k) => k > 0 && INNER_TITLES.has(norm(t.text)) && !!run[k + 1]?.cap && !isTitleWord(run[k - 1]!));
  // (Not "Director of Public Prosecutions Mr X": an office before the title is the person's too.)
  if (titled > 0 && run.length - titled >= 3 && !isTitleWord(run[0]!) && !OFFICE_RANKS.has(norm(run[0]!.text))) {
    classifyRun(text, tokens, offset, run.slice(0, titled), sentence, out);
    classifyRun(text, tokens, offset + titled, run.slice(titled), sentence, out);
    return;
  }
  // "…, the Namibian reported": a demonym after "the" that reports is a newspaper's name.
  if (run.length === 1 && isDemonym(run[0]!.text) && tokens[offset - 1]?.low === 'the' && OUTLET_ACTS.test(tokens[offset + 1]?.text ?? '')) {
    out.push(mention('institution', text, run, offset, sentence, { name: `The ${run[0]!.text}`, kind: 'media' }));
    return;
  }
  if (basedPlace(text, tokens, offset, run, sentence, out)) return;
  // "the French foreign ministry", "Iraqi interior ministry officials": a ministry in lower case after its country's demonym.
  const [domain, ministry] = [tokens[offset + 1], tokens[offset + 2]];
  if (run.length === 1 && domain && !domain.cap && TITLE_DOMAIN_WORDS.has(domain.low) && ministry?.low === 'ministry' && isDemonym(run[0]!.text)) {
    out.push(mention('institution', text, [run[0]!, domain, ministry], offset, sentence, { kind: 'government' }));
    return;
  }
  // "Jane Roe of the Justice Department's Criminal Division": a body's name after a body's possessive is a
  // body of its own (not "National Women's Rights Commission": no body's name before the possessive).
  const owner = run.findIndex(
    (t, k) => k > 0 && k < run.length - 2 && t.possessive && (/['’]s$/i.test(text.slice(t.start, t.end)) || /^s['’]/.test(text.slice(t.end - 1, t.end + 1))),
  );
  if (owner > 0 && institutionKind(run.slice(owner + 1)) !== null) {
    const left = run.slice(0, owner + 1);
    const of = left.map((t) => norm(t.text)).lastIndexOf('of');
    const ownerBody = of >= 0 ? left.slice(left[of + 1] && norm(left[of + 1]!.text) === 'the' ? of + 2 : of + 1) : left;
    // "the United States' Drug Enforcement Administration": a country's plural possessive before a body too.
    const ownerPlace =
      text[left.at(-1)!.end] !== undefined && /['’]/.test(text[left.at(-1)!.end]!) && isCountryName(lookupPlace(textOf(text, left).replace(/^The /, '')) ?? '');
    if ((ownerBody.length >= 2 && institutionKind(ownerBody) !== null) || ownerPlace) {
      classifyRun(text, tokens, offset, left, sentence, out);
      classifyRun(text, tokens, offset + owner + 1, run.slice(owner + 1), sentence, out);
      return;
    }
  }
  // "Lao People's Democratic Republic": the possessive inside belongs to the long name.
  if (tokens[offset - 1]?.possessive) {
    for (let k = offset - 1; k >= Math.max(0, offset - 3) && tokens[k]!.cap; k--) {
      const longName = lookupPlace(text.slice(tokens[k]!.start, run[run.length - 1]!.end));
      if (longName) {
        out.push(mention('place', text, tokens.slice(k, offset + run.length), k, sentence, { name: longName }));
        return;
      }
    }
  }
  // "Former Acme International chief executive X": "former" opens a title, never a name; "Copyright Agence
  // France-Presse, 2010": a credit line's first word is no part of the name either.
  if (span.length > 1 && /^(Former|Ex|Copyright)$/.test(span[0]!.text)) {
    span = span.slice(1);
    base++;
  }
  // "The Sme daily reported", "The Thanh Nien newspaper said": "The" is the noun's article, not the name's (but "The Daily Clarion newspaper",
  // "The Namibian newspaper" may be named with it).
  if (
    span.length >= 2 &&
    span.length <= 4 &&
    span[0]!.text === 'The' &&
    span.slice(1).every((t) => !isDemonym(t.text) && !isCommonWord(t.text)) &&
    bodyNounAfter(tokens, offset + run.length - 1)
  ) {
    span = span.slice(1);
    base++;
  }
  // Leading words of an institution's name stay: "National Electoral Council", "African Union".
  const after = tokens[offset + run.length];
  const shaped =
    institutionKind(run) !== null ||
    isPartyPlural(run[run.length - 1]!.text) ||
    (after !== undefined && !after.cap && !run[run.length - 1]!.possessive && (after.text === 'party' || after.text === 'parties'));
  // Sentence-initial common words ("Both", "Prosecutors", "Court documents").
  const knownPrefix = (sp: Token[]): boolean =>
    sp.some(
      (_, k) => k > 0 && (lookupPlace(textOf(text, sp.slice(0, k + 1))) !== undefined || lookupInstitution(textOf(text, sp.slice(0, k + 1))) !== undefined),
    );
  // "Universal Salvage was fined … and its former chief executive …": common words that "its" officer
  // belongs to are a company's name, kept whole.
  const ownsOfficer = !shaped && span.length >= 2 && base === 0 && subjectOwnsOfficer(tokens, base, base + span.length - 1);
  // A shaped name keeps its leading words, except a common word before a lower-case connector
  // ("Later the Senate", "Members of the … party"); "Ministry of …" keeps its head.
  while (
    !ownsOfficer &&
    span.length > 0 &&
    (!shaped || looseStart(span)) &&
    atSentenceStart(tokens, base) &&
    !knownPrefix(span) &&
    !lookupPlace(span[0]!.text) &&
    !lookupInstitution(span[0]!.text) &&
    titleLength(span, 0) === 0 && // "Tan Sri Muhyiddin Yassin": "Tan" opens an honorific
    // "Grant Halloway said", "Joy Sakari and X told": a given name, not an English word.
    !givenNameAndSurname(tokens, base, span.length > 2 && /^(?:and|,)$/.test(span[2]!.text) ? span.slice(0, 2) : span) &&
    !functionWordInName(tokens, base) && // "Do Anh Dung, chairman of …"
    !(span.length === 2 && isAltSpellingOnly(span[1]!.text)) && // "Credit Suisse said"
    !(base === 0 && span.every((t) => /^\p{Lu}{2,}$/u.test(t.text)) && lookupCity(textOf(text, span))) && // "PETALING JAYA: …"
    span[0]!.text !== 'The' &&
    !(SITE_HEADS.has(norm(span[0]!.text)) && span[1]?.text === 'of') &&
    (isCommonWord(span[0]!.text) || (shaped && COMMON_SHAPE.test(span[0]!.text)))
  ) {
    span = span.slice(1);
    base++;
  }
  // "Striker Ali Musa", "Swimmer Ana Petrova": a noun for what someone does, opening the sentence before a
  // name of two words or more, is no part of the name.
  if (
    span.length >= 3 &&
    atSentenceStart(tokens, base) &&
    !isTitleWord(span[0]!) &&
    (isAgentNoun(span[0]!.text) || agentBeforeGivenName(span)) &&
    span.slice(1).every((t) => t.cap)
  ) {
    span = span.slice(1);
    base++;
  }
  // "Former Acme Inc. Chief Executive Jane Roe", "former Acme chairman": "former" qualifies the office
  // that follows; it opens no name, and the word after it is not titled by it.
  while (span.length > 1 && TIME_LABELS.has(norm(span[0]!.text))) {
    span = span.slice(1);
    base++;
  }
  // "Hard-charging European Commission …": a compound adjective opening the sentence is no part of the name.
  if (span.length > 1 && atSentenceStart(tokens, base) && isCommonCompound(span[0]!.text)) {
    span = span.slice(1);
    base++;
  }
  while (span.length > 0 && !span[0]!.cap && CONNECTORS.has(span[0]!.text)) {
    span = span.slice(1);
    base++;
  }
  // A demonym before a body's name is part of it ("African Union"), unless it qualifies another
  // demonym or comes with a prefix ("pro-Russian Georgian Dream").
  const bodyFirst = shaped || (span.length > 1 && isDemonym(span[0]!.text) && institutionKind(headSegmentOf(span)) !== null);
  while (
    span.length > 1 &&
    isDemonym(span[0]!.text) &&
    !isTitleWord(span[1]!) &&
    (!bodyFirst || isDemonym(span[1]!.text) || text[span[0]!.start - 1] === '-') &&
    !countryBodyAt(tokens, base, span) &&
    !lookupPlace(textOf(text, span)) &&
    !isSiteName(span)
  ) {
    span = span.slice(1);
    base++;
  }
  if (span.length === 0) return;
  // "Johnson & Johnson", "Marks & Spencer", "Saatchi & Saatchi": names joined by "&" are a firm's, not two people.
  const amp = span.findIndex((t, k) => k > 0 && AMPERSAND_GAP.test(text.slice(span[k - 1]!.end, t.start)));
  if (amp > 0 && !span.some((t) => t.text === ',' || t.text === 'and') && !lookupPlace(textOf(text, span))) {
    const whole = textOf(text, span);
    const kind = lookupInstitution(whole)?.kind ?? institutionKind(span) ?? 'company';
    out.push(mention('institution', text, span, base, sentence, { kind, ...acronymOf(tokens, base + span.length - 1) }));
    return;
  }
  // "Jane Bell QC", "Tom Weld KC", "Ann Lee MP": letters after a name of two words or more are no part of it.
  while (span.length >= 3 && POST_NOMINALS.has(span[span.length - 1]!.text) && span[span.length - 2]!.cap) span = span.slice(0, -1);
  // Split on connectors unless the whole run is a known or institution-shaped name.
  // "Customs and Excise Management Act": a law's name, no body's (its acronym neither).
  if (span.length >= 2 && LAW_NAME_ENDS.has(span[span.length - 1]!.text)) return;
  // "First Vice President of the Confederation of X", "Member of the FIFA Council": an office in title
  // case names no one; what follows "of" is read as a run of its own.
  // Not "President of Russia Vladimir Putin", where a name follows the office.
  const office = officeOf(span);
  if (office > 0 && norm(span[office + 1]?.text ?? '') === 'the' && office + 2 < span.length) {
    classifyRun(text, tokens, base + office + 2, span.slice(office + 2), sentence, out);
    return;
  }
  // "Executive Director of Finance and Accounts": an office of plain words names no body.
  if (office > 0 && span.slice(office + 1).every((t) => CONNECTORS.has(norm(t.text)) || isCommonWord(t.text))) return;
  // "Acme and Acme International", "Getin Bank and Getin Holding": a name opening both sides of "and" is two bodies.
  const and = span.findIndex((t, k) => k > 0 && t.text === 'and');
  if (and > 0 && span[and + 1]?.text === span[0]!.text) {
    classifyRun(text, tokens, base, span.slice(0, and), sentence, out);
    const right = out.length;
    classifyRun(text, tokens, base + and + 1, span.slice(and + 1), sentence, out);
    for (const m of out.slice(right)) m.sibling = true;
    return;
  }
  const whole = classifySpan(text, tokens, base, span, sentence);
  if (whole) {
    out.push(...whole);
    return;
  }
  // "Prevention and Combating of Corruption Bureau (PCCB)": an acronym whose letters are the run's
  // initials says where the body's name begins, whatever connectors it holds.
  const acronym = acronymAfter(tokens, base + span.length - 1);
  const placesOnly = span.every((t) => CONNECTORS.has(norm(t.text)) || lookupPlace(t.text) !== undefined); // "Trinidad and Tobago (TT)"
  if (
    acronym &&
    span.length >= 3 &&
    span[0]!.cap &&
    !placesOnly &&
    !span.every(isTitleWord) &&
    !DOCUMENT_NOUNS.has(span.at(-1)!.low) &&
    acronym === runInitials(span)
  ) {
    const kind = institutionKind(span) ?? institutionKind(span.slice(-2)) ?? 'other';
    out.push(mention('institution', text, span, base, sentence, { kind, acronym }));
    return;
  }
  // "University of Oxford and Harvard University": the parts joined by "and" are names of their own.
  const andAt = span.findIndex((t, k) => k > 0 && (t.text === 'and' || t.text === ','));
  if (andAt > 0 && andAt + 1 < span.length) {
    classifyRun(text, tokens, base, span.slice(0, andAt), sentence, out);
    classifyRun(text, tokens, base + andAt + 1, span.slice(andAt + 1), sentence, out);
    return;
  }
  // "Chairperson of the International Conference on …", "CEO of Acme Holdings": a body after "of".
  for (let k = 1; k + 1 < span.length; k++) {
    if (norm(span[k]!.text) !== 'of' || INSTITUTION_HEAD[norm(span[k - 1]!.text)] !== undefined) continue;
    const from = norm(span[k + 1]!.text) === 'the' ? k + 2 : k + 1;
    const body = span.slice(from);
    // "CEO of Telenor Norway": what a company's officer is officer of is a company, whatever its name's shape.
    const officerOf =
      CORPORATE_TITLES.has(norm(span[k - 1]!.text)) &&
      body.length >= 2 &&
      !isGivenName(body[0]!.text) &&
      !lookupPlace(textOf(text, body)) &&
      body.some((t) => !isCommonWord(t.text) && !lookupPlace(t.text));
    const kind = (body.length >= 2 ? institutionKind(body) : null) ?? (officerOf ? 'company' : null);
    if (!kind) continue;
    classifyRun(text, tokens, base, span.slice(0, k), sentence, out);
    out.push(mention('institution', text, body, base + from, sentence, { kind, ...acronymOf(tokens, base + span.length - 1) }));
    return;
  }
  let start = 0;
  for (let k = 0; k <= span.length; k++) {
    const t = span[k];
    const isBreak =
      // A particle joins a name in either case ("Rashid Al Maktoum", "Robert De Niro").
      !t ||
      (CONNECTORS.has(norm(t.text)) && !NAME_PARTICLES.has(norm(t.text)) && !(norm(t.text) === 'of' && k > 0 && isTitleWord(span[k - 1]!))) ||
      t.text === ',';
    if (!isBreak) continue;
    // "Secretary of State X": keep "of" inside title runs.
    if (t && norm(t.text) === 'the' && t.cap && k === start) {
      start = k + 1;
      continue;
    }
    if (k > start) {
      const sub = span.slice(start, k);
      // "NT$40 million", "HK$5 million", "US$3 million": a currency's prefix, not a body or a country.
      const dollar = tokens[base + k];
      if (sub.length === 1 && /^[A-Z]{1,3}$/.test(sub[0]!.text) && dollar?.text === '$' && dollar.start === sub[0]!.end) {
        start = k + 1;
        continue;
      }
      const res = namesRegion(tokens, base + start, base + k - 1)
        ? [mention('place', text, sub, base + start, sentence)]
        : (classifySpan(text, tokens, base + start, sub, sentence) ?? fallback(text, tokens, base + start, sub, sentence));
      out.push(...res);
    }
    start = k + 1;
  }
}

/** Time zones and "HQ": capitals that name no body ("23:00 GMT", "raid HQ"). */
const CLOCK_AND_PLACE_ABBREVIATIONS = new Set([
  'GMT',
  'UTC',
  'BST',
  'CET',
  'CEST',
  'EST',
  'EDT',
  'CST',
  'CDT',
  'PST',
  'PDT',
  'AEST',
  'AEDT',
  'JST',
  'KST',
  'HKT',
  'SGT',
  'WAT',
  'SAST',
  'MSK',
  'HQ',
]);
const COMMON_AMPERSANDS = new Set(['R&D', 'M&A', 'Q&A', 'P&L', 'B&B', 'R&B']);

/** Abbreviated titles that may stand inside a capitalised run, before a person's name. */
const INNER_TITLES = new Set(['capt', 'gen', 'col', 'lt', 'sgt', 'maj', 'cmdr', 'supt', 'insp', 'dr', 'prof', 'mr', 'mrs', 'ms']);

/** What may follow the name in an attribution "…, said X": the sentence's end, a comma, a time or place. */
const ATTRIBUTION_END = /^(?:[.,;:!?)”’]|on|in|at|yesterday|today|tonight|last|this|earlier|later|when|after|before|as|who)$/;

const OUTLET_ACTS = /^(?:reported|reports|revealed|reveals|wrote|writes|newspaper|daily|weekly|website)$/;

/** Where "of" follows an office of title words only ("Vice President of"), or -1. */
function officeOf(span: Token[]): number {
  const of = span.findIndex((t) => t.text === 'of');
  return of > 0 && span.slice(0, of).every((t) => isTitleWord(t) || OFFICE_RANKS.has(norm(t.text))) ? of : -1;
}
const OFFICE_RANKS = new Set(['first', 'second', 'third', 'deputy', 'vice', 'acting', 'senior', 'assistant', 'associate', 'executive']);

/**
 * "the Gauteng and North West provinces", "Limpopo and Mpumalanga provinces": names coordinated
 * before a plural region noun are regions (the singular "Sindh province" is read in fallback).
 */
function namesRegion(tokens: Token[], first: number, last: number): boolean {
  const nameLike = (k: number): boolean => /^\p{Lu}\p{Ll}+$/u.test(tokens[k]?.text ?? '') && !isCommonWord(tokens[k]!.text) && !isDemonym(tokens[k]!.text);
  for (let k = first; k <= last; k++) if (!nameLike(k) && !/^(North|South|East|West|Central)$/.test(tokens[k]!.text)) return false;
  let k = last + 1;
  // "X and Y provinces": step over "and" and the next name.
  if (tokens[k]?.text === 'and') {
    k++;
    while (tokens[k]?.cap) k++;
  }
  return /^(provinces|states|counties|regions|districts|prefectures)$/.test(tokens[k]?.text ?? '') && !tokens[last]!.possessive;
}

/** "Lyon-based", "São Paulo-based", "Toronto-listed": the place is mentioned; the rest of the run is not a name. */
function basedPlace(text: string, tokens: Token[], offset: number, run: Token[], sentence: number, out: RawMention[]): boolean {
  const last = run[run.length - 1]!;
  const suffix = BASED.exec(last.text)?.[0];
  if (!suffix) return false;
  // The longest place first: "New York-based" is New York, not York.
  for (let k = 0; k < run.length; k++) {
    const toks = run.slice(k);
    const surface = text.slice(toks[0]!.start, last.end - suffix.length);
    const known = lookupPlace(surface) ?? lookupCity(surface)?.name;
    if (!known) continue;
    const m = mention('place', text, toks, offset + k, sentence, { name: known });
    m.end = last.end - suffix.length;
    out.push(m);
    if (k > 0) classifyRun(text, tokens, offset, run.slice(0, k), sentence, out);
    return true;
  }
  return false;
}

/** "the southern city of Deir Hanna": the name is a place. */
function placeNounBefore(tokens: Token[], first: number): boolean {
  const of = tokens[first - 1];
  const noun = tokens[first - 2];
  return of?.text === 'of' && noun !== undefined && !noun.cap && PLACE_NOUNS_BEFORE_OF.has(noun.text);
}

/** Index of the last token of a lower-case site head at `k` ("prison", "police station"), or -1. */
function lowerSiteEnd(tokens: Token[], k: number): number {
  const w = tokens[k]?.text;
  if (w === undefined) return -1;
  if (LOWER_SITE_HEADS.has(w)) return k;
  return w === 'police' && tokens[k + 1]?.text === 'station' ? k + 1 : -1;
}

/** A place word that only qualifies a treaty, plan or process: "Kyoto Protocol", "the Minsk agreements". */
function namesAnInstrument(tokens: Token[], idx: number): boolean {
  const next = tokens[idx + 1];
  return next !== undefined && (INSTRUMENT_NOUNS.has(next.low) || CURRENCY_WORDS.has(next.low)) && !next.possessive;
}

/** A lower-case body noun right before the name ("the rights group X") or in an apposition after it ("X, a local charity"). */
/** Words that head a body or instrument whose name goes on with "on" or "of the": "Conference on the …", "University of the …". */
const NAME_GOES_ON = new Set([
  ...INSTRUMENT_NOUNS,
  'conference',
  'commission',
  'committee',
  'council',
  'forum',
  'summit',
  'panel',
  'dialogue',
  'initiative',
  'university',
  'bank',
  'institute',
  'college',
  'school',
  'centre',
  'center',
  'museum',
  'church',
  'order',
]);

/** The span continues a capitalised name before it: "Commission on the Mekong River Basin". */
export function insideLongerName(tokens: Token[], first: number): boolean {
  let k = first - 1;
  if (tokens[k]?.cap && COMPASS.has(tokens[k]!.low)) k--; // "… of the South Pacific"
  if (tokens[k]?.text === 'the') k--;
  const link = tokens[k]?.text;
  if (link !== 'on' && link !== 'of' && link !== 'for') return false;
  const head = tokens[k - 1];
  return head !== undefined && head.cap && NAME_GOES_ON.has(head.low);
}

/** Words for a state before "of" and its country's name: "Federation of Nigeria", "Kingdom of Spain". */
const STATE_FORMS = new Set(['federation', 'republic', 'kingdom', 'commonwealth', 'union', 'state', 'states', 'principality', 'sultanate', 'emirate']);

/** The country a long form that the gazetteer lacks stands for ("Federation of Nigeria" is Nigeria), if any. */
function countryLongForm(span: Token[]): string | undefined {
  if (span.length < 3 || !STATE_FORMS.has(span[0]!.low) || span[1]!.text !== 'of') return undefined;
  const rest = span.slice(span[2]!.low === 'the' ? 3 : 2);
  const country = rest.length > 0 ? lookupPlace(textOfTokens(rest)) : undefined;
  return country && isCountryName(country) ? country : undefined;
}

/** Heads of administrative areas, which a country's name before them does not make a site of. */
const ADMIN_HEADS = new Set(['district', 'region', 'province', 'county', 'territory', 'borough']);
const textOfTokens = (toks: Token[]): string => toks.map((t) => t.text).join(' ');

/** "Strait of Gibraltar", "Carnegie Hall", "West Africa": named sites and regions of known places. */
function isSiteName(span: Token[]): boolean {
  if (span.length < 2 || isGivenName(span[0]!.text)) return false;
  const first = norm(span[0]!.text);
  const head = norm(span[span.length - 1]!.text);
  // "U.S. District Judge": a country's name before "District" or "Region" qualifies a title; it names no site.
  if (ADMIN_HEADS.has(head) && isCountryName(lookupPlace(textOfTokens(span.slice(0, -1))) ?? '')) return false;
  // "Conference on the Great Lakes Region", "Bank of the West Coast": a body's name that ends in a site's.
  if (span.some((t, k) => INSTITUTION_HEAD[norm(t.text)] !== undefined && /^(?:of|on|for)$/.test(span[k + 1]?.text ?? ''))) return false;
  if (SITE_HEADS.has(head)) return true;
  if (SITE_HEADS.has(first) && span[1]!.text === 'of') return true;
  // "Kaduna State", "Shan State": a federal state named by one word that is no English word.
  if (span.length === 2 && norm(span[1]!.text) === 'state' && !isCommonWord(span[0]!.text) && !isDemonym(span[0]!.text)) return true;
  return (
    COMPASS.has(first) &&
    lookupPlace(
      span
        .slice(1)
        .map((t) => t.text)
        .join(' '),
    ) !== undefined
  );
}

/** "al-" glued before a name's first word ("al-Zawahiri"): the tokenizer leaves it out, the name keeps it. */
const ARTICLE_BEFORE = /(?:^|[^\p{L}])((?:al|el|ad|an|ar|as|ash|at|az|ud|ul)-)$/iu;

/** Titles that only a company gives: the unknown name before them is the company ("former Zentrix CEO X"). */
const CORPORATE_TITLES = new Set(['ceo', 'cfo', 'coo', 'cto', 'chairman', 'chairwoman', 'founder', 'co-founder', 'executive']);

function companyBeforeTitle(text: string, tokens: Token[], base: number, prefix0: Token[], title: Token[], sentence: number): RawMention[] {
  let prefix = prefix0;
  let b = base;
  while (prefix.length > 0 && isTitleWord(prefix[0]!)) {
    prefix = prefix.slice(1); // "Former Zentrix CFO X"
    b++;
  }
  if (prefix.length === 0 || prefix.length > 3 || !title.some((t) => CORPORATE_TITLES.has(norm(t.text)))) return [];
  if (prefix.some((t) => isCommonWord(t.text) || isDemonym(t.text) || lookupPlace(t.text) || isHonorific(t))) return [];
  return [mention('institution', text, prefix, b, sentence, { kind: 'company' })];
}

function acronymInsideSpan(span: Token[]): boolean {
  return span.slice(1).some((t) => /^[A-Z]{2,}$/.test(t.text) && !ROMAN_NUMERAL.test(t.text));
}

function mention(category: MentionCategory, text: string, toks: Token[], firstIdx: number, sentence: number, extra: Partial<RawMention> = {}): RawMention {
  const start = toks[0]!.start;
  const article =
    (category === 'person' || category === 'single') && text[start - 1] === '-'
      ? ARTICLE_BEFORE.exec(text.slice(Math.max(0, start - 5), start))?.[1]
      : undefined;
  return {
    category,
    name: article ? article + textOf(text, toks) : textOf(text, toks),
    aliases: [],
    start: article ? start - article.length : start,
    end: toks[toks.length - 1]!.end,
    sentence,
    first: firstIdx,
    last: firstIdx + toks.length - 1,
    ...extra,
  };
}

/** The capitals of a run's words, connectors left out: "Prevention and Combating of Corruption Bureau" is PCCB. */
function runInitials(span: Token[]): string {
  return span
    .filter((t) => !CONNECTORS.has(norm(t.text)) && t.text !== 'to')
    .map((t) => t.text[0]!.toUpperCase())
    .join('');
}

function acronymAfter(tokens: Token[], lastIdx: number): string | undefined {
  const a = tokens[lastIdx + 1];
  const b = tokens[lastIdx + 2];
  const c = tokens[lastIdx + 3];
  // Not "(SEPs)", "(NGOs)": a plural acronym names things of a kind, no one body.
  if (a?.text === '(' && b && c?.text === ')' && isAcronymShape(b.text) && !/[A-Z]s$/.test(b.text)) return b.text;
  // "the Institutional Revolutionary Party, or PRI, said": an acronym set off by ", or".
  const d = tokens[lastIdx + 4];
  if (a?.text === ',' && b?.text === 'or' && c && /^[A-Z]{2,6}$/.test(c.text) && (!d || d.text === ',' || d.text === '.')) return c.text;
  return undefined;
}

function acronymOf(tokens: Token[], lastIdx: number): { acronym?: string } {
  const acronym = acronymAfter(tokens, lastIdx);
  return acronym ? { acronym } : {};
}

/** The name's tokens before its first connector or comma. */
function headSegmentOf(span: Token[]): Token[] {
  const k = span.findIndex((t) => CONNECTORS.has(norm(t.text)) || t.text === ',');
  return span.slice(0, Math.max(1, k));
}

function looseStart(sp: Token[]): boolean {
  return sp.length > 1 && !sp[1]!.cap && CONNECTORS.has(sp[1]!.text) && INSTITUTION_HEAD[norm(sp[0]!.text)] === undefined;
}

/** Nouns for kin and partners: the one word named right after one is a person ("his wife, Georgia"). */
export const KIN_NOUNS = new Set([
  'wife',
  'husband',
  'son',
  'daughter',
  'brother',
  'sister',
  'mother',
  'father',
  'widow',
  'widower',
  'girlfriend',
  'boyfriend',
  'fiancée',
  'fiancee',
  'fiancé',
  'fiance',
  'stepson',
  'stepdaughter',
  'grandson',
  'granddaughter',
  'nephew',
  'niece',
  'cousin',
  'uncle',
  'aunt',
]);
/** Head nouns of an apposition that describe a person ("X, a retired teacher,"), besides job and kin nouns. */
const PERSON_NOUNS = new Set([
  'man',
  'woman',
  'boy',
  'girl',
  'teacher',
  'doctor',
  'nurse',
  'lawyer',
  'resident',
  'student',
  'farmer',
  'official',
  'officer',
  'politician',
  'journalist',
  'activist',
  'businessman',
  'businesswoman',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'director',
  'chairman',
  'chairwoman',
  'founder',
  'employee',
  'worker',
  'retiree',
  'pensioner',
  'victim',
  'witness',
]);
const isPersonNoun = (w: string): boolean => PERSON_NOUNS.has(w) || JOB_NOUNS.has(w) || PERSON_DESCRIPTIONS.has(w) || KIN_NOUNS.has(w);

/** "X, 42," and "X, a retired teacher,": an age, or a person's noun heading the apposition after the name. */
function personApposition(tokens: Token[], last: number): boolean {
  if (tokens[last + 1]?.text !== ',') return false;
  const first = tokens[last + 2];
  if (!first) return false;
  if (/^\d{1,2}$/.test(first.text)) return /^[,.;)]$/.test(tokens[last + 3]?.text ?? '.');
  if (!/^(?:a|an|the)$/.test(first.text)) return false;
  for (let k = last + 3; k < last + 7 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.cap || !/^\p{Ll}[\p{Ll}-]*$/u.test(t.text) || FUNCTION_WORDS.has(t.low)) return false;
    if (isPersonNoun(t.low)) return true;
  }
  return false;
}

/** Words that say a name is a person's: "a man surnamed Liao", "née Smith". */
const NAMING_WORDS = new Set(['surnamed', 'née', 'nee']);

/** "his wife, Georgia", "with wife Linda", "a man surnamed Liao": what the word before says the name is. */
function namedAsPerson(tokens: Token[], first: number): boolean {
  const prev = tokens[first - 1];
  const word = prev?.text === ',' ? tokens[first - 2] : prev;
  if (!word || word.cap) return false;
  return NAMING_WORDS.has(word.low) || (KIN_NOUNS.has(word.low) && !word.possessive);
}

/** Naming verbs before a quoted name: "who called him "Kenny Boy"", "dubbed "the Fixer"". */
const NICKNAME_VERBS = /^(?:called|dubbed|nicknamed|known|styled|branded)$/;
/** A nickname in quotes after a naming verb: no second person, but a name the text gives someone. */
function quotedNickname(tokens: Token[], first: number): boolean {
  if (!/^["“‘']$/.test(tokens[first - 1]?.text ?? '')) return false;
  let k = first - 2;
  if (/^(?:him|her|them|it|as|himself|herself)$/.test(tokens[k]?.low ?? '')) k--;
  return NICKNAME_VERBS.test(tokens[k]?.low ?? '');
}

/** Nouns for works, right before a work's title: "the documentary X", "her debut album X". */
const WORK_NOUNS = new Set(['programme', 'program', 'series', 'documentary', 'film', 'movie', 'novel', 'album', 'sitcom', 'podcast', 'miniseries', 'drama']);
/** Words before "show" that make it the noun ("children's show X", "TV show X"), not the verb ("records show X"). */
const SHOW_KINDS = new Set(['tv', 'television', 'radio', 'talk', 'chat', 'game', 'quiz', 'hit', 'breakfast', 'morning', 'cookery', 'reality']);
/** A title of a work right after its noun: works are no people (nor bodies). */
function namesAWork(tokens: Token[], first: number): boolean {
  const noun = tokens[first - 1];
  if (!noun || noun.cap) return false;
  if (WORK_NOUNS.has(noun.low)) return true;
  if (noun.low !== 'show') return false;
  const before = tokens[first - 2];
  return !!before && (before.possessive || /['’]s?$/.test(before.text) || SHOW_KINDS.has(before.low));
}

/** Whole-span classification; null when the span should be split at its connectors. */
function classifySpan(text: string, tokens: Token[], base: number, span0: Token[], sentence: number): RawMention[] | null {
  if (quotedNickname(tokens, base)) return [];
  // "R&D", "M&A", "Q&A", "23:00 GMT", "raid HQ": English abbreviations, no body.
  if (span0.length === 1 && (COMMON_AMPERSANDS.has(span0[0]!.text) || CLOCK_AND_PLACE_ABBREVIATIONS.has(span0[0]!.text))) return [];
  // Kept as a marker, so that the same title elsewhere (a headline) is no person either.
  if (namesAWork(tokens, base)) return [mention('single', text, span0, base, sentence, { work: true })];
  // A single word named as kin or by its surname is a person's name, even one a place has too.
  if (span0.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(span0[0]!.text) && namedAsPerson(tokens, base))
    return [mention('single', text, span0, base, sentence, { personEvidence: true, namedPerson: true })];
  let span = span0;
  let b = base;
  const lastIdx = base + span0.length - 1;
  const acronym = acronymAfter(tokens, lastIdx);
  const withThe = textOf(text, span);
  const known0 = lookupInstitution(withThe);
  // What the words around say the name is: "McClatchy reported", "according to The Hill".
  // (Asked only where it changes the answer: a known name, or one that opens with "The".)
  const ctx = known0 || span[0]!.text === 'The' ? institutionContext(tokens, base, lastIdx) : undefined;
  const media = ctx === 'media' ? { kind: 'media' as const } : {};
  if (known0 && span[0]!.text === 'The')
    return [mention('institution', text, span, b, sentence, { name: withThe, kind: known0.kind, ...media, ...(acronym ? { acronym } : {}) })];
  if (
    ctx === 'media' &&
    span[0]!.text === 'The' &&
    span.length >= 2 &&
    !span.some((t) => t.text === 'and' || t.text === ',') &&
    !lookupPlace(withThe) &&
    !lookupPlace(textOf(text, span.slice(1)))
  )
    return [mention('institution', text, span, b, sentence, { name: withThe, kind: 'media' })];
  if (norm(span[0]!.text) === 'the') {
    span = span.slice(1);
    b++;
  }
  if (span.length === 0) return [];
  const s = textOf(text, span);
  const known = lookupInstitution(s);
  if (known) {
    const outlet = (ctx ?? institutionContext(tokens, base, lastIdx)) === 'media' ? { kind: 'media' as const } : {};
    return [mention('institution', text, span, b, sentence, { kind: known.kind, ...outlet, ...(acronym ? { acronym } : {}) })];
  }
  // A government named with its country: "Mexican Embassy", "the Indian government", "Mexico's government".
  const after = tokens[lastIdx + 1];
  const last = span[span.length - 1]!;
  const named =
    span.length >= 2 && isCountryBodyNoun(last.text)
      ? countryBody(
          span.slice(0, -1).map((t) => t.text),
          last.text,
          after?.text,
        )
      : undefined;
  if (named) return [mention('institution', text, span, b, sentence, { name: named.canonical, kind: named.kind })];
  const lowerBody =
    after && !after.cap && isCountryBodyNoun(after.text)
      ? countryBody(
          span.map((t) => t.text),
          after.text,
          tokens[lastIdx + 2]?.text,
        )
      : undefined;
  if (lowerBody) return [mention('institution', text, [...span, after!], b, sentence, { name: lowerBody.canonical, kind: lowerBody.kind })];
  // "Horseferry Road magistrates' court", "Southwark crown court": UK papers write a court's kind in lower case;
  // the place or street before it names the court, and is no separate place.
  // "the Durban high court", "in Manhattan federal court", "the Durban specialised commercial crimes court": up to three
  // lower-case words of a court's kind.
  let courtAt = lastIdx + 1;
  while (courtAt - lastIdx <= 3 && !tokens[courtAt]?.cap && COURT_KINDS.has(tokens[courtAt]?.text ?? '')) courtAt++;
  if (
    courtAt > lastIdx + 1 &&
    tokens[courtAt]?.text === 'court' &&
    !/^(?:a|an)$/i.test(tokens[b - 1]?.text ?? '') && // not "a California appeals court": a description
    !isDemonym(s) &&
    !last.possessive
  )
    return [mention('institution', text, tokens.slice(b, courtAt + 1), b, sentence, { kind: 'court' })];
  // "London's Old Bailey court", "the Georgian Dream party": a lower-case institution word after the name.
  // (Not "Mr. Lee's party": his, not its name.)
  if (
    after &&
    !after.cap &&
    !last.possessive &&
    /^(?:court|party|parties)$/.test(after.text) &&
    !lookupPlace(s) &&
    !isDemonym(s) &&
    !span.every((t) => isDemonym(t.text))
  ) {
    const kind = after.text === 'court' ? 'court' : 'party';
    // A single word may be a person's name ("the Smith court"): aliases.ts decides.
    if (span.length === 1)
      return isCommonWord(last.text) || COMMON_SHAPE.test(last.text) || atSentenceStart(tokens, b)
        ? []
        : [mention('single', text, span, b, sentence, { institutionHint: kind })];
    return [mention('institution', text, span, b, sentence, { kind })];
  }
  const place = lookupPlace(s) ?? countryLongForm(span);
  // "Leeds manager John Doe", "signed for Leeds": a town's name (not a nation's: "England captain") that a club goes by.
  if (place && lookupCity(s) && !isCountryName(s) && clubContext(tokens, b, lastIdx))
    return [mention('institution', text, span, b, sentence, { kind: 'other' })];
  if (place) return namesAnInstrument(tokens, lastIdx) ? [] : [mention('place', text, span, b, sentence, { name: place })];
  // "Bade District of Taoyuan County", "Kitwe District of Copperbelt Province": two places, the first inside the
  // second (not "District of Columbia", whose "District" alone names nothing).
  const siteOf = span.findIndex((t) => t.text === 'of');
  if (siteOf > 0 && isSiteName(span.slice(0, siteOf)) && isSiteName(span.slice(siteOf + 1)) && !insideLongerName(tokens, b))
    return [mention('place', text, span.slice(0, siteOf), b, sentence), mention('place', text, span.slice(siteOf + 1), b + siteOf + 1, sentence)];
  if (isSiteName(span) && !insideLongerName(tokens, b) && !institutionKind(span)) return [mention('place', text, span, b, sentence)];
  // Leading demonyms qualify, they are not names: "Russian President Vladimir Putin".
  while (
    span.length > 0 &&
    (isDemonym(span[0]!.text) || (span.length > 1 && isDemonym(`${span[0]!.text} ${span[1]!.text}`))) &&
    institutionKind(span) === null
  ) {
    const two = span.length > 1 && isDemonym(`${span[0]!.text} ${span[1]!.text}`) ? 2 : 1;
    span = span.slice(two);
    b += two;
  }
  if (span.length === 0) return [];
  // "Democrats", "Social Democrats": a party named for its members.
  if (isPartyPlural(span[span.length - 1]!.text) && !span.some((t) => t.text === 'and' || t.text === ','))
    return [mention('institution', text, span, b, sentence, { kind: 'party', ...(acronym ? { acronym } : {}) })];
  const kind = institutionKind(span);
  if (kind) {
    // "The Straits Times": an outlet's name keeps its article.
    const withArticle = kind === 'media' && span0[0]!.text === 'The' && span0.length === span.length + 1;
    return [
      withArticle
        ? mention('institution', text, span0, base, sentence, { kind, ...(acronym ? { acronym } : {}) })
        : mention('institution', text, span, b, sentence, { kind, ...(acronym ? { acronym } : {}) }),
    ];
  }
  if (span.some((t) => t.text === 'and' || t.text === ',')) return null; // "X and Y": two names
  // "Jane Roe of the Justice Department": a given name and surname, then "of" and a body's name, are two names
  // (a title word inside the body's name, "Justice", heads no name here).
  const ofAt = span.findIndex((t) => t.text === 'of');
  let titled = 0; // "Assistant Attorney General Jane Roe of the …": titles before the name
  while (titled < ofAt && isTitleWord(span[titled]!)) titled++;
  const nameWords = span.slice(titled, ofAt);
  if (nameWords.length >= 2 && (isGivenName(nameWords[0]!.text) || !isCommonWord(nameWords[0]!.text)) && nameWords.every((t) => t.cap && !isTitleWord(t))) {
    const bodyFirst = span[ofAt + 1]?.text === 'the' ? ofAt + 2 : ofAt + 1;
    if (span.length - bodyFirst >= 2 && institutionKind(span.slice(bodyFirst)) !== null) return null;
  }
  const tp = parseTitle(span);
  if (tp) {
    // "Chairman of the National Democratic Congress": what a title's "of" leads to is a body when it
    // ends in a body's word, and no one's name follows the title.
    const ofAt = tp.title.findIndex((t) => t.text === 'of');
    if (ofAt >= 0) {
      let bodyFirst = tp.prefix.length + ofAt + 1;
      if (span[bodyFirst]?.low === 'the') bodyFirst++;
      const body = span.slice(bodyFirst);
      const bodyKind = body.length >= 2 ? institutionKind(body) : null;
      if (bodyKind) return [mention('institution', text, body, b + bodyFirst, sentence, { kind: bodyKind })];
    }
    const res: RawMention[] = [];
    // "governor of Kaduna State Ali Musa": "State" ends the state's name; it is not his title.
    const site = tp.prefix.length > 0 && tp.title.length === 1 ? [tp.prefix[tp.prefix.length - 1]!, tp.title[0]!] : [];
    if (site.length === 2 && site[0]!.cap && isSiteName(site)) {
      const siteFirst = b + tp.prefix.length - 1;
      res.push(mention('place', text, site, siteFirst, sentence, { modifier: true }));
      res.push(mention(tp.name.length === 1 ? 'single' : 'person', text, tp.name, siteFirst + 2, sentence));
      return res;
    }
    const nameFirst = b + tp.prefix.length + tp.title.length;
    let owner: RawMention | null = null;
    if (tp.prefix.length > 0) {
      let pre = classifySpan(text, tokens, b, tp.prefix, sentence) ?? [];
      if (!pre.some((p) => p.category === 'institution' || p.category === 'place')) {
        const company = companyBeforeTitle(text, tokens, b, tp.prefix, tp.title, sentence);
        if (company.length > 0) pre = company;
      }
      for (const p of pre) {
        if (p.category === 'place') p.modifier = true;
        if (p.category === 'institution') owner = p;
        if (p.category !== 'single' && p.category !== 'person') res.push(p);
      }
    }
    // "Public Finance Management Act": a law's name, not a titled person.
    if (tp.name.some((t) => INSTRUMENT_NOUNS.has(t.low) || LAW_NOUNS.has(t.text))) return res;
    // "General Data Protection Regulation", "Wayne State University Law School": English words after a
    // title word name a thing or a body, no person.
    if (tp.name.length >= 2 && tp.name.every((t) => (isCommonWord(t.text) || COMMON_SHAPE.test(t.text)) && !isGivenName(t.text))) return res;
    // "Mayor Convicted Of Corruption", "Prime Minister Says …": a verb form after a title in a headline is no name;
    // nor is an event after one ("the National Senior Championships").
    if (tp.name.length === 1 && (isVerbForm(tp.name[0]!.text) || SPORTING_EVENTS.has(tp.name[0]!.low))) return res;
    // "the General Election", "Special Commission": an abstract noun after a title word is no surname.
    if (tp.name.length === 1 && ABSTRACT_NOUN.test(tp.name[0]!.text) && !isListedGivenName(tp.name[0]!.text) && !tp.title.some(isHonorific)) return res;
    const nameText = textOf(text, tp.name);
    // "CEO of the New York drug company": a place after the title, not a person's name.
    const placeName = tp.name.length > 1 ? lookupPlace(nameText) : undefined;
    if (placeName) {
      res.push(mention('place', text, tp.name, nameFirst, sentence, { name: placeName, modifier: true }));
      return res;
    }
    // "Former KTVX anchor Jane Roe": a word in capitals after the title is her employer, not a titled person.
    if (tp.name.length === 1 && isAcronymOrCallSign(nameText)) {
      res.push(...fallback(text, tokens, nameFirst, tp.name, sentence));
      return res;
    }
    const at = aliasTitle(tp.title);
    const aliases = at ? [`${at.text} ${nameText}`] : [];
    const roleT = roleTitle(tp.title);
    // "Lord Sugar", "Mr Black": after an honorific even an English word or a place's name is a person's.
    const addressed = tp.name.length === 1 && tp.title.length > 0 && isHonorific(tp.title[tp.title.length - 1]!);
    const m = mention(tp.name.length === 1 ? 'single' : 'person', text, tp.name, nameFirst, sentence, {
      aliases,
      personEvidence: true,
      ...(addressed ? { namedPerson: true } : {}),
      ...(roleT && !tp.title.every(isHonorific) ? { role: { title: roleT, institution: owner ? owner.name : null } } : {}),
    });
    res.push(m);
    return res;
  }
  return null;
}

/** "CNN", "KTVX-TV": capitals only, two letters or more, one hyphen at most (no digits: "COVID-19"). */
function isAcronymOrCallSign(word: string): boolean {
  return /^[A-Z][A-Z&]{1,5}(?:-[A-Z]{1,4})?$/.test(word);
}

/** Lower-case words of a court's kind after its town: "the Durban high court", "Manhattan federal court". */
const COURT_KINDS = new Set([
  'magistrates',
  'crown',
  'coroner',
  'coroners',
  'regional',
  'district',
  'provincial',
  'municipal',
  'high',
  'federal',
  'state',
  'supreme',
  'specialised',
  'specialized',
  'commercial',
  'crimes',
  'criminal',
  'civil',
  'sessions',
]);

/** Nouns for what both firms and people are: "its auditor KPMG", "former auditor Hideo Yamada". */
const DUAL_NOUNS = new Set(['auditor', 'broker', 'client', 'seller', 'adviser', 'advisor', 'consultant']);

/** Plurals that end names of leaks, documents, events and prizes, no team's or group's. */
const NOT_GROUP_PLURALS = new Set([
  'papers',
  'files',
  'leaks',
  'documents',
  'tapes',
  'letters',
  'minutes',
  'games',
  'talks',
  'accords',
  'awards',
  'prizes',
  'rules',
  'regulations',
  'guidelines',
  'points',
  'championships',
  'olympics',
  'paralympics',
]);

/** Police ranks written as initials before a surname ("ASP Musa", "DCP Sharma"): titles, no firm's initials. */
const RANK_ABBREVIATIONS = new Set(['ACP', 'ASP', 'SSP', 'DSP', 'DCP', 'IGP', 'DIG', 'AIG', 'CSP', 'ADCP', 'DGP']);

/** Last words of the names of sporting events. */
const SPORTING_EVENTS = new Set(['championships', 'games', 'olympics', 'paralympics']);

/**
 * "Christian Campbell", "website editor Paddy French", "forward Raheem Sterling": a listed given
 * name, though an English word too, before one capitalised word that is no English word, place or
 * body word; or, with a role noun right before ("editor", "striker"), a first word that is no English
 * word before any such second word.
 */
function givenNameAndSurname(tokens: Token[], base: number, span: Token[]): boolean {
  if (span.length !== 2) return false;
  const [given, surname] = span as [Token, Token];
  if (!/^\p{Lu}\p{Ll}+$/u.test(surname.text) || COMMON_SHAPE.test(surname.text) || lookupPlace(surname.text) || INSTITUTION_SUFFIX[norm(surname.text)])
    return false;
  const before = tokens[base - 1];
  const role = !!before && (!before.cap || atSentenceStart(tokens, base - 1)) && isRoleNoun(before.low);
  // "Carson Block of Muddy Waters": a listed given name placed in a body by "of".
  const affiliated = tokens[base + 2]?.text === 'of' && !!tokens[base + 3]?.cap;
  // "Michal Dan, who lost an appeal": a listed given name, then ", who": a person.
  const who = tokens[base + 2]?.text === ',' && tokens[base + 3]?.low === 'who';
  if (isListedGivenName(given.text)) return !isCommonWord(surname.text) || role || affiliated || who;
  return role && /^\p{Lu}\p{Ll}+$/u.test(given.text) && !isCommonWord(given.text) && !lookupPlace(given.text);
}
const isRoleNoun = (w: string): boolean => TITLE_WORDS.has(w) || JOB_NOUNS.has(w) || PERSON_DESCRIPTIONS.has(w);

/** Endings of abstract nouns, which no surname has: "Election", "Investigation", "Settlement". */
const ABSTRACT_NOUN = /^\p{Lu}\p{Ll}{3,}(?:tion|sion|ment|ness|ity)$/u;

/** A word that can only be a verb ("Convicted", "Says", "Resigns"), and no given name. */
function isVerbForm(word: string): boolean {
  const c = classOf(word.toLowerCase());
  return c.verb && !c.noun && !c.adjective && !isListedGivenName(word);
}

/** Verbs that may follow a business named with its "'s" ("Sainsbury's said"); not "is" or "was" ("Smith's was the better goal"). */
// Not participles that may be adjectives: "Putin's announced visit", "X's reported remarks".
const NAME_WITH_S_VERBS = new Set(['said', 'says', 'fell', 'were', 'are', 'has', 'have', 'will', 'would']);

/** Spans that are neither known nor institution-shaped nor titled. */
function fallback(text: string, tokens: Token[], base: number, span: Token[], sentence: number): RawMention[] {
  // "J&F Investimentos", "AT&T": an ampersand inside a word names a firm, never a person; so does a word
  // that ends in "bank" ("Denizbank", "Rabobank").
  // (One word stays a single, for a longer name to take it: "Rosbank" is "OAO Rosbank".)
  if (span.length === 1 && /^\p{Lu}\p{Ll}{2,}bank$/u.test(span[0]!.text))
    return [mention('single', text, span, base, sentence, { institutionHint: 'company' })];
  if (span.length > 1 && span.some((t) => /\p{L}&\p{L}/u.test(t.text))) {
    const kind = institutionContext(tokens, base, base + span.length - 1) ?? institutionKind(span) ?? 'company';
    return [mention('institution', text, span, base, sentence, { kind })];
  }
  if (span.length === 1) {
    const t = span[0]!;
    const prev = tokens[base - 1];
    const next = tokens[base + 1];
    const w = norm(t.text);
    // "Former chief executive X": a word that dates an office is no name, though a title follows it.
    if (t.text.length < 2 || /^[A-Z]{2,}s$/.test(t.text) || inCode(text, t) || TIME_LABELS.has(w)) return [];
    // "— the CEO —", "the former CEO of the bank": a title in capitals alone names no one and no body.
    if (/^[A-Z]{2,4}$/.test(t.text) && isTitleWord(t)) return [];
    // "Carter's, Inc.": a legal form set off by a comma belongs to the name before it; alone it names nothing.
    if (prev?.text === ',' && /^(?:Inc|Ltd|LLC|LLP|Corp|Co|PLC|plc|NA|SA|AG|NV)\.?$/.test(t.text)) return [];
    // "AED 2,500", "USD 40 million": a currency's code before an amount.
    if (isCurrencyCode(t.text) && /^\d/.test(next?.text ?? '')) return [];
    // "Sainsbury's said", "Moody's cut its rating", "Tesco and Sainsbury's were fined": a verb right after
    // the possessive form makes the "'s" the name's own, a business's (no possessive stands before a verb).
    if (t.possessive && next && NAME_WITH_S_VERBS.has(next.low) && /^\p{Lu}\p{Ll}/u.test(t.text) && !isGivenName(t.text))
      return [mention('institution', text, span, base, sentence, { kind: 'company' })];
    // "charged under IPC sections 120B and 34", "booked under the UAPA", "UAPA's Section 39": a law's initials.
    const lawBefore = prev?.low === 'under' || (prev?.low === 'the' && tokens[base - 2]?.low === 'under');
    // Not "under NAB investigation", "under EFCC custody": a body's act or hold.
    const bodysHold = /^(investigation|probe|scrutiny|custody|pressure|control|supervision|review|watch|protection|guard)$/.test(next?.low ?? '');
    if (/^[A-Z]{2,6}$/.test(t.text) && (/^sections?$/i.test(next?.text ?? '') || (lawBefore && !t.possessive && !next?.cap && !bodysHold))) return [];
    // "Jane Bell, SC, counsel for …", "Ann Lee, MP,": letters after a name set off by commas.
    if (POST_NOMINALS.has(t.text) && prev?.text === ',' && tokens[base - 2]?.cap) return [];
    if (
      !t.possessive &&
      next &&
      LOWER_REGION_NOUNS.has(next.text) &&
      /^\p{Lu}\p{Ll}+$/u.test(t.text) && // not "South-eastern state"
      !isCommonWord(t.text) &&
      !isDemonym(t.text) &&
      !isGivenName(t.text)
    )
      return [mention('place', text, span, base, sentence)];
    const siteEnd = !t.possessive && next && !next.cap ? lowerSiteEnd(tokens, base + 1) : -1;
    if (siteEnd > 0 && !isGivenName(t.text)) return [mention('place', text, tokens.slice(base, siteEnd + 1), base, sentence)];
    if (next && !next.cap && PERSON_BODY_NOUNS[next.text] && !t.possessive) {
      return [{ ...mention('institution', text, [t, next], base, sentence), kind: PERSON_BODY_NOUNS[next.text]! }];
    }
    const start = atSentenceStart(tokens, base);
    const common = isCommonWord(t.text) || COMMON_SHAPE.test(t.text);
    const afterThe = prev !== undefined && norm(prev.text) === 'the';
    // "Prosecutors said in a statement": an English plural opening the sentence speaks as no body of that name.
    // (Nor "Prosecutors said": a title's plural opening the sentence names people of an office, no body.)
    const titlePlural = start && /[^s]s$/.test(w) && TITLE_WORDS.has(w.slice(0, -1));
    const statement = speaksAsBody(tokens, base) && !(common && start) && !titlePlural;
    const bodyContext = institutionContext(tokens, base, base) ?? (statement ? 'other' : undefined); // "Paris-based Acme said": no person
    if (placeNounBefore(tokens, base) && !common) return [mention('place', text, span, base, sentence)];
    // "offices in London, Leeds and Bradford": the next item of a list of places counts as after "in".
    // "in Gurugram and Noida": so does the next item of any one-word list after "in".
    const listed = prev !== undefined && (prev.text === 'and' || prev.text === ',') && (placeBefore(tokens, base - 2) || locativeListStart(tokens, base - 2));
    if (!common && !isGivenName(t.text) && placeByNeighbours(tokens, base)) return [mention('place', text, span, base, sentence)];
    const city = !namesAnInstrument(tokens, base) ? cityCandidate(t, listed ? undefined : prev, common, listed) : undefined;
    // "the Ohio Lottery's": a word right after a place's name is that place's body or thing, not a person.
    const afterPlace = prev !== undefined && prev.cap && !prev.possessive && lookupPlace(prev.text) !== undefined;
    // "Chelsea's John Terry", "Vellmark's Jane Roe": what owns a person named in full is a body (or a
    // place), not another person.
    // "an ex-Vantorix executive": the staff's former employer, a company; not "pro-Trump", "ex-Trump aide".
    const exEmployer = /(?:^|[^\p{L}])ex-$/iu.test(text.slice(Math.max(0, t.start - 4), t.start)) && next !== undefined && STAFF_AFTER_EX.has(next.text);
    const ownsNamedPerson = t.possessive && next !== undefined && next.cap && isGivenName(next.text) && !!tokens[base + 2]?.cap;
    const possible =
      !bodyContext &&
      !start &&
      !common &&
      // "the Kremlin's", "the Bundesrat said": a person is no "the" (but "the Mueller probe" is his).
      // (Not "the Hawks investigation": a plural after "the" names a group.)
      (!afterThe || (next !== undefined && !next.cap && PERSON_NOUNS_AFTER.has(next.text) && !/[^s]s$/.test(t.text))) &&
      !isBodyWord(t.text) &&
      !afterPlace &&
      !/^[A-Z]+$/.test(t.text) &&
      // A capital inside the word ("LafargeHolcim", "BlackRock", "OxyContin") is a brand's, not "McCarthy", "DeSantis".
      !(/^\p{Lu}\p{Ll}{2,}\p{Lu}\p{Ll}+$/u.test(t.text) && !/^(?:Mc|Mac|De|Di|Da|Du|Le|La|Van|Von|Fitz)\p{Lu}/u.test(t.text));
    // "Acme's collapse" is said of bodies as much as of people: a possessive is weak evidence, and none
    // before a name ("Rovers' Jane Roe": her club's, not a person's).
    const possessiveEvidence = possible && t.possessive && !next?.cap;
    const evidence =
      possible &&
      ((next !== undefined && SPEECH_AFTER.has(next.text)) ||
        personApposition(tokens, base) ||
        // "said Jones" is a person's; "said Acme's chief executive" is no evidence.
        // (Not "Acme said Globex “will appeal”": there "said" opens a clause whose subject is the name.)
        (prev !== undefined && (prev.text === 'said' || prev.text === 'says') && !t.possessive && ATTRIBUTION_END.test(next?.text ?? '.')) ||
        (next !== undefined && !next.cap && PERSON_NOUNS_AFTER.has(next.text)) ||
        (prev !== undefined && /^(?:pro|anti)$/.test(prev.text)) ||
        // "Messrs Joseph and Echem", "Senators Lee and Hart": the second of two names after a plural title.
        (prev?.text === 'and' && !!tokens[base - 2]?.cap && PLURAL_TITLES.has(norm(tokens[base - 3]?.text ?? ''))) ||
        (text[t.start - 1] === '-' && /[a-z]/.test(text[t.start - 2] ?? '') && !exEmployer));
    const hint =
      evidence || possessiveEvidence
        ? undefined
        : statement
          ? (institutionContext(tokens, base, base) ?? 'other')
          : (singleInstitutionHint(tokens, base, { afterThe, atStart: start, articleAtStart: atSentenceStart(tokens, base - 1), common }) ??
            (ownsNamedPerson && !start && !common ? 'other' : exEmployer ? 'company' : undefined));
    return [
      mention('single', text, span, base, sentence, {
        ...(evidence || possessiveEvidence ? { personEvidence: true } : {}),
        ...(possessiveEvidence && !evidence ? { possessiveOnly: true } : {}),
        ...(afterThe ? { afterThe: true } : {}),
        ...(hint ? { institutionHint: hint } : {}),
        ...(abbreviatesCommonWords(tokens, base) || abbreviatesInstrument(tokens, base) ? { commonAbbreviation: true } : {}),
        ...(city ? { city } : {}),
      }),
    ];
  }
  // "High Commissioner in Dhaka Robert Gibson": a place's name, then a person's.
  const placeFirst = span.length >= 3 && LOCATIVE_BEFORE.has(tokens[base - 1]?.low ?? '') ? lookupPlace(span[0]!.text) : undefined;
  if (placeFirst && isGivenName(span[1]!.text) && !lookupPlace(textOf(text, span.slice(0, 2))) && span.slice(1).every((t) => /^\p{Lu}\p{Ll}/u.test(t.text)))
    return [mention('place', text, [span[0]!], base, sentence, { name: placeFirst }), mention('person', text, span.slice(1), base + 1, sentence)];
  // "former Imo Governor, Emeka Ihedioha": a title that ends the run belongs to the name after the comma; the words
  // before it qualify the office.
  const endTitle = span.at(-1)!;
  if (
    span.length >= 2 &&
    isTitleWord(endTitle) &&
    !HONORIFICS.has(norm(endTitle.text)) &&
    tokens[base + span.length]?.text === ',' &&
    tokens[base + span.length + 1]?.cap
  )
    return classifySpan(text, tokens, base, span.slice(0, -1), sentence) ?? fallback(text, tokens, base, span.slice(0, -1), sentence);
  // "of the Bureau Ravi Menon", "to Italian Businessman Ravi Menon": a body's head word or an English
  // word left before a name of two or more words is no part of it.
  const leftOver = INSTITUTION_SUFFIX[norm(span[0]!.text)] !== undefined || (isCommonWord(span[0]!.text) && !FUNCTION_WORDS.has(norm(span[0]!.text)));
  if (span.length >= 3 && leftOver && span.slice(1).every((t) => /^\p{Lu}\p{Ll}/u.test(t.text) && !isCommonWord(t.text)))
    return fallback(text, tokens, base + 1, span.slice(1), sentence);
  const first = span[0]!;
  const lastIdx = base + span.length - 1;
  // "St Mellons", "St Joseph's": a saint's name names a place or a church, a school, a gym; no person.
  if (/^(?:St\.?|Saint)$/.test(first.text)) return [mention('place', text, span, base, sentence)];
  if (insideLongerName(tokens, base)) return []; // "Convention on Diplomatic Relations"
  // "the 2023 World Championships", "the Commonwealth Games": a sporting event, no one and no body.
  if (SPORTING_EVENTS.has(span[span.length - 1]!.low)) return [];
  // "Lords Of The Deep": a capitalised "And", "Of", "In" goes on with a title in Title Case.
  const after = tokens[lastIdx + 1];
  if (after?.cap && FUNCTION_WORDS.has(after.low) && after.text !== 'The') return [];
  // "rival newspaper Acme Daily", "owner of Acme Widgets": the context names a body.
  const ctx = institutionContext(tokens, base, lastIdx);
  // "former auditor Hideo Yamada": a noun that firms and people share, before a name of two or three plain
  // capitalised words, leaves the name to the person rules below.
  const sharedNoun =
    DUAL_NOUNS.has(tokens[base - 1]?.low ?? '') &&
    span.length <= 3 &&
    span.every((t) => /^\p{Lu}\p{Ll}+(?:-\p{Ll}+)?$/u.test(t.text)) &&
    !institutionKind(span);
  // "the Solomon Star newspaper": no person's name takes "the", though a given name opens it.
  if (ctx && !sharedNoun && (!isGivenName(first.text) || tokens[base - 1]?.low === 'the'))
    return [mention('institution', text, span, base, sentence, { kind: ctx })];
  if (placeNounBefore(tokens, base) && !acronymInsideSpan(span)) return [mention('place', text, span, base, sentence)];
  // A town of several words; one that starts with a given name ("Benito Juárez") only after "in", "from" ….
  const city = lookupCity(textOf(text, span));
  const locative = LOCATIVE_BEFORE.has(tokens[base - 1]?.low ?? '');
  if (city && (locative || !isGivenName(first.text)) && !namesAnInstrument(tokens, lastIdx))
    return [mention('place', text, span, base, sentence, { name: city.name })];
  // "of the Sinon Bulls", "against the Kia Tigers": a name after "the" that ends in a plural is a team's or a group's, no person's.
  // (Not "the Panama Papers", "the Tokyo Games": leaks, documents and events.)
  if (
    span.length >= 2 &&
    tokens[base - 1]?.low === 'the' &&
    /^\p{Lu}\p{Ll}+[^su]s$/u.test(span.at(-1)!.text) &&
    !NOT_GROUP_PLURALS.has(span.at(-1)!.low) &&
    !lookupPlace(textOf(text, span))
  )
    return [mention('institution', text, span, base, sentence, { kind: 'other' })];
  // "Marcus DLX": an acronym after the first word makes a company's name, not a person's.
  const acronymInside = acronymInsideSpan(span);
  if (!acronymInside && (isGivenName(first.text) || /^[A-Z]\.?$/.test(first.text))) return [mention('person', text, span, base, sentence)];
  // "Aarhus Convention": a place word before a capitalised instrument noun names the instrument.
  const placeAt = (k: number): string | undefined =>
    INSTRUMENT_NOUNS.has(span[k + 1]?.low ?? '') || (k === span.length - 1 && namesAnInstrument(tokens, lastIdx)) ? undefined : lookupPlace(span[k]!.text);
  // "BNP Paribas", "ABC Learning": an acronym of three letters or more before words that are no English ones is a firm's name.
  if (
    span.length <= 3 &&
    /^[A-Z]{3,5}$/.test(first.text) &&
    !lookupPlace(first.text) &&
    !RANK_ABBREVIATIONS.has(first.text) &&
    span
      .slice(1)
      .every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.text) && !isCommonWord(t.text) && !COMMON_SHAPE.test(t.text) && !lookupPlace(t.text) && !isGivenName(t.text))
  )
    return [mention('institution', text, span, base, sentence, { kind: 'company' })];
  // "Credit Suisse", "Nippon Life": a country's name in another tongue, inside a name of capitalised words, is a firm's.
  if (span.length <= 3 && span.some((t) => isAltSpellingOnly(t.text)) && span.every((t) => /^\p{Lu}/u.test(t.text) && !isGivenName(t.text)))
    return [mention('institution', text, span, base, sentence, { kind: 'company' })];
  // "Credit Lyon First Boston (CLFB)": a name given an acronym is a body's, whatever words it holds.
  if (
    span.length >= 2 &&
    !acronymInside &&
    acronymAfter(tokens, lastIdx) !== undefined &&
    !lookupPlace(textOf(text, span)) &&
    !span.every(isTitleWord) &&
    !DOCUMENT_NOUNS.has(span.at(-1)!.low)
  )
    return [mention('institution', text, span, base, sentence, { kind: 'other', acronym: acronymAfter(tokens, lastIdx)! })];
  // "Gaza City", "Kuwait City": a country or a capital before "City" names the town ("Leicester City" is a club).
  if (span.length === 2 && span[1]!.text === 'City' && (isCountryName(span[0]!.text) || lookupCity(span[0]!.text)?.capital))
    return [mention('place', text, span, base, sentence)];
  // "Jordan Bardella", "Kenya Mwangi": a place's name that is also a given name, before one uncommon word, is a person's.
  if (span.length === 2 && lookupPlace(first.text) && looksLikeSurname(span[1]!.text)) return [mention('person', text, span, base, sentence)];
  if (namesBodyAroundPlace(tokens, base, span)) return [mention('institution', text, span, base, sentence, { kind: 'other' })];
  if (span.some((t, k) => lookupPlace(t.text) || (/^[A-Z]{2,}$/.test(t.text) && !(k >= 2 && k === span.length - 1 && GENERATION.test(t.text))))) {
    return span.flatMap((t, k) => (placeAt(k) ? [mention('place', text, [t], base + k, sentence, { name: placeAt(k)! })] : []));
  }
  if (span.some((t) => INSTRUMENT_NOUNS.has(t.low))) return [];
  // Romance particles ("da", "de la") join a name only after a known given name: "Banco de la Nación" is no person,
  // "Eamon de Valera" is (a listed given name, no English word, before the particle).
  // (Not a capitalised English word opening the name: "charged Do Anh Dung".)
  // "Majid Al Refai": a capitalised "Al" between two names is an Arabic name's, whatever the given name.
  const arabicAl = (t: Token, k: number): boolean => t.text === 'Al' && k > 0 && k < span.length - 1;
  if (
    span.some(
      (t, k) =>
        NAME_PARTICLES.has(norm(t.text)) && !GERMANIC_ARABIC_PARTICLES.has(norm(t.text)) && !(k === 0 && t.cap && FUNCTION_WORDS.has(t.low)) && !arabicAl(t, k),
    )
  ) {
    const particleAt = span.findIndex((t) => NAME_PARTICLES.has(norm(t.text)));
    const givenFirst = particleAt >= 1 && isListedGivenName(first.text) && !isCommonWord(first.text) && span[particleAt + 1]?.cap === true;
    return givenFirst ? [mention('person', text, span, base, sentence)] : [];
  }
  // "Pieter van der Meer": "van", "bin" … between capitalised words are a person's name even where those words are also English ones.
  if (
    span.length <= 6 &&
    span.some((t, k) => (k > 0 && GERMANIC_ARABIC_PARTICLES.has(t.text)) || arabicAl(t, k)) &&
    !span.some((t) => /^[A-Z]{2,}$/.test(t.text))
  ) {
    return [mention('person', text, span, base, sentence)];
  }
  // "Hu Weiming", "Ma Ying": a short word that is also an English noun, capitalised mid-sentence before
  // a word that is no English word, is a surname, not a description.
  if (
    span.length <= 3 &&
    /^[A-Z][a-z]{1,3}$/.test(first.text) &&
    !FUNCTION_WORDS.has(norm(first.text)) &&
    !atSentenceStart(tokens, base) &&
    span.slice(1).every((t) => /^[A-Z][a-z]/.test(t.text) && !isCommonWord(t.text) && !COMMON_SHAPE.test(t.text))
  )
    return [mention('person', text, span, base, sentence)];
  if (givenNameAndSurname(tokens, base, span)) return [mention('person', text, span, base, sentence)];
  // "Benigno Aquino III", "Ramon Revilla Jr.": a generation after a name is part of it, no acronym.
  // (A capitalised English word that opens it, "Do Anh Dung", is a name's part as a particle is.)
  const words = span.filter(
    (t, k) =>
      !NAME_PARTICLES.has(t.text) &&
      !(k === 0 && span.length >= 3 && FUNCTION_WORDS.has(t.low)) &&
      !(k >= 2 && k === span.length - 1 && GENERATION.test(t.text)),
  );
  // "Uli Hoeness": a surname after the first word may end like "witness", an unknown noun can't.
  const shapedLikeNoun = (t: Token, k: number): boolean => COMMON_SHAPE.test(t.text) && !(k > 0 && /ness$/.test(t.text));
  if (words.length <= 4 && words.every((t, k) => !isCommonWord(t.text) && !shapedLikeNoun(t, k) && !/^[A-Z]{2,}$/.test(t.text))) {
    return [mention('person', text, span, base, sentence)];
  }
  return [];
}

/** Words after a place's name that make an event held there, not a body: "the Tokyo Olympics". */
const EVENT_NOUNS = new Set(['olympics', 'games', 'marathon', 'summit', 'expo', 'festival', 'talks', 'conference', 'forum', 'open']);

/** A capitalised word that may be a surname: no English word, place, demonym, event or instrument ("Olympics", "Accord"). */
function looksLikeSurname(word: string): boolean {
  const w = word.toLowerCase();
  return (
    /^\p{Lu}\p{Ll}+$/u.test(word) &&
    !isCommonWord(word) &&
    !COMMON_SHAPE.test(word) &&
    !isDemonym(word) &&
    !lookupPlace(word) &&
    !lookupCity(word) &&
    !EVENT_NOUNS.has(w) &&
    !INSTRUMENT_NOUNS.has(w) &&
    !LAW_NOUNS.has(word)
  );
}

/** A place's name, or a hyphenated word holding one ("France-KLM"). */
function holdsPlace(t: Token): boolean {
  if (lookupPlace(t.text)) return true;
  return t.text.includes('-') && t.text.split('-').some((part) => part.length > 1 && lookupPlace(part) !== undefined);
}

/**
 * "Air Canada", "Cathay Pacific", "Real Madrid", "Manchester City", "LAN Chile": a place's name
 * inside a longer proper name, next to capitalised words that are neither places, demonyms nor
 * titles, names a company or a club; the place itself is not mentioned. (Towns of several words,
 * "Mexico City", and regions, "West Africa", were looked up before.)
 */
function namesBodyAroundPlace(tokens: Token[], base: number, span: Token[]): boolean {
  if (span.length < 2 || span.length > 4 || namesAnInstrument(tokens, base + span.length - 1)) return false;
  const placeAt = span.map(holdsPlace);
  if (placeAt.every(Boolean) || !placeAt.some(Boolean)) return false;
  const lastWord = span[span.length - 1]!.text;
  // "Vienna Convention", "Panama Papers": an event, an instrument or a leak named for a place.
  const low = lastWord.toLowerCase();
  if (EVENT_NOUNS.has(low) || INSTRUMENT_NOUNS.has(low) || LAW_NOUNS.has(lastWord) || NOT_GROUP_PLURALS.has(low)) return false;
  return span.every(
    (t, k) => placeAt[k] || (/^\p{Lu}/u.test(t.text) && !isDemonym(t.text) && !isTitleWord(t) && !COMPASS.has(t.low) && !CONNECTORS.has(t.low)),
  );
}

/** "FHC/AB/15C/2023", "Ref. KE/45": a word glued by slashes to a chunk with digits is part of a case or file number. */
function inCode(text: string, t: Token): boolean {
  if (text[t.start - 1] !== '/' && text[t.end] !== '/') return false;
  // Case numbers are short: look at most 24 characters either way (a long slashed token stays linear).
  let a = t.start;
  let b = t.end;
  while (a > 0 && t.start - a < 24 && /\S/.test(text[a - 1]!)) a--;
  while (b < text.length && b - t.end < 24 && /\S/.test(text[b]!)) b++;
  return /\d/.test(text.slice(a, b));
}

/** Words for a number's size after an amount: "RM80 million", "N4 billion", "Rs 50 lakh". */
const MAGNITUDES = new Set(['thousand', 'million', 'billion', 'trillion', 'mn', 'm', 'bn', 'b', 'k', 'lakh', 'lakhs', 'crore', 'crores']);

/** "RM80 million", "N4bn": a currency sign glued to a number is an amount, not a body's acronym ("G20 summit" is one). */
function isMoneyAmount(t: Token, next: Token | undefined, next2?: Token): boolean {
  const m = /^([A-Z][A-Za-z]{0,2})\d[\d.,]*([a-z]*)$/.exec(t.text);
  if (!m) return false;
  if (isCurrencyCode(m[1]!)) return true; // "ZAR30,000", "USD1"
  // "P60,000", "K6,000": a number written with a thousands comma is an amount whatever its sign.
  if (m[2] === '' && next?.text === ',' && next.start === t.end && next2 && next2.start === next.end && /^\d{3}\b/.test(next2.text)) return true;
  return MAGNITUDES.has(m[2]!) || (m[2] === '' && next !== undefined && MAGNITUDES.has(next.low));
}

/** Prepositions of being somewhere (not "to", "from", which come before people too: "a letter from X"). */
const STATIC_BEFORE = new Set(['in', 'at', 'near', 'outside']);
/** A town that shares a name with people is a place after "in" only if this big. */
const BIG_NAMESAKE_CITY = 100_000;
/** … and if its name is also an English word ("Reading", "Mobile", "Nice" are not that big). */
const BIG_COMMON_WORD_CITY = 500_000;

/**
 * A single capitalised word that names a GeoNames town: after "in", "from" …, any town of
 * 15,000 or more; with no such word, only a capital or a city of a million. Words that are
 * English words or given names or surnames are left to the other evidence.
 */
function cityCandidate(t: Token, prev: Token | undefined, common: boolean, listed = false): string | undefined {
  const city = lookupCity(t.text);
  if (!city) return undefined;
  const locative = listed || (prev !== undefined && LOCATIVE_BEFORE.has(prev.low));
  // A big city that is also a name or a word ("in Houston", "in Bradford") after "in", "at",
  // "near", not possessive; aliases.ts still gives the word to a person of that name here.
  if (common || !isPlainCityName(t.text)) {
    const needed = common ? BIG_COMMON_WORD_CITY : BIG_NAMESAKE_CITY;
    return !t.possessive && (listed || STATIC_BEFORE.has(prev?.low ?? '')) && city.population >= needed ? city.name : undefined;
  }
  if (prev?.cap && !locative) return undefined; // "Indian Ocean", "Lake Charles": part of a longer name
  if (locative || (city.capital && city.population >= 100_000) || city.population >= 1_000_000) return city.name;
  return undefined;
}

/** A single-word place or town just before tokens[k + 1] ("London," in a list), written as a name. */
function placeBefore(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t?.cap || t.possessive || tokens[k - 1]?.cap) return false;
  return lookupPlace(t.text) !== undefined || (isPlainCityName(t.text) && lookupCity(t.text) !== undefined);
}

/** tokens[k] is one capitalised word right after "in", "at", "near" or "outside": the first item of a list of places. */
function locativeListStart(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return !!t?.cap && !t.possessive && !tokens[k - 1]?.cap && STATIC_BEFORE.has(tokens[k - 1]?.low ?? '');
}

/** A known place or town at tokens[k], written as one word, or a compass word or "near" before one. */
function placeAhead(tokens: Token[], k: number): boolean {
  let j = k;
  if (/^(?:north|south|east|west|northern|southern|eastern|western|central|near|outside)$/i.test(tokens[j]?.text ?? '')) {
    j++;
    if (tokens[j]?.text === 'of') j++; // "south of Seoul"
  }
  const t = tokens[j];
  if (!t?.cap || tokens[j + 1]?.cap) return false;
  return lookupPlace(t.text) !== undefined || (isPlainCityName(t.text) && lookupCity(t.text) !== undefined);
}

/**
 * "arrested in Chiswick, west London", "held in Limassol, Cyprus", "offices in Aschheim and Munich":
 * an unknown word after "in" or "at" (or ", of", ", from") that a known place qualifies or follows
 * in a list is a place.
 */
function placeByNeighbours(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  const prep = tokens[k - 1]?.low ?? '';
  if (t.possessive || /^[A-Z]+$/.test(t.text) || tokens[k - 2]?.cap) return false;
  const sep = tokens[k + 1]?.text;
  // "John Roe, 45, of Kilburn, north London", "a man from Sale, Greater Manchester": after "of" or
  // "from" only with the place that qualifies it.
  if (sep === ',' && (STATIC_BEFORE.has(prep) || ((prep === 'of' || prep === 'from') && tokens[k - 2]?.text === ','))) return placeAhead(tokens, k + 2);
  return sep === 'and' && STATIC_BEFORE.has(prep) && placeAhead(tokens, k + 2);
}

/** "Rupert and James Murdoch": the first name alone shares the surname that follows. */
function linkCoordinatedFirstNames(tokens: Token[], out: RawMention[]): void {
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k]!;
    const b = out[k + 1]!;
    if (a.category !== 'single' || b.category !== 'person') continue;
    if (b.first !== a.last + 2 || tokens[a.last + 1]?.text !== 'and') continue;
    if (!isGivenName(a.name)) continue;
    const surname = b.name.split(' ').slice(1).join(' ');
    if (!surname) continue;
    a.category = 'person';
    a.aliases = [a.name];
    a.name = `${a.name} ${surname}`;
  }
}
