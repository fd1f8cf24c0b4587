/**
 * The timeline in Chromium over three dated articles and an undated one (test/helpers/dated.ts): bars per
 * day, a range chosen by dragging or by the keyboard narrows the canvas to the links with evidence in it,
 * the address keeps it, and Clear brings everything back.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { GraphExport } from '../../common/export.js';
import type { SerializedEdge, SerializedGraph } from '../../common/graph.js';
import { SCREENSHOTS } from '../helpers/browser.js';
import { dateDocuments, DATED_ARTICLES } from '../helpers/dated.js';
import { drawnLabels, explorerSuite, openEntityBySearch, withExplorerPage } from '../helpers/explorer.js';

/** What #graph says is drawn, once it says `expected` (polled: the page updates after the gesture). */
async function visibleEdges(page: Page, expected: number): Promise<number> {
  await page
    .locator(`#graph[data-visible-edges="${expected}"]`)
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  return Number(await page.getAttribute('#graph', 'data-visible-edges'));
}

const inFebruary = (e: SerializedEdge) => e.attributes.evidenceDates?.some((d) => d.startsWith('2024-02')) ?? false;

/** The labels of the nodes at the ends of the links `kept` lets through. */
function endsOf(graph: SerializedGraph, kept: (e: SerializedEdge) => boolean): string[] {
  const label = new Map(graph.nodes.map((n) => [n.key, n.attributes.label]));
  return [...new Set(graph.edges.filter(kept).flatMap((e) => [label.get(e.source)!, label.get(e.target)!]))].sort();
}

