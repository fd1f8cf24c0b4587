/** The Cypher console in Chromium against the seed graph in a real Neo4j: results as table and graph, refused writes, history. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import type { CypherResult } from '../../common/api.js';
import { EXAMPLES } from '../../client/src/console/history.js';
import { SCREENSHOTS } from '../helpers/browser.js';
import { detailsPanel, explorerSuite, nodeCount, withExplorerPage } from '../helpers/explorer.js';

const BLINKEN = "MATCH (a:Person {name:'Antony Blinken'})-[r]-(b:Person) RETURN a, r, b";
const OUTGOING = "MATCH (a:Person {name:'Antony Blinken'})-[r]->(b) RETURN a, r, b LIMIT 3";
/** A path that walks from whom Blinken met back to him, against the relationship. */
const BACKWARDS = "MATCH p = (b)<-[:MET]-(:Person {name:'Antony Blinken'}) RETURN p LIMIT 1";
const WRITE = 'CREATE (n:X) RETURN n';
/** Chromium logs every 4xx reply as a console error; a refused query is one, and is what the test asks for. */
const REFUSAL_LOG = /Failed to load resource: the server responded with a status of 403/;

describe('Cypher console in Chromium', () => {
  const explorer = explorerSuite();
  const count = async (cypher: string) => explorer.db.read(async (tx) => (await tx.run(cypher)).records[0]!.get('n') as number);

  it('runs a query with Ctrl+Enter into a table and the canvas, refuses a write inline, keeps a history and opens entities', async () => {
    await withExplorerPage(
      explorer,
      '/',
      async (page, errors) => {
        const toggle = page.getByRole('button', { name: 'Query', exact: true });
        await toggle.click();
        const consolePane = page.getByRole('region', { name: 'Cypher console' });
        const editor = consolePane.getByRole('textbox', { name: 'Cypher query' });
        await editor.waitFor({ timeout: 15_000 });
        await page.locator('#console[data-schema="ready"]').waitFor({ timeout: 10_000 });
        assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
        const history = consolePane.getByRole('navigation', { name: 'Query history' });
        await history.getByRole('heading', { name: 'Examples' }).waitFor();

        // Completion knows the graph's labels and types, and keeps what was typed; Escape closes the list, not the pane.
        await page.keyboard.type('MATCH (n:Pe');
        const options = page.locator('.cm-tooltip-autocomplete').getByRole('option');
        await options.filter({ hasText: 'Person' }).first().waitFor({ timeout: 10_000 });
        // CodeMirror ignores Enter on a list for 75 ms after it changes, against accidental picks.
        await page.waitForTimeout(200);
        await page.keyboard.press('Enter');
        assert.equal(await editor.textContent(), 'MATCH (n:Person)');
        await page.keyboard.press('End');
        await page.keyboard.type('-[:');
        await options.filter({ hasText: 'MET' }).first().waitFor({ timeout: 10_000 });
        await page.screenshot({ path: path.join(SCREENSHOTS, 'console-completion.png') });
        await page.keyboard.press('Escape');
        await options.first().waitFor({ state: 'hidden' });
        assert.ok(await consolePane.isVisible(), 'Escape in the completion list leaves the console open');

        // Typed as a person would: brackets and quotes close themselves and are typed over.
        await page.keyboard.press('Control+A');
        await page.keyboard.type(BLINKEN);
        assert.equal(await editor.textContent(), BLINKEN, 'the editor has focus on opening and holds what was typed');
        assert.ok((await consolePane.locator('.cm-editor .cm-keyword').count()) > 0, 'Cypher keywords are highlighted');
        await page.keyboard.press('Control+Enter');

        const table = consolePane.getByRole('table', { name: 'Query result' });
        await table.waitFor({ timeout: 15_000 });
        assert.deepEqual(await table.getByRole('columnheader').allTextContents(), ['a', 'r', 'b']);
        const rows = await table.locator('tbody tr').allTextContents();
        for (const name of ['Wang Yi', 'Wang Xiaohong', 'Chen Jining'])
          assert.ok(
            rows.some((r) => r.includes(name)),
            `${name} is in the table: ${rows.join(' | ')}`,
          );
        assert.equal(await editor.textContent(), BLINKEN, 'Ctrl+Enter ran the query without adding a line');

        const expected = await count("MATCH (:Person {name:'Antony Blinken'})--(b:Person) RETURN count(DISTINCT b) + 1 AS n");
        const links = await count("MATCH (:Person {name:'Antony Blinken'})-[r]-(:Person) RETURN count(DISTINCT r) AS n");
        assert.equal(rows.length, links, 'one row per relationship');
        await page.locator(`#graph[data-node-count="${expected}"][data-edge-count="${links}"]`).waitFor({ timeout: 10_000 });
        assert.match((await consolePane.getByRole('status').textContent())!, new RegExp(`^${links} rows, ${expected} nodes`));
        await page.screenshot({ path: path.join(SCREENSHOTS, 'console-result.png') });

        // Tab leaves the editor: no keyboard trap.
        await editor.click();
        await page.keyboard.press('Tab');
        assert.equal(await page.locator('.cm-editor:focus-within').count(), 0, 'Tab moved focus out of the editor');

        // Ctrl+Z in the editor undoes typing, not the canvas.
        await editor.click();
        await page.keyboard.press('End');
        await page.keyboard.type(' LIMIT 3');
        await page.keyboard.press('Control+Z');
        assert.equal(await editor.textContent(), BLINKEN);
        assert.equal(await nodeCount(page), expected, 'the canvas kept the result');

        // A write is refused by the server and said so under the editor; the database is unchanged.
        const before = await count('MATCH (n) RETURN count(n) AS n');
        await page.keyboard.press('Control+A');
        await page.keyboard.type(WRITE);
        await page.keyboard.press('Control+Enter');
        const error = consolePane.getByRole('alert');
        await error.filter({ hasText: 'CYPHER_REFUSED' }).waitFor({ timeout: 10_000 });
        assert.match((await error.textContent())!, /read/i);
        assert.equal(await table.count(), 0, 'no stale rows beside the error');
        assert.equal(await count('MATCH (n) RETURN count(n) AS n'), before);
        assert.equal(await count('MATCH (n:X) RETURN count(n) AS n'), 0);
        assert.equal(await nodeCount(page), expected, 'the canvas is untouched by a refused query');
        await page.screenshot({ path: path.join(SCREENSHOTS, 'console-refused.png') });

        // The history lists both, newest first; picking one puts it back in the editor; Run runs it.
        await history.getByRole('heading', { name: 'History' }).waitFor();
        assert.deepEqual(await history.getByRole('listitem').allTextContents(), [WRITE, BLINKEN]);
        await history.getByRole('button', { name: BLINKEN }).click();
        assert.equal(await editor.textContent(), BLINKEN);
        await consolePane.getByRole('button', { name: 'Run' }).click();
        await table.waitFor({ timeout: 15_000 });
        assert.equal(await error.isVisible(), false, 'the error is gone with a good run');

        // A node in the table opens its entity in the panel.
        await table
          .getByRole('button', { name: /^Wang Xiaohong/ })
          .first()
          .click();
        const panel = detailsPanel(page);
        await panel.getByRole('heading', { name: 'Wang Xiaohong', level: 2 }).waitFor({ timeout: 10_000 });
        assert.ok(await consolePane.isVisible(), 'the console stays open beside the panel');
        await page.waitForTimeout(600); // the camera glides to the entity: let it arrive before the picture
        await page.screenshot({ path: path.join(SCREENSHOTS, 'console-panel.png') });

        // Adding to the canvas keeps what is there, picks the result out, and undoes in one step.
        const shown = await nodeCount(page);
        await consolePane.getByRole('radio', { name: 'Add to canvas' }).check();
        await editor.click();
        await page.keyboard.press('Control+A');
        await page.keyboard.type("MATCH (p:Person {name: 'Xi Jinping'})-[r]-(q) RETURN p, r, q");
        await page.keyboard.press('Control+Enter');
        const clear = consolePane.getByRole('button', { name: 'Clear highlight' });
        await clear.waitFor({ timeout: 15_000 });
        const grown = await nodeCount(page);
        assert.ok(grown > shown, `${grown} > ${shown}`);
        await page.waitForTimeout(600); // the camera glides to the result
        await page.screenshot({ path: path.join(SCREENSHOTS, 'console-added.png') });
        await page.getByRole('button', { name: 'Undo' }).click();
        assert.equal(await nodeCount(page), shown, 'one undo takes the added result back');
        await clear.waitFor({ state: 'hidden', timeout: 5_000 });

        // Escape closes the pane and gives focus back to the button; the history survives a reload.
        await editor.click();
        await page.keyboard.press('Escape');
        await consolePane.waitFor({ state: 'hidden' });
        assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
        assert.equal(await page.locator('#query:focus').count(), 1, 'focus is back on the Query button');
        await page.reload();
        await page.waitForSelector('#graph[data-state="ready"]', { timeout: 30_000 });
        await toggle.click();
        await history.getByRole('heading', { name: 'History' }).waitFor({ timeout: 10_000 });
        assert.equal(await history.getByRole('listitem').first().textContent(), "MATCH (p:Person {name: 'Xi Jinping'})-[r]-(q) RETURN p, r, q");

        // A relationship reads the way it points, its ends by name; a path's arrows point the way each relationship does.
        await editor.click();
        await page.keyboard.press('Control+A');
        await page.keyboard.type(OUTGOING);
        await page.keyboard.press('Control+Enter');
        await table.locator('td .cell-rel').first().waitFor({ timeout: 15_000 });
        // A node cell is its name, then its kind in a span of its own.
        const nameIn = async (cell: Locator) => {
          const [text, kind] = await Promise.all([cell.locator('.cell-node').textContent(), cell.locator('.kind').textContent()]);
          return text!.slice(0, text!.length - kind!.length).trimEnd();
        };
        const directed = [];
        for (const row of await table.locator('tbody tr').all()) {
          const cells = row.locator('td');
          directed.push({ a: await nameIn(cells.nth(0)), r: (await cells.nth(1).textContent())!, b: await nameIn(cells.nth(2)) });
        }
        assert.ok(directed.length > 0 && directed.length <= 3, JSON.stringify(directed));
        for (const { a, r, b } of directed) {
          assert.equal(a, 'Antony Blinken');
          assert.ok(b.length > 0);
          assert.ok(r.startsWith('Antony Blinken —') && r.endsWith(`→ ${b}`), `"${r}" runs from ${a} to ${b}`);
        }
        await editor.click();
        await page.keyboard.press('Control+A');
        await page.keyboard.type(BACKWARDS);
        await page.keyboard.press('Control+Enter');
        const walked = table.locator('td .cell-path');
        await walked.first().waitFor({ timeout: 15_000 });
        assert.match((await walked.first().textContent())!, /^\S.* ←MET— Antony Blinken$/, 'the path walks against the MET it follows');

        // Rows past the server's cap are announced; a result without nodes leaves the canvas alone.
        const overview = await nodeCount(page);
        await editor.click();
        await page.keyboard.press('Control+A');
        await page.keyboard.type('UNWIND range(1, 1200) AS x RETURN x');
        await page.keyboard.press('Control+Enter');
        await consolePane.getByText(/^Only the first 1000 rows came back/).waitFor({ timeout: 15_000 });
        assert.equal(await table.locator('tbody tr').count(), 1000);
        assert.equal(await table.locator('tbody tr').last().textContent(), '1000');
        assert.equal(await nodeCount(page), overview);

        assert.equal(errors.length, 1, `one refused query, one log line: ${errors.join(' | ')}`);
      },
      { expectedErrors: REFUSAL_LOG },
    );
  });

  it('offers example queries that run and return rows on the seed graph', async () => {
    for (const { title, query } of EXAMPLES) {
      const res = await fetch(`${explorer.base}/api/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await res.json()) as CypherResult;
      assert.equal(res.status, 200, `${title}: ${JSON.stringify(body)}`);
      assert.ok(body.rows.length > 0, `${title} returns rows`);
    }
  });
});
