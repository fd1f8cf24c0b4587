/**
 * Interactions: who did what to whom, one sentence at a time. Endpoints are entities found in
 * the sentence (people, institutions or places: a capital used as an actor stays a place).
 *
 * There is no parser here, only a few clause-level heuristics over the tokens of one sentence:
 * - the subject of a verb is the entity heading its clause: the nearest entity before the verb
 *   that is not inside a prepositional phrase ("ally of X") or a possessive ("X's lawyer"), with
 *   appositions and relative clauses stepped over ("X, the deputy governor of Y, funneled…",
 *   "X, who was arrested…");
 * - the object is the entity right after the verb (titles and determiners allowed in between),
 *   or after a preposition the verb takes ("met with", "sought … from", "funneled … to"), or
 *   listed after "including"; coordinated entities ("A, B and C") are all objects;
 * - passives take their agent from "by": "X was arrested by Y" gives Y -arrested-> X;
 * - nouns of interaction take their endpoints from "between A and B", a possessor ("X's probe
 *   into Y") or the clause subject ("during a meeting with Y, X …");
 * - relation nouns state links outright: "X's lawyer Y", "Y, an ally of X", "ORG bosses A and B".
 * "he"/"she"/"him"/"her" stand for the last person who was a subject; "the president" for the last
 * person named with that title; "the court", "the company" for the last fitting body; "they", "the
 * two" for the last group of subjects. Nothing is emitted when the subject is not an entity.
 *
 * The rules here read the documented vocabulary closely; after them, clause-verbs.ts links any
 * other verb of a clause and roles.ts the relations a title states, for pairs not yet linked in the
 * sentence. Files: vocabulary.ts (types, verbs, nouns), words.ts (general English word lists),
 * clause.ts (subject, object, passive, apposition, coreference), pos.ts (verb tags and lemmas).
 */
import type { Interaction, Sentence } from '../types.js';
import type { Token } from './nlp.js';
import type { Placed } from './aliases.js';
import { GROUP_NOUNS, listsIn, rememberLists } from './groups.js';

import {
  type Add,
  type Clause,
  type Memory,
  LIST_GLUE,
  agentsOf,
  beforeNoun,
  endingAt,
  entityFrom,
  inPrepPhrase,
  isPassive,
  isVerbAt,
  mainSubject,
  objectPronoun,
  objectsOf,
  prepare,
  rememberTitles,
  reporterOf,
  startingAt,
  subjectOf,
  coordinatedAfter,
  coordinatedBefore,
  definiteRef,
  describedEntity,
  personOf,
  groupRef,
  titledPersonAt,
} from './clause.js';
import {
  CLAIM_VERBS,
  HEDGES,
  INTERACTION_NOUNS,
  INTERACTION_TYPES,
  NEEDS_POSSESSOR,
  NOUN_PATIENT_PREPS,
  RECIPROCAL,
  RELATION_NOUNS,
  SPEECH_ACTS,
  VERB_TYPE,
  lemmaOf,
  pairKey,
} from './vocabulary.js';
import {
  AUXILIARIES,
  BODY_DESCRIPTIONS,
  CLAUSE_END,
  DETERMINERS,
  OBJECT_PRONOUNS,
  PLACE_DESCRIPTIONS,
  PERSON_DESCRIPTIONS,
  PREPOSITIONS,
  QUOTES,
  STAND_INS,
  isAdverb,
  KIND_DESCRIPTIONS,
  wordTable,
} from './words.js';
import { atOddsRule, clauseVerbRules, gerundRule } from './clause-verbs.js';
import { tagsOf } from './pos.js';
import { SPORT_POSITIONS, isHeadTitle, roleRules } from './roles.js';
import { TITLE_WORDS } from './lexicons.js';

export { HEDGES, INTERACTION_TYPES, INTERACTION_VERBS, lemmaOf } from './vocabulary.js';

export function findInteractions(sentences: Sentence[], tokens: Token[][], placed: Placed[]): Interaction[] {
  const out: Interaction[] = [];
  const seen = new Set<string>();
  const linkedPairs = new Set<string>();
  /** Pairs linked anywhere in the document so far. */
  const docPairs = new Set<string>();
  const bySentence = new Map<number, Placed[]>();
  const modifiers = new Map<number, Placed[]>();
  for (const p of placed) {
    if (p.modifier) {
      modifiers.set(p.sentence, [...(modifiers.get(p.sentence) ?? []), p]);
      continue;
    }
    const list = bySentence.get(p.sentence);
    if (list) list.push(p);
    else bySentence.set(p.sentence, [p]);
  }
  const companies = new Set(placed.filter((p) => p.entity.kind === 'company').map((p) => p.entity.name));
  const mem: Memory = { lastPerson: null, titled: new Map(), owners: new Map(), lastAccuser: null, lastCompany: null, lastGroup: [], lists: {}, recent: [] };

  sentences.forEach((sent, s) => {
    const c = prepare(s, tokens[s] ?? [], bySentence.get(s) ?? [], sent.text, sent.start);
    c.modifiers = modifiers.get(s);
    // One interaction per type and pair: the first sentence that states it is its evidence.
    const add = (type: string, source: string | null, target: string | null): void => {
      if (!source || !target || source === target) return;
      const k = `${type}|${source}|${target}`;
      if (seen.has(k)) return;
      seen.add(k);
      linkedPairs.add(`${s}|${pairKey(source, target)}`);
      docPairs.add(pairKey(source, target));
      out.push({ type, source, target, sentence: s, evidence: { start: sent.start, end: sent.end, text: sent.text }, hedged: HEDGES.test(sent.text) });
      if (type === 'accused' || type === 'sued' || type === 'charged' || type === 'indicted') mem.lastAccuser = source;
      if (type === 'sued' || type === 'charged' || type === 'indicted') mem.lastCase = { type, source };
      if (OFFICIAL_ACTS.has(type) || type === 'accused' || type === 'sued') if (companies.has(target)) mem.accusedCompany = target;
    };
    rememberTitles(c, mem);
    rememberDescriptors(c, mem);
    const subjects = verbRules(c, mem, add);
    nounRules(c, mem, add);
    relationRules(c, mem, add);
    defendantsRule(c, mem, add);
    legalTeamRule(c, mem, add);
    // The rules below read less of the sentence: they only add pairs not linked in it yet.
    const addNew: Add = (type, source, target) => {
      if (!source || !target || linkedPairs.has(`${s}|${pairKey(source, target)}`)) return;
      // A verb outside the vocabulary ("decided", "upheld") adds little to a pair already linked in
      // the document: one edge per such pair keeps the graph readable.
      if (!KNOWN_TYPES.has(type) && docPairs.has(pairKey(source, target))) return;
      add(type, source, target);
    };
    nameShapeRules(c, addNew);
    roleRules(c, mem, addNew);
    if (mayLinkTwo(c)) {
      // A gerund's own verb names the act better than the looser verb rules do, so it goes first.
      gerundRule(c, mem, addNew);
      const groups = clauseVerbRules(c, mem, tagsOf(c.toks, c.low), addNew);
      atOddsRule(c, mem, addNew);
      if (groups.length > 0) mem.lastGroup = groups.at(-1)!;
    }
    const lists = listsIn(c.toks, c.ms);
    if (lists.person) mem.lastGroup = lists.person;
    rememberLists(lists, mem.lists);
    for (const m of c.ms) mem.recent.push(m);
    if (mem.recent.length > RECENT_MAX) mem.recent.splice(0, mem.recent.length - RECENT_MAX);
    const main = subjects.find((x) => personOf(x, c)) ?? mainSubject(c, mem) ?? c.ms.find((m) => m.entity.category === 'person')?.entity.name;
    if (main) mem.lastPerson = main;
    for (const m of c.ms) if (m.entity.kind === 'company') mem.lastCompany = m.entity.name;
    const opener = c.ms[0];
    // "A High Court judge ruled": a name that qualifies a noun does not open the sentence as its subject.
    const opens = opener && opener.first <= 1 && opener.entity.category === 'institution' && !opener.possessive && !beforeNoun(c, opener.last + 1);
    mem.lastBody = opens ? opener.entity.name : null;
  });
  return out;
}

