/**
 * `npm run bench:load`: write throughput of the loader into the embedded Neo4j, on a deterministic
 * synthetic graph (default 10k documents, 50k entities with Zipf-like reuse, ~200k relationships),
 * side by side in the same run with the same rows loaded by Neo4j's own
 * `LOAD CSV … CALL { … } IN TRANSACTIONS`. Also times a reload that changes nothing.
 * Extraction is not part of this figure (bench:extract measures it): rows go straight to the writer.
 *
 * Both ways are warmed up first, then run in turn for --rounds rounds; the best of each is quoted.
 * Options: --documents N (10000), --entities N (50000), --batch N (documents per transaction, 200), --rounds N (2).
 * Writes bench/results/load.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../server/db/database.js';
import { startEmbeddedNeo4j } from '../server/db/embedded.js';
import { applySchema } from '../server/db/schema.js';
import { sha256, type DocumentPlan, type EntityRow } from '../server/ingest/plan.js';
import { deleteNewsgraphData as deleteEverything, readDocumentHashes, writePlans } from '../server/ingest/write.js';
import { PROJECT_ROOT } from '../server/paths.js';
import { rng } from '../scripts/corpus.js';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '10000' },
    entities: { type: 'string', default: '50000' },
    batch: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '2' },
  },
});
const DOCS = Number(values.documents);
const ENTITIES = Number(values.entities);
const BATCH = Number(values.batch);
const ROUNDS = Number(values.rounds);
const VERBS = ['MET', 'ASKED', 'WARNED', 'ACCUSED', 'SANCTIONED', 'CHARGED', 'DENIED', 'PRAISED', 'SUED', 'URGED'];
const LABELS = ['Person', 'Person', 'Person', 'Person', 'Person', 'Institution', 'Institution', 'Institution', 'Place', 'Place'];

function syntheticPlans(): DocumentPlan[] {
  const random = rng(2026);
  const entity = (i: number): EntityRow => ({
    id: `e:${i}`,
    label: LABELS[i % LABELS.length]!,
    name: `Entity ${i} ${String.fromCharCode(65 + (i % 26))}`,
    aliases: [`E${i}`],
    kind: null,
    ambiguous: false,
  });
  // Zipf-like reuse: a few entities appear in many articles, most in few.
  const pick = () => Math.min(ENTITIES - 1, Math.floor(ENTITIES * random() ** 2.2));
  const filler = 'Officials said the talks covered trade, security and the conduct of elections. '.repeat(12);
  const plans: DocumentPlan[] = [];
  for (let d = 0; d < DOCS; d++) {
    const id = `doc:${d}`;
    const members = [...new Set(Array.from({ length: 12 }, pick))];
    // Every entity appears at least once across the corpus, so the entity count is the one asked for.
    for (let k = d; k < ENTITIES; k += DOCS) members.push(k);
    const text = `Article ${d}. ${filler}`;
    const interactions = Array.from({ length: 8 }, () => {
      const a = members[Math.floor(random() * members.length)]!;
      let b = members[Math.floor(random() * members.length)]!;
      if (a === b) b = members[(members.indexOf(a) + 1) % members.length]!;
      return {
        source: `e:${a}`,
        target: `e:${b}`,
        type: VERBS[Math.floor(random() * VERBS.length)]!,
        hedged: [false],
        evDocs: [id],
        evSentences: [`Article ${d}.`],
        evStarts: [0],
        evEnds: [10],
      };
    });
    plans.push({
      document: {
        id,
        file: `synthetic/${d}.txt`,
        title: `Article ${d}`,
        url: null,
        outlet: null,
        publishedAt: null,
        byline: null,
        format: 'text',
        sha256: sha256(text),
        text,
      },
      entities: [...new Set(members)].map(entity),
      mentions: [...new Set(members)].map((m) => ({ entity: `e:${m}`, count: 1, starts: [0], ends: [5] })),
      interactions,
      roles: [],
      allegations: [],
      titles: [],
      newEntities: 0,
    });
  }
  return plans;
}

async function ours(db: Database, plans: DocumentPlan[]) {
  const start = performance.now();
  let nodes = 0;
  let rels = 0;
  for (let i = 0; i < plans.length; i += BATCH) {
    const counts = await db.write((tx) => writePlans(tx, plans.slice(i, i + BATCH), []));
    nodes += counts.nodesCreated;
    rels += counts.relationshipsCreated;
  }
  return { seconds: (performance.now() - start) / 1000, nodes, rels };
}

/** The skip path of a reload: every document's hash checked, nothing written. */
async function reload(db: Database, plans: DocumentPlan[]) {
  const start = performance.now();
  let unchanged = 0;
  for (let i = 0; i < plans.length; i += BATCH) {
    const batch = plans.slice(i, i + BATCH);
    const stored = await db.read((tx) =>
      readDocumentHashes(
        tx,
        batch.map((p) => p.document.id),
      ),
    );
    unchanged += batch.filter((p) => stored.get(p.document.id) === p.document.sha256).length;
  }
  return { seconds: (performance.now() - start) / 1000, unchanged };
}

