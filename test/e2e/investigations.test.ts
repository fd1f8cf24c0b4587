/**
 * Notes and investigations in Chromium against the real Neo4j: a note added on an entity in the panel is
 * found by the search box and opens its entity; a canvas (a dragged node, a filter, a style) saved as an
 * investigation opens from its link in a fresh browser with the same nodes at the same places, filters
 * and style, and exports as JSON and as an evidence pack; no serious accessibility fault on the way.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Investigation, InvestigationSummary } from '../../common/curate.js';
import { isGraphExport, type GraphExport } from '../../common/export.js';
import { SCREENSHOTS } from '../helpers/browser.js';
import { detailsPanel, explorerSuite, openEntityBySearch, withExplorerPage } from '../helpers/explorer.js';
import { request } from '../helpers/http.js';

const BLINKEN = 'person:antony-blinken';

/** axe-core, run in the page: the serious and critical violations, each with where it is. */
async function accessibilityFaults(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const violations: { id: string; impact: string; nodes: { target: string[] }[] }[] = await page.evaluate('axe.run(document).then((r) => r.violations)');
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const nodeIds = async (page: Page) => ((await page.getAttribute('#graph', 'data-node-ids')) ?? '').split(' ').filter(Boolean);

/** A file the Investigations menu downloads, read as JSON. */
async function exported(page: Page, name: RegExp): Promise<{ file: GraphExport; fileName: string }> {
  const menu = page.getByRole('dialog', { name: 'Investigations' });
  const [download] = await Promise.all([page.waitForEvent('download'), menu.getByRole('button', { name }).click()]);
  return { file: JSON.parse(readFileSync(await download.path(), 'utf8')) as GraphExport, fileName: download.suggestedFilename() };
}

/** Drags a node on the canvas by (dx, dy) pixels. */
async function drag(page: Page, node: string, dx: number, dy: number): Promise<void> {
  const box = (await page.locator('#graph').boundingBox())!;
  const at: { x: number; y: number } = await page.evaluate(`document.getElementById('graph').newsgraphView.positionOf(${JSON.stringify(node)})`);
  const from = { x: box.x + at.x, y: box.y + at.y };
  await page.mouse.move(from.x + 40, from.y + 40);
  await page.mouse.move(from.x, from.y, { steps: 4 });
  await page.waitForTimeout(300);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 12 });
  await page.mouse.up();
}

