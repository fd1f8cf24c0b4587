/**
 * Coarse part-of-speech tags and verb lemmas for the tokens of one sentence, from compromise's
 * lexicon and its verb conjugator plus the word before: a word that can be a noun or a verb
 * ("charges", "visit") is a verb after a subject, an auxiliary or "to", and a noun after a
 * determiner, an adjective, a number or a possessive. wink-nlp's tagger gives the same answers on
 * news clauses but costs about as much as the rest of the extractor, so it is not used here.
 */
import { compromiseModel as model, verbForms } from './compromise.js';
import type { Token } from './nlp.js';
import { lexiconTags, TITLE_WORDS } from './lexicons.js';
import { AUXILIARIES, CLAUSE_END, DETERMINERS, JOB_NOUNS, PREPOSITIONS, isAdverb } from './words.js';

const toInfinitive = verbForms.toInfinitive;

const pastCache = new Map<string, string>();

/** The past tense of a verb's lemma ("hold" -> "held", "collude" -> "colluded"): types of interactions are acts done. */
export function pastTense(lemma: string): string {
  let past = pastCache.get(lemma);
  if (past === undefined) {
    if (pastCache.size >= CLASS_CACHE_MAX) pastCache.clear();
    // A tagger's lemma may already be a past form ("left"): it stays as it is.
    const base = /^[a-z]+$/.test(lemma) && !lemma.endsWith('ed') ? toInfinitive(lemma, model, 'PastTense') : '';
    const already = base !== '' && base !== lemma && verbForms.conjugate(base, model).PastTense === lemma;
    past = /^[a-z]+$/.test(lemma) && !already ? verbForms.conjugate(lemma, model).PastTense || lemma : lemma;
    pastCache.set(lemma, past);
  }
  return past;
}

export interface Tags {
  /** Coarse tag of token k: VERB, AUX, NOUN, ADJ, ADV, DET, ADP, PART, PRON, PROPN, NUM, PUNCT. */
  pos: string[];
  /** The infinitive of token k when it may be a verb ("colluded" -> "collude"), else the word. */
  lemma: string[];
}

const CONJUNCTIONS = new Set(['and', 'or', 'but', 'nor']);
const SUBJECT_PRONOUNS = new Set(['who', 'he', 'she', 'they', 'it']);
/** Adverbs without "-ly" that stand between a subject and its verb: "also imposed", "still denies". */
const ADVERBS = new Set([
  'also',
  'still',
  'already',
  'just',
  'even',
  'then',
  'now',
  'again',
  'once',
  'later',
  'soon',
  'never',
  'often',
  'yet',
  'since',
  'ever',
  'reportedly',
]);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'him', 'her', 'them', 'us', 'me', 'who', 'whom', 'which', 'this']);
const VERB_TAGS = new Set(['Infinitive', 'PastTense', 'PresentTense', 'Gerund', 'Participle', 'Verb', 'PhrasalVerb']);
const NOUN_TAGS = new Set(['Noun', 'Singular', 'Plural', 'Actor', 'Uncountable', 'Person', 'Place', 'Organization']);

/** Endings of nouns and adjectives that are never verb forms. */
const NOUN_ENDINGS = /(y|ion|ment|ness|ity|ance|ence|ism|ist|ship|hood|al|ic|ous|ive|ful|less|ian|ery|ure|age)$/;

export interface WordClass {
  verb: boolean;
  noun: boolean;
  adjective: boolean;
  lemma: string;
}

/** Answers are cached by word form (bounded, as any text brings new words). */
const classCache = new Map<string, WordClass>();
const CLASS_CACHE_MAX = 50_000;

/** What a lowercase word can be, from the lexicon or, for words it lacks, from the ending. */
export function classOf(w: string): WordClass {
  const cached = classCache.get(w);
  if (cached) return cached;
  if (classCache.size >= CLASS_CACHE_MAX) classCache.clear();
  const tags = lexiconTags(w);
  let verb = tags.some((t) => VERB_TAGS.has(t));
  let noun = tags.some((t) => NOUN_TAGS.has(t));
  const adjective = tags.includes('Adjective');
  const tense = tags.find((t) => t === 'PastTense' || t === 'Participle' || t === 'Gerund' || t === 'PresentTense');
  let lemma = w;
  if (tags.length === 0 || (adjective && /ed$/.test(w))) {
    // "impeached", "arraigned", "received": an -ed or -ing form is a verb form.
    if (/(ed|ing)$/.test(w)) verb = true;
    else if (/[^s]s$/.test(w)) {
      // "appeals", "sanctions": a noun or a verb, the word before decides.
      verb = lexiconTags(w.slice(0, -1)).includes('Infinitive');
      noun = true;
    } else if (tags.length === 0) {
      // A word the lexicon lacks ("impeach", "contend"): either, the word before decides, unless
      // its ending makes it a noun ("scrutiny", "roadmap" stays ambiguous).
      noun = true;
      verb = !NOUN_ENDINGS.test(w);
    }
  }
  // "lost", "held": past forms the lexicon files as adjectives.
  if (!verb && adjective && toInfinitive(w, model, 'PastTense') !== w) verb = true;
  if (verb) lemma = toInfinitive(w, model, tense ?? (/ed$/.test(w) ? 'PastTense' : undefined)) || w;
  const out = { verb, noun, adjective, lemma };
  classCache.set(w, out);
  return out;
}

