/**
 * Clause helpers over the tokens of one sentence (no parser): who is the subject of a verb, what
 * its objects are, passives and their agents, appositions, coordination, pronouns and descriptions.
 */
import type { Token } from './nlp.js';
import type { Placed } from './aliases.js';
import {
  BODY_DESCRIPTIONS,
  CLAUSE_END,
  DETERMINERS,
  PLACE_DESCRIPTIONS,
  OBJECT_PRONOUNS,
  PASSIVE_AUX,
  PREPOSITIONS,
  QUOTES,
  JOB_NOUNS,
  PERSON_DESCRIPTIONS,
  SUBJECT_PRONOUNS,
  TIME_WORDS,
  VERB_PREFIX,
  isAdverb,
  KIND_DESCRIPTIONS,
} from './words.js';
import { BODY_GROUP_NOUNS, GROUP_NOUNS, GROUP_SIZES, bodyGroup, type Lists } from './groups.js';
import { OBJECT_PREPS, RELATION_NOUNS } from './vocabulary.js';
import { classOf } from './pos.js';
import { HONORIFICS, TITLE_WORDS } from './lexicons.js';

/** Lowercase words allowed inside a list of entities or before an object: "its former president, Dr. X". */
export const LIST_GLUE = new Set([
  ',',
  'and',
  'or',
  'both',
  'former',
  'then',
  'ex',
  'senior',
  'deputy',
  'top',
  'individual',
  'fellow',
  'two',
  'three',
  'several',
  'prominent',
  'other',
  'leader',
  'leaders',
  'minister',
  'president',
  'officials',
  'official',
  ...DETERMINERS,
]);

/** Token k is an adverb ("allegedly"), not a name that ends in -ly ("Kelly"). */
export const isAdverbAt = (c: Clause, k: number): boolean => !c.toks[k]!.cap && isAdverb(c.low[k]!);

/** Records one interaction; null endpoints are ignored. */
export type Add = (type: string, source: string | null, target: string | null) => void;

/** One sentence prepared for the rules: its tokens, lowercase words and which entity covers each token. */
export interface Clause {
  s: number;
  toks: Token[];
  low: string[];
  /** The mention covering token k, if any. */
  at: (Placed | undefined)[];
  ms: Placed[];
  /** Token k is inside quotation marks. */
  quoted: boolean[];
  /** A dash ("--", " - ", "—") stands right before token k; the tokenizer drops ASCII dashes. */
  dash: boolean[];
  /** Places that only qualify a title ("Ohio Governor X"): no endpoint of a verb, but they say whose office it is. */
  modifiers?: Placed[];
}

/** What earlier sentences tell about the ones after them (pronouns, "the president", denials). */
export interface Memory {
  /** The last person who was the subject of a sentence: "he"/"she" stand for them. */
  lastPerson: string | null;
  /** Title word -> the last person named with it: "the president" is President Trump. */
  titled: Map<string, string>;
  /** Relation noun -> its owner, from "Trump's lawyer": "the lawyer, Michael Cohen" later. */
  owners: Map<string, string>;
  /** The last one who accused someone: a denial with no named target answers them. */
  lastAccuser: string | null;
  /** The last case brought: who sued or charged someone, and which act it was ("the defendants are …" later). */
  lastCase?: { type: string; source: string } | null;
  /** The last company a legal act or accusation fell on: "the company" later. */
  accusedCompany?: string | null;
  lastCompany: string | null;
  /** The body that opened the sentence before as its subject: a leading "It" stands for it. */
  lastBody?: string | null;
  /** The last subject made of two or more entities: "they", "the two", "the duo" stand for it. */
  lastGroup: string[];
  /** The last entities listed together, by kind: "the two companies", "both countries", "the two sides". */
  lists: Lists;
  /** What the story called a body when it named it ("the housing charity Haven"): "the club" is not it. */
  descriptors?: Map<string, string>;
  /** Entities in order of mention, most recent last: "the court", "the party" stand for the last fitting one. */
  recent: Placed[];
}

export function prepare(s: number, toks: Token[], placed: Placed[], text = '', offset = 0): Clause {
  // A plural acronym ("MPs", "CEOs") is a description of people, never the institution it abbreviates.
  const ms = placed.filter((m) => !(m.first === m.last && /^[A-Z]{2,}s$/.test(toks[m.first]?.text ?? ''))).sort((a, b) => a.first - b.first);
  const at: (Placed | undefined)[] = new Array(toks.length);
  for (const m of ms) for (let k = m.first; k <= m.last; k++) at[k] = m;
  const quoted: boolean[] = [];
  let open = false;
  for (const t of toks) {
    if (t.text === '“' || (t.text === '"' && !open)) open = true;
    else if (t.text === '”' || t.text === '"') open = false;
    quoted.push(open);
  }
  return { s, toks, low: toks.map((t) => t.low), at, ms, quoted, dash: dashes(toks, text, offset) };
}

const DASH_GAP = /(^|\s)(--?|—|–)(\s|$)/;
const DASH_ANYWHERE = /\s-|-\s|—|–/;

