/**
 * `npm run bench:api`: latency of the explorer API on a large graph, against the same Cypher run
 * straight through neo4j-driver in the same run.
 *
 * 1. An embedded Neo4j holding a synthetic graph in newsgraph's model (bench/api-graph.ts; by default
 *    800k entities + 200k documents = 1M nodes, 2M mentions + 1M interactions = 3M relationships).
 *    Building it takes minutes, so the store is kept under bench/.cache and reused while the
 *    generator's scale is the same (--fresh builds it anew).
 * 2. The real server (`newsgraph serve --no-seed`, pointed at that Neo4j through NEO4J_URI) in its own process.
 * 3. A load process (bench/api-load.ts): 20 concurrent clients for search and depth-1 neighbourhood,
 *    alternately through the API (autocannon) and through the driver.
 *
 * Options: --entities N (800000), --documents N (200000), --connections N (20), --seconds N (10 per phase),
 * --rounds N (4, in ABBA order), --warmup N (60 s each way per scenario, all before any measurement), --fresh. Writes bench/results/api.json.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../server/paths.js';
import { rng } from '../scripts/corpus.js';
import { entityName, openApiGraph, type ApiGraphScale } from './api-graph.js';
import type { LoadPlan, PhaseResult } from './api-load.js';
import { runNode, startServer } from './server-process.js';

const { values } = parseArgs({
  options: {
    entities: { type: 'string', default: '800000' },
    documents: { type: 'string', default: '200000' },
    connections: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '4' },
    warmup: { type: 'string', default: '60' },
    fresh: { type: 'boolean', default: false },
  },
});
const SCALE: ApiGraphScale = { entities: Number(values.entities), documents: Number(values.documents), mentionsPerDocument: 10, interactionsPerDocument: 5 };
const log = (m: string) => process.stderr.write(`${m}\n`);

/** Ids and search words a user might send: entities drawn uniformly, words as typed (a prefix, or whole). */
function workload(): { entityIds: string[]; searchTerms: string[] } {
  const random = rng(7);
  const entityIds: string[] = [];
  const searchTerms: string[] = [];
  for (let k = 0; k < 2000; k++) {
    const i = Math.floor(random() * SCALE.entities);
    entityIds.push(`e:${i}`);
    const [given, surname] = entityName(Math.floor(random() * SCALE.entities)).split(' ') as [string, string];
    const roll = random();
    searchTerms.push(roll < 0.4 ? surname.slice(0, 4 + Math.floor(random() * 3)) : roll < 0.8 ? `${given} ${surname}` : surname.toLowerCase());
  }
  return { entityIds, searchTerms };
}

async function main(): Promise<void> {
  const { neo4j, db, built } = await openApiGraph(SCALE, { fresh: values.fresh, log });
  let server: ReturnType<typeof runNode> | undefined;
  try {
    const started = await startServer(neo4j);
    server = started.server;
    const base = started.base;
    log(`Server ready at ${base}; starting the load process.`);

    const plan: LoadPlan = {
      url: base,
      neo4j: { uri: neo4j.uri, user: neo4j.user, password: neo4j.password },
      connections: Number(values.connections),
      seconds: Number(values.seconds),
      warmupSeconds: Number(values.warmup),
      rounds: Number(values.rounds),
      ...workload(),
      scenarios: ['search', 'neighbourhood'],
    };
    const planFile = path.join(os.tmpdir(), `newsgraph-bench-api-${process.pid}.json`);
    writeFileSync(planFile, JSON.stringify(plan));
    const output = await runNode(['--import', 'tsx', 'bench/api-load.ts', planFile], {}).done;
    rmSync(planFile, { force: true });
    const { results, floor, single } = JSON.parse(output.trim().split('\n').at(-1)!) as {
      results: Record<string, { api: PhaseResult; driver: PhaseResult; ratio: number }>;
      floor: PhaseResult;
      single: { entity: string; depth: number; nodes: number; medianMs: number }[];
    };

    const result = {
      bench: 'api',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, node: process.version, neo4j: neo4j.version },
      graph: { ...SCALE, nodes: built.nodes, relationships: built.relationships, buildSeconds: built.seconds },
      load: {
        connections: plan.connections,
        secondsPerPhase: plan.seconds,
        rounds: plan.rounds,
        clientProcess: 'separate (bench/api-load.ts)',
        latencyUnit: 'ms',
      },
      results,
      floor: { description: 'MATCH (e:Newsgraph:Entity {id: $id}) RETURN e.name through the driver, same clients: the least a request costs here', ...floor },
      singleClientNeighbourhoods: single,
      targets: { p95Ms: 30, ratio: 1.5 },
    };
    mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', 'api.json'), `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`floor (one indexed lookup through the driver): p95 ${floor.p95.toFixed(1)} ms at ${floor.requestsPerSecond.toFixed(0)} req/s\n`);
    for (const [name, r] of Object.entries(results)) {
      process.stdout.write(
        `${name}: API p95 ${r.api.p95.toFixed(1)} ms (p50 ${r.api.p50.toFixed(1)}, ${r.api.requestsPerSecond.toFixed(0)} req/s, ${r.api.errors} errors); ` +
          `driver p95 ${r.driver.p95.toFixed(1)} ms; ratio ${r.ratio.toFixed(2)}× (targets: p95 ≤ 30 ms, ratio ≤ 1.5×)\n`,
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
