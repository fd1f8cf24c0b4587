import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { applySchema } from '../../server/db/schema.js';
import { loadPaths } from '../../server/ingest/load.js';
import { SEEDS_DIR } from '../../server/paths.js';
import { tempDirs } from '../helpers/temp.js';
import { launchBrowser, newPage, SCREENSHOTS, serveExplorer } from '../helpers/browser.js';
import { resetGraph, testDatabase } from '../helpers/neo4j.js';

describe('explorer: search, entity panel and evidence in Chromium', () => {
  const db = testDatabase();
  const temp = tempDirs('newsgraph-hostile-');
  let explorer: Awaited<ReturnType<typeof serveExplorer>>;
  let base: string;
  let browser: Browser;

  before(async () => {
    await resetGraph(db);
    await applySchema(db);
    // An article that carries markup as text: the reader must show it, never run it.
    const dir = temp.make();
    writeFileSync(
      path.join(dir, 'hostile.txt'),
      'Title: Hostile markup\n\nAntony Blinken met Wang Yi in Beijing. <script>window.__pwned = "script"</script> ' +
        'The note ended with <img src="x" onerror="window.__pwned = \'img\'"> and nothing else.\n',
    );
    await loadPaths(db, [SEEDS_DIR, dir]);
    explorer = await serveExplorer(db);
    base = explorer.base;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    explorer?.close();
    await db.close();
    temp.cleanup();
  });

  it('finds Blinken, lists Wang Yi, Wang Xiaohong and Chen Jining, and shows the evidence of a link', async () => {
    const { page, errors } = await newPage(browser);
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
      await panel.getByRole('button', { name: 'Open Xi Jinping' }).first().click();
      await panel.getByRole('heading', { name: 'Xi Jinping', level: 2 }).waitFor({ timeout: 10_000 });

      // Expand Xi Jinping in place: more nodes, the ones already there unmoved; undo and redo.
      const count = async () => Number(await page.getAttribute('#graph', 'data-node-count'));
      const before = await count();
      await panel.getByRole('button', { name: 'Expand' }).click();
      await page.locator('#graph[data-node-count]').and(page.locator(`#graph:not([data-node-count="${before}"])`)).waitFor({ timeout: 10_000 });
      const expanded = await count();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-expanded.png') });
      await page.getByRole('button', { name: 'Undo' }).click();
      assert.equal(await count(), before, 'undo takes the expansion back');
      await page.keyboard.press('Control+Shift+Z');
      assert.equal(await count(), expanded, 'redo puts it back');
      // Two more undos: the expansion, then the change from the overview to Blinken's neighbourhood.
      await page.keyboard.press('Control+Z');
      await page.keyboard.press('Control+Z');
      assert.ok(await page.getByRole('button', { name: 'Undo' }).isDisabled(), 'back at the first view');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('reads a document from an evidence sentence, the sentence highlighted, and shows markup in it as inert text', async () => {
    const { page, errors } = await newPage(browser);
    try {
      await page.goto(base);
      await page.waitForSelector('#graph[data-state="ready"]', { timeout: 30_000 });
      const search = page.getByRole('combobox', { name: /Search/ });
      await search.fill('Blinken');
      await page.getByRole('option', { name: /Antony Blinken/ }).click();
      const panel = page.getByRole('complementary', { name: 'Details' });
      await panel.getByRole('heading', { name: 'Antony Blinken', level: 2 }).waitFor({ timeout: 10_000 });

      // From a link's evidence to its document, the evidence sentence in focus.
      await panel.getByRole('region', { name: 'Connections' }).getByRole('button', { name: 'Chen Jining', exact: true }).first().click();
      const sentence = (await panel.getByRole('list', { name: 'Evidence' }).locator('blockquote').first().textContent())!;
      await panel.getByRole('button', { name: /^Read the document/ }).first().click();
      const reader = panel.getByRole('article', { name: 'Document text' });
      await reader.waitFor({ timeout: 10_000 });
      assert.equal(await reader.locator('mark.focus').allTextContents().then((t) => t.join('')), sentence);
      assert.ok((await reader.locator('mark[data-kind="Person"]').count()) > 3, 'people mentioned are marked');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-reader.png') });

      // The hostile article, opened from the entity's documents.
      await panel.getByRole('button', { name: '← Back' }).click();
      await panel.getByRole('button', { name: '← Back' }).click();
      await panel.getByRole('button', { name: /Hostile markup/ }).click();
      await reader.waitFor({ timeout: 10_000 });
      const text = (await reader.textContent())!;
      assert.match(text, /<script>window\.__pwned = "script"<\/script>/);
      assert.match(text, /<img src="x" onerror=/);
      assert.equal(await panel.locator('script, img').count(), 0, 'no element was made from the article');
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate('window.__pwned'), undefined);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-hostile.png') });
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
