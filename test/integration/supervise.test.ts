/**
 * The embedded Neo4j under supervision, against real JVMs: `kill -9` of the JVM of a running
 * `newsgraph serve` is an outage (503 at once), not the end of the server, and it heals by itself.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Health } from '../../common/api.js';
import { runningEmbedded, type RunningEmbedded } from '../../server/db/embedded.js';
import { isAlive, javaChildren, runCli, waitForUrl, waitUntil } from '../helpers/process.js';
import { tempDirs } from '../helpers/temp.js';

async function timed(url: string): Promise<{ status: number; body: unknown; ms: number }> {
  const started = Date.now();
  const res = await fetch(url);
  return { status: res.status, body: await res.json(), ms: Date.now() - started };
}

/** Every file and folder under `dir` with its permission bits. */
function modes(dir: string): [string, number, boolean][] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((rel) => {
    const stat = statSync(path.join(dir, rel));
    return [rel, stat.mode & 0o777, stat.isDirectory()];
  });
}

const ABSOLUTE_PATH = /(^|[\s'"(:])\/[\w.-]+\//;

describe('a supervised embedded Neo4j', () => {
  const temps = tempDirs('newsgraph-supervise');
  after(() => temps.cleanup());
  const data = temps.make();
  const home = path.join(data, 'neo4j');
  // A home from before store files were private: a loose folder and file the launcher must close up.
  mkdirSync(path.join(home, 'old'), { recursive: true, mode: 0o755 });
  chmodSync(home, 0o755);
  writeFileSync(path.join(home, 'old', 'notes.txt'), 'x', { mode: 0o644 });
  const run = runCli(['serve'], {
    ...process.env,
    PORT: '0',
    NEO4J_BOLT_PORT: '0',
    NEWSGRAPH_DATA: data,
    NEO4J_URI: '',
    NEO4J_PASSWORD: '',
    LOG_LEVEL: 'info',
  });
  let base = '';
  let first: RunningEmbedded;
  after(() => run.child.kill('SIGKILL'));

  it('keeps everything it writes private to its user', async () => {
    base = await waitForUrl(run);
    const all = modes(home);
    for (const rel of ['password', path.join('logs', 'debug.log'), path.join('data', 'databases', 'neo4j', 'neostore.counts.db')]) {
      assert.ok(
        all.some(([r]) => r === rel),
        `${rel} exists`,
      );
    }
    for (const [rel, mode] of all) assert.equal(mode & 0o077, 0, `${rel} is ${mode.toString(8)}, open to others`);
    assert.equal(statSync(home).mode & 0o777, 0o700);
    assert.ok(
      all.filter(([, , dir]) => !dir).every(([, mode]) => (mode & 0o700) === 0o600),
      'files are 0600',
    );
  });

  it('survives a query that exhausts its heap', async () => {
    const [jvm] = javaChildren(run.child.pid!);
    const res = await fetch(`${base}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: "RETURN size(reduce(s = 'x', i IN range(1, 30) | s + s)) AS n" }),
    });
    assert.notEqual(res.status, 200, await res.clone().text());
    // Not exiting on OutOfMemoryError: the same JVM answers on, with no restart in between.
    assert.deepEqual(javaChildren(run.child.pid!), [jvm]);
    assert.equal((await timed(`${base}/api/health`)).status, 200);
    assert.equal((await timed(`${base}/api/stats`)).status, 200);
    assert.doesNotMatch(run.stdout(), /restarting it/);
  });

  it('answers 503 at once when the JVM is killed, keeps serving, and comes back by itself', async () => {
    first = runningEmbedded(home)!;
    assert.ok(first, 'running.json describes the running Neo4j');
    const [jvm] = javaChildren(run.child.pid!);
    assert.equal(jvm, first.pid);
    assert.equal((await timed(`${base}/api/health`)).status, 200);

    process.kill(jvm!, 'SIGKILL');
    await waitUntil(() => !isAlive(jvm!), 5_000, 'the JVM to die');
    const health = await timed(`${base}/api/health`);
    assert.equal(health.status, 503);
    assert.ok(health.ms <= 1_000, `health took ${health.ms} ms`);
    const error = (health.body as Health).neo4j.error!;
    assert.equal(error.code, 'NEO4J_UNAVAILABLE');
    assert.doesNotMatch(error.message, ABSOLUTE_PATH, 'no server path in what clients see');
    const stats = await timed(`${base}/api/stats`);
    assert.equal(stats.status, 503);
    assert.ok(stats.ms <= 1_000, `stats took ${stats.ms} ms`);
    assert.equal((stats.body as { error: { code: string } }).error.code, 'NEO4J_UNAVAILABLE');
    assert.equal(run.child.exitCode, null, 'newsgraph is still running');
    // Other commands still find this Neo4j (and wait for it) rather than start a second one on the data.
    assert.equal(runningEmbedded(home)?.uri, first.uri);

    await waitUntil(async () => (await timed(`${base}/api/health`)).status === 200, 120_000, 'health to come back');
    const back = await timed(`${base}/api/stats`);
    assert.equal(back.status, 200);
    assert.equal((back.body as { nodes: Record<string, number> }).nodes.Document, 2, 'the same data');
    const now = runningEmbedded(home)!;
    assert.equal(now.uri, first.uri, 'same Bolt port');
    assert.notEqual(now.pid, first.pid);
    assert.deepEqual(javaChildren(run.child.pid!), [now.pid]);
    assert.match(run.stdout(), /was killed \(SIGKILL\); restarting it/);
    assert.match(run.stdout(), /The embedded Neo4j is back at/);
    // What the restarted JVM wrote is private too.
    for (const [rel, mode] of modes(home)) assert.equal(mode & 0o077, 0, `${rel} is ${mode.toString(8)} after the restart`);
  });

  it('leaves no JVM behind on Ctrl-C during a restart', async () => {
    const [jvm] = javaChildren(run.child.pid!);
    process.kill(jvm!, 'SIGKILL');
    let restarting: number | undefined;
    await waitUntil(
      () => {
        restarting = javaChildren(run.child.pid!).find((pid) => pid !== jvm && isAlive(pid));
        return restarting !== undefined;
      },
      30_000,
      'a new JVM to be started',
    );
    assert.equal((await timed(`${base}/api/health`)).status, 503, 'not ready yet');
    run.child.kill('SIGINT');
    assert.equal(await run.exited, 0);
    assert.ok(!isAlive(restarting!), 'the JVM being started is gone');
    assert.equal(runningEmbedded(home), null, 'running.json is gone');
    assert.match(readFileSync(path.join(home, 'password'), 'utf8'), /\S{24}/);
  });
});

describe('newsgraph neo4j', () => {
  const temps = tempDirs('newsgraph-supervise-neo4j');
  after(() => temps.cleanup());

  it('restarts its JVM on the same port when it dies, and stops it on Ctrl-C', async () => {
    const data = temps.make();
    const run = runCli(['neo4j', '--port', '0', '--data', data], { ...process.env, NEO4J_URI: '', NEO4J_PASSWORD: '' });
    try {
      await waitUntil(() => /"ready":true/.test(run.stdout()) || run.child.exitCode !== null, 120_000, 'the ready line');
      const ready = JSON.parse(run.stdout().trim().split('\n')[0]!) as { uri: string };
      const [jvm] = javaChildren(run.child.pid!);
      process.kill(jvm!, 'SIGKILL');
      await waitUntil(() => /The embedded Neo4j is back at/.test(run.stderr()), 120_000, 'the JVM to be restarted');
      assert.equal(run.child.exitCode, null);
      const home = path.join(data, 'neo4j');
      assert.equal(runningEmbedded(home)?.uri, ready.uri, 'same Bolt port');
      const [restarted] = javaChildren(run.child.pid!);
      assert.notEqual(restarted, jvm);
      run.child.kill('SIGINT');
      assert.equal(await run.exited, 0);
      assert.ok(!isAlive(restarted!));
      assert.equal(runningEmbedded(home), null);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