/** Which tokens follow a dash: a dash token ("—") or ASCII dashes dropped between two tokens. */
function dashes(toks: Token[], text: string, offset: number): boolean[] {
  // Most sentences have none; their flags stay undefined (false).
  if (!DASH_ANYWHERE.test(text)) return [];
  const out = new Array<boolean>(toks.length).fill(false);
  for (let k = 1; k < toks.length; k++) {
    const w = toks[k - 1]!.text;
    if (w === '—' || w === '–') out[k] = true;
    else if (toks[k]!.start - toks[k - 1]!.end >= 2) out[k] = DASH_GAP.test(text.slice(toks[k - 1]!.end - offset, toks[k]!.start - offset));
  }
  return out;
}

export const isDashToken = (w: string): boolean => w === '—' || w === '–';

/**
 * "X -- the country's regulator -- has charged Y": the verb at v follows a dashed apposition; the
 * head is the entity right before the opening dash.
 */
function dashedSubject(c: Clause, close: number): string[] {
  for (let j = close - 1; j > 0 && close - j <= 20; j--) {
    if (c.low[j] === ';' || c.low[j] === '.') return [];
    if (!c.dash[j]) continue;
    const head = endingAt(c, isDashToken(c.low[j - 1]!) ? j - 2 : j - 1);
    return head && !head.possessive && !inPrepPhrase(c, head) ? [...coordinatedBefore(c, head), head.entity.name] : [];
  }
  return [];
}

export const personOf = (name: string, c: Clause): boolean => c.ms.some((m) => m.entity.name === name && m.entity.category === 'person');

/** The mention ending at k, if k is the last token of one. */
export const endingAt = (c: Clause, k: number): Placed | undefined => (c.at[k]?.last === k ? c.at[k] : undefined);
export const startingAt = (c: Clause, k: number): Placed | undefined => (c.at[k]?.first === k ? c.at[k] : undefined);

/** A mention inside a prepositional phrase ("ally of Russian President X", "from the United Kingdom"). */
export function inPrepPhrase(c: Clause, m: Placed): boolean {
  for (let k = m.first - 1, n = 0; k >= 0 && n < 4; k--, n++) {
    const w = c.low[k]!;
    // "Secretary of State Antony Blinken": an "of" inside a capitalised title is part of the title.
    if (w === 'of' && c.toks[k - 1]?.cap && !c.at[k - 1]) continue;
    if (PREPOSITIONS.has(w)) return true;
    if (c.at[k]?.possessive || DETERMINERS.has(w) || (c.toks[k]!.cap && !c.at[k])) continue;
    return false;
  }
  return false;
}

/** Sentence-level state: "President Trump" makes "the president" mean Trump from here on. */
export function rememberTitles(c: Clause, mem: Memory): void {
  noteTitles(c.s, c.toks, c.ms, (k) => c.at[k] !== undefined, mem.titled);
}

const TIME_OF_OFFICE = new Set(['former', 'then', 'ex', 'acting', 'interim', 'outgoing', 'incoming', 'late']);
/** Other words for the same office: "Prime Minister X … the premier", "CEO X … the chief executive". */
const SAME_OFFICE: Record<string, string[]> = {
  'prime minister': ['premier'],
  premier: ['prime minister'],
  'foreign minister': ['diplomat'],
  'foreign secretary': ['diplomat'],
  ceo: ['executive', 'chief executive'],
  'chief executive': ['ceo'],
  cfo: ['financial officer'],
  'financial officer': ['cfo'],
};

/**
 * The titles this sentence gives its people, into `titled` (title word, and its last two words, ->
 * person): capitalised title words before a name ("Prime Minister X"), a lowercase job noun
 * ("cyclist X"), and the roles read from appositions ("X, the chief executive of Y").
 */
export function noteTitles(s: number, toks: Token[], ms: readonly Placed[], inName: (k: number) => boolean, titled: Map<string, string>): void {
  for (const m of ms) {
    if (m.entity.category !== 'person') continue;
    // "President X", "former foreign minister X", "cyclist X", "team defender X": capitalised title
    // words, and lowercase titles or job nouns, right before the name.
    const initials: string[] = [];
    for (let k = m.first - 1; k >= 0 && k >= m.first - 6 && !inName(k); k--) {
      const w = toks[k]!.low;
      // "Director of Public Prosecutions X": an "of" between capitalised title words.
      if (w === 'of' && toks[k - 1]?.cap && toks[k + 1]?.cap) continue;
      if (!toks[k]!.cap && !TITLE_WORDS.has(w) && !JOB_NOUNS.has(w) && !PERSON_DESCRIPTIONS.has(w) && !TIME_OF_OFFICE.has(w)) break;
      // "former" or "acting" belongs to every title: it tells no one apart.
      if (TIME_OF_OFFICE.has(w)) continue;
      if (toks[k]!.cap && !HONORIFICS.has(w.replace(/\.$/, ''))) initials.unshift(w[0]!);
      setTitle(titled, w, m.entity.name);
      // "the prime minister" is told apart from "the foreign minister" by the two words together.
      if (k + 1 < m.first) setTitle(titled, `${w} ${toks[k + 1]!.low}`, m.entity.name);
    }
    // "the DPP" for the Director of Public Prosecutions named before.
    if (initials.length >= 3) titled.set(initials.join(''), m.entity.name);
    // "Moldova's pro-European president, Maia Sandu,", "the club's chairman, X": a title set off by a comma before the name.
    const head = toks[m.first - 2]?.low ?? '';
    if (toks[m.first - 1]?.text === ',' && !inName(m.first - 2) && (TITLE_WORDS.has(head) || JOB_NOUNS.has(head))) {
      setTitle(titled, head, m.entity.name);
      const before = toks[m.first - 3];
      if (
        before &&
        !before.cap &&
        (TITLE_WORDS.has(before.low) || /^(?:foreign|prime|finance|interior|defence|defense|justice|chief|deputy|vice)$/.test(before.low))
      )
        setTitle(titled, `${before.low} ${head}`, m.entity.name);
    }
    for (const r of m.entity.roles) {
      if (r.sentence !== s) continue;
      const words = r.title.toLowerCase().split(' ');
      setTitle(titled, words.at(-1)!, m.entity.name);
      if (words.length > 1) setTitle(titled, words.slice(-2).join(' '), m.entity.name);
    }
  }
}

