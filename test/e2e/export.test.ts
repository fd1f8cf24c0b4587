/**
 * The export dialog in Chromium against the seed graph in a real Neo4j: a neighbourhood as GraphML read
 * back by graphology's parser, the visible graph as SVG, a scope the server refuses shown in the dialog.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Page } from 'playwright-core';
import { SCREENSHOTS } from '../helpers/browser.js';
import { explorerSuite, nodeCount, openEntityBySearch, withExplorerPage } from '../helpers/explorer.js';

const BLINKEN = 'person:antony-blinken';

async function exportThroughDialog(page: Page, scope: RegExp, format: string, screenshot?: string) {
  await page.getByRole('button', { name: /^Export/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: scope }).check();
  await dialog.getByRole('radio', { name: format, exact: true }).check();
  if (screenshot) await page.screenshot({ path: path.join(SCREENSHOTS, screenshot) });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  await dialog.waitFor({ state: 'hidden' });
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

describe('export dialog in Chromium', () => {
  const explorer = explorerSuite();

  it('exports a neighbourhood as GraphML and the view as SVG, and shows a refusal in the dialog', async () => {
    await withExplorerPage(
      explorer,
      '/',
      async (page) => {
        await openEntityBySearch(page, 'Blinken', 'Antony Blinken');

        const graphml = await exportThroughDialog(page, /^Neighbourhood of Antony Blinken/, 'GraphML', 'export-dialog.png');
        assert.match(graphml.name, /^newsgraph-neighbourhood-person-antony-blinken-\d{8}-\d{4}\.graphml$/);
        const graph = parseGraphml(MultiDirectedGraph, graphml.text);
        const linked = graph.neighbors(BLINKEN).map((k) => graph.getNodeAttribute(k, 'label') as string);
        for (const name of ['Wang Yi', 'Wang Xiaohong', 'Chen Jining']) assert.ok(linked.includes(name), `${name} linked: ${linked.join(', ')}`);
        await page
          .getByRole('status')
          .filter({ hasText: /Saved newsgraph-neighbourhood-/ })
          .waitFor({ timeout: 5000 });

        const svg = await exportThroughDialog(page, /^Visible graph/, 'SVG image');
        assert.match(svg.name, /^newsgraph-view-\d{8}-\d{4}\.svg$/);
        const doc = new DOMParser().parseFromString(svg.text, 'image/svg+xml');
        const circles = Array.from(doc.getElementsByTagName('circle')).filter((c) => c.getAttribute('class') === 'node');
        assert.equal(circles.length, await nodeCount(page), 'a circle for each node drawn');
        assert.ok(circles.some((c) => c.getAttribute('data-key') === BLINKEN));
        const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
        assert.ok(
          texts.some((t) => t?.includes('Antony Blinken')),
          'labels are text',
        );

        // The focused entity is gone by the time of the export (here: the page is told so): the server's
        // NOT_FOUND shows in the dialog, which stays open.
        await page.locator('#graph').evaluate((el) => el.setAttribute('data-focus', 'person:nobody-here'));
        await page.getByRole('button', { name: /^Export/ }).click();
        const dialog = page.getByRole('dialog', { name: 'Export' });
        await dialog.getByRole('radio', { name: /^Neighbourhood of/ }).check();
        await dialog.getByRole('radio', { name: 'GEXF', exact: true }).check();
        await dialog.getByRole('button', { name: 'Export', exact: true }).click();
        const alert = dialog.getByRole('alert');
        await alert.waitFor({ timeout: 10_000 });
        assert.match((await alert.textContent()) ?? '', /Could not export: No entity or allegation with id person:nobody-here/);
        await page.screenshot({ path: path.join(SCREENSHOTS, 'export-dialog-error.png') });
        assert.ok(await dialog.isVisible(), 'the dialog stays open');
      },
      { expectedErrors: /status of 404/ },
    );
  });

  it('offers no export of a query that returned values only, and says why; a query with nodes is offered', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      await page.getByRole('button', { name: 'Query', exact: true }).click();
      const consolePane = page.getByRole('region', { name: 'Cypher console' });
      await consolePane.getByRole('textbox', { name: 'Cypher query' }).waitFor({ timeout: 15_000 });
      const table = consolePane.getByRole('table', { name: 'Query result' });
      // Waits for this query's own column: the table of the query before stays until the new one replaces it.
      const run = async (query: string, column: string) => {
        await page.keyboard.press('Control+A');
        await page.keyboard.type(query);
        await page.keyboard.press('Control+Enter');
        await table.getByRole('columnheader', { name: column, exact: true }).waitFor({ timeout: 15_000 });
      };
      const lastQuery = async () => {
        await page.getByRole('button', { name: /^Export/ }).click();
        const dialog = page.getByRole('dialog', { name: 'Export' });
        const radio = dialog.getByRole('radio', { name: /^Last query/ });
        const state = { enabled: await radio.isEnabled(), text: (await dialog.getByRole('group', { name: 'Scope' }).textContent()) ?? '' };
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'hidden' });
        return state;
      };
      await run('MATCH (p:Person) RETURN count(p) AS people', 'people');
      const values = await lastQuery();
      assert.equal(values.enabled, false, 'a count has no graph to export');
      assert.match(values.text, /values only/);
      await consolePane.getByRole('textbox', { name: 'Cypher query' }).click();
      await run('MATCH (p:Person) RETURN p LIMIT 3', 'p');
      assert.equal((await lastQuery()).enabled, true, 'nodes can be exported');
    });
  });
});
