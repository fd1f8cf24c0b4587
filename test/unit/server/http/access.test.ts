/**
 * The HTTP side of access control that needs no database: refusals before any token lookup, the Host
 * check, what health tells a stranger, and HSTS and upgrade-insecure-requests over HTTPS only.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { hostAllowlist } from '../../../../server/auth/hosts.js';
import { generateToken } from '../../../../server/auth/tokens.js';
import { Database } from '../../../../server/db/database.js';
import { createApp, type AccessOptions } from '../../../../server/http/app.js';
import { createLogger } from '../../../../server/logger.js';
import { request } from '../../../helpers/http.js';

async function serve(db: Database, access: AccessOptions): Promise<{ base: string; server: Server }> {
  const server = createApp({ db, logger: createLogger('silent'), access }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const code = (res: { json: () => unknown }) => (res.json() as { error: { code: string } }).error.code;

describe('access control over HTTP, without a database', () => {
  // Nothing listens there: a request that reached Neo4j would fail with NEO4J_UNAVAILABLE.
  const db = new Database({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'unused-here' });
  const servers: Server[] = [];
  let secured: string;
  let open: string;
  let proxied: string;
  before(async () => {
    const a = await serve(db, { auth: true });
    const b = await serve(db, {});
    const c = await serve(db, { auth: true, trustProxy: 'loopback' });
    servers.push(a.server, b.server, c.server);
    [secured, open, proxied] = [a.base, b.base, c.base];
  });
  after(async () => {
    servers.forEach((s) => s.close());
    await db.close();
  });

  it('answers 401 UNAUTHENTICATED without a credential, and says how to get one', async () => {
    for (const path of ['/api/stats', '/api/search?q=blinken', '/api/session', '/api/no-such-route']) {
      const res = await request(secured, path);
      assert.equal(res.status, 401, path);
      assert.equal(code(res), 'UNAUTHENTICATED');
      assert.match(res.body, /Bearer/);
      assert.equal(res.headers['www-authenticate'], 'Bearer realm="newsgraph"');
    }
    const post = await request(secured, '/api/cypher', { method: 'POST', body: { query: 'RETURN 1' } });
    assert.equal(post.status, 401);
  });

  it('answers 401 to a credential that cannot be a token, without asking the database', async () => {
    for (const authorization of ['Bearer nonsense', 'Basic dXNlcjpwYXNz', 'Bearer', `Bearer ${generateToken()}x`]) {
      const res = await request(secured, '/api/stats', { headers: { authorization } });
      assert.equal(res.status, 401, authorization);
      assert.match(res.body, /not valid/);
    }
    const cookie = await request(secured, '/api/stats', { headers: { cookie: 'newsgraph_token=nonsense' } });
    assert.equal(cookie.status, 401);
    const signIn = await request(secured, '/api/session', { method: 'POST', body: { token: 'nonsense' } });
    assert.equal(signIn.status, 401);
    assert.equal(signIn.headers['set-cookie'], undefined);
  });

  it('answers 503, not 401, when the database cannot say whether a token is valid', async () => {
    const res = await request(secured, '/api/stats', { headers: { authorization: `Bearer ${generateToken()}` } });
    assert.equal(res.status, 503);
    assert.equal(code(res), 'NEO4J_UNAVAILABLE');
  });

  it('keeps health and the API description open, and health tells a stranger nothing but its status', async () => {
    const health = await request(secured, '/api/health');
    assert.equal(health.status, 503);
    assert.deepEqual(health.json(), { status: 'unavailable' });
    // Access control off (loopback): this machine's user sees the details.
    const local = (await request(open, '/api/health')).json() as { neo4j: { uri: string } };
    assert.equal(local.neo4j.uri, 'bolt://127.0.0.1:1');
    assert.equal((await request(secured, '/api/openapi.json')).status, 200);
  });

  it('signs out by clearing the cookie with the same flags', async () => {
    const res = await request(secured, '/api/session', { method: 'DELETE' });
    assert.equal(res.status, 204);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /^newsgraph_token=;/);
    assert.match(cookie, /Path=\/api/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    assert.match(cookie, /Expires=Thu, 01 Jan 1970/);
    assert.doesNotMatch(cookie, /Secure/);
  });

  it('answers 421 HOST_NOT_ALLOWED to a Host it does not know, page and health included', async () => {
    for (const base of [secured, open]) {
      for (const path of ['/', '/api/health', '/api/stats', '/api/openapi.json']) {
        const res = await request(base, path, { headers: { host: 'rebound.evil.example' } });
        assert.equal(res.status, 421, `${base}${path}`);
        assert.equal(code(res), 'HOST_NOT_ALLOWED');
        assert.match(res.body, /rebound\.evil\.example.*NEWSGRAPH_ALLOWED_HOSTS/);
      }
      assert.equal((await request(base, '/api/openapi.json', { headers: { host: 'localhost:1234' } })).status, 200);
    }
  });

  it('answers the names NEWSGRAPH_ALLOWED_HOSTS adds', async () => {
    const { server, base } = await serve(db, { allowedHosts: hostAllowlist('127.0.0.1', ['news.example']) });
    try {
      assert.equal((await request(base, '/api/openapi.json', { headers: { host: 'news.example:3000' } })).status, 200);
      assert.equal((await request(base, '/api/openapi.json', { headers: { host: 'other.example' } })).status, 421);
    } finally {
      server.close();
    }
  });

  it('sends HSTS, upgrade-insecure-requests and COOP only over HTTPS', async () => {
    const plain = await request(open, '/api/openapi.json');
    assert.equal(plain.headers['strict-transport-security'], undefined);
    assert.doesNotMatch(String(plain.headers['content-security-policy']), /upgrade-insecure-requests/);
    assert.match(String(plain.headers['content-security-policy']), /default-src 'self'/);
    assert.equal(plain.headers['cross-origin-opener-policy'], undefined);
    // A client cannot claim HTTPS itself: X-Forwarded-Proto counts only from a trusted proxy.
    const claimed = await request(open, '/api/openapi.json', { headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(claimed.headers['strict-transport-security'], undefined);
    const viaProxy = await request(proxied, '/api/openapi.json', { headers: { 'x-forwarded-proto': 'https' } });
    assert.match(String(viaProxy.headers['strict-transport-security']), /max-age=\d+/);
    assert.match(String(viaProxy.headers['content-security-policy']), /upgrade-insecure-requests/);
    assert.equal(viaProxy.headers['cross-origin-opener-policy'], 'same-origin');
    const signOut = await request(proxied, '/api/session', { method: 'DELETE', headers: { 'x-forwarded-proto': 'https' } });
    assert.match(String(signOut.headers['set-cookie']), /Secure/);
  });
});