function setTitle(titled: Map<string, string>, title: string, name: string): void {
  titled.set(title, name);
  for (const other of SAME_OFFICE[title] ?? []) titled.set(other, name);
}

/**
 * "the president" / "the lawyer" at k..k+1 -> the person last named with that title; "the rider",
 * "the suspect" -> the person the story was last about.
 */
export function definiteRef(c: Clause, mem: Memory, k: number): string | null {
  if (c.low[k - 1] !== 'the') return modifiedBodyRef(c, mem, k);
  // "the Court of Arbitration for Sport": the word opens a name, which is no description.
  if (c.at[k]) return null;
  const w = c.low[k]!;
  return mem.titled.get(w) ?? describedEntity(c, mem, k) ?? (PERSON_DESCRIPTIONS.has(w) && !c.toks[k]!.cap && !c.at[k] ? lastPersonBefore(c, mem, k) : null);
}

/**
 * "the banking regulator", "the state-owned bank", "the Swiss bank": a body's description with one or
 * two modifiers after "the" stands for the last body it fits, as the bare description does.
 */
function modifiedBodyRef(c: Clause, mem: Memory, k: number): string | null {
  const w = c.low[k]!;
  if (c.toks[k]!.cap || c.at[k] || (!BODY_DESCRIPTIONS.has(w) && KIND_DESCRIPTIONS[w] === undefined)) return null;
  for (let j = k - 1; j >= k - 2 && j > 0; j--) {
    const m = c.low[j]!;
    if (c.at[j] || c.toks[j]!.possessive || !/^[a-z-]+$/.test(m) || PREPOSITIONS.has(m) || DETERMINERS.has(m) || VERB_PREFIX.has(m) || CLAUSE_END.has(m))
      return null;
    if (c.low[j - 1] === 'the') return describedEntity(c, mem, k);
  }
  return null;
}

/** The person earlier sentences were about, else the last person named before k in this one. */
function lastPersonBefore(c: Clause, mem: Memory, k: number): string | null {
  return mem.lastPerson ?? c.ms.filter((m) => m.last < k && m.entity.category === 'person' && !m.possessive).at(-1)?.entity.name ?? null;
}

/**
 * "the court", "the ministry", "the company", "the country": the last entity named before k (in
 * this sentence or earlier) whose name holds that noun or whose kind it names, or the last place
 * for "the country". Only nouns that head names of bodies; "the president" is a title and goes
 * through `mem.titled`.
 */
export function describedEntity(c: Clause, mem: Memory, k: number): string | null {
  const noun = c.low[k]!;
  const kind = KIND_DESCRIPTIONS[noun];
  const fits = (m: Placed): boolean => {
    if (PLACE_DESCRIPTIONS.has(noun)) return m.entity.category === 'place';
    if (m.entity.category !== 'institution') return false;
    // A body introduced as "the charity X" is no "club", though both are of kind "other".
    const called = mem.descriptors?.get(m.entity.name);
    if (called && called !== noun && !(kind !== undefined && KIND_DESCRIPTIONS[called] === kind)) return false;
    // "the company" is the last company, "the paper" the last outlet, "the bureau" a name holding "bureau".
    return (
      (kind !== undefined && m.entity.kind !== undefined && kind.split('|').includes(m.entity.kind)) || m.entity.name.toLowerCase().split(' ').includes(noun)
    );
  };
  if (!PLACE_DESCRIPTIONS.has(noun) && !BODY_DESCRIPTIONS.has(noun) && !kind) return null;
  // Not the body that opens the sentence when the description comes later in it: "X alleged that the
  // company …", "X opened an investigation into the company" speak of another.
  const opener = c.ms[0];
  const here = c.ms.filter((m) => m.last < k - 1 && fits(m) && !(m === opener && m.first <= 2 && k > m.last + 3)).at(-1);
  if (here) return here.entity.name;
  // Once a company was accused, "the company" after is most often that one.
  if (kind?.split('|').includes('company') && mem.accusedCompany) return mem.accusedCompany;
  for (let i = mem.recent.length - 1; i >= 0; i--) if (fits(mem.recent[i]!)) return mem.recent[i]!.entity.name;
  return null;
}

/** Verbs that make a leading "it" an empty subject: "it is believed", "it emerged", "it seems". */
const EXPLETIVE_VERBS = new Set([
  'be',
  'seem',
  'appear',
  'emerge',
  'remain',
  'become',
  'take',
  'mean',
  'believe',
  'understand',
  'expect',
  'say',
  'report',
  'think',
  'know',
  'matter',
  'happen',
]);

/**
 * "they", "the two", "the suspects", "both men", "the three defendants": the group named just before
 * (the last joint subject, or people listed together). A number must fit the group's size.
 */
