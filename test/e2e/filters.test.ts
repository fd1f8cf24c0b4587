import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { SerializedEdge, SerializedGraph } from '../../common/graph.js';
import { SCREENSHOTS } from '../helpers/browser.js';
import { detailsPanel, explorerSuite, nodeCount, withExplorerPage } from '../helpers/explorer.js';

/** What #graph says is drawn, once it says `expected` (polled: the page updates after the click). */
async function visible(page: Page, attribute: 'nodes' | 'edges', expected?: number): Promise<number> {
  const selector = `#graph[data-visible-${attribute}]`;
  if (expected !== undefined) {
    await page
      .locator(`#graph[data-visible-${attribute}="${expected}"]`)
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
  }
  return Number(await page.getAttribute(selector, `data-visible-${attribute}`));
}

/** How many nodes stay when only the links `kept` lets through are: those with one of them, and those that never had a link. */
function nodesKept(graph: SerializedGraph, kept: (edge: SerializedEdge) => boolean): number {
  const linked = new Set(graph.edges.flatMap((e) => [e.source, e.target]));
  const keptLinked = new Set(graph.edges.filter(kept).flatMap((e) => [e.source, e.target]));
  return graph.nodes.filter((n) => !linked.has(n.key) || keptLinked.has(n.key)).length;
}

