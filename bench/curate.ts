/**
 * `npm run bench:curate`: the two targets of corrections (issue 18).
 *
 * 1. Merge a hub. On a copy of bench:api's graph (800,000 entities, 2.9 million relationships; built
 *    and cached by bench/api-graph.ts), its two biggest hubs are merged into one of over 10,000
 *    relationships, which is then merged into another person (`mergeEntities`: every relationship of the
 *    hub moves, the worst case), and on from there. In turn with it, Neo4j's own floor moves the same hub
 *    on: one Cypher statement that moves each relationship as it is (no evidence joined, no log).
 * 2. Reload keeping corrections. Synthetic articles (scripts/corpus.ts, --documents, 10,000) are loaded,
 *    corrections of every kind are made (merges of suggested duplicates, splits, edits, rejected
 *    entities and links), and the fingerprint of the corrections (server/curate/check.ts) is taken; the
 *    same articles are loaded again unchanged, then every one changed, and the fingerprint compared.
 *
 * Options: --documents N (10000), --hubs N (rounds per side, 3), --skip-merge, --skip-reload. Writes bench/results/curate.json.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import type { Correction } from '../common/curate.js';
import { checkCorrections, correctionsFingerprint } from '../server/curate/check.js';
import { editEntity, mergeEntities, reject, splitEntity } from '../server/curate/corrections.js';
import { duplicateSuggestions } from '../server/curate/duplicates-read.js';
import { activeCorrections } from '../server/curate/log.js';
import { Database } from '../server/db/database.js';
import { startEmbeddedNeo4j } from '../server/db/embedded.js';
import { applySchema } from '../server/db/schema.js';
import { loadPaths } from '../server/ingest/load.js';
import { PROJECT_ROOT } from '../server/paths.js';
import { writeCorpus } from '../scripts/corpus.js';
import { openApiGraph, type ApiGraphScale } from './api-graph.js';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '10000' },
    hubs: { type: 'string', default: '3' },
    'skip-merge': { type: 'boolean', default: false },
    'skip-reload': { type: 'boolean', default: false },
  },
});
const log = (m: string) => process.stderr.write(`${m}\n`);
const SCALE: ApiGraphScale = { entities: 800_000, documents: 200_000, mentionsPerDocument: 10, interactionsPerDocument: 5 };
const author = { by: 'bench:curate', reason: 'benchmark' };
const seconds = (start: number) => (performance.now() - start) / 1000;

/** Neo4j's floor: every relationship of the hub moved to the other node as it is, in one statement. */
const MOVE_ALL = `
  MATCH (h:Newsgraph {id: $hub}), (x:Newsgraph {id: $into})
  CALL (h, x) { MATCH (h)-[r]->(o) WHERE o <> x CREATE (x)-[n:$(type(r))]->(o) SET n = properties(r) DELETE r }
  CALL (h, x) { MATCH (o)-[r]->(h) WHERE o <> x CREATE (o)-[n:$(type(r))]->(x) SET n = properties(r) DELETE r }
  DETACH DELETE h`;

