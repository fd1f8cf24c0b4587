/**
 * Links between two entities named in one sentence that no clause rule linked, chosen by a small
 * logistic model over the sentence's shape: how far apart the names are and what stands between
 * them (a verb, a list's commas, a clause break, a preposition), what kinds they are, where each sits
 * (subject, object, after "of"/"in"). The rules miss many links whose words they do not read; a
 * model over shape, not words, weighs the same evidence for every pair instead of a rule per
 * construction. Its weights are fitted on annotated articles by `npm run fit -- links`, written to
 * `likely-link-weights.ts`, and hold no word of any article.
 */
import type { Interaction, Sentence } from '../types.js';
import { placedBySentence, type Placed } from './aliases.js';
import type { Token } from './nlp.js';
import { pastTense, tagsOf, type Tags } from './pos.js';
import { LINK_THRESHOLD, LINK_WEIGHTS } from './likely-link-weights.js';
import { RELATION_NOUNS, VERB_TYPE, pairKey } from './vocabulary.js';
import { JOB_NOUNS, REPORTING_VERBS } from './words.js';
import { TITLE_WORDS } from './lexicons.js';
import { FeatureSpace, PREPOSITION_NAMES, bucket, numbered, prepositionBefore, probability } from './logistic.js';

/** Two names of one sentence, in reading order, with the shape of what joins them. */
export interface PairCandidate {
  sentence: number;
  a: Placed;
  b: Placed;
  /** Numbers in LINK_FEATURES of the features that hold (each weighs 1). */
  features: number[];
  /** The first verb between the two names, when there is one. */
  verb: string | undefined;
}

const BREAKS = new Set([
  ';',
  ':',
  'but',
  'who',
  'which',
  'whom',
  'whose',
  'while',
  'because',
  'although',
  'though',
  'when',
  'after',
  'before',
  'since',
  'if',
  'whereas',
]);
const QUOTE_MARKS = new Set(['“', '”', '"']);
const KIND_PAIRS = ['ii', 'il', 'ip', 'll', 'lp', 'pp'];
const KIND = { person: 'p', institution: 'i', place: 'l' } as const;
const FLAGS = [
  'bias',
  'reporting-between',
  'known-verb-between',
  'break-between',
  'paren-between',
  'quote-between',
  'comma',
  'commas',
  'and-between',
  'list',
  'spans-first-verb',
  'after-first-verb',
  'no-verb',
  'a-first-name',
  'a-possessive',
  'b-possessive',
  'a-modifier',
  'b-modifier',
  'job-before-b',
  'job-after-a',
  'b-speaks',
  'first-line',
  'outlet',
  'main-actor',
  'rules-linked',
] as const;
const BASE = [
  ...FLAGS,
  ...KIND_PAIRS.map((k) => `kinds:${k}`),
  ...numbered('gap', 5),
  ...numbered('between', 3),
  ...numbered('names', 3),
  ...numbered('verbs', 3),
  ...numbered('together', 3),
  ...numbered('rarer-named', 3),
  ...PREPOSITION_NAMES.map((p) => `prep-b:${p}`),
  ...PREPOSITION_NAMES.map((p) => `prep-a:${p}`),
];
// The kinds of the two names change what the rest means: two people in a list are often
// co-accused; a person and a place in a list are not linked at all.
const CROSSED = BASE.filter((n) => /^(verbs|prep-b|gap|list|comma|break)/.test(n));
/** Every feature's name: its index is its number in a candidate's `features`. */
export const LINK_FEATURES = new FeatureSpace([...BASE, ...KIND_PAIRS.flatMap((k) => CROSSED.map((x) => `kinds:${k}&${x}`))]);
const id = (name: string): number => LINK_FEATURES.id(name);
const FLAG = Object.fromEntries(FLAGS.map((f) => [f, id(f)])) as Record<(typeof FLAGS)[number], number>;
const [KINDS, GAP, BETWEEN, NAMES, VERBS, TOGETHER, RARER, PREP_B, PREP_A] = [
  'kinds:ii',
  'gap0',
  'between0',
  'names0',
  'verbs0',
  'together0',
  'rarer-named0',
  'prep-b:none',
  'prep-a:none',
].map(id) as [number, number, number, number, number, number, number, number, number];
const CROSS_SLOT = BASE.map((n) => CROSSED.indexOf(n));

const isJobWord = (w: string): boolean => JOB_NOUNS.has(w) || TITLE_WORDS.has(w) || RELATION_NOUNS[w] !== undefined;

