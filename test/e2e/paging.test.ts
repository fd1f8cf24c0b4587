import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { SerializedGraph } from '../../common/graph.js';
import { SCREENSHOTS } from '../helpers/browser.js';
import { detailsPanel, drawnLabels, explorerSuite, nodeCount, openEntityBySearch, withExplorerPage } from '../helpers/explorer.js';

const BLINKEN = 'person:antony-blinken';
/** Small pages on the small seed graph, so Blinken's neighbourhood takes several. */
const PAGE = 2;

const ids = async (page: Page) => ((await page.getAttribute('#graph', 'data-node-ids')) ?? '').split(' ').filter(Boolean).sort();
const changedFrom = (page: Page, n: number) => page.locator(`#graph:not([data-node-count="${n}"])`).waitFor({ timeout: 10_000 });
/** A label as it should be drawn: the name, then "+N" when N of the node's neighbours are not on the canvas. */
const badged = (name: string, hidden: number) => (hidden > 0 ? `${name} +${hidden}` : name);
/** `name`'s label as the canvas draws it, badge included. */
async function drawnLabel(page: Page, name: string): Promise<string> {
  const labels = await drawnLabels(page);
  const mine = labels.filter((l) => l === name || l.startsWith(`${name} +`));
  assert.equal(mine.length, 1, `${name} is drawn with its label: ${labels.join(' | ')}`);
  return mine[0]!;
}

