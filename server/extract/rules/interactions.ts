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
 * person named with that title. Nothing is emitted when the subject is not an entity.
 */
import type { Interaction, Sentence } from '../types.js';
import type { Token } from './nlp.js';
import type { Placed } from './aliases.js';

/**
 * The documented verb vocabulary: interaction type -> verb lemmas that express it. Inflected forms
 * ("met", "sought", "accusing", "sues") are reduced to these lemmas by `lemmaOf`.
 */
export const INTERACTION_VERBS: Record<string, readonly string[]> = {
  met: ['meet', 'visit', 'host', 'receive'],
  spoke_with: ['speak', 'talk', 'discuss', 'phone', 'call'],
  asked: ['ask', 'seek', 'request', 'press'],
  urged: ['urge'],
  assured: ['assure', 'pledge', 'reassure'],
  promised: ['promise'],
  warned: ['warn'],
  told: ['tell'],
  accused: ['accuse', 'blame', 'lie'],
  confronted: ['confront', 'challenge'],
  criticized: ['criticize', 'criticise', 'condemn', 'slam', 'attack', 'vilify'],
  denied: ['deny', 'reject', 'dismiss'],
  praised: ['praise', 'thank', 'commend'],
  trusts: ['trust'],
  sanctioned: ['sanction'],
  charged: ['charge', 'indict'],
  sued: ['sue'],
  arrested: ['arrest', 'detain'],
  investigated: ['investigate', 'probe'],
  prosecuted: ['prosecute'],
  summoned: ['summon', 'subpoena'],
  questioned: ['question', 'quiz', 'interview', 'grill'],
  referred: ['refer'],
  approached: ['approach'],
  assisted: ['assist', 'help', 'aid'],
  funded: ['fund', 'funnel', 'pay', 'donate'],
  employed: ['employ', 'hire'],
  received_from: ['obtain', 'accept'],
  testified_before: ['testify'],
};

/**
 * Nouns that name an interaction; they need "between A and B", a possessor ("X's probe into Y")
 * or a preposition that introduces the other side, so a bare "sanctions" or "charges" gives nothing.
 */
const INTERACTION_NOUNS: Record<string, string> = {
  meeting: 'met',
  meetings: 'met',
  talks: 'met',
  summit: 'met',
  discussions: 'met',
  dialogue: 'met',
  call: 'spoke_with',
  conversation: 'spoke_with',
  probe: 'investigated',
  investigation: 'investigated',
  inquiry: 'investigated',
  scrutiny: 'investigated',
  lawsuit: 'sued',
  suit: 'sued',
  sanctions: 'sanctioned',
  charges: 'charged',
  indictment: 'charged',
  arrest: 'arrested',
  accusations: 'accused',
  assurance: 'assured',
  assurances: 'assured',
  promise: 'promised',
  testimony: 'testified_before',
  relationship: 'relationship_with',
  relations: 'relationship_with',
  contract: 'contract_with',
  deal: 'contract_with',
  referral: 'referred',
  employment: 'employed',
};
/** Prepositions that introduce the other side of an interaction noun ("probe into", "lawsuit against"). */
const NOUN_PATIENT_PREPS = new Set(['into', 'of', 'against', 'with', 'on', 'before']);

/** Prepositions a verb type takes for its object, beyond a direct object ("met with X", "sought … from X"). */
const OBJECT_PREPS: Record<string, readonly string[]> = {
  met: ['with'],
  spoke_with: ['with', 'to'],
  asked: ['from'],
  received_from: ['from'],
  funded: ['to'],
  accused: ['to'],
  told: ['to'],
  testified_before: ['before', 'to'],
  referred: ['to'],
  assured: ['to'],
  promised: ['to'],
};

