/**
 * The clause around an allegation's words: who is the subject, who the object, which names are
 * coordinated ("X and Y"), what "he" stands for, which words name wrongdoing. Pure helpers over
 * one sentence's tokens and placed mentions, shared by allegations.ts and allegation-denials.ts.
 */
import type { Placed } from './aliases.js';
import type { Token } from './nlp.js';
import { BODY_GROUP_NOUNS, GROUP_NOUNS, GROUP_SIZES, bodyGroup, type Lists } from './groups.js';
import { JOB_NOUNS, PERSON_DESCRIPTIONS } from './words.js';
import { TITLE_WORDS } from './lexicons.js';
import {
  ACCUSE,
  ALLEGE,
  FINDING,
  ACT_NOUNS,
  BE,
  BLAME,
  CHARGE,
  CLAUSE_BREAKS,
  DETERMINERS,
  INDICT,
  INVESTIGATE,
  NEGATIONS,
  OUTLET_NOUNS,
  PROSECUTE,
  REPORTING,
  SANCTION,
  SUE,
  WRONGDOING_COMPOUND_HEADS,
  WRONGDOING_STEMS,
} from './allegation-words.js';

export const PREPOSITIONS = new Set([
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
  'within',
  'through',
  'including',
  'as',
  'despite',
  'across',
  'throughout',
  'near',
]);
/** Legal verbs whose subject accuses and whose objects are accused: "X accused Y of", "X sued Y". */
export const ACCUSING = new Set([
  ...ACCUSE,
  ...SUE,
  ...INDICT,
  ...BLAME,
  ...INVESTIGATE,
  ...PROSECUTE,
  ...CHARGE,
  ...SANCTION,
  'convicted',
  'arrested',
  'detained',
  'detain',
  'rearrested',
  're-arrested',
  'sentenced',
  'linking',
  'targeting',
]);
/** Bodies a place may describe without being one ("Tokyo prosecutors", "local police"): the place is no accuser. */
export const LEGAL_BODIES = new Set([
  'prosecutor',
  'prosecutors',
  'police',
  'investigators',
  'regulators',
  'judge',
  'judges',
  'court',
  'officers',
  'agents',
  'detectives',
  'magistrates',
  'authority',
  'agency',
  'unit',
  'squad',
  'office',
  'division',
  'commission',
  'bureau',
  'watchdog',
]);
export interface Clause {
  toks: Token[];
  ms: Placed[];
  /** Lower-cased token texts. */
  w: string[];
  /** Token positions inside a name: "Serious Fraud Office" is no cue. */
  inName: Set<number>;
  lastPerson: string | null;
  /** Who the last allegation was against: "they" in a denial stands for them. */
  lastAccused: string[];
  /** Tokens that name wrongdoing (see wrongdoingTokens). */
  wrong: boolean[];
  /** wrongBefore[k]: how many of the first k tokens name wrongdoing, so that a range is read in one step. */
  wrongBefore: number[];
  /** The sentence has a relative "who" (subjectBefore skips such clauses). */
  hasWho: boolean;
  /** The mention that ends (starts) at each token, looked up in one step. */
  endAt: (Placed | undefined)[];
  startAt: (Placed | undefined)[];
  /** The sentence names an earlier claim ("the charges", "these allegations"). */
  refersBack?: boolean;
  /** The last company named before this sentence: "the company", "the telecoms firm" stand for it. */
  lastCompany?: string | null;
  /** The last company a claim was against before this sentence. */
  accusedCompany?: string | null;
  /** Regulators, courts and other bodies named before this sentence, latest last: "the regulator", "the court" stand for one. */
  bodies?: { name: string; kind: string | undefined }[];
  /** The last entities named together before this sentence, by kind ("A and B were arrested"): "the two", "they", "the companies". */
  lists?: Lists;
  /** Title -> the person last named with it, from sentences before this one: "the former prime minister". */
  titled?: ReadonlyMap<string, string>;
  /** The person the story names most often: whom a lead's "a former executive" describes before naming. */
  protagonist?: string | null;
  /** The last outlet named before this sentence: "the newspaper", "the broadcaster" stand for it. */
  lastOutlet?: string | null;
  /** People named in the sentences before this one, each once, the latest last. */
  recentPeople?: readonly string[];
}

/** Negated within the two words before: "was not accused", "no charges", "not to interfere". */
export function negated(c: Clause, k: number): boolean {
  for (let j = k - 1; j >= 0 && j >= k - 2; j--) if (NEGATIONS.has(c.w[j]!) || c.w[j]!.endsWith("n't")) return true;
  return false;
}

/** A word of wrongdoing, also as the head of a compound ("phone-hacking", "vote-rigging"), not negated by it ("non-interference", "anti-corruption"). */
export const isWrongdoing = (word: string): boolean => {
  let v = wrongdoingCache.get(word);
  if (v === undefined) {
    v = isWrongdoingUncached(word);
    if (wrongdoingCache.size >= 50_000) wrongdoingCache.clear();
    wrongdoingCache.set(word, v);
  }
  return v;
};
// Every token of every sentence is looked up, often several times: memoised, bounded.
const wrongdoingCache = new Map<string, boolean>();
const isWrongdoingUncached = (word: string): boolean => {
  const dash = word.lastIndexOf('-');
  const head = dash > 0 && !/^(non|anti|counter|de)-/.test(word) ? word.slice(dash + 1) : word;
  if (head !== word && WRONGDOING_COMPOUND_HEADS.includes(head)) return true;
  return WRONGDOING_STEMS.some((stem) => head.startsWith(stem) || word.startsWith(stem));
};

