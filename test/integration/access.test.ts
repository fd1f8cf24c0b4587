/**
 * Access control against the real Neo4j: tokens stored as hashes and shown once, bearer and cookie
 * sign-in, the role check, revocation at once, tokens kept out of the news graph's reads, the
 * `newsgraph tokens` command, and `newsgraph serve` refusing to listen off loopback without it.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import { pinoHttp } from 'pino-http';
import type { SessionInfo } from '../../common/api.js';
import type { SerializedGraph } from '../../common/graph.js';
import { createToken, hasActiveTokens, listTokens, revokeToken, verifyToken } from '../../server/auth/store.js';
import { hashToken } from '../../server/auth/tokens.js';
import { identify, requireRole } from '../../server/http/access.js';
import { createApp } from '../../server/http/app.js';
import { errorHandler } from '../../server/http/errors.js';
import { deleteNewsgraphData } from '../../server/ingest/write.js';
import { createLogger } from '../../server/logger.js';
import { request } from '../helpers/http.js';
import { cliEnv, testDatabase } from '../helpers/neo4j.js';
import { runCli, waitForUrl, waitUntil } from '../helpers/process.js';
import { loadGraph } from '../helpers/seeded.js';
import { tempDirs } from '../helpers/temp.js';
import { dropTokens } from '../helpers/tokens.js';

async function listen(app: express.Express): Promise<{ base: string; server: Server }> {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const code = (res: { json: () => unknown }) => (res.json() as { error: { code: string } }).error.code;

describe('access control on the real Neo4j', () => {
  const db = testDatabase();
  const servers: Server[] = [];
  const temps = tempDirs('newsgraph-access');
  let base: string;
  /** The CLI's environment: the test Neo4j as NEO4J_URI, so no JVM of its own starts. */
  const env = () => cliEnv({ NEWSGRAPH_DATA: temps.make(), NEWSGRAPH_AUTH: '', HOST: '', PORT: '0' });

  before(async () => {
    await loadGraph(db);
    await dropTokens(db);
    const app = await listen(createApp({ db, logger: createLogger('silent'), access: { auth: true } }));
    servers.push(app.server);
    base = app.base;
  });
  after(async () => {
    servers.forEach((s) => s.close());
    await dropTokens(db);
    await db.close();
    temps.cleanup();
  });

  it('stores a token as its SHA-256 only, and lists it without it', async () => {
    assert.equal(await hasActiveTokens(db), false);
    const made = await createToken(db, { role: 'reader', name: 'alice' });
    assert.match(made.token, /^ng_/);
    const stored = await db.read(async (tx) =>
      (await tx.run('MATCH (n) WHERE any(k IN keys(n) WHERE n[k] = $token) RETURN count(n) AS n', { token: made.token })).records[0]!.get('n'),
    );
    assert.equal(stored, 0, 'the token itself is nowhere in the database');
    const props = await db.read(
      async (tx) =>
        (await tx.run('MATCH (t:NewsgraphToken {id: $id}) RETURN properties(t) AS p', { id: made.id })).records[0]!.get('p') as Record<string, unknown>,
    );
    assert.equal(props.hash, hashToken(made.token));
    assert.deepEqual(Object.keys(props).sort(), ['createdAt', 'hash', 'id', 'name', 'role']);
    const listed = (await listTokens(db)).find((t) => t.id === made.id);
    assert.deepEqual({ ...listed, created: undefined }, { id: made.id, name: 'alice', role: 'reader', created: undefined, lastUsed: null, revoked: null });
    assert.doesNotMatch(JSON.stringify(await listTokens(db)), new RegExp(made.token));
    assert.equal(await hasActiveTokens(db), true);
  });

  it('verifies a live token, records its use, and refuses it at once when revoked', async () => {
    const made = await createToken(db, { role: 'editor' });
    assert.deepEqual(await verifyToken(db, made.token), { role: 'editor', tokenId: made.id, name: null });
    // Written after the answer, so as not to slow it.
    await waitUntil(async () => Boolean((await listTokens(db)).find((t) => t.id === made.id)?.lastUsed), 10_000, 'last used to be recorded');
    assert.equal((await request(base, '/api/stats', { headers: bearer(made.token) })).status, 200);
    assert.deepEqual(await revokeToken(db, made.id), { id: made.id, alreadyRevoked: false });
    assert.equal(await verifyToken(db, made.token), null);
    const after = await request(base, '/api/stats', { headers: bearer(made.token) });
    assert.equal(after.status, 401);
    assert.match(after.body, /revoked/);
    assert.deepEqual(await revokeToken(db, made.id), { id: made.id, alreadyRevoked: true });
    await assert.rejects(revokeToken(db, 'no-such-id'), /NOT_FOUND|No token has the id/);
    // A token of the right shape that was never made.
    assert.equal(await verifyToken(db, `ng_${'A'.repeat(43)}`), null);
  });

  it('lets a reader token read everything the explorer reads, by bearer', async () => {
    const { token } = await createToken(db, { role: 'reader', name: 'reader' });
    const search = await request(base, '/api/search?q=blinken', { headers: bearer(token) });
    assert.equal(search.status, 200);
    assert.ok((search.json() as { results: { name: string }[] }).results.some((r) => r.name === 'Antony Blinken'));
    const cypher = await request(base, '/api/cypher', { method: 'POST', headers: bearer(token), body: { query: 'MATCH (p:Person) RETURN count(p) AS n' } });
    assert.equal(cypher.status, 200);
    for (const path of ['/api/graph', '/api/stats', '/api/documents', '/api/entities/person:antony-blinken', '/api/export?format=json&scope=all']) {
      assert.equal((await request(base, path, { headers: bearer(token) })).status, 200, path);
      assert.equal((await request(base, path)).status, 401, path);
    }
    const session = (await request(base, '/api/session', { headers: bearer(token) })).json() as SessionInfo;
    assert.deepEqual({ ...session, tokenId: typeof session.tokenId }, { auth: true, role: 'reader', name: 'reader', tokenId: 'string' });
    // Signed in, health has its details again.
    const health = (await request(base, '/api/health', { headers: bearer(token) })).json() as { neo4j?: { connected: boolean } };
    assert.equal(health.neo4j?.connected, true);
    assert.deepEqual((await request(base, '/api/health')).json(), { status: 'ok' });
  });

  it('refuses a role below what a route declares with 403 FORBIDDEN', async () => {
    // A write route as uploads and corrections will declare it.
    const app = express();
    app.use(pinoHttp({ logger: createLogger('silent') }));
    app.use(identify(db, true));
    app.post('/write', requireRole('editor'), (_req, res) => res.json({ written: true }));
    app.use(errorHandler);
    const { server, base: writes } = await listen(app);
    servers.push(server);
    const tokens = Object.fromEntries(
      await Promise.all((['reader', 'editor', 'admin'] as const).map(async (role) => [role, (await createToken(db, { role })).token])),
    );
    const reader = await request(writes, '/write', { method: 'POST', headers: bearer(tokens.reader!) });
    assert.equal(reader.status, 403);
    assert.equal(code(reader), 'FORBIDDEN');
    assert.match(reader.body, /editor role; yours has the reader role/);
    for (const role of ['editor', 'admin'])
      assert.equal((await request(writes, '/write', { method: 'POST', headers: bearer(tokens[role]!) })).status, 200, role);
    assert.equal((await request(writes, '/write', { method: 'POST' })).status, 401);
  });

  it('signs in with POST /api/session into an HttpOnly, SameSite=Strict cookie that then works, and signs out', async () => {
    const { token } = await createToken(db, { role: 'reader', name: 'browser' });
    const wrong = await request(base, '/api/session', { method: 'POST', body: { token: `ng_${'B'.repeat(43)}` } });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers['set-cookie'], undefined);
    const signIn = await request(base, '/api/session', { method: 'POST', body: { token } });
    assert.equal(signIn.status, 200);
    assert.equal((signIn.json() as SessionInfo).role, 'reader');
    const setCookie = String(signIn.headers['set-cookie']);
    assert.match(setCookie, /^newsgraph_token=ng_[\w-]{43}; Max-Age=604800; Path=\/api; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie.split(';')[0]!;
    assert.equal((await request(base, '/api/search?q=wang', { headers: { cookie } })).status, 200);
    // A bearer token, when given, is the credential, even beside a good cookie.
    assert.equal((await request(base, '/api/stats', { headers: { cookie, authorization: 'Bearer wrong' } })).status, 401);
    const signOut = await request(base, '/api/session', { method: 'DELETE', headers: { cookie } });
    assert.equal(signOut.status, 204);
    assert.match(String(signOut.headers['set-cookie']), /^newsgraph_token=;/);
  });

  it('keeps tokens out of the overview, the stats, exports and a reset', async () => {
    const { token } = await createToken(db, { role: 'admin', name: 'keep-out' });
    const overview = (await request(base, '/api/graph', { headers: bearer(token) })).json() as SerializedGraph;
    assert.ok(overview.nodes.length > 0);
    assert.ok(
      overview.nodes.every((n) => !(n.attributes?.labels as string[]).includes('NewsgraphToken')),
      'no token on the canvas',
    );
    const stats = (await request(base, '/api/stats', { headers: bearer(token) })).json() as { nodes: Record<string, number> };
    assert.equal(stats.nodes.NewsgraphToken, undefined);
    assert.ok(stats.nodes.Person);
    for (const format of ['json', 'csv', 'cypher', 'graphml']) {
      const exported = await request(base, `/api/export?format=${format}&scope=all`, { headers: bearer(token) });
      assert.equal(exported.status, 200, format);
      assert.doesNotMatch(exported.body, /NewsgraphToken|keep-out|hash/, format);
    }
    const before = (await listTokens(db)).length;
    await deleteNewsgraphData(db);
    assert.equal((await listTokens(db)).length, before, '`load --reset` keeps the tokens');
    assert.equal(await db.read(async (tx) => (await tx.run('MATCH (n:Newsgraph) RETURN count(n) AS n')).records[0]!.get('n')), 0);
    await loadGraph(db);
  });

  it('newsgraph tokens create, list and revoke from the command line', async () => {
    const cli = env();
    const created = runCli(['tokens', 'create', '--role', 'reader', '--name', 'cli test', '--json'], cli);
    assert.equal(await created.exited, 0, created.stderr());
    const made = JSON.parse(created.stdout()) as { token: string; id: string; role: string; name: string };
    assert.equal(made.role, 'reader');
    assert.equal(made.name, 'cli test');
    assert.equal((await verifyToken(db, made.token))?.tokenId, made.id);

    const plain = runCli(['tokens', 'create', '--role', 'admin'], cli);
    assert.equal(await plain.exited, 0, plain.stderr());
    assert.match(plain.stdout(), /^ng_[\w-]{43}\n$/, 'only the token on stdout');
    assert.match(plain.stderr(), /shown only this once/);

    const listed = runCli(['tokens', 'list'], cli);
    assert.equal(await listed.exited, 0, listed.stderr());
    assert.match(listed.stdout(), /^id\s+name\s+role\s+created\s+last used\s+revoked/);
    assert.match(listed.stdout(), new RegExp(`${made.id}\\s+cli test\\s+reader`));
    assert.doesNotMatch(listed.stdout(), /ng_/);

    const revoked = runCli(['tokens', 'revoke', made.id], cli);
    assert.equal(await revoked.exited, 0, revoked.stderr());
    assert.equal(await verifyToken(db, made.token), null);
    const json = runCli(['tokens', 'list', '--json'], cli);
    assert.equal(await json.exited, 0);
    assert.ok((JSON.parse(json.stdout()) as { tokens: { id: string; revoked: string | null }[] }).tokens.find((t) => t.id === made.id)?.revoked);

    const unknown = runCli(['tokens', 'revoke', 'nope'], cli);
    assert.equal(await unknown.exited, 1);
    assert.match(unknown.stderr(), /error\[NOT_FOUND\]: No token has the id 'nope'/);
    const badRole = runCli(['tokens', 'create', '--role', 'owner'], cli);
    assert.notEqual(await badRole.exited, 0);
    assert.match(badRole.stderr(), /reader, editor, admin/);
  });

  for (const [how, args, extra] of [
    ['HOST=0.0.0.0', ['serve', '--no-seed'], { HOST: '0.0.0.0' }],
    ['--host 0.0.0.0', ['serve', '--no-seed', '--host', '0.0.0.0'], {}],
    ['--host ::', ['serve', '--no-seed', '--host', '::'], {}],
    ['a LAN address', ['serve', '--no-seed', '--host', '192.0.2.2'], {}],
  ] as const) {
    it(`newsgraph serve refuses to listen off loopback (${how}) without access control: AUTH_REQUIRED`, async () => {
      const run = runCli([...args], { ...env(), ...extra });
      try {
        const exited = await Promise.race([run.exited, new Promise((r) => setTimeout(() => r('still running'), 30_000))]);
        assert.equal(exited, 1, `${run.stdout()}\n${run.stderr()}`);
        assert.match(
          run.stderr(),
          /^newsgraph: error\[AUTH_REQUIRED\]: .*access control off.*NEWSGRAPH_AUTH=on.*--auth.*newsgraph tokens create --role admin/m,
        );
        assert.doesNotMatch(run.stdout(), /ready at/);
      } finally {
        run.child.kill('SIGKILL');
      }
    });
  }

  it('newsgraph serve --auth with no token yet says how to create the first', async () => {
    await dropTokens(db);
    const run = runCli(['serve', '--no-seed', '--auth'], env());
    try {
      const url = await waitForUrl(run, 60_000);
      await waitUntil(() => /no token exists yet/.test(run.stderr()), 20_000, 'the advice on the first token').catch(() => undefined);
      assert.match(run.stderr(), /Access control is on and no token exists yet.*\n\s+npx newsgraph tokens create --role admin/);
      assert.equal((await request(url, '/api/stats')).status, 401);
      run.child.kill('SIGINT');
      assert.equal(await run.exited, 0);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