/** Relations stated with a noun: "X's lawyer Y", "an ally of X", "spokesman for X", "ORG bosses A and B". */
const RELATION_NOUNS: Record<string, string> = {
  lawyer: 'lawyer_for',
  attorney: 'lawyer_for',
  spokesman: 'spokesman_for',
  spokeswoman: 'spokesman_for',
  spokesperson: 'spokesman_for',
  ally: 'ally_of',
  member: 'member_of',
  president: 'leads',
  chief: 'leads',
  bosses: 'leads',
  boss: 'leads',
  chairman: 'leads',
  head: 'leads',
  leader: 'leads',
  founder: 'leads',
  executive: 'works_for',
  director: 'works_for',
  son: 'child_of',
  father: 'father_of',
  daughter: 'child_of',
  wife: 'spouse_of',
  husband: 'spouse_of',
  adviser: 'works_for',
  aide: 'works_for',
  colleague: 'colleague_of',
  journalist: 'works_for',
  employee: 'works_for',
  representative: 'works_for',
};
/**
 * Every type this extractor can give an interaction, for consumers that prepare per-type work (the
 * loader's typed statements). Types built at run time beyond these ("former_…") are still valid.
 */
export const INTERACTION_TYPES: readonly string[] = [
  ...new Set([
    ...Object.keys(INTERACTION_VERBS),
    ...Object.values(INTERACTION_NOUNS),
    ...Object.values(RELATION_NOUNS),
    'former_president_of',
    'formerly_led',
    'formerly_worked_for',
    'allegedly_met',
  ]),
];

/** A relation noun needs a possessor or "of/for" to be trusted: "Justice Department special counsel X" is a title. */
const NEEDS_POSSESSOR = new Set(['lawyer_for']);

const VERB_TYPE = new Map<string, string>();
for (const [type, lemmas] of Object.entries(INTERACTION_VERBS)) for (const l of lemmas) VERB_TYPE.set(l, type);

/** Irregular past forms of the vocabulary's verbs. */
const IRREGULAR: Record<string, string> = {
  met: 'meet',
  spoke: 'speak',
  spoken: 'speak',
  sought: 'seek',
  told: 'tell',
  paid: 'pay',
  lied: 'lie',
  lying: 'lie',
};

export const HEDGES =
  /\b(allegedly|alleged|reportedly|purportedly|supposedly|supposed|apparently|suspected|said to|claims?|according to|suggesting|possible|possibly|may have|might have|arguably)\b/i;

