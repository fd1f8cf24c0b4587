/**
 * The load generator of bench:api, run as its own process so it does not share the server's event loop.
 * For each scenario it drives, in turn, newsgraph's HTTP endpoint with autocannon and the very same
 * Cypher straight through neo4j-driver, each from `connections` concurrent clients for a fixed time,
 * and records every request's latency. Reads its plan as JSON from the file named by argv[2]; prints
 * the results as one JSON line on stdout.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { NEIGHBOURHOOD_STATEMENT, neighbourhoodParameters } from '../server/graph/entity.js';
import { SEARCH_STATEMENT, searchParameters } from '../server/graph/search.js';
import { TEXT_SEARCH_STATEMENT, textSearchParameters } from '../server/graph/text-search.js';

export interface LoadPlan {
  url: string;
  neo4j: { uri: string; user: string; password: string };
  connections: number;
  seconds: number;
  warmupSeconds: number;
  rounds: number;
  entityIds: string[];
  searchTerms: string[];
  /** Words for full-text search (bench:search). */
  textTerms?: string[];
  /** Seconds a request through the API may take before it counts as an error (autocannon's default: 10). */
  timeoutSeconds?: number;
  /** The scenarios to run, by name (all when absent): search, neighbourhood, text search. */
  scenarios?: string[];
}

export interface PhaseResult {
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The i-th request of a run, as Cypher and parameters. */
type CypherRequest = (i: number) => { query: string; params: Record<string, unknown> };

interface Scenario {
  name: string;
  path: (i: number) => string;
  cypher: CypherRequest;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;
}

function summarise(latencies: number[], errors: number, seconds: number): PhaseResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    errors,
    requestsPerSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

async function viaApi(plan: LoadPlan, scenario: Scenario, seconds: number): Promise<{ latencies: number[]; errors: number }> {
  let next = 0;
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url: plan.url,
    connections: plan.connections,
    duration: seconds,
    timeout: plan.timeoutSeconds ?? 10,
    requests: [{ setupRequest: (req) => ({ ...req, path: scenario.path(next++) }) }],
  });
  (instance as unknown as NodeJS.EventEmitter).on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status === 200) latencies.push(ms);
    else errors++;
  });
  const result = await instance;
  return { latencies, errors: errors + result.errors + result.timeouts };
}

async function viaDriver(driver: neo4j.Driver, plan: LoadPlan, cypher: CypherRequest, seconds: number): Promise<{ latencies: number[]; errors: number }> {
  let next = 0;
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const { query, params } = cypher(next++);
      const start = performance.now();
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        await session.executeRead((tx) => tx.run(query, params));
        latencies.push(performance.now() - start);
      } catch {
        errors++;
      } finally {
        await session.close();
      }
    }
  };
  await Promise.all(Array.from({ length: plan.connections }, client));
  return { latencies, errors };
}

