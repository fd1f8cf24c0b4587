/**
 * `npm run bench:extract`: extraction speed as a user meets it, and memory over a large corpus.
 *
 * Speed, whole process: a folder of generated news articles (2–5 KB each, `scripts/corpus.ts`, the same
 * on every run) goes through the real CLI, `node bin/newsgraph.js extract --json DIR`, its JSON written to
 * a file; the time is the process's wall time, start-up included. In the same run, a baseline process
 * (`bench/extract-baseline.mjs`, plain `node`) reads the same files and runs compromise's tagger on each.
 * The two alternate round by round (A B, B A, A B, …) so that the machine's noise hits both; medians are
 * quoted, and the ratio is newsgraph's MB/s over the baseline's. Each output is checked: every file in it.
 * Each process also reports its own CPU time and peak RSS as it exits (`bench/process-usage.mjs`,
 * preloaded into both): on a shared machine CPU time is the steadier figure, wall time the target's.
 * Start-up alone is timed too: each process on one short article.
 *
 * In process (a separate figure): the extractor alone on the first articles' text, in this process,
 * warm (timed on a second pass): no start-up and no file reading.
 *
 * Memory: a large generated corpus through the same CLI, its RSS sampled every 250 ms and reported by
 * tenths of the run; flat memory means the last tenths look like the first. The extractor's word caches
 * (50,000 entries each, emptied when full) fill over the first ~10,000 varied articles, so RSS climbs
 * that long before it levels off: the default 100 MB (about 29,000 articles) runs well past that.
 *
 * With the defaults this takes about 6 minutes on 2 quiet cores, most of it compromise's runs.
 *
 * Options (after `npm run bench:extract --`):
 *   --files N        articles in the speed folder (default 2000, about 7 MB)
 *   --rounds N       rounds of the two processes (default 3)
 *   --baseline KIND  entities (default): compromise tags each text, then lists its people, organizations
 *                    and places; tag: tagging alone, nlp(text); none: no baseline run
 *   --speed-mb N     MB of text for the in-process figure, extracted twice (default 2; 0 skips it)
 *   --corpus-mb N    MB of articles for the memory run (default 100; 0 skips it)
 *   --out FILE       where the results go (default bench/results/extract.json)
 *   --keep           keep the generated folders and outputs, and say where they are
 * A quick check of a change: `npm run bench:extract -- --files 300 --rounds 1 --corpus-mb 0 --out /tmp/x.json`.
 * MB here is 2^20 bytes of article files as stored.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultExtractor } from '../server/extract/index.js';
import { PROJECT_ROOT } from '../server/paths.js';
import { articleMaker, writeCorpus } from '../scripts/corpus.js';
import { rssMiB } from '../test/helpers/process.js';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    baseline: { type: 'string', default: 'entities' },
    'speed-mb': { type: 'string', default: '2' },
    'corpus-mb': { type: 'string', default: '100' },
    out: { type: 'string', default: path.join(PROJECT_ROOT, 'bench', 'results', 'extract.json') },
    keep: { type: 'boolean', default: false },
  },
});
const MB = 1024 * 1024;
const FILES = Number(values.files);
const ROUNDS = Number(values.rounds);
const BASELINE = values.baseline;
if (!['entities', 'tag', 'none'].includes(BASELINE)) throw new Error(`--baseline is entities, tag or none, not ${BASELINE}`);
const CLI = path.join(PROJECT_ROOT, 'bin', 'newsgraph.js');
const BASELINE_SCRIPT = path.join(PROJECT_ROOT, 'bench', 'extract-baseline.mjs');
const BASELINE_WHAT = {
  entities: "compromise's tagger on each text, then its people(), organizations() and places() as arrays",
  tag: "compromise's tagger on each text only: nlp(text), its term count printed",
  none: 'not run',
}[BASELINE as 'entities' | 'tag' | 'none'];

let timedProcesses = 0;
const USAGE_PRELOAD = pathToFileURL(path.join(PROJECT_ROOT, 'bench', 'process-usage.mjs')).href;

interface ProcessRun {
  /** Wall time from spawn to exit. */
  seconds: number;
  /** The process's own user + system CPU time, start-up included (bench/process-usage.mjs). */
  cpuSeconds: number;
  peakRssMiB: number;
  /** RSS sampled every `sampleMs` while it ran. */
  rssMiB: number[];
}

/** Runs `node ARGS` with standard output into `outFile`: wall time, CPU time, peak and sampled RSS. */
async function timeProcess(args: string[], outFile: string, sampleMs = 250): Promise<ProcessRun> {
  const out = openSync(outFile, 'w');
  const usageFile = path.join(os.tmpdir(), `newsgraph-bench-usage-${process.pid}-${++timedProcesses}.json`);
  const env = { ...process.env, NEWSGRAPH_BENCH_USAGE: usageFile };
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', USAGE_PRELOAD, ...args], { stdio: ['ignore', out, 'inherit'], env });
  const samples: number[] = [];
  const timer = setInterval(() => {
    const rss = rssMiB(child.pid!);
    if (rss) samples.push(Math.round(rss));
  }, sampleMs);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  const seconds = (performance.now() - start) / 1000;
  clearInterval(timer);
  closeSync(out);
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited ${code}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuSeconds: number; maxRssMiB: number };
  rmSync(usageFile);
  return { seconds, cpuSeconds: usage.cpuSeconds, peakRssMiB: Math.round(usage.maxRssMiB), rssMiB: samples };
}

