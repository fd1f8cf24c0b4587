/**
 * `npm run eval -- ARTICLES_DIR GOLD_JSON [--out FILE] [--verbose]`: precision, recall and F1 of the
 * extractor per category, by the counting rules of the dev corpus (shared/dev-corpus/README.md).
 * Gold files not found in ARTICLES_DIR are looked up in seeds/. Scores are micro-averaged over all
 * documents, and again without the seed articles.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { toContractDocument, type ContractDocument } from '../server/extract/contract.js';
import { defaultExtractor } from '../server/extract/index.js';
import { readArticleFile } from '../server/article/read.js';
import { SEEDS_DIR } from '../server/paths.js';

interface GoldEntity {
  name: string;
  aliases: string[];
}
interface GoldDoc {
  file: string;
  people: GoldEntity[];
  institutions: GoldEntity[];
  places: GoldEntity[];
  allegations: { claim: string; alleged_by: string[]; against: string[]; reported_by: string[]; denied_by: string[]; sentence: string }[];
  interactions: { a: string; b: string; type: string; sentence: string }[];
}

const CATEGORIES = ['people', 'institutions', 'places'] as const;
const ROLES = ['alleged_by', 'against', 'reported_by', 'denied_by'] as const;

/** Rule 1: trim, collapse spaces, ’ = ', no trailing possessive, case-insensitive; for relations also no leading "the" and no dots. */
function norm(name: string, loose = false): string {
  let n = name.trim().replace(/\s+/g, ' ').replace(/[’‘]/g, "'").replace(/'s$/i, '').toLowerCase();
  if (loose) n = n.replace(/^the /, '').replace(/\./g, '');
  return n;
}

class Tally {
  tp = 0;
  fp = 0;
  found = 0;
  gold = 0;
  add(other: Tally): void {
    this.tp += other.tp;
    this.fp += other.fp;
    this.found += other.found;
    this.gold += other.gold;
  }
  get precision(): number {
    return this.tp + this.fp === 0 ? (this.gold === 0 ? 1 : 0) : this.tp / (this.tp + this.fp);
  }
  get recall(): number {
    return this.gold === 0 ? 1 : this.found / this.gold;
  }
  get f1(): number {
    const { precision: p, recall: r } = this;
    return p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }
}

/** Which gold entity (index) a name denotes, in one category or across all. */
function resolver(entities: GoldEntity[], loose = false): (name: string) => number {
  const index = new Map<string, number>();
  entities.forEach((e, i) => [e.name, ...e.aliases].forEach((a) => index.set(norm(a, loose), i)));
  return (name) => index.get(norm(name, loose)) ?? -1;
}

function scoreEntities(extracted: { name: string }[], gold: GoldEntity[], misses: string[]): Tally {
  const t = new Tally();
  t.gold = gold.length;
  const resolve = resolver(gold);
  const hits = new Map<number, number>();
  for (const e of extracted) {
    const g = resolve(e.name);
    if (g < 0) {
      t.fp++;
      misses.push(`  FP ${e.name}`);
      continue;
    }
    hits.set(g, (hits.get(g) ?? 0) + 1);
  }
  for (const [g, k] of hits) {
    t.tp++;
    t.fp += k - 1;
    if (k > 1) misses.push(`  DUP ${gold[g]!.name} ×${k}`);
  }
  t.found = hits.size;
  gold.forEach((g, i) => hits.has(i) || misses.push(`  FN ${g.name}`));
  return t;
}

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

interface DocScore {
  entities: Record<(typeof CATEGORIES)[number], Tally>;
  interactions: Tally;
  interactionTypes: { right: number; matched: number };
  allegations: Tally;
  roles: Record<(typeof ROLES)[number], Tally>;
  notes: string[];
}

function scoreDocument(doc: ContractDocument, gold: GoldDoc): DocScore {
  const notes: string[] = [];
  const entities = Object.fromEntries(CATEGORIES.map((c) => [c, scoreEntities(doc[c], gold[c], notes)])) as DocScore['entities'];

  const all = [...gold.people, ...gold.institutions, ...gold.places];
  const resolveAny = resolver(all);
  const resolveLoose = resolver(all, true);
  const canon = (name: string) => {
    const i = resolveAny(name) >= 0 ? resolveAny(name) : resolveLoose(name);
    return i >= 0 ? norm(all[i]!.name, true) : norm(name, true);
  };

  const interactions = new Tally();
  interactions.gold = gold.interactions.length;
  const interactionTypes = { right: 0, matched: 0 };
  const usedI = new Set<number>();
  for (const x of doc.interactions) {
    const [s, t] = [canon(x.source), canon(x.target)];
    const g = gold.interactions.findIndex((gi, i) => {
      if (usedI.has(i)) return false;
      const [a, b] = [norm(gi.a, true), norm(gi.b, true)];
      return (s === a && t === b) || (s === b && t === a);
    });
    if (g < 0) {
      interactions.fp++;
      notes.push(`  FP interaction ${x.source} -${x.type}-> ${x.target}`);
      continue;
    }
    usedI.add(g);
    interactions.tp++;
    interactionTypes.matched++;
    if (norm(x.type) === norm(gold.interactions[g]!.type)) interactionTypes.right++;
  }
  interactions.found = usedI.size;
  gold.interactions.forEach((gi, i) => usedI.has(i) || notes.push(`  FN interaction ${gi.a} -${gi.type}-> ${gi.b}`));

  const allegations = new Tally();
  allegations.gold = gold.allegations.length;
  const roles = Object.fromEntries(ROLES.map((r) => [r, new Tally()])) as DocScore['roles'];
  const usedA = new Set<number>();
  for (const x of doc.allegations) {
    const own = new Set(words(x.sentence || x.claim));
    const g = gold.allegations.findIndex((ga, i) => {
      if (usedA.has(i)) return false;
      const gw = words(ga.sentence);
      return gw.filter((w) => own.has(w)).length >= gw.length / 2;
    });
    if (g < 0) {
      allegations.fp++;
      notes.push(`  FP allegation "${x.claim}"`);
      continue;
    }
    usedA.add(g);
    allegations.tp++;
    const ga = gold.allegations[g]!;
    for (const r of ROLES) {
      const mine = new Set((x[`${r}_all`] ?? (x[r] ? [x[r]] : [])).map(canon));
      const theirs = new Set(ga[r].map((n) => norm(n, true)));
      const t = roles[r];
      t.gold += theirs.size;
      for (const n of mine) {
        if (theirs.has(n)) t.tp++;
        else t.fp++;
      }
      t.found += [...theirs].filter((n) => mine.has(n)).length;
    }
  }
  allegations.found = usedA.size;
  gold.allegations.forEach((ga, i) => usedA.has(i) || notes.push(`  FN allegation "${ga.claim}"`));
  return { entities, interactions, interactionTypes, allegations, roles, notes };
}

function pct(x: number): string {
  return x.toFixed(3);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, verbose: { type: 'boolean', short: 'v' } } });
  const [articlesDir, goldFile] = positionals;
  if (!articlesDir || !goldFile) {
    process.stderr.write('usage: npm run eval -- ARTICLES_DIR GOLD_JSON [--out FILE] [--verbose]\n');
    process.exit(2);
  }
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as GoldDoc[];
  const rows: { file: string; seed: boolean; score: DocScore }[] = [];
  for (const g of gold) {
    const inArticles = path.join(articlesDir, g.file);
    const seed = !existsSync(inArticles);
    const file = seed ? path.join(SEEDS_DIR, g.file) : inArticles;
    const read = await readArticleFile(file);
    if (!read.ok) throw read.error;
    const doc = toContractDocument(file, read.article.title, defaultExtractor.extract(read.article.text));
    rows.push({ file: g.file, seed, score: scoreDocument(doc, g) });
  }

  const total = (subset: typeof rows) => {
    const sum = {
      entities: Object.fromEntries(CATEGORIES.map((c) => [c, new Tally()])) as DocScore['entities'],
      allEntities: new Tally(),
      interactions: new Tally(),
      allegations: new Tally(),
      roles: Object.fromEntries(ROLES.map((r) => [r, new Tally()])) as DocScore['roles'],
      interactionTypes: { right: 0, matched: 0 },
    };
    for (const { score } of subset) {
      for (const c of CATEGORIES) {
        sum.entities[c].add(score.entities[c]);
        sum.allEntities.add(score.entities[c]);
      }
      sum.interactions.add(score.interactions);
      sum.allegations.add(score.allegations);
      for (const r of ROLES) sum.roles[r].add(score.roles[r]);
      sum.interactionTypes.right += score.interactionTypes.right;
      sum.interactionTypes.matched += score.interactionTypes.matched;
    }
    return sum;
  };

  const report = (label: string, subset: typeof rows) => {
    const t = total(subset);
    const line = (name: string, x: Tally) => `${name.padEnd(26)} ${pct(x.precision)}  ${pct(x.recall)}  ${pct(x.f1)}`;
    const lines = [
      `${label} (${subset.length} documents)`,
      `${'category'.padEnd(26)} P      R      F1`,
      ...CATEGORIES.map((c) => line(c, t.entities[c])),
      line('entities (all)', t.allEntities),
      line('interactions', t.interactions),
      line('allegations', t.allegations),
      ...ROLES.map((r) => line(`  allegation ${r}`, t.roles[r])),
      `interaction type accuracy  ${t.interactionTypes.matched ? pct(t.interactionTypes.right / t.interactionTypes.matched) : '—'} (${t.interactionTypes.right}/${t.interactionTypes.matched})`,
    ];
    process.stdout.write(`${lines.join('\n')}\n\n`);
    const json = (x: Tally) => ({ precision: x.precision, recall: x.recall, f1: x.f1 });
    return {
      documents: subset.length,
      ...Object.fromEntries(CATEGORIES.map((c) => [c, json(t.entities[c])])),
      interactions: json(t.interactions),
      allegations: json(t.allegations),
      roles: Object.fromEntries(ROLES.map((r) => [r, json(t.roles[r])])),
      interactionTypeAccuracy: t.interactionTypes.matched ? t.interactionTypes.right / t.interactionTypes.matched : null,
    };
  };

  if (values.verbose) {
    for (const r of rows) process.stdout.write(`${r.file}\n${r.score.notes.join('\n') || '  (all right)'}\n\n`);
  }
  const results = {
    extractor: defaultExtractor.name,
    date: new Date().toISOString(),
    all: report('All', rows),
    withoutSeeds: report(
      'Without the seeds',
      rows.filter((r) => !r.seed),
    ),
  };
  if (values.out) writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
}

await main();