async function main(): Promise<void> {
  const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadPlan;
  const { entityIds: ids, searchTerms: terms, textTerms = [] } = plan;
  const allScenarios: Scenario[] = [
    {
      name: 'search',
      path: (i) => `/api/search?q=${encodeURIComponent(terms[i % terms.length]!)}`,
      cypher: (i) => ({ query: SEARCH_STATEMENT, params: searchParameters(terms[i % terms.length]!)! }),
    },
    {
      name: 'neighbourhood',
      path: (i) => `/api/entities/${encodeURIComponent(ids[i % ids.length]!)}/neighbourhood?depth=1`,
      cypher: (i) => ({ query: NEIGHBOURHOOD_STATEMENT, params: neighbourhoodParameters(ids[i % ids.length]!) }),
    },
    {
      name: 'text search',
      path: (i) => `/api/search?in=text&q=${encodeURIComponent(textTerms[i % textTerms.length]!)}`,
      cypher: (i) => ({ query: TEXT_SEARCH_STATEMENT, params: textSearchParameters(textTerms[i % textTerms.length]!)!.params }),
    },
  ];
  const scenarios = allScenarios.filter((s) => !plan.scenarios || plan.scenarios.includes(s.name));
  // The server's own settings: plain numbers, a pool as large as the clients.
  const driver = neo4j.driver(plan.neo4j.uri, neo4j.auth.basic(plan.neo4j.user, plan.neo4j.password), { disableLosslessIntegers: true });
  const results: Record<string, { api: PhaseResult; driver: PhaseResult; ratio: number }> = {};
  let floor: PhaseResult | undefined;
  const single: { entity: string; depth: number; nodes: number; medianMs: number }[] = [];
  try {
    // Neo4j's JIT, Lucene and page cache take minutes of load to settle (measured: the JVM's CPU per
    // request fell threefold over the first two minutes), so every scenario is warmed both ways before
    // any is measured, and the rounds then run in ABBA order, so a drift of this noisy machine does
    // not fall on one side only.
    for (const scenario of scenarios) {
      process.stderr.write(`${scenario.name}: warming up, ${plan.warmupSeconds} s each way…\n`);
      await viaApi(plan, scenario, plan.warmupSeconds);
      await viaDriver(driver, plan, scenario.cypher, plan.warmupSeconds);
    }
    for (const scenario of scenarios) {
      const api = { latencies: [] as number[], errors: 0 };
      const direct = { latencies: [] as number[], errors: 0 };
      const phases = { api: () => viaApi(plan, scenario, plan.seconds), driver: () => viaDriver(driver, plan, scenario.cypher, plan.seconds) };
      for (let round = 1; round <= plan.rounds; round++) {
        const order = round % 2 === 1 ? (['api', 'driver'] as const) : (['driver', 'api'] as const);
        process.stderr.write(
          `${scenario.name}: round ${round}/${plan.rounds}, ${plan.connections} clients, ${plan.seconds} s through the ${order[0]}, then the ${order[1]}…\n`,
        );
        for (const way of order) {
          const r = await phases[way]();
          const into = way === 'api' ? api : direct;
          into.latencies.push(...r.latencies);
          into.errors += r.errors;
        }
      }
      const total = plan.seconds * plan.rounds;
      const apiResult = summarise(api.latencies, api.errors, total);
      const driverResult = summarise(direct.latencies, direct.errors, total);
      results[scenario.name] = { api: apiResult, driver: driverResult, ratio: apiResult.p95 / driverResult.p95 };
      process.stderr.write(`${scenario.name}: p95 ${apiResult.p95.toFixed(1)} ms through the API, ${driverResult.p95.toFixed(1)} ms through the driver\n`);
    }
    // What this machine allows at all: the cheapest indexed read, straight through the driver, same clients.
    const lookup: CypherRequest = (i) => ({ query: 'MATCH (e:Newsgraph:Entity {id: $id}) RETURN e.name AS name', params: { id: ids[i % ids.length] } });
    process.stderr.write(`floor: one indexed lookup per request through the driver, ${plan.connections} clients, ${plan.seconds} s…\n`);
    await viaDriver(driver, plan, lookup, Math.min(5, plan.warmupSeconds));
    const f = await viaDriver(driver, plan, lookup, plan.seconds);
    floor = summarise(f.latencies, f.errors, plan.seconds);

    // Deeper neighbourhoods are not under the target, but a user opens them: one client, the biggest hub
    // and an entity drawn at random, median of 5 requests through the API.
    for (const [who, id] of scenarios.some((s) => s.name === 'neighbourhood')
      ? ([
          ['hub', 'e:0'],
          ['random entity', ids[0]!],
        ] as const)
      : []) {
      for (const depth of [1, 2, 3]) {
        const times: number[] = [];
        let nodes = 0;
        for (let k = 0; k < 5; k++) {
          const start = performance.now();
          const response = await fetch(`${plan.url}/api/entities/${encodeURIComponent(id)}/neighbourhood?depth=${depth}`);
          const body = (await response.json()) as { nodes?: unknown[] };
          times.push(performance.now() - start);
          nodes = body.nodes?.length ?? 0;
        }
        times.sort((a, b) => a - b);
        single.push({ entity: `${who} (${id})`, depth, nodes, medianMs: times[2]! });
        process.stderr.write(`single client, ${who} ${id}, depth ${depth}: ${nodes} nodes, ${times[2]!.toFixed(0)} ms\n`);
      }
    }
  } finally {
    await driver.close();
  }
  process.stdout.write(`${JSON.stringify({ results, floor, single })}\n`);
}

await main();
