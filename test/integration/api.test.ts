import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { MultiDirectedGraph } from 'graphology';
import type { Health, Stats } from '../../common/api.js';
import type { SerializedGraph } from '../../common/graph.js';
import { Database } from '../../server/db/database.js';
import { applySchema } from '../../server/db/schema.js';
import { createApp } from '../../server/http/app.js';
import { createLogger } from '../../server/logger.js';
import { freePort } from '../helpers/process.js';
import { resetGraph, testDatabase } from '../helpers/neo4j.js';

async function listen(db: Database): Promise<{ server: Server; base: string }> {
  const app = createApp({ db, logger: createLogger('silent') });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('HTTP API on a real Neo4j', () => {
  const db = testDatabase();
  let server: Server;
  let base: string;

  before(async () => {
    await resetGraph(db);
    await applySchema(db);
    await db.write((tx) =>
      tx.run(`CREATE (b:Newsgraph:Entity:Person {id: 'person:antony-blinken', name: 'Antony Blinken'}),
                     (w:Newsgraph:Entity:Person {id: 'person:wang-yi', name: 'Wang Yi'}),
                     (m:Newsgraph:Entity:Institution {id: 'institution:mfa', name: "China's Ministry of Foreign Affairs", kind: 'ministry'}),
                     (d:Newsgraph:Document {id: 'doc:1', title: 'Seed'}),
                     (b)-[:MET {documents: 1}]->(w), (w)-[:HOLDS_ROLE {title: 'Foreign Minister'}]->(m),
                     (b)-[:MENTIONED_IN {count: 3}]->(d)`),
    );
    ({ server, base } = await listen(db));
  });
  after(async () => {
    server.close();
    await db.close();
  });

  it('GET /api/health says Neo4j is connected, with version and edition', async () => {
    const res = await fetch(`${base}/api/health`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as Health;
    assert.equal(body.status, 'ok');
    assert.equal(body.neo4j.connected, true);
    assert.match(body.neo4j.version ?? '', /^5\.26/);
    assert.equal(body.neo4j.edition, 'community');
  });

  it('GET /api/stats counts nodes by label and relationships by type', async () => {
    const body = (await (await fetch(`${base}/api/stats`)).json()) as Stats;
    assert.equal(body.nodes.Person, 2);
    assert.equal(body.nodes.Entity, 3);
    assert.equal(body.nodes.Document, 1);
    assert.deepEqual(body.relationships, { HOLDS_ROLE: 1, MENTIONED_IN: 1, MET: 1 });
  });

  it('GET /api/graph returns an overview in graphology serialized form, documents left out', async () => {
    const body = (await (await fetch(`${base}/api/graph?limit=10`)).json()) as SerializedGraph;
    const graph = new MultiDirectedGraph();
    graph.import(body);
    assert.deepEqual(graph.nodes().sort(), ['institution:mfa', 'person:antony-blinken', 'person:wang-yi']);
    assert.ok(graph.hasEdge('person:antony-blinken', 'person:wang-yi'));
    assert.equal(graph.getNodeAttribute('person:wang-yi', 'kind'), 'Person');
    assert.equal(graph.size, 2);
  });

  it('counts and names the entities linked to nothing instead of drawing them in the overview', async () => {
    await db.write((tx) =>
      tx.run("MATCH (d:Document {id: 'doc:1'}) CREATE (:Newsgraph:Entity:Place {id: 'place:nowhere', name: 'Nowhere'})-[:MENTIONED_IN {count: 1}]->(d)"),
    );
    try {
      const body = (await (await fetch(`${base}/api/graph?limit=10`)).json()) as SerializedGraph;
      assert.ok(!body.nodes.some((n) => n.key === 'place:nowhere'), 'not drawn');
      assert.deepEqual(body.attributes.unlinked, { total: 1, entities: [{ id: 'place:nowhere', name: 'Nowhere', kind: 'Place' }] });
    } finally {
      await db.write((tx) => tx.run("MATCH (n {id: 'place:nowhere'}) DETACH DELETE n"));
    }
  });

  it('caps the overview at the limit, best-connected first', async () => {
    const body = (await (await fetch(`${base}/api/graph?limit=1`)).json()) as SerializedGraph;
    assert.deepEqual(
      body.nodes.map((n) => n.key),
      ['person:wang-yi'],
    );
  });

  it('answers bad input and unknown routes as {error:{code,message}}', async () => {
    const bad = await fetch(`${base}/api/graph?limit=-3`);
    assert.equal(bad.status, 400);
    const badBody = (await bad.json()) as { error: { code: string; message: string } };
    assert.equal(badBody.error.code, 'BAD_REQUEST');
    assert.match(badBody.error.message, /limit/);

    const missing = await fetch(`${base}/api/nothing-here`);
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), { error: { code: 'NOT_FOUND', message: 'No API route for GET /nothing-here.' } });

    const broken = await fetch(`${base}/api/graph`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    assert.equal(broken.status, 400);
    const text = await broken.text();
    assert.match(text, /"code":"(BAD_REQUEST|NOT_FOUND)"/);
    assert.doesNotMatch(text, /at .*\.(js|ts):\d+/);
  });

  it('sends security headers, no CORS grant, and refuses oversized bodies', async () => {
    const res = await fetch(`${base}/api/health`, { headers: { origin: 'https://elsewhere.example' } });
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(res.headers.get('x-powered-by'), null);
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    const big = await fetch(`${base}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'RETURN 1', params: { x: 'a'.repeat(2 * 1024 * 1024) } }),
    });
    assert.equal(big.status, 413);
    assert.equal(((await big.json()) as { error: { code: string } }).error.code, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 503 with the reason while Neo4j is unreachable', async () => {
    const down = new Database({ uri: `bolt://127.0.0.1:${await freePort()}`, user: 'neo4j', password: 'whatever1' });
    const other = await listen(down);
    try {
      const health = await fetch(`${other.base}/api/health`);
      assert.equal(health.status, 503);
      const body = (await health.json()) as Health;
      assert.equal(body.neo4j.connected, false);
      assert.equal(body.neo4j.error?.code, 'NEO4J_UNAVAILABLE');
      const stats = await fetch(`${other.base}/api/stats`);
      assert.equal(stats.status, 503);
      assert.equal(((await stats.json()) as { error: { code: string } }).error.code, 'NEO4J_UNAVAILABLE');
    } finally {
      other.server.close();
      await down.close();
    }
  });
});
