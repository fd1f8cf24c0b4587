import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SCREENSHOTS } from '../helpers/browser.js';
import { detailsPanel, explorerSuite, openEntityBySearch, withExplorerPage } from '../helpers/explorer.js';

const BLINKEN = 'person:antony-blinken';
const WANG_YI = 'person:wang-yi';
/** A neighbour of Blinken's with neighbours of its own in the seed graph. */
const XI = 'person:xi-jinping';

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
const NOT_FOUND_LOG = /Failed to load resource: the server responded with a status of 404/;

describe('explorer: the view in the address', () => {
  const explorer = explorerSuite();

  it('a link to an opened and expanded view reproduces it in a fresh page, and follows undo, redo and Back', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      assert.equal(new URL(page.url()).search, '', 'the overview has a bare address');

      const panel = await openEntityBySearch(page, 'Blinken', 'Antony Blinken');
      await page.waitForURL((url) => url.searchParams.get('focus') === BLINKEN, { timeout: 10_000 });
      const opened = await canvasState(page);

      // A neighbour, opened from the panel and expanded in place.
      await panel.getByRole('button', { name: 'Open Xi Jinping' }).first().click();
      await panel.getByRole('heading', { name: 'Xi Jinping', level: 2 }).waitFor({ timeout: 10_000 });
      await panel.getByRole('button', { name: 'Expand', exact: true }).click();
      await page.locator(`#graph:not([data-node-count="${opened.count}"])`).waitFor({ timeout: 10_000 });
      await page.waitForURL((url) => url.searchParams.get('expand') === XI, { timeout: 10_000 });
      const expanded = await canvasState(page);
      assert.ok(expanded.count > opened.count, 'Xi Jinping brought neighbours');
      assert.equal(expanded.ids.length, expanded.count);
      const link = page.url();
      assert.match(link, /\?focus=person:antony-blinken&expand=person:xi-jinping$/, 'a readable address');

      // The same link in a fresh page: the same nodes.
      await withExplorerPage(explorer, `/${new URL(link).search}`, async (fresh) => {
        assert.deepEqual(await canvasState(fresh), expanded);
        assert.equal(fresh.url(), link, 'the replay keeps the address it came from');
        await detailsPanel(fresh).getByRole('heading', { name: 'Antony Blinken', level: 2 }).waitFor();
        await fresh.screenshot({ path: path.join(SCREENSHOTS, 'url-restored.png') });
      });

      // Undo takes the step out of the address, redo puts it back.
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.waitForURL((url) => !url.searchParams.has('expand'), { timeout: 5_000 });
      assert.deepEqual(await canvasState(page), opened);
      await page.keyboard.press('Control+Shift+Z');
      await page.waitForURL(link, { timeout: 5_000 });

      // A new focus is a new history entry: Back rebuilds the view before it.
      const search = page.getByRole('combobox', { name: /Search/ });
      await search.fill('Xi Jinping');
      await page.getByRole('option', { name: /Xi Jinping/ }).waitFor({ timeout: 10_000 });
      await search.press('Enter');
      await page.waitForURL((url) => url.searchParams.get('focus') === 'person:xi-jinping', { timeout: 10_000 });
      await page.goBack();
      await page.waitForURL(link, { timeout: 10_000 });
      await restored(page);
      assert.deepEqual((await canvasState(page)).ids, expanded.ids, 'Back shows Blinken expanded again');
    });
  });

  it('a link with unknown or malformed ids says so in toasts and still shows a working explorer', async () => {
    await withExplorerPage(
      explorer,
      '/?focus=person%3Anobody&expand=person%3Awang-yi',
      async (page) => {
        const toasts = page.locator('.toast-error');
        await toasts.first().waitFor({ timeout: 10_000 });
        const said = (await toasts.allTextContents()).join(' | ');
        assert.match(said, /person:nobody/);
        assert.match(said, /skipped/);
        assert.equal(await page.getAttribute('#graph', 'data-state'), 'ready');
        assert.ok((await canvasState(page)).count > 0, 'the overview is still there');
        await page.screenshot({ path: path.join(SCREENSHOTS, 'url-unknown-id.png') });

        // A good focus, then a step on an unknown entity and a malformed one: the good part is shown.
        await page.goto(`${explorer.base}/?focus=${BLINKEN}&expand=person:nobody&collapse=%01&pageSize=zero`);
        await restored(page);
        await detailsPanel(page).getByRole('heading', { name: 'Antony Blinken', level: 2 }).waitFor();
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
        await page
          .getByRole('option', { name: /Wang Yi/ })
          .first()
          .click();
        await page.waitForURL((u) => u.searchParams.get('focus') === WANG_YI, { timeout: 10_000 });
      },
      { expectedErrors: NOT_FOUND_LOG },
    );
  });
});
