/**
 * What fitting the extractor's logistic models takes, whichever the model: annotated sets read and
 * run through the rules, names matched to the gold as scripts/eval.ts matches them, logistic
 * regression, each set held out in turn, the threshold chosen on the sets marked as unseen news,
 * and the weights file written.
 *
 * A set is given as DIR:GOLD[:FILE_REGEX] (a dev-corpus-style gold.json; FILE_REGEX keeps only the
 * matching files, to leave a slice out). "@DIR:GOLD" marks a set that stands for news the rules
 * were not tuned on: the threshold is the one that does best on those, each scored by the model
 * fitted without it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArticleFile } from '../../server/article/read.js';
import { AppError } from '../../server/errors.js';
import { canonicalName, type GoldDoc } from '../gold.js';
import { ruleStages } from '../../server/extract/rules/index.js';
import { probability, type FeatureSpace } from '../../server/extract/rules/logistic.js';

export interface Annotated {
  file: string;
  gold: GoldDoc;
  stages: ReturnType<typeof ruleStages>;
  /** A name as the gold's canonical name of the entity it names (or itself, normalised). */
  canon: (name: string) => string;
}
export interface AnnotatedSet {
  spec: string;
  name: string;
  judged: boolean;
  docs: Annotated[];
}
export interface Sample {
  features: number[];
  label: boolean;
}

export async function loadSets(specs: string[]): Promise<AnnotatedSet[]> {
  const sets: AnnotatedSet[] = [];
  for (const spec of specs) {
    const judged = spec.startsWith('@');
    const [dir, goldFile, only] = spec.replace(/^@/, '').split(':');
    if (!dir || !goldFile) throw new AppError('BAD_REQUEST', `expected DIR:GOLD[:FILE_REGEX], got "${spec}"`);
    if (!existsSync(goldFile)) throw new AppError('NOT_FOUND', `${goldFile} (the gold of "${spec}") does not exist`);
    if (!existsSync(dir)) throw new AppError('NOT_FOUND', `${dir} (the articles of "${spec}") does not exist`);
    let filter: RegExp | undefined;
    let golds: GoldDoc[];
    try {
      filter = only ? new RegExp(only) : undefined;
      golds = JSON.parse(readFileSync(goldFile, 'utf8')) as GoldDoc[];
      if (!Array.isArray(golds)) throw new Error('it is not a list of documents');
    } catch (err) {
      throw new AppError('BAD_INPUT', `"${spec}": ${(err as Error).message.replace(/\s+/g, ' ')}`);
    }
    const docs: Annotated[] = [];
    for (const gold of golds) {
      if (filter && !filter.test(gold.file)) continue;
      let file = join(dir, gold.file);
      if (!existsSync(file)) file = join('seeds', gold.file);
      const read = await readArticleFile(file);
      if (!read.ok) continue;
      docs.push({ file: gold.file, gold, stages: ruleStages(read.article.text), canon: canonicalName(gold) });
    }
    const name = `${judged ? '@' : ''}${dir.split('/').slice(-2, -1)[0]}${only ? `:${only}` : ''}`;
    sets.push({ spec, name, judged, docs });
  }
  return sets;
}

/** L2-regularised logistic regression by batch gradient descent over binary features. */
export function fitLogistic(space: FeatureSpace, samples: Sample[], l2 = 1, rounds = 800, rate = 0.5): Float64Array {
  const w = new Float64Array(space.names.length);
  const bias = space.id('bias');
  const n = samples.length;
  for (let r = 0; r < rounds; r++) {
    const grad = new Float64Array(w.length);
    for (const s of samples) {
      const err = probability(s.features, w) - (s.label ? 1 : 0);
      for (const f of s.features) grad[f]! += err;
    }
    for (let f = 0; f < w.length; f++) w[f]! -= (rate * (grad[f]! + (f === bias ? 0 : l2 * w[f]!))) / n;
  }
  return w;
}