export function groupRef(c: Clause, mem: Memory, k: number): string[] {
  const w = c.low[k]!;
  const body = BODY_GROUP_NOUNS[w] !== undefined;
  const group = body ? bodyGroup(w, mem.lists) : mem.lastGroup;
  if (group.length < 2) return [];
  if (w === 'they' || w === 'them' || w === 'their' || w === 'both') return group;
  if (c.toks[k]!.cap || c.at[k]) return [];
  const before = c.low[k - 1] ?? '';
  let size: number | undefined;
  if (GROUP_NOUNS.has(w) || body) {
    const counted = GROUP_SIZES[before] !== undefined && (before === 'both' || c.low[k - 2] === 'the');
    if (before !== 'the' && before !== 'both' && !counted) return [];
    size = counted ? GROUP_SIZES[before] : GROUP_SIZES[w];
  } else if (GROUP_SIZES[w] !== undefined && before === 'the') size = GROUP_SIZES[w];
  else return [];
  return size === undefined || size === group.length ? group : [];
}

/** The person the sentence is about: a leading "He" is the last subject, else the first free person. */
export function mainSubject(c: Clause, mem: Memory): string | null {
  if (SUBJECT_PRONOUNS.has(c.low[0] ?? '')) return mem.lastPerson;
  return firstFreePerson(c);
}

/** The first person in the sentence outside prepositional phrases, possessives and quotes. */
export function firstFreePerson(c: Clause): string | null {
  const m = c.ms.find((x) => x.entity.category === 'person' && !x.possessive && !c.quoted[x.first] && !inPrepPhrase(c, x));
  return m ? m.entity.name : null;
}

/** The entity heading the clause that ends just before token v, with entities coordinated with it. */
export function subjectOf(c: Clause, mem: Memory, v: number): string[] {
  let k = v - 1;
  while (k >= 0 && (VERB_PREFIX.has(c.low[k]!) || isAdverbAt(c, k) || QUOTES.has(c.low[k]!) || inTimePhrase(c, k))) k--;
  if (k < 0) return [];
  if (c.dash[k + 1] && !c.at[k]) return dashedSubject(c, k + 1);
  const w = c.low[k]!;
  if (SUBJECT_PRONOUNS.has(w)) {
    if (c.quoted[k]) return []; // "he" inside a quote is someone the speaker talks about
    const earlier = c.ms.filter((m) => m.last < k && m.entity.category === 'person' && !m.possessive && !inPrepPhrase(c, m)).at(-1);
    const ref = earlier?.entity.name ?? titledBefore(c, mem, k) ?? mem.lastPerson;
    return ref ? [ref] : [];
  }
  if (w === 'it' || w === 'they') {
    const inst = c.ms.filter((m) => m.last < k && m.entity.category !== 'person' && !m.possessive && !inPrepPhrase(c, m)).at(-1);
    if (inst) return [inst.entity.name];
    // "It fined the bank": a sentence-initial "it" before an act stands for the body the last
    // sentence was about; "it is unclear", "it emerged" are no one.
    // A passive "it" is more often a thing ("It was sent to …").
    if (w === 'it' && k === 0 && mem.lastBody && !EXPLETIVE_VERBS.has(classOf(c.low[v] ?? '').lemma) && !isPassive(c, v)) return [mem.lastBody];
    return w === 'they' && !c.quoted[k] ? groupRef(c, mem, k) : [];
  }
  const group = w === 'they' ? [] : groupRef(c, mem, k);
  if (group.length > 0 && (w !== 'both' || k === 0)) return group;
  const ref = definiteRef(c, mem, k);
  if (ref) return [ref];
  if ((w === 'who' || w === 'which') && c.low[k - 1] === ',') {
    // "Iswaran, who was arrested by …": the relative clause's subject is the name before it.
    const antecedent = endingAt(c, k - 2);
    // "testimony on Capitol Hill, which raised …": a place after a preposition is not what "which" stands for.
    if (w === 'which' && antecedent?.entity.category === 'place' && inPrepPhrase(c, antecedent)) return [];
    return antecedent && !antecedent.possessive ? [antecedent.entity.name] : [];
  }
  // "Moussa Faki who heads the Commission": a restrictive "who" right after a person's name.
  if (w === 'who') {
    const antecedent = endingAt(c, k - 1);
    return antecedent && !antecedent.possessive && antecedent.entity.category === 'person' ? [antecedent.entity.name] : [];
  }
  if (w === ',' || w === ')') return appositionSubject(c, mem, k);
  const m = endingAt(c, k);
  if (!m) return ownedDescriptionSubject(c, k);
  if (m.possessive || inPrepPhrase(c, m)) return [];
  const before = coordinatedBefore(c, m);
  const pronoun = before.length === 0 ? pronounJoinedBefore(c, mem, m) : null;
  return pronoun && pronoun !== m.entity.name ? [pronoun, m.entity.name] : [...before, m.entity.name];
}

/**
 * "Today he and suspended police commissioner, X were charged": a subject pronoun joined to the
 * name by "and" (past its title) is the person the story is about, and the two act together.
 */
function pronounJoinedBefore(c: Clause, mem: Memory, m: Placed): string | null {
  for (let j = m.first - 1; j >= 1 && j >= m.first - 6; j--) {
    const w = c.low[j]!;
    if (w === 'and') {
      const p = c.low[j - 1]!;
      if ((p !== 'he' && p !== 'she') || c.quoted[j - 1]) return null;
      const earlier = c.ms.filter((x) => x.last < j - 1 && x.entity.category === 'person' && !x.possessive && !inPrepPhrase(c, x)).at(-1);
      return earlier?.entity.name ?? mem.lastPerson;
    }
    if (c.at[j] || !/^([a-z-]+|,)$/.test(w) || PREPOSITIONS.has(w) || CLAUSE_END.has(w)) return null;
  }
  return null;
}

