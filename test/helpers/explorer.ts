/** The explorer in Chromium for the e2e files: one served explorer and browser per file, pages opened ready to use. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Database } from '../../server/db/database.js';
import { launchBrowser, newPage, serveExplorer } from './browser.js';
import { testDatabase } from './neo4j.js';
import { loadGraph, type GraphOptions } from './seeded.js';

export interface ExplorerSuite {
  /** The test database, for tests that check what the page did or did not do to it. */
  readonly db: Database;
  /** The explorer's address and the browser, both set in the suite's `before`. */
  base: string;
  browser: Browser;
}

/**
 * The explorer (API and built client) over the seed graph and a browser, for an e2e file's `describe`:
 * registers the `before` that loads, serves and launches and the `after` that closes them all. A file's
 * own `before` hooks run after this one, so they can already use `base`.
 */
export function explorerSuite(options: GraphOptions = {}): ExplorerSuite {
  const db = testDatabase();
  const suite = { db } as ExplorerSuite;
  let server: Awaited<ReturnType<typeof serveExplorer>> | undefined;
  let browser: Browser | undefined;
  before(async () => {
    await loadGraph(db, options);
    server = await serveExplorer(db);
    suite.base = server.base;
    browser = suite.browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.close();
    await db.close();
  });
  return suite;
}

/** What #graph[data-state] says once the explorer has started: its data drawn, or none to draw. */
export type ExplorerState = 'ready' | 'empty';

/**
 * Runs `test` on a new page of the explorer opened at `path`, then asserts the page logged no errors (but
 * those matching `expectedErrors`, which a test provokes on purpose); the page closes whatever happened.
 * The test starts once the explorer has started in `state` and replayed the view in the address: what a
 * user sees before doing anything. A start that ends in another state fails here, with the page's words.
 */
export async function withExplorerPage(
  { browser, base }: Pick<ExplorerSuite, 'browser' | 'base'>,
  path: string,
  test: (page: Page, errors: string[]) => Promise<void>,
  { state = 'ready', expectedErrors }: { state?: ExplorerState; expectedErrors?: RegExp } = {},
): Promise<void> {
  const { page, errors } = await newPage(browser);
  try {
    await page.goto(`${base}${path}`);
    await page.locator('#graph[data-url-state="ready"]').waitFor({ timeout: 30_000 });
    assert.equal(await page.getAttribute('#graph', 'data-state'), state, `page says: ${await page.textContent('#failure')} ${errors.join('; ')}`);
    await test(page, errors);
    assert.deepEqual(expectedErrors ? errors.filter((e) => !expectedErrors.test(e)) : errors, []);
  } finally {
    await page.close();
  }
}

/** The side panel that shows an entity, a link's evidence, a document or a path. */
export const detailsPanel = (page: Page): Locator => page.getByRole('complementary', { name: 'Details' });

/**
 * Opens an entity as a user does: types `query` in the search box, picks `name` among the results with
 * Enter (or a click), and waits for the panel to show it. Returns the panel.
 */
export async function openEntityBySearch(page: Page, query: string, name: string, { pick = 'Enter' }: { pick?: 'Enter' | 'click' } = {}): Promise<Locator> {
  await page.getByRole('combobox', { name: /Search/ }).fill(query);
  const option = page.getByRole('listbox', { name: 'Search results' }).getByRole('option', { name: new RegExp(name) });
  if (pick === 'click') await option.click({ timeout: 10_000 });
  else {
    await option.waitFor({ timeout: 10_000 });
    // Enter takes the highlighted result, the first one: the heading below checks it is the one wanted.
    await page.getByRole('combobox', { name: /Search/ }).press('Enter');
  }
  const panel = detailsPanel(page);
  await panel.getByRole('heading', { name, level: 2 }).waitFor({ timeout: 20_000 });
  return panel;
}

/** How many nodes the canvas holds, as #graph reports it. */
export const nodeCount = async (page: Page): Promise<number> => Number(await page.getAttribute('#graph', 'data-node-count'));

/**
 * The node labels as the canvas draws them, "+N" badges included: the view exported as SVG through the
 * Export dialog, which writes each label as sigma last worked it out, not as the graph's data would give it.
 * Labels the canvas leaves out for want of room are not there.
 */
export async function drawnLabels(page: Page): Promise<string[]> {
  const svg = new DOMParser().parseFromString(await exportedSvg(page), 'image/svg+xml');
  return Array.from(svg.getElementsByTagName('text')).map((t) => t.textContent ?? '');
}

/** The canvas as the Export dialog's SVG image of the visible graph: what the canvas drew, as text. */
export async function exportedSvg(page: Page): Promise<string> {
  await page.getByRole('button', { name: /^Export/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /^Visible graph/ }).check();
  await dialog.getByRole('radio', { name: 'SVG image', exact: true }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  await dialog.waitFor({ state: 'hidden' });
  return readFileSync(await download.path(), 'utf8');
}
