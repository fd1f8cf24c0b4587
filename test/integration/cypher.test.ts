/** The read-only Cypher endpoint against hostile and legitimate queries, on the seed graph in a real Neo4j. */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { CypherNodeValue, CypherPathValue, CypherRelationshipValue } from '../../common/api.js';
import type { CypherResult } from '../../server/cypher/run.js';
import { applySchema } from '../../server/db/schema.js';
import { createApp } from '../../server/http/app.js';
import { loadPaths } from '../../server/ingest/load.js';
import { createLogger } from '../../server/logger.js';
import { SEEDS_DIR } from '../../server/paths.js';
import { fingerprint, type Fingerprint } from '../helpers/fingerprint.js';
import { cliEnv, resetGraph, testDatabase } from '../helpers/neo4j.js';
import { runCli } from '../helpers/process.js';

const HOSTILE: string[] = [
  'CREATE (n:X) RETURN n',
  "MERGE (n:Entity {id: 'x'}) RETURN n",
  'MATCH (n) SET n.hacked = true',
  'MATCH (n) DELETE n',
  'MATCH (n) DETACH DELETE n',
  'MATCH (n:Person) REMOVE n.name',
  'MATCH (n) REMOVE n:Person',
  'FOREACH (x IN [1] | CREATE ())',
  "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
  "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS r RETURN r",
  "LOAD CSV FROM 'file:///etc/passwd' AS l FIELDTERMINATOR ':' RETURN l[0]",
  'CALL { CREATE () } IN TRANSACTIONS',
  'UNWIND range(1, 10) AS x CALL (x) { RETURN x AS y } IN TRANSACTIONS RETURN y',
  'CALL dbms.components()',
  'CALL dbms.listConfig()',
  "CALL db.createLabel('X')",
  "CALL db.createProperty('x')",
  "CALL db.createRelationshipType('X')",
  'CALL db.clearQueryCaches()',
  'CALL db.awaitIndexes()',
  "CALL db.index.fulltext.drop('entity_names')",
  "CALL apoc.create.node(['X'], {})",
  "CALL apoc.cypher.runWrite('CREATE ()', {})",
  "CALL dbms.security.createUser('x', 'y', false)",
  'CREATE INDEX foo FOR (n:X) ON (n.y)',
  'DROP INDEX entity_name',
  'CREATE CONSTRAINT c FOR (n:X) REQUIRE n.id IS UNIQUE',
  'DROP CONSTRAINT entity_id',
  'MATCH (n) RETURN n; CREATE (m)',
  'MATCH (n) RETURN count(n) /* */ ; MATCH (m) DETACH DELETE m',
  '// just a comment\nCREATE ()',
  '/* a comment */ CREATE ()',
  'cReAtE ()',
  'MATCH (n) \u0053ET n.x = 1',
  'CREATE (n) WITH n MATCH (m) RETURN m',
  'MATCH (n) WITH n LIMIT 1 SET n.x = 1 RETURN n',
  'CALL { MATCH (n) SET n.x = 1 }',
  'MATCH (n) CALL (n) { SET n.y = 2 } RETURN count(*)',
  'SHOW USERS',
  "CREATE USER evil SET PASSWORD 'evil-password'",
  "ALTER USER neo4j SET PASSWORD 'hacked-password'",
  "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
  'STOP DATABASE neo4j',
  'CREATE DATABASE evil',
  'USE system SHOW USERS',
  'SHOW TRANSACTIONS',
  'SHOW SETTINGS',
  'EXPLAIN CREATE ()',
  'PROFILE MATCH (n) SET n.x = 1 RETURN n',
];

/** Reads that are too big to finish: the timeout must stop them. */
const RUNAWAY: string[] = [
  // A WHERE makes Neo4j enumerate the product instead of counting it from its statistics.
  'MATCH (a), (b), (c), (d), (e), (f) WHERE a.name < b.name RETURN count(*)',
  'UNWIND range(1, 10000) AS a MATCH (n), (m) WHERE size(keys(n)) + size(keys(m)) + a < 0 RETURN count(*)',
];

