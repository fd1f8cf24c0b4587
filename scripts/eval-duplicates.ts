/**
 * `npm run eval:duplicates -- [ARTICLES_DIR] [GOLD_JSON] [--seeds] [--verbose]`: how well the suggested
 * duplicates (server/curate/duplicates.ts) find the entities the loader kept apart, on the dev corpus.
 *
 * The articles are extracted and resolved as the loader does (planDocument with one EntityIndex, in the
 * loader's file order), without a database: the graph's entities, their documents and their links are
 * read from the plans. True pairs come from the gold: two extracted entities of one category whose names
 * are both a name or alias of one gold entity (gold entities of one canonical name across documents are
 * one) are one entity the loader failed to join. A name that is a form of two gold entities says nothing
 * and is left out. Reported: the true pairs, how many are suggested (recall), the suggestions and the
 * share that are not true pairs. `--verbose` lists the misses and the suggestions outside the gold, to be
 * judged by hand (the gold may miss a pair; such pairs are not written anywhere by this script).
 *
 * Defaults: articles/ and gold.json of ../shared/dev-corpus beside the project (or beside its worktree folder).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { EntityCategory } from '../common/curate.js';
import { readArticleFile } from '../server/article/read.js';
import { suggestDuplicates, type EntitySummary } from '../server/curate/duplicates.js';
import { defaultExtractor } from '../server/extract/index.js';
import { EntityIndex } from '../server/ingest/entity-index.js';
import { articleFiles } from '../server/ingest/files.js';
import { documentMeta, fileIdentity, planDocument, type DocumentPlan } from '../server/ingest/plan.js';
import { PROJECT_ROOT, SEEDS_DIR } from '../server/paths.js';
import { goldDoc, norm, type GoldDoc } from './gold.js';

const GOLD_CATEGORIES = { people: 'person', institutions: 'institution', places: 'place' } as const;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { seeds: { type: 'boolean', default: false }, verbose: { type: 'boolean', short: 'v', default: false } },
  });
  // Beside the project, or beside the folder of worktrees that holds it.
  const corpus = ['../shared/dev-corpus', '../../shared/dev-corpus'].map((p) => path.resolve(PROJECT_ROOT, p)).find((p) => existsSync(p)) ?? '';
  const articlesDir = path.resolve(positionals[0] ?? path.join(corpus, 'articles'));
  const goldFile = path.resolve(positionals[1] ?? path.join(corpus, 'gold.json'));
  for (const p of [articlesDir, goldFile]) {
    if (!existsSync(p)) {
      process.stderr.write(`eval:duplicates: error[NOT_FOUND]: ${p} does not exist\n`);
      return 2;
    }
  }

  // Extract and resolve as the loader does, in its order.
  const started = performance.now();
  const index = new EntityIndex();
  const plans: DocumentPlan[] = [];
  const files: string[] = [];
  for await (const f of articleFiles([...(values.seeds ? [SEEDS_DIR] : []), articlesDir])) {
    const read = await readArticleFile(f.path);
    if (!read.ok) continue;
    files.push(path.basename(f.path));
    const meta = documentMeta(read.article, { identity: fileIdentity(f.path, PROJECT_ROOT), name: f.name });
    plans.push(planDocument(meta, defaultExtractor.extract(meta.text), index));
  }

  // The graph's entities as the reader of GET /api/duplicates sees them.
  const summaries = new Map<string, EntitySummary>();
  for (const plan of plans) {
    for (const row of plan.entities) {
      const known = index.get(row.id)!;
      const s = summaries.get(row.id) ?? {
        id: row.id,
        name: known.name,
        aliases: known.aliases,
        category: known.category,
        kind: known.kind ?? null,
        ambiguous: known.ambiguous ?? false,
        documents: [],
        neighbours: [],
      };
      s.documents.push(plan.document.id);
      summaries.set(row.id, s);
    }
  }
  const link = (a: string, b: string) => {
    summaries.get(a)?.neighbours.push(b);
    summaries.get(b)?.neighbours.push(a);
  };
  for (const plan of plans) {
    for (const i of plan.interactions) link(i.source, i.target);
    for (const r of plan.roles) link(r.person, r.institution);
  }
  const entities = [...summaries.values()];
  const suggestTime = performance.now();
  const suggestions = suggestDuplicates(entities);
  const suggestMs = performance.now() - suggestTime;

  // Gold entities across the documents loaded, one per category and canonical name.
  const gold = (JSON.parse(readFileSync(goldFile, 'utf8')) as unknown[]).map((d) => goldDoc.parse(d) as GoldDoc);
  const loaded = new Set(files);
  const clustersOf = new Map<string, Set<string>>(); // category|form → gold clusters
  for (const doc of gold) {
    if (!loaded.has(doc.file)) continue;
    for (const [key, category] of Object.entries(GOLD_CATEGORIES)) {
      for (const e of doc[key as keyof typeof GOLD_CATEGORIES]) {
        const cluster = `${category}|${norm(e.name, true)}`;
        for (const form of [e.name, ...e.aliases]) {
          const k = `${category}|${norm(form, true)}`;
          if (!clustersOf.has(k)) clustersOf.set(k, new Set());
          clustersOf.get(k)!.add(cluster);
        }
      }
    }
  }
  const clusterOf = (e: EntitySummary): string | null => {
    const found = clustersOf.get(`${e.category}|${norm(e.name, true)}`);
    return found?.size === 1 ? [...found][0]! : null;
  };
  const members = new Map<string, EntitySummary[]>();
  for (const e of entities) {
    const c = clusterOf(e);
    if (c) members.set(c, [...(members.get(c) ?? []), e]);
  }
  const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const truePairs = new Map<string, [EntitySummary, EntitySummary]>();
  for (const list of members.values()) {
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) truePairs.set(key(list[i]!.id, list[j]!.id), [list[i]!, list[j]!]);
  }
  const suggested = new Set(suggestions.map((s) => key(...s.ids)));
  const found = [...truePairs.keys()].filter((k) => suggested.has(k));
  const outside = suggestions.filter((s) => !truePairs.has(key(...s.ids)));

  const byCategory = (category: EntityCategory) => ({
    entities: entities.filter((e) => e.category === category).length,
    truePairs: [...truePairs.values()].filter(([a]) => a.category === category).length,
    suggestions: suggestions.filter((s) => summaries.get(s.ids[0])!.category === category).length,
  });
  const report = {
    documents: plans.length,
    entities: entities.length,
    truePairs: truePairs.size,
    truePairsSuggested: found.length,
    recall: truePairs.size ? found.length / truePairs.size : 1,
    suggestions: suggestions.length,
    suggestionsOutsideGold: outside.length,
    shareOutsideGold: suggestions.length ? outside.length / suggestions.length : 0,
    byCategory: { person: byCategory('person'), institution: byCategory('institution'), place: byCategory('place') },
    seconds: { total: (performance.now() - started) / 1000, suggest: suggestMs / 1000 },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (values.verbose) {
    const name = (id: string) => summaries.get(id)!.name;
    process.stdout.write('\nTrue pairs not suggested:\n');
    for (const [k, [a, b]] of truePairs) if (!suggested.has(k)) process.stdout.write(`  ${a.category}: ${a.name} | ${b.name}\n`);
    process.stdout.write('\nTrue pairs suggested:\n');
    for (const [k, [a, b]] of truePairs) if (suggested.has(k)) process.stdout.write(`  ${a.category}: ${a.name} | ${b.name}\n`);
    process.stdout.write('\nSuggestions outside the gold (judge by hand):\n');
    for (const s of outside) process.stdout.write(`  ${s.score} ${name(s.ids[0])} | ${name(s.ids[1])}  [${s.reasons.map((r) => r.code).join(', ')}]\n`);
    process.stdout.write('\nEntities by category (for finding pairs the gold misses):\n');
    for (const c of ['person', 'institution', 'place'] as const) {
      const names = entities.filter((e) => e.category === c).map((e) => `${e.name}${e.ambiguous ? ' (ambiguous)' : ''}`);
      process.stdout.write(`  ${c} (${names.length}): ${names.sort().join('; ')}\n`);
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`eval:duplicates: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
