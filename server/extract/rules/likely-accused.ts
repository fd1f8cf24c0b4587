/**
 * Who an allegation is against, weighed for every entity of the article by a small logistic model
 * over where and how the entity is named: in the claim's sentence (before or after its verb, after
 * "against"/"of"/"by"), in the sentences just before, as the article's main actor, as the one other
 * claims are against, in a list of people when the claim speaks of "they" or "the accused". The
 * rules read who a claim names; when it names no one ("Millions were allegedly syphoned off"), the
 * claim is most often against the ones the story accuses, and the model weighs that. Its weights
 * are fitted by `npm run fit -- accused`, written to `likely-accused-weights.ts`, and hold no word
 * of any article.
 */
import type { Allegation } from '../types.js';
import { placedBySentence, type Placed } from './aliases.js';
import type { Token } from './nlp.js';
import { isWrongdoing } from './allegation-clause.js';
import { GROUP_NOUNS } from './groups.js';
import { ACCUSED_THRESHOLD, ACCUSED_WEIGHTS } from './likely-accused-weights.js';
import { FeatureSpace, PREPOSITION_NAMES, bucket, numbered, prepositionBefore, probability } from './logistic.js';
import { tagsOf } from './pos.js';
import { PREPOSITIONS, STAND_INS } from './words.js';

/** One entity of the article weighed as one allegation's accused. */
export interface AccusedCandidate {
  allegation: number;
  entity: string;
  /**
   * The model may add this entity: the claim's sentence names wrongdoing, or it names no one but its
   * accusers. A hedged ordinary act ("X allegedly asked Y for a meeting") accuses nobody.
   */
  open: boolean;
  /** Numbers in ACCUSED_FEATURES of the features that hold. */
  features: number[];
}

const KINDS = ['person', 'institution', 'place'] as const;
const FLAGS = [
  'bias',
  'rule',
  'rule-first',
  'rule-other',
  'rule-none',
  'accuser',
  'reporter',
  'denier',
  'in-sentence',
  'before-verb',
  'after-verb',
  'possessive',
  'modifier',
  'first-in-sentence',
  'near-pick-same-kind',
  'prev-sentence',
  'recent',
  'in-title',
  'accuser-elsewhere',
  'stand-in',
  'listed',
  'listed&group',
  'wrongdoing',
  'listed-with-accused',
] as const;
const BASE = [
  ...FLAGS,
  ...KINDS.map((k) => `kind:${k}`),
  ...PREPOSITION_NAMES.map((p) => `prep:${p}`),
  ...numbered('accused-elsewhere', 3),
  ...numbered('rank', 4),
  ...numbered('named-others', 3),
];
// What the rest means depends on the kind ("the accused" are people), and on whether the claim
// names anyone itself: a claim about "they" or no one at all is about the story's accused.
const BY_KIND = BASE.filter((n) => /^(stand-in|named-others|rule-none|accused-elsewhere|rank|prev-sentence|recent|in-title|listed-with-accused)/.test(n));
const ORPHANED = BASE.filter((n) => /^(accused-elsewhere|rank|prev-sentence|recent|in-sentence|listed-with-accused)/.test(n));
export const ACCUSED_FEATURES = new FeatureSpace([...BASE, ...KINDS.flatMap((k) => BY_KIND.map((x) => `${k}&${x}`)), ...ORPHANED.map((x) => `orphan&${x}`)]);
const id = (name: string): number => ACCUSED_FEATURES.id(name);
const FLAG = Object.fromEntries(FLAGS.map((f) => [f, id(f)])) as Record<(typeof FLAGS)[number], number>;
const [KIND, PREP, ACCUSED_ELSEWHERE, RANK, NAMED_OTHERS] = ['kind:person', 'prep:none', 'accused-elsewhere0', 'rank0', 'named-others0'].map(id) as [
  number,
  number,
  number,
  number,
  number,
];
const BY_KIND_SLOT = ACCUSED_FEATURES.names.map((n) => BY_KIND.indexOf(n));
const ORPHAN_SLOT = ACCUSED_FEATURES.names.map((n) => ORPHANED.indexOf(n));
const ORPHAN_BASE = BASE.length + KINDS.length * BY_KIND.length;