async function csv(file: string, header: string[], rows: Iterable<unknown[]>): Promise<void> {
  const out = createWriteStream(file);
  const cell = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;
  out.write(`${header.join(',')}\n`);
  for (const r of rows) if (!out.write(`${r.map(cell).join(',')}\n`)) await new Promise<void>((res) => out.once('drain', () => res()));
  await new Promise<void>((res) => out.end(() => res()));
}

async function loadCsvBaseline(
  session: (q: string) => Promise<{ nodes: number; rels: number }>,
  importDir: string,
  plans: DocumentPlan[],
): Promise<{ seconds: number; nodes: number; rels: number }> {
  mkdirSync(importDir, { recursive: true });
  await csv(
    path.join(importDir, 'documents.csv'),
    ['id', 'file', 'title', 'format', 'sha256', 'text'],
    plans.map((p) => [p.document.id, p.document.file, p.document.title, p.document.format, p.document.sha256, p.document.text]),
  );
  await csv(
    path.join(importDir, 'entities.csv'),
    ['id', 'label', 'name', 'aliases'],
    plans.flatMap((p) => p.entities.map((e) => [e.id, e.label, e.name, e.aliases.join('|')])),
  );
  await csv(
    path.join(importDir, 'mentions.csv'),
    ['entity', 'doc'],
    plans.flatMap((p) => p.mentions.map((m) => [m.entity, p.document.id])),
  );
  // The strongest LOAD CSV a Neo4j user would write: one file per relationship type, so MERGE has a static type.
  const types = [...new Set(plans.flatMap((p) => p.interactions.map((i) => i.type)))];
  for (const type of types) {
    await csv(
      path.join(importDir, `interactions-${type}.csv`),
      ['source', 'target', 'doc', 'sentence'],
      plans.flatMap((p) => p.interactions.filter((i) => i.type === type).map((i) => [i.source, i.target, p.document.id, i.evSentences[0]])),
    );
  }
  const start = performance.now();
  const statements = [
    `LOAD CSV WITH HEADERS FROM 'file://${importDir}/documents.csv' AS row CALL (row) { MERGE (d:Newsgraph:Document {id: row.id}) SET d.file = row.file, d.title = row.title, d.format = row.format, d.sha256 = row.sha256, d.text = row.text } IN TRANSACTIONS OF 2000 ROWS`,
    `LOAD CSV WITH HEADERS FROM 'file://${importDir}/entities.csv' AS row CALL (row) { MERGE (e:Newsgraph:Entity {id: row.id}) SET e:$(row.label), e.name = row.name, e.aliases = split(row.aliases, '|'), e.ambiguous = false } IN TRANSACTIONS OF 5000 ROWS`,
    `LOAD CSV WITH HEADERS FROM 'file://${importDir}/mentions.csv' AS row CALL (row) { MATCH (e:Newsgraph:Entity {id: row.entity}), (d:Newsgraph:Document {id: row.doc}) CREATE (e)-[r:MENTIONED_IN]->(d) SET r.count = 1, r.starts = [0], r.ends = [5] } IN TRANSACTIONS OF 5000 ROWS`,
    ...types.map(
      (
        type,
      ) => `LOAD CSV WITH HEADERS FROM 'file://${importDir}/interactions-${type}.csv' AS row CALL (row) { MATCH (a:Newsgraph:Entity {id: row.source}), (b:Newsgraph:Entity {id: row.target}) MERGE (a)-[r:${type}]->(b)
       ON CREATE SET r.documents = 0, r.evDocs = [], r.evSentences = [], r.evStarts = [], r.evEnds = [], r.evHedged = []
       SET r.documents = r.documents + CASE WHEN row.doc IN r.evDocs THEN 0 ELSE 1 END
       SET r.evHedged = r.evHedged + false, r.hedged = false, r.evDocs = r.evDocs + row.doc, r.evSentences = r.evSentences + row.sentence,
           r.evStarts = r.evStarts + 0, r.evEnds = r.evEnds + 10 } IN TRANSACTIONS OF 5000 ROWS`,
    ),
  ];
  let nodes = 0;
  let rels = 0;
  for (const s of statements) {
    const c = await session(s);
    nodes += c.nodes;
    rels += c.rels;
  }
  return { seconds: (performance.now() - start) / 1000, nodes, rels };
}