/** Nouns that say what kind of body the name after them is: "the housing charity Haven". */
const DESCRIPTOR_NOUNS = new Set([
  ...BODY_DESCRIPTIONS,
  ...Object.keys(KIND_DESCRIPTIONS),
  'charity',
  'organisation',
  'organization',
  'campaign',
  'institute',
  'club',
]);

/** "the housing charity Haven", "a local club X": what the story calls a body when naming it, kept for later descriptions. */
function rememberDescriptors(c: Clause, mem: Memory): void {
  for (const m of c.ms) {
    const w = c.low[m.first - 1] ?? '';
    if (m.entity.category !== 'institution' || c.toks[m.first - 1]?.cap || !DESCRIPTOR_NOUNS.has(w) || mem.descriptors?.has(m.entity.name)) continue;
    let k = m.first - 2;
    while (k >= 0 && k >= m.first - 4 && !c.at[k] && /^[a-z-]+$/.test(c.low[k]!) && !DETERMINERS.has(c.low[k]!)) k--;
    if (!/^(the|a|an)$/.test(c.low[k] ?? '')) continue;
    (mem.descriptors ??= new Map()).set(m.entity.name, w);
  }
}

/** Types of the vocabulary and of relation nouns; other types are a verb's lemma. */
const KNOWN_TYPES = new Set(INTERACTION_TYPES);

/** How many entities "the court" or "the country" may look back over. */
const RECENT_MAX = 40;

/** Two entities, or one and a pronoun or description that may stand for another: worth tagging. */
function mayLinkTwo(c: Clause): boolean {
  let slots = new Set(c.ms.map((m) => m.entity.name)).size;
  for (let k = 0; k < c.low.length && slots < 2; k++) {
    const w = c.low[k]!;
    if (
      STAND_INS.has(w) ||
      (c.low[k - 1] === 'the' &&
        (BODY_DESCRIPTIONS.has(w) || PLACE_DESCRIPTIONS.has(w) || PERSON_DESCRIPTIONS.has(w) || KIND_DESCRIPTIONS[w] !== undefined || GROUP_NOUNS.has(w)))
    )
      slots++;
  }
  return slots >= 2;
}

/** Verbs of the vocabulary with their subjects and objects. Returns the subjects found (for "he" later). */
function verbRules(c: Clause, mem: Memory, add: Add): string[] {
  const allSubjects: string[] = [];
  for (let v = 0; v < c.toks.length; v++) {
    const w = c.low[v]!;
    if (CLAIM_VERBS.has(w) && !c.at[v]) claimRule(c, mem, v, add);
    if (FACE.test(w) && !c.at[v]) faceChargesRule(c, mem, v, add);
    const idiom = IDIOM_HEADS.has(w) ? IDIOMS.get(`${w} ${c.low[v + 1]} ${c.low[v + 2]}`) : undefined;
    const lemma = idiom ? w : lemmaOf(w);
    const type = idiom ?? (lemma && VERB_TYPE.get(lemma));
    if (!type || !lemma || !(idiom || isVerbAt(c, v, lemma))) continue;
    const subjects = subjectOf(c, mem, v);
    allSubjects.push(...subjects);
    if (isPassive(c, v)) {
      const agents = agentsOf(c, v);
      for (const agent of agents) for (const patient of subjects) add(type, agent, patient);
      // "Police said X had been charged", "X was arrested, the agency said": an official body that
      // reports an agentless legal act is taken as its actor.
      if (agents.length === 0 && OFFICIAL_ACTS.has(type)) for (const body of officialReporter(c, mem, v)) for (const x of subjects) add(type, body, x);
      // "X was arraigned before the High Court", "convicted in Y Court": the court acts.
      const court = agents.length === 0 && COURT_ACTS.has(type) ? courtOf(c, v) : null;
      if (court) for (const x of subjects) add(type, court, x);
      // "X was referred to Y": X is sent to Y even when no agent is named.
      if (type === 'referred') for (const to of objectsOf(c, mem, v, type, subjects)) for (const x of subjects) add('referred_to', x, to);
      continue;
    }
    if (subjects.length === 0) continue;
    if (lemma === 'receive' && receivedFrom(c, v, subjects, add)) continue;
    let objects = objectsOf(c, mem, v, type, subjects);
    if (objects.length === 0 && SPEECH_ACTS.has(type)) objects = reporterOf(c, mem, v);
    for (const subj of subjects) for (const obj of objects) add(type, subj, obj);
    // "Biden and Xi met": a reciprocal verb with a joint subject and no object links the subjects.
    // "India and Canada expelled each other's diplomats": so does a joint subject acting on "each other".
    const mutual = (c.low[v + 1] === 'each' && c.low[v + 2] === 'other') || (c.low[v + 1] === 'one' && c.low[v + 2] === 'another');
    if (objects.length === 0 && (RECIPROCAL.has(type) || mutual)) for (let i = 1; i < subjects.length; i++) add(type, subjects[0]!, subjects[i]!);
    if (type === 'denied' && objects.length === 0) denialRule(c, mem, v, subjects, add);
  }
  return allSubjects;
}

/**
 * "He arrived with his legal team, which includes Senior Counsel X", "Acme's defence team, led by
 * X and Y": the lawyers named with a legal team act for its owner.
 */
function legalTeamRule(c: Clause, mem: Memory, add: Add): void {
  for (let k = 2; k < c.toks.length - 2; k++) {
    if (c.low[k] !== 'team' || !/^(legal|defence|defense)$/.test(c.low[k - 1]!)) continue;
    const owner = ownerBefore(c, mem, k, 'lawyer_for');
    if (!owner) return;
    for (let j = k + 1; j < c.toks.length && j <= k + 6; j++) {
      const first = titledPersonAt(c, j) ?? startingAt(c, j);
      if (first) {
        if (first.entity.category !== 'person' || first.possessive) return;
        for (const m of [first, ...coordinatedAfter(c, first)]) if (m.entity.category === 'person') add('lawyer_for', m.entity.name, owner);
        return;
      }
      if (
        !/^(,|which|that|includes|included|including|include|is|was|led|headed|by|of|senior|counsel|lawyer|lawyers|attorney|attorneys)$/.test(c.low[j]!) &&
        !c.toks[j]!.cap
      )
        return;
    }
    return;
  }
}

