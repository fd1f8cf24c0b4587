/**
 * Any verb that links two entities in one clause, not only the verbs of the vocabulary: the
 * subject before it (through auxiliaries, "voted to", "is accused of", relative clauses and
 * appositions) and the first entity after it in the same clause, directly or after a preposition
 * ("colluded with", "called on", "appeared in", "imposed measures on"). Passives take the agent
 * from "by", or link the patient to a place or body after a preposition ("was held at", "was
 * killed in"). The type is the vocabulary type when the lemma has one, the type of an interaction
 * noun a light verb carries ("imposed sanctions on" -> sanctioned), else the lemma with its
 * preposition ("collude_with").
 *
 * Reporting verbs ("said", "wrote that") never link their speaker to what is reported: that is
 * an allegation's reported_by, not an interaction.
 */
import {
  type Add,
  type Clause,
  type Memory,
  agentsOf,
  coordinatedAfter,
  definiteRef,
  endingAt,
  inPrepPhrase,
  isAdverbAt,
  isDashToken,
  isPassive,
  namedHolderAfter,
  objectPronoun,
  startingAt,
  subjectOf,
  entityFrom,
  groupRef,
  isVerbAt,
  objectsOf,
  titledPersonAt,
} from './clause.js';
import { TITLE_WORDS } from './lexicons.js';
import { type Tags, classOf, pastTense } from './pos.js';
import { INTERACTION_NOUNS, RELATION_NOUNS, VERB_TYPE, lemmaOf } from './vocabulary.js';
import { CLAUSE_END, OBJECT_PRONOUNS, PREPOSITIONS, QUOTES, REPORTING_VERBS, TIME_WORDS, VERB_PREFIX } from './words.js';

/** Verbs that carry no link of their own: copulas, support and mental verbs. */
const EMPTY_VERBS = new Set([
  'be',
  'have',
  'do',
  'become',
  'remain',
  'seem',
  'include',
  'get',
  'go',
  'come',
  'let',
  'want',
  'need',
  'think',
  'believe',
  'know',
  'consider',
  'expect',
  'hope',
  'try',
  'begin',
  'start',
  'continue',
  'plan',
  'use',
  'mark',
  'follow',
]);

/** Verbs whose meaning is in their object noun: "imposed sanctions on X", "launched a lawsuit against X". */
const LIGHT_VERBS = new Set([
  'impose',
  'launch',
  'file',
  'open',
  'issue',
  'bring',
  'announce',
  'hear',
  'level',
  'lodge',
  'order',
  'start',
  'take',
  'hand',
  'give',
  'slap',
]);

/** Prepositions that introduce the other side of a verb ("colluded with X", "appeared before X"). */
const OBJECT_PREPOSITIONS = new Set(['with', 'against', 'to', 'from', 'on', 'in', 'into', 'at', 'before', 'over', 'for']);

/** Prepositions of location: a place after them is where the act happens. */
const PLACE_IN = new Set(['in', 'at', 'inside', 'outside', 'near']);

/** Verbs that put their subject (or patient) at a place: "arrived in X", "was detained in X". */
const PLACING_VERBS = new Set([
  'arrive',
  'land',
  'live',
  'reside',
  'stay',
  'remain',
  'base',
  'hold',
  'detain',
  'arrest',
  'jail',
  'imprison',
  'kill',
  'shoot',
  'gun',
  'murder',
  'die',
  'bear',
  'bury',
  'hide',
  'settle',
  'visit',
  'hospitalize',
  'admit',
  'strand',
  'exile',
  'extradite',
  'deport',
]);

/** "arrested X in Toronto": a verb that places its patient puts its direct objects at the place after them. */
function placeObjects(c: Clause, lemma: string, names: string[], at: number, add: Add): void {
  if (names.length === 0 || !PLACING_VERBS.has(lemma)) return;
  const place = placeAfterObjects(c, at);
  if (place) for (const o of names) add(`${pastTense(lemma)}_in`, o, place);
}

