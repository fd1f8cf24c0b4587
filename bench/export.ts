/**
 * `npm run bench:export`: the whole-graph export (`newsgraph export --all`) to GraphML and to JSON, against
 * a plain driver read of the same data, side by side in one run.
 *
 * 1. An embedded Neo4j of its own (heap 1 GB, page cache 1 GB) holding a synthetic graph in newsgraph's
 *    model (docs/data-model.md), by default 100,000 nodes and 500,000 relationships: entities (people,
 *    institutions, places) with names, aliases and titles; documents with a title; allegations; interactions
 *    carrying their evidence lists (real ~150-character sentences from the seed articles), mentions, roles and
 *    the allegations' links. Entities are reused with a Zipf-like skew. Deterministic (seeded), built with
 *    UNWIND batches through the driver, and kept under bench/.cache while its size is the same (--fresh
 *    builds it anew).
 * 2. Each round runs, as separate processes so that each peak RSS is its own: the baseline, a plain driver
 *    read of the whole graph (bench/export-baseline.ts plain: MATCH (n) RETURN n, then MATCH ()-[r]->()
 *    RETURN r, in one transaction, each record dropped); the export's own statements read the same way
 *    (bench/export-baseline.ts statements), the floor under its writing; then
 *    `node bin/newsgraph.js export --all --format graphml|json --out FILE` pointed at this Neo4j through
 *    NEO4J_URI; the order alternates from round to round (ABBA). Wall time from spawn to exit, peak RSS
 *    (GNU time's %M, else VmHWM polled from /proc), the file's size; each file is checked whole (streamed:
 *    every element counted against Neo4j's counts, each JSON element parsed, every edge's ends among the
 *    nodes) and deleted. One unmeasured run of each first warms Neo4j's page cache and JIT.
 *    The CLI's own start-up (`newsgraph --version`: loading every command's modules) is timed each round too.
 *
 * Options: --nodes N (100000), --edges N (500000), --rounds N (4), --fresh, --keep (leave the output files in
 * the temp folder), --own-modules (a diagnostic: also the export command alone, imported from
 * dist/server/cli/export.js without the CLI's other commands). Writes bench/results/export.json.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Database } from '../server/db/database.js';
import { startEmbeddedNeo4j } from '../server/db/embedded.js';
import { applySchema } from '../server/db/schema.js';
import { toArticle } from '../server/article/article.js';
import { PROJECT_ROOT, SEEDS_DIR } from '../server/paths.js';
import { rng } from '../scripts/corpus.js';
import { GIVEN_NAMES, INTERACTION_TYPES, SURNAMES } from './api-graph.js';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '100000' },
    edges: { type: 'string', default: '500000' },
    rounds: { type: 'string', default: '4' },
    fresh: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'own-modules': { type: 'boolean', default: false },
  },
});
const NODES = Number(values.nodes);
const EDGES = Number(values.edges);
const ROUNDS = Number(values.rounds);
const HEAP = '1g';
const PAGE_CACHE = '1g';
/** Bump when the generator changes, so a cached store of the old shape is not reused. */
const GRAPH_VERSION = 1;
const TARGETS = { seconds: 10, peakRssMB: 500, ratio: 1.5 };
const CLI = path.join(PROJECT_ROOT, 'bin', 'newsgraph.js');
const BASELINE = path.join(PROJECT_ROOT, 'bench', 'export-baseline.ts');
const EXPORT_COMMAND = path.join(PROJECT_ROOT, 'dist', 'server', 'cli', 'export.js');
const log = (m: string) => process.stderr.write(`${m}\n`);

// ---------------------------------------------------------------------------------------------------------
// The synthetic graph.

/** Real news sentences of about 150 characters (the seed articles'), plus two that need XML escaping. */
function sentencePool(): string[] {
  const sentences = readdirSync(SEEDS_DIR)
    .flatMap((f) => toArticle(f, readFileSync(path.join(SEEDS_DIR, f), 'utf8')).text.split(/(?<=[.!?])\s+/))
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length >= 80 && s.length <= 250);
  return [
    ...sentences,
    'Officials at Smith & Wesson said the "review" found <no evidence> of wrongdoing, a spokesman told reporters on Tuesday.',
    'The minister\'s office denied the claims & said the talks would continue, calling the report "baseless" and politically driven.',
  ];
}

