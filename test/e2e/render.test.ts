import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { KIND_COLORS } from '../../client/src/graph/style.js';
import { applySchema } from '../../server/db/schema.js';
import { loadPaths } from '../../server/ingest/load.js';
import { SEEDS_DIR } from '../../server/paths.js';
import { launchBrowser, newPage, SCREENSHOTS, serveExplorer } from '../helpers/browser.js';
import { resetGraph, testDatabase } from '../helpers/neo4j.js';

/** sigma's three WebGL layers; a GPU reset loses them all at once. */
const GL_CANVASES = '#graph canvas.sigma-edges, #graph canvas.sigma-nodes, #graph canvas.sigma-hoverNodes';

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
// Grey (the Document kind's) is left out: the anti-aliased edges of the labels, which a lost WebGL context
// leaves on their own 2D canvas, are greys too, and long allegation labels hold many such pixels.
const NODE_COLOURS = Object.values(KIND_COLORS)
  .map(rgb)
  .filter(([r, g, b]) => Math.max(r, g, b) - Math.min(r, g, b) > 40);

/** Where the canvas shows nodes: pixels of a kind's colour (the legend is masked out of the shot), and a point well inside one. */
async function nodePixels(page: Page, file?: string): Promise<{ count: number; inside?: { x: number; y: number } }> {
  const shot = await page.locator('#graph').screenshot({ mask: [page.locator('.legend')], ...(file ? { path: path.join(SCREENSHOTS, file) } : {}) });
  const image = PNG.sync.read(shot);
  const node = new Set<number>();
  for (let p = 0; p < image.width * image.height; p++) {
    const [r, g, b] = [image.data[4 * p]!, image.data[4 * p + 1]!, image.data[4 * p + 2]!];
    if (NODE_COLOURS.some(([cr, cg, cb]) => Math.abs(r - cr) + Math.abs(g - cg) + Math.abs(b - cb) < 24)) node.add(p);
  }
  const w = image.width;
  const centre = [...node].find((p) => [p - 3, p + 3, p - 3 * w, p + 3 * w].every((q) => node.has(q)));
  return { count: node.size, inside: centre === undefined ? undefined : { x: centre % w, y: Math.floor(centre / w) } };
}

/** Loses the WebGL contexts the way a GPU reset does, through the extension WebGL offers for testing it. */
async function loseContexts(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__lost = [...document.querySelectorAll(${JSON.stringify(GL_CANVASES)})].map((canvas) => {
      const gl = canvas.getContext('webgl2') || canvas.getContext('webgl');
      const ext = gl.getExtension('WEBGL_lose_context');
      ext.loseContext();
      return ext;
    });
    return window.__lost.length;
  })()`);
}

async function restoreContexts(page: Page): Promise<void> {
  await page.evaluate('window.__lost.forEach((ext) => ext.restoreContext())');
}

describe('renderer: WebGL context loss in Chromium', () => {
  const db = testDatabase();
  let explorer: Awaited<ReturnType<typeof serveExplorer>>;
  let browser: Browser;

  before(async () => {
    await resetGraph(db);
    await applySchema(db);
    await loadPaths(db, [SEEDS_DIR]);
    explorer = await serveExplorer(db);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    explorer?.close();
    await db.close();
  });

  it('redraws the graph when the context comes back, and tells the user while it does not', async () => {
    const { page, errors } = await newPage(browser);
    try {
      await page.goto(explorer.base);
      await page.waitForSelector('#graph[data-state="ready"][data-webgl="ok"]', { timeout: 30_000 });
      await page.waitForTimeout(500);
      const drawn = await nodePixels(page, 'render-context-before.png');
      assert.ok(drawn.count > 500, `nodes are drawn (${drawn.count} node pixels)`);
      const toasts = page.locator('#toasts');
      const lostNotice = page.locator('.toast-error', { hasText: /lost its graphics \(WebGL\) context/ });

      // A short loss, as when the GPU process restarts: back before the user need be told.
      await loseContexts(page);
      await page.waitForSelector('#graph[data-webgl="lost"]', { timeout: 5_000 });
      await restoreContexts(page);
      await page.waitForSelector('#graph[data-webgl="ok"]', { timeout: 5_000 });
      await page.waitForTimeout(2_000);
      assert.equal(await lostNotice.count(), 0, 'no error for a loss that was over at once');
      assert.ok((await nodePixels(page)).count > drawn.count * 0.8, 'the graph is drawn again');

      // A loss that lasts: the canvas goes blank and the user is told why.
      await loseContexts(page);
      await page.waitForSelector('#graph[data-webgl="lost"]', { timeout: 5_000 });
      await lostNotice.waitFor({ timeout: 5_000 });
      assert.match((await toasts.textContent()) ?? '', /reload the page/);
      const blank = await nodePixels(page, 'render-context-lost.png');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'render-context-lost-page.png') });
      assert.ok(blank.count < drawn.count * 0.2, `the lost canvas shows no nodes (${blank.count} node pixels)`);

      // The browser restores it: drawn again, the error gone, and picking (hover) works on the new GL state.
      await restoreContexts(page);
      await page.waitForSelector('#graph[data-webgl="ok"]', { timeout: 5_000 });
      await page.locator('.toast', { hasText: 'The graph is drawn again.' }).waitFor({ timeout: 5_000 });
      assert.equal(await lostNotice.count(), 0, 'the error toast is gone');
      await page.waitForTimeout(300);
      const again = await nodePixels(page, 'render-context-restored.png');
      assert.ok(again.count > drawn.count * 0.8, `redrawn after the restore (${again.count} of ${drawn.count} node pixels)`);
      const box = (await page.locator('#graph').boundingBox())!;
      await page.mouse.move(box.x + again.inside!.x, box.y + again.inside!.y);
      await page.waitForSelector('#graph[data-hover]:not([data-hover=""])', { timeout: 5_000 });
      assert.deepEqual(
        errors.filter((e) => !/CONTEXT_LOST_WEBGL/.test(e)),
        [],
      );
    } finally {
      await page.close();
    }
  });
});
