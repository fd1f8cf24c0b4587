/**
 * `newsgraph serve` as a user runs it: its own embedded Neo4j, or the one NEO4J_URI names.
 * These start real JVMs, so they are the slowest tests.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Health } from '../../common/api.js';
import { startEmbeddedNeo4j } from '../../server/db/embedded.js';
import { tempDirs } from '../helpers/temp.js';
import { freePort, isAlive, javaChildren, runCli, waitForUrl, waitUntil } from '../helpers/process.js';

async function health(base: string): Promise<{ status: number; body: Health }> {
  const res = await fetch(`${base}/api/health`);
  return { status: res.status, body: (await res.json()) as Health };
}

describe('newsgraph serve', () => {
  const temps = tempDirs('newsgraph-serve');
  const tempDir = temps.make;
  after(() => temps.cleanup());

  it('starts its embedded Neo4j, serves the page, and leaves no java behind on Ctrl-C', async () => {
    const data = tempDir();
    const run = runCli(['serve'], { ...process.env, PORT: '0', NEO4J_BOLT_PORT: '0', NEWSGRAPH_DATA: data, NEO4J_URI: '', NEO4J_PASSWORD: '' });
    try {
      const base = await waitForUrl(run);
      assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
      const { status, body } = await health(base);
      assert.equal(status, 200);
      assert.equal(body.neo4j.embedded, true);
      assert.equal(body.neo4j.connected, true);
      assert.ok(existsSync(path.join(data, 'neo4j', 'password')));
      const page = await fetch(base);
      assert.match(await page.text(), /<title>newsgraph<\/title>/);
      // A new user meets the example graph: the seeds are in before the URL is printed.
      const stats = (await (await fetch(`${base}/api/stats`)).json()) as { nodes: Record<string, number> };
      assert.equal(stats.nodes.Document, 2);
      assert.ok((stats.nodes.Person ?? 0) >= 5);

      // A second command on the same data (the export, in another terminal) joins this Neo4j.
      const out = path.join(tempDir(), 'blinken.graphml');
      const exported = runCli(['export', '--format', 'graphml', '--around', 'Antony Blinken', '--depth', '1', '--out', out], {
        ...process.env,
        NEWSGRAPH_DATA: data,
        NEO4J_URI: '',
        NEO4J_PASSWORD: '',
      });
      assert.equal(await exported.exited, 0, exported.stderr());
      assert.match(exported.stderr(), /Using the embedded Neo4j already running on this data/);
      assert.match(readFileSync(out, 'utf8'), />Wang Xiaohong<\/data>/);

      const jvms = javaChildren(run.child.pid!);
      assert.equal(jvms.length, 1, 'exactly one embedded JVM');
      run.child.kill('SIGINT');
      assert.equal(await run.exited, 0);
      await waitUntil(() => !isAlive(jvms[0]!), 30_000, 'the embedded JVM to exit');
      await waitUntil(() => !existsSync(path.join(data, 'neo4j', 'running.json')), 5_000, 'running.json to go with it');
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('leaves no orphan JVM when it is killed outright', async () => {
    const run = runCli(['serve'], { ...process.env, PORT: '0', NEO4J_BOLT_PORT: '0', NEWSGRAPH_DATA: tempDir(), NEO4J_URI: '', NEO4J_PASSWORD: '' });
    await waitForUrl(run);
    const [jvm] = javaChildren(run.child.pid!);
    assert.ok(jvm, 'an embedded JVM runs');
    run.child.kill('SIGKILL');
    await run.exited;
    await waitUntil(() => !isAlive(jvm), 30_000, 'the orphaned JVM to shut itself down');
  });

  it('uses the Neo4j NEO4J_URI names, starts none of its own, recovers when that Neo4j comes up, and says 503 within a second when it goes', async () => {
    const boltPort = await freePort();
    const data = tempDir();
    const password = 'second-neo4j-pass';
    const run = runCli(['serve'], {
      ...process.env,
      PORT: '0',
      NEO4J_URI: `bolt://127.0.0.1:${boltPort}`,
      NEO4J_PASSWORD: password,
      NEWSGRAPH_DATA: data,
    });
    let second: Awaited<ReturnType<typeof startEmbeddedNeo4j>> | undefined;
    try {
      const base = await waitForUrl(run);
      const down = await health(base);
      assert.equal(down.status, 503);
      assert.equal(down.body.neo4j.error?.code, 'NEO4J_UNAVAILABLE');
      assert.equal(down.body.neo4j.uri, `bolt://127.0.0.1:${boltPort}`);
      assert.deepEqual(javaChildren(run.child.pid!), [], 'no JVM of its own');
      assert.ok(!existsSync(path.join(data, 'neo4j')), 'no embedded data dir');

      const secondHome = path.join(tempDir(), 'neo4j');
      const startSecond = () => startEmbeddedNeo4j({ home: secondHome, boltPort, heap: '256m', pageCache: '16m', password });
      second = await startSecond();
      await waitUntil(async () => (await health(base)).status === 200, 30_000, 'health to recover');
      const up = await health(base);
      assert.equal(up.body.neo4j.embedded, false);
      // The schema is applied once that Neo4j is there.
      await waitUntil(
        async () => {
          const res = await fetch(`${base}/api/stats`);
          return res.status === 200 && 'Entity' in ((await res.json()) as { nodes: object }).nodes;
        },
        30_000,
        'the schema to be applied',
      );

      // That Neo4j goes away: no waiting out the driver's retries, every route says so within a second.
      await second.stop();
      for (const route of ['/api/health', '/api/stats', '/api/health']) {
        const started = Date.now();
        const res = await fetch(`${base}${route}`);
        const ms = Date.now() - started;
        assert.equal(res.status, 503, route);
        assert.ok(ms <= 1_000, `${route} took ${ms} ms to say 503`);
      }
      // And it comes back on the same port: so does newsgraph, without a restart.
      second = await startSecond();
      await waitUntil(async () => (await health(base)).status === 200, 30_000, 'health to recover again');
      assert.equal((await fetch(`${base}/api/stats`)).status, 200);
      run.child.kill('SIGTERM');
      assert.equal(await run.exited, 0);
    } finally {
      run.child.kill('SIGKILL');
      await second?.stop();
    }
  });

  it('says clearly when its HTTP port is taken', async () => {
    const { uri, user, password } = { uri: process.env.NEWSGRAPH_TEST_NEO4J_URI!, user: 'neo4j', password: process.env.NEWSGRAPH_TEST_NEO4J_PASSWORD! };
    const first = runCli(['serve', '--no-seed'], { ...process.env, PORT: '0', NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password });
    try {
      const port = new URL(await waitForUrl(first)).port;
      const second = runCli(['serve', '--no-seed'], { ...process.env, PORT: port, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password });
      assert.equal(await second.exited, 1);
      assert.match(second.stderr(), new RegExp(`error\\[PORT_IN_USE\\]: Port ${port} on 127.0.0.1 is already in use`));
    } finally {
      first.child.kill('SIGTERM');
      await first.exited;
    }
  });
});