/** What introduces a case's list of defendants: "the defendants are A, B and C", "identified the suspects as A and B". */
const LISTS_DEFENDANTS = /^(are|were|include|includes|included|as|:)$/;

/**
 * "X sued Acme. The defendants are Acme, its owner Y and Z": a case's defendants, listed after it
 * was brought, are what its plaintiff (or prosecutor) brought it against. The list runs to the end
 * of the clause; places in it only say where a defendant is ("Y of Leeds").
 */
function defendantsRule(c: Clause, mem: Memory, add: Add): void {
  if (!mem.lastCase) return;
  for (let k = 1; k < c.toks.length - 2; k++) {
    if (!/^(defendants|suspects)$/.test(c.low[k]!) || c.low[k - 1] !== 'the' || !LISTS_DEFENDANTS.test(c.low[k + 1]!)) continue;
    const { type, source } = mem.lastCase;
    for (let j = k + 2; j < c.toks.length && !(CLAUSE_END.has(c.low[j]!) && c.low[j] !== ':'); j++) {
      const m = startingAt(c, j);
      if (!m) continue;
      j = m.last;
      if (m.entity.category !== 'place' && !m.possessive && !PREPOSITIONS.has(c.low[m.first - 1] ?? '')) add(type, source, m.entity.name);
    }
    return;
  }
}

/**
 * "X received $283,000 in gifts from A and B": what is received comes from the ones after "from";
 * without a "from" the verb hosts a visitor ("X received Y"), which the meeting rule reads.
 */
function receivedFrom(c: Clause, v: number, subjects: string[], add: Add): boolean {
  // What was received may be a list: "$283,000 in gifts, including champagne, cigars, and jewelry, from X".
  for (let k = v + 1; k < c.toks.length && k <= v + 20; k++) {
    const w = c.low[k]!;
    if (w === 'from') {
      const first = titledPersonAt(c, k + 1) ?? entityFrom(c, k + 1, 3);
      if (!first) return false;
      for (const m of [first, ...coordinatedAfter(c, first)]) for (const x of subjects) add('received_from', x, m.entity.name);
      return true;
    }
    if (c.at[k] || CLAUSE_END.has(w)) return false;
  }
  return false;
}

/** Forms of "face" that take charges: "X faces charges", "A and B also face three counts". */
const FACE = /^fac(?:e|es|ed|ing)$/;
const CHARGE_NOUNS = /^(?:charges?|counts?)$/;

/**
 * "X faces seven counts", "A and B also face charges, the police said": facing a charge is being
 * charged; the official body that reports it, or brought the charges ("brought by Y"), charged them.
 */
function faceChargesRule(c: Clause, mem: Memory, v: number, add: Add): void {
  let k = v + 1;
  while (k < c.toks.length && k <= v + 4 && !CHARGE_NOUNS.test(c.low[k]!) && !c.at[k] && /^([a-z-]+|\d+)$/.test(c.low[k]!) && !PREPOSITIONS.has(c.low[k]!)) k++;
  if (!CHARGE_NOUNS.test(c.low[k] ?? '')) return;
  const accused = subjectOf(c, mem, v);
  if (accused.length === 0) return;
  const broughtBy = BRINGING.test(c.low[k + 1] ?? '') && c.low[k + 2] === 'by' ? entityFrom(c, k + 3, 2)?.entity.name : undefined;
  const bodies = broughtBy ? [broughtBy] : officialReporter(c, mem, v);
  for (const body of bodies) for (const x of accused) add('charged', body, x);
}

/** Set phrases of a legal act, read as a passive of the act: "X was taken into custody (by Y)". */
const IDIOMS = new Map([
  ['taken into custody', 'arrested'],
  ['placed under arrest', 'arrested'],
  ['put on trial', 'prosecuted'],
]);

/** First words of the idioms: the phrase is only built after one of them. */
const IDIOM_HEADS = new Set([...IDIOMS.keys()].map((k) => k.split(' ')[0]!));

/** Legal and official acts whose agent a reporting body may be. */
const OFFICIAL_ACTS = new Set([
  'charged',
  'indicted',
  'arrested',
  'investigated',
  'prosecuted',
  'summoned',
  'questioned',
  'fined',
  'banned',
  'suspended',
  'sanctioned',
  'raided',
]);
/** Acts of a court, whose passive names the court after "before", "in" or "at" rather than "by". */
const COURT_ACTS = new Set(['arraigned', 'convicted', 'sentenced', 'acquitted']);

/** The court a passive legal act at v happens before or in: "… before the Federal High Court". */
function courtOf(c: Clause, v: number): string | null {
  for (let k = v + 1; k < c.toks.length && k <= v + 8; k++) {
    const w = c.low[k]!;
    if (w === 'before' || w === 'in' || w === 'at') {
      const m = entityFrom(c, k + 1, 2);
      if (m?.entity.kind === 'court') return m.entity.name;
    } else if (CLAUSE_END.has(w) || c.at[k]) return null;
  }
  return null;
}

/** Kinds of body that charge, arrest and fine. */
const OFFICIAL_KINDS = new Set(['agency', 'government', 'court']);

/** How far after an act its reporting verb may stand: a list of the accused with their titles is long. */
const REPORTER_REACH = 40;

/** The official body reporting the clause of v: "X said (that) …" before it, or ", X said" / ", said X" after it. */
function officialReporter(c: Clause, mem: Memory, v: number): string[] {
  const official = (name: string): boolean =>
    c.ms.some((m) => m.entity.name === name && m.entity.category === 'institution' && OFFICIAL_KINDS.has(m.entity.kind ?? ''));
  const before = reporterOf(c, mem, v);
  if (before.length > 0) return before.filter(official);
  for (let k = v + 1; k < c.toks.length && k <= v + REPORTER_REACH; k++) {
    const w = c.low[k]!;
    if (w === ';' || QUOTES.has(w)) return [];
    if (w === 'said' || w === 'says') {
      const after = startingAt(c, k + 1) ?? (c.low[k + 1] === 'the' ? startingAt(c, k + 2) : undefined);
      const names = after ? [after.entity.name] : subjectOf(c, mem, k);
      return names.filter(official);
    }
  }
  return [];
}

/** A denial with no named target answers the last accuser; a speaker quoted with it ("…deny…," X said) denies too. */
function denialRule(c: Clause, mem: Memory, v: number, subjects: string[], add: Add): void {
  if (!mem.lastAccuser) return;
  const speakers: string[] = [];
  for (let k = v + 1; k < c.toks.length; k++) {
    if (c.low[k] === 'said' || c.low[k] === 'says') speakers.push(...subjectOf(c, mem, k));
  }
  for (const x of [...subjects, ...speakers]) add('denied', x, mem.lastAccuser);
}

function claimRule(c: Clause, mem: Memory, v: number, add: Add): void {
  let k = v + 1;
  while (k < c.toks.length && k <= v + 10 && c.low[k] !== 'that' && !CLAUSE_END.has(c.low[k]!)) k++;
  if (c.low[k] !== 'that') return;
  const target = startingAt(c, k + 1);
  const subjects = subjectOf(c, mem, v).filter((x) => c.ms.find((m) => m.entity.name === x)?.entity.kind !== 'media');
  if (!target || target.possessive) return;
  for (const x of subjects) add('accused', x, target.entity.name);
}