type EntityKind = 'Person' | 'Institution' | 'Place';
const INSTITUTION_WORDS = ['Ministry', 'Times', 'Bureau', 'Bank', 'Council', 'Foundation', 'Party', 'Agency'];
const INSTITUTION_KINDS = ['government', 'media', 'company', 'ngo'];
const TITLES = ['Secretary of State', 'Foreign Minister', 'President', 'Prime Minister', 'Ambassador', 'Senator', 'Chief Executive', 'spokesman'];

interface Plan {
  entities: number;
  documents: number;
  allegations: number;
}

function planOf(nodes: number): Plan {
  const documents = Math.round(nodes * 0.15);
  const allegations = Math.round(nodes * 0.05);
  return { entities: nodes - documents - allegations, documents, allegations };
}

/** 60 % people, 25 % institutions, 15 % places. */
const kindOfEntity = (i: number): EntityKind => (i % 20 < 12 ? 'Person' : i % 20 < 17 ? 'Institution' : 'Place');
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-');

function entityName(i: number): string {
  const given = GIVEN_NAMES[i % GIVEN_NAMES.length]!;
  const surname = SURNAMES[Math.floor(i / GIVEN_NAMES.length) % SURNAMES.length]!;
  const kind = kindOfEntity(i);
  if (kind === 'Person') return `${given} ${surname}`;
  if (kind === 'Institution') return `${surname} ${given} ${INSTITUTION_WORDS[i % INSTITUTION_WORDS.length]}`;
  return `${given}${surname.toLowerCase()}`;
}

const entityId = (i: number) => `${kindOfEntity(i).toLowerCase()}:${slug(entityName(i))}`;
const documentId = (d: number) => `doc:outlet${d % 40}.example/2026/${String(d).padStart(6, '0')}`;
const allegationId = (a: number) => `allegation:${a}`;

const STATEMENTS = {
  entities: `UNWIND $rows AS r CREATE (e:Newsgraph:Entity) SET e = r.props, e:$(r.label)`,
  documents: `UNWIND $rows AS r CREATE (d:Newsgraph:Document) SET d = r, d.loadedAt = datetime('2026-11-20T09:00:00Z')`,
  allegations: `UNWIND $rows AS r
    CREATE (:Newsgraph:Allegation {id: r[0], claim: $pool[toInteger(r[2])], hedge: 'allegedly', hedged: true, docId: r[1],
      evDocs: [r[1]], evSentences: [$pool[toInteger(r[2])]], evStarts: [toInteger(r[3])], evEnds: [toInteger(r[3]) + size($pool[toInteger(r[2])])]})`,
  mentions: `UNWIND $rows AS r MATCH (a:Newsgraph {id: r[0]}), (d:Newsgraph {id: r[1]})
    CREATE (a)-[:MENTIONED_IN {count: toInteger(r[2]), starts: [x IN r[3] | toInteger(x)], ends: [x IN r[3] | toInteger(x) + 12]}]->(d)`,
};

/**
 * A relationship carrying evidence lists: [source id, target id, document ids, sentence numbers, starts, hedged flags, title?].
 * Ends are matched by the label that holds the unique id (Newsgraph): another label would scan.
 */
function evidenceStatement(type: string, from: string, to: string, interaction: boolean): string {
  return `UNWIND $rows AS r
    MATCH (a:Newsgraph {id: r[0]}), (b:Newsgraph {id: r[1]})
    CREATE (a)-[:${type} {evDocs: r[2], evSentences: [i IN r[3] | $pool[toInteger(i)]], evStarts: [s IN r[4] | toInteger(s)],
      evEnds: [k IN range(0, size(r[4]) - 1) | toInteger(r[4][k]) + size($pool[toInteger(r[3][k])])], evHedged: r[5]
      ${interaction ? ', documents: size(r[2]), hedged: all(h IN r[5] WHERE h)' : ''}${type === 'HOLDS_ROLE' ? ', title: r[6]' : ''}}]->(b)`;
}

type Row = unknown[];
const BATCH = 10_000;

