/**
 * The done-when for access control, in Chromium: `newsgraph serve --auth` opened by a name that
 * is not loopback over plain HTTP (as from another machine) asks for a token, refuses a wrong one, signs
 * in with one the CLI made, and then works; the cookie is HttpOnly and SameSite=Strict, and the API
 * answers 401 without it.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, SCREENSHOTS } from '../helpers/browser.js';
import { openEntityBySearch } from '../helpers/explorer.js';
import { request } from '../helpers/http.js';
import { cliEnv, testDatabase } from '../helpers/neo4j.js';
import { runCli, waitForUrl, waitUntil, type Spawned } from '../helpers/process.js';
import { loadGraph } from '../helpers/seeded.js';
import { tempDirs } from '../helpers/temp.js';
import { dropTokens } from '../helpers/tokens.js';

/** A name that is not loopback, which Chromium resolves to this machine: the Host a LAN user's browser sends. */
const NAME = 'newsgraph.test';

describe('signing in to the explorer with access control on', () => {
  const db = testDatabase();
  const temps = tempDirs('newsgraph-signin');
  let serve: Spawned | undefined;
  let browser: Browser;
  let local: string;
  let base: string;
  const env = () => cliEnv({ NEWSGRAPH_DATA: temps.make(), HOST: '127.0.0.1', PORT: '0', NEWSGRAPH_AUTH: 'on', NEWSGRAPH_ALLOWED_HOSTS: NAME });
  async function createToken(role: string): Promise<{ token: string; id: string }> {
    const run = runCli(['tokens', 'create', '--role', role, '--name', `e2e ${role}`, '--json'], env());
    assert.equal(await run.exited, 0, run.stderr());
    return JSON.parse(run.stdout()) as { token: string; id: string };
  }
  const signInForm = (page: Page) => page.getByRole('heading', { name: 'Sign in' });
  async function signIn(page: Page, token: string): Promise<void> {
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  before(async () => {
    await loadGraph(db);
    await dropTokens(db);
    serve = runCli(['serve', '--no-seed'], env());
    local = await waitForUrl(serve, 60_000);
    base = `http://${NAME}:${new URL(local).port}`;
    browser = await launchBrowser([`--host-resolver-rules=MAP ${NAME} 127.0.0.1`, '--no-proxy-server']);
  });
  after(async () => {
    await browser?.close();
    serve?.child.kill('SIGINT');
    await serve?.exited;
    await dropTokens(db);
    await db.close();
    temps.cleanup();
  });

  it('asks for a token, refuses a wrong one, signs in with one from the CLI, and the explorer works over plain HTTP', async () => {
    // Said once the schema is in place, which may come after the address.
    await waitUntil(() => /no token exists yet/.test(serve!.stderr()), 20_000, `the advice on the first token in:\n${serve!.stderr()}`);
    const { page, errors } = await newPage(browser);
    try {
      const response = await page.goto(base);
      // Sent over plain HTTP, upgrade-insecure-requests sends the page's script to https://, and the page stays blank.
      await signInForm(page).waitFor({ timeout: 20_000 });
      assert.equal(response?.headers()['strict-transport-security'], undefined);
      assert.doesNotMatch(response?.headers()['content-security-policy'] ?? '', /upgrade-insecure-requests/);
      assert.equal(await page.getByRole('combobox', { name: /Search/ }).isVisible(), false, 'the explorer stays hidden');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'signin.png') });

      await signIn(page, 'ng_not-a-real-token');
      await page
        .getByRole('alert')
        .getByText(/That token is not valid: check that it was copied whole/)
        .waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'signin-refused.png') });
      assert.equal((await page.context().cookies()).length, 0);

      const { token } = await createToken('reader');
      await signIn(page, token);
      await page.locator('#graph[data-state="ready"]').waitFor({ timeout: 30_000 });
      await openEntityBySearch(page, 'Blinken', 'Antony Blinken');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'signin-explorer.png') });
      assert.equal(await page.getByRole('button', { name: 'Sign out' }).getAttribute('title'), 'Signed in as e2e reader (reader)');

      const cookies = await page.context().cookies();
      assert.equal(cookies.length, 1);
      const { name, value, httpOnly, sameSite, secure, path: cookiePath } = cookies[0]!;
      assert.deepEqual(
        { name, httpOnly, sameSite, secure, path: cookiePath },
        { name: 'newsgraph_token', httpOnly: true, sameSite: 'Strict', secure: false, path: '/api' },
      );
      assert.equal(await page.evaluate('document.cookie'), '', 'scripts cannot read it');
      // The API without the cookie or a bearer token: 401; with the reader's token as bearer: it reads.
      for (const p of ['/api/search?q=blinken', '/api/graph', '/api/stats']) {
        assert.equal((await request(local, p)).status, 401, p);
        assert.equal((await request(local, p, { headers: { authorization: `Bearer ${token}` } })).status, 200, p);
      }
      assert.equal((await request(local, '/api/stats', { headers: { cookie: `newsgraph_token=${value}` } })).status, 200);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await signInForm(page).waitFor({ timeout: 20_000 });
      assert.equal((await page.context().cookies()).length, 0);
      // The only errors: the browser's notes of the 401s it was meant to get.
      assert.deepEqual(
        errors.filter((e) => !/status of 401/.test(e)),
        [],
      );
    } finally {
      await page.close();
    }
  });

  it('sends a browser back to sign-in once its token is revoked', async () => {
    const { page } = await newPage(browser);
    try {
      await page.goto(base);
      const { token, id } = await createToken('reader');
      await signIn(page, token);
      await page.locator('#graph[data-state="ready"]').waitFor({ timeout: 30_000 });
      const revoke = runCli(['tokens', 'revoke', id], env());
      assert.equal(await revoke.exited, 0, revoke.stderr());
      await page.getByRole('combobox', { name: /Search/ }).fill('Wang');
      await page
        .getByRole('alert')
        .getByText(/session has ended/)
        .waitFor({ timeout: 10_000 });
      assert.equal(await signInForm(page).isVisible(), true);
    } finally {
      await page.close();
    }
  });

  it('refuses a Host it does not know with 421 HOST_NOT_ALLOWED', async () => {
    const res = await request(local, '/', { headers: { host: 'rebound.evil.example' } });
    assert.equal(res.status, 421);
    assert.equal((res.json() as { error: { code: string } }).error.code, 'HOST_NOT_ALLOWED');
  });
});