/** "Purdue Pharma and its former directors deny": the named entity heads a subject its description is joined to. */
export function ownedDescriptionSubject(c: Clause, k: number): string[] {
  for (let j = k; j >= 1 && j >= k - 5; j--) {
    const w = c.low[j]!;
    if (c.at[j] || CLAUSE_END.has(w) || PREPOSITIONS.has(w)) return [];
    if (w === 'and' && /^(its|their)$/.test(c.low[j + 1] ?? '')) {
      const m = endingAt(c, j - 1);
      return m && !m.possessive && !inPrepPhrase(c, m) ? [m.entity.name] : [];
    }
  }
  return [];
}

/** "X on Friday fined Y", "X late Thursday charged Y": a time phrase between a subject and its verb. */
const inTimePhrase = (c: Clause, k: number): boolean =>
  !c.at[k] && (TIME_WORDS.has(c.low[k]!) || ((c.low[k] === 'on' || c.low[k] === 'late') && TIME_WORDS.has(c.low[k + 1] ?? '')));

/** "the president" somewhere before k in this sentence. */
export function titledBefore(c: Clause, mem: Memory, k: number): string | null {
  for (let j = k - 1; j > 0; j--) {
    const ref = definiteRef(c, mem, j);
    if (ref) return ref;
  }
  return null;
}

/**
 * The verb follows a comma: step back over an apposition or relative clause to the head before it.
 * "X, who was arrested …, arrived", "X, the deputy governor of Y, funneled", "the lawyer, X, denied".
 */
export function appositionSubject(c: Clause, mem: Memory, comma: number): string[] {
  let open = comma - 1;
  let depth = c.low[comma] === ')' ? 1 : 0;
  for (; open >= 0 && comma - open <= 30; open--) {
    const w = c.low[open]!;
    if (w === ')') depth++;
    if (w === '(' && depth > 0) {
      depth--;
      if (depth === 0) break;
    }
    if (depth === 0 && (w === ',' || w === '(')) break;
    if (depth === 0 && (w === ';' || w === '.')) return [];
  }
  if (open < 1) return [];
  // The segment between the commas is itself the name: "the lawyer, Michael Cohen, denied".
  const inner = startingAt(c, open + 1);
  // Not when it names what a prepositional phrase describes: "in the capital, Quito, to arrest X".
  if (inner && inner.last === comma - 1) return describedInPrepPhrase(c, open) ? [] : [...coordinatedBefore(c, inner), inner.entity.name];
  // "Nijjar, 45, a supporter of …, was": an age between commas is stepped over too.
  const ageComma = /^\d+$/.test(c.low[open - 1] ?? '') && c.low[open - 2] === ',' ? open - 2 : open;
  const head = endingAt(c, ageComma - 1);
  if (head && !head.possessive && !inPrepPhrase(c, head)) return [...coordinatedBefore(c, head), head.entity.name];
  if (c.low[open] === '(') return subjectOf(c, mem, open);
  return [];
}

/** The words before the comma at k are a description inside a prepositional phrase ("in the capital,"). */
function describedInPrepPhrase(c: Clause, k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 4; j--) {
    const w = c.low[j]!;
    if (c.at[j] || c.toks[j]!.cap) return false;
    if (PREPOSITIONS.has(w)) return true;
  }
  return false;
}

/** Entities listed before m with "and" or commas: "Both A and the lawyer, B", "Rupert Murdoch and his son James". */
export function coordinatedBefore(c: Clause, m: Placed): string[] {
  const out: string[] = [];
  let k = m.first - 1;
  // "the Prudential Regulation Authority (PRA)": the list goes on before the name the acronym repeats.
  const outer = c.low[k] === '(' && c.low[m.last + 1] === ')' ? endingAt(c, k - 1) : undefined;
  if (outer) k = outer.first - 1;
  while (k >= 0) {
    let j = k;
    let joined = false;
    while (
      j >= 0 &&
      j > k - 5 &&
      !c.at[j] &&
      (LIST_GLUE.has(c.low[j]!) ||
        RELATION_NOUNS[c.low[j]!] ||
        c.toks[j]!.cap ||
        /\d/.test(c.low[j]!) ||
        // "A (ACR) and B": the bracket around an acronym that names A
        (c.low[j] === ')' && c.low[j - 2] === '(' && !!c.at[j - 1]) ||
        isDescriptionWord(c.low[j]!, joined))
    ) {
      if (c.low[j] === 'and' || c.low[j] === ',') joined = true;
      j--;
    }
    const prev = j >= 0 ? endingAt(c, j) : undefined;
    if (!joined || !prev || prev.possessive || inPrepPhrase(c, prev)) break;
    out.unshift(prev.entity.name);
    k = prev.first - 1;
  }
  return out;
}

/** "A and opposition leader B": before the "and" is reached, a plain lowercase noun may describe B. */
function isDescriptionWord(w: string, joined: boolean): boolean {
  return !joined && /^[a-z]{3,}$/.test(w) && !/(ed|ing|ly)$/.test(w) && !PREPOSITIONS.has(w) && !CLAUSE_END.has(w) && !VERB_PREFIX.has(w);
}

