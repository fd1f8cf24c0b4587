/**
 * `npm run bench:upload`: articles in through the API against `newsgraph load`, in the same run on the
 * same files (issue 19's target: uploads at ≥ 0.7× the CLI's throughput).
 *
 * Synthetic articles (scripts/corpus.ts, --documents, 1,000) are written to a folder. Each round loads
 * them into an emptied graph twice, in turn: once with `newsgraph load <folder>` (its own process, as a
 * user runs it, start-up included) and once with one multipart POST /api/documents to a server running
 * in this process, timed from the request to the job's end (GET /api/jobs/:id). The order alternates by
 * round; the best of each is quoted, every figure is written.
 *
 * Options: --documents N (1000), --rounds N (2), --first cli|api (which goes first in odd rounds; cli). Writes bench/results/upload.json.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Job } from '../common/ingest.js';
import { Database } from '../server/db/database.js';
import { startEmbeddedNeo4j } from '../server/db/embedded.js';
import { applySchema } from '../server/db/schema.js';
import { createApp } from '../server/http/app.js';
import { deleteNewsgraphData } from '../server/ingest/write.js';
import { createLogger } from '../server/logger.js';
import { PROJECT_ROOT } from '../server/paths.js';
import { writeCorpus } from '../scripts/corpus.js';

const { values } = parseArgs({
  options: { documents: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '2' }, first: { type: 'string', default: 'cli' } },
});
const DOCS = Number(values.documents);
const ROUNDS = Number(values.rounds);
const log = (m: string) => process.stderr.write(`${m}\n`);
const seconds = (start: number) => (performance.now() - start) / 1000;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-upload-'));
  const corpus = path.join(work, 'articles');
  const bytes = writeCorpus(corpus, DOCS);
  log(`${DOCS} articles (${(bytes / 2 ** 20).toFixed(1)} MB) in ${corpus}; starting Neo4j…`);
  const neo4j = await startEmbeddedNeo4j({ home: path.join(work, 'neo4j'), boltPort: 0, heap: '1g', pageCache: '256m', onProgress: log });
  const db = new Database({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password });
  const server = createApp({ db, logger: createLogger(process.env.LOG_LEVEL ?? 'silent', process.stderr) }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const paths = files(corpus).sort();
  const env = { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password };
  const runs: { way: 'cli' | 'api'; round: number; seconds: number; documentsPerSecond: number; loaded: number }[] = [];

  const empty = async () => {
    await deleteNewsgraphData(db);
    await applySchema(db);
  };
  const cli = async (round: number) => {
    await empty();
    const start = performance.now();
    // Not spawnSync: the server under test lives in this process, and its event loop must keep running.
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin/newsgraph.js'), 'load', '--json', corpus], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    const took = seconds(start);
    if (code !== 0) throw new Error(`newsgraph load failed: ${stderr}`);
    const summary = JSON.parse(stdout.trim().split('\n').pop()!) as { documents: { new: number } };
    runs.push({ way: 'cli', round, seconds: took, documentsPerSecond: DOCS / took, loaded: summary.documents.new });
  };
  const api = async (round: number) => {
    await empty();
    const start = performance.now();
    const body = new FormData();
    // Read as a browser reads dropped files: part of the upload's time.
    for (const file of paths) body.append('files', new Blob([readFileSync(file)]), path.relative(corpus, file));
    const reply = await fetch(`${base}/api/documents`, { method: 'POST', body });
    if (reply.status !== 202) throw new Error(`upload answered ${reply.status}: ${await reply.text()}`);
    const { job: queued } = (await reply.json()) as { job: Job };
    // Followed as the explorer follows it: its event stream, to the `end` event.
    const events = await fetch(`${base}/api/jobs/${queued.id}/events`, { headers: { accept: 'text/event-stream' } });
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of events.body as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      if (/^event: end$/m.test(text)) break;
    }
    const took = seconds(start);
    const { job } = (await (await fetch(`${base}/api/jobs/${queued.id}`)).json()) as { job: Job };
    if (job.state !== 'done') throw new Error(`the upload job ended ${job.state}: ${JSON.stringify(job.error)}`);
    runs.push({ way: 'api', round, seconds: took, documentsPerSecond: DOCS / took, loaded: job.summary!.documents.new });
  };

  try {
    for (let round = 1; round <= ROUNDS; round++) {
      const order = (round % 2 === 1) === (values.first !== 'api') ? [cli, api] : [api, cli];
      for (const way of order) {
        await way(round);
        const last = runs.at(-1)!;
        log(`round ${round} ${last.way}: ${last.loaded} documents in ${last.seconds.toFixed(1)} s (${last.documentsPerSecond.toFixed(1)} docs/s)`);
      }
    }
  } finally {
    server.close();
    await db.close();
    await neo4j.stop();
    rmSync(work, { recursive: true, force: true });
  }
  const best = (way: 'cli' | 'api') => Math.max(...runs.filter((r) => r.way === way).map((r) => r.documentsPerSecond));
  const ratio = best('api') / best('cli');
  const result = {
    bench: 'upload',
    at: new Date().toISOString(),
    documents: DOCS,
    megabytes: bytes / 2 ** 20,
    cores: os.cpus().length,
    runs,
    best: { cliDocumentsPerSecond: best('cli'), apiDocumentsPerSecond: best('api'), ratio },
    target: { ratio: 0.7, met: ratio >= 0.7 },
  };
  mkdirSync(path.join(PROJECT_ROOT, 'bench/results'), { recursive: true });
  writeFileSync(path.join(PROJECT_ROOT, 'bench/results/upload.json'), `${JSON.stringify(result, null, 2)}\n`);
  log(
    `best: newsgraph load ${best('cli').toFixed(1)} docs/s, upload ${best('api').toFixed(1)} docs/s: ratio ${ratio.toFixed(2)} (target ≥ 0.7 ${ratio >= 0.7 ? 'met' : 'missed'})`,
  );
}

await main();
