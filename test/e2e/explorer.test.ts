import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { applySchema } from '../../server/db/schema.js';
import { createApp } from '../../server/http/app.js';
import { loadPaths } from '../../server/ingest/load.js';
import { createLogger } from '../../server/logger.js';
import { CLIENT_DIST, SEEDS_DIR } from '../../server/paths.js';
import { launchBrowser, SCREENSHOTS } from '../helpers/browser.js';
import { resetGraph, testDatabase } from '../helpers/neo4j.js';

describe('explorer: search, entity panel and evidence in Chromium', () => {
  const db = testDatabase();
  let server: Server;
  let base: string;
  let browser: Browser;

  before(async () => {
    await resetGraph(db);
    await applySchema(db);
    await loadPaths(db, [SEEDS_DIR]);
    server = createApp({ db, logger: createLogger('silent'), clientDir: CLIENT_DIST }).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.close();
    await db.close();
  });

  it('finds Blinken, lists Wang Yi, Wang Xiaohong and Chen Jining, and shows the evidence of a link', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    try {
      await page.goto(base);
      await page.waitForSelector('#graph[data-state="ready"]', { timeout: 30_000 });

      const search = page.getByRole('combobox', { name: /Search/ });
      assert.equal(await search.getAttribute('type'), 'search');
      await search.fill('Blinken');
      const option = page.getByRole('option', { name: /Antony Blinken/ });
      await option.waitFor({ timeout: 10_000 });
      await search.press('Enter');

      const panel = page.getByRole('complementary', { name: 'Details' });
      await panel.getByRole('heading', { name: 'Antony Blinken', level: 2 }).waitFor({ timeout: 10_000 });
      assert.equal(await page.getAttribute('#graph', 'data-focus'), 'person:antony-blinken');
      const connections = panel.getByRole('region', { name: 'Connections' });
      for (const name of ['Wang Yi', 'Wang Xiaohong', 'Chen Jining']) {
        assert.ok((await connections.getByRole('button', { name, exact: true }).count()) > 0, `${name} is listed`);
      }
      await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-entity.png') });

      await connections.getByRole('button', { name: 'Wang Xiaohong', exact: true }).first().click();
      const evidence = panel.getByRole('list', { name: 'Evidence' });
      await evidence.waitFor({ timeout: 10_000 });
      const sentences = await evidence.locator('blockquote').allTextContents();
      assert.ok(sentences.some((s) => /Wang Xiaohong/.test(s) && /Blinken/.test(s)), sentences.join(' | '));
      await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-evidence.png') });

      // Back to the entity, then on to a neighbour through its open button.
      await panel.getByRole('button', { name: '← Back' }).click();
      await panel.getByRole('button', { name: 'Open Wang Yi' }).first().click();
      await panel.getByRole('heading', { name: 'Wang Yi', level: 2 }).waitFor({ timeout: 10_000 });
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