/** "of" between capitalised title words: "Minister of Public Security". */
export const isTitleOf = (c: Clause, j: number): boolean => c.low[j] === 'of' && !!c.toks[j - 1]?.cap && !!c.toks[j + 1]?.cap;

/** Entities listed after m: "A, B, and C", "Purdue and its former president, Dr. Richard Sackler". */
/** Words of "and two of its executives, A and B" between list items: a count, "of" after it, and the owner's pronoun. */
const LIST_COUNTS = /^(one|two|three|four|five|six|several|some)$/;
function partOfList(c: Clause, j: number): boolean {
  const w = c.low[j]!;
  if (w === 'of') return LIST_COUNTS.test(c.low[j - 1] ?? '');
  if (/^(its|his|her|their)$/.test(w)) return c.low[j - 1] === 'of' && LIST_COUNTS.test(c.low[j - 2] ?? '');
  return LIST_COUNTS.test(w);
}

export function coordinatedAfter(c: Clause, m: Placed): Placed[] {
  const out: Placed[] = [];
  let k = m.last + 1;
  while (k < c.toks.length) {
    let j = k;
    let joined = false;
    let reach = 6;
    while (
      j < c.toks.length &&
      j < k + reach &&
      !c.at[j] &&
      (LIST_GLUE.has(c.low[j]!) ||
        RELATION_NOUNS[c.low[j]!] ||
        /\d/.test(c.low[j]!) ||
        c.toks[j]!.cap ||
        isTitleOf(c, j) ||
        // "Acme and two of its former executives, A and B": a counted part of the one before.
        (joined && partOfList(c, j)))
    ) {
      if (c.low[j] === 'and' || c.low[j] === ',') joined = true;
      if (c.low[j] === 'of') reach = 10; // only after a count: see partOfList
      j++;
    }
    // "A, as well as B": a list goes on after "as well as".
    if (c.low[j] === 'as' && c.low[j + 1] === 'well' && c.low[j + 2] === 'as') {
      joined = true;
      j += 3;
    }
    // "and former human resources vice president B", "as well as Acme's former finance chief B": a title
    // of any words, or a body's title, before the next name.
    const next = joined ? (titledPersonAt(c, j) ?? startingAt(c, j)) : undefined;
    if (!next || next.possessive) break;
    out.push(next);
    k = next.last + 1;
  }
  return out;
}

/**
 * The person named after a title phrase that starts at k: plain lowercase words with a title or job
 * noun among them ("former human resources vice president X", "former reporting officer, X"), after
 * a body's possessive if any ("Acme's former chief financial officer X"). Undefined when k starts no
 * such phrase.
 */
export function titledPersonAt(c: Clause, k: number): Placed | undefined {
  let j = k;
  const owner = startingAt(c, j);
  if (owner) {
    if (!owner.possessive || owner.entity.category !== 'institution') return undefined;
    j = owner.last + 1;
  }
  let title = false;
  for (const start = j; j < c.toks.length && j <= start + 6; j++) {
    const m = startingAt(c, j);
    if (m) return title && m.entity.category === 'person' && !m.possessive ? m : undefined;
    const w = c.low[j]!;
    // "the bank's former reporting officer, X": the name may follow the title after a comma.
    if (w === ',' && title && startingAt(c, j + 1)) continue;
    // A determiner inside ("and banned its manager, X") starts another phrase: a verb's object, no title.
    if (
      c.toks[j]!.cap ||
      !/^[a-z-]+$/.test(w) ||
      PREPOSITIONS.has(w) ||
      CLAUSE_END.has(w) ||
      VERB_PREFIX.has(w) ||
      DETERMINERS.has(w) ||
      /^(and|or|his|her|its|their)$/.test(w)
    )
      return undefined;
    if (TITLE_WORDS.has(w) || JOB_NOUNS.has(w) || RELATION_NOUNS[w] || PERSON_DESCRIPTIONS.has(w)) title = true;
  }
  return undefined;
}

/** The first entity from k on, past titles, determiners and numbers; possessives modify a noun, so they stop it. */
export function entityFrom(c: Clause, k: number, slack: number): Placed | undefined {
  for (let j = k; j < c.toks.length && j <= k + slack; j++) {
    const m = startingAt(c, j);
    if (m) return m.possessive ? undefined : m;
    const w = c.low[j]!;
    if (CLAUSE_END.has(w) || (PREPOSITIONS.has(w) && j > k)) return undefined;
    if (!(DETERMINERS.has(w) || LIST_GLUE.has(w) || c.toks[j]!.cap || /\d/.test(w) || j - k < slack)) return undefined;
  }
  return undefined;
}

/** The word at k is a lowercase noun that a name before it modifies ("a European Union state"). */
export function beforeNoun(c: Clause, k: number): boolean {
  const w = c.low[k];
  if (w === undefined || c.toks[k]!.cap || !/^[a-z]+$/.test(w) || PREPOSITIONS.has(w) || CLAUSE_END.has(w) || DETERMINERS.has(w) || w === 'and' || w === 'or')
    return false;
  if (TIME_WORDS.has(w) || isAdverb(w)) return false;
  // A verb after "leader of X" agrees with "leader": "sues", "said", "is seeking"; a bare form is a noun.
  const word = classOf(w);
  // A bare form is a noun ("a member state"); an inflected verb-only form ("sues", "said") is the verb.
  return !/(ed|ing)$/.test(w) && !(word.verb && !word.noun && (/s$/.test(w) || word.lemma !== w)) && !VERB_PREFIX.has(w);
}