/** Interaction nouns: "meeting between A and B", "X's probe into Y", "the assurance from X to Y", "a meeting with Y, X …". */
function nounRules(c: Clause, mem: Memory, add: Add): void {
  for (let v = 0; v < c.toks.length; v++) {
    if (!c.at[v] && PAYMENT_NOUNS[c.low[v]!]) paymentRule(c, mem, v, PAYMENT_NOUNS[c.low[v]!]!, add);
    const type = c.at[v] ? undefined : INTERACTION_NOUNS[c.low[v]!];
    if (!type) continue;
    if (betweenRule(c, mem, v, type, add)) continue;
    if (broughtByRule(c, mem, v, type, add)) continue;
    const actor = possessorOf(c, mem, v);
    // "the assurance (reportedly given) from/by X to Y", "an investigation by X into Y"
    for (let k = v + 1; k < c.toks.length && k <= v + 4; k++) {
      if (c.low[k] !== 'from' && c.low[k] !== 'by') continue;
      const from = entityFrom(c, k + 1, 2);
      const next = from ? c.low[from.last + 1] : undefined;
      const to = next === 'to' || (c.low[k] === 'by' && (next === 'into' || next === 'against')) ? entityFrom(c, from!.last + 2, 2) : undefined;
      if (from && to) add(type, from.entity.name, to.entity.name);
      // "X is under investigation by Y": Y acts on the clause's subject.
      else if (from && c.low[k] === 'by' && k === v + 1 && c.low[v - 1] === 'under') for (const x of subjectOf(c, mem, v - 1)) add(type, from.entity.name, x);
      break;
    }
    const prep = c.low[v + 1] ?? '';
    // "Canada's accusation that India …": the claim's subject is its target.
    if (prep === 'that' && type === 'accused' && actor) add(type, actor, patientAfter(c, v + 2));
    // "at the invitation of X": X invited the clause's subject.
    if (prep === 'of' && c.low[v - 2] === 'at' && actor === null) {
      const inviter = patientAfter(c, v + 2);
      if (inviter) add(type, inviter, firstFreeSubject(c, inviter));
      continue;
    }
    if (!NOUN_PATIENT_PREPS.has(prep)) continue;
    const patient = patientAfter(c, v + 2);
    if (!patient) continue;
    // "X filed criminal charges against A and B", "X opened an investigation into A": the subject of
    // the verb that brings the act is its actor, and every name listed after the preposition its patient.
    const bringer = actor ? null : bringerOf(c, mem, v);
    if (bringer && (prep === 'against' || prep === 'into')) {
      const first = c.ms.find((m) => m.entity.name === patient && m.first > v);
      for (const m of first ? [first, ...coordinatedAfter(c, first)] : []) add(type, bringer, m.entity.name);
    }
    if (actor) add(type, actor, patient);
    else if (prep === 'with' && type === 'met') add(type, firstFreeSubject(c, patient) ?? nearestPersonBefore(c, v, patient), patient);
  }
}

/** Nouns of money handed over: "made payments to X", "offered bribes to X". */
const PAYMENT_NOUNS: Readonly<Record<string, string>> = wordTable({
  payment: 'paid',
  payments: 'paid',
  bribe: 'bribed',
  bribes: 'bribed',
  kickbacks: 'bribed',
});
/** Verbs that hand over what a payment noun names. */
const HANDING = /^(made|makes|make|making|offered|offers|offer|offering|paid|pays|pay|paying|funnelled|funneled|sent|sends|send)$/;

/**
 * "X made disguised payments totalling $5 million to Y", "X offered bribes to Y": the subject of
 * the handing verb pays the one after "to".
 */
function paymentRule(c: Clause, mem: Memory, v: number, type: string, add: Add): void {
  let verb = -1;
  for (let k = v - 1; k >= 0 && k >= v - 3; k--) {
    if (HANDING.test(c.low[k]!)) verb = k;
    else if (c.at[k] || !/^[a-z-]+$/.test(c.low[k]!)) break;
  }
  if (verb < 0 || isPassive(c, verb)) return;
  for (let k = v + 1; k < c.toks.length && k <= v + 6; k++) {
    const w = c.low[k]!;
    if (w === 'to') {
      const to = entityFrom(c, k + 1, 2);
      if (to) for (const payer of subjectOf(c, mem, verb)) add(type, payer, to.entity.name);
      return;
    }
    if (CLAUSE_END.has(w) || c.at[k] || (PREPOSITIONS.has(w) && w !== 'of')) return;
  }
}

/**
 * "X pleaded not guilty to charges brought by Y", "X settled a lawsuit filed by Y (against Z)": the
 * one named after "by" acts on the one after "against", else on the clause's subject before the noun.
 */
function broughtByRule(c: Clause, mem: Memory, v: number, type: string, add: Add): boolean {
  if (imposedOnByRule(c, mem, v, type, add)) return true;
  if (!BRINGING.test(c.low[v + 1] ?? '') || c.low[v + 2] !== 'by') return false;
  const agent = entityFrom(c, v + 3, 2);
  if (!agent) return false;
  const against = c.low[agent.last + 1] === 'against' ? entityFrom(c, agent.last + 2, 2) : undefined;
  const subject = c.ms.filter((m) => m.last < v && !m.possessive && !c.quoted[m.first] && !inPrepPhrase(c, m)).at(-1);
  const patient = (against ?? subject)?.entity.name ?? null;
  add(type, agent.entity.name, patient);
  // "X rejected the allegations made by Y": X also denies Y.
  for (let k = v - 1; k >= 0 && k >= v - 3 && !against; k--) {
    if (VERB_TYPE.get(lemmaOf(c.low[k]!) ?? '') === 'denied') add('denied', patient, agent.entity.name);
    if (c.at[k]) break;
  }
  return true;
}

/**
 * "fines imposed on A, B and nine other airlines by the Commission", "charges levied against X by
 * Y", "a ban imposed by X on Y": the agent after "by" acts on every name listed after "on"/"against".
 */
function imposedOnByRule(c: Clause, mem: Memory, v: number, type: string, add: Add): boolean {
  if (!IMPOSED.test(c.low[v + 1] ?? '')) return false;
  if (c.low[v + 2] === 'by') {
    const agent = entityFrom(c, v + 3, 2);
    const on = agent ? c.low[agent.last + 1] : undefined;
    const first = agent && (on === 'on' || on === 'against') ? entityFrom(c, agent.last + 2, 2) : undefined;
    // "dismissed the challenge to a ban imposed by the integrity panel": with no one named after "on",
    // the ban is on the person the story is about, when the sentence names no other person.
    const storyPerson = agent && !first && PERSONAL_PENALTIES.has(type) && !c.ms.some((m) => m.entity.category === 'person') ? mem.lastPerson : null;
    if (storyPerson) add(type, agent!.entity.name, storyPerson);
    if (!agent || !first) return !!storyPerson;
    for (const p of [first, ...coordinatedAfter(c, first)]) add(type, agent.entity.name, p.entity.name);
    return true;
  }
  if (c.low[v + 2] !== 'on' && c.low[v + 2] !== 'against') return false;
  const first = entityFrom(c, v + 3, 2);
  if (!first) return false;
  const patients = [first, ...coordinatedAfter(c, first)];
  for (let k = patients.at(-1)!.last + 1; k < c.toks.length && k <= patients.at(-1)!.last + 6; k++) {
    if (c.low[k] === 'by') {
      const agent = entityFrom(c, k + 1, 2);
      if (!agent) return false;
      for (const p of patients) add(type, agent.entity.name, p.entity.name);
      return true;
    }
    if (CLAUSE_END.has(c.low[k]!) || c.at[k]) return false;
  }
  return false;
}

