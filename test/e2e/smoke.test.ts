import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PNG } from 'pngjs';
import { SCREENSHOTS } from '../helpers/browser.js';
import { explorerSuite, withExplorerPage } from '../helpers/explorer.js';

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

describe('explorer page in Chromium', () => {
  const explorer = explorerSuite({ seeds: false });
  const { db } = explorer;

  it('shows how to load articles when the database is empty', async () => {
    await withExplorerPage(
      explorer,
      '/',
      async (page) => {
        assert.ok(await page.isVisible('#empty'));
        assert.match((await page.textContent('#empty')) ?? '', /newsgraph load/);
        await page.screenshot({ path: path.join(SCREENSHOTS, 'smoke-empty.png') });
      },
      { state: 'empty' },
    );
  });

  it('draws the graph on the canvas when the database has data', async () => {
    await db.write((tx) =>
      tx.run(`UNWIND range(1, 12) AS i
              CREATE (:Newsgraph:Entity:Person {id: 'person:' + i, name: 'Person ' + i})`),
    );
    await db.write((tx) =>
      tx.run(`MATCH (a:Person), (b:Person) WHERE a.id < b.id AND rand() < 2 AND toInteger(substring(a.id, 7)) % 3 = 0
              CREATE (a)-[:MET]->(b)`),
    );
    await db.write((tx) =>
      tx.run(
        `CREATE (:Newsgraph:Entity:Institution {id: 'institution:x', name: 'Ministry of Examples'})-[:LOCATED_IN]->(:Newsgraph:Entity:Place {id: 'place:y', name: 'Exampleland'})`,
      ),
    );
    await withExplorerPage(explorer, '/', async (page) => {
      // Persons 1, 10 and 11 are linked to nothing: counted in one group, not drawn.
      assert.equal(await page.getAttribute('#graph', 'data-node-count'), '11');
      assert.equal(await page.getByRole('button', { name: /without links/ }).textContent(), '3 entities without links');
      assert.equal((await page.locator('#graph canvas').count()) > 0, true);
      // Give sigma a frame to draw, then look at what is on screen.
      await page.waitForTimeout(500);
      const shot = await page.locator('#graph').screenshot({ path: path.join(SCREENSHOTS, 'smoke-graph.png') });
      assert.ok(inkedPixels(shot) > 2_000, 'the canvas shows drawn nodes');
      assert.match((await page.textContent('.legend')) ?? '', /Person.*Institution.*Place/);
    });
  });
});
