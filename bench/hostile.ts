/**
 * `npm run bench:hostile`: does a client firing hostile Cypher slow the explorer for everyone else?
 *
 * 1. An embedded Neo4j of its own (heap 512 MB, as `npm start` has it) with the seed articles loaded.
 * 2. The API in its own process (this file with --serve), the Cypher rate limit lifted, as if the
 *    attacker had many addresses.
 * 3. One client searching (GET /api/search) back to back: its latency idle, then while a second client
 *    fires the hostile queries below over and over (POST /api/cypher and POST /api/export).
 *
 * Reports each hostile query's status and time, the p95 ratio (target <= 2x idle), and whether Neo4j
 * is up and the graph unchanged afterwards. A third phase, a second client firing a small legitimate
 * query instead, is the floor: what any second client costs on this machine. Options: --seconds N (20 per
 * phase). Writes bench/results/hostile.json.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Database } from '../server/db/database.js';
import { startEmbeddedNeo4j } from '../server/db/embedded.js';
import { applySchema } from '../server/db/schema.js';
import { createApp } from '../server/http/app.js';
import { loadPaths } from '../server/ingest/load.js';
import { createLogger } from '../server/logger.js';
import { PROJECT_ROOT, SEEDS_DIR } from '../server/paths.js';
import { fingerprint } from '../test/helpers/fingerprint.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '20' }, serve: { type: 'boolean', default: false } } });
const log = (m: string) => process.stderr.write(`${m}\n`);
const nest = (open: string, inner: string, close: string, n: number) => open.repeat(n) + inner + close.repeat(n);

interface Hostile {
  name: string;
  query: string;
  params?: Record<string, unknown>;
  /** Through POST /api/export instead of /api/cypher. */
  export?: boolean;
}

/** The red team's reproducers (issue 15), then variants of each kind, then forms the text checks let through. */
const HOSTILE: Hostile[] = [
  { name: 'reduce doubling a string', query: "RETURN reduce(s = 'x', i IN range(1, 30) | s + s)" },
  { name: 'comprehension over 50M', query: 'RETURN size([x IN range(1, 50000000) WHERE x % 2 = 0])' },
  { name: 'nested replace x10', query: `RETURN size(${nest('replace(', "'x'", ", 'x', 'xxxxxxxxxx')", 10)})` },
  { name: '300 nested brackets', query: `RETURN ${nest('(', '1', ')', 300)}` },
  { name: '5M strings in one row', query: 'RETURN [x IN range(1, 5000000) | toString(x)]' },
  { name: 'reduce over 2e9', query: 'RETURN reduce(s = 0, i IN range(1, 2000000000) | s + i)' },
  { name: 'catastrophic regex', query: `RETURN '${'a'.repeat(40)}!' =~ '(a|aa)+b'` },
  { name: 'doubling via export', query: "RETURN reduce(s = 'x', i IN range(1, 30) | s + s)", export: true },
  { name: 'reduce doubling a list', query: "RETURN reduce(a = ['x'], i IN range(1, 40) | [a, a])" },
  { name: 'WITH a + a AS a, 30 times', query: `WITH ['x'] AS a ${'WITH a + a AS a '.repeat(30)}RETURN size(a)` },
  { name: 'range bound from a parameter', query: 'RETURN size(range(1, $n))', params: { n: 2_000_000_000 } },
  { name: 'range bound from a string', query: "RETURN size(range(1, toInteger('2000000000')))" },
  { name: 'nested comprehensions 5k x 5k', query: 'RETURN size([a IN range(1, 5000) | [b IN range(1, 5000) | a * b]])' },
  { name: '300 nested CASE', query: `RETURN ${nest('CASE WHEN true THEN ', '1', ' END', 300)}` },
  { name: '300 NOT', query: `RETURN ${'NOT '.repeat(300)}true` },
  { name: '300 property hops', query: `WITH {a: 1} AS m RETURN m${'.a'.repeat(300)}` },
  { name: '300 label negations', query: `MATCH (n:${'!'.repeat(300)}Person) RETURN n` },
  { name: 'regex from a parameter', query: `RETURN '${'a'.repeat(40)}!' =~ $p`, params: { p: '(a+)+b' } },
  {
    name: 'collect over the memory limit',
    query: 'UNWIND range(1, 10000) AS a UNWIND range(1, 40) AS b RETURN size(collect(toString(a * b) + $pad))',
    params: { pad: 'x'.repeat(400) },
  },
  { name: '1,000 rows of 100 kB', query: 'UNWIND range(1, 1000) AS x RETURN x, $big AS text', params: { big: 'y'.repeat(100_000) } },
  { name: 'one row of 10 MB', query: 'RETURN [x IN range(1, 10000) | $big] AS huge', params: { big: 'z'.repeat(1_000) } },
  { name: 'cartesian product', query: 'UNWIND range(1, 10000) AS a MATCH (n), (m) WHERE size(keys(n)) + size(keys(m)) + a < 0 RETURN count(*)' },
  {
    name: 'string appends Neo4j cannot stop',
    query: "WITH [x IN range(1, 10000) | 'xxxxxxxxxx'] AS l RETURN size(reduce(s = '', y IN l + l + l + l + l + l + l + l | s + y))",
  },
  { name: 'write', query: 'MATCH (n) DETACH DELETE n' },
  { name: 'division by zero', query: 'RETURN 1/0' },
];