/** Penalties that fall on a person: a ban with no one named after it is on the one the story is about. */
const PERSONAL_PENALTIES = new Set(['banned', 'suspended', 'fined']);

/** Participles that put a penalty or a charge on someone: "imposed on", "levied against". */
const IMPOSED = /^(imposed|levied|brought|filed|handed|laid|lodged|issued|slapped)$/;

/** Verbs that bring a legal act: "filed a lawsuit", "brought charges", "opened an inquiry". */
const BRINGING =
  /^(filed|files|file|filing|brought|brings|bring|bringing|laid|lays|lodged|lodges|launched|launches|opened|opens|issued|issues|levelled|leveled|made|raised)$/;

/** The subject of a bringing verb at most five words before the noun at v ("filed criminal securities fraud charges"). */
function bringerOf(c: Clause, mem: Memory, v: number): string | null {
  for (let k = v - 1; k >= 0 && k >= v - 5; k--) {
    if (BRINGING.test(c.low[k]!)) return isPassive(c, k) ? null : (subjectOf(c, mem, k)[0] ?? null);
    if (c.at[k] || !/^[a-z-]+$/.test(c.low[k]!)) return null;
  }
  return null;
}

/** The patient after an interaction noun's preposition; "into Russia's meddling" is about Russia. */
function patientAfter(c: Clause, k: number): string | null {
  // "charges against former chief executive X"
  const titled = titledPersonAt(c, c.low[k] === 'both' ? k + 1 : k);
  if (titled) return titled.entity.name;
  for (let j = k; j < c.toks.length && j <= k + 3; j++) {
    const m = startingAt(c, j);
    // "a meeting with Trump's lawyer" is not a meeting with Trump.
    if (m) return m.possessive && RELATION_NOUNS[c.low[m.last + 1] ?? ''] ? null : m.entity.name;
    const w = c.low[j]!;
    if (!(DETERMINERS.has(w) || (c.toks[j]!.cap && !QUOTES.has(w)) || /\d/.test(w))) return null;
  }
  return null;
}

/** "during a meeting with Y in Z, X sought …": the one who met is the sentence's free subject. */
function firstFreeSubject(c: Clause, not: string): string | null {
  const m = c.ms.find((x) => x.entity.name !== not && !x.possessive && !c.quoted[x.first] && !inPrepPhrase(c, x) && x.entity.category === 'person');
  return m ? m.entity.name : null;
}

/** "raised by X during discussions with Y": the person closest before the noun, in any phrase. */
function nearestPersonBefore(c: Clause, v: number, not: string): string | null {
  const m = c.ms.filter((x) => x.last < v && v - x.last <= 4 && x.entity.category === 'person' && x.entity.name !== not).at(-1);
  return m ? m.entity.name : null;
}

/** Who owns the noun at v: "Robert Mueller's broad probe", "FBI scrutiny", "his meetings". */
function possessorOf(c: Clause, mem: Memory, v: number): string | null {
  for (let k = v - 1; k >= 0 && k >= v - 3; k--) {
    const m = endingAt(c, k);
    if (m) return m.possessive || k === v - 1 ? m.entity.name : null;
    const w = c.low[k]!;
    if (w === 'his' || w === 'her') return mainSubject(c, mem) ?? mem.lastPerson;
    if (!(isAdverb(w) || /^[a-z-]+$/.test(w)) || DETERMINERS.has(w) || PREPOSITIONS.has(w) || CLAUSE_END.has(w)) return null;
  }
  return null;
}

/** "talks broke down between him and Kim", "the relationship between A and B". */
function betweenRule(c: Clause, mem: Memory, v: number, type: string, add: Add): boolean {
  let k = v + 1;
  while (k < c.toks.length && k <= v + 4 && c.low[k] !== 'between') k++;
  if (c.low[k] !== 'between') return false;
  const side = (j: number): [string | null, number] => {
    if (OBJECT_PRONOUNS.has(c.low[j]!)) return [objectPronoun(c, mem, j, []), j];
    const m = entityFrom(c, j, 3);
    return m ? [m.entity.name, m.last] : [null, j];
  };
  const [a, end] = side(k + 1);
  if (!a || c.low[end + 1] !== 'and') return false;
  const [b] = side(end + 2);
  // Relations between countries are the article's topic, not a stated link between two actors.
  const isPlace = (x: string | null): boolean => c.ms.some((m) => m.entity.name === x && m.entity.category === 'place');
  if (type === 'relationship_with' && isPlace(a) && isPlace(b)) return true;
  add(type, a, b);
  return !!b;
}