function features(toks: Token[], tags: Tags, ms: Placed[], i: number, j: number, firstVerb: number): Pick<PairCandidate, 'features' | 'verb'> {
  const a = ms[i]!;
  const b = ms[j]!;
  const f: number[] = [FLAG.bias];
  const ka = KIND[a.entity.category];
  const kb = KIND[b.entity.category];
  const kinds = KIND_PAIRS.indexOf(ka < kb ? ka + kb : kb + ka);
  f.push(KINDS + kinds);
  const gap = b.first - a.last - 1;
  f.push(GAP + bucket(gap, [0, 3, 8, 15]), BETWEEN + bucket(j - i - 1, [0, 1]), NAMES + bucket(ms.length, [2, 4]));
  let verb: string | undefined;
  let verbs = 0;
  let commas = 0;
  let ands = 0;
  let reporting = false;
  let known = false;
  let broken = false;
  let paren = false;
  let quote = false;
  // Only a verb of the clause the first name opens names the link: not one after "that" or "who".
  let subordinate = false;
  // "Xi assured him that Beijing would refrain": past "that", the second name is no object of the verb before it.
  let objectOfVerb = true;
  for (let t = a.last + 1; t < b.first; t++) {
    const low = toks[t]!.low;
    if (verb !== undefined && (low === 'that' || BREAKS.has(low))) objectOfVerb = false;
    subordinate ||= low === 'that' || BREAKS.has(low);
    if (tags.pos[t] === 'VERB') {
      const lemma = tags.lemma[t]!;
      verbs++;
      if (!subordinate) verb ??= lemma;
      reporting ||= REPORTING_VERBS.has(lemma);
      known ||= VERB_TYPE.has(lemma);
    }
    if (low === ',') commas++;
    else if (low === 'and' || low === 'or') ands++;
    else if (BREAKS.has(low)) broken = true;
    else if (low === '(' || low === ')') paren = true;
    else if (QUOTE_MARKS.has(low)) quote = true;
  }
  if (reporting) f.push(FLAG['reporting-between']);
  if (known) f.push(FLAG['known-verb-between']);
  if (broken) f.push(FLAG['break-between']);
  if (paren) f.push(FLAG['paren-between']);
  if (quote) f.push(FLAG['quote-between']);
  f.push(VERBS + bucket(verbs, [0, 1]));
  if (commas) f.push(commas > 1 ? FLAG.commas : FLAG.comma);
  if (ands) f.push(FLAG['and-between']);
  if (ands && !verbs) f.push(FLAG.list);
  f.push(PREP_B + prepositionBefore(toks, b.first), PREP_A + prepositionBefore(toks, a.first));
  // Around the sentence's first verb: "A <verb> … B" is the clause's subject and what it acts on.
  if (firstVerb >= 0) {
    if (a.last < firstVerb && b.first > firstVerb) f.push(FLAG['spans-first-verb']);
    else if (a.first > firstVerb) f.push(FLAG['after-first-verb']);
  } else f.push(FLAG['no-verb']);
  if (i === 0) f.push(FLAG['a-first-name']);
  if (a.possessive) f.push(FLAG['a-possessive']);
  if (b.possessive) f.push(FLAG['b-possessive']);
  if (a.modifier) f.push(FLAG['a-modifier']);
  if (b.modifier) f.push(FLAG['b-modifier']);
  if (gap > 0 && isJobWord(toks[b.first - 1]!.low)) f.push(FLAG['job-before-b']);
  if (isJobWord(toks[a.last + 1]?.low ?? '')) f.push(FLAG['job-after-a']);
  if (toks[b.last + 1] && REPORTING_VERBS.has(tags.lemma[b.last + 1]!)) f.push(FLAG['b-speaks']);
  if (a.sentence === 0) f.push(FLAG['first-line']);
  // An outlet is cited far more often than it acts.
  if (a.entity.kind === 'media' || b.entity.kind === 'media') f.push(FLAG.outlet);
  const n = f.length;
  for (let k = 0; k < n; k++) {
    const slot = CROSS_SLOT[f[k]!]!;
    if (slot >= 0) f.push(BASE.length + kinds * CROSSED.length + slot);
  }
  return { features: f, verb: objectOfVerb ? verb : undefined };
}

