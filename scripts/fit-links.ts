/**
 * Fits the likely-link model (server/extract/rules/likely-links.ts) on annotated articles and
 * writes its weights. Each set is held out in turn (fitted on the others, scored on it) so the
 * report shows how the model does on articles it was not fitted on; the weights written are fitted
 * on every set, with the threshold that did best held out.
 *
 *   node --import tsx scripts/fit-links.ts [--write] DIR:GOLD[:FILE_REGEX] ...
 *
 * GOLD is a dev-corpus-style gold.json; FILE_REGEX keeps only matching files (to leave a slice out).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArticleFile } from '../server/article/read.js';
import { ruleStages } from '../server/extract/rules/index.js';
import { FEATURES, candidatePairs, linkProbability, likelyLinks, type PairCandidate } from '../server/extract/rules/likely-links.js';
import type { Interaction } from '../server/extract/types.js';

interface GoldEntity {
  name: string;
  aliases: string[];
}
interface GoldDoc {
  file: string;
  people: GoldEntity[];
  institutions: GoldEntity[];
  places: GoldEntity[];
  interactions: { a: string; b: string }[];
}
interface Doc {
  set: string;
  file: string;
  sentences: ReturnType<typeof ruleStages>['sentences'];
  rules: Interaction[];
  candidates: { c: PairCandidate; label: boolean }[];
  gold: GoldDoc;
  canon: (name: string) => string;
}

const norm = (n: string, loose = false): string => {
  let s = n.trim().replace(/\s+/g, ' ').replace(/[’‘]/g, "'").replace(/'s$/i, '').toLowerCase();
  if (loose) s = s.replace(/^the /, '').replace(/\./g, '');
  return s;
};

/** The scorer's own matching (scripts/eval.ts): names to the gold entity they name, pairs unordered. */
function canonOf(gold: GoldDoc): (name: string) => string {
  const all = [...gold.people, ...gold.institutions, ...gold.places];
  const index = (loose: boolean) => new Map(all.flatMap((e) => [e.name, ...e.aliases].map((a) => [norm(a, loose), norm(e.name, true)] as const)));
  const strict = index(false);
  const loose = index(true);
  return (name) => strict.get(norm(name)) ?? loose.get(norm(name, true)) ?? norm(name, true);
}

const RULES_LINKED = FEATURES.indexOf('rules-linked');
const key = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

async function load(spec: string): Promise<Doc[]> {
  const [dir, goldFile, only] = spec.split(':');
  if (!dir || !goldFile) throw new Error(`expected DIR:GOLD[:REGEX], got ${spec}`);
  const filter = only ? new RegExp(only) : undefined;
  const docs: Doc[] = [];
  for (const gold of JSON.parse(readFileSync(goldFile, 'utf8')) as GoldDoc[]) {
    if (filter && !filter.test(gold.file)) continue;
    let file = join(dir, gold.file);
    if (!existsSync(file)) file = join('seeds', gold.file);
    const read = await readArticleFile(file);
    if (!read.ok) continue;
    const st = ruleStages(read.article.text);
    const canon = canonOf(gold);
    const linked = new Set(gold.interactions.map((g) => key(norm(g.a, true), norm(g.b, true))));
    const candidates = candidatePairs(st.tokens, st.placed, st.interactions, true).map((c) => ({
      c,
      label: linked.has(key(canon(c.a.entity.name), canon(c.b.entity.name))),
    }));
    docs.push({ set: spec, file: gold.file, sentences: st.sentences, rules: st.interactions, candidates, gold, canon });
  }
  return docs;
}

/** L2-regularised logistic regression by batch gradient descent over binary features. */
function fit(samples: { c: PairCandidate; label: boolean }[], l2 = 1, rounds = 800, rate = 0.5): Float64Array {
  const w = new Float64Array(FEATURES.length);
  const n = samples.length;
  for (let r = 0; r < rounds; r++) {
    const grad = new Float64Array(FEATURES.length);
    for (const s of samples) {
      const err = linkProbability(s.c, w) - (s.label ? 1 : 0);
      for (const f of s.c.features) grad[f]! += err;
    }
    for (let f = 0; f < w.length; f++) w[f]! -= (rate * (grad[f]! + (f === 0 ? 0 : l2 * w[f]!))) / n;
  }
  return w;
}

