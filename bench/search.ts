/**
 * `npm run bench:search`: full-text search over the articles (`GET /api/search?in=text`) on bench:api's graph
 * with documents' text, against the very same Cypher (TEXT_SEARCH_STATEMENT, same parameters) straight through
 * neo4j-driver, alternating in one run under the same load.
 *
 * 1. bench:api's synthetic graph (bench/api-graph.ts: 800k entities, 200k documents, 2.9M relationships), each
 *    document with an article's worth of text (`sentencesPerDocument`, about 2.2 KB: sentences written from a
 *    vocabulary about the document's own entities, the interactions' evidence sentences among them) and a
 *    `publishedAt`. Cached under bench/.cache like bench:api's; building it takes minutes (--fresh anew).
 * 2. The real server (`newsgraph serve --no-seed`) in its own process, against that Neo4j.
 * 3. The load process (bench/api-load.ts): 10 concurrent clients (a text search costs tens of names searches;
 *    at bench:api's 20, requests queue for seconds on a 2-core machine), through the API (autocannon, no
 *    timeout short of 120 s, so slow answers count) and through the driver, warmed up both ways, then rounds
 *    in ABBA order; and the machine's floor (one indexed lookup), same clients.
 *
 * Options: --documents N (200000), --entities N (800000), --sentences N (20), --connections N (10),
 * --seconds N (10 per phase), --rounds N (4), --warmup N (60 s each way), --fresh. Writes bench/results/search.json.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../server/paths.js';
import { rng } from '../scripts/corpus.js';
import { entityName, NEWS_WORDS, openApiGraph, TAIL_WORDS, type ApiGraphScale } from './api-graph.js';
import type { LoadPlan, PhaseResult } from './api-load.js';
import { runNode, startServer } from './server-process.js';

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '800000' },
    documents: { type: 'string', default: '200000' },
    sentences: { type: 'string', default: '20' },
    connections: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '60' },
    fresh: { type: 'boolean', default: false },
  },
});
const SCALE: ApiGraphScale = {
  entities: Number(values.entities),
  documents: Number(values.documents),
  mentionsPerDocument: 10,
  interactionsPerDocument: 5,
  sentencesPerDocument: Number(values.sentences),
};
const log = (m: string) => process.stderr.write(`${m}\n`);

/**
 * What a user types into the text search: a common word of news (in thousands of articles), a rare word (in a
 * handful), two common words (both required), or a person's name as a quoted phrase.
 */
function textWorkload(): string[] {
  const random = rng(19);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: 2000 }, () => {
    const roll = random();
    if (roll < 0.5) return pick(NEWS_WORDS.slice(1));
    if (roll < 0.7) return pick(TAIL_WORDS.slice(0, 2000));
    if (roll < 0.85) return `${pick(NEWS_WORDS.slice(1))} ${pick(NEWS_WORDS.slice(1))}`;
    return `"${entityName(Math.floor(random() ** 2.2 * SCALE.entities))}"`;
  });
}

async function main(): Promise<void> {
  const { neo4j, db, built } = await openApiGraph(SCALE, { fresh: values.fresh, log });
  let server: ReturnType<typeof runNode> | undefined;
  try {
    // The text index may still be filling after a build was interrupted and resumed.
    await db.read((tx) => tx.run('CALL db.awaitIndexes(1800)'));
    const started = await startServer(neo4j);
    server = started.server;
    log(`Server ready at ${started.base}; starting the load process.`);
    const plan: LoadPlan = {
      url: started.base,
      neo4j: { uri: neo4j.uri, user: neo4j.user, password: neo4j.password },
      connections: Number(values.connections),
      seconds: Number(values.seconds),
      warmupSeconds: Number(values.warmup),
      rounds: Number(values.rounds),
      // A slow answer is measured, not cut off: a timeout would drop the API's slowest requests from its p95.
      timeoutSeconds: 120,
      entityIds: Array.from({ length: 2000 }, (_, i) => `e:${(i * 7919) % SCALE.entities}`),
      searchTerms: [],
      textTerms: textWorkload(),
      scenarios: ['text search'],
    };
    const planFile = path.join(os.tmpdir(), `newsgraph-bench-search-${process.pid}.json`);
    writeFileSync(planFile, JSON.stringify(plan));
    const output = await runNode(['--import', 'tsx', 'bench/api-load.ts', planFile], {}).done;
    rmSync(planFile, { force: true });
    const { results, floor } = JSON.parse(output.trim().split('\n').at(-1)!) as {
      results: Record<string, { api: PhaseResult; driver: PhaseResult; ratio: number }>;
      floor: PhaseResult;
    };
    const text = await db.read(async (tx) =>
      (await tx.run('MATCH (d:Newsgraph:Document) RETURN count(d) AS documents, sum(size(d.text)) AS bytes')).records[0]!.toObject(),
    );
    const result = {
      bench: 'search',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, neo4j: neo4j.version, loadAverage: os.loadavg() },
      graph: { ...SCALE, nodes: built.nodes, relationships: built.relationships, buildSeconds: built.seconds, textCharacters: text.bytes as number },
      load: {
        connections: plan.connections,
        secondsPerPhase: plan.seconds,
        warmupSeconds: plan.warmupSeconds,
        rounds: plan.rounds,
        clientProcess: 'separate (bench/api-load.ts)',
        workload: '2,000 texts: 50 % one common news word, 20 % a rare word, 15 % two common words, 15 % a quoted full name',
        latencyUnit: 'ms',
      },
      results,
      floor: { description: 'MATCH (e:Newsgraph:Entity {id: $id}) RETURN e.name through the driver, same clients: the least a request costs here', ...floor },
      targets: { ratio: 1.5 },
    };
    mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', 'search.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`floor (one indexed lookup through the driver): p95 ${floor.p95.toFixed(1)} ms at ${floor.requestsPerSecond.toFixed(0)} req/s\n`);
    for (const [name, r] of Object.entries(results)) {
      process.stdout.write(
        `${name}: API p95 ${r.api.p95.toFixed(1)} ms (p50 ${r.api.p50.toFixed(1)}, ${r.api.requestsPerSecond.toFixed(0)} req/s, ${r.api.errors} errors); ` +
          `driver p95 ${r.driver.p95.toFixed(1)} ms (p50 ${r.driver.p50.toFixed(1)}, ${r.driver.requestsPerSecond.toFixed(0)} req/s, ${r.driver.errors} errors); ratio ${r.ratio.toFixed(2)}× (target ≤ 1.5×)\n`,
      );
    }
  } finally {
    server?.kill();
    await server?.done.catch(() => undefined);
    await db.close();
    await neo4j.stop();
  }
}

await main();