/** "arrested X and Y in Toronto": the place after "in"/"at" that follows the objects starting at k. */
function placeAfterObjects(c: Clause, k: number): string | null {
  const first = startingAt(c, k);
  if (!first || first.entity.category !== 'person') return null;
  const end = [first, ...coordinatedAfter(c, first)].at(-1)!.last;
  if (!PLACE_IN.has(c.low[end + 1] ?? '')) return null;
  const place = startingAt(c, end + 2) ?? (c.low[end + 2] === 'the' ? startingAt(c, end + 3) : undefined);
  return place && place.entity.category === 'place' && !place.possessive ? place.entity.name : null;
}

/** How far after a verb its object may be looked for, in tokens. */
const OBJECT_REACH = 14;

/** Verbs whose plural subject acts on itself: "A and B clashed" is A against B. */
const RECIPROCAL_VERBS = new Set([
  'clash',
  'fight',
  'agree',
  'negotiate',
  'spar',
  'quarrel',
  'cooperate',
  'collaborate',
  'feud',
  'reconcile',
  'compete',
  'disagree',
  'argue',
  'talk',
]);

/** States of a pair: "A and B have been at loggerheads", "A and B are at odds". */
const AT_ODDS = new Set(['odds', 'loggerheads', 'war']);

/** "A and B (have been|are) at (diplomatic) loggerheads": the pair is in dispute. */
export function atOddsRule(c: Clause, mem: Memory, add: Add): void {
  for (let k = 1; k < c.toks.length; k++) {
    if (!AT_ODDS.has(c.low[k]!)) continue;
    let j = k - 1;
    if (c.low[j] !== 'at') j--;
    if (c.low[j] !== 'at') continue;
    let s = j - 1;
    while (s >= 0 && (VERB_PREFIX.has(c.low[s]!) || isAdverbAt(c, s))) s--;
    const subjects = subjectOf(c, mem, s + 1);
    for (const other of subjects.slice(1)) add(c.low[k] === 'war' ? 'fought' : 'dispute_with', subjects[0]!, other);
  }
}

/** Links found in one clause; the caller keeps one per pair. */
export function clauseVerbRules(c: Clause, mem: Memory, tags: Tags, add: Add): string[][] {
  const groups: string[][] = [];
  let carried: { subjects: string[]; passive: boolean; end: number } | null = null;
  for (let v = 0; v < c.toks.length; v++) {
    if (tags.pos[v] !== 'VERB' || c.at[v] || c.quoted[v] || c.toks[v]!.cap) continue;
    const lemma = tags.lemma[v]!;
    // "to shows such as …": after "to", only the bare form is a verb.
    if (c.low[v - 1] === 'to' && c.low[v] !== lemma) continue;
    // "the Premier League club X", "state broadcaster X": a bare word between two names is a noun
    // naming the second; news tells acts in the past or with "-s".
    if (c.low[v] === lemma && c.at[v - 1] && c.at[v + 1] && c.at[v - 1] !== c.at[v + 1]) continue;
    const head = chainHead(c, tags, v);
    const subjects = subjectOf(c, mem, head);
    if (subjects.length === 0) subjects.push(...subjectBeforePhrase(c, head), ...subordinateSubject(c, head), ...documentAuthor(c, mem, tags, v));
    let passive = isPassive(c, v);
    // "X denied the charges and accused Y", "X was arrested and later charged by Y": a verb
    // coordinated with the one before shares its subject (and its voice, for a participle).
    if (subjects.length === 0 && carried && coordinatedWith(c, tags, head, carried.end)) {
      subjects.push(...carried.subjects);
      passive ||= carried.passive && /(ed|en)$/.test(c.low[v]!) && agentsOf(c, v).length > 0;
    }
    if (subjects.length === 0) {
      // "Police arrested X in Toronto": the place holds even when the arresting body is unnamed.
      if (!passive && PLACING_VERBS.has(lemma)) {
        const { names, prep, at } = objectsAfter(c, mem, tags, v, []);
        if (!prep) placeObjects(c, lemma, names, at, add);
      }
      continue;
    }
    carried = { subjects: [...subjects], passive, end: v };
    if (subjects.length > 1) groups.push(subjects);
    if (CLAIM_VERBS.has(lemma)) claimedAgainst(c, tags, v, subjects, add);
    if (REPORTING_VERBS.has(lemma)) blamedIn(c, v, subjects, add);
    if (EMPTY_VERBS.has(lemma) || REPORTING_VERBS.has(lemma) || takesClause(c, v)) continue;
    if (passive) {
      const agents = agentsOf(c, v);
      // "X was handed a two-year ban by Y": a light verb's noun stands before the agent.
      const by = c.low.indexOf('by', v + 1);
      const type = typeOf(c, lemma, v, by > v && by <= v + 8 ? by : v, '');
      for (const a of agents) for (const p of subjects) add(type, a, p);
      if (agents.length > 0) continue;
      // "X was handed a two-year ban after the sports tribunal upheld …": the official body whose act follows.
      const after = bodyActingAfter(c, v);
      if (after) {
        const penalty = typeOf(c, lemma, v, after.at, '');
        if (PENALTIES.has(penalty)) for (const p of subjects) add(penalty, after.body, p);
      }
      const { names, prep } = objectsAfter(c, mem, tags, v, subjects);
      if (!prep) continue; // "X was charged" names no one else
      for (const p of subjects) for (const o of names) add(`${pastTense(lemma)}_${prep}`, p, o);
      continue;
    }
    const { names, prep, at } = objectsAfter(c, mem, tags, v, subjects);
    const type = typeOf(c, lemma, v, at, prep);
    if (MOVING_VERBS.has(lemma) && names.length > 0) movedFrom(c, at, subjects, add);
    // "denied the charges before Judge X", "denied charges filed in Y": where or before whom one denies is not
    // whom; the one before whom it was denied is the judge or court the accused appeared before.
    if (type === 'denied' && prep) {
      if (prep === 'before') for (const s of subjects) for (const o of names) add('appeared_before', s, o);
      continue;
    }
    for (const s of subjects) for (const o of names) add(type, s, o);
    if (!prep) placeObjects(c, lemma, names, at, add);
    // "A and B clashed", "A and B agreed to …": a reciprocal verb links the parties of its subject.
    if (names.length === 0 && RECIPROCAL_VERBS.has(lemma)) for (const other of subjects.slice(1)) add(type, subjects[0]!, other);
  }
  return groups;
}