/** "its manager, X", "his lawyer X": a possessive pronoun at k, a job or relation noun, then the person holding it. */
export function namedHolderAfter(c: Clause, k: number): Placed | undefined {
  if (!/^(its|his|her|their)$/.test(c.low[k] ?? '')) return undefined;
  let title = false;
  for (let j = k + 1; j < c.toks.length && j <= k + 4; j++) {
    const w = c.low[j]!;
    if (w === ',' && title) continue;
    const m = startingAt(c, j);
    if (m) return title && m.entity.category === 'person' && !m.possessive ? m : undefined;
    if (c.toks[j]!.cap || !/^[a-z-]+$/.test(w)) return undefined;
    if (JOB_NOUNS.has(w) || RELATION_NOUNS[w] || TITLE_WORDS.has(w)) title = true;
    else if (title || !/^(former|then|new|longtime|own|chief|top|senior)$/.test(w)) return undefined;
  }
  return undefined;
}

/** Lowercase words from k on name a person's job, or lead to a person: "banker", "website editor Y". */
export function qualifiesHolder(c: Clause, k: number): boolean {
  let title = false;
  for (let j = k; j < c.toks.length && j < k + 4; j++) {
    const m = startingAt(c, j);
    if (m) return m.entity.category === 'person';
    const w = c.low[j]!;
    if (c.toks[j]!.cap || !/^[a-z-]+$/.test(w) || !beforeNoun(c, j)) break;
    // "Pakistan players A and B": a plural title too.
    if (JOB_NOUNS.has(w) || RELATION_NOUNS[w] || TITLE_WORDS.has(w) || GROUP_NOUNS.has(w)) title = true;
  }
  return title;
}

/** The object pronoun "him"/"her": the last person before it in the sentence who is not the subject, else the last subject. */
export function objectPronoun(c: Clause, mem: Memory, k: number, subjects: string[]): string | null {
  const main = mainSubject(c, mem);
  if (main && !subjects.includes(main)) return main;
  const earlier = c.ms.filter((m) => m.last < k && m.entity.category === 'person' && !subjects.includes(m.entity.name)).at(-1);
  if (earlier) return earlier.entity.name;
  return mem.lastPerson && !subjects.includes(mem.lastPerson) ? mem.lastPerson : null;
}

/**
 * The objects of the verb at v: a direct object, "with"/"to"/"from" objects the type takes,
 * and entities listed after "including" / "such as" when the object is a description.
 */
export function objectsOf(c: Clause, mem: Memory, v: number, type: string, subjects: string[]): string[] {
  const preps = OBJECT_PREPS[type] ?? [];
  const n = c.toks.length;
  // After a possessor ("Trump's lawyer", "the bank's former auditor") the object is the one it
  // describes, who may be named next in an apposition: "fined the bank's former auditor, X, …".
  let owned = false;
  for (let k = v + 1; k < n && k <= v + 12; k++) {
    const w = c.low[k]!;
    // "banned its manager, X": the one the possessed title names.
    const holder = k <= v + 2 ? namedHolderAfter(c, k) : undefined;
    if (holder) return [holder, ...coordinatedAfter(c, holder)].map((x) => x.entity.name);
    if (OBJECT_PRONOUNS.has(w) && k <= v + 2) {
      const ref = objectPronoun(c, mem, k, subjects);
      return ref ? [ref] : [];
    }
    // "charged them", "arrested the two men": the group named before, less the subjects.
    const group = k <= v + 3 ? groupRef(c, mem, k) : [];
    if (group.length > 0 && w !== 'they') return group.filter((x) => !subjects.includes(x));
    if (w === ',' && owned) {
      const named = startingAt(c, k + 1);
      return named && named.entity.category === 'person' ? [named, ...coordinatedAfter(c, named)].map((x) => x.entity.name) : [];
    }
    const ref = definiteRef(c, mem, k);
    if (ref && k <= v + 2) {
      if (!c.toks[k]!.possessive) return [ref];
      owned = true;
      continue;
    }
    const m = startingAt(c, k);
    if (m) {
      if (m.possessive) {
        owned = true;
        k = m.last;
        continue;
      } // "Trump's lawyer": the object is the lawyer
      // "fined Acme banker X", "sued Acme website editor Y": a name that qualifies a person's title is not
      // the object; one that qualifies a thing stands for its owner ("called the U.S. announcement …").
      if (qualifiesHolder(c, m.last + 1)) {
        k = m.last;
        continue;
      }
      return [m, ...coordinatedAfter(c, m)].map((x) => x.entity.name);
    }
    if (w === 'including' || (w === 'such' && c.low[k + 1] === 'as')) {
      const first = entityFrom(c, w === 'such' ? k + 2 : k + 1, 4);
      return first ? [first, ...coordinatedAfter(c, first)].map((x) => x.entity.name) : [];
    }
    if (preps.includes(w)) {
      const first = entityFrom(c, k + 1, 3);
      if (first) return [first, ...coordinatedAfter(c, first)].map((x) => x.entity.name);
      continue;
    }
    // "charged three players — A, B and C — with …": a dash that opens a list of names.
    if (isDashToken(w) && startingAt(c, k + 1)) continue;
    if (CLAUSE_END.has(w) || PREPOSITIONS.has(w) || QUOTES.has(w)) return [];
  }
  return [];
}