/** The word has a letter or digit (ASCII checked by code, other scripts taken as letters). */
function hasWordChar(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const ch = w.charCodeAt(i);
    if (ch >= 128 || (ch >= 48 && ch <= 57) || (ch >= 97 && ch <= 122) || (ch >= 65 && ch <= 90)) return true;
  }
  return false;
}

/** The run of proper nouns ending at k opens with "a", "an" or "the". */
function determinedName(pos: string[], k: number): boolean {
  while (k >= 0 && pos[k] === 'PROPN') k--;
  return k >= 0 && pos[k] === 'DET';
}

const tagged = new WeakMap<Token[], Tags>();
/** A sentence's tags, made once however many rules read them (callers never change them). */
export function tagsOf(toks: Token[], low?: string[]): Tags {
  let tags = tagged.get(toks);
  if (!tags) tagged.set(toks, (tags = tagSentence(toks, low)));
  return tags;
}

/** Tags for the tokens of one sentence; `low` holds their lowercase forms. */
export function tagSentence(toks: Token[], low: string[] = toks.map((t) => t.low)): Tags {
  const pos: string[] = [];
  const lemma: string[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k]!;
    const w = low[k]!;
    const prev = pos[k - 1] ?? '';
    let tag: string;
    let lem = w;
    const first = w.charCodeAt(0);
    if (!hasWordChar(w)) tag = 'PUNCT';
    else if (first >= 48 && first <= 57) tag = 'NUM';
    else if (CONJUNCTIONS.has(w)) tag = 'CCONJ';
    else if (ADVERBS.has(w)) tag = 'ADV';
    else if (AUXILIARIES.has(w)) tag = 'AUX';
    else if (w === 'to' || w === 'not' || w === "n't") tag = 'PART';
    else if (DETERMINERS.has(w)) tag = 'DET';
    else if (PRONOUNS.has(w)) tag = 'PRON';
    else if (PREPOSITIONS.has(w) || CLAUSE_END.has(w)) tag = 'ADP';
    else if (t.cap && (k > 0 || toks[k + 1]?.cap)) tag = 'PROPN';
    else if (isAdverb(w)) tag = 'ADV';
    else {
      const c = classOf(w);
      lem = c.verb ? c.lemma : w;
      if (prev === 'DET' || prev === 'ADJ' || prev === 'NUM' || toks[k - 1]?.possessive) {
        // "his appeals", "27 charges", "Trump's visit": a noun.
        tag = c.noun || !c.adjective ? 'NOUN' : 'ADJ';
        lem = w;
      } else if (prev === 'PART' && toks[k - 1]!.text === 'to' && !/s$/.test(w)) {
        // "to call on", "to impeach": after "to", a bare word is an infinitive.
        tag = 'VERB';
        lem = w;
      } else if (c.verb && !c.noun && !c.adjective) tag = 'VERB';
      // "who plays for X", "he works with Y": after a subject pronoun, a plural noun's form before a preposition is
      // the verb's third person (the lexicon files "plays" as a noun only).
      else if (!c.verb && c.noun && SUBJECT_PRONOUNS.has(low[k - 1] ?? '') && /[^s]s$/.test(w) && PREPOSITIONS.has(low[k + 1] ?? '')) {
        tag = 'VERB';
        lem = w.slice(0, -1);
      } else if (!c.verb) tag = c.noun || !c.adjective ? 'NOUN' : 'ADJ';
      // Both: the word before decides. After a name, pronoun, auxiliary, "to" or adverb: a verb.
      else if (/^(PROPN|PRON|AUX|PART|ADV)$/.test(prev) && !toks[k - 1]?.possessive) tag = 'VERB';
      // "Trippier, 29, joined Acme": after a name's age between commas, the verb of the name.
      else if (low[k - 1] === ',' && pos[k - 2] === 'NUM' && low[k - 3] === ',') tag = 'VERB';
      // "the court rejected": after a noun, a verb form that is no noun is the verb.
      else if (prev === 'NOUN' && !c.noun) tag = 'VERB';
      else tag = c.noun ? 'NOUN' : 'ADJ';
      // "a Milan judge", "the Tokyo court host": a job noun after a determined name is the name's head noun.
      // "Rovers midfielder Ann Lee": so is one between two names.
      if (tag === 'VERB' && prev === 'PROPN' && !t.cap && (JOB_NOUNS.has(w) || TITLE_WORDS.has(w)) && (determinedName(pos, k - 1) || toks[k + 1]?.cap))
        tag = 'NOUN';
      if (t.cap) tag = tag === 'VERB' ? 'VERB' : 'PROPN';
    }
    pos.push(tag);
    lemma.push(lem);
  }
  return { pos, lemma };
}