/**
 * The verb chain at head follows "and"/"but" (", and later") that joins it to the verb at prev, with
 * no clause break, quote or other subject between them.
 */
function coordinatedWith(c: Clause, tags: Tags, head: number, prev: number): boolean {
  // "urged X to meet its obligations and arrest him": the doer of an infinitive is not its chain's subject.
  if (c.low[prev - 1] === 'to') return false;
  let k = head - 1;
  while (k > prev && (isAdverbAt(c, k) || TIME_WORDS.has(c.low[k]!) || VERB_PREFIX.has(c.low[k]!) || c.low[k] === 'then')) k--;
  if (c.low[k] !== 'and' && c.low[k] !== 'but') return false;
  for (let j = prev + 1; j < k; j++) {
    const w = c.low[j]!;
    // "fined X, barred it from … and imposed …": "it" right after a verb is its object, no new subject.
    const object = (w === 'it' || w === 'they') && tags.pos[j - 1] === 'VERB';
    if (CLAUSE_END.has(w) || QUOTES.has(w) || c.low[j] === 'who' || (SUBJECT_WORDS.has(w) && !object)) return false;
  }
  return true;
}

/** Words that open a new subject between two verbs: "X left and he said", "X left and it fell". */
const SUBJECT_WORDS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you', 'who', 'which', 'whose']);

/** Verbs that state a claim about the subject of the clause they take: "They contend X lost". */
const CLAIM_VERBS = new Set(['allege', 'contend', 'claim', 'assert', 'accuse', 'charge']);

/** "They contend (that) Maduro lost": the claimant accuses the subject of the claimed clause. */
function claimedAgainst(c: Clause, tags: Tags, v: number, claimants: string[], add: Add): void {
  const k = c.low[v + 1] === 'that' ? v + 2 : v + 1;
  const m = startingAt(c, k);
  if (!m || m.possessive) return;
  let j = m.last + 1;
  while (tags.pos[j] === 'AUX' || tags.pos[j] === 'ADV' || tags.pos[j] === 'PART') j++;
  if (tags.pos[j] !== 'VERB') return;
  for (const x of claimants) add('accused', x, m.entity.name);
}

