import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { applySchema } from '../../server/db/schema.js';
import { loadPaths } from '../../server/ingest/load.js';
import { SEEDS_DIR } from '../../server/paths.js';
import { launchBrowser, newPage, SCREENSHOTS, serveExplorer } from '../helpers/browser.js';
import { resetGraph, testDatabase } from '../helpers/neo4j.js';

const BLINKEN = 'person:antony-blinken';
const WANG_YI = 'person:wang-yi';

/** What the canvas holds, as the page exposes it. */
async function canvasState(page: Page): Promise<{ count: number; ids: string[] }> {
  const graph = page.locator('#graph');
  return { count: Number(await graph.getAttribute('data-node-count')), ids: ((await graph.getAttribute('data-node-ids')) ?? '').split(' ').filter(Boolean) };
}

/** Waits until the page has replayed the view in its address. */
async function restored(page: Page): Promise<void> {
  await page.locator('#graph[data-url-state="ready"]').waitFor({ timeout: 30_000 });
}

/** The failed requests of a bad link are logged by Chromium; they are expected, page errors are not. */
const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 404/.test(e));

describe('explorer: the view in the address', () => {
  const db = testDatabase();
  let explorer: Awaited<ReturnType<typeof serveExplorer>>;
  let base: string;
  let browser: Browser;

  before(async () => {
    await resetGraph(db);
    await applySchema(db);
    await loadPaths(db, [SEEDS_DIR]);
    explorer = await serveExplorer(db);
    base = explorer.base;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    explorer?.close();
    await db.close();
  });

  it('a link to an opened and expanded view reproduces it in a fresh page, and follows undo, redo and Back', async () => {
    const { page, errors } = await newPage(browser);
    const fresh = await newPage(browser);
    try {
      await page.goto(base);
      await restored(page);
      assert.equal(new URL(page.url()).search, '', 'the overview has a bare address');

      const search = page.getByRole('combobox', { name: /Search/ });
      await search.fill('Blinken');
      await page.getByRole('option', { name: /Antony Blinken/ }).waitFor({ timeout: 10_000 });
      await search.press('Enter');
      const panel = page.getByRole('complementary', { name: 'Details' });
      await panel.getByRole('heading', { name: 'Antony Blinken', level: 2 }).waitFor({ timeout: 10_000 });
      await page.waitForURL((url) => url.searchParams.get('focus') === BLINKEN, { timeout: 10_000 });
      const opened = await canvasState(page);

      // A neighbour, opened from the panel and expanded in place.
      await panel.getByRole('button', { name: 'Open Wang Yi' }).first().click();
      await panel.getByRole('heading', { name: 'Wang Yi', level: 2 }).waitFor({ timeout: 10_000 });
      await panel.getByRole('button', { name: 'Expand', exact: true }).click();
      await page.locator(`#graph:not([data-node-count="${opened.count}"])`).waitFor({ timeout: 10_000 });
      await page.waitForURL((url) => url.searchParams.get('expand') === WANG_YI, { timeout: 10_000 });
      const expanded = await canvasState(page);
      assert.ok(expanded.count > opened.count, 'Wang Yi brought neighbours');
      assert.equal(expanded.ids.length, expanded.count);
      const link = page.url();
      assert.match(link, /\?focus=person:antony-blinken&expand=person:wang-yi$/, 'a readable address');

      // The same link in a fresh page: the same nodes.
      await fresh.page.goto(link);
      await restored(fresh.page);
      assert.deepEqual(await canvasState(fresh.page), expanded);
      assert.equal(fresh.page.url(), link, 'the replay keeps the address it came from');
      await fresh.page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Antony Blinken', level: 2 }).waitFor();
      await fresh.page.screenshot({ path: path.join(SCREENSHOTS, 'url-restored.png') });

      // Undo takes the step out of the address, redo puts it back.
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.waitForURL((url) => !url.searchParams.has('expand'), { timeout: 5_000 });
      assert.deepEqual(await canvasState(page), opened);
      await page.keyboard.press('Control+Shift+Z');
      await page.waitForURL(link, { timeout: 5_000 });

      // A new focus is a new history entry: Back rebuilds the view before it.
      await search.fill('Xi Jinping');
      await page.getByRole('option', { name: /Xi Jinping/ }).waitFor({ timeout: 10_000 });
      await search.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('focus') === 'person:xi-jinping', { timeout: 10_000 });
      await page.goBack();
      await page.waitForURL(link, { timeout: 10_000 });
      await restored(page);
      assert.deepEqual((await canvasState(page)).ids, expanded.ids, 'Back shows Blinken expanded again');
      assert.deepEqual(errors, []);
      assert.deepEqual(fresh.errors, []);
    } finally {
      await page.close();
      await fresh.page.close();
    }
  });

  it('a link with unknown or malformed ids says so in toasts and still shows a working explorer', async () => {
    const { page, errors } = await newPage(browser);
    try {
      await page.goto(`${base}/?focus=person%3Anobody&expand=person%3Awang-yi`);
      await restored(page);
      const toasts = page.locator('.toast-error');
      await toasts.first().waitFor({ timeout: 10_000 });
      const said = (await toasts.allTextContents()).join(' | ');
      assert.match(said, /person:nobody/);
      assert.match(said, /skipped/);
      assert.equal(await page.getAttribute('#graph', 'data-state'), 'ready');
      assert.ok((await canvasState(page)).count > 0, 'the overview is still there');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'url-unknown-id.png') });

      // A good focus, then a step on an unknown entity and a malformed one: the good part is shown.
      await page.goto(`${base}/?focus=${BLINKEN}&expand=person:nobody&collapse=%01&pageSize=zero`);
      await restored(page);
      await page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Antony Blinken', level: 2 }).waitFor();
      const messages = (await page.locator('.toast-error').allTextContents()).join(' | ');
      assert.match(messages, /person:nobody/);
      assert.match(messages, /collapse=… is not an entity id/);
      assert.match(messages, /pageSize/);
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('focus'), BLINKEN);
      assert.equal(url.searchParams.has('expand'), false, 'the address now says what is shown');
      // The page still works: search and open.
      const search = page.getByRole('combobox', { name: /Search/ });
      await search.fill('Wang Yi');
      await page.getByRole('option', { name: /Wang Yi/ }).first().click();
      await page.waitForURL((u) => u.searchParams.get('focus') === WANG_YI, { timeout: 10_000 });
      assert.deepEqual(unexpected(errors), []);
    } finally {
      await page.close();
    }
  });
});