/** Doping in plain words: "tested positive (for)", "a banned substance". */
export const dopingAt = (w: readonly string[], k: number): boolean =>
  (w[k] === 'positive' && /^(test|tests|tested|testing)$/.test(w[k - 1] ?? '')) ||
  (/^substances?$/.test(w[k]!) && /^(banned|prohibited)$/.test(w[k - 1] ?? ''));

/** A word of wrongdoing, not negated and not part of a name, in tokens [from, to). */
export function wrongdoingIn(c: Clause, from: number, to: number): boolean {
  const n = c.wrong.length;
  const a = Math.max(0, Math.min(from, n));
  const b = Math.max(a, Math.min(to, n));
  return c.wrongBefore[b]! - c.wrongBefore[a]! > 0;
}

/** "to fix matches", "fixed the tender", "rig bids": fixing what should be fair is wrongdoing; "fix the roads" is not. */
const FIXED_THINGS = /^(?:matches|match|games|game|races|race|bouts|fights|results|prices|bids|tenders|tender|contracts|elections|election|votes)$/;
function fixingAt(w: string[], k: number): boolean {
  if (!/^(?:fix|fixes|fixed|fixing|rig|rigs)$/.test(w[k]!)) return false;
  const next = /^(?:the|a|an|several|some)$/.test(w[k + 1] ?? '') ? w[k + 2] : w[k + 1];
  return FIXED_THINGS.test(next ?? '');
}

/** Which tokens name wrongdoing: not negated, not inside a name; "politically motivated" too. */
export function wrongdoingTokens(w: string[], inName: Set<number>, negatedAt: (k: number) => boolean): boolean[] {
  return w.map(
    (x, k) =>
      (!inName.has(k) && isWrongdoing(x) && !negatedAt(k)) ||
      (x === 'politically' && /^(motivated|driven)$/.test(w[k + 1] ?? '')) ||
      fixingAt(w, k) ||
      (dopingAt(w, k) && !negatedAt(k - 1) && !w.slice(Math.max(0, k - 7), k - 1).some((y) => NEGATIONS.has(y))),
  );
}

// ------------------------------------------------------------------ subjects and objects

/** A mention inside a prepositional phrase ("in Ohio", "ally of Ruritanian President X"). */
export function inPrepPhrase(c: Clause, m: Placed): boolean {
  for (let k = m.first - 1; k >= 0 && k >= m.first - 3; k--) {
    const w = c.w[k]!;
    if (PREPOSITIONS.has(w) && c.toks[k]!.cap && k > 0) continue; // "Under Secretary X": a title
    if (PREPOSITIONS.has(w)) return !(w === 'of' && c.toks[k - 1]?.cap); // "Secretary of State X" is a title
    // "in northwest England", "across rural Kenya": a word placing the name inside the region.
    if (!c.toks[k]!.cap && w !== 'the' && !c.toks[k]!.possessive && !REGION_WORDS.test(w)) return false;
  }
  return false;
}
/** "X and Y, both of lower-league club Z,": the body the ones before belong to, no subject of its own. */
function sharedAffiliation(c: Clause, m: Placed): boolean {
  for (let k = m.first - 1; k >= 1 && k >= m.first - 6; k--) {
    if (c.w[k] === 'of') return /^(both|all|each|either)$/.test(c.w[k - 1]!);
    if (c.startAt[k] || c.endAt[k] || CLAUSE_BREAKS.has(c.w[k]!) || c.w[k] === ',') return false;
  }
  return false;
}
const REGION_WORDS =
  /^(north|south|east|west|northern|southern|eastern|western|northwest|northeast|southwest|southeast|north-west|north-east|south-west|south-east|central|rural|downtown|neighbouring|neighboring)$/;

export const isMedia = (p: Placed): boolean => p.entity.kind === 'media';
export const mentionEndingAt = (c: Clause, k: number): Placed | undefined => c.endAt[k];
export const mentionStartingAt = (c: Clause, k: number): Placed | undefined => c.startAt[k];

/** "India's Acme Group", "Germany's Paylux": a possessor named right before a name only qualifies it; the name is the party. */
export const namedAfterPossessor = (c: Clause, m: Placed): Placed => (m.possessive && c.startAt[m.last + 1]) || m;

/** "he"/"she" stand for the last person named: earlier in this sentence, else in the sentences before. */
export function pronounAt(c: Clause, k: number): string | null {
  if (!/^(he|she|him|her)$/.test(c.w[k] ?? '')) return null;
  const before = [...c.ms].reverse().find((p) => p.last < k && p.entity.category === 'person');
  return before?.entity.name ?? c.lastPerson;
}

