/**
 * Adding articles in Chromium against the real Neo4j: three files dropped on the canvas show their
 * progress and what became of each, and their entities come onto the canvas without a reload; another
 * explorer open at the same time is told of them, and of an article loaded by `newsgraph load` in a
 * terminal, and shows them when asked. A reader is offered none of it.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { newPage, SCREENSHOTS, serveExplorer } from '../helpers/browser.js';
import { detailsPanel, explorerSuite } from '../helpers/explorer.js';
import { cliEnv } from '../helpers/neo4j.js';
import { runCli } from '../helpers/process.js';
import { tempDirs } from '../helpers/temp.js';
import { NEWS_PAGE, PAGE_CHROME, THREE_ARTICLES } from '../helpers/upload.js';

const nodeIds = async (page: Page) => ((await page.getAttribute('#graph', 'data-node-ids')) ?? '').split(' ').filter(Boolean);

/** Drops `files` on the canvas as a user dragging them from a file manager would. */
async function dropFiles(page: Page, files: Record<string, string>): Promise<void> {
  const transfer = await page.evaluateHandle(`(() => {
    const dt = new DataTransfer();
    for (const [name, text] of Object.entries(${JSON.stringify(files)})) dt.items.add(new File([text], name, { type: name.endsWith('.html') ? 'text/html' : 'text/plain' }));
    return dt;
  })()`);
  await page.dispatchEvent('.stage', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.stage', 'drop', { dataTransfer: transfer });
}

async function openedExplorer(base: string, browser: Parameters<typeof newPage>[0]) {
  const opened = await newPage(browser);
  await opened.page.goto(`${base}/`);
  await opened.page.locator('#graph[data-url-state="ready"]').waitFor({ timeout: 30_000 });
  return opened;
}

describe('adding articles in the explorer', () => {
  const suite = explorerSuite();
  const temp = tempDirs('newsgraph-upload-e2e');

  it('shows three dropped files loading, then their entities on the canvas without a reload; another explorer is told and shows them', async () => {
    const { page, errors } = await openedExplorer(suite.base, suite.browser);
    const other = await openedExplorer(suite.base, suite.browser);
    try {
      // A mark that a reload would wipe.
      await page.evaluate('window.notReloaded = true');
      assert.ok(!(await nodeIds(page)).includes('person:alma-ricci'));
      // Every state the progress part passes through, as the page draws it.
      await page.evaluate(`{
        const seen = (window.progressSeen = []);
        new MutationObserver(() => {
          const words = document.querySelector('.upload-progress [role="status"]')?.textContent;
          if (words && seen.at(-1) !== words) seen.push(words);
        }).observe(document.body, { subtree: true, childList: true });
      }`);
      await dropFiles(page, THREE_ARTICLES);

      const panel = detailsPanel(page);
      await panel.locator('.upload-progress[data-state="done"]').waitFor({ timeout: 120_000 });
      assert.equal(await panel.getByRole('status').last().textContent(), 'Done: 3 new.');
      const lines = await panel.locator('.upload-file').allTextContents();
      assert.equal(lines.length, 3);
      for (const [i, name] of Object.keys(THREE_ARTICLES).entries()) assert.match(lines[i]!, new RegExp(`^${name.replace('.', '\\.')}loaded: \\d+ entit`));
      const seen = (await page.evaluate('window.progressSeen')) as string[];
      assert.ok(seen.length >= 2 && seen.at(-1) === 'Done: 3 new.', `progress was shown on the way: ${JSON.stringify(seen)}`);
      assert.equal(await panel.locator('progress').getAttribute('value'), '1');

      // The entities are on the canvas, and the page was never reloaded.
      await page.locator('#graph[data-node-ids~="person:alma-ricci"]').waitFor({ state: 'attached', timeout: 20_000 });
      const ids = await nodeIds(page);
      for (const id of ['person:alma-ricci', 'person:tomas-berg', 'person:ines-duarte', 'person:petra-lindqvist'])
        assert.ok(ids.includes(id), `${id} in ${ids.join(' ')}`);
      assert.equal(await page.evaluate('window.notReloaded'), true);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'upload.png') });
      // The uploader is not told of its own articles as news.
      assert.equal(await page.locator('[data-news="documents"]').count(), 0);

      // The other explorer is told, and shows them when asked.
      const news = other.page.locator('[data-news="documents"]');
      await news.waitFor({ timeout: 20_000 });
      assert.match((await news.textContent())!, /3 new articles \(\d+ entities\)/);
      assert.ok(!(await nodeIds(other.page)).includes('person:ines-duarte'));
      await news.getByRole('button', { name: 'Show' }).click();
      await other.page.locator('#graph[data-node-ids~="person:ines-duarte"]').waitFor({ state: 'attached', timeout: 20_000 });

      // A load from a terminal into the same database reaches both explorers.
      const dir = temp.make();
      const file = path.join(dir, 'treaty.txt');
      writeFileSync(file, 'title: Treaty talks resume\n\nForeign Minister Karin Holm met Envoy David Mensah in Geneva.\n');
      const cli = runCli(['load', file], cliEnv());
      assert.equal(await cli.exited, 0, cli.stderr());
      const fromCli = other.page.locator('[data-news="documents"]', { hasText: 'Treaty talks resume' });
      await fromCli.waitFor({ timeout: 20_000 });
      await other.page.screenshot({ path: path.join(SCREENSHOTS, 'upload-news.png') });
      await fromCli.getByRole('button', { name: 'Show' }).click();
      await other.page.locator('#graph[data-node-ids~="person:karin-holm"]').waitFor({ state: 'attached', timeout: 20_000 });
      assert.deepEqual(errors, []);
      assert.deepEqual(other.errors, []);
    } finally {
      await page.close();
      await other.page.close();
      temp.cleanup();
    }
  });

  it('brings in a page from a web server by its address: clean, titled and dated', async () => {
    const pages = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(NEWS_PAGE)).listen(0, '127.0.0.1');
    await once(pages, 'listening');
    // The explorer that may fetch from this machine, as NEWSGRAPH_FETCH_ALLOW=127.0.0.1 would let it.
    const explorer = await serveExplorer(suite.db, { fetch: { allow: ['127.0.0.1'] } });
    const { page, errors } = await openedExplorer(explorer.base, suite.browser);
    try {
      await page.getByRole('button', { name: 'Add articles' }).click();
      const panel = detailsPanel(page);
      await panel.getByRole('textbox', { name: 'Page address' }).fill(`http://127.0.0.1:${(pages.address() as AddressInfo).port}/news/port-strike`);
      await panel.getByRole('button', { name: 'Fetch' }).click();
      await panel.locator('.upload-progress[data-state="done"]').waitFor({ timeout: 60_000 });
      assert.equal(await panel.getByRole('status').last().textContent(), 'Done: 1 new.');
      await page.locator('#graph[data-node-ids~="person:oskar-brandt"]').waitFor({ state: 'attached', timeout: 20_000 });
      await panel.getByRole('button', { name: /^Read / }).click();
      await panel.getByRole('heading', { name: 'Port strike ends after talks' }).waitFor();
      assert.equal(await panel.locator('.published').textContent(), 'Published 14 March 2025 · by Nadia Clarke');
      assert.match((await panel.locator('.source').textContent())!, /coastline\.example · https:\/\/coastline\.example\/news\/port-strike-ends/);
      const text = (await panel.locator('.reader').textContent()) ?? '';
      assert.match(text, /Union leader Oskar Brandt met Transport Minister Helena Voss/);
      for (const chrome of PAGE_CHROME) assert.ok(!text.includes(chrome), `"${chrome}" left in: ${text}`);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'upload-page.png') });
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      explorer.close();
      pages.close();
    }
  });

  it('adds pasted text from the panel, and says why a file cannot be loaded', async () => {
    const { page, errors } = await openedExplorer(suite.base, suite.browser);
    try {
      await page.getByRole('button', { name: 'Add articles' }).click();
      const panel = detailsPanel(page);
      await panel.getByRole('textbox', { name: 'Article text' }).fill('Senator Jonas Weller met Ambassador Ruth Okafor in Nairobi on Friday.');
      await panel.getByRole('textbox', { name: 'Headline (optional)' }).fill('Nairobi talks');
      await panel.getByRole('button', { name: 'Add text' }).click();
      await panel.locator('.upload-progress[data-state="done"]').waitFor({ timeout: 60_000 });
      await page.locator('#graph[data-node-ids~="person:jonas-weller"]').waitFor({ state: 'attached', timeout: 20_000 });

      await dropFiles(page, { 'scan.pdf': '%PDF-1.4', 'note.txt': 'Judge Mara Olsen met Attorney Sam Reyes in Oslo.' });
      // The panel showed the pasted text's job until this one's first word.
      await panel.locator('.upload-file[data-status="new"]', { hasText: 'note.txt' }).waitFor({ timeout: 60_000 });
      await panel.locator('.upload-progress[data-state="done"]').waitFor({ timeout: 60_000 });
      const refused = panel.locator('.upload-file[data-status="failed"]');
      assert.match((await refused.textContent())!, /scan\.pdf skipped: only \.txt/);
      assert.equal(await panel.locator('.upload-file[data-status="new"]').count(), 1);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
