/**
 * The explorer as a new analyst meets it, in Chromium against the real Neo4j: the overview with its hint,
 * its communities and the entities without links gathered in one group; links read in plain words with
 * their direction and corroboration; links that can be pointed at and clicked; labels that never overlap
 * each other or what lies over the canvas; and no serious accessibility fault on the main views (axe-core).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { SCREENSHOTS } from '../helpers/browser.js';
import { detailsPanel, explorerSuite, exportedSvg, openEntityBySearch, withExplorerPage } from '../helpers/explorer.js';
import { DEV_CORPUS } from '../helpers/seeded.js';

/** A second outlet reporting the seeds' meeting, and a place mentioned with nothing linked to it. */
const ARTICLES = {
  'wire.txt':
    'source: https://wire.example.org/blinken-wang\ntitle: Blinken and Wang Yi meet again\n\n' +
    'Antony Blinken met Wang Yi in Beijing on Friday. Michael Cohen is a lawyer for Donald Trump, the former president. ' +
    'The weather in Reykjavik was cold.\n',
};

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The labels drawn on the canvas (from the canvas's own record) and the boxes of what lies over it (from the page's layout). */
async function labelsAndOverlays(page: Page): Promise<{ labels: (Box & { node: string })[]; overlays: Box[] }> {
  await page.waitForTimeout(400);
  // Run in the page, as text: these tests type-check without the DOM's types.
  return page.evaluate(`(() => {
    const graph = document.getElementById('graph');
    const origin = graph.getBoundingClientRect();
    const overlays = [...graph.parentElement.children]
      .filter((e) => e !== graph && !e.hidden && e.getClientRects().length > 0)
      .map((e) => e.getBoundingClientRect())
      .map((r) => ({ x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height }))
      .filter((b) => b.width > 0 && b.height > 0);
    return { labels: graph.newsgraphView.drawnLabels().labels, overlays };
  })()`);
}

/** Where the canvas drew a node, in its own pixels. */
async function positionOf(page: Page, node: string): Promise<{ x: number; y: number }> {
  return page.evaluate(`document.getElementById('graph').newsgraphView.positionOf(${JSON.stringify(node)})`);
}

function assertClear({ labels, overlays }: Awaited<ReturnType<typeof labelsAndOverlays>>, where: string, atLeast = 4): void {
  assert.ok(labels.length >= atLeast, `${where}: labels are drawn (${labels.length})`);
  for (const [i, a] of labels.entries()) {
    for (const b of labels.slice(i + 1)) assert.ok(!overlaps(a, b), `${where}: the labels of ${a.node} and ${b.node} overlap`);
    for (const o of overlays) assert.ok(!overlaps(a, o), `${where}: the label of ${a.node} lies under an overlay at ${JSON.stringify(o)}`);
  }
}