async function mergeBench(): Promise<Record<string, unknown>> {
  // Built (or found) in the cache, then copied: the merges must not change the graph bench:api reuses.
  const cached = await openApiGraph(SCALE, { log });
  await cached.db.close();
  await cached.neo4j.stop();
  const home = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-curate-'));
  log(`Copying the graph to ${home}…`);
  cpSync(cached.home, home, { recursive: true });
  rmSync(path.join(home, 'running.json'), { force: true });
  const server = await startEmbeddedNeo4j({ home, boltPort: 0, heap: '2g', pageCache: '2g', onProgress: log });
  const db = new Database({ uri: server.uri, user: server.user, password: server.password, embedded: true });
  try {
    // The biggest hub of the generated graph has about 7,600 relationships: the second biggest is merged
    // into it first, which makes a hub of over 10,000. Then that hub moves from one person to the next,
    // each time all of its relationships: through newsgraph's merge and through Neo4j's floor in turn.
    const [top, second] = await db.read(async (tx) =>
      (
        await tx.run(
          `MATCH (e:Newsgraph:Person) WHERE e.id IN [id IN range(0, 50) | 'e:' + id]
           RETURN e.id AS id ORDER BY COUNT { (e)--() } DESC LIMIT 2`,
        )
      ).records.map((r) => r.get('id') as string),
    );
    let start = performance.now();
    await mergeEntities(db, [top!, second!], undefined, author);
    const setupSeconds = seconds(start);
    const rounds = Number(values.hubs) * 2;
    const partners = await db.read(async (tx) =>
      (
        await tx.run(
          `MATCH (e:Newsgraph:Person) WHERE e.id STARTS WITH 'e:5' AND COUNT { (e)--() } >= 20 AND COUNT { (e)--() } <= 50
           RETURN e.id AS id LIMIT $n`,
          { n: neo4j.int(rounds) },
        )
      ).records.map((r) => r.get('id') as string),
    );
    const degreeOf = async (id: string) =>
      db.read(async (tx) => (await tx.run('MATCH (e:Newsgraph {id: $id}) RETURN COUNT { (e)--() } AS d', { id })).records[0]!.get('d') as number);
    const results: { way: 'newsgraph' | 'driver'; from: string; into: string; relationships: number; seconds: number }[] = [];
    let hub = top!;
    for (let i = 0; i < rounds; i++) {
      const into = partners[i]!;
      const relationships = await degreeOf(hub);
      // Alternating, so that the two ways share the machine's drift.
      const way = i % 2 === 0 ? 'newsgraph' : 'driver';
      start = performance.now();
      if (way === 'newsgraph') await mergeEntities(db, [into, hub], undefined, author);
      else await db.write((tx) => tx.run(MOVE_ALL, { hub, into }));
      results.push({ way, from: hub, into, relationships, seconds: seconds(start) });
      log(`  ${way}: ${relationships.toLocaleString('en')} relationships moved in ${seconds(start).toFixed(2)} s`);
      hub = into;
    }
    const best = (way: string) => Math.min(...results.filter((r) => r.way === way).map((r) => r.seconds));
    return { setupSeconds, rounds: results, newsgraphBest: best('newsgraph'), driverBest: best('driver'), ratio: best('newsgraph') / best('driver') };
  } finally {
    await db.close();
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

async function reloadBench(): Promise<Record<string, unknown>> {
  const documents = Number(values.documents);
  const home = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-reload-'));
  const articles = path.join(home, 'articles');
  mkdirSync(articles);
  writeCorpus(articles, documents);
  const server = await startEmbeddedNeo4j({ home: path.join(home, 'neo4j'), boltPort: 0, heap: '1g', pageCache: '512m', onProgress: log });
  const db = new Database({ uri: server.uri, user: server.user, password: server.password, embedded: true });
  const progress = (label: string) => (p: { done: number; total: number }) => {
    if (p.done % 1000 === 0 || p.done === p.total) log(`  ${label}: ${p.done} / ${p.total}`);
  };
  try {
    await applySchema(db);
    let start = performance.now();
    await loadPaths(db, [articles], { cwd: articles, onProgress: progress('first load') });
    const firstLoad = seconds(start);

    // Corrections of every kind, chosen as an analyst would: suggested pairs merged, then a few of
    // them split again, names edited, entities and links rejected.
    const made: Correction[] = [];
    const suggestions = (await duplicateSuggestions(db, { category: 'person', limit: 40 })).suggestions;
    const merged = new Set<string>();
    for (const s of suggestions) {
      if (made.length >= 20 || s.ids.some((id) => merged.has(id))) continue;
      s.ids.forEach((id) => merged.add(id));
      made.push(await mergeEntities(db, [...s.ids], undefined, author));
    }
    for (const c of made.slice(0, 5)) {
      if (c.change.action !== 'merge') continue;
      const other = c.change.before.find((b) => b.id !== (c.change as { into: string }).into)!;
      made.push(await splitEntity(db, c.change.into, [other.name], undefined, author));
    }
    const sample = await db.read(async (tx) => ({
      entities: (await tx.run('MATCH (e:Newsgraph:Entity) WHERE COUNT { (e)--() } > 3 RETURN e.id AS id ORDER BY e.id SKIP 100 LIMIT 40')).records.map(
        (r) => r.get('id') as string,
      ),
      links: (
        await tx.run("MATCH (:Newsgraph:Entity)-[r]->(:Newsgraph:Entity) WHERE type(r) <> 'HOLDS_ROLE' RETURN elementId(r) AS id SKIP 50 LIMIT 20")
      ).records.map((r) => r.get('id') as string),
    }));
    for (const id of sample.entities.slice(0, 20)) made.push(await editEntity(db, id, { name: `${id.split(':')[1]} (checked)` }, author));
    for (const id of sample.entities.slice(20, 30)) made.push(await reject(db, id, author));
    for (const id of sample.links) made.push(await reject(db, id, author));
    const print = async () =>
      db.read(async (tx) => {
        const active = await activeCorrections(tx);
        const states = await checkCorrections(tx, active);
        // What does not hold, said with the correction it belongs to: a finding to follow up, not to average away.
        const failing = active.filter((c) => states.get(c.id)?.holds === false).map((c) => ({ change: c.change, state: states.get(c.id)!.state }));
        // A correction whose entity or link the changed articles no longer yield has nothing left to hold.
        const gone = active.filter((c) => states.get(c.id)?.holds === null).map((c) => ({ change: c.change, state: states.get(c.id)!.state }));
        return { states, holding: [...states.values()].filter((s) => s.holds).length, total: states.size, failing, gone };
      });
    const before = await print();
    // The fingerprint of every correction whose target is still in the graph afterwards, before and after.
    const kept = (after: Awaited<ReturnType<typeof print>>) => {
      const present = (states: typeof after.states) => new Map([...states].filter(([id]) => after.states.get(id)?.holds !== null));
      return correctionsFingerprint(present(before.states)) === correctionsFingerprint(present(after.states));
    };
    log(`${made.length} corrections made; ${before.holding} of ${before.total} hold.`);

    start = performance.now();
    const unchanged = await loadPaths(db, [articles], { cwd: articles, onProgress: progress('unchanged reload') });
    const unchangedSeconds = seconds(start);
    const afterUnchanged = await print();

    for (const f of readdirSync(articles, { recursive: true, withFileTypes: true })) {
      if (f.isFile()) appendFileSync(path.join(f.parentPath, f.name), '\nOfficials said talks would resume next week.\n');
    }
    start = performance.now();
    const changed = await loadPaths(db, [articles], { cwd: articles, onProgress: progress('changed reload') });
    const changedSeconds = seconds(start);
    const afterChanged = await print();
    return {
      documents,
      corrections: made.length,
      byAction: Object.fromEntries(['merge', 'split', 'edit', 'reject'].map((a) => [a, made.filter((c) => c.change.action === a).length])),
      firstLoadSeconds: firstLoad,
      unchanged: { seconds: unchangedSeconds, skipped: unchanged.documents.unchanged, fingerprintKept: kept(afterUnchanged) },
      changed: { seconds: changedSeconds, replaced: changed.documents.replaced, fingerprintKept: kept(afterChanged) },
      holdingBefore: before.holding,
      holdingAfter: afterChanged.holding,
      failingAfter: afterChanged.failing,
      goneAfter: afterChanged.gone,
      total: before.total,
    };
  } finally {
    await db.close();
    await server.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const out = path.join(PROJECT_ROOT, 'bench', 'results', 'curate.json');
  mkdirSync(path.dirname(out), { recursive: true });
  const previous = (() => {
    try {
      return JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    } catch {
      return {};
    }
  })();
  const result: Record<string, unknown> = {
    ...previous,
    machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30) },
    at: new Date().toISOString(),
  };
  if (!values['skip-merge']) result.merge = await mergeBench();
  if (!values['skip-reload']) result.reload = await reloadBench();
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  log(JSON.stringify(result, null, 2));
  log(`Written to ${path.relative(PROJECT_ROOT, out)}.`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:curate failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