/** Words that end a clause: a subject is never looked for across them. */
const CLAUSE_END = new Set([
  ';',
  ':',
  'that',
  'which',
  'while',
  'but',
  'although',
  'though',
  'whether',
  'because',
  'so',
  'if',
  'when',
  'where',
  'since',
  'unless',
  'until',
  'after',
  'before',
  'who',
  'whom',
  'whose',
  'as',
  '.',
  '—',
  '–',
]);
const PREPOSITIONS = new Set([
  'of',
  'for',
  'from',
  'to',
  'with',
  'in',
  'at',
  'by',
  'into',
  'about',
  'against',
  'on',
  'over',
  'between',
  'among',
  'like',
  'during',
  'under',
  'without',
  'within',
  'through',
  'across',
  'toward',
  'towards',
  'behind',
  'including',
  'regarding',
  'despite',
  'throughout',
  'than',
  'per',
  'via',
  'around',
  'near',
  'after',
  'before',
  'since',
  'as',
]);
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'these',
  'those',
  'its',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
  'another',
  'both',
  'all',
  'some',
  'any',
  'no',
  'every',
  'each',
]);
/** Words that may stand between a subject and its verb: auxiliaries, modals, negation, control verbs ("is set to"). */
const VERB_PREFIX = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'do',
  'does',
  'did',
  'not',
  'n’t',
  "n't",
  'never',
  'also',
  'still',
  'now',
  'then',
  'already',
  'just',
  'only',
  'even',
  'to',
  'set',
  'due',
  'going',
  'able',
  'willing',
  'agreed',
  'plans',
  'planned',
  'continue',
  'continues',
  'decided',
  'expected',
  'likely',
  'tried',
  'wants',
  'wanted',
  'hopes',
  'hoped',
  'once',
  'again',
  'later',
  'first',
  'both',
  'all',
]);
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'be', 'is', 'are', 'being', 'got', 'get']);
/** Lowercase words allowed inside a list of entities or before an object: "its former president, Dr. X". */
const LIST_GLUE = new Set([
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
const SUBJECT_PRONOUNS = new Set(['he', 'she']);
const OBJECT_PRONOUNS = new Set(['him', 'her']);
const QUOTES = new Set(['“', '”', '"', '‘', '’']);

const isAdverb = (w: string): boolean => w.length > 3 && w.endsWith('ly') && w !== 'only';

/** Called for every token: answers are cached by word form (bounded, as any text brings new words). */
const lemmaCache = new Map<string, string | null>();
const LEMMA_CACHE_MAX = 50_000;

/** The vocabulary lemma of a word form, if it has one: "accusing" -> "accuse", "sues" -> "sue", "met" -> "meet". */
export function lemmaOf(word: string): string | undefined {
  const cached = lemmaCache.get(word);
  if (cached !== undefined) return cached ?? undefined;
  if (lemmaCache.size >= LEMMA_CACHE_MAX) lemmaCache.clear();
  const lemma = findLemma(word.toLowerCase());
  lemmaCache.set(word, lemma ?? null);
  return lemma;
}

function findLemma(w: string): string | undefined {
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  const candidates = [
    w,
    w.replace(/ies$/, 'y'),
    w.replace(/ied$/, 'y'),
    w.replace(/e?s$/, ''),
    w.replace(/s$/, ''),
    w.replace(/ed$/, ''),
    w.replace(/d$/, ''),
    w.replace(/ing$/, ''),
    w.replace(/ing$/, 'e'),
    w.replace(/(\w)\1(ed|ing)$/, '$1'),
  ];
  return candidates.find((c) => VERB_TYPE.has(c));
}

/** One sentence prepared for the rules: its tokens, lowercase words and which entity covers each token. */
interface Clause {
  s: number;
  toks: Token[];
  low: string[];
  /** The mention covering token k, if any. */
  at: (Placed | undefined)[];
  ms: Placed[];
  /** Token k is inside quotation marks. */
  quoted: boolean[];
}

/** What earlier sentences tell about the ones after them (pronouns, "the president", denials). */
interface Memory {
  /** The last person who was the subject of a sentence: "he"/"she" stand for them. */
  lastPerson: string | null;
  /** Title word -> the last person named with it: "the president" is President Trump. */
  titled: Map<string, string>;
  /** Relation noun -> its owner, from "Trump's lawyer": "the lawyer, Michael Cohen" later. */
  owners: Map<string, string>;
  /** The last one who accused someone: a denial with no named target answers them. */
  lastAccuser: string | null;
  lastCompany: string | null;
}

export function findInteractions(sentences: Sentence[], tokens: Token[][], placed: Placed[]): Interaction[] {
  const out: Interaction[] = [];
  const seen = new Set<string>();
  const bySentence = new Map<number, Placed[]>();
  for (const p of placed) {
    if (p.modifier) continue;
    const list = bySentence.get(p.sentence);
    if (list) list.push(p);
    else bySentence.set(p.sentence, [p]);
  }
  const mem: Memory = { lastPerson: null, titled: new Map(), owners: new Map(), lastAccuser: null, lastCompany: null };

  sentences.forEach((sent, s) => {
    const c = prepare(s, tokens[s] ?? [], bySentence.get(s) ?? []);
    // One interaction per type and pair: the first sentence that states it is its evidence.
    const add = (type: string, source: string | null, target: string | null): void => {
      if (!source || !target || source === target) return;
      const k = `${type}|${source}|${target}`;
      if (seen.has(k)) return;
      seen.add(k);
      out.push({ type, source, target, sentence: s, evidence: { start: sent.start, end: sent.end, text: sent.text }, hedged: HEDGES.test(sent.text) });
      if (type === 'accused' || type === 'sued' || type === 'charged') mem.lastAccuser = source;
    };
    rememberTitles(c, mem);
    const subjects = verbRules(c, mem, add);
    nounRules(c, mem, add);
    relationRules(c, mem, add);
    nameShapeRules(c, add);
    const main = subjects.find((x) => personOf(x, c)) ?? mainSubject(c, mem) ?? c.ms.find((m) => m.entity.category === 'person')?.entity.name;
    if (main) mem.lastPerson = main;
    for (const m of c.ms) if (m.entity.kind === 'company') mem.lastCompany = m.entity.name;
  });
  return out;
}

function prepare(s: number, toks: Token[], placed: Placed[]): Clause {
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
  return { s, toks, low: toks.map((t) => t.text.toLowerCase()), at, ms, quoted };
}

const personOf = (name: string, c: Clause): boolean => c.ms.some((m) => m.entity.name === name && m.entity.category === 'person');

/** The mention ending at k, if k is the last token of one. */
const endingAt = (c: Clause, k: number): Placed | undefined => (c.at[k]?.last === k ? c.at[k] : undefined);
const startingAt = (c: Clause, k: number): Placed | undefined => (c.at[k]?.first === k ? c.at[k] : undefined);

/** A mention inside a prepositional phrase ("ally of Russian President X", "from the United Kingdom"). */
function inPrepPhrase(c: Clause, m: Placed): boolean {
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
function rememberTitles(c: Clause, mem: Memory): void {
  for (const m of c.ms) {
    if (m.entity.category !== 'person') continue;
    for (let k = m.first - 1; k >= 0 && k >= m.first - 3 && c.toks[k]!.cap && !c.at[k]; k--) mem.titled.set(c.low[k]!, m.entity.name);
    for (const r of m.entity.roles) if (r.sentence === c.s) mem.titled.set(r.title.split(' ').at(-1)!.toLowerCase(), m.entity.name);
  }
}

/** "the president" / "the lawyer" at k..k+1 -> the person last named with that title. */
function definiteRef(c: Clause, mem: Memory, k: number): string | null {
  if (c.low[k - 1] !== 'the') return null;
  return mem.titled.get(c.low[k]!) ?? null;
}

/** The person the sentence is about: a leading "He" is the last subject, else the first free person. */
function mainSubject(c: Clause, mem: Memory): string | null {
  if (SUBJECT_PRONOUNS.has(c.low[0] ?? '')) return mem.lastPerson;
  return firstFreePerson(c);
}

/** The first person in the sentence outside prepositional phrases, possessives and quotes. */
function firstFreePerson(c: Clause): string | null {
  const m = c.ms.find((x) => x.entity.category === 'person' && !x.possessive && !c.quoted[x.first] && !inPrepPhrase(c, x));
  return m ? m.entity.name : null;
}

/** The entity heading the clause that ends just before token v, with entities coordinated with it. */
function subjectOf(c: Clause, mem: Memory, v: number): string[] {
  let k = v - 1;
  while (k >= 0 && (VERB_PREFIX.has(c.low[k]!) || isAdverb(c.low[k]!) || QUOTES.has(c.low[k]!))) k--;
  if (k < 0) return [];
  const w = c.low[k]!;
  if (SUBJECT_PRONOUNS.has(w)) {
    if (c.quoted[k]) return []; // "he" inside a quote is someone the speaker talks about
    const earlier = c.ms.filter((m) => m.last < k && m.entity.category === 'person' && !m.possessive && !inPrepPhrase(c, m)).at(-1);
    const ref = earlier?.entity.name ?? titledBefore(c, mem, k) ?? mem.lastPerson;
    return ref ? [ref] : [];
  }
  if (w === 'it' || w === 'they') {
    const inst = c.ms.filter((m) => m.last < k && m.entity.category !== 'person' && !m.possessive && !inPrepPhrase(c, m)).at(-1);
    return inst ? [inst.entity.name] : [];
  }
  const ref = definiteRef(c, mem, k);
  if (ref) return [ref];
  if ((w === 'who' || w === 'which') && c.low[k - 1] === ',') {
    // "Iswaran, who was arrested by …": the relative clause's subject is the name before it.
    const antecedent = endingAt(c, k - 2);
    return antecedent && !antecedent.possessive ? [antecedent.entity.name] : [];
  }
  if (w === ',' || w === ')') return appositionSubject(c, mem, k);
  const m = endingAt(c, k);
  if (!m) return ownedDescriptionSubject(c, k);
  if (m.possessive || inPrepPhrase(c, m)) return [];
  return [...coordinatedBefore(c, m), m.entity.name];
}

/** "Purdue Pharma and its former directors deny": the named entity heads a subject its description is joined to. */
function ownedDescriptionSubject(c: Clause, k: number): string[] {
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

/** "the president" somewhere before k in this sentence. */
function titledBefore(c: Clause, mem: Memory, k: number): string | null {
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
function appositionSubject(c: Clause, mem: Memory, comma: number): string[] {
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
  if (inner && inner.last === comma - 1) return [...coordinatedBefore(c, inner), inner.entity.name];
  const head = endingAt(c, open - 1);
  if (head && !head.possessive && !inPrepPhrase(c, head)) return [...coordinatedBefore(c, head), head.entity.name];
  if (c.low[open] === '(') return subjectOf(c, mem, open);
  return [];
}

/** Entities listed before m with "and" or commas: "Both A and the lawyer, B", "Rupert Murdoch and his son James". */
function coordinatedBefore(c: Clause, m: Placed): string[] {
  const out: string[] = [];
  let k = m.first - 1;
  while (k >= 0) {
    let j = k;
    let joined = false;
    while (j >= 0 && j > k - 5 && !c.at[j] && (LIST_GLUE.has(c.low[j]!) || RELATION_NOUNS[c.low[j]!] || c.toks[j]!.cap)) {
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

/** "of" between capitalised title words: "Minister of Public Security". */
const isTitleOf = (c: Clause, j: number): boolean => c.low[j] === 'of' && !!c.toks[j - 1]?.cap && !!c.toks[j + 1]?.cap;

/** Entities listed after m: "A, B, and C", "Purdue and its former president, Dr. Richard Sackler". */
function coordinatedAfter(c: Clause, m: Placed): Placed[] {
  const out: Placed[] = [];
  let k = m.last + 1;
  while (k < c.toks.length) {
    let j = k;
    let joined = false;
    while (
      j < c.toks.length &&
      j < k + 6 &&
      !c.at[j] &&
      (LIST_GLUE.has(c.low[j]!) || RELATION_NOUNS[c.low[j]!] || /\d/.test(c.low[j]!) || c.toks[j]!.cap || isTitleOf(c, j))
    ) {
      if (c.low[j] === 'and' || c.low[j] === ',') joined = true;
      j++;
    }
    const next = startingAt(c, j);
    if (!joined || !next || next.possessive) break;
    out.push(next);
    k = next.last + 1;
  }
  return out;
}

/** The first entity from k on, past titles, determiners and numbers; possessives modify a noun, so they stop it. */
function entityFrom(c: Clause, k: number, slack: number): Placed | undefined {
  for (let j = k; j < c.toks.length && j <= k + slack; j++) {
    const m = startingAt(c, j);
    if (m) return m.possessive ? undefined : m;
    const w = c.low[j]!;
    if (CLAUSE_END.has(w) || (PREPOSITIONS.has(w) && j > k)) return undefined;
    if (!(DETERMINERS.has(w) || LIST_GLUE.has(w) || c.toks[j]!.cap || /\d/.test(w) || j - k < slack)) return undefined;
  }
  return undefined;
}

/** The object pronoun "him"/"her": the last person before it in the sentence who is not the subject, else the last subject. */
function objectPronoun(c: Clause, mem: Memory, k: number, subjects: string[]): string | null {
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
function objectsOf(c: Clause, mem: Memory, v: number, type: string, subjects: string[]): string[] {
  const preps = OBJECT_PREPS[type] ?? [];
  const n = c.toks.length;
  for (let k = v + 1; k < n && k <= v + 12; k++) {
    const w = c.low[k]!;
    if (OBJECT_PRONOUNS.has(w) && k <= v + 2) {
      const ref = objectPronoun(c, mem, k, subjects);
      return ref ? [ref] : [];
    }
    const ref = definiteRef(c, mem, k);
    if (ref && k <= v + 2) return [ref];
    const m = startingAt(c, k);
    if (m) {
      if (m.possessive) {
        k = m.last;
        continue;
      } // "Trump's lawyer": the object is the lawyer
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
    if (CLAUSE_END.has(w) || PREPOSITIONS.has(w) || QUOTES.has(w)) return [];
  }
  return [];
}

/** A word form is a verb here, not a noun: nouns follow determiners ("the meeting", "27 charges"). */
function isVerbAt(c: Clause, v: number, lemma: string): boolean {
  const tok = c.toks[v]!;
  if (c.at[v] || (tok.cap && v > 0)) return false;
  const prev = c.low[v - 1] ?? '';
  if (DETERMINERS.has(prev) || /\d/.test(prev) || c.toks[v - 1]?.possessive) return false;
  const w = c.low[v]!;
  if (w === lemma || w === `${lemma}s` || w === `${lemma}es`) {
    // Bare and -s forms are also nouns ("sanctions", "the charge"); trust them after a subject or an auxiliary.
    let k = v - 1;
    while (k >= 0 && (isAdverb(c.low[k]!) || QUOTES.has(c.low[k]!))) k--;
    const p = c.low[k] ?? '';
    // A bare form after a plural noun has that noun as its subject: "its former directors deny".
    const afterPlural = w === lemma && /[a-z]s$/.test(p) && !VERB_PREFIX.has(p);
    return afterPlural || VERB_PREFIX.has(p) || SUBJECT_PRONOUNS.has(p) || !!endingAt(c, k) || p === 'it' || p === 'they';
  }
  return true;
}

/** "was arrested", "is assisted", "were charged": a participle after a form of "be". */
function isPassive(c: Clause, v: number): boolean {
  if (!/(ed|en|t)$/.test(c.low[v]!)) return false;
  for (let k = v - 1; k >= 0 && k >= v - 3; k--) {
    if (PASSIVE_AUX.has(c.low[k]!)) return true;
    if (!isAdverb(c.low[k]!) && !VERB_PREFIX.has(c.low[k]!)) return false;
  }
  return false;
}

/** The agent of a passive: the entity after "by" in the same clause ("by the CPIB", "by two prosecutors, Mr A and Mr B"). */
function agentsOf(c: Clause, v: number): string[] {
  for (let k = v + 1; k < c.toks.length && k <= v + 10; k++) {
    const w = c.low[k]!;
    if (w === 'by') {
      for (let j = k + 1; j < c.toks.length && j <= k + 7; j++) {
        const m = startingAt(c, j);
        if (m) return m.possessive ? [] : [m, ...coordinatedAfter(c, m)].map((x) => x.entity.name);
        if (CLAUSE_END.has(c.low[j]!) || PREPOSITIONS.has(c.low[j]!)) return [];
      }
      return [];
    }
    if (CLAUSE_END.has(w) || startingAt(c, k)) return [];
  }
  return [];
}

/** "X reported/alleged/claimed that Y …": X accuses Y. */
const CLAIM_VERBS = new Set(['reported', 'alleged', 'alleges', 'claimed', 'claims', 'asserted', 'charged']);

/** Types where "A and B <verb>" means A <verb> B. */
const RECIPROCAL = new Set(['met', 'spoke_with']);

/** Acts done to someone who then reports them: "The president said Kim did promise to stop testing." */
const SPEECH_ACTS = new Set(['promised', 'assured', 'told']);

/** Who reports the clause of the verb at v: "X said (that) Y …". */
function reporterOf(c: Clause, mem: Memory, v: number): string[] {
  for (let k = v - 1; k >= 1 && k >= v - 6; k--) {
    const w = c.low[k]!;
    if (w === 'said' || w === 'says' || w === 'told') return subjectOf(c, mem, k);
    if (CLAUSE_END.has(w) && w !== 'that') return [];
  }
  return [];
}

type Add = (type: string, source: string | null, target: string | null) => void;

/** Verbs of the vocabulary with their subjects and objects. Returns the subjects found (for "he" later). */
function verbRules(c: Clause, mem: Memory, add: Add): string[] {
  const allSubjects: string[] = [];
  for (let v = 0; v < c.toks.length; v++) {
    const w = c.low[v]!;
    if (CLAIM_VERBS.has(w) && !c.at[v]) claimRule(c, mem, v, add);
    const lemma = lemmaOf(w);
    const type = lemma && VERB_TYPE.get(lemma);
    if (!type || !lemma || !isVerbAt(c, v, lemma)) continue;
    const subjects = subjectOf(c, mem, v);
    allSubjects.push(...subjects);
    if (isPassive(c, v)) {
      for (const agent of agentsOf(c, v)) for (const patient of subjects) add(type, agent, patient);
      // "X was referred to Y": X is sent to Y even when no agent is named.
      if (type === 'referred') for (const to of objectsOf(c, mem, v, type, subjects)) for (const x of subjects) add('referred_to', x, to);
      continue;
    }
    if (subjects.length === 0) continue;
    let objects = objectsOf(c, mem, v, type, subjects);
    if (objects.length === 0 && SPEECH_ACTS.has(type)) objects = reporterOf(c, mem, v);
    for (const subj of subjects) for (const obj of objects) add(type, subj, obj);
    // "Biden and Xi met": a reciprocal verb with a joint subject and no object links the subjects.
    if (objects.length === 0 && RECIPROCAL.has(type)) for (let i = 1; i < subjects.length; i++) add(type, subjects[0]!, subjects[i]!);
    if (type === 'denied' && objects.length === 0) denialRule(c, mem, v, subjects, add);
  }
  return allSubjects;
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
    const type = c.at[v] ? undefined : INTERACTION_NOUNS[c.low[v]!];
    if (!type) continue;
    if (betweenRule(c, mem, v, type, add)) continue;
    const actor = possessorOf(c, mem, v);
    // "the assurance (reportedly given) from/by X to Y"
    for (let k = v + 1; k < c.toks.length && k <= v + 4; k++) {
      if (c.low[k] !== 'from' && c.low[k] !== 'by') continue;
      const from = entityFrom(c, k + 1, 2);
      const to = from && c.low[from.last + 1] === 'to' ? entityFrom(c, from.last + 2, 2) : undefined;
      if (from && to) add(type, from.entity.name, to.entity.name);
      break;
    }
    const prep = c.low[v + 1] ?? '';
    if (!NOUN_PATIENT_PREPS.has(prep)) continue;
    const patient = patientAfter(c, v + 2);
    if (!patient) continue;
    if (actor) add(type, actor, patient);
    else if (prep === 'with' && type === 'met') add(type, firstFreeSubject(c, patient), patient);
  }
}

/** The patient after an interaction noun's preposition; "into Russia's meddling" is about Russia. */
function patientAfter(c: Clause, k: number): string | null {
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
    const rel = c.at[v] || c.toks[v]!.cap ? undefined : RELATION_NOUNS[c.low[v]!];
    if (!rel) continue;
    const next = c.low[v + 1];
    if (next === 'of' || next === 'for') {
      // "a close ally of Russian President Vladimir Putin": the holder is the nearest free person before.
      const owner = entityFrom(c, v + 2, 3);
      const holder = c.ms.filter((m) => m.last < v && m.entity.category === 'person' && !m.possessive && !inPrepPhrase(c, m)).at(-1);
      if (owner && holder) add(rel, holder.entity.name, owner.entity.name);
      continue;
    }
    const holders = holdersAfter(c, v);
    const owner = ownerBefore(c, mem, v, rel);
    if (owner && holders.length === 0) {
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

/**
 * The relation a noun states, with "former" kept ("its former president" -> former_president_of)
 * and family nouns read from the parent's side ("his son James" -> father_of).
 */
function relationType(c: Clause, v: number): [type: string, ownerFirst: boolean] {
  const noun = c.low[v]!;
  const rel = RELATION_NOUNS[noun]!;
  const former = c.low[v - 1] === 'former' || c.low[v - 1] === 'ex';
  if ((noun === 'son' || noun === 'daughter') && (c.low[v - 1] === 'his' || c.low[v - 1] === 'her')) {
    return [c.low[v - 1] === 'his' ? 'father_of' : 'mother_of', true];
  }
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
  if (!m || m.entity.category !== 'person') return [];
  const out = [{ name: m.entity.name, noun: v }];
  let prevEnd = m.last;
  for (const x of coordinatedAfter(c, m)) {
    if (x.entity.category !== 'person') break;
    let noun = v;
    for (let j = prevEnd + 1; j < x.first; j++) if (RELATION_NOUNS[c.low[j]!]) noun = j;
    out.push({ name: x.entity.name, noun });
    prevEnd = x.last;
  }
  return out;
}

/** Whose lawyer/boss/son: "X's lawyer", "ORG bosses", "his son" (the clause subject), "the lawyer" (named earlier). */
function ownerBefore(c: Clause, mem: Memory, v: number, rel: string): string | null {
  for (let k = v - 1; k >= 0 && k >= v - 3; k--) {
    const m = endingAt(c, k);
    if (m) return m.possessive || (k === v - 1 && !NEEDS_POSSESSOR.has(rel)) ? m.entity.name : null;
    const w = c.low[k]!;
    if (w === 'his' || w === 'her')
      return subjectOf(c, mem, k)[0] ?? c.ms.find((x) => x.last < k && x.entity.category === 'person')?.entity.name ?? mem.lastPerson;
    if (w === 'its') return c.ms.filter((x) => x.last < k && x.entity.category === 'institution').at(-1)?.entity.name ?? null;
    if (w === 'company') return mem.lastCompany;
    if (w === 'the') return mem.owners.get(c.low[v]!) ?? null;
    if (w !== 'former' && w !== 'ex' && !/^[a-z]+$/.test(w)) return null;
  }
  return null;
}

/**
 * Stated outright by the names' own shape: "Metropolitan Police's Counter Terrorism Command",
 * "the Met's Director … Dick Fedorcio", "Davinder Singh from Davinder Singh Chambers", and roles
 * ("Metropolitan Police Commissioner Sir Paul Stephenson") that mentions.ts attached to a person.
 */
function nameShapeRules(c: Clause, add: Add): void {
  const { ms, toks } = c;
  for (let k = 0; k + 1 < ms.length; k++) {
    const a = ms[k]!;
    const b = ms[k + 1]!;
    if (a.possessive && a.entity.category === 'institution' && b.first - a.last <= 6) {
      if (b.entity.category === 'institution') add('part_of', b.entity.name, a.entity.name);
      if (b.entity.category === 'person') add('works_for', b.entity.name, a.entity.name);
    }
    if (a.entity.category === 'person' && b.entity.category === 'institution' && b.first === a.last + 2 && toks[a.last + 1]?.text === 'from') {
      add('member_of', a.entity.name, b.entity.name);
    }
  }
  for (const m of ms) {
    if (m.entity.category !== 'person') continue;
    for (const r of m.entity.roles) {
      if (r.sentence !== c.s || !r.institution) continue;
      add('works_for', m.entity.name, r.institution);
      // "ORG Commissioner A and Assistant Commissioner B": B holds a title at the same ORG.
      for (const other of coordinatedAfter(c, m)) {
        if (other.entity.roles.some((o) => o.sentence === c.s && !o.institution)) add('works_for', other.entity.name, r.institution);
      }
    }
  }
}