/** axe-core, run in the page: the serious and critical violations, each with where it is. */
async function accessibilityFaults(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the debugging protocol: the explorer's Content Security Policy rightly refuses inline scripts.
  await page.evaluate(source);
  const violations: { id: string; impact: string; nodes: { target: string[] }[] }[] = await page.evaluate('axe.run(document).then((r) => r.violations)');
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('explorer: the overview, links in plain words, and a view that keeps clear', () => {
  const explorer = explorerSuite({ extraArticles: ARTICLES });

  it('opens on an overview with a hint, the unlinked entities counted in one group, and no overlapping label', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      await page
        .getByRole('note')
        .getByText(/Each dot is a person/)
        .waitFor();
      const group = page.getByRole('button', { name: /entities? without links/ });
      await group.waitFor();
      const unlinked = Number((await group.textContent())!.match(/\d+/)![0]);
      assert.ok(unlinked > 0, 'Reykjavik, mentioned and linked to nothing, is among them');
      assertClear(await labelsAndOverlays(page), 'the overview');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'overview.png') });
      assert.deepEqual(await accessibilityFaults(page), [], 'the overview');

      // The views over the overview: the filters, the export dialog and the query console.
      await page.getByRole('button', { name: 'Filters', exact: true }).click();
      await page.getByRole('dialog', { name: 'Filters' }).waitFor();
      assert.deepEqual(await accessibilityFaults(page), [], 'the filters');
      await page.getByRole('button', { name: 'Filters', exact: true }).click();
      await page.getByRole('button', { name: /^Export/ }).click();
      await page.getByRole('dialog', { name: 'Export' }).waitFor();
      assert.deepEqual(await accessibilityFaults(page), [], 'the export dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Query', exact: true }).click();
      await page.getByRole('region', { name: 'Cypher console' }).getByRole('textbox', { name: 'Cypher query' }).waitFor();
      assert.deepEqual(await accessibilityFaults(page), [], 'the query console');
      await page.getByRole('button', { name: 'Query', exact: true }).click();

      await group.click();
      const panel = detailsPanel(page);
      await panel.getByRole('heading', { name: `${unlinked} ${unlinked === 1 ? 'entity' : 'entities'} without links`, level: 2 }).waitFor();
      assert.ok((await panel.getByRole('button', { name: 'Reykjavik', exact: true }).count()) === 1, 'Reykjavik is listed');

      // Away from the overview and back: the hint and the group come with it.
      await openEntityBySearch(page, 'Blinken', 'Antony Blinken');
      assert.ok(await group.isHidden(), 'the group belongs to the overview');
      await page.getByRole('button', { name: 'Overview' }).click();
      await page.locator('#status', { hasText: /^Overview:/ }).waitFor();
      await group.waitFor();
    });
  });

  it('reads links with their direction and how many documents back them, and marks a single source', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      const panel = await openEntityBySearch(page, 'Donald Trump', 'Donald Trump');
      const connections = panel.getByRole('region', { name: 'Connections' });
      await connections.getByRole('heading', { name: '→ lawyer for → Donald Trump', level: 4 }).waitFor();
      assert.equal(await connections.getByRole('heading', { name: /^Donald Trump → lawyer for/ }).count(), 0, 'never the wrong way round');

      const blinken = await openEntityBySearch(page, 'Blinken', 'Antony Blinken');
      const met = blinken.getByRole('region', { name: 'Connections' }).getByRole('heading', { name: 'Antony Blinken → met →', level: 4 });
      await met.waitFor();
      const items = met.locator('xpath=following-sibling::ul[1]/li');
      const wang = items.filter({ has: page.getByRole('button', { name: 'Wang Yi', exact: true }) });
      assert.match((await wang.locator('.corroboration').textContent())!, /^[2-9] documents, 1 outlet$/, 'two sources, one of them with an outlet');
      const chen = items.filter({ has: page.getByRole('button', { name: 'Chen Jining', exact: true }) });
      assert.equal(await chen.locator('.corroboration').textContent(), 'single source');
      assertClear(await labelsAndOverlays(page), "Blinken's neighbourhood");
      // What rests on someone's word is dashed and an allegation is a ring: by pattern and shape, not colour alone.
      const svg = await exportedSvg(page);
      const lines = svg.match(/<line [^>]*>/g) ?? [];
      assert.ok(
        lines.some((l) => l.includes('stroke-dasharray')),
        'the links into his allegations and his hedged links are dashed',
      );
      assert.ok(
        lines.some((l) => !l.includes('stroke-dasharray')),
        'reported links are not',
      );
      assert.ok((svg.match(/class="ring"/g) ?? []).length >= 2, 'his two allegations are rings');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'panel-directions.png') });
      assert.deepEqual(await accessibilityFaults(page), [], "Blinken's panel");
    });
  });

  it('labels a link under the pointer with its type, and opens its evidence on a click', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      await openEntityBySearch(page, 'Blinken', 'Antony Blinken');
      await page.waitForTimeout(500);
      const box = (await page.locator('#graph').boundingBox())!;
      // A point of the link as drawn now, `t` of the way from Blinken to Chen Jining.
      const alongLink = async (t: number) => {
        const [from, to] = [await positionOf(page, 'person:antony-blinken'), await positionOf(page, 'person:chen-jining')];
        return { x: box.x + from.x + (to.x - from.x) * t, y: box.y + from.y + (to.y - from.y) * t };
      };
      // The pointer comes in from aside so sigma notices. On a busy machine a frame can lag the move, or the
      // camera still be settling, and a label or another node may lie over part of the link: a few tries,
      // at several points along it, each aimed at where the link is drawn now.
      const hovered = async () => ((await page.getAttribute('#graph', 'data-hover-edge')) ?? '') !== '';
      let middle = await alongLink(0.5);
      for (let i = 0; i < 15 && !(await hovered()); i++) {
        middle = await alongLink([0.5, 0.4, 0.6, 0.3, 0.7][i % 5]!);
        await page.mouse.move(middle.x + 30, middle.y + 30);
        await page.mouse.move(middle.x, middle.y, { steps: 4 });
        await page.waitForTimeout(300);
      }
      if (!(await hovered())) await page.screenshot({ path: path.join(SCREENSHOTS, 'edge-hover-missed.png') });
      assert.ok(await hovered(), 'the link under the pointer is hovered');
      assert.equal(await page.getAttribute('#graph', 'title'), 'Antony Blinken → met → Chen Jining', 'the tooltip reads the link as a sentence');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'edge-hover.png') });
      await page.mouse.click(middle.x, middle.y);
      const panel = detailsPanel(page);
      await panel.getByRole('heading', { name: 'Antony Blinken → met → Chen Jining', level: 2 }).waitFor({ timeout: 10_000 });
      assert.match((await panel.locator('.corroboration-line').textContent())!, /Backed by 1 document: a single source/);
      assert.ok((await panel.getByRole('list', { name: 'Evidence' }).locator('blockquote').count()) > 0);
    });
  });
});