/** Interaction P/R/F1 as scripts/eval.ts counts them, for the rules' links plus the model's. */
function score(docs: Doc[], w: Float64Array | null, threshold: number) {
  let tp = 0;
  let found = 0;
  let gold = 0;
  for (const d of docs) {
    const open = d.candidates.filter((x) => !x.c.features.includes(RULES_LINKED)).map((x) => x.c);
    const links = w ? [...d.rules, ...likelyLinks(d.sentences, open, w, threshold)] : d.rules;
    const used = new Set<number>();
    for (const x of links) {
      const k = key(d.canon(x.source), d.canon(x.target));
      const g = d.gold.interactions.findIndex((gi, i) => !used.has(i) && key(norm(gi.a, true), norm(gi.b, true)) === k);
      if (g >= 0) used.add(g);
    }
    tp += used.size;
    found += links.length;
    gold += d.gold.interactions.length;
  }
  const p = found ? tp / found : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

const args = process.argv.slice(2);
const write = args.includes('--write');
const specs = args.filter((a) => a !== '--write');
// "@DIR:GOLD" marks a set that stands for news the rules were not tuned on: the threshold is the one
// that does best on those, each scored by the model fitted without it.
const judged = specs.map((s) => s.startsWith('@'));
const sets = await Promise.all(specs.map((s) => load(s.replace(/^@/, ''))));
const fmt = (s: { p: number; r: number; f1: number }) => `P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)}`;
const thresholds = [0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7];
const models = sets.map((_, i) => fit(sets.flatMap((s, j) => (j === i ? [] : s.flatMap((d) => d.candidates)))));
console.log(
  `held out in turn (F1 of rules alone, then rules + model at each threshold)\n${'set'.padEnd(24)} rules  ${thresholds.map((t) => String(t).padEnd(5)).join(' ')}`,
);
const judgedF1 = thresholds.map(() => 0);
for (const [i, docs] of sets.entries()) {
  const row = thresholds.map((t, k) => {
    const f1 = score(docs, models[i]!, t).f1;
    if (judged[i]) judgedF1[k]! += f1 / judged.filter(Boolean).length;
    return f1.toFixed(3);
  });
  const c = docs.flatMap((d) => d.candidates);
  const name = `${judged[i] ? '@' : ''}${specs[i]!.split('/').slice(-2, -1)[0]}${specs[i]!.split(':')[2] ?? ''}`.slice(0, 23);
  console.log(
    `${name.padEnd(24)} ${score(docs, null, 1).f1.toFixed(3)}  ${row.join(' ')}   (${c.filter((x) => x.label).length}/${c.length} candidates linked)`,
  );
}
console.log(`${'mean of @ sets'.padEnd(31)} ${judgedF1.map((f) => f.toFixed(3)).join(' ')}`);
// Of thresholds within 0.005 of the best F1 (noise on sets this small), the highest: fewer wrong links for the same score.
const top = Math.max(...judgedF1);
const best = thresholds.filter((_, k) => judgedF1[k]! >= top - 0.005).at(-1)!;
for (const [i, docs] of sets.entries())
  if (judged[i]) console.log(`${specs[i]} at ${best}: rules ${fmt(score(docs, null, 1))}; with the model ${fmt(score(docs, models[i]!, best))}`);
const weights = fit(sets.flat().flatMap((d) => d.candidates));
const rounded = Object.fromEntries(
  [...weights]
    .map((v, f) => [FEATURES[f]!, v] as const)
    .filter(([, v]) => Math.abs(v) >= 0.005)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => [k, Math.round(v * 1000) / 1000]),
);
console.log(`threshold ${best}; ${Object.keys(rounded).length} weights`);
if (write) {
  const body = Object.entries(rounded)
    .map(([k, v]) => `  ${/^[a-z][a-z0-9]*$/.test(k) ? k : `'${k}'`}: ${v},`)
    .join('\n');
  writeFileSync(
    'server/extract/rules/likely-link-weights.ts',
    `/** Written by \`scripts/fit-links.ts\` (${sets.reduce((n, s) => n + s.length, 0)} annotated articles); see likely-links.ts. */\nexport const LINK_THRESHOLD = ${best};\nexport const LINK_WEIGHTS: Readonly<Record<string, number>> = {\n${body}\n};\n`,
  );
  console.log('wrote server/extract/rules/likely-link-weights.ts');
}