const LEGITIMATE: [string, Record<string, unknown>?][] = [
  ['MATCH (n) RETURN count(n)'],
  ['MATCH (p:Person) RETURN p.name ORDER BY p.name'],
  ["MATCH (p:Person {name: 'Antony Blinken'})-[r]-(b) RETURN p, r, b"],
  ['OPTIONAL MATCH (x:Nothing) RETURN x'],
  ["MATCH p = shortestPath((a:Person {name: 'Antony Blinken'})-[*..4]-(b:Person {name: 'Joe Biden'})) RETURN p"],
  ['MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n ORDER BY label'],
  ['UNWIND [1, 2, 3] AS x RETURN x * 2 AS y'],
  ["CALL db.index.fulltext.queryNodes('newsgraph_entity_names', 'blinken') YIELD node, score RETURN node.name, score"],
  ['CALL db.labels() YIELD label RETURN label'],
  ['CALL db.relationshipTypes()'],
  ['CALL db.propertyKeys()'],
  ['CALL db.schema.visualization()'],
  ['MATCH (a:Allegation)<-[:REPORTS]-(o) RETURN a.claim, o.name'],
  ["MATCH (n:Person) WHERE n.name STARTS WITH 'W' RETURN n.name"],
  ['MATCH (n:Entity) RETURN n.name, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT 5'],
  ['MATCH (d:Document) RETURN d.title, size(d.text)'],
  ["RETURN datetime('2024-01-01T00:00:00Z') AS t, point({x: 1, y: 2}) AS p"],
  ['MATCH (n) WITH n.name AS name WHERE name IS NOT NULL RETURN collect(name)[0..5]'],
  ['MATCH (a)-[r:MET]->(b) RETURN a.name, b.name, r.documents'],
  ['MATCH (n:Person) RETURN n {.name, .aliases} AS person'],
  ['MATCH (p:Person {name: $name}) RETURN p', { name: 'Wang Yi' }],
  ['CALL { MATCH (p:Person) RETURN p } RETURN count(p)'],
  ['// a comment\nMATCH (n) RETURN n LIMIT 5'],
  ['SHOW INDEXES'],
];

