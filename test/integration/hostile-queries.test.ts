/**
 * Queries meant to take newsgraph down (the red team's of issue 15, and variants): each is answered 4xx
 * or stopped at its deadline, Neo4j stays up, the API keeps its connections, the graph is unchanged.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { runReadOnly, type CypherResult } from '../../server/cypher/run.js';
import { USER_QUERY_CONCURRENCY } from '../../server/db/database.js';
import { applySchema } from '../../server/db/schema.js';
import { AppError } from '../../server/errors.js';
import { createApp } from '../../server/http/app.js';
import { loadPaths } from '../../server/ingest/load.js';
import { createLogger } from '../../server/logger.js';
import { SEEDS_DIR } from '../../server/paths.js';
import { fingerprint, type Fingerprint } from '../helpers/fingerprint.js';
import { cliEnv, resetGraph, testDatabase } from '../helpers/neo4j.js';
import { runCli } from '../helpers/process.js';

const nest = (open: string, inner: string, close: string, n: number) => open.repeat(n) + inner + close.repeat(n);

/** [query, params, status, code]: every one refused before it can run. */
const REFUSED_AT_ONCE: [string, Record<string, unknown>, number, string][] = [
  // The red team's: heap exhausted in 0.46 s, the JVM gone.
  ["RETURN reduce(s = 'x', i IN range(1, 30) | s + s)", {}, 422, 'CYPHER_MEMORY'],
  ["RETURN reduce(acc = ['x'], i IN range(1, 40) | [acc, acc])", {}, 422, 'CYPHER_MEMORY'],
  ["RETURN reduce(`a b` = 'x', i IN [1, 2, 3] | `a b` + 'y' + `a b`)", {}, 422, 'CYPHER_MEMORY'],
  [`WITH ['x'] AS a ${'WITH a + a AS a '.repeat(30)}RETURN size(a)`, {}, 422, 'CYPHER_MEMORY'],
  [`WITH [1] AS a ${'WITH [a, a] AS a '.repeat(40)}RETURN a`, {}, 422, 'CYPHER_MEMORY'],
  ['RETURN size([x IN range(1, 50000000) WHERE x % 2 = 0])', {}, 422, 'CYPHER_MEMORY'],
  [`RETURN size(${nest('replace(', "'x'", ", 'x', 'xxxxxxxxxx')", 10)})`, {}, 422, 'CYPHER_MEMORY'],
  [`RETURN size(${nest('replace(', "'ab'", ", '', 'abc')", 8)})`, {}, 422, 'CYPHER_MEMORY'],
  // The event loop frozen 26 s; a reduce that ran 44 s past its timeout.
  ['RETURN [x IN range(1, 5000000) | toString(x)]', {}, 422, 'CYPHER_MEMORY'],
  ['RETURN reduce(s = 0, i IN range(1, 2000000000) | s + i)', {}, 422, 'CYPHER_MEMORY'],
  ['RETURN range(0, 9223372036854775807, 1)[0]', {}, 422, 'CYPHER_MEMORY'],
  ['RETURN size(range(1, $n))', { n: 1_000_000_000 }, 422, 'CYPHER_MEMORY'],
  ["RETURN size(range(1, toInteger('2000000000')))", {}, 422, 'CYPHER_MEMORY'],
  ['RETURN size(range(1, 2000 * 1000000))', {}, 422, 'CYPHER_MEMORY'],
  ['RETURN size([a IN range(1, 5000) | [b IN range(1, 5000) | a * b]])', {}, 422, 'CYPHER_MEMORY'],
  // Neo4j's parser overflowed its stack: 120 s holding a connection, then a misleading 403.
  [`RETURN ${nest('(', '1', ')', 300)}`, {}, 400, 'CYPHER_INVALID'],
  [`RETURN ${nest('[', '1', ']', 300)}`, {}, 400, 'CYPHER_INVALID'],
  [`RETURN ${nest('{a: ', '1', '}', 300)}`, {}, 400, 'CYPHER_INVALID'],
  [`RETURN ${nest('CASE WHEN true THEN ', '1', ' END', 300)}`, {}, 400, 'CYPHER_INVALID'],
  [`RETURN ${'NOT '.repeat(300)}true`, {}, 400, 'CYPHER_INVALID'],
  [`MATCH (n:${'!'.repeat(300)}Person) RETURN n`, {}, 400, 'CYPHER_INVALID'],
  [`WITH {a: 1} AS m RETURN m${'.a'.repeat(300)}`, {}, 400, 'CYPHER_INVALID'],
  [`RETURN 1${'+1'.repeat(3000)}`, {}, 400, 'CYPHER_INVALID'],
  [`RETURN 1 // ${'x'.repeat(10_000)}`, {}, 400, 'BAD_REQUEST'],
  // A catastrophic regex ran 14 s.
  [`RETURN '${'a'.repeat(40)}!' =~ '(a+)+b'`, {}, 400, 'CYPHER_INVALID'],
  [`RETURN '${'a'.repeat(40)}!' =~ $p`, { p: '(a|aa)*b' }, 400, 'CYPHER_INVALID'],
  [`MATCH (p:Person) WHERE p.name =~ '(.*a){20}' RETURN p`, {}, 400, 'CYPHER_INVALID'],
  // Tricks around the guard's own EXPLAIN.
  ['MATCH (n) RETURN n; MATCH (m) DETACH DELETE m', {}, 403, 'CYPHER_REFUSED'],
  ['USE system SHOW USERS', {}, 403, 'CYPHER_REFUSED'],
  ['PROFILE MATCH (n) RETURN n', {}, 403, 'CYPHER_REFUSED'],
];