/** Every pair of distinct entities named in one sentence that the rules did not link (every pair, withLinked, to fit the model). */
export function candidatePairs(tokens: Token[][], placed: Placed[], existing: Interaction[], withLinked = false): PairCandidate[] {
  const linked = new Set(existing.map((x) => pairKey(x.source, x.target)));
  const bySentence = placedBySentence(placed);
  // Entities by number, so that a pair's key is a number: thousands of pairs, no strings built.
  const number = new Map<Placed['entity'], number>();
  for (const p of placed) if (!number.has(p.entity)) number.set(p.entity, number.size);
  const n = number.size;
  const key = (a: Placed['entity'], b: Placed['entity']): number => {
    const [x, y] = [number.get(a)!, number.get(b)!];
    return x < y ? x * n + y : y * n + x;
  };
  // How often each entity and each pair are named in the document: the story's main actors and the
  // pairs named together again and again are the likeliest links.
  const mentions = new Map<Placed['entity'], number>();
  const together = new Map<number, number>();
  for (const ms of bySentence.values()) {
    const here = [...new Set(ms.map((m) => m.entity))];
    for (const e of here) mentions.set(e, (mentions.get(e) ?? 0) + 1);
    for (let i = 0; i < here.length; i++)
      for (let j = i + 1; j < here.length; j++) {
        const k = key(here[i]!, here[j]!);
        together.set(k, (together.get(k) ?? 0) + 1);
      }
  }
  const top = Math.max(0, ...mentions.values());
  const out: PairCandidate[] = [];
  const seen = new Set<number>();
  for (const [s, ms] of bySentence) {
    if (ms.length < 2) continue;
    const toks = tokens[s]!;
    let tags: Tags | undefined;
    let firstVerb = -1;
    seen.clear();
    for (let i = 0; i < ms.length; i++) {
      for (let j = i + 1; j < ms.length; j++) {
        const a = ms[i]!;
        const b = ms[j]!;
        if (a.entity === b.entity || b.first <= a.last) continue;
        const k = key(a.entity, b.entity);
        if (seen.has(k)) continue;
        seen.add(k);
        const ruled = linked.has(pairKey(a.entity.name, b.entity.name));
        if (ruled && !withLinked) continue;
        if (!tags) {
          tags = tagsOf(toks);
          firstVerb = tags.pos.indexOf('VERB');
        }
        const c = { sentence: s, a, b, ...features(toks, tags, ms, i, j, firstVerb) };
        const ma = mentions.get(a.entity)!;
        const mb = mentions.get(b.entity)!;
        c.features.push(TOGETHER + bucket(together.get(k)!, [1, 2]), RARER + bucket(Math.min(ma, mb), [1, 3]));
        if (ma === top || mb === top) c.features.push(FLAG['main-actor']);
        if (ruled) c.features.push(FLAG['rules-linked']);
        out.push(c);
      }
    }
  }
  return out;
}

const FITTED = LINK_FEATURES.vector(LINK_WEIGHTS);

/** The link's type from the verb between the names, when one names it (a reporting verb does not). */
const typeOf = (c: PairCandidate): string | undefined => (c.verb && !REPORTING_VERBS.has(c.verb) ? (VERB_TYPE.get(c.verb) ?? pastTense(c.verb)) : undefined);

/** The model's probability that a candidate is a link. */
export const linkProbability = (c: PairCandidate, weights: Float64Array = FITTED): number => probability(c.features, weights);

/**
 * The candidates the model rates at `threshold` or above, one link per pair (its likeliest
 * sentence), typed by the verb between the names, else "associated_with" (never for an outlet).
 */
export function likelyLinks(sentences: Sentence[], candidates: PairCandidate[], weights = FITTED, threshold = LINK_THRESHOLD): Interaction[] {
  const best = new Map<string, { c: PairCandidate; p: number }>();
  for (const c of candidates) {
    const p = linkProbability(c, weights);
    if (p < threshold) continue;
    // An outlet named with someone and no verb between them is that story's source, which its REPORTS
    // links already say; such a link would tell an analyst nothing more.
    if (!typeOf(c) && (c.a.entity.kind === 'media' || c.b.entity.kind === 'media')) continue;
    const k = pairKey(c.a.entity.name, c.b.entity.name);
    const prev = best.get(k);
    if (!prev || p > prev.p) best.set(k, { c, p });
  }
  return [...best.values()].map(({ c }) => {
    const sent = sentences[c.sentence]!;
    return {
      type: typeOf(c) ?? 'associated_with',
      source: c.a.entity.name,
      target: c.b.entity.name,
      sentence: c.sentence,
      evidence: { start: sent.start, end: sent.end, text: sent.text },
      hedged: false,
    };
  });
}