describe('explorer: a timeline whose range narrows the canvas, in Chromium', () => {
  const explorer = explorerSuite({ seeds: false, extraArticles: DATED_ARTICLES });
  let overview: SerializedGraph;

  before(async () => {
    await dateDocuments(explorer.db);
    overview = (await (await fetch(`${explorer.base}/api/graph?limit=300`)).json()) as SerializedGraph;
  });

  it('shows bars per day, narrows the canvas to a dragged range, keeps it in the address, and clears back', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.locator('.timeline-bucket').first().waitFor();
      // 10 January to 5 March, one bar pair a day, empty days included.
      assert.equal(await timeline.locator('.timeline-bucket').count(), 56);
      assert.equal(await timeline.locator('.timeline-bar.documents[style*="height: 40px"]').count(), 3, 'one document on each of three days');
      await timeline.getByRole('status').getByText('All dates · 1 undated document').waitFor();
      const all = overview.edges.length;
      assert.equal(await visibleEdges(page, all), all);

      // Drag across February: from its first day's bar to its last.
      const plot = timeline.locator('.timeline-plot');
      const box = (await plot.boundingBox())!;
      const at = (bucket: number) => box.x + ((bucket + 0.5) / 56) * box.width;
      // 10 January is bucket 0: 1 February is 22, 29 February is 50.
      await page.mouse.move(at(22), box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(at(35), box.y + box.height / 2, { steps: 4 });
      await page.mouse.move(at(50), box.y + box.height / 2, { steps: 4 });
      await page.mouse.up();
      await timeline.getByRole('status').getByText('1 Feb – 29 Feb 2024 · 2 undated links hidden').waitFor();
      const february = overview.edges.filter(inFebruary).length;
      assert.ok(february > 0 && february < all, `${february} of ${all}`);
      assert.equal(await visibleEdges(page, february), february, "February's links only");
      await page.screenshot({ path: path.join(SCREENSHOTS, 'timeline-february.png') });
      // A claim is drawn cut short (…): each drawn label is the start of one expected.
      const drawn = (await drawnLabels(page)).sort();
      const expected = endsOf(overview, inFebruary);
      assert.equal(drawn.length, expected.length, `${drawn.join(', ')} / ${expected.join(', ')}`);
      drawn.forEach((label, i) => assert.ok(expected[i]!.startsWith(label.replace(/…$/, '')), `${label} / ${expected[i]}`));
      assert.ok(new URL(page.url()).search.includes('from=2024-02-01&to=2024-02-29'), page.url());

      await timeline.getByRole('button', { name: 'Clear the time range' }).click();
      assert.equal(await visibleEdges(page, all), all);
      await timeline.getByRole('status').getByText('All dates · 1 undated document').waitFor();
      assert.equal(new URL(page.url()).search.includes('from='), false);
    });
  });

  it('moves a handle with the arrow keys, says its date to a screen reader, and opens on the range in the address', async () => {
    await withExplorerPage(explorer, '/?from=2024-03-01&to=2024-03-31', async (page) => {
      const timeline = page.getByRole('region', { name: 'Timeline' });
      const inMarch = (e: SerializedEdge) => e.attributes.evidenceDates?.some((d) => d.startsWith('2024-03')) ?? false;
      const march = overview.edges.filter(inMarch).length;
      assert.equal(await visibleEdges(page, march), march);
      const start = timeline.getByRole('slider', { name: 'Start of the time range' });
      await start.waitFor();
      assert.equal(await start.getAttribute('aria-valuetext'), '1 Mar 2024');
      assert.equal(
        await timeline.getByRole('slider', { name: 'End of the time range' }).getAttribute('aria-valuetext'),
        '5 Mar 2024',
        'held to the last bucket',
      );
      // Home takes the start back to the first day: January's links come in too (and Henrik's was already in).
      await start.focus();
      await page.keyboard.press('Home');
      assert.equal(await start.getAttribute('aria-valuetext'), '10 Jan 2024');
      const dated = overview.edges.filter((e) => e.attributes.evidenceDates).length;
      assert.equal(await visibleEdges(page, dated), dated, 'every dated link; the undated stay out');
      const end = timeline.getByRole('slider', { name: 'End of the time range' });
      await end.focus();
      for (let i = 0; i < 24; i++) await page.keyboard.press('ArrowLeft');
      assert.equal(await end.getAttribute('aria-valuetext'), '10 Feb 2024');
      const january = overview.edges.filter((e) => e.attributes.evidenceDates?.some((d) => d < '2024-02-11')).length;
      assert.equal(await visibleEdges(page, january), january);
      assert.ok(new URL(page.url()).search.includes('from=2024-01-10&to=2024-02-10'), page.url());
    });
  });

  it("says in the edge panel when each piece of a link's evidence was published", async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      assert.ok(
        overview.edges.some((e) => e.attributes.evidenceDates?.length === 2),
        'a link with evidence in January and March',
      );
      const panel = await openEntityBySearch(page, 'Henrik', 'Henrik Dalby');
      await panel.getByRole('button', { name: 'Maria Okonkwo', exact: true }).click();
      await panel.getByText('Reported from 10 Jan 2024 to 5 Mar 2024.').waitFor();
      assert.deepEqual(await panel.locator('.evidence time').allTextContents(), ['10 Jan 2024', '5 Mar 2024']);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'timeline-edge-panel.png') });
    });
  });

  it("exports what the timeline keeps: the dialog says so, and the file holds February's links only", async () => {
    await withExplorerPage(explorer, '/?from=2024-02-01&to=2024-02-29', async (page) => {
      await page.getByRole('button', { name: /^Export/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.getByText('Timeline: only the links reported 1 Feb – 29 Feb 2024, and what they reach.').waitFor();
      await dialog.getByRole('radio', { name: /^Whole graph/ }).check();
      await dialog.getByRole('radio', { name: 'JSON', exact: true }).check();
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
      const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as GraphExport;
      assert.deepEqual(file.scope, { kind: 'all', range: { from: '2024-02-01T00:00:00.000Z', to: '2024-02-29T23:59:59.999Z' } });
      assert.ok(file.graph.edges.length > 0);
      for (const e of file.graph.edges) assert.ok(inFebruary(e), JSON.stringify(e.attributes));
    });
  });
});

describe('explorer: the timeline when no document is dated, in Chromium', () => {
  const explorer = explorerSuite({ seeds: false, extraArticles: { 'undated.txt': DATED_ARTICLES['undated.txt'] } });

  it('says so, keeps a range from the address without a brush to draw, and goes Back without an error', async () => {
    await withExplorerPage(explorer, '/?from=2024-02-01&to=2024-02-29', async (page) => {
      const timeline = page.getByRole('region', { name: 'Timeline' });
      await timeline.getByText('No dated documents yet').waitFor();
      assert.equal(await visibleEdges(page, 0), 0, 'an undated link is in no range');
      // Back and Forward replay the range in the address (the url e2e met this on the seeds, which have no dates).
      await page.evaluate("history.pushState(null, '', '/?from=2024-03-01&to=2024-03-31'); history.back();");
      await page.waitForURL(/from=2024-02-01/);
      await timeline.getByRole('button', { name: 'Clear the time range' }).click();
      assert.ok((await visibleEdges(page, 2)) > 0);
    });
  });
});