describe('explorer: notes and investigations', () => {
  const explorer = explorerSuite();

  it('adds a note on an entity in the panel and finds it by search, which opens the entity', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      const panel = await openEntityBySearch(page, 'Blinken', 'Antony Blinken');
      const notes = panel.getByRole('region', { name: 'Notes' });
      await notes.getByText('No notes yet.').waitFor({ timeout: 10_000 });
      await notes.getByRole('textbox', { name: 'Add a note' }).fill('Ask the embassy about the Beijing itinerary');
      await notes.getByRole('button', { name: 'Add note' }).click();
      await notes.getByText('Ask the embassy about the Beijing itinerary').waitFor({ timeout: 10_000 });
      assert.match((await notes.locator('.note-meta').first().textContent())!, /^local user · \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/);

      // Elsewhere, the search box finds the note by a word of it, under the names.
      await page.getByRole('button', { name: 'Overview' }).click();
      const search = page.getByRole('combobox', { name: /Search/ });
      await search.fill('itinerary');
      const option = page.getByRole('option', { name: /Ask the embassy.*Note on Antony Blinken/ });
      await option.waitFor({ timeout: 10_000 });
      assert.equal(await option.getAttribute('data-group'), 'Notes');
      await search.press('Enter');
      await detailsPanel(page).getByRole('heading', { name: 'Antony Blinken', level: 2 }).waitFor({ timeout: 10_000 });
      await page.waitForURL((url) => url.searchParams.get('focus') === BLINKEN, { timeout: 10_000 });

      // Edited, then a second one deleted: editors may change their notes.
      await notes.getByRole('button', { name: 'Edit the note by local user' }).click();
      await notes.getByRole('textbox', { name: 'Edit the note' }).fill('Ask the embassy about the Beijing itinerary, again');
      await notes.getByRole('button', { name: 'Save' }).click();
      await notes.getByText(/again$/).waitFor({ timeout: 10_000 });
      await notes.getByRole('textbox', { name: 'Add a note' }).fill('to be deleted');
      await notes.getByRole('button', { name: 'Add note' }).click();
      await notes.getByText('to be deleted').waitFor();
      await notes.getByRole('button', { name: 'Delete the note by local user' }).nth(1).click();
      await notes.getByText('to be deleted').waitFor({ state: 'detached', timeout: 10_000 });
    });
  });

  it('saves a canvas as an investigation, opens its link in a fresh browser with the same nodes, places, filters and style, and exports it', async () => {
    let link = '';
    let saved: Investigation;
    await withExplorerPage(explorer, '/', async (page) => {
      await openEntityBySearch(page, 'Blinken', 'Antony Blinken');
      await page.waitForURL((url) => url.searchParams.get('focus') === BLINKEN, { timeout: 10_000 });
      await drag(page, BLINKEN, -160, 90);
      // A filter (hide places, from the legend) and a style (colour by community).
      await page.locator('.legend-kind[data-kind="Place"]').click();
      await page.locator('.legend-style summary').click();
      await page.getByRole('combobox', { name: 'Colour by' }).selectOption('community');
      const ids = await nodeIds(page);

      await page.getByRole('button', { name: 'Investigations' }).click();
      const menu = page.getByRole('dialog', { name: 'Investigations' });
      await menu.getByRole('button', { name: 'Save this canvas…' }).click();
      await menu.getByRole('textbox', { name: 'Name' }).fill('Blinken in Beijing');
      await menu.getByRole('textbox', { name: 'Notes' }).fill('Who he met, and who reported it');
      await menu.getByRole('button', { name: 'Save', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.has('investigation'), { timeout: 10_000 });
      link = page.url();
      const id = new URL(link).searchParams.get('investigation')!;
      saved = (await request(explorer.base, `/api/investigations/${id}`)).json() as Investigation;
      assert.equal(saved.name, 'Blinken in Beijing');
      assert.deepEqual([...saved.state.nodes].sort(), ids);
      assert.deepEqual(saved.state.filters, { hiddenKinds: ['Place'], hiddenRelTypes: [], hiddenDocuments: [], minDegree: 0, minDocuments: 1 });
      assert.deepEqual(saved.state.style, { color: 'community', size: 'centrality', width: 'corroboration' });
      assert.deepEqual(saved.state.view, { focus: BLINKEN, steps: [] });
      await menu.getByRole('list', { name: 'Saved investigations' }).getByRole('button', { name: 'Open Blinken in Beijing' }).waitFor();

      // The screenshot: the notes in the panel and the menu open.
      await page.screenshot({ path: path.join(SCREENSHOTS, 'investigations-menu.png') });
      assert.deepEqual(await accessibilityFaults(page), [], 'the menu and the panel with its notes');
    });

    // A fresh browser: the link puts the same canvas back.
    await withExplorerPage(explorer, new URL(link).pathname + new URL(link).search, async (page) => {
      assert.equal(await page.getAttribute('#graph', 'data-investigation'), saved.id);
      assert.deepEqual(await nodeIds(page), [...saved.state.nodes].sort());
      assert.equal(await page.getByRole('button', { name: /^Filters/ }).textContent(), 'Filters (1)');
      await page.locator('.legend-style summary').click();
      assert.equal(await page.getByRole('combobox', { name: 'Colour by' }).inputValue(), 'community');
      await detailsPanel(page).getByRole('heading', { name: 'Blinken in Beijing', level: 2 }).waitFor();
      assert.match(page.url(), /[?&]investigation=/, 'the address names the investigation');

      // The canvas holds the saved places: saved again from here, it gives the same positions.
      await page.getByRole('button', { name: 'Investigations' }).click();
      const menu = page.getByRole('dialog', { name: 'Investigations' });
      await menu.getByRole('button', { name: 'Save this canvas…' }).click();
      await menu.getByRole('textbox', { name: 'Name' }).fill('Copy');
      await menu.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByText('Open: Copy').waitFor({ timeout: 10_000 });
      const list = (await request(explorer.base, '/api/investigations')).json() as { investigations: InvestigationSummary[] };
      const copy = (await request(explorer.base, `/api/investigations/${list.investigations[0]!.id}`)).json() as Investigation;
      assert.equal(copy.name, 'Copy');
      for (const node of saved.state.nodes) {
        const [a, b] = [saved.state.positions[node]!, copy.state.positions[node]!];
        assert.ok(Math.hypot(a.x - b.x, a.y - b.y) < 1e-6, `${node} is where it was saved`);
      }

      // Open the first again from the list, and export it both ways.
      await menu.getByRole('button', { name: 'Open Blinken in Beijing' }).click();
      await page.waitForURL((url) => url.searchParams.get('investigation') === saved.id, { timeout: 10_000 });
      await page.getByRole('button', { name: 'Investigations' }).click();
      const json = await exported(page, /^Export JSON/);
      assert.ok(isGraphExport(json.file));
      assert.match(json.fileName, /^newsgraph-investigation-blinken-in-beijing-\d{8}-\d{4}\.json$/);
      assert.equal(json.file.investigation!.name, 'Blinken in Beijing');
      assert.deepEqual(json.file.graph.nodes.map((n) => n.key).sort(), [...saved.state.nodes].sort());
      assert.ok(
        json.file.notes!.some((n) => /Beijing itinerary/.test(n.text)),
        'the note on Blinken comes along',
      );
      const pack = await exported(page, /^Export evidence pack/);
      assert.match(pack.fileName, /\.evidence\.json$/);
      assert.ok(Object.keys(pack.file.documents ?? {}).length > 0);
      assert.equal(pack.file.investigation!.id, saved.id);
    });
  });
});
