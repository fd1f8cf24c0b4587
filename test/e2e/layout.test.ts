import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { isGraphExport, type GraphExport } from '../../common/export.js';
import { SCREENSHOTS } from '../helpers/browser.js';
import { explorerSuite, nodeCount, openEntityBySearch, withExplorerPage } from '../helpers/explorer.js';

const BLINKEN = 'person:antony-blinken';
type Positions = Map<string, [number, number]>;

/** Downloads the visible graph as JSON through the export dialog, as a user would, and reads the file. */
async function exportJson(page: Page): Promise<GraphExport> {
  await page.getByRole('button', { name: /^Export/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /^Visible graph/ }).check();
  await dialog.getByRole('radio', { name: 'JSON', exact: true }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  assert.match(download.suggestedFilename(), /^newsgraph-nodes-\d{8}-\d{4}\.json$/);
  const file: unknown = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.ok(isGraphExport(file), 'a newsgraph export');
  return file;
}

function positionsOf(file: GraphExport): Positions {
  return new Map(file.graph.nodes.map((n) => [n.key, [Number(n.attributes.x), Number(n.attributes.y)]]));
}

function moved(a: Positions, b: Positions): string[] {
  return [...a]
    .filter(([key, [x, y]]) => {
      const [x2, y2] = b.get(key)!;
      return Math.hypot(x - x2, y - y2) > 1e-6;
    })
    .map(([key]) => key);
}

/** The node under the pointer at (x, y), as the canvas reports it; the pointer comes in from aside so sigma notices. */
async function nodeAt(page: Page, x: number, y: number): Promise<string> {
  await page.mouse.move(x + 40, y + 40);
  await page.mouse.move(x, y, { steps: 4 });
  await page.waitForTimeout(100);
  return (await page.getAttribute('#graph', 'data-hover')) ?? '';
}

/** How far the drawing spreads on screen: the box of pixels unlike the canvas's background, as fractions of its size. */
async function drawnExtent(page: Page): Promise<{ width: number; height: number }> {
  const box = (await page.locator('#graph').boundingBox())!;
  // Clear of the overview's hint along the top and of the toolbar, the legend, the timeline strip (once a
  // document is dated) and the toasts along the bottom.
  const overlays = await Promise.all(['.view-toolbar', '.legend', '.timeline'].map(async (s) => (await page.locator(s).first().boundingBox())?.y));
  const bottom = Math.min(box.y + box.height - 190, ...overlays.filter((y): y is number => y !== undefined && y > box.y + 100));
  const clip = { x: box.x, y: box.y + 100, width: box.width, height: bottom - (box.y + 100) };
  const png = PNG.sync.read(await page.screenshot({ clip }));
  const at = (x: number, y: number) => (y * png.width + x) * 4;
  const bg = [png.data[0]!, png.data[1]!, png.data[2]!];
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = at(x, y);
      if (Math.max(...bg.map((c, k) => Math.abs(c - png.data[i + k]!))) < 40) continue;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  if (minX > maxX) return { width: 0, height: 0 };
  return { width: (maxX - minX) / png.width, height: (maxY - minY) / png.height };
}

describe('explorer: layout, pinning, fit and export in Chromium', () => {
  const explorer = explorerSuite();

  it('drags a node to pin it, runs and stops ForceAtlas2 around it, and undoes each move in one step', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      await openEntityBySearch(page, 'Blinken', 'Antony Blinken');

      // The neighbourhood is framed around its nodes, not on Blinken: find where the canvas drew him (in its own pixels).
      const box = (await page.locator('#graph').boundingBox())!;
      const at: { x: number; y: number } = await page.evaluate(`document.getElementById('graph').newsgraphView.positionOf(${JSON.stringify(BLINKEN)})`);
      const middle = { x: box.x + at.x, y: box.y + at.y };
      for (let i = 0; i < 20 && (await nodeAt(page, middle.x, middle.y)) !== BLINKEN; i++) await page.waitForTimeout(100);
      assert.equal(await nodeAt(page, middle.x, middle.y), BLINKEN, 'Blinken is where the canvas says it drew him');

      const start = await exportJson(page);
      assert.equal(start.format, 'newsgraph');
      assert.equal(start.scope.kind, 'nodes');
      assert.equal(start.graph.nodes.length, await nodeCount(page), 'every node is on show, so every node is exported');
      assert.ok(start.graph.edges.length > 0);
      const blinken = start.graph.nodes.find((n) => n.key === BLINKEN)!;
      assert.equal(blinken.attributes.label, 'Antony Blinken');
      assert.ok(!('color' in blinken.attributes) && !('size' in blinken.attributes), 'drawing attributes stay out of the data');
      const p0 = positionsOf(start);
      const unpin = page.getByRole('button', { name: /^Unpin all/ });
      assert.ok(await unpin.isDisabled(), 'nothing pinned yet');

      // Drag Blinken aside: it moves, alone, and is pinned.
      const drop = { x: middle.x - 200, y: middle.y + 120 };
      await page.mouse.move(middle.x, middle.y);
      await page.mouse.down();
      await page.mouse.move(drop.x, drop.y, { steps: 12 });
      await page.mouse.up();
      assert.equal(await nodeAt(page, drop.x, drop.y), BLINKEN, 'Blinken is where it was dropped');
      assert.equal(await unpin.textContent(), 'Unpin all (1)');
      assert.ok(await unpin.isEnabled());
      assert.equal(await page.getAttribute('#graph', 'data-focus'), BLINKEN, 'the drag did not open anything else');
      await page.mouse.move(box.x + 10, box.y + 10);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'layout-pinned.png') });
      const p1 = positionsOf(await exportJson(page));
      assert.deepEqual(moved(p0, p1), [BLINKEN], 'only the dragged node moved');

      // Alt+click on a pinned node unpins it, one undoable step.
      await page.keyboard.down('Alt');
      await page.mouse.click(drop.x, drop.y);
      await page.keyboard.up('Alt');
      assert.ok(await unpin.isDisabled(), 'Alt+click unpinned Blinken');
      await page.getByRole('heading', { name: 'Antony Blinken', level: 2 }).waitFor();
      await page.keyboard.press('Control+z');
      assert.equal(await unpin.textContent(), 'Unpin all (1)', 'undo pins it again');

      // Run the layout (in its web worker) for a while, then stop it: the others move, the pinned node does not.
      await page.getByRole('button', { name: 'Run layout' }).click();
      assert.equal(await page.getAttribute('#graph', 'data-layout'), 'running');
      // The worker moves nodes while it runs, not only when it stops.
      const running = positionsOf(await exportJson(page));
      await page.waitForTimeout(1000);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'layout-running.png') });
      assert.ok(moved(running, positionsOf(await exportJson(page))).length > 0, 'nodes move while the layout runs');
      await page.getByRole('button', { name: 'Stop layout' }).click();
      assert.equal(await page.getAttribute('#graph', 'data-layout'), 'stopped');
      const p2 = positionsOf(await exportJson(page));
      const shifted = moved(p1, p2);
      assert.ok(!shifted.includes(BLINKEN), 'the pinned node stays put through the layout');
      assert.ok(shifted.length >= p1.size / 2, `the layout moved the others (${shifted.length} of ${p1.size})`);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'layout-after-run.png') });

      // One undo takes back the whole run, the next the drag (and its pin); redo brings both back.
      await page.getByRole('button', { name: 'Undo' }).click();
      assert.deepEqual(moved(p1, positionsOf(await exportJson(page))), [], 'undo takes back the run');
      await page.getByRole('button', { name: 'Undo' }).click();
      assert.deepEqual(moved(p0, positionsOf(await exportJson(page))), [], 'and then the drag');
      assert.ok(await unpin.isDisabled(), 'the pin went with the drag');
      await page.getByRole('button', { name: 'Redo' }).click();
      await page.getByRole('button', { name: 'Redo' }).click();
      assert.deepEqual(moved(p2, positionsOf(await exportJson(page))), [], 'redo brings both back');
      assert.equal(await unpin.textContent(), 'Unpin all (1)');

      // From the keyboard: L runs and stops; then unpin everything from the toolbar, and the next run moves Blinken too.
      await page.locator('body').press('l');
      assert.equal(await page.getAttribute('#graph', 'data-layout'), 'running');
      await page.waitForTimeout(800);
      await page.locator('body').press('l');
      assert.equal(await page.getAttribute('#graph', 'data-layout'), 'stopped');
      await unpin.click();
      assert.ok(await unpin.isDisabled());
      const p3 = positionsOf(await exportJson(page));
      await page.getByRole('button', { name: 'Run layout' }).click();
      await page.waitForTimeout(800);
      await page.getByRole('button', { name: 'Stop layout' }).click();
      assert.ok(moved(p3, positionsOf(await exportJson(page))).includes(BLINKEN), 'unpinned, Blinken moves with the rest');
    });
  });

  it('fits the camera to the nodes, zooms from the keyboard, and exports a PNG of the canvas', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      await page.waitForTimeout(300);
      const fitted = await drawnExtent(page);
      assert.ok(fitted.width > 0.6 || fitted.height > 0.6, `the overview fills the canvas (${JSON.stringify(fitted)})`);

      // Zoom out from the keyboard: the drawing shrinks to the middle.
      for (let i = 0; i < 5; i++) {
        await page.locator('body').press('-');
        await page.waitForTimeout(300);
      }
      const small = await drawnExtent(page);
      assert.ok(small.width < fitted.width / 3, `zoomed out (${JSON.stringify(small)})`);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'layout-zoomed-out.png') });

      // Fit, reached with Tab and pressed with Enter.
      const fit = page.getByRole('button', { name: 'Fit view' });
      assert.match((await fit.getAttribute('title'))!, /\(F\)/, 'the shortcut is named in the title');
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await fit.evaluate((el) => el.matches(':focus'));
      }
      assert.ok(reached, 'Fit is reachable with Tab');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(500);
      const refitted = await drawnExtent(page);
      assert.ok(refitted.width > 0.6 || refitted.height > 0.6, `fitted again (${JSON.stringify(refitted)})`);
      assert.ok(refitted.width < 1 && refitted.height < 1, 'and nothing is cut off at the edges');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'layout-fitted.png') });

      // The export dialog from the keyboard: Enter opens it on the scope, Escape closes it, back on the button.
      const opener = page.getByRole('button', { name: /^Export/ });
      await opener.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Export' });
      await dialog.waitFor();
      assert.ok(await dialog.getByRole('radio', { name: /^Visible graph/ }).evaluate((el) => el.matches(':focus')));
      await page.screenshot({ path: path.join(SCREENSHOTS, 'layout-export-dialog.png') });
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.ok(await opener.evaluate((el) => el.matches(':focus')));

      // The PNG: the canvas's size, and a drawing in it, not a blank.
      await opener.click();
      await dialog.getByRole('radio', { name: 'PNG image' }).check();
      const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
      assert.match(download.suggestedFilename(), /^newsgraph-view-\d{8}-\d{4}\.png$/);
      const png = PNG.sync.read(readFileSync(await download.path()));
      await download.saveAs(path.join(SCREENSHOTS, 'layout-export.png'));
      const box = (await page.locator('#graph').boundingBox())!;
      assert.equal(png.width, Math.round(box.width));
      assert.equal(png.height, Math.round(box.height));
      const colours = new Set<number>();
      let inked = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
        colours.add((r << 16) | (g << 8) | b);
        if (r + g + b < 600) inked++;
      }
      assert.ok(colours.size > 50, `the image has a drawing in it (${colours.size} colours)`);
      assert.ok(inked > png.width * png.height * 0.002, `and ink on it (${inked} dark pixels)`);
      await page
        .getByRole('status')
        .filter({ hasText: /Saved newsgraph-view-.*\.png/ })
        .waitFor({ timeout: 5000 });
    });
  });
});
