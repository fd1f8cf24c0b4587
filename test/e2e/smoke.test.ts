import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { applySchema } from '../../server/db/schema.js';
import { launchBrowser, newPage, SCREENSHOTS, serveExplorer } from '../helpers/browser.js';
import { resetGraph, testDatabase } from '../helpers/neo4j.js';

/** Pixels that differ clearly from the page's background (#f7f7f5). */
function inkedPixels(png: Buffer): number {
  const image = PNG.sync.read(png);
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
    if (Math.abs(r - 0xf7) + Math.abs(g - 0xf7) + Math.abs(b - 0xf5) > 60) count++;
  }
  return count;
}

async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await newPage(browser);
  await page.goto(url);
  await page.waitForSelector('#graph:not([data-state="loading"])', { timeout: 30_000 });
  return { page, errors };
}

describe('explorer page in Chromium', () => {
  const db = testDatabase();
  let explorer: Awaited<ReturnType<typeof serveExplorer>>;
  let base: string;
  let browser: Browser;

  before(async () => {
    await resetGraph(db);
    await applySchema(db);
    explorer = await serveExplorer(db);
    base = explorer.base;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    explorer?.close();
    await db.close();
  });

  it('shows how to load articles when the database is empty', async () => {
    const { page, errors } = await openPage(browser, base);
    try {
      assert.equal(await page.getAttribute('#graph', 'data-state'), 'empty');
      assert.ok(await page.isVisible('#empty'));
      assert.match((await page.textContent('#empty')) ?? '', /newsgraph load/);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'smoke-empty.png') });
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  it('draws the graph on the canvas when the database has data', async () => {
    await db.write((tx) =>
      tx.run(`UNWIND range(1, 12) AS i
              CREATE (:Entity:Person {id: 'person:' + i, name: 'Person ' + i})`),
    );
    await db.write((tx) =>
      tx.run(`MATCH (a:Person), (b:Person) WHERE a.id < b.id AND rand() < 2 AND toInteger(substring(a.id, 7)) % 3 = 0
              CREATE (a)-[:MET]->(b)`),
    );
    await db.write((tx) =>
      tx.run(`CREATE (:Entity:Institution {id: 'institution:x', name: 'Ministry of Examples'})-[:LOCATED_IN]->(:Entity:Place {id: 'place:y', name: 'Exampleland'})`),
    );
    const { page, errors } = await openPage(browser, base);
    try {
      assert.equal(await page.getAttribute('#graph', 'data-state'), 'ready', `page says: ${await page.textContent('#failure')} ${errors.join('; ')}`);
      assert.equal(await page.getAttribute('#graph', 'data-node-count'), '14');
      assert.equal(await page.locator('#graph canvas').count() > 0, true);
      // Give sigma a frame to draw, then look at what is on screen.
      await page.waitForTimeout(500);
      const shot = await page.locator('#graph').screenshot({ path: path.join(SCREENSHOTS, 'smoke-graph.png') });
      assert.ok(inkedPixels(shot) > 2_000, 'the canvas shows drawn nodes');
      assert.match((await page.textContent('.legend')) ?? '', /Person.*Institution.*Place/);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
