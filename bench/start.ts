/**
 * `npm run bench:start`: wall time from `npm start` to a ready explorer (HTTP up, Neo4j connected),
 * and the embedded JVM's resident memory once idle. Warm Maven cache assumed (the launcher is built
 * first, outside the timing). Writes bench/results/start.json.
 *
 * Options: --runs N (default 3), --idle SECONDS before reading memory (default 10).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureLauncherBuilt } from '../server/db/embedded.js';
import { PROJECT_ROOT } from '../server/paths.js';
import { freePort } from '../test/helpers/process.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, idle: { type: 'string', default: '10' } } });
const runs = Number(values.runs);
const idleSeconds = Number(values.idle);

function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const out: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

function rssMiB(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return Math.round((kb / 1024) * 10) / 10;
}

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
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status === 200, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const readySeconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, idleSeconds * 1000));
    const procs = descendants(child.pid!);
    const comm = (p: number) => readFileSync(`/proc/${p}/comm`, 'utf8').trim();
    const jvm = procs.find((p) => comm(p) === 'java');
    const node = procs.find((p) => comm(p) === 'node' && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('serve'));
    if (!jvm || !node) throw new Error('could not find the JVM and server processes');
    return { kind, readySeconds: Math.round(readySeconds * 100) / 100, jvmRssMiB: rssMiB(jvm), nodeRssMiB: rssMiB(node) };
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
      process.stderr.write(`run ${i + 1}/${runs} (${run.kind}): ready in ${run.readySeconds} s, JVM RSS ${run.jvmRssMiB} MiB, server RSS ${run.nodeRssMiB} MiB\n`);
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