/** A word form is a verb here, not a noun: nouns follow determiners ("the meeting", "27 charges"). */
export function isVerbAt(c: Clause, v: number, lemma: string): boolean {
  const tok = c.toks[v]!;
  if (c.at[v] || (tok.cap && v > 0)) return false;
  const prev = c.low[v - 1] ?? '';
  if (DETERMINERS.has(prev) || /\d/.test(prev) || c.toks[v - 1]?.possessive) return false;
  const w = c.low[v]!;
  if (w === lemma || w === `${lemma}s` || w === `${lemma}es`) {
    // Bare and -s forms are also nouns ("sanctions", "the charge"); trust them after a subject or an auxiliary.
    let k = v - 1;
    while (k >= 0 && (isAdverbAt(c, k) || QUOTES.has(c.low[k]!))) k--;
    const p = c.low[k] ?? '';
    // A bare form after a plural noun has that noun as its subject: "its former directors deny".
    const afterPlural = w === lemma && /[a-z]s$/.test(p) && !VERB_PREFIX.has(p);
    // "Acme host Ann Lee": a job noun between a body and a person is a title, not a verb.
    if (k === v - 1 && JOB_NOUNS.has(w) && startingAt(c, v + 1)?.entity.category === 'person' && endingAt(c, k)?.entity.category === 'institution')
      return false;
    // "X, who heads Y": a relative pronoun is a subject too.
    return afterPlural || VERB_PREFIX.has(p) || SUBJECT_PRONOUNS.has(p) || !!endingAt(c, k) || /^(it|they|who|which)$/.test(p);
  }
  return true;
}

/** A past participle: "-ed", "-en", "-t", or an irregular form whose lemma differs ("found", "held"). */
function isParticiple(w: string): boolean {
  if (/(ed|en|t)$/.test(w)) return true;
  if (/(ing|s)$/.test(w)) return false;
  const word = classOf(w);
  return word.verb && word.lemma !== w;
}

/** "was arrested", "is assisted", "were charged": a participle after a form of "be". */
export function isPassive(c: Clause, v: number): boolean {
  if (!isParticiple(c.low[v]!)) return false;
  // "X accused of embezzling", "X charged with fraud": a headline's passive, with no object between.
  if (/ed$/.test(c.low[v]!) && /^(of|with)$/.test(c.low[v + 1] ?? '') && !startingAt(c, v + 2) && endingAt(c, v - 1)) return true;
  for (let k = v - 1; k >= 0 && k >= v - 3; k--) {
    if (PASSIVE_AUX.has(c.low[k]!)) return true;
    if (!isAdverbAt(c, k) && !VERB_PREFIX.has(c.low[k]!)) return false;
  }
  return false;
}

/** The person named after the lowercase title words from k on ("chief financial officer X"). */
function personAfterTitle(c: Clause, k: number): Placed | undefined {
  for (let j = k; j < c.toks.length && j < k + 5; j++) {
    const m = startingAt(c, j);
    if (m) return m.entity.category === 'person' ? m : undefined;
  }
  return undefined;
}

/** People who act for a body they are said to come from: "officers from X", "investigators of X". */
const AGENT_STAFF = new Set([
  'officers',
  'officer',
  'detectives',
  'agents',
  'investigators',
  'officials',
  'prosecutors',
  'inspectors',
  'staff',
  'police',
  'auditors',
  'lawyers',
]);

/** The agent of a passive: the entity after "by" in the same clause ("by the CPIB", "by two prosecutors, Mr A and Mr B"). */
export function agentsOf(c: Clause, v: number): string[] {
  for (let k = v + 1; k < c.toks.length && k <= v + 10; k++) {
    const w = c.low[k]!;
    if (w === 'by') {
      for (let j = k + 1; j < c.toks.length && j <= k + 7; j++) {
        const found = startingAt(c, j);
        // "replaced by Acme chief financial officer X": a body's title leads to the person who acts.
        const m =
          found && found.entity.category !== 'person' && !found.possessive && qualifiesHolder(c, found.last + 1) ? personAfterTitle(c, found.last + 1) : found;
        if (m) return m.possessive ? [] : [m, ...coordinatedAfter(c, m)].map((x) => x.entity.name);
        // "by detectives from the National Crime Agency": the staff act for the body they come from.
        if (/^(from|of|at|with)$/.test(c.low[j]!) && c.low.slice(k + 1, j).some((w) => AGENT_STAFF.has(w))) {
          const body = entityFrom(c, j + 1, 2);
          return body && body.entity.category === 'institution' ? [body.entity.name] : [];
        }
        if (CLAUSE_END.has(c.low[j]!) || PREPOSITIONS.has(c.low[j]!)) return [];
      }
      return [];
    }
    if (CLAUSE_END.has(w) || startingAt(c, k)) return [];
  }
  return [];
}

/** Who reports the clause of the verb at v: "X said (that) Y …". */
export function reporterOf(c: Clause, mem: Memory, v: number): string[] {
  for (let k = v - 1; k >= 1 && k >= v - 6; k--) {
    const w = c.low[k]!;
    if (w === 'said' || w === 'says' || w === 'told') return subjectOf(c, mem, k);
    if (CLAUSE_END.has(w) && w !== 'that') return [];
  }
  return [];
}