/** Predicates that blame their subject: "X is responsible for", "X was behind". */
const BLAME = new Set(['responsible', 'guilty', 'behind', 'culpable', 'liable']);

/** "The ICC says Putin is responsible for …": the speaker accuses the one the reported clause blames. */
function blamedIn(c: Clause, v: number, speakers: string[], add: Add): void {
  const k = c.low[v + 1] === 'that' ? v + 2 : v + 1;
  const m = startingAt(c, k);
  if (!m || m.possessive) return;
  let j = m.last + 1;
  if (!/^(is|was|are|were|be)$/.test(c.low[j] ?? '')) return;
  j++;
  if (c.low[j] === 'not') return;
  if (BLAME.has(c.low[j] ?? '') || (c.low[j] === 'to' && c.low[j + 1] === 'blame')) for (const x of speakers) add('accused', x, m.entity.name);
}

/**
 * "Judge X of the special court heard …": the subject is the name before a short "of/from/at"
 * phrase that ends right before the verb.
 */
function subjectBeforePhrase(c: Clause, v: number): string[] {
  let k = v - 1;
  while (k >= 0 && (VERB_PREFIX.has(c.low[k]!) || isAdverbAt(c, k))) k--;
  for (let j = k; j >= 0 && j >= k - 4; j--) {
    const w = c.low[j]!;
    if (c.at[j]) return [];
    if (w === 'of' || w === 'from' || w === 'at') {
      const m = endingAt(c, j - 1);
      return m && !m.possessive && m.entity.category === 'person' && !inPrepPhrase(c, m) ? [m.entity.name] : [];
    }
    if (CLAUSE_END.has(w) || w === ',' || PREPOSITIONS.has(w) || /^\d/.test(w)) return [];
  }
  return [];
}

/** Documents whose "-ing" clause speaks for their author: "a report accusing X", "a lawsuit alleging …". */
const DOCUMENTS = new Set(['report', 'statement', 'letter', 'complaint', 'lawsuit', 'suit', 'filing', 'petition', 'article', 'post', 'tweet', 'study']);

/** "X published a report accusing Y": the "-ing" verb after a document noun has the author as its subject. */
function documentAuthor(c: Clause, mem: Memory, tags: Tags, v: number): string[] {
  if (!/ing$/.test(c.low[v]!) || !DOCUMENTS.has(c.low[v - 1] ?? '')) return [];
  for (let k = v - 2; k >= 0 && k >= v - 5; k--) {
    // "the senators' petition seeking …": a possessor is the author, named or not.
    if (c.toks[k]!.possessive) {
      const owner = endingAt(c, k);
      return owner && owner.entity.category !== 'place' ? [owner.entity.name] : [];
    }
    if (tags.pos[k] === 'VERB' && !c.at[k]) return isPassive(c, k) ? [] : subjectOf(c, mem, chainHead(c, tags, k));
    if (c.at[k] || !/^[a-z-]+$/.test(c.low[k]!) || PREPOSITIONS.has(c.low[k]!) || CLAUSE_END.has(c.low[k]!)) return [];
  }
  return [];
}

/** Words that open a subordinate clause but are also prepositions: "after the Assembly voted". */
const SUBORDINATORS = new Set(['after', 'before', 'since', 'until', 'as', 'once']);

/** "… after the National Assembly voted": the name after a subordinating word is a clause's subject. */
function subordinateSubject(c: Clause, v: number): string[] {
  let k = v - 1;
  while (k >= 0 && (VERB_PREFIX.has(c.low[k]!) || isAdverbAt(c, k))) k--;
  const m = endingAt(c, k);
  if (!m || m.possessive) return [];
  let j = m.first - 1;
  while (j >= 0 && c.low[j] === 'the') j--;
  return SUBORDINATORS.has(c.low[j] ?? '') ? [m.entity.name] : [];
}

/** "said that …", "wrote: …", "warned “…”": the verb takes a clause, whose entities it does not act on. */
function takesClause(c: Clause, v: number): boolean {
  const next = c.low[v + 1] ?? '';
  return next === 'that' || next === ':' || QUOTES.has(next);
}