describe('explorer: filters and a legend that follows the view, in Chromium', () => {
  const explorer = explorerSuite({
    extraArticles: {
      // An article with a source, so one document has an outlet to group it by; the seeds have none.
      'wire.txt':
        'Source: https://wire.example.net/xi-biden\nTitle: Xi assured Biden\n\nXi Jinping met Joe Biden in California. The New York Times reported that Xi Jinping assured Joe Biden.\n',
    },
  });
  let overview: SerializedGraph;
  let wireDoc: string;

  before(async () => {
    const { base } = explorer;
    overview = (await (await fetch(`${base}/api/graph?limit=300`)).json()) as SerializedGraph;
    const docs = (await (await fetch(`${base}/api/documents?limit=50`)).json()) as { documents: { id: string; outlet: string | null }[] };
    wireDoc = docs.documents.find((d) => d.outlet === 'wire.example.net')!.id;
  });

  it('hides a kind (the legend follows), low-degree nodes and uncited links, and clears back to everything', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      const total = overview.nodes.length;
      const places = overview.nodes.filter((n) => n.attributes.kind === 'Place').length;
      assert.ok(places > 0 && places < total, 'the seeds hold places and more');
      assert.equal(await visible(page, 'nodes', total), total);
      const legend = page.getByRole('group', { name: 'Legend' });
      assert.deepEqual(await legend.getByRole('button').allTextContents(), ['Person', 'Institution', 'Place', 'Allegation']);

      const filtersButton = page.getByRole('button', { name: /^Filters/ });
      await filtersButton.click();
      const filters = page.getByRole('dialog', { name: 'Filters' });
      await filters.waitFor();
      assert.equal(await filtersButton.getAttribute('aria-expanded'), 'true');
      await filters.getByText(`${total} of ${total} nodes shown`).waitFor();
      const kinds = filters.getByRole('group', { name: 'Kinds' });
      const place = kinds.getByRole('checkbox', { name: /Place/ });
      assert.equal(
        await kinds
          .locator('label', { has: page.getByRole('checkbox', { name: /Place/ }) })
          .locator('.filter-count')
          .textContent(),
        String(places),
      );
      const types = await filters.getByRole('group', { name: 'Relationships' }).getByRole('checkbox').count();
      assert.equal(types, new Set(overview.edges.map((e) => e.attributes.relType)).size, 'one box per relationship type on the canvas');

      // Unticking Place: the places go, and the legend no longer lists Place.
      await place.uncheck();
      assert.equal(await visible(page, 'nodes', total - places), total - places);
      await filters.getByText(`${total - places} of ${total} nodes shown`).waitFor();
      await legend.getByRole('button', { name: 'Show Place' }).waitFor();
      assert.deepEqual(await legend.getByRole('button', { name: /^(Person|Institution|Place|Allegation)$/ }).allTextContents(), [
        'Person',
        'Institution',
        'Allegation',
      ]);
      assert.equal(await filtersButton.textContent(), 'Filters (1)');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'filters-no-places.png') });

      // A minimum degree of 3, by keyboard: only non-places with three links or more stay.
      const degree = new Map<string, number>();
      for (const e of overview.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
      const strong = overview.nodes.filter((n) => n.attributes.kind !== 'Place' && (degree.get(n.key) ?? 0) >= 3).length;
      assert.ok(strong > 0 && strong < total - places, 'the minimum hides some nodes and keeps some');
      const slider = filters.getByRole('slider', { name: /Minimum links/ });
      await slider.focus();
      for (let i = 0; i < 3; i++) await slider.press('ArrowRight');
      assert.equal(await slider.getAttribute('aria-valuetext'), 'at least 3 links');
      assert.equal(await visible(page, 'nodes', strong), strong);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'filters-min-degree.png') });

      // Clear: everything is back, ticks and legend included.
      await filters.getByRole('button', { name: 'Clear filters' }).click();
      assert.equal(await visible(page, 'nodes', total), total);
      assert.ok(await place.isChecked());
      assert.equal(await slider.inputValue(), '0');
      assert.deepEqual(await legend.getByRole('button').allTextContents(), ['Person', 'Institution', 'Place', 'Allegation']);
      assert.equal(await filtersButton.textContent(), 'Filters');

      // Documents, grouped by outlet: without the seeds' unnamed outlet only links the wire story cites stay.
      const documents = filters.getByRole('group', { name: 'Documents cited' });
      const cited = overview.edges.filter((e) => (e.attributes.properties.evDocs as string[]).includes(wireDoc)).length;
      assert.ok(cited > 0 && cited < overview.edges.length);
      await documents.getByRole('checkbox', { name: /wire\.example\.net/ }).waitFor({ timeout: 10_000 });
      await documents.getByRole('checkbox', { name: /Xi assured Biden/ }).waitFor();
      const outletRow = documents.locator('label', { has: page.getByRole('checkbox', { name: /wire\.example\.net/ }) });
      assert.equal(await outletRow.locator('.filter-count').textContent(), String(cited), 'the outlet counts the links its stories cite');
      const unnamed = documents.getByRole('checkbox', { name: /Outlet not recorded/ });
      await unnamed.uncheck();
      assert.equal(await visible(page, 'edges', cited), cited);
      // The nodes whose every link went go too (the count says so); a node that never had a link stays.
      const kept = nodesKept(overview, (e) => (e.attributes.properties.evDocs as string[]).includes(wireDoc));
      assert.ok(kept < total);
      assert.equal(await visible(page, 'nodes', kept), kept);
      await filters.getByText(`${kept} of ${total} nodes shown`).waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'filters-documents.png') });
      await unnamed.check();
      assert.equal(await visible(page, 'edges', overview.edges.length), overview.edges.length);

      // Links backed by two documents or more: some the seeds and the wire story both report.
      const backed = (e: SerializedEdge) => e.attributes.corroboration.documents >= 2;
      const corroborated = overview.edges.filter(backed).length;
      assert.ok(corroborated > 0 && corroborated < overview.edges.length, `${corroborated} corroborated links`);
      const sources = filters.getByRole('slider', { name: /Minimum documents per link/ });
      assert.equal(await sources.getAttribute('aria-valuetext'), 'every link');
      await sources.focus();
      await sources.press('ArrowRight');
      assert.equal(await sources.getAttribute('aria-valuetext'), 'links backed by at least 2 documents');
      assert.equal(await visible(page, 'edges', corroborated), corroborated);
      const corroboratedNodes = nodesKept(overview, backed);
      assert.equal(await visible(page, 'nodes', corroboratedNodes), corroboratedNodes);
      await filters.getByText(`${corroboratedNodes} of ${total} nodes shown`).waitFor();
      assert.equal(await filtersButton.textContent(), 'Filters (1)');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'filters-corroborated.png') });
      await filters.getByRole('button', { name: 'Clear filters' }).click();
      assert.equal(await visible(page, 'edges', overview.edges.length), overview.edges.length);
      assert.equal(await sources.inputValue(), '1');

      // One kind alone, then all of them again, from the buttons beside the ticks.
      const people = overview.nodes.filter((n) => n.attributes.kind === 'Person').length;
      await kinds.getByRole('button', { name: 'Show only Person' }).click();
      assert.equal(await visible(page, 'nodes', people), people);
      assert.ok(await kinds.getByRole('checkbox', { name: /Person/ }).isChecked());
      assert.ok(!(await place.isChecked()));
      assert.deepEqual(await legend.getByRole('button', { name: /^(Person|Institution|Place|Allegation)$/ }).allTextContents(), ['Person']);
      await kinds.getByRole('button', { name: 'Show all kinds' }).click();
      assert.equal(await visible(page, 'nodes', total), total);
      assert.ok(await place.isChecked());

      // Escape closes the panel and gives the focus back to its button.
      await unnamed.focus();
      await page.keyboard.press('Escape');
      assert.ok(await filters.isHidden());
      assert.equal(await filtersButton.getAttribute('aria-expanded'), 'false');
      assert.equal(await page.locator('#filters-button:focus').count(), 1, 'the focus is back on the Filters button');

      // A legend kind, pressed from the keyboard, hides that kind; the legend offers it back, focus kept in it.
      const allegations = overview.nodes.filter((n) => n.attributes.kind === 'Allegation').length;
      await legend.getByRole('button', { name: 'Allegation', exact: true }).focus();
      await page.keyboard.press('Enter');
      assert.equal(await visible(page, 'nodes', total - allegations), total - allegations);
      assert.equal(await legend.getByRole('button', { name: 'Show Allegation' }).and(page.locator(':focus')).count(), 1);
      await page.keyboard.press('Enter');
      assert.equal(await visible(page, 'nodes', total), total);
    });
  });

  it('lists what a search or an expansion brings, keeping the choices made', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      const search = page.getByRole('combobox', { name: /Search/ });
      const find = async (name: string, entity: string) => {
        await search.fill(name);
        await page
          .getByRole('option', { name: new RegExp(name) })
          .first()
          .click();
        await page.locator(`#graph[data-focus="${entity}"]`).waitFor({ timeout: 10_000 });
      };
      await find('Blinken', 'person:antony-blinken');

      await page.getByRole('button', { name: /^Filters/ }).click();
      const filters = page.getByRole('dialog', { name: 'Filters' });
      const boxes = (group: string) => filters.getByRole('group', { name: group }).getByRole('checkbox');
      const names = async (group: string) => (await Promise.all((await boxes(group).all()).map((box) => box.getAttribute('data-value')))).sort();
      assert.deepEqual(await names('Kinds'), ['Allegation', 'Person', 'Place']);
      assert.ok(!(await names('Relationships')).includes('ASSURED'));

      // Hide allegations, then expand Xi Jinping from the panel: ASSURED arrives, ticked; allegations stay hidden.
      await boxes('Kinds')
        .and(page.getByRole('checkbox', { name: /Allegation/ }))
        .uncheck();
      const panel = detailsPanel(page);
      await panel.getByRole('button', { name: 'Open Xi Jinping' }).first().click();
      await panel.getByRole('heading', { name: 'Xi Jinping', level: 2 }).waitFor({ timeout: 10_000 });
      const before = await nodeCount(page);
      await panel.getByRole('button', { name: 'Expand' }).click();
      await page.locator(`#graph:not([data-node-count="${before}"])`).waitFor({ timeout: 10_000 });
      await filters.getByRole('checkbox', { name: /ASSURED/ }).waitFor({ timeout: 10_000 });
      assert.ok(await filters.getByRole('checkbox', { name: /ASSURED/ }).isChecked(), 'a new type arrives ticked');
      assert.ok(!(await filters.getByRole('checkbox', { name: /Allegation/ }).isChecked()), 'the hidden kind stays hidden');
      const nodes = await nodeCount(page);
      const shown = await visible(page, 'nodes');
      assert.ok(shown < nodes, 'the allegations the expansion brought are hidden too');
      await filters.getByText(`${shown} of ${nodes} nodes shown`).waitFor();
      const kindsBeforeSearch = await names('Kinds');

      // A search for CNN brings an institution and REPORTS links; Allegation stays listed, unticked, at 0 or more.
      await find('CNN', 'institution:cnn');
      await filters.getByRole('checkbox', { name: /Institution/ }).waitFor({ timeout: 10_000 });
      assert.deepEqual(await names('Kinds'), ['Allegation', 'Institution']);
      assert.ok((await names('Relationships')).includes('REPORTS'));
      assert.ok(!(await filters.getByRole('checkbox', { name: /Allegation/ }).isChecked()));
      const legend = page.getByRole('group', { name: 'Legend' });
      assert.deepEqual(await legend.getByRole('button', { name: /^(Person|Institution|Place|Allegation)$/ }).allTextContents(), ['Institution']);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'filters-after-search.png') });

      // Undo brings Xi's expanded neighbourhood back, and its lists with it.
      await page.getByRole('button', { name: 'Undo' }).click();
      await filters.getByRole('checkbox', { name: /ASSURED/ }).waitFor({ timeout: 10_000 });
      assert.deepEqual(await names('Kinds'), kindsBeforeSearch);
      assert.ok(kindsBeforeSearch.includes('Allegation') && kindsBeforeSearch.includes('Person'));
    });
  });
});