describe('explorer: "+N more" paging and collapse', () => {
  const explorer = explorerSuite();
  /** Blinken's whole neighbourhood, in one unlimited fetch. */
  let whole: SerializedGraph;

  before(async () => {
    whole = (await (await fetch(`${explorer.base}/api/entities/${BLINKEN}/neighbourhood?limit=5000`)).json()) as SerializedGraph;
  });

  it('shows a capped neighbourhood with its count, pages in the rest, and undo takes a page back', async () => {
    const total = whole.attributes.neighbours as number;
    assert.ok(total > 2 * PAGE, `Blinken has ${total} neighbours`);
    await withExplorerPage(explorer, `/?pageSize=${PAGE}`, async (page) => {
      const panel = await openEntityBySearch(page, 'Blinken', 'Antony Blinken');
      assert.equal(await nodeCount(page), PAGE + 1, 'the first page: Blinken and his two best-connected neighbours');

      const paging = panel.locator('.paging');
      assert.equal(await paging.getAttribute('data-hidden'), String(total - PAGE));
      const more = panel.getByRole('button', { name: new RegExp(`^Show ${PAGE} more of the ${total - PAGE} neighbours`) });
      assert.equal(await more.textContent(), `Show ${PAGE} more`);
      assert.equal(await drawnLabel(page, 'Antony Blinken'), badged('Antony Blinken', total - PAGE), 'his badge counts the neighbours not shown');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'paging-capped.png') });

      // Page by page until none is left; each click one page more.
      let before = await nodeCount(page);
      await more.click();
      await changedFrom(page, before);
      assert.equal(await nodeCount(page), before + PAGE);
      assert.equal(await paging.getAttribute('data-hidden'), String(total - 2 * PAGE));
      const afterOne = await nodeCount(page);
      await page.getByRole('button', { name: 'Undo' }).click();
      assert.equal(await nodeCount(page), before, 'undo takes the page back');
      assert.equal(await paging.getAttribute('data-hidden'), String(total - PAGE), 'and the count with it');
      // Undo rebuilds the canvas: the badge is what is hidden then, not all his neighbours.
      assert.equal(await drawnLabel(page, 'Antony Blinken'), badged('Antony Blinken', total - PAGE), 'and the badge with it');
      await page.getByRole('button', { name: 'Redo' }).click();
      assert.equal(await nodeCount(page), afterOne);
      assert.equal(await drawnLabel(page, 'Antony Blinken'), badged('Antony Blinken', total - 2 * PAGE), 'redo brings the page and its badge back');

      const showMore = panel.getByRole('button', { name: /^Show \d+ more/ });
      for (let clicks = 0; (await showMore.count()) > 0 && (await showMore.isVisible()); clicks++) {
        assert.ok(clicks < total, 'paging ends');
        before = await nodeCount(page);
        await showMore.click();
        await changedFrom(page, before);
      }
      assert.equal(await paging.getAttribute('data-hidden'), '0');
      assert.deepEqual(await ids(page), whole.nodes.map((n) => n.key).sort(), 'the pages add up to the whole neighbourhood');
      assert.equal(Number(await page.getAttribute('#graph', 'data-edge-count')), whole.edges.length, 'links between pages included');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'paging-all.png') });

      // The address holds the pages: a reload rebuilds the same canvas.
      const link = page.url();
      assert.match(link, new RegExp(`pageSize=${PAGE}&focus=person:antony-blinken(&more=person:antony-blinken)+$`));
      const all = await ids(page);
      await page.reload();
      await page.locator('#graph[data-url-state="ready"]').waitFor({ timeout: 30_000 });
      assert.deepEqual(await ids(page), all);
    });
  });

  it('collapses the neighbours that hang off a node alone, keeps those linked elsewhere, and undo brings them back', async () => {
    // Blinken opened and one of his neighbours that has others expanded, from a link: it then hangs off
    // Blinken and more. Which one depends on what the extractor finds in the seeds, so it is looked up.
    const neighbourhoodOf = async (key: string) =>
      (await (await fetch(`${explorer.base}/api/entities/${encodeURIComponent(key)}/neighbourhood?limit=5000`)).json()) as SerializedGraph;
    let EXPANDED = '';
    let expanded: SerializedGraph | undefined;
    for (const n of whole.nodes.filter((x) => x.key !== BLINKEN && x.key.startsWith('person:'))) {
      const g = await neighbourhoodOf(n.key);
      if (g.nodes.some((x) => x.key !== BLINKEN && x.key !== n.key)) {
        [EXPANDED, expanded] = [n.key, g];
        break;
      }
    }
    assert.ok(expanded, 'a person next to Blinken has other neighbours in the seed graph');
    const around = new Map<string, Set<string>>();
    for (const e of [...whole.edges, ...expanded.edges]) {
      for (const [a, b] of [
        [e.source, e.target],
        [e.target, e.source],
      ] as const) {
        if (a !== b) around.set(a, (around.get(a) ?? new Set()).add(b));
      }
    }
    const leaves = [...around].filter(([k, others]) => k !== BLINKEN && others.size === 1 && others.has(BLINKEN)).map(([k]) => k);
    assert.ok(leaves.length > 0, 'Blinken has leaves in the seed graph');
    assert.ok(!leaves.includes(EXPANDED) && around.get(BLINKEN)!.has(EXPANDED), `${EXPANDED} is his neighbour, and no leaf once expanded`);

    await withExplorerPage(explorer, `/?focus=${BLINKEN}&expand=${EXPANDED}`, async (page) => {
      const panel = detailsPanel(page);
      await panel.getByRole('heading', { name: 'Antony Blinken', level: 2 }).waitFor({ timeout: 10_000 });
      const full = await ids(page);
      assert.deepEqual(full, [...around.keys()].sort(), 'the default page holds both seed neighbourhoods whole');

      const expandedName = whole.nodes.find((n) => n.key === EXPANDED)!.attributes.label as string;
      // Its neighbours that Blinken's neighbourhood lacks: what its badge counts once its expansion is undone.
      const onlyExpanded = expanded.nodes.filter((n) => n.key !== EXPANDED && n.attributes.kind !== 'Document' && !whole.nodes.some((w) => w.key === n.key));
      assert.ok(onlyExpanded.length > 0);
      assert.equal(await drawnLabel(page, 'Antony Blinken'), 'Antony Blinken', 'all his neighbours are shown: no badge');

      const collapse = panel.getByRole('button', { name: /^Collapse/ });
      await collapse.click();
      await changedFrom(page, full.length);
      const collapsed = await ids(page);
      assert.deepEqual(
        collapsed,
        full.filter((k) => !leaves.includes(k)),
        'exactly the leaves are gone',
      );
      assert.ok(collapsed.includes(EXPANDED));
      assert.equal(await panel.locator('.paging').getAttribute('data-hidden'), String(leaves.length), 'and counted as not shown');
      assert.equal(await drawnLabel(page, 'Antony Blinken'), badged('Antony Blinken', leaves.length), 'his badge counts them');
      assert.ok(await collapse.isDisabled(), 'nothing more to collapse');
      assert.match(page.url(), /&collapse=person:antony-blinken$/);
      await page.waitForTimeout(400); // the camera's fit to what is left
      await page.screenshot({ path: path.join(SCREENSHOTS, 'paging-collapsed.png') });

      await page.keyboard.press('Control+Z');
      assert.deepEqual(await ids(page), full, 'undo restores the leaves');
      await page.waitForURL((url) => !url.searchParams.has('collapse'), { timeout: 5_000 });
      assert.ok(await collapse.isEnabled());
      assert.equal(await drawnLabel(page, 'Antony Blinken'), 'Antony Blinken', 'undoing the collapse takes his badge away');

      // Undo the expansion: Blinken's neighbourhood alone, badges counting what is hidden now, not every neighbour.
      await page.keyboard.press('Control+Z');
      assert.deepEqual(await ids(page), whole.nodes.map((n) => n.key).sort(), 'undo takes the expansion back');
      assert.equal(await drawnLabel(page, 'Antony Blinken'), 'Antony Blinken', 'he still has every neighbour shown');
      assert.equal(await drawnLabel(page, expandedName), badged(expandedName, onlyExpanded.length), `${expandedName}'s badge counts the neighbours undone`);
      await page.keyboard.press('Control+Shift+Z');
      assert.deepEqual(await ids(page), full, 'redo expands again');
      assert.equal(await drawnLabel(page, expandedName), expandedName);

      // "Show more" after a collapse brings them back.
      await page.keyboard.press('Control+Shift+Z');
      assert.deepEqual(await ids(page), collapsed, 'redo collapses again');
      await panel.getByRole('button', { name: /^Show \d+ more/ }).click();
      await changedFrom(page, collapsed.length);
      assert.deepEqual(await ids(page), full);
    });
  });
});
