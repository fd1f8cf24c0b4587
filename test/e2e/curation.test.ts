/**
 * Curation in the explorer, in Chromium against the real Neo4j (#18's done-when): a suggested pair is
 * merged from the Duplicates review into one node with both names and the evidence of both articles; the
 * same articles loaded again, unchanged and then changed, keep the merge; the second name is split back
 * off from the panel; a false link is rejected and Undo brings it back; the log says who did what and
 * why; and a reader's token is offered none of it.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createToken } from '../../server/auth/store.js';
import { createApp } from '../../server/http/app.js';
import { loadPaths } from '../../server/ingest/load.js';
import { createLogger } from '../../server/logger.js';
import { CLIENT_DIST } from '../../server/paths.js';
import { newPage, SCREENSHOTS } from '../helpers/browser.js';
import { detailsPanel, explorerSuite, nodeCount, openEntityBySearch, withExplorerPage } from '../helpers/explorer.js';
import { VOLKOV, VOLKOV_TWO_CHANGED } from '../helpers/curation.js';
import { dropTokens } from '../helpers/tokens.js';

const { one: ONE, two: TWO, sergei: SERGEI, sergey: SERGEY } = VOLKOV;
const TWO_CHANGED = VOLKOV_TWO_CHANGED;

// Written before the suite loads them, and loaded again from the test itself: the same paths, so the same documents.
const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-curation-e2e-'));
writeFileSync(path.join(dir, 'one.txt'), ONE);
writeFileSync(path.join(dir, 'two.txt'), TWO);

const onCanvas = (page: Page, id: string): Promise<boolean> =>
  page.evaluate(`document.getElementById('graph').newsgraphView.positionOf(${JSON.stringify(id)}) !== null`);
const edgeCount = async (page: Page): Promise<number> => Number(await page.getAttribute('#graph', 'data-edge-count'));

/** axe-core, run in the page: the serious and critical violations (as test/e2e/overview.test.ts). */
async function accessibilityFaults(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const violations: { id: string; impact: string; nodes: { target: string[] }[] }[] = await page.evaluate('axe.run(document).then((r) => r.violations)');
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('curation in the explorer: review, merge, reload, split, reject and undo, the log; nothing for a reader', () => {
  const explorer = explorerSuite({ extraPaths: [dir] });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const load = () => loadPaths(explorer.db, [dir]);

  it('merges a suggested pair from the Duplicates review into one node with both names and both articles', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      assert.ok((await onCanvas(page, SERGEI)) && (await onCanvas(page, SERGEY)), 'both spellings start on the overview');
      const before = await nodeCount(page);
      await page.getByRole('button', { name: 'Duplicates' }).click();
      const panel = detailsPanel(page);
      await panel.getByRole('heading', { name: 'Suggested duplicates', level: 2 }).waitFor({ timeout: 20_000 });
      const pair = panel.getByRole('article', { name: /Sergei Volkov and Sergey Volkov|Sergey Volkov and Sergei Volkov/ });
      await pair.waitFor({ timeout: 10_000 });
      assert.ok((await pair.getByRole('list', { name: 'Why they may be the same' }).getByRole('listitem').count()) > 0, 'with reasons');
      const sentences = await pair.getByRole('list', { name: /Sentences that name/ }).allTextContents();
      assert.ok(sentences.some((s) => /Energy talks in Oslo/.test(s)) && sentences.some((s) => /Leak row deepens/.test(s)), sentences.join(' | '));
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-duplicates.png') });
      assert.deepEqual(await accessibilityFaults(page), []);

      await pair.getByRole('radio', { name: 'Sergei Volkov' }).check();
      // The reason is asked for: Merge without one says so and sends nothing.
      await pair.getByRole('button', { name: /^Merge / }).click();
      await pair
        .getByRole('alert')
        .getByText(/Say why/)
        .waitFor();
      await pair.getByLabel(/Why\?/).fill('the same minister, spelt two ways');
      await pair.getByRole('button', { name: /^Merge / }).click();
      await panel.getByRole('status').getByText('Merged into Sergei Volkov.').waitFor({ timeout: 20_000 });
      await page
        .locator('#toasts')
        .getByText(/Merged Sergey Volkov into Sergei Volkov/)
        .waitFor();
      assert.equal(await nodeCount(page), before - 1, 'the absorbed node left the canvas');
      assert.equal(await onCanvas(page, SERGEY), false);
      assert.equal(await onCanvas(page, SERGEI), true);

      await panel.getByRole('button', { name: 'Open Sergei Volkov' }).click();
      await panel.getByRole('heading', { name: 'Sergei Volkov', level: 2 }).waitFor({ timeout: 20_000 });
      assert.match((await panel.locator('.aliases').first().textContent()) ?? '', /Sergey Volkov/);
      const text = (await panel.textContent()) ?? '';
      for (const words of ['Energy talks in Oslo', 'Leak row deepens', 'Maria Lind', 'Anna Berg']) assert.ok(text.includes(words), `${words} in the panel`);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-panel.png') });
    });
  });

  it('keeps the merge when the same articles are loaded again, unchanged and then changed', async () => {
    assert.equal((await load()).documents.unchanged, 2);
    writeFileSync(path.join(dir, 'two.txt'), TWO_CHANGED);
    assert.equal((await load()).documents.replaced, 1);
    await withExplorerPage(explorer, '/', async (page) => {
      assert.equal(await onCanvas(page, SERGEY), false, 'the second spelling did not come back');
      const panel = await openEntityBySearch(page, 'Volkov', 'Sergei Volkov');
      assert.match((await panel.locator('.aliases').first().textContent()) ?? '', /Sergey Volkov/);
      assert.ok(((await panel.textContent()) ?? '').includes('Peter Holm'), "the changed article's new link reached the merged entity");
    });
  });

  it('splits the second name back off from the panel: two entities, each on the canvas', async () => {
    await withExplorerPage(explorer, `/?focus=${SERGEI}`, async (page) => {
      const panel = detailsPanel(page);
      await panel.getByRole('heading', { name: 'Sergei Volkov', level: 2 }).waitFor({ timeout: 20_000 });
      const before = await nodeCount(page);
      await panel.getByRole('button', { name: 'Split…' }).click();
      await panel.getByRole('checkbox', { name: 'Sergey Volkov' }).check();
      await panel.getByLabel(/Why\?/).fill('two men after all');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-split.png') });
      await panel.getByRole('button', { name: 'Split', exact: true }).click();
      await panel.getByRole('heading', { name: 'Sergey Volkov', level: 2 }).waitFor({ timeout: 20_000 });
      const text = (await panel.textContent()) ?? '';
      assert.ok(text.includes('Leak row deepens') && !text.includes('Energy talks in Oslo'), text);
      assert.ok(await onCanvas(page, SERGEI));
      assert.ok((await nodeCount(page)) > before, 'the new entity joined the canvas');
    });
  });

  it('rejects a link from its panel: gone from the canvas; Undo brings it back', async () => {
    await withExplorerPage(explorer, `/?focus=${SERGEI}`, async (page) => {
      const panel = detailsPanel(page);
      await panel.getByRole('heading', { name: 'Sergei Volkov', level: 2 }).waitFor({ timeout: 20_000 });
      const links = await edgeCount(page);
      await panel.getByRole('button', { name: 'Anna Berg', exact: true }).first().click();
      await panel.getByRole('heading', { name: /Sergei Volkov .*Anna Berg/, level: 2 }).waitFor({ timeout: 20_000 });
      await panel.getByRole('button', { name: 'Reject link' }).click();
      await panel.getByLabel(/Why\?/).fill('they only spoke by phone');
      await panel.getByRole('button', { name: 'Reject link' }).click();
      await page
        .locator('#toasts')
        .getByText(/Rejected the link Sergei Volkov/)
        .waitFor({ timeout: 20_000 });
      assert.equal(await edgeCount(page), links - 1);
      await page.locator('#toasts').getByRole('button', { name: 'Undo', exact: true }).click();
      await page
        .locator('#toasts')
        .getByText(/Undone: Rejected the link/)
        .waitFor({ timeout: 20_000 });
      assert.equal(await edgeCount(page), links, 'the link is back');
      assert.equal(await onCanvas(page, 'person:anna-berg'), true);
    });
  });

  it('lists the corrections with who, when and why, newest first', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      await page.getByRole('button', { name: 'Corrections' }).click();
      const log = detailsPanel(page).getByRole('list', { name: 'Corrections, newest first' });
      await log.waitFor({ timeout: 20_000 });
      const entries = await log.locator(':scope > li .correction-what').allTextContents();
      assert.deepEqual(
        entries.map((e) => e.split(' ')[0]),
        ['Rejected', 'Split', 'Merged'],
      );
      assert.match((await log.locator(':scope > li').first().textContent()) ?? '', /Reverted by local user/);
      assert.equal(await log.getByRole('button', { name: /^Revert:/ }).count(), 2, 'Revert on the two still in force');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-log.png') });
      assert.deepEqual(await accessibilityFaults(page), []);
    });
  });

  it('rejects an entity from its panel; opened again by its id it says so and offers Restore', async () => {
    await withExplorerPage(explorer, '/?focus=place:oslo', async (page) => {
      const panel = detailsPanel(page);
      await panel.getByRole('heading', { name: 'Oslo', level: 2 }).waitFor({ timeout: 20_000 });
      await panel.getByRole('button', { name: 'Reject', exact: true }).click();
      await panel.getByLabel(/Why\?/).fill('not a party to anything');
      await panel.getByRole('button', { name: 'Reject', exact: true }).click();
      await panel.getByText('Rejected — hidden from the graph by an analyst.').waitFor({ timeout: 20_000 });
      assert.equal(await onCanvas(page, 'place:oslo'), false);
    });
    await withExplorerPage(explorer, '/?focus=place:oslo', async (page) => {
      const panel = detailsPanel(page);
      await panel.getByText('Rejected — hidden from the graph by an analyst.').waitFor({ timeout: 20_000 });
      assert.equal(await panel.getByRole('button', { name: 'Edit', exact: true }).count(), 0, 'a rejected entity is only restored');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-rejected.png') });
      await panel.getByRole('button', { name: 'Restore', exact: true }).click();
      await panel.getByLabel(/Why\?/).fill('it was one after all');
      await panel.getByRole('button', { name: 'Restore', exact: true }).click();
      await panel.getByRole('button', { name: 'Edit', exact: true }).waitFor({ timeout: 20_000 });
      assert.equal(await panel.getByText(/^Rejected/).count(), 0);
      // Merge with… finds entities through the search box's name search, and refuses one of another kind.
      await panel.getByRole('button', { name: 'Merge with…' }).click();
      const search = panel.getByRole('combobox', { name: /Entities to merge with Oslo/ });
      await search.fill('Anna');
      await panel.getByRole('option', { name: /Anna Berg/ }).waitFor({ timeout: 10_000 });
      await search.press('Enter');
      await panel.getByText(/only entities of one kind/).waitFor({ timeout: 10_000 });
      await search.fill('Bergen');
      await panel.getByRole('option', { name: /Bergen/ }).waitFor({ timeout: 10_000 });
      await search.press('Enter');
      await panel.getByRole('list', { name: 'Chosen to merge' }).getByText('Bergen').waitFor();
      assert.equal(await panel.getByRole('radio', { name: 'Bergen' }).count(), 1, 'its name may be the one that stays');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'curation-merge-with.png') });
      await panel.getByRole('button', { name: 'Cancel' }).click();
      await panel.getByRole('heading', { name: 'Oslo', level: 2 }).waitFor();
    });
  });

  it("offers a reader's token no correction at all", async () => {
    const server = createApp({ db: explorer.db, logger: createLogger('silent'), clientDir: CLIENT_DIST, access: { auth: true } }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { page, errors } = await newPage(explorer.browser);
    try {
      const { token } = await createToken(explorer.db, { role: 'reader', name: 'reader' });
      await page.goto(base);
      await page.getByLabel('Access token').fill(token);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#graph[data-state="ready"]').waitFor({ timeout: 30_000 });
      const panel = await openEntityBySearch(page, 'Volkov', 'Sergei Volkov');
      for (const name of ['Edit', 'Merge with…', 'Split…', 'Reject']) assert.equal(await panel.getByRole('button', { name, exact: true }).count(), 0, name);
      assert.equal(await page.getByRole('button', { name: 'Duplicates' }).count(), 0);
      await panel.getByRole('button', { name: 'Anna Berg', exact: true }).first().click();
      await panel.getByRole('heading', { name: /Anna Berg/, level: 2 }).waitFor({ timeout: 20_000 });
      assert.equal(await panel.getByRole('button', { name: 'Reject link' }).count(), 0);
      await page.getByRole('button', { name: 'Corrections' }).click();
      await panel.getByRole('list', { name: 'Corrections, newest first' }).waitFor({ timeout: 20_000 });
      assert.equal(await panel.getByRole('button', { name: /^Revert/ }).count(), 0, 'a reader reads the log, and reverts nothing');
      assert.deepEqual(
        errors.filter((e) => !/status of 401/.test(e)),
        [],
      );
    } finally {
      await page.close();
      server.close();
      await dropTokens(explorer.db);
    }
  });
});