export interface Score {
  p: number;
  r: number;
  f1: number;
}
export const prf = (tp: number, found: number, gold: number): Score => {
  const p = found ? tp / found : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
};
const fmt = (s: Score): string => `P ${s.p.toFixed(3)} R ${s.r.toFixed(3)} F1 ${s.f1.toFixed(3)}`;

export interface Model<T> {
  space: FeatureSpace;
  /** The samples of a set's documents, with what scoring needs. */
  samples: (set: AnnotatedSet) => T;
  training: (data: T) => Sample[];
  /** The set's score with the rules alone (weights null) or with the model at a threshold. */
  score: (data: T, weights: Float64Array | null, threshold: number) => Score;
  thresholds: readonly number[];
  /** Where the weights go, and the names of the constants written. */
  file: string;
  constants: { threshold: string; weights: string };
}

/** Holds out each set in turn, reports, picks the threshold, fits on everything and (with write) writes the weights. */
export function fitAndReport<T>(model: Model<T>, sets: AnnotatedSet[], write: boolean): void {
  const data = sets.map(model.samples);
  const held = sets.map((_, i) =>
    fitLogistic(
      model.space,
      data.flatMap((d, j) => (j === i ? [] : model.training(d))),
    ),
  );
  const { thresholds } = model;
  console.log(
    `held out in turn (F1 of rules alone, then with the model at each threshold)\n${'set'.padEnd(24)} rules  ${thresholds.map((t) => String(t).padEnd(5)).join(' ')}`,
  );
  const judged = sets.filter((s) => s.judged).length;
  const judgedF1 = thresholds.map(() => 0);
  for (const [i, set] of sets.entries()) {
    const row = thresholds.map((t, k) => {
      const f1 = model.score(data[i]!, held[i]!, t).f1;
      if (set.judged) judgedF1[k]! += f1 / judged;
      return f1.toFixed(3);
    });
    const samples = model.training(data[i]!);
    const positive = samples.filter((s) => s.label).length;
    console.log(
      `${set.name.slice(0, 23).padEnd(24)} ${model.score(data[i]!, null, 1).f1.toFixed(3)}  ${row.join(' ')}   (${positive}/${samples.length} positive)`,
    );
  }
  console.log(`${'mean of @ sets'.padEnd(31)} ${judgedF1.map((f) => f.toFixed(3)).join(' ')}`);
  // Of thresholds within 0.005 of the best (noise on sets this small), the highest: fewer wrong answers for the same score.
  const top = Math.max(...judgedF1);
  const best = thresholds.filter((_, k) => judgedF1[k]! >= top - 0.005).at(-1)!;
  for (const [i, set] of sets.entries())
    if (set.judged)
      console.log(`${set.name} at ${best}: rules ${fmt(model.score(data[i]!, null, 1))}; with the model ${fmt(model.score(data[i]!, held[i]!, best))}`);
  const weights = fitLogistic(model.space, data.flatMap(model.training));
  const named = [...weights]
    .map((v, f) => [model.space.names[f]!, Math.round(v * 1000) / 1000] as const)
    .filter(([, v]) => v !== 0)
    .sort(([a], [b]) => a.localeCompare(b));
  console.log(`threshold ${best}; ${named.length} weights`);
  if (!write) return;
  const body = named.map(([k, v]) => `  ${/^[a-z][a-z0-9]*$/.test(k) ? k : `'${k}'`}: ${v},`).join('\n');
  const articles = sets.reduce((n, s) => n + s.docs.length, 0);
  writeFileSync(
    model.file,
    `/** Written by \`npm run fit\` (${articles} annotated articles, none of dev-corpus 19–30). */\nexport const ${model.constants.threshold} = ${best};\nexport const ${model.constants.weights}: Readonly<Record<string, number>> = {\n${body}\n};\n`,
  );
  console.log(`wrote ${model.file}`);
}