/** People named next to another person with only commas, "and" and lower-case words between: a list. */
function listedPeople(tokens: Token[][], bySentence: Map<number, Placed[]>): Set<string> {
  const listed = new Set<string>();
  for (const [s, ms] of bySentence) {
    for (let i = 0; i + 1 < ms.length; i++) {
      const [x, y] = [ms[i]!, ms[i + 1]!];
      if (x.entity.category !== 'person' || y.entity.category !== 'person') continue;
      const between = tokens[s]!.slice(x.last + 1, y.first);
      if (between.length === 0 || between.length > 4 || between.some((t) => t.cap)) continue;
      if (between.some((t) => t.low === ',' || t.low === 'and')) listed.add(x.entity.name).add(y.entity.name);
    }
  }
  return listed;
}

/**
 * Names listed with one the rules accuse somewhere in the article: "A, B, C and D, alongside three
 * companies, E and F" are most often accused together, though the rules read only some of them.
 */
function listedWithAccused(tokens: Token[][], bySentence: Map<number, Placed[]>, accused: ReadonlyMap<string, number>): Set<string> {
  const out = new Set<string>();
  for (const [s, ms] of bySentence) {
    let run: Placed[] = [];
    const close = () => {
      if (run.length > 1 && run.some((m) => accused.has(m.entity.name))) for (const m of run) out.add(m.entity.name);
      run = [];
    };
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i]!;
      const prev = run.at(-1);
      if (prev) {
        const between = tokens[s]!.slice(prev.last + 1, m.first);
        const listed =
          between.length > 0 &&
          between.length <= 6 &&
          between.some((t) => t.low === ',' || t.low === 'and' || t.low === 'alongside') &&
          !between.some((t) => t.cap || PREPOSITIONS.has(t.low));
        if (!listed) close();
      }
      run.push(m);
    }
    close();
  }
  return out;
}