const SEARCH_TERMS = ['Blinken', 'Wang', 'Biden', 'Xi', 'State', 'China', 'Antony', 'Yi', 'Beijing', 'minister'];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Searches back to back until `until`; latencies in ms. */
async function searchClient(base: string, until: number): Promise<{ p50: number; p95: number; max: number; requests: number; errors: number }> {
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; Date.now() < until; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/api/search?q=${encodeURIComponent(SEARCH_TERMS[i % SEARCH_TERMS.length]!)}`);
    await res.arrayBuffer();
    times.push(performance.now() - started);
    if (res.status !== 200) errors++;
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(times.at(-1) ?? NaN), requests: times.length, errors };
}

async function fire(base: string, h: Hostile): Promise<{ status: number; code: string | null; ms: number; bytes: number }> {
  const started = performance.now();
  const res = h.export
    ? await fetch(`${base}/api/export`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ format: 'json', scope: { kind: 'cypher', query: h.query, params: h.params ?? {} } }),
      })
    : await fetch(`${base}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: h.query, params: h.params ?? {} }),
      });
  const text = await res.text();
  let code: string | null = null;
  try {
    code = (JSON.parse(text) as { error?: { code: string } }).error?.code ?? null;
  } catch {
    // A file or a cut reply.
  }
  return { status: res.status, code, ms: Math.round(performance.now() - started), bytes: text.length };
}

