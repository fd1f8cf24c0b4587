/**
 * `npm run bench:extract`: extraction speed (MB/s of article text on one core), side by side with a
 * compromise-only baseline on the same text in the same run, and memory over a large generated corpus
 * extracted by the real CLI (files streamed one at a time). Writes bench/results/extract.json.
 *
 * Options: --speed-mb N (text for the speed run, default 4), --corpus-mb N (default 100), --keep.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { defaultExtractor } from '../server/extract/index.js';
import { PROJECT_ROOT } from '../server/paths.js';
import { articleMaker, writeCorpus } from '../scripts/corpus.js';
import { rssMiB } from '../test/helpers/process.js';

const { values } = parseArgs({ options: { 'speed-mb': { type: 'string', default: '4' }, 'corpus-mb': { type: 'string', default: '100' } } });
const MB = 1024 * 1024;

function textOf(mb: number, make: () => string): string[] {
  const docs: string[] = [];
  let bytes = 0;
  while (bytes < mb * MB) {
    const d = make();
    docs.push(d);
    bytes += Buffer.byteLength(d);
  }
  return docs;
}

function timeIt(docs: string[], fn: (d: string) => unknown): { seconds: number; mbPerSecond: number } {
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
  const start = process.hrtime.bigint();
  for (const d of docs) fn(d);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, mbPerSecond: bytes / MB / seconds };
}

async function memoryRun(corpusMb: number): Promise<{ files: number; mb: number; seconds: number; rssMiB: number[]; peakMiB: number }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-extract-'));
  try {
    // Articles average about 3 KB: enough files to reach the size asked for.
    const files = Math.ceil((corpusMb * MB) / 3000);
    const bytes = writeCorpus(dir, files);
    process.stderr.write(`memory run: ${files} files, ${(bytes / MB).toFixed(0)} MB, through \`newsgraph extract --json\`…\n`);
    const start = performance.now();
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'newsgraph.js'), 'extract', '--json', dir], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const samples: number[] = [];
    const timer = setInterval(() => {
      const rss = rssMiB(child.pid!);
      if (rss) samples.push(Math.round(rss));
    }, 250);
    const code = await new Promise<number | null>((r) => child.on('exit', r));
    clearInterval(timer);
    if (code !== 0) throw new Error(`newsgraph extract exited ${code}`);
    // RSS at each tenth of the run: flat memory means the last tenths look like the first.
    const tenths = Array.from({ length: 10 }, (_, i) => samples[Math.min(samples.length - 1, Math.floor(((i + 1) * samples.length) / 10) - 1)] ?? 0);
    return { files, mb: bytes / MB, seconds: (performance.now() - start) / 1000, rssMiB: tenths, peakMiB: Math.max(...samples) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const make = articleMaker();
  const docs = textOf(Number(values['speed-mb']), make);
  defaultExtractor.extract(docs[0]!); // warm-up: model load and JIT
  process.stderr.write(`speed: ${docs.length} articles, ${values['speed-mb']} MB…\n`);
  const ours = timeIt(docs, (d) => defaultExtractor.extract(d));
  // compromise is far slower: a quarter of the text is enough for a stable figure.
  const baselineDocs = docs.slice(0, Math.max(1, Math.floor(docs.length / 4)));
  nlp(baselineDocs[0]!).people();
  const baseline = timeIt(baselineDocs, (d) => {
    const doc = nlp(d);
    doc.people().out('array');
    doc.organizations().out('array');
    doc.places().out('array');
  });
  const memory = await memoryRun(Number(values['corpus-mb']));
  const result = {
    bench: 'extract',
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version },
    speed: { extractor: defaultExtractor.name, mbPerSecond: ours.mbPerSecond, seconds: ours.seconds, megabytes: Number(values['speed-mb']) },
    baseline: { name: 'compromise people/organizations/places', mbPerSecond: baseline.mbPerSecond, seconds: baseline.seconds },
    ratio: ours.mbPerSecond / baseline.mbPerSecond,
    memory,
    targets: { mbPerSecond: 1, ratio: 5 },
  };
  mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', 'extract.json'), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `extract: ${ours.mbPerSecond.toFixed(2)} MB/s on one core (target ≥ 1); compromise baseline ${baseline.mbPerSecond.toFixed(3)} MB/s; ratio ${result.ratio.toFixed(1)}× (target ≥ 5)\n` +
      `memory: ${memory.files} files / ${memory.mb.toFixed(0)} MB in ${memory.seconds.toFixed(0)} s; RSS by tenth of the run ${memory.rssMiB.join(', ')} MiB; peak ${memory.peakMiB} MiB\n`,
  );
}

await main();