/** Nouns that stand for the company named last: "the company", "the telecoms firm". */
const COMPANY_NOUNS = new Set(['company', 'firm', 'group', 'bank', 'lender', 'insurer', 'carrier', 'conglomerate', 'retailer', 'airline', 'manufacturer']);
/** Nouns that stand for the official body named last: "the regulator said", "the court found". */
const BODY_NOUNS = new Set([
  'regulator',
  'watchdog',
  'agency',
  'authority',
  'commission',
  'court',
  'tribunal',
  'panel',
  'federation',
  'council',
  'ministry',
  'department',
  'bureau',
]);
/** Nouns that stand for the person named last: "the former chief executive", "the tycoon". */
const PERSON_NOUNS = new Set([
  'executive',
  'businessman',
  'businesswoman',
  'tycoon',
  'banker',
  'mogul',
  'officer',
  'chairman',
  'founder',
  'financier',
  'host',
  'anchor',
  'presenter',
  'reporter',
  'journalist',
  'player',
  'midfielder',
  'striker',
  'defender',
  'goalkeeper',
  'athlete',
  'coach',
  'captain',
  'commissioner',
  'mayor',
  'lawmaker',
  'official',
  'heir',
  'billionaire',
  'magnate',
  'entrepreneur',
  'boss',
  'chairwoman',
  'owner',
  'star',
  'swimmer',
  'cricketer',
  'cyclist',
  'sprinter',
  'whistleblower',
]);
/** Nouns for people who work for or play in a body: "Acme executives", "two club officials" (the body only qualifies them). */
export const MEMBER_NOUNS = new Set([
  ...PERSON_NOUNS,
  ...PERSON_DESCRIPTIONS,
  ...JOB_NOUNS,
  'executives',
  'officials',
  'officers',
  'employees',
  'staff',
  'workers',
  'directors',
  'managers',
  'players',
  'members',
  'agents',
  'employee',
  'director',
  'manager',
  'member',
  'agent',
]);

/**
 * A definite description that ends at k and stands for a party named before: "the (telecoms)
 * company" for the last company, "the (former chief) executive" for the last person. Only with
 * "the" a word or three before, and only when the description names no one itself.
 */