describe('POST /api/cypher', () => {
  const db = testDatabase();
  let server: Server;
  let base: string;
  let before_: Fingerprint;
  const cypher = async (query: string, params?: Record<string, unknown>, at = base) => {
    const res = await fetch(`${at}/api/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, params }) });
    return { status: res.status, body: (await res.json()) as CypherResult & { error?: { code: string; message: string } } };
  };
  const listen = async (perMinute: number) => {
    const s = createApp({ db, logger: createLogger('silent'), cypherPerMinute: perMinute }).listen(0, '127.0.0.1');
    await new Promise((r) => s.once('listening', r));
    return { s, url: `http://127.0.0.1:${(s.address() as AddressInfo).port}` };
  };

  before(async () => {
    await resetGraph(db);
    await applySchema(db);
    await loadPaths(db, [SEEDS_DIR]);
    await db.read((tx) => tx.run('CALL db.awaitIndexes(60)'));
    before_ = await fingerprint(db);
    const { s, url } = await listen(100_000);
    server = s;
    base = url;
  });
  after(async () => {
    server?.close();
    await db.close();
  });

  it(`refuses ${HOSTILE.length} hostile queries with a clear code, leaving the database unchanged`, async () => {
    for (const query of HOSTILE) {
      const { status, body } = await cypher(query);
      assert.ok(status === 403 || status === 400, `${JSON.stringify(query)} answered ${status}`);
      assert.equal(body.error?.code, 'CYPHER_REFUSED', `${JSON.stringify(query)}: ${JSON.stringify(body)}`);
      assert.ok(body.error.message.length > 10);
    }
    assert.deepEqual(await fingerprint(db), before_);
    const users = await db.read(async (tx) => (await tx.run('MATCH (n:X) RETURN count(n) AS n')).records[0]!.get('n') as number);
    assert.equal(users, 0);
  });

  it('stops runaway reads at the time limit', async () => {
    for (const query of RUNAWAY) {
      const { status, body } = await cypher(query);
      assert.equal(status, 408, `${query}: ${JSON.stringify(body)}`);
      assert.equal(body.error?.code, 'CYPHER_TIMEOUT');
    }
  });

  it(`runs ${LEGITIMATE.length} legitimate reads, as table and graph`, async () => {
    for (const [query, params] of LEGITIMATE) {
      const { status, body } = await cypher(query, params);
      assert.equal(status, 200, `${query}: ${JSON.stringify(body.error)}`);
      assert.ok(Array.isArray(body.columns) && Array.isArray(body.rows), query);
      assert.equal(body.truncated, false);
    }
    const path = await cypher(LEGITIMATE[4]![0]);
    assert.ok(path.body.graph.nodes.length >= 2 && path.body.graph.edges.length >= 1, 'a path comes back as a graph');
    const neighbours = await cypher(LEGITIMATE[2]![0]);
    assert.ok(neighbours.body.graph.nodes.some((n) => n.attributes.label === 'Wang Yi'));
    assert.deepEqual((await cypher('UNWIND [1, 2, 3] AS x RETURN x * 2 AS y')).body.rows, [[2], [4], [6]]);
  });

  it('gives each relationship its ends by key, and each path its relationships, so the way they point can be read', async () => {
    type Rel = CypherRelationshipValue;
    type Node = CypherNodeValue;
    const blinken = "MATCH (a:Person {name: 'Antony Blinken'})";
    // The relationship comes before its nodes in the row: its ends are keyed all the same.
    const rows = (await cypher(`${blinken}-[r]->(b) RETURN r, a, b ORDER BY b.name LIMIT 3`)).body;
    assert.ok(rows.rows.length > 0);
    for (const [r, a, b] of rows.rows as [Rel, Node, Node][]) {
      assert.equal(r.start, a.node);
      assert.equal(r.end, b.node);
      const edge = rows.graph.edges.find((e) => e.key === r.relationship);
      assert.deepEqual([edge?.source, edge?.target], [r.start, r.end], 'the same ends as the edge in the graph');
    }
    // Without its nodes in the result, a relationship still names its ends, by the keys the rest of the API uses.
    const alone = (await cypher(`${blinken}-[r]->(b) RETURN r ORDER BY b.name LIMIT 3`)).body;
    assert.equal(alone.graph.nodes.length, 0);
    assert.deepEqual(
      (alone.rows as [Rel][]).map(([r]) => [r.start, r.end]),
      (rows.rows as [Rel, Node, Node][]).map(([, a, b]) => [a.node, b.node]),
    );
    const [[listed]] = (await cypher(`${blinken}-[r]->(b) RETURN collect(r)[0..1] AS rs`)).body.rows as [[Rel[]]];
    assert.equal(listed![0]!.start, 'person:antony-blinken', 'inside a list too');

    // A path walked against a relationship: the path says where it walks, the relationship where it points.
    const walked = (await cypher("MATCH p = (b)<-[:MET]-(:Person {name: 'Antony Blinken'}) RETURN p, b LIMIT 1")).body;
    const [path, b] = walked.rows[0] as [CypherPathValue, Node];
    assert.deepEqual(path.path, [b.node, 'person:antony-blinken']);
    assert.equal(path.relationships.length, 1);
    assert.deepEqual([path.relationships[0]!.type, path.relationships[0]!.start, path.relationships[0]!.end], ['MET', 'person:antony-blinken', b.node]);
    const forwards = (await cypher(LEGITIMATE[4]![0])).body.rows[0]![0] as CypherPathValue;
    assert.equal(forwards.relationships.length, forwards.path.length - 1);
    forwards.relationships.forEach((rel, i) => {
      const hop = [forwards.path[i], forwards.path[i + 1]];
      assert.ok(
        (rel.start === hop[0] && rel.end === hop[1]) || (rel.start === hop[1] && rel.end === hop[0]),
        `relationship ${i} joins path nodes ${i} and ${i + 1}`,
      );
    });
  });

  it('caps rows and says so', async () => {
    const { body } = await cypher('UNWIND range(1, 5000) AS x RETURN x');
    assert.equal(body.rows.length, 1000);
    assert.equal(body.truncated, true);
  });

  it('answers bad input and too many queries in the shared error vocabulary', async () => {
    const empty = await cypher('   ');
    assert.equal(empty.status, 400);
    assert.equal(empty.body.error?.code, 'BAD_REQUEST');
    const syntax = await cypher('MATCH (n RETURN n');
    assert.equal(syntax.status, 400);
    assert.equal(syntax.body.error?.code, 'CYPHER_INVALID');
    assert.doesNotMatch(JSON.stringify(syntax.body), /at .*\.(js|ts):\d+/);

    const limited = await listen(3);
    try {
      for (let i = 0; i < 3; i++) assert.equal((await cypher('RETURN 1', undefined, limited.url)).status, 200);
      const over = await cypher('RETURN 1', undefined, limited.url);
      assert.equal(over.status, 429);
      assert.equal(over.body.error?.code, 'RATE_LIMITED');
    } finally {
      limited.s.close();
    }
  });

  it('runs through `newsgraph query` with the same guard', async () => {
    const env = cliEnv();
    const ok = runCli(
      ['query', 'MATCH (p:Person {name: $name}) RETURN p.name AS name, $n + 1 AS next', '--param', 'name=Wang Yi', '--param', 'n=41', '--format', 'csv'],
      env,
    );
    assert.equal(await ok.exited, 0, ok.stderr());
    assert.equal(ok.stdout(), 'name,next\nWang Yi,42\n');
    const table = runCli(['query', 'MATCH (p:Person) RETURN p.name AS name ORDER BY name LIMIT 2'], env);
    assert.equal(await table.exited, 0);
    assert.match(table.stdout(), /^name\s*\n-+\n/);
    const refused = runCli(['query', 'MATCH (n) DETACH DELETE n'], env);
    assert.equal(await refused.exited, 1);
    assert.match(refused.stderr(), /error\[CYPHER_REFUSED\]: Only read queries run here/);
    assert.deepEqual(await fingerprint(db), before_);
  });
});