/**
 * The first verb of a chain whose subject is the subject of v: "has voted (last week) to impeach",
 * "plans to travel", "is accused of granting".
 */
function chainHead(c: Clause, tags: Tags, v: number): number {
  let head = v;
  for (;;) {
    let k = head - 1;
    while (k >= 0 && (isAdverbAt(c, k) || tags.pos[k] === 'ADV' || tags.pos[k] === 'AUX')) k--;
    const link = c.low[k];
    if (link !== 'to' && link !== 'of') return head;
    k--;
    while (k >= 0 && (TIME_WORDS.has(c.low[k]!) || isAdverbAt(c, k) || c.low[k] === 'not' || c.low[k] === 'never')) k--;
    // "accused of granting": only a participle takes "of" before the verb it governs.
    if (k < 0 || tags.pos[k] !== 'VERB' || c.at[k] || (link === 'of' && !/(ed|en)$/.test(c.low[k]!))) return head;
    head = k;
  }
}

/** The entities the verb at v reaches in its clause, with the preposition that introduced them. */
function objectsAfter(c: Clause, mem: Memory, tags: Tags, v: number, subjects: string[]): { names: string[]; prep: string; at: number } {
  let prep = '';
  let preps = 0;
  const subjectIsPerson = subjects.some(
    (s) =>
      c.ms.some((m) => m.entity.name === s && m.entity.category === 'person') || mem.recent.some((m) => m.entity.name === s && m.entity.category === 'person'),
  );
  const none = { names: [], prep: '', at: v };
  for (let j = v + 1; j < c.toks.length && j <= v + OBJECT_REACH; j++) {
    const w = c.low[j]!;
    const holder = j <= v + 3 ? namedHolderAfter(c, j) : undefined;
    if (holder) return { names: [holder, ...coordinatedAfter(c, holder)].map((x) => x.entity.name), prep, at: holder.first };
    if (OBJECT_PRONOUNS.has(w) && j <= v + 3) {
      const ref = objectPronoun(c, mem, j, subjects);
      return ref ? { names: [ref], prep, at: j } : none;
    }
    // "remanded the players on bail", "fined the two companies": the group named before, less the subjects.
    const group = j <= v + 3 && w !== 'they' ? groupRef(c, mem, j) : [];
    if (group.length > 0) return { names: group.filter((x) => !subjects.includes(x)), prep, at: j };
    const ref = definiteRef(c, mem, j);
    if (ref) {
      // "fined the bank's former auditor, X": as with a named possessor, the bank only describes the object.
      // "on the bank's former money laundering reporting officer, X"
      const held = c.toks[j]!.possessive ? titledPersonAt(c, j + 1) : undefined;
      if (held) return { names: [held, ...coordinatedAfter(c, held)].map((x) => x.entity.name), prep, at: held.first };
      const after = c.toks[j]!.possessive ? possessedBy(c, j + 1) : 'thing';
      if (after === 'holder') continue;
      if (after === 'title') return none;
      return { names: [ref], prep, at: j };
    }
    // "rejected his appeals": the owner of what the verb acts on, unless a person is named after ("his lawyer X").
    // A person's own "his" is usually themself ("X lost his bid"), so only for other subjects.
    if ((w === 'his' || w === 'her') && j <= v + 2 && !subjectIsPerson && possessedBy(c, j + 1) === 'thing') {
      const owner = objectPronoun(c, mem, j, subjects);
      return owner ? { names: [owner], prep, at: j } : none;
    }
    const m = startingAt(c, j);
    if (m) {
      if (m.possessive) {
        const held = titledPersonAt(c, m.last + 1);
        if (held) return { names: [held, ...coordinatedAfter(c, held)].map((x) => x.entity.name), prep, at: held.first };
        const after = possessedBy(c, m.last + 1);
        if (after === 'holder') continue; // "Rwanda's envoy Vincent Karega": the envoy is the object
        if (after === 'title') return none; // "Georgia's interior minister": a person not named
        return { names: [m.entity.name], prep, at: j }; // "termed Canada's allegations absurd"
      }
      // "a Nairobi hospital", "FBI scrutiny": a name that modifies a noun is not the object.
      if (modifiesNoun(c, tags, m.last + 1)) {
        j = m.last;
        continue;
      }
      // "held at a police station in central Suva": a place past a second phrase is where, not whom.
      // A destination stays one: "was taken from the office in Quito to Guayaquil".
      if (preps > 1 && m.entity.category === 'place' && prep !== 'to') {
        j = m.last;
        continue;
      }
      // "met in Paris", "faces charges in Texas": where something happens is no link, unless the verb
      // places its subject there ("arrived in", "was arrested in", "lives in").
      if (m.entity.category === 'place' && PLACE_IN.has(prep) && !PLACING_VERBS.has(tags.lemma[v]!)) return none;
      return { names: [m, ...coordinatedAfter(c, m)].map((x) => x.entity.name), prep, at: j };
    }
    if (OBJECT_PREPOSITIONS.has(w)) {
      prep = w;
      preps++;
      continue;
    }
    if (w === 'including' || w === 'such' || w === 'as' || w === 'of' || QUOTES.has(w)) continue;
    if (isDashToken(w) && startingAt(c, j + 1)) continue;
    // "£9,000": a comma inside a number is no break.
    if (w === ',' && /\d$/.test(c.low[j - 1]!) && /^\d/.test(c.low[j + 1] ?? '')) continue;
    if (CLAUSE_END.has(w) || w === ',' || PREPOSITIONS.has(w)) return none;
    if (tags.pos[j] === 'VERB' && j > v + 1 && tags.pos[j - 1] !== 'DET' && tags.pos[j - 1] !== 'ADP') return none;
  }
  return none;
}

