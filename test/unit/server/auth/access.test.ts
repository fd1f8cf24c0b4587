/** Access control's pure parts: roles, tokens, the loopback rule, the Host allowlist and the settings. */
import assert from 'node:assert/strict';
import os from 'node:os';
import { describe, it } from 'node:test';
import { assertSafeToListen, hostAllowed, hostAllowlist, isLoopbackAddress } from '../../../../server/auth/hosts.js';
import { roleAllows, ROLES } from '../../../../server/auth/roles.js';
import { generateToken, generateTokenId, hashToken, looksLikeToken, sameHash } from '../../../../server/auth/tokens.js';
import { loadConfig } from '../../../../server/config.js';
import { AppError } from '../../../../server/errors.js';

describe('roles', () => {
  it('orders reader < editor < admin, each allowed what the ones below are', () => {
    assert.deepEqual([...ROLES], ['reader', 'editor', 'admin']);
    const allowed = ROLES.flatMap((have) => ROLES.filter((need) => roleAllows(have, need)).map((need) => `${have}>=${need}`));
    assert.deepEqual(allowed, ['reader>=reader', 'editor>=reader', 'editor>=editor', 'admin>=reader', 'admin>=editor', 'admin>=admin']);
  });
});

describe('tokens', () => {
  it('are 32 random bytes behind a prefix, never the same twice', () => {
    const tokens = Array.from({ length: 50 }, generateToken);
    assert.equal(new Set(tokens).size, 50);
    for (const t of tokens) {
      assert.match(t, /^ng_[A-Za-z0-9_-]{43}$/);
      assert.equal(Buffer.from(t.slice(3), 'base64url').length, 32);
      assert.ok(looksLikeToken(t));
    }
    assert.match(generateTokenId(), /^[0-9a-f]{12}$/);
  });

  it('refuses anything that cannot be a token before any lookup', () => {
    for (const bad of ['', 'ng_', 'x'.repeat(46), `ng_${'a'.repeat(42)}`, `ng_${'a'.repeat(44)}`, `ng_${'a'.repeat(42)}=`, `ng_${'a'.repeat(42)} `]) {
      assert.equal(looksLikeToken(bad), false, bad);
    }
  });

  it('are stored as SHA-256 and compared in constant time', () => {
    assert.equal(hashToken('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const h = hashToken(generateToken());
    assert.equal(sameHash(h, h), true);
    assert.equal(sameHash(h, hashToken('other')), false);
    assert.equal(sameHash(h, h.slice(0, 10)), false);
    assert.equal(sameHash('', ''), false);
  });
});

describe('listening off loopback', () => {
  it('tells loopback addresses from the rest', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])
      assert.equal(isLoopbackAddress(h), true, h);
    for (const h of ['0.0.0.0', '::', '[::]', '192.0.2.2', '10.0.0.1', 'fd00::2', '::ffff:10.0.0.1', 'example.com', 'localhost.example.com'])
      assert.equal(isLoopbackAddress(h), false, h);
  });

  it('refuses a non-loopback address without access control, with how to turn it on and make a token', () => {
    for (const host of ['0.0.0.0', '::', '192.0.2.2']) {
      assert.throws(
        () => assertSafeToListen(host, false),
        (err: unknown) =>
          err instanceof AppError &&
          err.code === 'AUTH_REQUIRED' &&
          /NEWSGRAPH_AUTH=on/.test(err.message) &&
          /--auth/.test(err.message) &&
          /tokens create/.test(err.message),
      );
      assert.doesNotThrow(() => assertSafeToListen(host, true));
    }
    assert.doesNotThrow(() => assertSafeToListen('127.0.0.1', false));
  });
});

describe('Host allowlist', () => {
  it('answers the loopback names on any port by default, and no other name', () => {
    const list = hostAllowlist('127.0.0.1');
    for (const h of ['localhost', 'localhost:3000', 'LocalHost:80', '127.0.0.1:5173', '[::1]:3000', 'localhost.']) assert.equal(hostAllowed(h, list), true, h);
    // A DNS rebinding page keeps its own name in Host, and an address other than the bound one is not ours.
    for (const h of ['evil.example', 'evil.example:3000', 'localhost.evil.example', '192.0.2.2:3000', '', undefined])
      assert.equal(hostAllowed(h, list), false, String(h));
  });

  it('adds the bound address, NEWSGRAPH_ALLOWED_HOSTS, and * for any', () => {
    const list = hostAllowlist('192.0.2.2', ['news.example', ' [fd00::2]:3000 ', 'FD00::3']);
    for (const h of ['192.0.2.2:3000', 'news.example', 'NEWS.example:8080', '[fd00::2]', '[fd00::3]:1']) assert.equal(hostAllowed(h, list), true, h);
    assert.equal(hostAllowed('192.0.2.3', list), false);
    assert.equal(hostAllowed('evil.example', hostAllowlist('127.0.0.1', ['*'])), true);
  });

  it("on every interface, answers any IP address and the machine's name, but no other name", () => {
    for (const bound of ['0.0.0.0', '::']) {
      const list = hostAllowlist(bound);
      for (const h of ['192.0.2.2:3000', '[fd00::2]:3000', '10.1.2.3', os.hostname()]) assert.equal(hostAllowed(h, list), true, h);
      assert.equal(hostAllowed('evil.example:3000', list), false);
    }
  });
});

describe('access settings', () => {
  it('are off, loopback names only and no proxy trusted by default', () => {
    assert.deepEqual(loadConfig({}).access, { auth: false, allowedHosts: [], trustProxy: undefined });
  });

  it('read NEWSGRAPH_AUTH, NEWSGRAPH_ALLOWED_HOSTS and NEWSGRAPH_TRUST_PROXY', () => {
    for (const on of ['on', 'true', '1', 'yes']) assert.equal(loadConfig({ NEWSGRAPH_AUTH: on }).access.auth, true);
    for (const off of ['off', 'false', '0', 'no']) assert.equal(loadConfig({ NEWSGRAPH_AUTH: off }).access.auth, false);
    assert.deepEqual(loadConfig({ NEWSGRAPH_ALLOWED_HOSTS: 'a.example, b.example:3000,,' }).access.allowedHosts, ['a.example', 'b.example:3000']);
    assert.equal(loadConfig({ NEWSGRAPH_TRUST_PROXY: '1' }).access.trustProxy, 1);
    assert.equal(loadConfig({ NEWSGRAPH_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).access.trustProxy, 'loopback, 10.0.0.0/8');
  });

  it('name the variable that is wrong; never trust every proxy', () => {
    for (const [env, pattern] of [
      [{ NEWSGRAPH_AUTH: 'maybe' }, /NEWSGRAPH_AUTH must be on or off/],
      [{ NEWSGRAPH_TRUST_PROXY: 'true' }, /NEWSGRAPH_TRUST_PROXY/],
      [{ NEWSGRAPH_TRUST_PROXY: 'everyone' }, /NEWSGRAPH_TRUST_PROXY/],
    ] as const) {
      assert.throws(
        () => loadConfig(env),
        (err: unknown) => err instanceof AppError && err.code === 'BAD_CONFIG' && pattern.test(err.message),
      );
    }
  });
});