/** A query the text checks let through that Neo4j cannot interrupt: appending to a string 50,000 times (seconds of CPU). */
const UNINTERRUPTIBLE = "WITH [x IN range(1, 10000) | 'xxxxxxxxxx'] AS l RETURN size(reduce(s = '', y IN l + l + l + l + l | s + y)) AS n";

describe('hostile queries', () => {
  const db = testDatabase();
  let server: Server;
  let base: string;
  let before_: Fingerprint;
  const cypher = async (query: string, params: Record<string, unknown> = {}) => {
    const started = Date.now();
    const res = await fetch(`${base}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, params }) });
    const text = await res.text();
    return {
      status: res.status,
      bytes: text.length,
      ms: Date.now() - started,
      body: JSON.parse(text) as CypherResult & { error?: { code: string; message: string } },
    };
  };

  before(async () => {
    await resetGraph(db);
    await applySchema(db);
    await loadPaths(db, [SEEDS_DIR]);
    before_ = await fingerprint(db);
    server = createApp({ db, logger: createLogger('silent'), cypherPerMinute: 100_000 }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server?.close();
    await db.close();
  });

  it(`refuses ${REFUSED_AT_ONCE.length} heap, stack and CPU bombs at once, and Neo4j stays up`, async () => {
    for (const [query, params, status, code] of REFUSED_AT_ONCE) {
      const answer = await cypher(query, params);
      const label = JSON.stringify(query.slice(0, 80));
      assert.equal(answer.status, status, `${label}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.error?.code, code, label);
      assert.ok(answer.ms < 3_000, `${label} took ${answer.ms} ms`);
    }
    assert.deepEqual((await cypher('RETURN 1 AS up')).body.rows, [[1]]);
    assert.deepEqual(await fingerprint(db), before_);
  });

  it('stops a query over the transaction memory limit with CYPHER_MEMORY at once, never retried', async () => {
    // The embedded launcher sets the limit (a quarter of the heap); Neo4j's default is none.
    const setting = await db.read(
      async (tx) => (await tx.run("SHOW SETTINGS YIELD name, value WHERE name = 'db.memory.transaction.max' RETURN value")).records[0]?.get('value') as string,
    );
    assert.match(setting, /^[1-9][\d.]*\s*[KMG]i?B$/, `db.memory.transaction.max is ${setting}`);
    const answer = await cypher('UNWIND range(1, 10000) AS a UNWIND range(1, 40) AS b RETURN size(collect(toString(a * b) + $pad)) AS n', {
      pad: 'x'.repeat(400),
    });
    assert.equal(answer.status, 422, JSON.stringify(answer.body));
    assert.equal(answer.body.error?.code, 'CYPHER_MEMORY');
    assert.match(answer.body.error.message, /db\.memory\.transaction\.max/);
    assert.ok(answer.ms < 8_000, `answered after ${answer.ms} ms: retried?`);
    assert.deepEqual((await cypher('RETURN 1 AS up')).body.rows, [[1]]);
  });

  it("answers Neo4j's client errors 400 CYPHER_INVALID with Neo4j's own first line", async () => {
    const cases: [string, RegExp][] = [
      ['RETURN 1/0', /divide by zero|\/ by zero/i],
      ['MATCH (p:Person {name: $name}) RETURN p', /name/],
      ['MATCH (n RETURN n', /Invalid input/],
      ["RETURN 'a' * 2", /Type mismatch|cannot be/i],
      ["CALL db.index.fulltext.queryNodes('entity_names', 'AND OR (') YIELD node RETURN node", /./],
    ];
    for (const [query, message] of cases) {
      const answer = await cypher(query);
      assert.equal(answer.status, 400, `${query}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.error?.code, 'CYPHER_INVALID', query);
      assert.match(answer.body.error.message, message, query);
      assert.doesNotMatch(answer.body.error.message, /\n/, 'one line');
    }
  });

  it('caps a result in bytes as well as rows, without holding up the event loop', async () => {
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const cut = await cypher('UNWIND range(1, 1000) AS x RETURN x, $big AS text', { big: 'y'.repeat(100_000) });
    lag.disable();
    assert.equal(cut.status, 200);
    assert.equal(cut.body.truncated, true);
    assert.ok(cut.body.rows.length > 10 && cut.body.rows.length < 100, `${cut.body.rows.length} rows`);
    assert.ok(cut.bytes < 12_000_000, `a reply of ${cut.bytes} bytes`);
    assert.ok(lag.max / 1e6 < 1_000, `the event loop waited ${Math.round(lag.max / 1e6)} ms`);

    const oneRow = await cypher('RETURN [x IN range(1, 10000) | $big] AS huge', { big: 'z'.repeat(1_000) });
    assert.equal(oneRow.status, 413, JSON.stringify(oneRow.body).slice(0, 200));
    assert.equal(oneRow.body.error?.code, 'RESULT_TOO_LARGE');
  });

  it('stops what Neo4j cannot interrupt at the deadline, answers BUSY beyond the cap, and keeps the API its connections', async () => {
    const started = Date.now();
    const running = Array.from({ length: USER_QUERY_CONCURRENCY }, () => runReadOnly(db, UNINTERRUPTIBLE, {}, { timeoutMs: 1_000 }).catch((e: unknown) => e));
    await new Promise((r) => setTimeout(r, 200));
    const busy = await cypher('RETURN 1');
    assert.equal(busy.status, 503, JSON.stringify(busy.body));
    assert.equal(busy.body.error?.code, 'BUSY');
    assert.ok(busy.ms < 500, `BUSY after ${busy.ms} ms`);
    // The rest of the API has its own pool.
    const apiStarted = Date.now();
    await db.read((tx) => tx.run('MATCH (n:Person) RETURN count(n)'));
    assert.ok(Date.now() - apiStarted < 1_000, 'an API read waited for a connection');
    for (const outcome of await Promise.all(running)) {
      assert.ok(outcome instanceof AppError && outcome.code === 'CYPHER_TIMEOUT', String(outcome));
    }
    assert.ok(Date.now() - started < 3_000, `the deadline answered after ${Date.now() - started} ms`);
    // Once Neo4j has finished the expression, the places are free again.
    let answer = await cypher('RETURN 1 AS up');
    for (let i = 0; answer.status === 503 && i < 120; i++) {
      await new Promise((r) => setTimeout(r, 500));
      answer = await cypher('RETURN 1 AS up');
    }
    assert.deepEqual(answer.body.rows, [[1]]);
    assert.deepEqual(await fingerprint(db), before_);
  });

  it('`newsgraph query` refuses the same bombs at once', async () => {
    const env = cliEnv();
    const started = Date.now();
    const deep = runCli(['query', `RETURN ${nest('(', '1', ')', 300)}`], env);
    assert.equal(await deep.exited, 1);
    assert.match(deep.stderr(), /error\[CYPHER_INVALID\]: The query nests deeper than 40 levels/);
    const doubling = runCli(['query', "RETURN reduce(s = 'x', i IN range(1, 30) | s + s)"], env);
    assert.equal(await doubling.exited, 1);
    assert.match(doubling.stderr(), /error\[CYPHER_MEMORY\]/);
    assert.ok(Date.now() - started < 20_000);
    assert.deepEqual(await fingerprint(db), before_);
  });
});