const newsgraph = (dir: string, outFile: string) => timeProcess([CLI, 'extract', '--json', dir], outFile);
const baseline = (dir: string, outFile: string) => timeProcess([BASELINE_SCRIPT, BASELINE, dir], outFile);

/** Both outputs must hold every file, or the run measured less work than it claims. */
function checkNewsgraphOutput(outFile: string, files: number): void {
  const json = JSON.parse(readFileSync(outFile, 'utf8')) as { documents: unknown[]; errors: unknown[] };
  if (json.documents.length !== files || json.errors.length) {
    throw new Error(`newsgraph extracted ${json.documents.length} of ${files} files, ${json.errors.length} errors`);
  }
}
function checkBaselineOutput(outFile: string, files: number): void {
  const lines = readFileSync(outFile, 'utf8').split('\n').filter(Boolean).length;
  if (lines !== files) throw new Error(`the baseline printed ${lines} results for ${files} files`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function wholeProcessRuns(dir: string, work: string, bytes: number) {
  const mb = bytes / MB;
  // Unmeasured warm-up of each on one file: module files into the page cache, as on any second run.
  const one = path.join(dir, '000', '000000.txt');
  await newsgraph(one, path.join(work, 'warm.json'));
  if (BASELINE !== 'none') await baseline(one, path.join(work, 'warm.jsonl'));
  const ours: ProcessRun[] = [];
  const theirs: ProcessRun[] = [];
  const order: string[][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const sides = {
      newsgraph: async () => {
        ours.push(await newsgraph(dir, path.join(work, 'newsgraph.json')));
        checkNewsgraphOutput(path.join(work, 'newsgraph.json'), FILES);
        process.stderr.write(`  round ${round + 1}: newsgraph ${ours.at(-1)!.seconds.toFixed(1)} s\n`);
      },
      baseline: async () => {
        theirs.push(await baseline(dir, path.join(work, 'baseline.jsonl')));
        checkBaselineOutput(path.join(work, 'baseline.jsonl'), FILES);
        process.stderr.write(`  round ${round + 1}: baseline ${theirs.at(-1)!.seconds.toFixed(1)} s\n`);
      },
    };
    const names: (keyof typeof sides)[] = BASELINE === 'none' ? ['newsgraph'] : round % 2 ? ['baseline', 'newsgraph'] : ['newsgraph', 'baseline'];
    order.push(names);
    for (const name of names) await sides[name]();
  }
  // Start-up alone: each on one short article, as many times as there were rounds.
  const startup = { newsgraph: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    startup.newsgraph.push((await newsgraph(one, path.join(work, 'warm.json'))).seconds);
    if (BASELINE !== 'none') startup.baseline.push((await baseline(one, path.join(work, 'warm.jsonl'))).seconds);
  }

  const summary = (runs: ProcessRun[]) => {
    const wall = median(runs.map((r) => r.seconds));
    const cpu = median(runs.map((r) => r.cpuSeconds));
    return {
      seconds: runs.map((r) => r.seconds),
      cpuSeconds: runs.map((r) => r.cpuSeconds),
      medianSeconds: wall,
      medianMbPerSecond: mb / wall,
      medianCpuSeconds: cpu,
      cpuMbPerSecond: mb / cpu,
      peakRssMiB: runs.map((r) => r.peakRssMiB),
    };
  };
  const both = theirs.length > 0;
  return {
    newsgraph: { command: 'node bin/newsgraph.js extract --json DIR > FILE', ...summary(ours), startupSeconds: median(startup.newsgraph) },
    baseline: both
      ? { command: `node bench/extract-baseline.mjs ${BASELINE} DIR > FILE`, what: BASELINE_WHAT, ...summary(theirs), startupSeconds: median(startup.baseline) }
      : null,
    order,
    /** Baseline's median wall time over newsgraph's: how many times faster newsgraph is. */
    ratio: both ? median(theirs.map((r) => r.seconds)) / median(ours.map((r) => r.seconds)) : null,
    ratioByRound: both ? ours.map((r, i) => theirs[i]!.seconds / r.seconds) : [],
    /** The same by CPU time, which other work on the machine does not inflate. */
    cpuRatio: both ? median(theirs.map((r) => r.cpuSeconds)) / median(ours.map((r) => r.cpuSeconds)) : null,
  };
}

/** The extractor alone on the first articles' text (up to `megabytes`), in this process, after a first pass. */
function inProcessRun(megabytes: number) {
  const make = articleMaker();
  const docs: string[] = [];
  let bytes = 0;
  while (bytes < megabytes * MB) {
    docs.push(make());
    bytes += Buffer.byteLength(docs.at(-1)!);
  }
  // Warm: the first pass loads the models and lets the JIT settle (speed still rises over the first ~1,000 articles).
  for (const d of docs) defaultExtractor.extract(d);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (const d of docs) defaultExtractor.extract(d);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return {
    what: 'defaultExtractor.extract in the bench process, second pass over the same articles: warm, no start-up or file reading',
    articles: docs.length,
    megabytes: bytes / MB,
    seconds,
    mbPerSecond: bytes / MB / seconds,
    cpuMbPerSecond: bytes / MB / ((cpu.user + cpu.system) / 1e6),
  };
}

async function memoryRun(corpusMb: number, work: string) {
  const dir = path.join(work, 'memory-corpus');
  // Articles average about 3.6 KB: enough files to reach the size asked for.
  const files = Math.ceil((corpusMb * MB) / 3600);
  const bytes = writeCorpus(dir, files);
  process.stderr.write(`memory: ${files} files, ${(bytes / MB).toFixed(0)} MB, through \`newsgraph extract --json\`…\n`);
  const run = await newsgraph(dir, os.devNull);
  // RSS at each tenth of the run.
  const s = run.rssMiB;
  const tenths = Array.from({ length: 10 }, (_, i) => s[Math.min(s.length - 1, Math.floor(((i + 1) * s.length) / 10) - 1)] ?? 0);
  return { files, mb: bytes / MB, seconds: run.seconds, rssMiB: tenths, peakMiB: run.peakRssMiB };
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-extract-'));
  const loadBefore = os.loadavg()[0]!;
  try {
    const dir = path.join(work, 'articles');
    const bytes = writeCorpus(dir, FILES);
    process.stderr.write(`speed: ${FILES} files, ${(bytes / MB).toFixed(1)} MB, ${ROUNDS} round(s); baseline: ${BASELINE_WHAT}…\n`);
    const wholeProcess = await wholeProcessRuns(dir, work, bytes);
    const speedMb = Number(values['speed-mb']);
    const inProcess = speedMb > 0 ? inProcessRun(speedMb) : null;
    const corpusMb = Number(values['corpus-mb']);
    const memory = corpusMb > 0 ? await memoryRun(corpusMb, work) : null;

    const result = {
      bench: 'extract',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, loadAverage: [loadBefore, os.loadavg()[0]] },
      extractor: defaultExtractor.name,
      corpus: { generator: 'scripts/corpus.ts writeCorpus(dir, files, 42)', files: FILES, megabytes: bytes / MB, meanBytes: bytes / FILES },
      wholeProcess,
      inProcess,
      memory,
      targets: { mbPerSecond: 1, ratio: 5 },
    };
    mkdirSync(path.dirname(values.out), { recursive: true });
    writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);

    const w = wholeProcess;
    const lines = [
      `newsgraph extract --json, whole process: ${w.newsgraph.medianMbPerSecond.toFixed(2)} MB/s of wall time, median (target ≥ 1); ${w.newsgraph.seconds.map((s) => s.toFixed(1)).join(' / ')} s for ${FILES} files, ${(bytes / MB).toFixed(1)} MB; by CPU time ${w.newsgraph.cpuMbPerSecond.toFixed(2)} MB/s; start-up ${w.newsgraph.startupSeconds.toFixed(2)} s; peak RSS ${Math.max(...w.newsgraph.peakRssMiB)} MiB`,
    ];
    if (w.baseline) {
      lines.push(
        `baseline (${w.baseline.what}): ${w.baseline.medianMbPerSecond.toFixed(3)} MB/s of wall time, median; ${w.baseline.seconds.map((s) => s.toFixed(1)).join(' / ')} s; by CPU time ${w.baseline.cpuMbPerSecond.toFixed(3)} MB/s; start-up ${w.baseline.startupSeconds.toFixed(2)} s; peak RSS ${Math.max(...w.baseline.peakRssMiB)} MiB`,
        `ratio: ${w.ratio!.toFixed(1)}× by wall time (target ≥ 5), by round ${w.ratioByRound.map((r) => r.toFixed(1)).join(', ')}; ${w.cpuRatio!.toFixed(1)}× by CPU time`,
      );
    }
    if (inProcess) {
      lines.push(
        `in process (extractor alone, warm): ${inProcess.mbPerSecond.toFixed(2)} MB/s of wall time, ${inProcess.cpuMbPerSecond.toFixed(2)} MB/s of CPU time, over ${inProcess.megabytes.toFixed(1)} MB`,
      );
    }
    if (memory) {
      lines.push(
        `memory: ${memory.files} files / ${memory.mb.toFixed(0)} MB in ${memory.seconds.toFixed(0)} s; RSS by tenth of the run ${memory.rssMiB.join(', ')} MiB; peak ${memory.peakMiB} MiB`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\nresults in ${path.relative(process.cwd(), values.out) || values.out}\n`);
  } finally {
    if (values.keep) process.stderr.write(`kept: ${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