/** Every entity of the article weighed for every allegation the model may add to (every one, withClosed, to fit it). */
export function accusedCandidates(tokens: Token[][], placed: Placed[], allegations: Allegation[], withClosed = false): AccusedCandidate[] {
  if (allegations.length === 0) return [];
  const bySentence = placedBySentence(placed);
  const count = (role: 'against' | 'alleged_by') => {
    const m = new Map<string, number>();
    for (const a of allegations) for (const n of a[role]) m.set(n, (m.get(n) ?? 0) + 1);
    return m;
  };
  const accusedCount = count('against');
  const accuserCount = count('alleged_by');
  const listed = listedPeople(tokens, bySentence);
  const withAccused = listedWithAccused(tokens, bySentence, accusedCount);
  // What holds of an entity whatever the claim, worked out once.
  const byName = new Map<string, { name: string; kind: number; sentences: Set<number>; mentions: number; fixed: number[]; eligible: boolean }>();
  for (const p of placed) {
    const e = byName.get(p.entity.name) ?? {
      name: p.entity.name,
      kind: KINDS.indexOf(p.entity.category),
      sentences: new Set<number>(),
      mentions: 0,
      fixed: [],
      // An outlet is accused when it is sued, which the rules read; a place written only in capitals is a
      // dateline's. Neither is the model's to add.
      eligible: p.entity.kind !== 'media' && !(p.entity.category === 'place' && p.entity.mentions.every((m) => !/\p{Ll}/u.test(m.surface))),
    };
    e.sentences.add(p.sentence);
    e.mentions++;
    byName.set(p.entity.name, e);
  }
  const entities = [...byName.values()].sort((a, b) => b.mentions - a.mentions);
  entities.forEach((e, rank) => {
    e.fixed.push(FLAG.bias, KIND + e.kind, RANK + bucket(rank, [0, 2, 5]));
    if (accuserCount.has(e.name)) e.fixed.push(FLAG['accuser-elsewhere']);
    if (listed.has(e.name)) e.fixed.push(FLAG.listed);
    if (withAccused.has(e.name)) e.fixed.push(FLAG['listed-with-accused']);
  });
  const out: AccusedCandidate[] = [];
  allegations.forEach((a, ai) => {
    const s = a.sentence;
    const toks = tokens[s]!;
    const here = bySentence.get(s) ?? [];
    const namedOthers = here.filter((p) => !a.alleged_by.includes(p.entity.name) && p.entity.category !== 'place').length;
    const wrong = toks.some((t) => isWrongdoing(t.low));
    const open = wrong || namedOthers === 0;
    if (!open && !withClosed) return;
    const firstVerb = tagsOf(toks).pos.indexOf('VERB');
    const standIn = toks.some((t) => STAND_INS.has(t.low) || GROUP_NOUNS.has(t.low));
    const group = toks.some((t) => GROUP_NOUNS.has(t.low) || t.low === 'they' || t.low === 'them');
    const orphan = standIn || namedOthers === 0;
    for (const e of entities) {
      const { name } = e;
      const f = [...e.fixed];
      const rule = a.against.includes(name);
      if (rule) f.push(FLAG.rule, a.against[0] === name ? FLAG['rule-first'] : FLAG['rule-other']);
      else if (a.against.length === 0) f.push(FLAG['rule-none']);
      if (a.alleged_by.includes(name)) f.push(FLAG.accuser);
      if (a.reported_by.includes(name)) f.push(FLAG.reporter);
      if (a.denied_by.includes(name)) f.push(FLAG.denier);
      const p = here.find((m) => m.entity.name === name);
      if (p) {
        f.push(FLAG['in-sentence'], firstVerb >= 0 && p.last < firstVerb ? FLAG['before-verb'] : FLAG['after-verb'], PREP + prepositionBefore(toks, p.first));
        if (p.possessive) f.push(FLAG.possessive);
        if (p.modifier) f.push(FLAG.modifier);
        if (here[0] === p) f.push(FLAG['first-in-sentence']);
        if (!rule && here.some((q) => a.against.includes(q.entity.name) && q.entity.category === p.entity.category && Math.abs(q.first - p.first) < 12))
          f.push(FLAG['near-pick-same-kind']);
      } else {
        if (e.sentences.has(s - 1)) f.push(FLAG['prev-sentence']);
        else if (e.sentences.has(s - 2) || e.sentences.has(s - 3)) f.push(FLAG.recent);
        if (e.sentences.has(0)) f.push(FLAG['in-title']);
      }
      f.push(ACCUSED_ELSEWHERE + bucket((accusedCount.get(name) ?? 0) - (rule ? 1 : 0), [0, 1]));
      if (standIn) f.push(FLAG['stand-in']);
      f.push(NAMED_OTHERS + bucket(namedOthers, [0, 1]));
      if (group && listed.has(name)) f.push(FLAG['listed&group']);
      if (wrong) f.push(FLAG.wrongdoing);
      const n = f.length;
      for (let k = 0; k < n; k++) {
        const slot = BY_KIND_SLOT[f[k]!]!;
        if (slot >= 0) f.push(BASE.length + e.kind * BY_KIND.length + slot);
        const o = ORPHAN_SLOT[f[k]!]!;
        if (orphan && o >= 0) f.push(ORPHAN_BASE + o);
      }
      out.push({ allegation: ai, entity: name, features: f, open: open && e.eligible && !a.reported_by.includes(name) });
    }
  });
  return out;
}

const FITTED = ACCUSED_FEATURES.vector(ACCUSED_WEIGHTS);

/**
 * The allegations with the entities the model rates at `threshold` or above added to `against`
 * after the rules' picks (which it never drops: they read the claim's own words), likeliest first,
 * never one of the claim's accusers.
 */
export function withLikelyAccused(allegations: Allegation[], candidates: AccusedCandidate[], weights = FITTED, threshold = ACCUSED_THRESHOLD): Allegation[] {
  const chosen = allegations.map(() => [] as { name: string; p: number }[]);
  for (const c of candidates) {
    const p = probability(c.features, weights);
    if (c.open && p >= threshold && !allegations[c.allegation]!.alleged_by.includes(c.entity)) chosen[c.allegation]!.push({ name: c.entity, p });
  }
  return allegations.map((a, i) => {
    const added = chosen[i]!.filter((k) => !a.against.includes(k.name))
      .sort((x, y) => y.p - x.p)
      .map((k) => k.name);
    return added.length ? { ...a, against: [...a.against, ...added] } : a;
  });
}
