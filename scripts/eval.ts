/**
 * `npm run eval -- ARTICLES_DIR GOLD_JSON [--only PATTERN]… [--out FILE] [--verbose]`: precision, recall
 * and F1 of the extractor per category, by the counting rules of the dev corpus (shared/dev-corpus/README.md).
 * Gold files not found in ARTICLES_DIR are looked up in seeds/. Scores are micro-averaged over all
 * documents, and again without the seed articles.
 *
 *   --only PATTERN  score only the gold documents whose `file` matches: a regular expression when PATTERN
 *                   holds any of ^$()[]{}|*+?\, otherwise a prefix of the file name (so `07-` is the file
 *                   07-…). Repeat it for several; a document matching any is scored. Slices are then
 *                   scored from the one gold file: `--only '^(0[7-9]|1[0-8])-'` is 07–18.
 *   --out FILE      also write the scores as JSON
 *   --verbose, -v   list each document's false positives (FP), misses (FN) and duplicates (DUP)
 *
 * Bad input (a missing folder or article, gold that is not JSON or not in the documented form, an
 * --only that is not a valid expression or matches nothing) is one line, `eval: error[CODE]: …`, naming
 * what and where, and exit code 2; every input is checked before the first article is extracted.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ContractDocument } from '../server/extract/contract.js';
import { readArticleFile } from '../server/article/read.js';
import { AppError } from '../server/errors.js';
import { SEEDS_DIR } from '../server/paths.js';
import { canonicalName, goldDoc, matchAllegations, norm, resolver, type GoldDoc, type GoldEntity } from './gold.js';

const CATEGORIES = ['people', 'institutions', 'places'] as const;
const ROLES = ['alleged_by', 'against', 'reported_by', 'denied_by'] as const;

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

  const canon = canonicalName(gold);

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
  const matched = matchAllegations(
    doc.allegations.map((x) => x.sentence || x.claim),
    gold.allegations,
  );
  for (const [k, x] of doc.allegations.entries()) {
    const g = matched[k]!;
    if (g < 0) {
      allegations.fp++;
      notes.push(`  FP allegation "${x.claim}"`);
      continue;
    }
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
  const usedA = new Set(matched.filter((g) => g >= 0));
  allegations.found = usedA.size;
  gold.allegations.forEach((ga, i) => usedA.has(i) || notes.push(`  FN allegation "${ga.claim}"`));
  return { entities, interactions, interactionTypes, allegations, roles, notes };
}

function pct(x: number): string {
  return x.toFixed(3);
}

/**
 * JSON.parse's complaint as one clause, with where it is: V8 gives either "… at position N" or a quoted
 * excerpt around the bad token ("Unexpected token '}', ...\"people\": [}]\" is not valid JSON").
 */
function jsonProblem(text: string, message: string): string {
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const at = /^(.*) in JSON at position (\d+)/.exec(message);
  if (at) {
    const offset = Number(at[2]);
    return `line ${lineAt(offset)}, column ${offset - text.lastIndexOf('\n', offset - 1)}: ${at[1]}`;
  }
  const excerpt = /^(.*?), (?:\.\.\.)?"(.*)"(?:\.\.\.)? is not valid JSON$/s.exec(message);
  if (excerpt) {
    const found = text.indexOf(excerpt[2]!);
    return `${found >= 0 ? `line ${lineAt(found)}: ` : ''}${excerpt[1]} in \`${excerpt[2]!.replace(/\s+/g, ' ')}\``;
  }
  return message;
}

function loadGold(goldFile: string): GoldDoc[] {
  let text: string;
  try {
    text = readFileSync(goldFile, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('NOT_FOUND', `gold file ${goldFile}: no such file.`);
    throw new AppError('BAD_INPUT', `gold file ${goldFile} cannot be read (${code ?? String(err)}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new AppError('BAD_INPUT', `gold file ${goldFile} is not valid JSON, ${jsonProblem(text, (err as Error).message)}.`);
  }
  if (!Array.isArray(json)) throw new AppError('BAD_INPUT', `gold file ${goldFile} must hold a JSON array of documents, one object per article.`);
  const seen = new Set<string>();
  return json.map((entry, i) => {
    const parsed = goldDoc.safeParse(entry);
    const where = `gold file ${goldFile}, document ${i + 1}${typeof entry?.file === 'string' ? ` (${entry.file})` : ''}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
        .join('')
        .replace(/^\./, '');
      throw new AppError('BAD_INPUT', `${where}: ${field || 'the document'}: ${issue.message.replace(/^Invalid input: /, '')}.`);
    }
    if (seen.has(parsed.data.file)) throw new AppError('BAD_INPUT', `${where}: ${parsed.data.file} is annotated twice.`);
    seen.add(parsed.data.file);
    return parsed.data;
  });
}