describe('explorer on the dev corpus (30 real articles and the seeds)', { skip: existsSync(DEV_CORPUS) ? false : `no dev corpus at ${DEV_CORPUS}` }, () => {
  const explorer = explorerSuite({ extraPaths: [DEV_CORPUS] });

  it('keeps every label clear on the first screen, the Blinken view, an allegation and a path', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      assertClear(await labelsAndOverlays(page), 'the overview');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'corpus-overview.png') });
      assert.deepEqual(await accessibilityFaults(page), [], 'the overview');

      const panel = await openEntityBySearch(page, 'Blinken', 'Antony Blinken');
      assertClear(await labelsAndOverlays(page), 'Blinken');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'corpus-blinken.png') });

      // An allegation, from the panel of someone it is made against.
      await openEntityBySearch(page, 'Donald Trump', 'Donald Trump');
      const against = panel.getByRole('region', { name: 'Connections' }).getByRole('heading', { name: 'Allegations against it', level: 4 });
      await against
        .locator('xpath=following-sibling::ul[1]/li[1]')
        .getByRole('button', { name: /^Open / })
        .click();
      await panel.getByText('Allegation', { exact: true }).waitFor();
      await panel.getByRole('heading', { name: 'Against', level: 4 }).waitFor();
      assertClear(await labelsAndOverlays(page), 'an allegation');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'corpus-allegation.png') });
      assert.deepEqual(await accessibilityFaults(page), [], 'an allegation');

      // A path, from the Paths form.
      await page.getByRole('button', { name: 'Paths', exact: true }).click();
      for (const [label, name] of [
        ['From', 'Antony Blinken'],
        ['To', 'Joe Biden'],
      ] as const) {
        await page.getByRole('combobox', { name: label, exact: true }).fill(name);
        await page
          .getByRole('listbox', { name: `${label} suggestions` })
          .getByRole('option', { name: new RegExp(`^${name}`) })
          .first()
          .click({ timeout: 10_000 });
      }
      await page.getByRole('combobox', { name: 'To', exact: true }).press('Enter');
      await panel.getByRole('list', { name: 'Hops' }).waitFor({ timeout: 10_000 });
      // A path fades all but its own nodes, and only theirs are labelled.
      assertClear(await labelsAndOverlays(page), 'a path', 2);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'corpus-path.png') });
    });
  });
});