/** Relations stated with a noun: "X's lawyer Y", "Y, an ally of X", "ORG bosses A and B", "his son James". */
function relationRules(c: Clause, mem: Memory, add: Add): void {
  for (let v = 0; v < c.toks.length; v++) {
    const rel = relationNounAt(c, v);
    if (!rel) continue;
    const of = ofAfterNoun(c, v);
    if (of !== null) {
      // "a close ally of Russian President Vladimir Putin": the holder is the nearest free person before.
      // "X, the president of the court": a description stands for the body named before.
      const described = c.low[of + 1] === 'the' ? definiteRef(c, mem, of + 2) : null;
      // "head of legal services X": a person past plain lowercase words is not the one "of" names
      // (a body may be: "owner of telecoms company X").
      const found = entityFrom(c, of + 1, 3);
      const named =
        found && (found.entity.category !== 'person' || c.low.slice(of + 1, found.first).every((w, i) => LIST_GLUE.has(w) || c.toks[of + 1 + i]!.cap))
          ? found
          : undefined;
      // "leader of a European Union state": a name that modifies a noun is not the owner.
      // "head of the FBI office in X": a branch of a body is still that body.
      const branch = named !== undefined && SUB_UNITS.has(c.low[named.last + 1]!);
      const owner = described ?? (named && (branch || !beforeNoun(c, named.last + 1)) ? named.entity.name : undefined);
      const holder =
        appositionHead(c, v) ??
        // "a job for the daughter of X": a relation noun inside a phrase describes someone unnamed.
        (inPhrase(c, v) ? undefined : c.ms.filter((m) => m.last < v && m.entity.category === 'person' && !m.possessive && !inPrepPhrase(c, m)).at(-1)) ??
        namedAfter(c, v) ??
        frontedAs(c, v);
      // "the president of Mexico": a place only qualifies an office; envoys and allies do belong to one.
      const type = branch && rel === 'leads' ? 'works_for' : relationType(c, v)[0];
      // "board members of X, including Y", "two members of X, A and B,": the people listed after the owner.
      if (owner && named && !holder && c.low[v]!.endsWith('s') && !isPlace(c, mem, owner)) for (const m of membersListedAfter(c, named)) add(type, m, owner);
      if (owner && holder && !(OFFICES.has(rel) && isPlace(c, mem, owner))) add(type, holder.entity.name, owner);
      // "the force's former head of legal services X", "Acme's head of compliance X": the possessor
      // owns a role whose "of" names a department, and the name after the phrase holds it.
      else if (!owner) {
        // Heading a department is working for the body that has it.
        const dept = type === 'leads' ? 'works_for' : type === 'formerly_led' ? 'formerly_worked_for' : type;
        const head = personAfterPhrase(c, of + 1);
        const possessor = head ? ownerBefore(c, mem, v, rel) : null;
        if (head && possessor && !isPlace(c, mem, possessor)) add(dept, head, possessor);
        // "X, head of legal affairs at Acme,": the body after "at" owns the role.
        const body = head ? undefined : bodyAfterPhrase(c, of + 1);
        if (body && holder) add(dept, holder.entity.name, body);
        // "X, the FCA's director of enforcement,": the possessor owns the role X holds.
        const owning = head || body || !holder ? null : ownerBefore(c, mem, v, rel);
        if (owning && holder && !isPlace(c, mem, owning)) add(dept, holder.entity.name, owning);
      }
      continue;
    }
    const holders = holdersAfter(c, v);
    if (holders.length === 0 && possessedApposition(c, mem, v, add)) continue;
    const group = groupOwnerBefore(c, mem, v);
    const owner = group.length > 0 ? null : ownerBefore(c, mem, v, rel);
    if (group.length > 0) for (const h of holders) for (const o of group) add(relationType(c, h.noun)[0], h.name, o);
    // "X stepped down as Acme's chief executive", "X was named as the company's chairman".
    // "X, Acme's former chief operating officer, was arrested": the person the description is in apposition to.
    const asHolder = owner && holders.length === 0 ? (holderBeforeAs(c, v) ?? possessedAppositionHead(c, v)) : null;
    if (asHolder) {
      holders.push({ name: asHolder, noun: v });
      // "A and B, both former Acme executives,": a plural title describes everyone listed before it.
      if (/s$/.test(c.low[v]!)) for (const name of appositionListBefore(c, v, asHolder)) holders.push({ name, noun: v });
    } else if (owner && holders.length === 0) {
      // "Trump's lawyer" with no name yet: "the lawyer, Michael Cohen" may name him later.
      mem.owners.set(c.low[v]!, owner);
    }
    for (const h of holders) {
      const [type, ownerFirst] = relationType(c, h.noun);
      if (ownerFirst) add(type, owner, h.name);
      else add(type, h.name, owner);
    }
  }
}

/** "X, Acme's chief executive," / "X, the company's lawyer.": the person right before the comma that opens the phrase at v. */
/** "A and B, both former Acme executives": the people listed before the one the apposition follows. */
function appositionListBefore(c: Clause, v: number, head: string): string[] {
  for (let k = v - 1; k >= 1 && k >= v - 12; k--) {
    if (c.low[k] !== ',') continue;
    const m = endingAt(c, k - 1);
    return m && m.entity.name === head ? coordinatedBefore(c, m) : [];
  }
  return [];
}

function possessedAppositionHead(c: Clause, v: number): string | null {
  // "X, Acme's former finance chief and Y's top lieutenant, …": a second title may follow the first.
  if (!/^([,.;)]|and)$/.test(c.low[v + 1] ?? '.')) return null;
  for (let k = v - 1; k >= 1 && k >= v - 12; k--) {
    if (c.low[k] === ',') {
      const m = endingAt(c, k - 1);
      return m && m.entity.category === 'person' && !m.possessive ? m.entity.name : null;
    }
    if (!c.at[k] && !c.toks[k]!.possessive && !/^[a-z-]+$/.test(c.low[k]!)) return null;
  }
  return null;
}

/** "of legal services X": the person named right after a short lowercase phrase starting at k. */
function personAfterPhrase(c: Clause, k: number): string | null {
  for (let j = k; j < c.toks.length && j <= k + 4; j++) {
    const m = startingAt(c, j);
    if (m) return j > k && m.entity.category === 'person' && !m.possessive ? m.entity.name : null;
    if (!/^[a-z-]+$/.test(c.low[j]!) || PREPOSITIONS.has(c.low[j]!) || DETERMINERS.has(c.low[j]!)) return null;
  }
  return null;
}

/** "of legal affairs at Acme": the body after "at" that ends a short lowercase phrase starting at k. */
function bodyAfterPhrase(c: Clause, k: number): string | null {
  for (let j = k; j < c.toks.length && j <= k + 4; j++) {
    if (c.low[j] === 'at' && j > k) {
      const m = entityFrom(c, j + 1, 1);
      return m && m.entity.category === 'institution' ? m.entity.name : null;
    }
    if (c.at[j] || !/^[a-z-]+$/.test(c.low[j]!) || PREPOSITIONS.has(c.low[j]!) || DETERMINERS.has(c.low[j]!)) return null;
  }
  return null;
}

/** "X resigned as Acme's chief executive": the person heading the clause of an "as" phrase that holds the noun at v. */
function holderBeforeAs(c: Clause, v: number): string | null {
  for (let k = v - 1; k >= 0 && k >= v - 8; k--) {
    const w = c.low[k]!;
    if (w === 'as') {
      const m = c.ms.filter((x) => x.last < k && x.entity.category === 'person' && !x.possessive && !c.quoted[x.first] && !inPrepPhrase(c, x)).at(-1);
      return m ? m.entity.name : null;
    }
    if (!c.at[k] && !c.toks[k]!.possessive && !/^[a-z-]+$/.test(w)) return null;
    if (PREPOSITIONS.has(w) || CLAUSE_END.has(w)) return null;
  }
  return null;
}

/**
 * The preposition that gives a relation noun its owner: "president of X", "spokesman for X", and
 * one shared by a coordinated title, "former CEO and controlling shareholder of X".
 */
function ofAfterNoun(c: Clause, v: number): number | null {
  const next = c.low[v + 1];
  if (next === 'of' || next === 'for' || next === 'at') return v + 1;
  // "an adviser to Acme", "an aide to X".
  if (next === 'to' && /^(adviser|advisor|aide|advisers|advisors|aides)$/.test(c.low[v]!)) return v + 1;
  if (next !== 'and') return null;
  for (let k = v + 2; k < c.toks.length && k <= v + 5; k++) {
    if (c.low[k] === 'of') return k > v + 2 ? k : null;
    if (c.at[k] || !/^[a-z-]+$/.test(c.low[k]!) || PREPOSITIONS.has(c.low[k]!)) return null;
  }
  return null;
}

/** The noun at v follows a preposition other than "as" ("for the daughter of"), past determiners and modifiers. */
function inPhrase(c: Clause, v: number): boolean {
  if (c.low[v] === 'charge') return false; // "the agent in charge of X"
  for (let k = v - 1; k >= 0 && k >= v - 4; k--) {
    const w = c.low[k]!;
    if (PREPOSITIONS.has(w)) return w !== 'as';
    if (c.at[k] || !/^[a-z-]+$/.test(w)) return false;
  }
  return false;
}