export function describedAt(c: Clause, k: number, asSubject: boolean, possessor = false): string | null {
  const x = c.w[k] ?? '';
  // "sued the newspaper", "the broadcaster said": the outlet named last, in this sentence or before.
  if (OUTLET_NOUNS.has(x) && c.w[k - 1] === 'the' && !c.startAt[k + 1] && !c.inName.has(k))
    return c.ms.findLast((p) => p.last < k && isMedia(p))?.entity.name ?? c.lastOutlet ?? null;
  const company = COMPANY_NOUNS.has(x);
  const body = BODY_NOUNS.has(x);
  // "the former prime minister": the person named with that title before; "the 64-year-old", "the tycoon": the person named last.
  const titled = company || body ? undefined : (c.titled?.get(`${c.w[k - 1]} ${x}`) ?? c.titled?.get(x));
  // Before anyone is named, "the head of X's unit", "the chairman" can only be who the story goes on to name.
  const lead = c.lastPerson === null && !company && !body && (TITLE_WORDS.has(x) || x === 'head');
  if (!company && !body && !titled && !lead && !PERSON_NOUNS.has(x) && !PERSON_DESCRIPTIONS.has(x) && !/^\d+-year-old$/.test(x)) return null;
  // "the chief executive of Y" is Y's, not the last person's.
  // "the former chairman's misconduct" only when asked for the possessor.
  if ((c.w[k + 1] === 'of' && c.startAt[k + 2] && !lead) || (c.toks[k]!.possessive && !possessor) || c.inName.has(k)) return null;
  let qualifier: Placed | undefined;
  for (let j = k - 1; j >= 0 && k - j <= 3 + (qualifier ? qualifier.last - qualifier.first + 1 : 0); j--) {
    // "A former energy executive must face charges …" before anyone is named: a lead that describes
    // the story's main person before it names them.
    if ((c.w[j] === 'a' || c.w[j] === 'an') && !company && !body) return c.lastPerson === null ? (titled ?? c.protagonist ?? null) : null;
    if (c.w[j] === 'the') {
      // As a subject the description opens its clause: "On Monday the company was fined", not "sued the company, alleging".
      if (
        asSubject &&
        j > 0 &&
        !/^(,|and|;|:|“|"|that|monday|tuesday|wednesday|thursday|friday|saturday|sunday|later|then|now|today|yesterday)$/.test(c.w[j - 1]!)
      )
        return null;
      // "the regulator": the official body whose name holds the noun ("the court" for "the High Court"), else the last one.
      if (body) {
        // "the bureau" for the Federal Bureau of Investigation, or for an acronym holding its initial ("FBI").
        const names = (name: string): boolean => name.toLowerCase().includes(x) || (/^[A-Z]{2,6}$/.test(name) && name.includes(x[0]!.toUpperCase()));
        const named =
          c.ms.findLast((p) => p.last < j && p.entity.category === 'institution' && names(p.entity.name))?.entity.name ??
          c.bodies?.findLast((b) => names(b.name))?.name;
        // Else the last state body; an NGO or a club is no "regulator".
        return named ?? c.bodies?.findLast((b) => b.kind !== 'other')?.name ?? null;
      }
      // The company named last, in this sentence before the description, else in the sentences before.
      // Not the company that opens the sentence when the description is an object: "X alleged that the company …" is another.
      if (company)
        return (
          c.ms.findLast((p) => p.last < j && p.entity.kind === 'company' && (asSubject || ((p !== c.ms[0] || p.first > 2) && !speaks(c, p))))?.entity.name ??
          (asSubject ? null : c.accusedCompany) ??
          c.lastCompany ??
          null
        );
      // A person in this sentence may be the one who accuses the described: "X accused the executive of …".
      return titled ?? c.lastPerson ?? c.protagonist ?? null;
    }
    // "the MSNBC host", "the Acme chief executive": one body may qualify a person's description.
    const m = c.endAt[j];
    // "California's attorney general": a place's title, held by the one the story names with it.
    if (m?.possessive && m.entity.category === 'place' && !company && !body) return titled ?? null;
    if (m && !company && !qualifier && m.entity.category === 'institution' && !m.possessive) {
      qualifier = m;
      j = m.first;
      continue;
    }
    if (!/^[a-z-]+$/.test(c.w[j]!) || c.inName.has(j)) return null;
  }
  return null;
}

/** "In a report, X alleged that …": the mention is the subject of a verb of saying right after it. */
const speaks = (c: Clause, m: Placed): boolean => !inPrepPhrase(c, m) && (ALLEGING.has(c.w[m.last + 1] ?? '') || ALLEGING.has(c.w[m.last + 2] ?? ''));

/** A mention with the ones coordinated to it by "and" or commas: "Ames and Boyd", "he and X". */
function coordinatedBefore(c: Clause, last: Placed | string, lastFirst: number): string[] {
  const out = [typeof last === 'string' ? last : last.entity.name];
  let k = lastFirst - 1;
  for (;;) {
    // "Chelsea's John Terry and Liverpool's Luis Suarez": a possessor that qualifies a name is stepped over.
    const owner = mentionEndingAt(c, k);
    if (owner?.possessive) k = owner.first - 1;
    // Back over "and"/"," and a short description ("party deputy leader", "suspended fire chief,").
    let j = k;
    let joined = false;
    let asWellAs = false;
    let described = 0;
    for (;;) {
      while (j >= 0 && !mentionEndingAt(c, j) && !pronounAt(c, j)) {
        const x = c.w[j]!;
        if (x === 'and' || x === ',') joined = true;
        // "X, the former head of Y, as well as Z"
        else if (x === 'as' && c.w[j - 1] === 'well' && c.w[j - 2] === 'as') {
          joined = asWellAs = true;
          j -= 2;
        }
        // "the Social Democrats (SPOe) and NEOS": a bracketed acronym after a name is part of it.
        else if (x === ')' && joined && c.w[j - 2] === '(') j -= 2;
        // "A and B said X …": a verb of saying ends the description; what stands before it is its subject.
        else if (PREPOSITIONS.has(x) || CLAUSE_BREAKS.has(x) || BE.has(x) || REPORTING.has(x) || ++described > 4) return out;
        j--;
      }
      // "Imran Khan and PTI vice-chairman X": a body naming the title is part of the description.
      const body = !joined && described > 0 ? mentionEndingAt(c, j) : undefined;
      if (!body || body.entity.category !== 'institution' || body.possessive) break;
      j = body.first - 1;
    }
    if (j < 0 || !joined || !/^(and|,|\(|as)$/.test(c.w[j + 1] ?? '')) break;
    let prev = mentionEndingAt(c, j);
    const pron = prev ? null : pronounAt(c, j);
    // "X, the former head of Y, as well as Z", "X, the former head of Y, and Z": a name inside a description is
    // no member of the list; the person before the description is.
    if (prev && inPrepPhrase(c, prev) && (asWellAs || c.w[j + 1] === ',')) {
      if (c.w[j + 1] !== ',') break;
      const open = c.w.lastIndexOf(',', prev.first - 1);
      const item = open > 0 && prev.first - open <= 8 && /^(the|a|an)$/.test(c.w[open + 1] ?? '') ? mentionEndingAt(c, open - 1) : undefined;
      if (!item || item.entity.category !== 'person') break;
      prev = item;
    }
    if (prev && !isMedia(prev) && !prev.possessive) {
      out.unshift(prev.entity.name);
      k = prev.first - 1;
    } else if (pron) {
      out.unshift(pron);
      k = j - 1;
    } else break;
  }
  return [...new Set(out)];
}

export function coordinatedAfter(c: Clause, first: Placed): string[] {
  const out = [first.entity.name];
  let k = first.last + 1;
  for (;;) {
    // "X and Y", "X, Y and Z", "Acme and its former chairman, Dr. Jo Park,", "X as well as Y"
    let j = k;
    for (;;) {
      if (c.w[j] === 'as' && c.w[j + 1] === 'well' && c.w[j + 2] === 'as') j += 3;
      // "A and B, alongside three companies, C and D", "along with", "together with".
      else if (c.w[j] === 'alongside') j += 1;
      else if ((c.w[j] === 'along' || c.w[j] === 'together') && c.w[j + 1] === 'with') j += 2;
      else if (j < c.w.length && j - k <= 5 && /^(and|,|its|his|her|their|the|former|then)$/.test(c.w[j]!)) j++;
      else break;
    }
    if (j === k) break;
    let next =
      mentionStartingAt(c, j) ??
      c.ms.find((p) => p.first > j && p.first - j <= 3 && !c.w.slice(j, p.first).some((x) => PREPOSITIONS.has(x) || CLAUSE_BREAKS.has(x)));
    // "and former human resources vice president Y", "as well as Acme's former finance chief Y": a title
    // of plain words, or a body's title, before the next person.
    const from = next?.possessive ? next.last + 1 : j;
    if (!next || next.possessive) {
      const titled = c.ms.find(
        (p) =>
          p.first >= from &&
          p.first - from <= 6 &&
          p.entity.category === 'person' &&
          c.w.slice(from, p.first).every((y, i) => /^[a-z-]+$/.test(y) && !c.inName.has(from + i) && !PREPOSITIONS.has(y) && !BE.has(y)),
      );
      if (titled) next = titled;
    }
    if (!next || isMedia(next) || next.possessive || !c.w.slice(k, j).some((x) => /^(and|,|as|alongside|with)$/.test(x))) break;
    out.push(next.entity.name);
    k = next.last + 1;
  }
  return out;
}

/**
 * The subject of the word at k: the nearest name or pronoun before it in the same clause
 * ("X, who has been accused" gives X), with the names coordinated to it.
 */
export function subjectBefore(c: Clause, k: number, reach = 8): string[] {
  // "A and B and four co-accused – C, D, E and F – are accused": the people a dashed aside lists for a group.
  const aside: string[] = [];
  for (let j = k - 1; j >= 0 && k - j <= reach; j--) {
    const x = c.w[j]!;
    if ((x === '–' || x === '—') && j === k - 1 - countBe(c, j + 1, k)) {
      const open = c.w.lastIndexOf(x, j - 1);
      if (open > 0 && j - open <= 40 && (GROUP_NOUNS.has(c.w[open - 1]!) || /^(others|co-accused)$/.test(c.w[open - 1]!))) {
        aside.push(...c.ms.filter((m) => m.first > open && m.last < j && m.entity.category === 'person' && !m.possessive).map((m) => m.entity.name));
        const before = subjectBefore(c, open, 12);
        return [...new Set([...before, ...aside])];
      }
    }
    if (x === 'who' || x === 'which') {
      const ante = mentionEndingAt(c, j - 1) ?? mentionEndingAt(c, j - 2);
      // "a wealthy businessman who was alleged to …": a described antecedent.
      const described = ante || x === 'which' ? null : describedAt(c, j - 1, false);
      return ante && !isMedia(ante) ? [ante.entity.name] : described ? [described] : [];
    }
    // "The Serious Fraud Office (SFO) said": the name before the bracketed acronym.
    if (x === ')') {
      // "(SFO)", "(“OANN”)": only an acronym of the name before it; "BERLIN (Reuters)" is a dateline, not a subject.
      const open = c.w[j - 2] === '(' ? j - 2 : c.w[j - 4] === '(' && /^[“"]$/.test(c.w[j - 3]!) ? j - 4 : -1;
      if (open < 0) return [];
      const inner = mentionEndingAt(c, open === j - 2 ? j - 1 : j - 2);
      const outer = mentionEndingAt(c, open - 1);
      const acronym = c.toks[open + (open === j - 2 ? 1 : 2)]!.text;
      const sameBody =
        inner?.entity === outer?.entity ||
        (outer && isAcronymOf(acronym, outer.entity.name)) ||
        (outer?.entity.category === 'institution' && inner?.entity.category === 'institution');
      if (!outer || !sameBody) return [];
      reach += j - open + 1;
      j = open;
      continue;
    }
    // "X, who has called it a smear, faces": the relative clause is skipped.
    if (x === ',' && j > 0 && c.hasWho) {
      const who = c.w.lastIndexOf('who', j - 1);
      // "X, 38, who played for …": an age between the name and "who".
      const end = /^\d+$/.test(c.w[who - 2] ?? '') && c.w[who - 3] === ',' ? who - 4 : who - 2;
      const ante = who > 1 && c.w[who - 1] === ',' ? mentionEndingAt(c, end) : undefined;
      if (ante && !c.w.slice(who + 1, j).includes(',') && !isMedia(ante)) return [ante.entity.name];
    }
    // "X, the former chief executive of Y, has pleaded …": the apposition is stepped over to its head.
    if (x === ',' && j > 0) {
      const head = appositionHeadBefore(c, j);
      if (head) return coordinatedBefore(c, head, head.first);
    }
    if (CLAUSE_BREAKS.has(x) || /^(said|says|say|told|stated|claimed|added)$/.test(x)) return [];
    // "X announced that it has fined Y", "X said it would sue": "it" is the one who says so.
    const verb = x === 'it' ? (c.w[j - 1] === 'that' ? j - 2 : j - 1) : -1;
    if (verb >= 0 && REPORTING.has(c.w[verb] ?? '')) return subjectBefore(c, verb, reach);
    const pron = pronounAt(c, j) ?? describedAt(c, j, true);
    if (pron) return coordinatedBefore(c, pron, j);
    // "The two men were charged": a definite group stands for the last claim's accused; one after a
    // preposition or a verb ("accusing the carriers of …") is no subject.
    const group = groupAt(c, j);
    if (group) return opensClause(c, j) ? group : [];
    const m = mentionEndingAt(c, j);
    if (m) {
      // "Tokyo prosecutors", "the Munich prosecutor's office": a place that only describes the body.
      const describes = m.entity.category === 'place' && LEGAL_BODIES.has(c.w[m.last + 1] ?? '');
      if (isMedia(m) || m.possessive || inPrepPhrase(c, m) || describes || sharedAffiliation(c, m)) {
        j = m.first;
        continue;
      }
      // "Two former Acme executives have pleaded …": the subject is the executives, not Acme;
      // "both PTI leaders", "the bank's executives" told before: the last claim's accused.
      const group = definiteGroup(c, m);
      if (group) return group;
      if (qualifiesMembers(c, m)) return [];
      return coordinatedBefore(c, m, m.first);
    }
  }
  return [];
}

/** How many words of "to be" stand from `from` up to `to` ("– are accused", "– have been charged"). */
function countBe(c: Clause, from: number, to: number): number {
  let n = 0;
  for (let j = from; j < to && (BE.has(c.w[j]!) || /^(have|has|had)$/.test(c.w[j]!)); j++) n++;
  return n;
}

/** The people a group word stands for: the last claim's accused, else the last people named together. */
const groupOf = (c: Clause, size?: number): string[] => {
  const people = c.lists?.person ?? [];
  // "the four former executives": the group of that size, when the last claim's accused are fewer.
  if (size !== undefined && c.lastAccused.length !== size && people.length === size) return people;
  // "indicted the four aforementioned suspects", named one or two at a time before: the last four people named.
  const recent = c.recentPeople ?? [];
  if (size !== undefined && c.lastAccused.length !== size && people.length !== size && recent.length >= size) return recent.slice(-size);
  return c.lastAccused.length >= 2 ? c.lastAccused : people;
};

/** Words that may follow "the two" when it is a group of people, not "the two countries". */
const AFTER_COUNT = /^(had|have|has|will|would|could|did|also|later|then|were|are|was|allegedly|,)$/;

/**
 * "both PTI leaders pleaded not guilty", "the two Acme executives denied …", "the suspects were
 * charged", "they were arraigned": a definite group stands for the last claim's accused (when there
 * is one), else for the people last named together; not for a body that qualifies it.
 */
export function groupAt(c: Clause, k: number): string[] | null {
  const x = c.w[k] ?? '';
  const body = BODY_GROUP_NOUNS[x] !== undefined;
  const group = body ? bodyGroup(x, c.lists ?? {}) : groupOf(c);
  // "the accused" may be one: the last claim's one accused.
  if (x === 'accused' && group.length < 2 && c.lastAccused.length === 1 && c.w[k - 1] === 'the' && !c.startAt[k + 1]) return [...c.lastAccused];
  // A counted group ("the four suspects") may stand for people named one at a time, with no list before.
  const counted = !body && (c.recentPeople?.length ?? 0) >= 2;
  if ((group.length < 2 && !counted) || c.startAt[k + 1] || c.inName.has(k)) return null;
  if (x === 'they') return group.length < 2 ? null : [...group];
  const count = GROUP_SIZES[x] !== undefined && AFTER_COUNT.test(c.w[k + 1] ?? '');
  if (!GROUP_NOUNS.has(x) && !body && !count) return null;
  // "the four former executives", "both men", "the defendants": words of number and description only.
  for (let j = k - 1; j >= 0 && k - j <= 4; j--) {
    if (/^(the|both|these|those|all)$/.test(c.w[j]!)) {
      const size = c.w
        .slice(j, k + 1)
        .map((y) => GROUP_SIZES[y])
        .find((n) => n !== undefined);
      const members = body || size === undefined ? group : groupOf(c, size);
      return members.length < 2 ? null : [...members];
    }
    if (!/^([a-z-]+|\d+)$/.test(c.w[j]!) || c.inName.has(j) || PREPOSITIONS.has(c.w[j]!) || BE.has(c.w[j]!)) return null;
  }
  return null;
}

/** The phrase ending at k ("the two men", "both defendants") opens its clause. */
function opensClause(c: Clause, k: number): boolean {
  let d = k;
  while (d > 0 && /^([a-z-]+|\d+)$/.test(c.w[d - 1]!) && !/^(the|both|these|those|all)$/.test(c.w[d]!)) d--;
  const before = c.w[d - 1];
  return before === undefined || /^(,|and|but|that|;|:|“|"|‘)$/.test(before) || TIME_WORDS_BEFORE_SUBJECT.test(before);
}
const TIME_WORDS_BEFORE_SUBJECT = /^(today|yesterday|now|then|later|earlier|meanwhile|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

export function definiteGroup(c: Clause, m: Placed): string[] | null {
  const group = groupOf(c);
  const noun = c.w[m.last + 1] ?? '';
  // "the Commission accused …": after a name, "accused" is the verb.
  if (m.entity.category !== 'institution' || !GROUP_NOUNS.has(noun) || noun === 'accused' || c.startAt[m.last + 2] || group.length < 2) return null;
  const before = c.w.slice(Math.max(0, m.first - 3), m.first);
  if (!before.some((x) => /^(the|both|these|those|all)$/.test(x))) return null;
  return [...group];
}

/**
 * A company, outlet or club that only qualifies the people after it: "Acme executives", "two club
 * officials" (no name follows). A state's officials or agents act for it ("US officials accuse …"): not these.
 */
export function qualifiesMembers(c: Clause, m: Placed): boolean {
  const kind = m.entity.kind;
  return (kind === 'company' || kind === 'media' || kind === 'other') && MEMBER_NOUNS.has(c.w[m.last + 1] ?? '') && !c.startAt[m.last + 2];
}

/** "OANN" for "One America News Network", "SFO" for "Serious Fraud Office": the initials of the name's capitalised words. */
function isAcronymOf(acronym: string, name: string): boolean {
  if (!/^[A-Z]{2,6}$/.test(acronym)) return false;
  const initials = name
    .split(/[\s-]+/)
    .filter((x) => /^[A-Z]/.test(x))
    .map((x) => x[0])
    .join('');
  return initials === acronym;
}

/**
 * The person an apposition closed by the comma at k describes: "X, the former chief executive of
 * Y," or "X, a lawyer," — a description that opens with an article or "former" and holds no verb.
 */
function appositionHeadBefore(c: Clause, k: number): Placed | undefined {
  let open = -1;
  for (let j = k - 1; j >= 0 && k - j <= 14; j--) {
    const x = c.w[j]!;
    if (x === ',') {
      open = j;
      break;
    }
    if (CLAUSE_BREAKS.has(x) || BE.has(x) || x === 'who' || x === 'which') return undefined;
  }
  // "X, the former chief executive of Y,", "X, chairman of Y,": an article or a title opens the apposition.
  // "X, PEMEX chief from 2012 to 2018,": a body's title.
  const opener = c.w[open + 1] ?? '';
  const titleAt = (j: number): boolean => (TITLE_WORDS.has(c.w[j] ?? '') || JOB_NOUNS.has(c.w[j] ?? '')) && !c.toks[j]!.cap;
  const body = mentionStartingAt(c, open + 1);
  if (
    open < 1 ||
    !(/^(the|a|an|former|ex|then)$/.test(opener) || titleAt(open + 1) || (body && body.entity.category === 'institution' && titleAt(body.last + 1)))
  )
    return undefined;
  // "the chairman and founder of Y" is one description, and so is "the owner of Y and Z"; "the B, and C"
  // and "the B and C" are a list.
  for (let j = open + 2; j < k; j++) {
    if (c.w[j] !== 'and') continue;
    if (c.w[j - 1] === ',') return undefined;
    if (mentionStartingAt(c, j + 1) && !c.w.slice(open + 2, j).some((y) => y === 'of' || y === 'at' || y === 'for')) return undefined;
  }
  const head = mentionEndingAt(c, open - 1);
  return head && head.entity.category === 'person' && !head.possessive ? head : undefined;
}

/** The subject of a clause that starts at k ("said [that] X took", "alleges X received"). */
export function clauseSubjectAt(c: Clause, k: number): string[] {
  let j = k;
  // "…, authorities alleged, X hid millions": a parenthetical attribution before its clause.
  if (c.w[j] === ',' && j > 1 && c.w.lastIndexOf(',', j - 1) >= 0) j++;
  if (c.w[j] === 'that') j++;
  // "alleged that in exchange for the bribes, X voted …", "said that during 2019, X …": a fronted phrase is skipped.
  if (PREPOSITIONS.has(c.w[j] ?? '') || /^(after|before|since|between)$/.test(c.w[j] ?? '')) {
    for (let e = j + 1; e < c.w.length && e - j <= 12; e++) {
      if (c.w[e] === ',') {
        j = e + 1;
        break;
      }
      if (CLAUSE_BREAKS.has(c.w[e]!)) break;
    }
  }
  while (DETERMINERS.has(c.w[j] ?? '') && c.w[j] !== 'that') j++;
  const pron = pronounAt(c, j);
  if (pron) return [pron];
  const m = c.ms.find((p) => p.first >= j && p.first - j <= 2 && c.toks.slice(j, p.first).every((t) => t.cap));
  // "claims the company overstated its revenue", "alleges the former executive took": the party described;
  // "allege that the four former executives were …": the last claim's accused.
  if (!m && j > k) {
    const described = describedAfter(c, j);
    if (described) {
      // "the former prime minister and finance minister took …": a second description joined by "and".
      const next = c.w[described.at + 1] === 'and' ? titledAfter(c, described.at + 2) : null;
      return next && next !== described.name ? [described.name, next] : [described.name];
    }
    for (let g = j; g <= j + 3; g++) {
      const group = groupAt(c, g);
      if (group) return group;
    }
  }
  // "alleges the Acme host lied": the one the body qualifies.
  if (m && qualifiesMembers(c, m)) {
    const described = describedAt(c, m.last + 1, false);
    return described ? [described] : [];
  }
  // An outlet is the subject of a claim only of its own wrongdoing: "claims the X defamed him".
  if (!m || (isMedia(m) && !wrongdoingIn(c, m.last + 1, m.last + 3))) return [];
  // "Ames said Norway was investigating …": Norway makes a claim of its own.
  for (let v = m.last + 1; v <= m.last + 3 && v < c.w.length; v++) if (ACCUSING.has(c.w[v]!) && isActive(c, v)) return [];
  // A possessor is the subject only of an act: "the mayor's claims are a fraud", not "Ames' detention".
  if (m.possessive && !ACT_NOUNS.has(c.w[m.last + 1] ?? '') && !isWrongdoing(c.w[m.last + 1] ?? '')) return [];
  return coordinatedAfter(c, m);
}

/** A description whose noun is one to three words from k: "[the] former chief executive". */
function describedAfter(c: Clause, k: number): { name: string; at: number } | null {
  for (let at = k; at <= k + 2; at++) {
    const name = describedAt(c, at, false);
    if (!name) continue;
    // "prime minister": the description ends at its last word.
    while (describedAt(c, at + 1, false) === name) at++;
    return { name, at };
  }
  return null;
}

/** The person a bare title one to three words from k was given to: "[and] finance minister". */
export function titledAfter(c: Clause, k: number): string | null {
  for (let at = k; at <= k + 2 && !c.inName.has(at); at++) {
    const name = c.titled?.get(`${c.w[at]} ${c.w[at + 1]}`) ?? c.titled?.get(c.w[at]!);
    if (name) return name;
  }
  return null;
}

/** An active use of the verb at k: not "was charged", not "the alleged", not "the accused". */
export function isActive(c: Clause, k: number): boolean {
  const x = c.w[k]!;
  const prev = c.w[k - 1] ?? '';
  // "preparing to charge X", "plans to sue Y": "to" before a bare verb marks an infinitive, not a preposition.
  const infinitive = prev === 'to' && !/(ed|s|ion|ment|ly)$/.test(x);
  if (DETERMINERS.has(prev) || (PREPOSITIONS.has(prev) && !infinitive) || c.toks[k - 1]?.possessive || x.endsWith('ly')) return false;
  // "a four-year ban", "a record fine": a noun after a determiner and its modifier.
  if (DETERMINERS.has(c.w[k - 2] ?? '') && /^[a-z0-9]+-[a-z-]+$/.test(prev)) return false;
  if ((x === 'charge' || x === 'charges') && !mentionStartingAt(c, k + 1) && !/^(him|her|them|it)$/.test(c.w[k + 1] ?? '')) return false;
  // "X accused of embezzling", "X charged with fraud" (a headline's or a caption's passive): no object between.
  if (x.endsWith('ed') && /^(of|with)$/.test(c.w[k + 1] ?? '') && !mentionStartingAt(c, k + 2)) return false;
  // "saw X banned for four games", "X fined over late filings": a name, the participle, its reason.
  if (x.endsWith('ed') && /^(for|over)$/.test(c.w[k + 1] ?? '') && mentionEndingAt(c, k - 1)) return false;
  // "X and Y, banned after being convicted …": a participle after a name and a comma, with no object, describes them.
  if (x.endsWith('ed') && prev === ',' && mentionEndingAt(c, k - 2) && !mentionStartingAt(c, k + 1) && !DETERMINERS.has(c.w[k + 1] ?? '')) return false;
  // "X, the banker sentenced to four years …", "a firm fined for …", "among 10 people charged in …": a
  // participle after "the", "a" or a number and a noun, with a preposition and no object after it, describes the noun.
  const counted = DETERMINERS.has(c.w[k - 2] ?? '') || /^\d+$/.test(c.w[k - 2] ?? '');
  if (x.endsWith('ed') && counted && /^[a-z]+$/.test(prev) && (PREPOSITIONS.has(c.w[k + 1] ?? '') || c.w[k + 1] === 'to' || k + 1 >= c.w.length)) return false;
  const participle = x.endsWith('ed') || /^(told|said|wrote|written)$/.test(x);
  if (participle && (BE.has(prev) || BE.has(c.w[k - 2] ?? ''))) return false;
  return !/(ion|ions|ment|ments|suit|suits|ies|cy)$/.test(x) || REPORTING.has(x);
}

/** Verbs whose subject is the one making the claim. */
export const ALLEGING = new Set([...REPORTING, ...ALLEGE, ...ACCUSING, ...FINDING]);

/** A word that makes a sentence a claim, and what kind of claim. */
export type CueKind = 'legal' | 'hedge' | 'reporting' | 'sanction';
export interface Cue {
  at: number;
  kind: CueKind;
}