async function buildGraph(db: Database, nodes: number, edges: number): Promise<{ nodes: number; relationships: number; seconds: number }> {
  const started = performance.now();
  const plan = planOf(nodes);
  const pool = sentencePool();
  const random = rng(2026);
  const int = (n: number) => Math.floor(random() * n);
  let created = { nodes: 0, relationships: 0 };
  const run = async (statement: string, rows: unknown[]) => {
    const counters = (await db.write((tx) => tx.run(statement, { rows, pool }))).summary.counters.updates();
    created = { nodes: created.nodes + (counters.nodesCreated ?? 0), relationships: created.relationships + (counters.relationshipsCreated ?? 0) };
  };

  for (let from = 0; from < plan.entities; from += BATCH) {
    const rows = [];
    for (let i = from; i < Math.min(plan.entities, from + BATCH); i++) {
      const kind = kindOfEntity(i);
      const name = entityName(i);
      const props: Record<string, unknown> = { id: entityId(i), name, ambiguous: kind === 'Person' && i % 50 === 0 };
      if (kind === 'Person') {
        props.aliases = i % 3 === 0 ? [name.split(' ')[1], `${name[0]}. ${name.split(' ')[1]}`] : [name.split(' ')[1]];
        props.titles = i % 5 < 2 ? [TITLES[i % TITLES.length]] : [];
      } else if (kind === 'Institution') {
        props.aliases = [
          name
            .split(' ')
            .map((w) => w[0])
            .join(''),
        ];
        props.kind = INSTITUTION_KINDS[i % INSTITUTION_KINDS.length];
      } else props.aliases = [];
      rows.push({ label: kind, props });
    }
    await run(STATEMENTS.entities, rows);
  }
  for (let from = 0; from < plan.documents; from += BATCH) {
    const rows = [];
    for (let d = from; d < Math.min(plan.documents, from + BATCH); d++) {
      const id = documentId(d);
      rows.push({
        id,
        file: `articles/${String(d).padStart(6, '0')}.html`,
        title: `${entityName(d * 7)} and ${entityName(d * 13 + 1)} ${['meet over', 'clash on', 'discuss', 'warn about'][d % 4]} ${['trade', 'sanctions', 'elections', 'security'][d % 4]}`,
        url: `https://${id.slice(4)}`,
        outlet: `outlet${d % 40}.example`,
        format: d % 3 === 0 ? 'text' : 'html',
        sha256: (d * 2654435761).toString(16).padStart(64, '0'),
      });
    }
    await run(STATEMENTS.documents, rows);
  }
  for (let from = 0; from < plan.allegations; from += BATCH) {
    const rows = [];
    for (let a = from; a < Math.min(plan.allegations, from + BATCH); a++)
      rows.push([allegationId(a), documentId(int(plan.documents)), int(pool.length), int(8000)]);
    await run(STATEMENTS.allegations, rows);
  }
  log(`  ${created.nodes.toLocaleString('en')} nodes`);

  // Relationships: the allegations' links, roles, mentions, then interactions up to the total asked for.
  const pick = () => Math.min(plan.entities - 1, Math.floor(plan.entities * random() ** 2.2));
  const pickOf = (kind: EntityKind) => {
    for (;;) {
      const i = pick();
      if (kindOfEntity(i) === kind) return i;
    }
  };
  const evidence = (max: number) => {
    // Most links rest on one sentence, a few on many.
    const n = Math.min(max, random() < 0.65 ? 1 : random() < 0.6 ? 2 : random() < 0.7 ? 3 : 4 + int(3));
    const docs = Array.from({ length: n }, () => documentId(int(plan.documents)));
    return [docs, docs.map(() => int(pool.length)), docs.map(() => int(8000)), docs.map(() => random() < 0.15)];
  };
  const pending = new Map<string, Row[]>();
  let pendingRows = 0;
  const flush = async (force: boolean) => {
    if (!force && pendingRows < BATCH) return;
    const batches = [...pending];
    pending.clear();
    pendingRows = 0;
    const counts = await db.write(async (tx) => {
      let n = 0;
      for (const [statement, rows] of batches) n += (await tx.run(statement, { rows, pool })).summary.counters.updates().relationshipsCreated ?? 0;
      return n;
    });
    const before = created.relationships;
    created.relationships += counts;
    if (Math.floor(created.relationships / 50_000) > Math.floor(before / 50_000)) log(`  ${created.relationships.toLocaleString('en')} relationships`);
  };
  const add = async (statement: string, row: Row) => {
    if (!pending.has(statement)) pending.set(statement, []);
    pending.get(statement)!.push(row);
    pendingRows++;
    await flush(false);
  };
  let remaining = edges;
  const allegationLinks: [string, string, string, (a: number) => boolean][] = [
    ['ALLEGES', 'Entity', 'Allegation', () => true],
    ['AGAINST', 'Allegation', 'Entity', () => true],
    ['REPORTS', 'Entity', 'Allegation', (a) => a % 2 === 0],
    ['DENIES', 'Entity', 'Allegation', (a) => a % 5 === 0],
  ];
  for (let a = 0; a < plan.allegations && remaining > 0; a++) {
    for (const [type, from, to, has] of allegationLinks) {
      if (!has(a) || remaining <= 0) continue;
      const entity = entityId(type === 'REPORTS' ? pickOf('Institution') : pick());
      const ends = from === 'Allegation' ? [allegationId(a), entity] : [entity, allegationId(a)];
      await add(evidenceStatement(type, from, to, false), [...ends, ...evidence(1)]);
      remaining--;
    }
  }
  for (let k = 0; k < Math.round(edges * 0.02) && remaining > 0; k++, remaining--) {
    const person = pickOf('Person');
    await add(evidenceStatement('HOLDS_ROLE', 'Entity', 'Entity', false), [
      entityId(person),
      entityId(pickOf('Institution')),
      ...evidence(2),
      TITLES[person % TITLES.length],
    ]);
  }
  for (let k = 0; k < Math.round(edges * 0.25) && remaining > 0; k++, remaining--) {
    const count = 1 + (random() < 0.7 ? 0 : int(4));
    await add(STATEMENTS.mentions, [entityId(pick()), documentId(int(plan.documents)), count, Array.from({ length: count }, () => int(8000))]);
  }
  // One interaction per (source, type, target), as the loader keeps them.
  const seen = new Set<string>();
  while (remaining > 0) {
    const a = pick();
    const b = pick();
    const type = INTERACTION_TYPES[int(INTERACTION_TYPES.length)]!;
    const key = `${a}|${type}|${b}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    await add(evidenceStatement(type, 'Entity', 'Entity', true), [entityId(a), entityId(b), ...evidence(6)]);
    remaining--;
  }
  await flush(true);
  return { ...created, seconds: (performance.now() - started) / 1000 };
}

// ---------------------------------------------------------------------------------------------------------
// Measuring a child process.

/** `-own-modules`: the export command run without the CLI's other commands loaded (--own-modules; a diagnostic). */
const OWN_MODULES = '-own-modules';
type Kind = 'baseline' | 'statements' | 'graphml' | 'json' | `${'graphml' | 'json'}${typeof OWN_MODULES}`;

interface Measured {
  kind: Kind | 'cli-startup';
  round: number;
  seconds: number;
  peakRssMiB: number;
  bytes?: number;
  check?: { nodes: number; edges: number };
  /** The baseline's own figures: module loading, then the read. */
  inner?: { startupSeconds: number; readSeconds: number; nodeSeconds: number };
  loadAverage: number;
}

const GNU_TIME = ['/usr/bin/time'].find((p) => existsSync(p));

/** Runs `node ARGS`, timing it and reading its peak RSS; rejects with its stderr if it fails. */
function measure(args: string[], env: NodeJS.ProcessEnv, scratch: string): Promise<{ seconds: number; peakRssMiB: number; stdout: string }> {
  const timeFile = path.join(scratch, 'time.txt');
  const [command, argv] = GNU_TIME ? [GNU_TIME, ['-f', '%M', '-o', timeFile, process.execPath, ...args]] : [process.execPath, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    // Without GNU time: the high-water mark polled from /proc; it only grows, so the last read before exit holds the peak.
    let hwmKiB = 0;
    const poll = GNU_TIME
      ? undefined
      : setInterval(() => {
          try {
            hwmKiB = Math.max(hwmKiB, Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0));
          } catch {
            // Ended between two polls.
          }
        }, 20);
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (poll) clearInterval(poll);
      if (code !== 0) return reject(new Error(`node ${args.join(' ')} exited with ${code}:\n${stderr}`));
      const kib = GNU_TIME ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)) : hwmKiB;
      resolve({ seconds, peakRssMiB: Math.round((kib / 1024) * 10) / 10, stdout });
    });
  });
}

/** Streams a GraphML export: counts node and edge elements, checks that every edge's ends are nodes and that the file is closed. */
async function checkGraphml(file: string): Promise<{ nodes: number; edges: number }> {
  const keys = new Set<string>();
  let nodes = 0;
  let edges = 0;
  let first = '';
  let last = '';
  let open = '';
  for await (const piece of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!first) first = piece;
    if (piece) last = piece;
    // Element content may hold line breaks: an element is whole once its closing tag ends a line.
    const line = open ? `${open}\n${piece}` : piece;
    open = '';
    if (line.startsWith('    <node id="')) {
      if (!line.endsWith('</node>')) {
        open = line;
        continue;
      }
      keys.add(line.slice(14, line.indexOf('"', 14)));
      nodes++;
    } else if (line.startsWith('    <edge id="')) {
      if (!line.endsWith('</edge>')) {
        open = line;
        continue;
      }
      const ends = /^ {4}<edge id="[^"]*" source="([^"]*)" target="([^"]*)">/.exec(line);
      if (!ends || !keys.has(ends[1]!) || !keys.has(ends[2]!)) throw new Error(`GraphML: an edge points outside the nodes: ${line.slice(0, 200)}`);
      edges++;
    }
  }
  if (open) throw new Error(`GraphML: an element is cut: ${open.slice(0, 200)}`);
  if (!first.startsWith('<?xml') || last !== '</graphml>') throw new Error('GraphML: the file is not whole');
  return { nodes, edges };
}

/**
 * Streams a JSON export, which puts each node and edge on a line of its own: parses every element, checks
 * the lines between them and that every edge's ends are nodes. Together that is a parse of the whole file.
 */
async function checkJson(file: string): Promise<{ nodes: number; edges: number }> {
  const keys = new Set<string>();
  let nodes = 0;
  let edges = 0;
  let part: 'head' | 'nodes' | 'edges' | 'tail' | 'end' = 'head';
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (part === 'head') {
      if (!line.endsWith('"nodes":[')) throw new Error(`JSON: unexpected head ${line.slice(0, 200)}`);
      JSON.parse(`${line}]}}`);
      part = 'nodes';
    } else if (line === '],"edges":[' && part === 'nodes') part = 'edges';
    else if (line.startsWith(']}') && part === 'edges') {
      JSON.parse(`{"graph":{"edges":[${line}`);
      part = 'tail';
    } else if (part === 'nodes' || part === 'edges') {
      const element = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as { key: string; source?: string; target?: string };
      if (part === 'nodes') {
        keys.add(element.key);
        nodes++;
      } else {
        if (!keys.has(element.source!) || !keys.has(element.target!)) throw new Error(`JSON: an edge points outside the nodes: ${line.slice(0, 200)}`);
        edges++;
      }
    } else if (line !== '' || part !== 'tail') throw new Error(`JSON: unexpected line after the edges: ${line.slice(0, 200)}`);
  }
  if (part !== 'tail') throw new Error('JSON: the file is not whole');
  return { nodes, edges };
}

// ---------------------------------------------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
const round2 = (x: number) => Math.round(x * 100) / 100;
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

async function main(): Promise<void> {
  const home = path.join(PROJECT_ROOT, 'bench', '.cache', `export-graph-v${GRAPH_VERSION}-${NODES}-${EDGES}`);
  const complete = path.join(home, 'complete.json');
  if (values.fresh || !existsSync(complete)) rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-bench-export-'));
  const neo4j = await startEmbeddedNeo4j({ home, boltPort: 0, heap: HEAP, pageCache: PAGE_CACHE, onProgress: log });
  const db = new Database({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, embedded: true });
  try {
    await applySchema(db);
    let built: { nodes: number; relationships: number; seconds: number };
    if (existsSync(complete)) {
      built = JSON.parse(readFileSync(complete, 'utf8')) as typeof built;
      log(`Reusing the graph in ${home} (${built.nodes} nodes, ${built.relationships} relationships).`);
    } else {
      log(`Building the synthetic graph (${NODES} nodes, ${EDGES} relationships) in ${home}…`);
      built = await buildGraph(db, NODES, EDGES);
      writeFileSync(complete, JSON.stringify(built));
      log(`Built in ${built.seconds.toFixed(0)} s.`);
    }
    const shape = await db.read(async (tx) => {
      const labels = await tx.run('MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n ORDER BY label');
      const types = await tx.run('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
      return {
        labels: Object.fromEntries(labels.records.map((r) => [r.get('label') as string, r.get('n') as number])),
        types: Object.fromEntries(types.records.map((r) => [r.get('type') as string, r.get('n') as number])),
      };
    });
    const expected = { nodes: built.nodes, edges: built.relationships };
    const env = { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: '', LOG_LEVEL: 'warn' };

    const runKind = async (kind: Kind, round: number): Promise<Measured> => {
      const loadAverage = round2(os.loadavg()[0]!);
      if (kind === 'baseline' || kind === 'statements') {
        const r = await measure(['--import', 'tsx', BASELINE, kind === 'baseline' ? 'plain' : 'statements'], env, scratch);
        const inner = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
          nodes: number;
          edges: number;
          startupSeconds: number;
          readSeconds: number;
          nodeSeconds: number;
        };
        if (inner.nodes !== expected.nodes || inner.edges !== expected.edges)
          throw new Error(`${kind} read ${inner.nodes}/${inner.edges}, expected ${expected.nodes}/${expected.edges}`);
        const { nodes: _n, edges: _e, ...times } = inner;
        return {
          kind,
          round,
          seconds: round2(r.seconds),
          peakRssMiB: r.peakRssMiB,
          inner: { startupSeconds: round2(times.startupSeconds), readSeconds: round2(times.readSeconds), nodeSeconds: round2(times.nodeSeconds) },
          loadAverage,
        };
      }
      const format = kind.startsWith('graphml') ? 'graphml' : 'json';
      const out = path.join(scratch, `graph.${format}`);
      const args = kind.endsWith(OWN_MODULES)
        ? [
            '--input-type=module',
            '-e',
            `const { exportCommand } = await import(${JSON.stringify(pathToFileURL(EXPORT_COMMAND).href)}); await exportCommand({ format: '${format}', all: true, out: ${JSON.stringify(out)} });`,
          ]
        : [CLI, 'export', '--all', '--format', format, '--out', out];
      const r = await measure(args, env, scratch);
      const bytes = statSync(out).size;
      const check = format === 'graphml' ? await checkGraphml(out) : await checkJson(out);
      if (check.nodes !== expected.nodes || check.edges !== expected.edges) {
        throw new Error(`${kind}: the file holds ${check.nodes} nodes and ${check.edges} edges, Neo4j ${expected.nodes} and ${expected.edges}`);
      }
      if (!values.keep) rmSync(out, { force: true });
      return { kind, round, seconds: round2(r.seconds), peakRssMiB: r.peakRssMiB, bytes, check, loadAverage };
    };
    const startup = async (round: number): Promise<Measured> => {
      const loadAverage = round2(os.loadavg()[0]!);
      const r = await measure([CLI, '--version'], env, scratch);
      return { kind: 'cli-startup', round, seconds: round2(r.seconds), peakRssMiB: r.peakRssMiB, loadAverage };
    };

    const kinds: Kind[] = [
      'baseline',
      'statements',
      'graphml',
      'json',
      ...(values['own-modules'] ? ([`graphml${OWN_MODULES}`, `json${OWN_MODULES}`] as const) : []),
    ];
    log('Warm-up: one unmeasured run of each…');
    for (const kind of kinds) {
      const w = await runKind(kind, 0);
      log(`  ${kind}: ${w.seconds} s, peak RSS ${w.peakRssMiB} MiB`);
    }
    const runs: Measured[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 === 1 ? kinds : [...kinds].reverse();
      for (const kind of order) {
        const m = await runKind(kind, round);
        runs.push(m);
        log(
          `round ${round}/${ROUNDS} ${kind}: ${m.seconds} s, peak RSS ${m.peakRssMiB} MiB${m.bytes ? `, ${mib(m.bytes)} MiB written` : ''}${m.inner ? ` (modules ${m.inner.startupSeconds} s, read ${m.inner.readSeconds} s)` : ''}, load ${m.loadAverage}`,
        );
      }
      const s = await startup(round);
      runs.push(s);
      log(`round ${round}/${ROUNDS} CLI start-up: ${s.seconds} s`);
    }

    const of = (kind: Measured['kind']) => runs.filter((r) => r.kind === kind);
    const summary = (kind: Measured['kind']) => {
      const rs = of(kind);
      return {
        medianSeconds: round2(median(rs.map((r) => r.seconds))),
        bestSeconds: Math.min(...rs.map((r) => r.seconds)),
        medianPeakRssMiB: round2(median(rs.map((r) => r.peakRssMiB))),
        maxPeakRssMiB: Math.max(...rs.map((r) => r.peakRssMiB)),
        ...(rs[0]?.bytes ? { bytes: rs[0].bytes, MiB: mib(rs[0].bytes) } : {}),
      };
    };
    const reference = (kind: 'baseline' | 'statements') => ({ ...summary(kind), medianReadSeconds: round2(median(of(kind).map((r) => r.inner!.readSeconds))) });
    const baseline = reference('baseline');
    const statements = reference('statements');
    const cliStartup = summary('cli-startup');
    /** Each round's export time over the same round's baseline. */
    const pairedRatios = (kind: Kind) => of(kind).map((r) => round2(r.seconds / of('baseline').find((b) => b.round === r.round)!.seconds));
    const exportSummary = (kind: Kind) => {
      const s = summary(kind);
      const ratio = round2(s.medianSeconds / baseline.medianSeconds);
      return {
        ...s,
        ratioOfMedians: ratio,
        ratioOfBest: round2(s.bestSeconds / baseline.bestSeconds),
        // Against the export's own statements read and dropped: what its writing adds to its reading.
        ratioToStatements: round2(s.medianSeconds / statements.medianSeconds),
        ratiosByRound: pairedRatios(kind),
        // Both sides without their process's start-up: the CLI's (`newsgraph --version`) against the baseline's own read time.
        ...(kind.endsWith(OWN_MODULES) ? {} : { ratioWithoutStartUp: round2((s.medianSeconds - cliStartup.medianSeconds) / baseline.medianReadSeconds) }),
        targetsMet: {
          seconds: s.medianSeconds <= TARGETS.seconds,
          peakRss: (s.maxPeakRssMiB * 2 ** 20) / 1e6 <= TARGETS.peakRssMB,
          ratio: ratio <= TARGETS.ratio,
        },
      };
    };
    const result = {
      bench: 'export',
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        neo4j: neo4j.version,
      },
      settings: {
        heap: HEAP,
        pageCache: PAGE_CACHE,
        rounds: ROUNDS,
        order: 'ABBA: baseline, statements, graphml, json, then reversed',
        rss: GNU_TIME ? 'GNU time %M' : 'VmHWM polled',
      },
      graph: { nodes: built.nodes, relationships: built.relationships, buildSeconds: round2(built.seconds), ...shape },
      summary: {
        baseline,
        statements,
        graphml: exportSummary('graphml'),
        json: exportSummary('json'),
        cliStartup,
        ...(values['own-modules'] ? { graphmlOwnModules: exportSummary(`graphml${OWN_MODULES}`), jsonOwnModules: exportSummary(`json${OWN_MODULES}`) } : {}),
      },
      targets: { seconds: TARGETS.seconds, peakRssMB: TARGETS.peakRssMB, ratioToBaseline: TARGETS.ratio, quoted: 'medians; RSS the highest of the rounds' },
      runs,
    };
    mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
    const file = path.join(PROJECT_ROOT, 'bench', 'results', 'export.json');
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    type Summarised = {
      medianSeconds: number;
      bestSeconds: number;
      maxPeakRssMiB: number;
      MiB?: number;
      ratioOfMedians?: number;
      ratioWithoutStartUp?: number;
      ratioToStatements?: number;
    };
    const line = (name: string, s: Summarised) =>
      `  ${name}: median ${s.medianSeconds} s (best ${s.bestSeconds}), peak RSS ≤ ${s.maxPeakRssMiB} MiB` +
      (s.ratioOfMedians === undefined
        ? ''
        : `, ${s.MiB} MiB; ×${s.ratioOfMedians} the baseline${s.ratioWithoutStartUp === undefined ? '' : ` (×${s.ratioWithoutStartUp} without start-ups)`}, ×${s.ratioToStatements} its own statements' read`) +
      '\n';
    const { baseline: b, statements: st, cliStartup: c, ...exports } = result.summary;
    process.stdout.write(
      `export of ${built.nodes} nodes / ${built.relationships} relationships, ${ROUNDS} rounds:\n` +
        line('baseline (plain driver read)', b) +
        line("the export's statements, read and dropped", st) +
        Object.entries(exports)
          .map(
            ([k, s]) =>
              line(k, s).trimEnd() +
              `; targets ${Object.entries(s.targetsMet)
                .map(([t, ok]) => `${t} ${ok ? 'met' : 'NOT met'}`)
                .join(', ')}\n`,
          )
          .join('') +
        line('CLI start-up alone (newsgraph --version)', c) +
        `written to ${path.relative(PROJECT_ROOT, file)}\n`,
    );
  } finally {
    await db.close();
    await neo4j.stop();
    if (!values.keep) rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