/** "As chief executive of X, Y presided …": a fronted "as" phrase describes the name after its comma. */
function frontedAs(c: Clause, v: number): Placed | undefined {
  if (c.low[0] !== 'as' || v > 4) return undefined;
  for (let k = v + 1; k < c.toks.length && k <= v + 10; k++) {
    if (c.low[k] !== ',') continue;
    const m = startingAt(c, k + 1);
    return m && m.entity.category === 'person' ? m : undefined;
  }
  return undefined;
}

/** Nouns for a branch of a body: the branch's staff work for the body. */
const SUB_UNITS = new Set(['office', 'offices', 'branch', 'bureau', 'unit', 'division', 'department']);

/**
 * "said Y, his lawyer,", "Y, her spokesman, said": an apposition whose possessive pronoun points to
 * the last other person (or, for "its", body) named before; Y holds the relation.
 */
function possessedApposition(c: Clause, mem: Memory, v: number, add: Add): boolean {
  const pron = c.low[v - 1];
  if (!(pron === 'his' || pron === 'her' || pron === 'its' || pron === 'their') || c.low[v - 2] !== ',') return false;
  if (!/^[,.;]$/.test(c.low[v + 1] ?? '.')) return false;
  const holder = endingAt(c, v - 3);
  if (!holder || holder.entity.category !== 'person' || holder.possessive) return false;
  const earlier = (category: string): string | null =>
    c.ms.filter((m) => m.last < holder.first && m.entity.category === category && m.entity !== holder.entity).at(-1)?.entity.name ?? null;
  const owner =
    pron === 'its' ? (earlier('institution') ?? mem.lastCompany) : pron === 'their' ? earlier('institution') : (earlier('person') ?? mem.lastPerson);
  if (!owner || owner === holder.entity.name) return false;
  add(relationType(c, v)[0], holder.entity.name, owner);
  return true;
}

/**
 * "The head of Acme's shipping unit, X, resigned": a description opening the sentence is named by
 * the apposition after it.
 */
function namedAfter(c: Clause, v: number): Placed | undefined {
  if (!(v === 1 && c.low[0] === 'the') && !(v === 2 && c.low[0] === 'the' && /^(former|then|new)$/.test(c.low[1]!))) return undefined;
  for (let k = v + 1; k < c.toks.length && k <= v + 10; k++) {
    if (c.low[k] !== ',') continue;
    const m = startingAt(c, k + 1);
    return m && m.entity.category === 'person' && closesApposition(c, m.last + 1) ? m : undefined;
  }
  return undefined;
}

/**
 * The name of an opening description ends at k: a comma, or (as papers often leave the comma out)
 * the verb of the sentence, "The president of Acme, X has resigned"; not a list ("X and Y").
 */
function closesApposition(c: Clause, k: number): boolean {
  const w = c.low[k] ?? '';
  return w === ',' || AUXILIARIES.has(w) || (/^[a-z]+(ed|s)$/.test(w) && !c.at[k] && !PREPOSITIONS.has(w) && w !== 'was');
}

/** "members of X, including Y and Z", "two members of X, A and B,": the people named right after the owner X. */
function membersListedAfter(c: Clause, owner: Placed): string[] {
  let k = owner.last + 1;
  if (c.low[k] !== ',') return [];
  k++;
  if (c.low[k] === 'including') k++;
  const first = entityFrom(c, k, 4);
  return first && first.entity.category === 'person'
    ? [first, ...coordinatedAfter(c, first)].filter((m) => m.entity.category === 'person').map((m) => m.entity.name)
    : [];
}

/** "Y, owner of Z", "Y, the president of Z": the person right before the comma holds the relation, in any phrase. */
function appositionHead(c: Clause, v: number): Placed | undefined {
  let k = v - 1;
  while (k > 0 && k >= v - 3 && !c.at[k] && c.low[k] !== ',' && /^[a-z-]+$/.test(c.low[k]!)) k--;
  if (c.low[k] !== ',') return undefined;
  const m = endingAt(c, k - 1);
  return m && m.entity.category === 'person' && !m.possessive ? m : undefined;
}

/** Relations of office: a place after "of" qualifies the title rather than employing its holder. */
const OFFICES = new Set(['leads', 'works_for', 'member_of']);

const isPlace = (c: Clause, mem: Memory, name: string): boolean =>
  [...c.ms, ...mem.recent].some((m) => m.entity.name === name && m.entity.category === 'place');

/** "ex-CEO" is a former CEO. */
const bareNoun = (w: string): string => w.replace(/^(ex|former)-/, '');

/** The relation noun at v: lowercase ("lawyer", "ex-chairman") or an acronym ("CEO"), never a capitalised title before a name. */
function relationNounAt(c: Clause, v: number): string | undefined {
  const w = c.low[v]!;
  // Called for every token: the table lookup comes first.
  // "the agent in charge of X" works for X.
  if (w === 'charge' && c.low[v - 1] === 'in' && c.low[v + 1] === 'of') return 'works_for';
  const rel = RELATION_NOUNS[w] ?? (w.includes('-') ? RELATION_NOUNS[bareNoun(w)] : undefined);
  if (!rel || c.at[v]) return undefined;
  const text = c.toks[v]!.text;
  if (c.toks[v]!.cap && !/^[A-Z]{2,4}$/.test(text.slice(text.indexOf('-') + 1))) return undefined;
  return rel;
}

/**
 * The relation a noun states, with "former" kept ("its former president" -> former_president_of)
 * and family nouns read from the parent's side ("his son James" -> father_of).
 */
function relationType(c: Clause, v: number): [type: string, ownerFirst: boolean] {
  const noun = bareNoun(c.low[v]!);
  // "chief executive" heads the body, as "CEO" does.
  const chief = noun === 'executive' && c.low[v - 1] === 'chief';
  if (noun === 'charge') return ['works_for', false];
  const rel = chief ? 'leads' : RELATION_NOUNS[noun]!;
  // "former chief operating officer": "former" may stand a few title words before the noun.
  let former = noun !== c.low[v];
  for (let k = v - 1; k >= 0 && k >= v - 4 && !former && /^[a-z-]+$/.test(c.low[k]!) && !DETERMINERS.has(c.low[k]!); k--) {
    // "former Acme executives": the body's name may stand between "former" and the noun.
    const m = c.at[k];
    if (m) {
      if (m.possessive || m.entity.category !== 'institution') break;
      k = m.first;
      continue;
    }
    former = c.low[k] === 'former' || c.low[k] === 'ex';
  }
  if ((noun === 'son' || noun === 'daughter') && (c.low[v - 1] === 'his' || c.low[v - 1] === 'her')) {
    return [c.low[v - 1] === 'his' ? 'father_of' : 'mother_of', true];
  }
  // "Baker Lane's client Acme": the owner is the one who acts for the holder.
  if (noun === 'client' || noun === 'clients') return [rel, true];
  if (!former) return [rel, false];
  if (noun === 'president') return ['former_president_of', false];
  if (rel === 'leads') return ['formerly_led', false];
  if (rel === 'works_for') return ['formerly_worked_for', false];
  return [rel, false];
}