async function main(): Promise<void> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-load-'));
  process.stderr.write(`Starting a fresh embedded Neo4j in ${home}…\n`);
  const neo4j = await startEmbeddedNeo4j({ home, boltPort: 0, heap: '1g', pageCache: '512m', onProgress: (m) => process.stderr.write(`${m}\n`) });
  const db = new Database({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, embedded: true });
  // LOAD CSV … IN TRANSACTIONS only runs in an implicit transaction: the baseline uses the driver directly.
  const { default: driverLib } = await import('neo4j-driver');
  const raw = driverLib.driver(neo4j.uri, driverLib.auth.basic(neo4j.user, neo4j.password));
  const session = async (q: string) => {
    const s = raw.session();
    try {
      const u = (await s.run(q)).summary.counters.updates();
      return { nodes: u.nodesCreated ?? 0, rels: u.relationshipsCreated ?? 0 };
    } finally {
      await s.close();
    }
  };
  try {
    await applySchema(db);
    const plans = syntheticPlans();
    const importDir = path.join(home, 'import');
    // Warm the JVM and the page cache for both ways first, then alternate them: whichever ran first
    // on a cold JVM would otherwise look slower.
    process.stderr.write(`warming up on ${Math.min(500, plans.length)} documents…\n`);
    await ours(db, plans.slice(0, 500));
    await deleteEverything(db);
    await loadCsvBaseline(session, importDir, plans.slice(0, 500));
    await deleteEverything(db);
    const oursRuns: Awaited<ReturnType<typeof ours>>[] = [];
    const csvRuns: Awaited<ReturnType<typeof ours>>[] = [];
    let again: Awaited<ReturnType<typeof reload>> = { seconds: 0, unchanged: 0 };
    let counts = { nodes: 0, rels: 0 };
    for (let round = 1; round <= ROUNDS; round++) {
      process.stderr.write(`round ${round}/${ROUNDS}: ${plans.length} documents, ${ENTITIES} entities with newsgraph's writer…\n`);
      oursRuns.push(await ours(db, plans));
      again = await reload(db, plans);
      counts = await db.read(async (tx) => {
        const r = await tx.run('MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels');
        return { nodes: r.records[0]!.get('nodes') as number, rels: r.records[0]!.get('rels') as number };
      });
      await deleteEverything(db);
      process.stderr.write(`round ${round}/${ROUNDS}: the same rows with LOAD CSV … CALL { … } IN TRANSACTIONS…\n`);
      csvRuns.push(await loadCsvBaseline(session, importDir, plans));
      await deleteEverything(db);
      process.stderr.write(`  ours ${oursRuns.at(-1)!.seconds.toFixed(1)} s, LOAD CSV ${csvRuns.at(-1)!.seconds.toFixed(1)} s\n`);
    }
    const best = <T extends { seconds: number }>(runs: T[]) => runs.reduce((x, y) => (y.seconds < x.seconds ? y : x));
    const a = best(oursRuns);
    const b = best(csvRuns);
    const result = {
      bench: 'load',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, neo4j: neo4j.version },
      corpus: { documents: DOCS, entities: ENTITIES, nodes: counts.nodes, relationships: counts.rels, batchDocuments: BATCH },
      ours: { ...a, nodesPerSecond: a.nodes / a.seconds, relationshipsPerSecond: a.rels / a.seconds },
      loadCsv: { ...b, nodesPerSecond: b.nodes / b.seconds, relationshipsPerSecond: b.rels / b.seconds },
      ratio: b.seconds / a.seconds,
      rounds: { ours: oursRuns.map((r) => r.seconds), loadCsv: csvRuns.map((r) => r.seconds), quoted: 'best of each' },
      reloadUnchanged: again,
      targets: { nodesPerSecond: 20000, relationshipsPerSecond: 10000, ratio: 0.8 },
    };
    mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', 'load.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(
      `load: ${counts.nodes} nodes, ${counts.rels} relationships in ${a.seconds.toFixed(1)} s = ${(a.nodes / a.seconds).toFixed(0)} nodes/s, ${(a.rels / a.seconds).toFixed(0)} relationships/s\n` +
        `LOAD CSV baseline: ${b.seconds.toFixed(1)} s; ours/baseline throughput ${result.ratio.toFixed(2)}× (target ≥ 0.8)\n` +
        `reload of ${again.unchanged} unchanged documents: ${again.seconds.toFixed(2)} s\n`,
    );
  } finally {
    await raw.close();
    await db.close();
    await neo4j.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

await main();
