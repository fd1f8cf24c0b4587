/**
 * `npm run bench:render`: the explorer's renderer (sigma through the client's own renderGraph) against
 * vis-network on the same graphs, generated or real, in headless Chromium with the tests' flags (software
 * WebGL through SwiftShader; `--gl gpu` uses the machine's GPU instead).
 *
 * 1. Vite builds the pages in bench/render/ (sigma.html, vis.html, layout.html) into dist/render-bench, with
 *    the graphs as JSON beside them (bench/render/graph.ts: same nodes, positions and links for both).
 * 2. A static server on 127.0.0.1 serves them; every measurement opens a fresh browser context at 1400×900.
 *    A real graph (`--graph FILE`) is first laid out once by layout.html, with the explorer's own toViewGraph,
 *    and both libraries draw it at those positions.
 * 3. Per library and graph: the first frame (start of building the drawing from the graph's JSON → first
 *    frame on screen), then a scripted camera motion: a mouse drag panning for `--pan` s (pointer moves at
 *    60 Hz), then zooms in and out for `--zoom` s, each library its own way (sigma's camera animation, which
 *    its wheel zoom uses; vis-network's scale set every frame, as its wheel does). Frames drawn are counted
 *    by each library's after-render event. Then the JS heap after two forced garbage collections (CDP).
 * 4. After one unmeasured load of each page, rounds alternate the order (ABBA…); medians are quoted.
 *    Writes bench/results/render.json and screenshots of the sigma page at the largest generated size
 *    (bench/results/render-sigma.png) and on each real graph (render-sigma-NAME.png).
 *
 * Options: --sizes 2000x10000,20000x100000  --rounds 4  --pan 3  --zoom 3  --gl swiftshader|gpu  --out FILE
 *   --graph FILE (repeatable, or comma-separated): a serialized graph as the API sends it (graphology's JSON),
 *   drawn after the generated sizes and named after its file; `--sizes ''` leaves only these.
 *   --variant NAME=TUNING (repeatable): another sigma runner with client/src/graph/view.ts's renderTuning
 *   changed, e.g. `--variant nolod=fullSizeNodes=Infinity` or `--variant bare=hideOnMove=off,quietMotion=0`;
 *   `--variant untuned` turns every tuning off; TUNING also takes the style and labels bench/render/sigma.js
 *   reads, e.g. `--variant plain=size=degree,labels=sigma` (no PageRank, sigma's own labels, as before session 16).
 *   --vis-variant NAME=OPTIONS (repeatable): another vis-network runner, OPTIONS as bench/render/vis.js reads
 *   them, e.g. `--vis-variant plain=labels=0,arrows=0` or `--vis-variant degree=size=degree`.  --no-vis  --no-build
 *   --no-warmup (skip the unmeasured first load of each runner per graph).
 *
 * The overview of the dev corpus (bench/results/corpus-overview.json, what the explorer's first screen loads):
 * `npm run build`, then start a server on an empty data folder, which loads the seeds into its embedded Neo4j
 * (in a subshell setsid need not fork, so the pid it leaves is its new process group's),
 *   D=$(mktemp -d)
 *   (NEWSGRAPH_DATA=$D PORT=4200 NEO4J_BOLT_PORT=7711 NEO4J_URI= setsid node bin/newsgraph.js serve > $D/serve.log 2>&1 & echo $! > $D/serve.pid)
 * wait for "is ready" in $D/serve.log, load the corpus through it and take the overview,
 *   NEWSGRAPH_DATA=$D NEO4J_BOLT_PORT=7711 node bin/newsgraph.js load /work/shared/dev-corpus/articles
 *   curl 'http://127.0.0.1:4200/api/graph?limit=300' > bench/results/corpus-overview.json
 * then stop the server with SIGINT to its process group (it stops its Neo4j as it exits), and draw the file:
 *   kill -INT -- -$(cat $D/serve.pid)
 *   npm run bench:render -- --graph bench/results/corpus-overview.json
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { PROJECT_ROOT } from '../../server/paths.js';
import type { SerializedGraph } from '../../common/graph.js';
import { benchGraph, type BenchNodeAttributes } from './graph.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '2000x10000,20000x100000' },
    graph: { type: 'string', multiple: true, default: [] },
    rounds: { type: 'string', default: '4' },
    // Spelled out as its own flag: parseArgs takes `--no-X` for a boolean only from Node 22.4 (allowNegative), and the project supports 20.
    'no-warmup': { type: 'boolean', default: false },
    pan: { type: 'string', default: '3' },
    zoom: { type: 'string', default: '3' },
    gl: { type: 'string', default: 'swiftshader' },
    variant: { type: 'string', multiple: true, default: [] },
    'vis-variant': { type: 'string', multiple: true, default: [] },
    'no-vis': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(PROJECT_ROOT, 'bench', 'results', 'render.json') },
  },
});

const PAGES = path.join(PROJECT_ROOT, 'bench', 'render');
const DIST = path.join(PROJECT_ROOT, 'dist', 'render-bench');
const VIEWPORT = { width: 1400, height: 900 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** As test/helpers/browser.ts: software GL through SwiftShader, and no calls home from the closed network. */
const QUIET_FLAGS = ['--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const GL_FLAGS: Record<string, string[]> = {
  swiftshader: ['--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  // Headless Chromium falls back to SwiftShader unless told to use the GPU; the WebGL renderer each page
  // reports is recorded, and the summary says if no GPU was reached. RENDER_BENCH_CHROMIUM_FLAGS adds flags
  // a particular driver may need (e.g. `--use-angle=gl-egl`), without changing this file.
  gpu: ['--ignore-gpu-blocklist', '--enable-gpu-rasterization', '--use-angle=vulkan', '--enable-features=Vulkan'],
};
const EXTRA_FLAGS = (process.env.RENDER_BENCH_CHROMIUM_FLAGS ?? '').split(/\s+/).filter(Boolean);
const UNTUNED = 'hideOnMove=off,quietMotion=0,arrowEdgeLimit=Infinity,batchRefresh=0,fullSizeNodes=Infinity,flatPrograms=0,stillLayers=0';
/** What the issue asks, as (ours / vis-network) ratios on software GL, and sigma's own fps on a GPU. */
const TARGETS = { fpsSmall: 1, fpsLarge: 0.7, firstFrame: 1, heap: 0.5, gpuFps: 30 };
const SMALL_LIMIT = 5000;

const log = (m: string) => process.stderr.write(`${m}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A graph both libraries draw: generated at a size, or read from a file (`--graph`). */
interface Scenario {
  /** `2000x10000`, or the file's name without `.json`. */
  name: string;
  /** What the pages load, beside them in DIST. */
  file: string;
  nodes: number;
  edges: number;
  /** The file a real graph came from, as given. */
  source?: string;
}
interface Runner {
  name: string;
  page: 'sigma' | 'vis';
  /** The page's query: sigma's renderTuning changes, or vis-network's options. */
  query?: Record<string, string>;
}
interface Measurement {
  runner: string;
  graph: string;
  nodes: number;
  edges: number;
  round: number;
  firstFrameMs: number;
  panFps: number;
  zoomFps: number;
  fps: number;
  heapMiB: number;
  webgl: string;
}
interface PageReport {
  firstFrameMs?: number;
  frames: number[];
  webgl?: string;
  error?: string;
}

const generated: Scenario[] = values.sizes
  .split(',')
  .filter(Boolean)
  .map((s) => {
    const [nodes, edges] = s.split('x').map(Number) as [number, number];
    return { name: `${nodes}x${edges}`, file: `graph-${nodes}-${edges}.json`, nodes, edges };
  });
/** Real graphs, read now: their counts name them in the log, and a bad file fails before anything is built. */
const real: Scenario[] = values.graph
  .flatMap((g) => g.split(','))
  .filter(Boolean)
  .map((source) => {
    const data = readGraph(source);
    const name = path.basename(source).replace(/\.json$/i, '');
    return { name, file: `graph-file-${name}.json`, nodes: data.nodes.length, edges: data.edges.length, source };
  });
const scenarios = [...generated, ...real];
if (new Set(scenarios.map((s) => s.name)).size !== scenarios.length) throw new Error('two graphs share a name: rename one of the files');
if (scenarios.length === 0) throw new Error('nothing to draw: give --sizes or --graph');

function readGraph(file: string): SerializedGraph {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<SerializedGraph>;
  if (!Array.isArray(data.nodes) || !Array.isArray(data.edges))
    throw new Error(`${file} is not a serialized graph (graphology's JSON, as GET /api/graph sends it)`);
  return data as SerializedGraph;
}
const runners: Runner[] = [
  { name: 'sigma', page: 'sigma' },
  ...values.variant.map((v): Runner => {
    const [name, ...rest] = v.split('=');
    const tuning = rest.length ? rest.join('=') : name === 'untuned' ? UNTUNED : '';
    return { name: `sigma:${name}`, page: 'sigma', query: { tuning } };
  }),
  ...(values['no-vis'] ? [] : [{ name: 'vis-network', page: 'vis' } as Runner]),
  ...values['vis-variant'].map((v): Runner => {
    const [name, ...rest] = v.split('=');
    return { name: `vis-network:${name}`, page: 'vis', query: { vis: rest.join('=') } };
  }),
];

async function buildPages(): Promise<void> {
  if (!values['no-build'] || !existsSync(path.join(DIST, 'sigma.html'))) {
    log('Building the bench pages…');
    await build({
      configFile: false,
      root: PAGES,
      logLevel: 'warn',
      build: {
        outDir: DIST,
        emptyOutDir: true,
        target: 'esnext',
        chunkSizeWarningLimit: 5000,
        rollupOptions: {
          input: { sigma: path.join(PAGES, 'sigma.html'), vis: path.join(PAGES, 'vis.html'), layout: path.join(PAGES, 'layout.html') },
        },
      },
    });
  }
  for (const { nodes, edges, file } of generated) {
    const out = path.join(DIST, file);
    if (!existsSync(out)) writeFileSync(out, JSON.stringify(benchGraph(nodes, edges)));
  }
}

/**
 * Gives each real graph the positions the explorer would draw it at: the layout page runs the client's
 * toViewGraph on the file as given, and the positions go into the file both libraries load (`bx`/`by`,
 * as generated graphs carry theirs). Laid out afresh on every run, so the layout is the current code's.
 */
async function layOut(browser: Browser, base: string): Promise<void> {
  if (real.length === 0) return;
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${base}/layout.html`);
    await page.waitForFunction('typeof window.benchLayout === "function"');
    for (const scenario of real) {
      const data = readGraph(scenario.source!);
      const raw = `raw-${scenario.file}`;
      writeFileSync(path.join(DIST, raw), JSON.stringify(data));
      const started = Date.now();
      const positions = (await page.evaluate(`window.benchLayout(${JSON.stringify(raw)})`)) as Record<string, [number, number]>;
      for (const node of data.nodes) {
        const [x, y] = positions[node.key] ?? [0, 0];
        Object.assign(node.attributes, { bx: x, by: y } satisfies BenchNodeAttributes);
      }
      writeFileSync(path.join(DIST, scenario.file), JSON.stringify(data));
      log(`${scenario.name}: ${scenario.nodes} nodes, ${scenario.edges} links, laid out as the explorer does in ${Date.now() - started} ms`);
    }
  } finally {
    await context.close();
  }
}

function serve(): Promise<{ base: string; close: () => void }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const file = path.join(DIST, path.normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^[/\\]+/, ''));
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() })),
  );
}

async function pageReport(page: Page): Promise<PageReport> {
  return (await page.evaluate('window.bench')) as PageReport;
}

/** Opens the page and waits for its first frame. */
async function open(browser: Browser, base: string, runner: Runner, scenario: Scenario): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const query = new URLSearchParams({ graph: scenario.file, nodes: String(scenario.nodes), edges: String(scenario.edges), ...runner.query });
  await page.goto(`${base}/${runner.page}.html?${query}`);
  const deadline = Date.now() + 300_000;
  for (;;) {
    const report = await pageReport(page).catch(() => undefined);
    if (report?.error) throw new Error(`${runner.name} on ${scenario.name}: ${report.error}`);
    if (report?.firstFrameMs !== undefined) break;
    if (Date.now() > deadline) throw new Error(`${runner.name} on ${scenario.name}: no first frame after 300 s`);
    await sleep(100);
  }
  return { page, close: () => context.close() };
}

/** A mouse drag along a figure of eight for `ms`, pointer moves at 60 Hz, from a point with no node under it. */
async function pan(page: Page, ms: number): Promise<void> {
  const from = (await page.evaluate('window.benchCamera.emptyPoint()')) as { x: number; y: number };
  await page.mouse.move(from.x, from.y);
  await sleep(200);
  await page.mouse.down();
  const start = Date.now();
  for (let tick = 1; ; tick++) {
    const t = Date.now() - start;
    if (t >= ms) break;
    const a = (2 * Math.PI * t) / 2000;
    await page.mouse.move(from.x + 250 * Math.sin(a), from.y + 150 * Math.sin(2 * a));
    const wait = start + tick * 16 - Date.now();
    if (wait > 0) await sleep(wait);
  }
  await page.mouse.up();
}

async function measure(browser: Browser, base: string, runner: Runner, scenario: Scenario, roundNo: number, screenshot?: string): Promise<Measurement> {
  const { page, close } = await open(browser, base, runner, scenario);
  try {
    await sleep(500);
    const t0 = (await page.evaluate('performance.now()')) as number;
    await pan(page, Number(values.pan) * 1000);
    const t1 = (await page.evaluate('performance.now()')) as number;
    const zoomMs = Number(values.zoom) * 1000;
    await page.evaluate(`(async () => { const c = window.benchCamera; for (const f of [2.5, 0.4, 2.5, 0.4]) await c.zoom(f, ${zoomMs / 4}); })()`);
    const t2 = (await page.evaluate('performance.now()')) as number;
    const report = await pageReport(page);
    if (report.error) throw new Error(`${runner.name} on ${scenario.name}: ${report.error}`);
    const count = (a: number, b: number) => report.frames.filter((t) => t >= a && t <= b).length;
    await sleep(1000);
    if (screenshot) await page.screenshot({ path: screenshot });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    return {
      runner: runner.name,
      graph: scenario.name,
      nodes: scenario.nodes,
      edges: scenario.edges,
      round: roundNo,
      firstFrameMs: round(report.firstFrameMs!),
      panFps: round((1000 * count(t0, t1)) / (t1 - t0)),
      zoomFps: round((1000 * count(t1, t2)) / (t2 - t1)),
      fps: round((1000 * count(t0, t2)) / (t2 - t0)),
      heapMiB: round(heap.usedSize / 2 ** 20),
      webgl: report.webgl ?? '',
    };
  } finally {
    await close();
  }
}

type Summary = Record<string, Record<string, { firstFrameMs: number; panFps: number; zoomFps: number; fps: number; heapMiB: number }>>;

function summarise(all: Measurement[]): Summary {
  const summary: Summary = {};
  for (const m of all) {
    const key = m.graph;
    summary[key] ??= {};
    if (summary[key][m.runner]) continue;
    const mine = all.filter((x) => x.runner === m.runner && x.graph === m.graph);
    summary[key][m.runner] = {
      firstFrameMs: round(median(mine.map((x) => x.firstFrameMs))),
      panFps: round(median(mine.map((x) => x.panFps))),
      zoomFps: round(median(mine.map((x) => x.zoomFps))),
      fps: round(median(mine.map((x) => x.fps))),
      heapMiB: round(median(mine.map((x) => x.heapMiB))),
    };
  }
  return summary;
}

function verdicts(summary: Summary): { size: string; figure: string; value: number; target: string; met: boolean }[] {
  const out: { size: string; figure: string; value: number; target: string; met: boolean }[] = [];
  for (const scenario of scenarios) {
    const key = scenario.name;
    const sigma = summary[key]?.['sigma'];
    const vis = summary[key]?.['vis-network'];
    if (!sigma) continue;
    if (values.gl === 'gpu') {
      out.push({ size: key, figure: 'sigma pan/zoom fps', value: sigma.fps, target: `≥ ${TARGETS.gpuFps}`, met: sigma.fps >= TARGETS.gpuFps });
      continue;
    }
    if (!vis) continue;
    const fpsTarget = scenario.nodes <= SMALL_LIMIT ? TARGETS.fpsSmall : TARGETS.fpsLarge;
    const fps = round(sigma.fps / vis.fps, 2);
    const first = round(sigma.firstFrameMs / vis.firstFrameMs, 2);
    const heap = round(sigma.heapMiB / vis.heapMiB, 2);
    out.push({ size: key, figure: 'pan/zoom fps, sigma / vis-network', value: fps, target: `≥ ${fpsTarget}×`, met: fps >= fpsTarget });
    out.push({ size: key, figure: 'first frame, sigma / vis-network', value: first, target: `≤ ${TARGETS.firstFrame}×`, met: first <= TARGETS.firstFrame });
    out.push({ size: key, figure: 'JS heap, sigma / vis-network', value: heap, target: `≤ ${TARGETS.heap}×`, met: heap <= TARGETS.heap });
  }
  return out;
}

async function main(): Promise<void> {
  if (!GL_FLAGS[values.gl]) throw new Error(`--gl is swiftshader or gpu, not ${values.gl}`);
  await buildPages();
  const server = await serve();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...QUIET_FLAGS, ...GL_FLAGS[values.gl]!, ...EXTRA_FLAGS] });
  const loadBefore = os.loadavg();
  const started = new Date();
  const all: Measurement[] = [];
  try {
    await layOut(browser, server.base);
    const rounds = Number(values.rounds);
    const largest = generated.reduce<Scenario | undefined>((a, b) => (!a || b.nodes > a.nodes ? b : a), undefined);
    const shotOf = (s: Scenario) => (s === largest ? 'render-sigma.png' : s.source ? `render-sigma-${s.name}.png` : undefined);
    mkdirSync(path.dirname(values.out), { recursive: true });
    for (const scenario of scenarios) {
      // One unmeasured load per runner first: the first page a fresh browser opens pays for the GPU
      // process's start and SwiftShader's first shader compiles, whichever library it is.
      if (!values['no-warmup']) for (const runner of runners) await (await open(browser, server.base, runner, scenario)).close();
      for (let r = 0; r < rounds; r++) {
        // ABBA: every runner goes first as often as last.
        const order = r % 2 === 0 ? runners : [...runners].reverse();
        for (const runner of order) {
          const shot = r === 0 && runner.name === 'sigma' ? shotOf(scenario) : undefined;
          const m = await measure(browser, server.base, runner, scenario, r, shot && path.join(path.dirname(values.out), shot));
          all.push(m);
          log(
            `${scenario.name} round ${r + 1} ${runner.name}: first frame ${m.firstFrameMs} ms, pan ${m.panFps} fps, zoom ${m.zoomFps} fps, all ${m.fps} fps, heap ${m.heapMiB} MiB`,
          );
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const summary = summarise(all);
  const checks = verdicts(summary);
  const result = {
    bench: 'render',
    date: started.toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? '',
      memoryGiB: round(os.totalmem() / 2 ** 30),
      loadAverageBefore: loadBefore.map((x) => round(x, 2)),
      loadAverageAfter: os.loadavg().map((x) => round(x, 2)),
      chromium: browser.version(),
      webgl: all[0]?.webgl ?? '',
      node: process.version,
    },
    options: {
      gl: values.gl,
      chromiumFlags: [...QUIET_FLAGS, ...GL_FLAGS[values.gl]!, ...EXTRA_FLAGS],
      sizes: values.sizes,
      graphs: real.map((s) => ({ name: s.name, source: path.relative(PROJECT_ROOT, path.resolve(s.source!)), nodes: s.nodes, edges: s.edges })),
      rounds: Number(values.rounds),
      panSeconds: Number(values.pan),
      zoomSeconds: Number(values.zoom),
      viewport: VIEWPORT,
      runners,
    },
    summary,
    targets: checks,
    measurements: all,
  };
  writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);

  log(
    `\nMedians of ${values.rounds} rounds (${values.gl}, ${result.machine.webgl}); load average ${result.machine.loadAverageBefore.join(' ')} → ${result.machine.loadAverageAfter.join(' ')}`,
  );
  for (const [size, byRunner] of Object.entries(summary)) {
    for (const [runner, s] of Object.entries(byRunner)) {
      log(
        `  ${size.padEnd(15)} ${runner.padEnd(22)} first frame ${String(s.firstFrameMs).padStart(7)} ms  pan ${String(s.panFps).padStart(5)} fps  zoom ${String(s.zoomFps).padStart(5)} fps  all ${String(s.fps).padStart(5)} fps  heap ${String(s.heapMiB).padStart(6)} MiB`,
      );
    }
  }
  if (values.gl === 'gpu' && /swiftshader|llvmpipe|software/i.test(result.machine.webgl))
    log(`  No GPU reached: pages drew with ${result.machine.webgl}; see RENDER_BENCH_CHROMIUM_FLAGS in bench/render/run.ts.`);
  for (const c of checks)
    log(`  ${c.size.padEnd(15)} ${c.figure.padEnd(36)} ${String(c.value).padStart(6)}  target ${c.target.padEnd(6)} ${c.met ? 'met' : 'NOT met'}`);
  log(`Wrote ${path.relative(PROJECT_ROOT, values.out)}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:render failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