/** The API alone in this process, so that the clients' work is not on its event loop. */
async function serve(): Promise<void> {
  const db = new Database({ uri: process.env.NEO4J_URI!, user: process.env.NEO4J_USER!, password: process.env.NEO4J_PASSWORD! });
  const server = createApp({ db, logger: createLogger('silent'), cypherPerMinute: 1_000_000 }).listen(0, '127.0.0.1');
  server.once('listening', () => {
    const address = server.address() as { port: number };
    process.stdout.write(`ready at http://127.0.0.1:${address.port}\n`);
  });
  process.on('SIGTERM', () => {
    server.close();
    void db.close().then(() => process.exit(0));
  });
}

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const home = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-hostile-'));
  const neo4j = await startEmbeddedNeo4j({ home, boltPort: 0, heap: '512m', pageCache: '128m', onProgress: log });
  const db = new Database({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, embedded: true });
  let child: ReturnType<typeof spawn> | undefined;
  try {
    await applySchema(db);
    await loadPaths(db, [SEEDS_DIR]);
    await db.read((tx) => tx.run('CALL db.awaitIndexes(120)'));
    const before = await fingerprint(db);

    child = spawn(process.execPath, ['--import', 'tsx', 'bench/hostile.ts', '--serve'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const base = await new Promise<string>((resolve, reject) => {
      child!.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        const m = /ready at (\S+)/.exec(chunk);
        if (m) resolve(m[1]!);
      });
      child!.on('exit', () => reject(new Error('the API process stopped before it was ready')));
    });
    log(`API at ${base}; warming up.`);
    await searchClient(base, Date.now() + 3_000);

    log(`Idle: searching for ${seconds} s.`);
    const idle = await searchClient(base, Date.now() + seconds * 1000);

    /** Searches while a second client fires `list` back to back; what each query got, by name. */
    const beside = async (list: Hostile[]) => {
      const until = Date.now() + seconds * 1000;
      const outcomes = new Map<string, { status: number; code: string | null; ms: number; bytes: number }[]>();
      const attacker = (async () => {
        while (Date.now() < until) {
          for (const h of list) {
            if (Date.now() >= until) break;
            const outcome = await fire(base, h);
            outcomes.set(h.name, [...(outcomes.get(h.name) ?? []), outcome]);
          }
        }
      })();
      const search = await searchClient(base, until);
      await attacker;
      return { search, outcomes };
    };
    // The floor: what any second client costs on this machine, firing a small legitimate query back to back.
    log(`Beside a benign client: searching for ${seconds} s.`);
    const benign = (await beside([{ name: 'benign', query: 'MATCH (p:Person) RETURN p.name ORDER BY p.name LIMIT 5' }])).search;
    log(`Under attack: searching for ${seconds} s while ${HOSTILE.length} hostile queries are fired over and over.`);
    const { search: attacked, outcomes } = await beside(HOSTILE);

    // Whatever Neo4j could not interrupt has finished before the graph is compared.
    let up = await fire(base, { name: 'up', query: 'RETURN 1 AS up' });
    for (let i = 0; up.status === 503 && i < 120; i++) {
      await new Promise((r) => setTimeout(r, 500));
      up = await fire(base, { name: 'up', query: 'RETURN 1 AS up' });
    }
    const unchanged = JSON.stringify(await fingerprint(db)) === JSON.stringify(before);

    const hostile = HOSTILE.map((h) => {
      const runs = outcomes.get(h.name) ?? [];
      const statuses = [...new Set(runs.map((r) => `${r.status}${r.code ? ` ${r.code}` : ''}`))];
      return {
        name: h.name,
        via: h.export ? 'POST /api/export' : 'POST /api/cypher',
        runs: runs.length,
        statuses,
        maxMs: Math.max(...runs.map((r) => r.ms)),
        maxBytes: Math.max(...runs.map((r) => r.bytes)),
      };
    });
    const ratio = Math.round((attacked.p95 / idle.p95) * 100) / 100;
    const floor = Math.round((benign.p95 / idle.p95) * 100) / 100;
    const result = {
      bench: 'hostile',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, neo4j: neo4j.version },
      settings: { heap: '512m', secondsPerPhase: seconds, graph: 'the seed articles', searchClients: 1, attackClients: 1, cypherRateLimit: 'lifted' },
      machine_load: { loadAverage1m: os.loadavg()[0] },
      search: { idle, benign, attacked, p95Ratio: ratio, floorP95Ratio: floor },
      hostile,
      after: { neo4jUp: up.status === 200, graphUnchanged: unchanged },
      targets: { p95Ratio: 2, everyHostileMs: 10_000, allAnswered4xxOrCut: true },
      met: {
        p95Ratio: ratio <= 2,
        everyHostileWithin10s: hostile.every((h) => h.maxMs <= 10_000),
        noServerError: hostile.every((h) => h.statuses.every((s) => Number(s.slice(0, 3)) < 500 || s.includes('BUSY'))),
      },
    };
    writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', 'hostile.json'), `${JSON.stringify(result, null, 2)}\n`);
    for (const h of hostile) log(`${h.name.padEnd(36)} ${h.statuses.join(', ').padEnd(32)} max ${h.maxMs} ms (${h.runs} runs)`);
    log(
      `search p95: idle ${idle.p95} ms, beside a benign client ${benign.p95} ms (${floor}x), attacked ${attacked.p95} ms (${ratio}x); Neo4j up: ${up.status === 200}; graph unchanged: ${unchanged}`,
    );
  } finally {
    child?.kill('SIGTERM');
    await db.close();
    await neo4j.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

if (values.serve) await serve();
else await main();
