/**
 * `npm run bench:start`: wall time from `npm start` to a ready explorer (HTTP up, Neo4j connected),
 * and the embedded JVM's resident memory once idle. Warm Maven cache assumed (the launcher is built
 * first, outside the timing). Writes bench/results/start.json.
 *
 * Options: --runs N (default 3), --idle SECONDS before reading memory (default 10).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureLauncherBuilt } from '../server/db/embedded.js';
import { PROJECT_ROOT } from '../server/paths.js';
import { commandName, descendants, freePort, rssMiB } from '../test/helpers/process.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, idle: { type: 'string', default: '10' } } });
const runs = Number(values.runs);
const idleSeconds = Number(values.idle);

interface Run {
  kind: 'fresh data dir' | 'restart';
  readySeconds: number;
  jvmRssMiB: number;
  nodeRssMiB: number;
}

async function once(dataDir: string, kind: Run['kind']): Promise<Run> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: String(port), NEO4J_BOLT_PORT: '0', NEWSGRAPH_DATA: dataDir, NEO4J_URI: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${err}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const readySeconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const procs = descendants(child.pid!);
    const jvm = procs.find((p) => commandName(p) === 'java');
    const node = procs.find((p) => commandName(p) === 'node' && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('serve'));
    const [jvmRss, nodeRss] = [jvm && rssMiB(jvm), node && rssMiB(node)];
    if (!jvmRss || !nodeRss) throw new Error('could not find the JVM and server processes');
    return { kind, readySeconds: Math.round(readySeconds * 100) / 100, jvmRssMiB: jvmRss, nodeRssMiB: nodeRss };
  } finally {
    process.kill(-child.pid!, 'SIGINT');
    await new Promise((r) => child.on('exit', r));
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  await ensureLauncherBuilt((m) => process.stderr.write(`${m}\n`));
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-start-'));
  const results: Run[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const run = await once(dataDir, i === 0 ? 'fresh data dir' : 'restart');
      process.stderr.write(
        `run ${i + 1}/${runs} (${run.kind}): ready in ${run.readySeconds} s, JVM RSS ${run.jvmRssMiB} MiB, server RSS ${run.nodeRssMiB} MiB\n`,
      );
      results.push(run);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const summary = {
    bench: 'start',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    settings: { heap: process.env.NEO4J_HEAP ?? '512m', pageCache: process.env.NEO4J_PAGECACHE ?? '128m', idleSeconds },
    runs: results,
    median: {
      readySeconds: median(results.map((r) => r.readySeconds)),
      jvmRssMiB: median(results.map((r) => r.jvmRssMiB)),
    },
    targets: { readySeconds: 20, jvmRssMiB: 1024 },
  };
  mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
  const out = path.join(PROJECT_ROOT, 'bench', 'results', 'start.json');
  writeFileSync(out, `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(
    `start: median ready ${summary.median.readySeconds} s (target ≤ 20), median JVM RSS ${summary.median.jvmRssMiB} MiB (target ≤ 1024); written to ${path.relative(PROJECT_ROOT, out)}\n`,
  );
}

await main();
