/**
 * Text search in the explorer, in Chromium against the seed graph: the Names / Text switch, documents with
 * their snippets marked, facets that filter the list, an entity chip that opens the entity on the canvas,
 * and a document opened in the reader at its sentence.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../server/paths.js';
import { SCREENSHOTS } from '../helpers/browser.js';
import { detailsPanel, explorerSuite, withExplorerPage } from '../helpers/explorer.js';

describe('explorer: text search in Chromium', () => {
  const explorer = explorerSuite({
    extraArticles: {
      // Markup in an article is text: a snippet shows it, never runs it.
      'marked.txt':
        'source: https://harbour-gazette.example.org/notes\nTitle: Harbour notes\n\nThe harbour board denied any interference <img src="x" onerror="window.__pwned = 1"> in the dredging tender.\n',
    },
  });

  it('finds both seed articles for "interference" with the word marked, filters by a facet, and opens an entity and a document', async () => {
    // Publication dates as the loader keeps them (publishedAt): the seeds in 2024, the harbour note in 2021.
    await explorer.db.write((tx) =>
      tx.run(`MATCH (d:Newsgraph:Document)
              SET d.publishedAt = CASE WHEN d.title = 'Harbour notes' THEN '2021-03-05T00:00:00.000Z'
                                       WHEN d.file STARTS WITH '000' THEN '2024-05-02T00:00:00.000Z' ELSE '2024-01-31T00:00:00.000Z' END`),
    );
    await withExplorerPage(explorer, '/', async (page) => {
      const seeds = await explorer.db.read(async (tx) =>
        (await tx.run("MATCH (d:Newsgraph:Document) WHERE d.title <> 'Harbour notes' RETURN d.title AS title")).records.map((r) => r.get('title') as string),
      );
      assert.equal(seeds.length, 2);
      await page.getByRole('radio', { name: 'Text' }).click();
      assert.equal(await page.getByRole('radio', { name: 'Text' }).getAttribute('aria-checked'), 'true');
      const box = page.getByRole('searchbox', { name: 'Search the words of the articles' });
      await box.fill('interference');
      await box.press('Enter');

      const panel = detailsPanel(page);
      const results = panel.getByRole('list', { name: 'Documents' });
      await results.waitFor({ timeout: 15_000 });
      await panel.getByRole('status').filter({ hasText: '3 documents' }).waitFor({ timeout: 10_000 });
      const titles = await results.locator('button.doc-title').allTextContents();
      for (const title of seeds) assert.ok(titles.includes(title), `${title} in ${titles.join(' | ')}`);
      // Every mark is the word, in any case; the snippets are the article's sentences that hold it.
      const marks = await results.locator('blockquote.snippet mark').allTextContents();
      assert.ok(marks.length >= 4, marks.join(', '));
      for (const mark of marks) assert.equal(mark.toLowerCase(), 'interference');
      for (const title of seeds) {
        const item = results.locator('li.text-result').filter({ has: page.getByRole('button', { name: `Read the document: ${title}` }) });
        assert.ok((await item.locator('blockquote.snippet mark').count()) > 0, `${title} has a marked snippet`);
      }
      // The article's markup is text in the snippet: no element made of it, nothing run.
      const hostile = results.locator('li.text-result').filter({ hasText: 'Harbour notes' });
      assert.match((await hostile.locator('blockquote.snippet').textContent()) ?? '', /<img src="x"/);
      assert.equal(await hostile.locator('blockquote.snippet img').count(), 0);
      assert.equal(await page.evaluate('window.__pwned'), undefined);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'search-text.png') });
      await panel.screenshot({ path: path.join(PROJECT_ROOT, 'docs', 'search-text.png') });

      // Facets filter the list: the year 2024 leaves out the harbour note.
      const published = panel.getByRole('group', { name: 'Published' });
      assert.deepEqual(await published.getByRole('button').allTextContents(), ['2021 1', '2024 2']);
      assert.deepEqual(await panel.getByRole('group', { name: 'Outlet' }).getByRole('button').allTextContents(), ['harbour-gazette.example.org 1']);
      await published.getByRole('button', { name: /^2024/ }).click();
      await panel.getByRole('status').filter({ hasText: '2 documents' }).waitFor({ timeout: 10_000 });
      assert.deepEqual((await results.locator('button.doc-title').allTextContents()).sort(), [...seeds].sort());
      // Within one year the dates are months; a month narrows it, and a click on it again takes the dates off.
      assert.deepEqual(await published.getByRole('button').allTextContents(), ['2024-01 1', '2024-05 1']);
      await published.getByRole('button', { name: /^2024-05/ }).click();
      await panel
        .getByRole('status')
        .filter({ hasText: /^1 document$/ })
        .waitFor({ timeout: 10_000 });
      assert.equal(await published.getByRole('button', { name: /^2024-05/ }).getAttribute('aria-pressed'), 'true');
      await published.getByRole('button', { name: /^2024-05/ }).click();
      await panel.getByRole('status').filter({ hasText: '3 documents' }).waitFor({ timeout: 10_000 });
      // Documents that mention a place: the harbour note names none.
      const places = panel.getByRole('group', { name: 'Mentions' }).getByRole('button', { name: /^places/ });
      await places.click();
      await panel.getByRole('status').filter({ hasText: '2 documents' }).waitFor({ timeout: 10_000 });
      assert.equal(await places.getAttribute('aria-pressed'), 'true');
      assert.deepEqual((await results.locator('button.doc-title').allTextContents()).sort(), [...seeds].sort());

      // A chip opens its entity on the canvas.
      const chip = results.locator('button.chip[data-entity="person:antony-blinken"]').first();
      await chip.click();
      await page.locator('#graph[data-focus="person:antony-blinken"]').waitFor({ timeout: 15_000 });
      await panel.getByRole('heading', { name: 'Antony Blinken', level: 2 }).waitFor({ timeout: 10_000 });
      const ids = ((await page.getAttribute('#graph', 'data-node-ids')) ?? '').split(' ');
      assert.ok(ids.includes('person:antony-blinken'), 'Blinken is on the canvas');

      // Back to the results (a new search), and a snippet opens its document in the reader at that sentence.
      await box.press('Enter');
      await results.waitFor({ timeout: 15_000 });
      const first = results.locator('li.text-result').filter({ hasText: seeds[0]! }).locator('blockquote.snippet').first();
      const sentence = ((await first.textContent()) ?? '').replace(/^…|…$/g, '');
      await first.click();
      const reader = panel.getByRole('article', { name: 'Document text' });
      await reader.waitFor({ timeout: 10_000 });
      assert.equal(await reader.locator('mark.focus').first().isVisible(), true);
      assert.ok(sentence.startsWith((await reader.locator('mark.focus').first().textContent())!.slice(0, 20)), 'the sentence is the one in focus');
      await panel.getByRole('button', { name: '← Back' }).click();
      await results.waitFor({ timeout: 10_000 });

      // Names again: the box is the names combobox once more.
      await page.getByRole('radio', { name: 'Names' }).click();
      await page.getByRole('combobox', { name: /Search people/ }).waitFor();
    });
  });
});