/** A test of gold file names for each --only: a regular expression, or a plain prefix when it has no regex syntax. */
function onlyFilter(patterns: string[]): ((file: string) => boolean) | null {
  if (!patterns.length) return null;
  const tests = patterns.map((p): ((file: string) => boolean) => {
    if (!/[\^$()[\]{}|*+?\\]/.test(p)) return (file) => file.startsWith(p);
    try {
      const re = new RegExp(p);
      return (file) => re.test(file);
    } catch (err) {
      throw new AppError(
        'BAD_REQUEST',
        `--only '${p}' is not a valid regular expression (${(err as Error).message.replace(/^Invalid regular expression: /, '')}).`,
      );
    }
  });
  return (file) => tests.some((t) => t(file));
}

/** Where each gold document's article is: ARTICLES_DIR first, then seeds/; a file in neither is an error. */
function locateArticles(articlesDir: string, gold: GoldDoc[]): { doc: GoldDoc; file: string; seed: boolean }[] {
  if (!existsSync(articlesDir)) throw new AppError('NOT_FOUND', `articles folder ${articlesDir}: no such folder.`);
  if (!statSync(articlesDir).isDirectory()) throw new AppError('BAD_INPUT', `${articlesDir} is a file; give the folder that holds the articles.`);
  return gold.map((doc) => {
    const inArticles = path.join(articlesDir, doc.file);
    if (existsSync(inArticles)) return { doc, file: inArticles, seed: false };
    const inSeeds = path.join(SEEDS_DIR, doc.file);
    if (existsSync(inSeeds)) return { doc, file: inSeeds, seed: true };
    throw new AppError('NOT_FOUND', `article ${doc.file} (in the gold file) is neither in ${articlesDir} nor in seeds/.`);
  });
}

const USAGE = 'usage: npm run eval -- ARTICLES_DIR GOLD_JSON [--only PATTERN]… [--out FILE] [--verbose]';

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { out: { type: 'string' }, verbose: { type: 'boolean', short: 'v' }, only: { type: 'string', multiple: true } },
    });
  } catch (err) {
    throw new AppError('BAD_REQUEST', `${(err as Error).message.replace(/\. To specify a positional.*$/, '')}. ${USAGE}`);
  }
  const { positionals, values } = args;
  const [articlesDir, goldFile, ...extra] = positionals;
  if (!articlesDir || !goldFile || extra.length) throw new AppError('BAD_REQUEST', USAGE);
  if (values.out && !existsSync(path.dirname(values.out)))
    throw new AppError('NOT_FOUND', `--out ${values.out}: folder ${path.dirname(values.out)} does not exist.`);
  const allGold = loadGold(goldFile);
  const only = onlyFilter(values.only ?? []);
  const gold = only ? allGold.filter((g) => only(g.file)) : allGold;
  if (!gold.length) {
    throw new AppError(
      'BAD_REQUEST',
      only ? `--only ${values.only!.join(', ')} matches none of the ${allGold.length} documents in ${goldFile}.` : `${goldFile} holds no documents.`,
    );
  }
  if (only) process.stderr.write(`eval: scoring ${gold.length} of ${allGold.length} documents (--only ${values.only!.join(', ')})\n`);
  const articles = locateArticles(articlesDir, gold);

  // The extractor (and its models) load only once the inputs are known to be good.
  const { defaultExtractor } = await import('../server/extract/index.js');
  const { toContractDocument } = await import('../server/extract/contract.js');
  const rows: { file: string; seed: boolean; score: DocScore }[] = [];
  for (const { doc: g, file, seed } of articles) {
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
    ...(values.only ? { only: values.only, files: rows.map((r) => r.file) } : {}),
    all: report('All', rows),
    withoutSeeds: report(
      'Without the seeds',
      rows.filter((r) => !r.seed),
    ),
  };
  if (values.out) {
    try {
      writeFileSync(values.out, `${JSON.stringify(results, null, 2)}\n`);
    } catch (err) {
      throw new AppError('BAD_INPUT', `--out ${values.out} cannot be written (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
    }
  }
}

try {
  await main();
} catch (err) {
  // Bad input is one line in the CLI's vocabulary; anything else is a bug and keeps its stack.
  if (!(err instanceof AppError)) throw err;
  process.stderr.write(`eval: error[${err.code}]: ${err.message}\n`);
  process.exitCode = 2;
}