/** The word at k is a lowercase noun or adjective that the name before it modifies. */
function modifiesNoun(c: Clause, tags: Tags, k: number): boolean {
  const w = c.low[k];
  if (w === undefined || TIME_WORDS.has(w) || MONTHS.test(w)) return false;
  // "the Tokyo Detention House": a capitalised word that is no entity of its own continues a name.
  if (c.toks[k]!.cap) return !c.at[k] && tags.pos[k] === 'PROPN';
  if (tags.pos[k] === 'NOUN' || tags.pos[k] === 'ADJ') return true;
  // "the Luanda roadmap aimed at …": a word that may be a noun, right after a name, is its head.
  const word = classOf(w);
  return tags.pos[k] === 'VERB' && word.noun && !/(ed|ing)$/.test(w);
}

const MONTHS = /^(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$/;

/** After "X's": a named holder ("X's envoy Y"), an unnamed office ("X's foreign minister"), or a thing. */
function possessedBy(c: Clause, k: number): 'holder' | 'title' | 'thing' {
  for (let j = k; j < c.toks.length && j < k + 4; j++) {
    const m = startingAt(c, j);
    if (m) return m.entity.category === 'person' ? 'holder' : 'thing';
    const w = c.low[j]!;
    if (!TITLE_WORDS.has(w) && !RELATION_NOUNS[w] && !/^(then|former|ex|top|new|own|chief|senior|deputy|interior|foreign)$/.test(w)) break;
  }
  const w = c.low[k] ?? '';
  return TITLE_WORDS.has(w) || RELATION_NOUNS[w] || /^(former|top|chief|senior|deputy)$/.test(w) ? 'title' : 'thing';
}

/** Verbs of moving to a new club or employer: "joined X from Y", "signed for X in a move from Y". */
const MOVING_VERBS = new Set(['join', 'sign', 'move', 'transfer']);

/** "joined Acme in July in a $27 million move from Globex": the subject was with the body after "from". */
function movedFrom(c: Clause, at: number, subjects: string[], add: Add): void {
  for (let k = at + 1; k < c.toks.length && k <= at + 16; k++) {
    const w = c.low[k]!;
    if (w === 'from') {
      const m = startingAt(c, k + 1) ?? (c.low[k + 1] === 'the' ? startingAt(c, k + 2) : undefined);
      // A company employed its people; a club or party had them as members.
      const type = m?.entity.kind === 'company' || m?.entity.kind === 'media' ? 'formerly_worked_for' : 'formerly_member_of';
      if (m && m.entity.category === 'institution' && !m.possessive) for (const s of subjects) add(type, s, m.entity.name);
      return;
    }
    if (CLAUSE_END.has(w) || w === ',' || QUOTES.has(w)) return;
  }
}

/** Legal acts and penalties that an official body's later act may be the cause of. */
const PENALTIES = new Set(['banned', 'suspended', 'fined', 'charged', 'indicted', 'sentenced', 'convicted', 'sanctioned', 'arrested']);
/** Kinds of body that impose them. */
const OFFICIAL_KINDS = new Set(['court', 'agency', 'government']);

/**
 * "… after the tribunal upheld an appeal", "… when the regulator found …": a court, agency or
 * government that opens the "after"/"when" clause following the verb at v, with the clause's verb
 * right after its name (an acronym in brackets between). `at` is where the clause starts.
 */
function bodyActingAfter(c: Clause, v: number): { body: string; at: number } | null {
  for (let k = v + 1; k < c.toks.length && k <= v + 10; k++) {
    const w = c.low[k]!;
    if (w === 'after' || w === 'when') {
      const m = startingAt(c, k + 1) ?? (c.low[k + 1] === 'the' ? startingAt(c, k + 2) : undefined);
      if (!m || m.possessive || m.entity.category !== 'institution' || !OFFICIAL_KINDS.has(m.entity.kind ?? '')) return null;
      let j = m.last + 1;
      if (c.low[j] === '(' && c.low[j + 2] === ')') j += 3;
      return /^[a-z]+$/.test(c.low[j] ?? '') && !PREPOSITIONS.has(c.low[j]!) && !c.at[j] ? { body: m.entity.name, at: k } : null;
    }
    if (c.at[k] || CLAUSE_END.has(w) || w === ',') return null;
  }
  return null;
}

/** The vocabulary type of the verb, of the noun a light verb carries, or the lemma with its preposition. */
function typeOf(c: Clause, lemma: string, v: number, objectAt: number, prep: string): string {
  const own = VERB_TYPE.get(lemma) ?? VERB_TYPE.get(lemmaOf(c.low[v]!) ?? '');
  if (own) return own;
  if (LIGHT_VERBS.has(lemma)) {
    for (let j = v + 1; j < objectAt; j++) {
      const noun = INTERACTION_NOUNS[c.low[j]!];
      if (noun) return noun;
    }
  }
  const base = pastTense(lemma).replace(/[^a-z]+/g, '_');
  return prep ? `${base}_${prep}` : base;
}

/** Legal acts whose reason may be a gerund naming what the accused did to someone. */
const LEGAL_ACTS = new Set([
  'charged',
  'indicted',
  'accused',
  'arrested',
  'convicted',
  'sentenced',
  'prosecuted',
  'investigated',
  'sued',
  'fined',
  'banned',
  'suspended',
]);

/**
 * "X was charged with defrauding Y", "indicted X, the heir to Z, on charges of bribing Y": the one
 * a legal act falls on did to Y what the gerund of its reason says. The act may stand well before
 * the gerund, past an apposition.
 */
export function gerundRule(c: Clause, mem: Memory, add: Add): void {
  for (let g = 1; g < c.toks.length; g++) {
    const w = c.low[g]!;
    if (!w.endsWith('ing') || c.at[g] || !/^(of|with|for)$/.test(c.low[g - 1]!)) continue;
    const word = classOf(w);
    // The vocabulary's own lemma first: the lexicon does not know every "-ing" ("defrauding").
    const act = lemmaOf(w) ?? (word.verb ? word.lemma : undefined);
    const target = act ? entityFrom(c, g + 1, 3) : undefined;
    if (!act || !target || target.possessive) continue;
    for (let v = g - 2; v >= 0 && g - v <= 25; v--) {
      const lemma = c.at[v] ? undefined : lemmaOf(c.low[v]!);
      const type = lemma && VERB_TYPE.get(lemma);
      if (!type || !LEGAL_ACTS.has(type) || !isVerbAt(c, v, lemma)) continue;
      const accused = isPassive(c, v) ? subjectOf(c, mem, v) : objectsOf(c, mem, v, type, subjectOf(c, mem, v));
      for (const a of accused) add(VERB_TYPE.get(act) ?? act, a, target.entity.name);
      break;
    }
  }
}