/**
 * The person(s) a relation noun introduces: "lawyer Michael Cohen", "bosses Rupert and James Murdoch",
 * "lawyer, X". A later list item keeps its own noun: "bosses A and B, and former executive C".
 */
function holdersAfter(c: Clause, v: number): { name: string; noun: number }[] {
  const k = c.low[v + 1] === ',' ? v + 2 : v + 1;
  const m = startingAt(c, k) ?? (c.toks[k]?.cap && !c.at[k] ? startingAt(c, k + 1) : undefined);
  // A client may be a company ("Baker Lane's client Acme"); other relation nouns name people.
  const client = /^clients?$/.test(c.low[v]!) && m?.entity.category === 'institution' && !m.possessive;
  if (!m || (m.entity.category !== 'person' && !client)) return [];
  const out = [{ name: m.entity.name, noun: v }];
  let prevEnd = m.last;
  for (const x of coordinatedAfter(c, m)) {
    if (x.entity.category !== 'person') break;
    let noun = v;
    let ownTitle = false;
    for (let j = prevEnd + 1; j < x.first; j++) {
      if (RELATION_NOUNS[c.low[j]!] && !c.toks[j]!.cap) noun = j;
      else if (TITLE_WORDS.has(c.low[j]!)) ownTitle = true;
    }
    // "Party leader A, Ohio Governor B and C": B holds an office of his own, not the party's lead.
    if (ownTitle && noun === v) break;
    out.push({ name: x.entity.name, noun });
    prevEnd = x.last;
  }
  return out;
}

/** Whose lawyer/boss/son: "X's lawyer", "ORG bosses", "his son" (the clause subject), "the lawyer" (named earlier). */
/** "their lawyer, X": the group "their" stands for owns the role. */
function groupOwnerBefore(c: Clause, mem: Memory, v: number): string[] {
  for (let k = v - 1; k >= 0 && k >= v - 3; k--) {
    if (c.low[k] === 'their') return groupRef(c, mem, k);
    if (c.at[k] || !/^[a-z-]+$/.test(c.low[k]!)) return [];
  }
  return [];
}

function ownerBefore(c: Clause, mem: Memory, v: number, rel: string): string | null {
  // "Acme's former chief operating officer": up to four words between the owner and the noun.
  for (let k = v - 1; k >= 0 && k >= v - 5; k--) {
    const m = endingAt(c, k);
    // "Acme lawyer X" may be Acme's own lawyer; "Baker Lane client Acme" is the firm's client.
    if (m) return m.possessive || (k === v - 1 && (!NEEDS_POSSESSOR.has(rel) || /^clients?$/.test(c.low[v]!))) ? m.entity.name : null;
    const w = c.low[k]!;
    // "the paper's editor X", "the company's spokesman X": the description's entity owns the role.
    if (c.toks[k]!.possessive && c.low[k - 1] === 'the') return describedEntity(c, mem, k);
    // Inside a quote "his" is someone the speaker talks about, not the speaker: no owner is sure.
    if ((w === 'his' || w === 'her') && c.quoted[k]) return null;
    // "his" is a person's: not the company that opens "Acme CEO X faces …, his lawyer, Y, said".
    if (w === 'his' || w === 'her')
      return subjectOf(c, mem, k).find((n) => personOf(n, c)) ?? c.ms.find((x) => x.last < k && x.entity.category === 'person')?.entity.name ?? mem.lastPerson;
    // "Its chairman, X": at the start of a sentence, the body the last one opened with, else the last company.
    if (w === 'its')
      return c.ms.filter((x) => x.last < k && x.entity.category === 'institution').at(-1)?.entity.name ?? (k <= 1 ? (mem.lastBody ?? mem.lastCompany) : null);
    if (w === 'company') return mem.lastCompany;
    if (w === 'the') return mem.owners.get(c.low[v]!) ?? null;
    if (w !== 'former' && w !== 'ex' && !/^[a-z]+(-[a-z]+)?$/.test(w)) return null;
  }
  return null;
}

/**
 * The link a capitalised title at a body states: a head leads it (led it, with "former" before),
 * a player is a member of the team, anyone else works for it.
 */
function roleType(c: Clause, m: Placed, title: string): string {
  const t = title.toLowerCase();
  if (SPORT_POSITIONS.has(t.split(' ').at(-1)!)) return 'member_of';
  if (!isHeadTitle(t)) return 'works_for';
  // "former Acme Chief Executive X": "former" may stand before the body's name.
  let former = false;
  for (let k = m.first - 1; k >= 0 && k >= m.first - 8 && !former; k--) {
    if (!c.toks[k]!.cap && !c.at[k] && !/^(former|ex)$/.test(c.low[k]!)) break;
    former = /^(former|ex)$/.test(c.low[k]!);
  }
  return former ? 'formerly_led' : 'leads';
}

/**
 * Stated outright by the names' own shape: "Metropolitan Police's Counter Terrorism Command",
 * "the Met's Director … Dick Fedorcio", "Davinder Singh from Davinder Singh Chambers", and roles
 * ("Metropolitan Police Commissioner Sir Paul Stephenson") that mentions.ts attached to a person.
 */
/** Nouns for a match or its result: "X's 2-1 loss to Y". */
const MATCHES = /^(game|match|clash|tie|fixture|final|defeat|loss|win|victory|draw)$/;

function nameShapeRules(c: Clause, add: Add): void {
  const { ms } = c;
  for (let k = 0; k + 1 < ms.length; k++) {
    const a = ms[k]!;
    const b = ms[k + 1]!;
    if (a.possessive && a.entity.category === 'institution' && b.first - a.last <= 6) {
      // Not "X's bid for Y": a preposition other than "of" puts Y outside X. "X's 2-1 loss to Y",
      // "X's game against Y": the two played each other.
      const between = c.low.slice(a.last + 1, b.first);
      const inside = !between.some((w) => w !== 'of' && PREPOSITIONS.has(w));
      if (b.entity.category === 'institution' && inside) add('part_of', b.entity.name, a.entity.name);
      else if (b.entity.category === 'institution' && MATCHES.test(between.at(-2) ?? '') && /^(against|to|at|over|with|by)$/.test(between.at(-1) ?? ''))
        add('played', a.entity.name, b.entity.name);
      // "Acme's chief X and Y's deputy": a person who owns the next noun is not Acme's.
      if (b.entity.category === 'person' && !b.possessive) add('works_for', b.entity.name, a.entity.name);
    }
    // "Smith's Liberal Party": a person's party is the one they belong to.
    if (a.possessive && a.entity.category === 'person' && b.entity.kind === 'party' && b.first - a.last <= 2) add('member_of', a.entity.name, b.entity.name);
  }
  for (const m of ms) {
    if (m.entity.category !== 'person') continue;
    for (const r of m.entity.roles) {
      if (r.sentence !== c.s || !r.institution) continue;
      add(roleType(c, m, r.title), m.entity.name, r.institution);
      // "ORG Commissioner A and Assistant Commissioner B": B holds a title at the same ORG.
      for (const other of coordinatedAfter(c, m)) {
        if (other.entity.roles.some((o) => o.sentence === c.s && !o.institution)) add('works_for', other.entity.name, r.institution);
      }
    }
  }
}
