/**
 * The reader links a document's source only when it is http(s). The loader refuses other sources, so
 * the `javascript:` one is written into Neo4j directly, as data from before that check (or from another
 * writer) would be.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explorerSuite, openEntityBySearch, withExplorerPage } from '../helpers/explorer.js';

describe('explorer: source links in the reader', () => {
  const explorer = explorerSuite({
    extraArticles: {
      'linked.txt': 'source: https://wire.example.net/story\nTitle: Linked story\n\nAntony Blinken met Wang Yi in Beijing.\n',
      'scripted.txt': 'Title: Scripted story\n\nAntony Blinken met Chen Jining in Beijing.\n',
    },
  });

  it('makes an http(s) source a link and leaves a javascript: one as inert text', async () => {
    await explorer.db.write((tx) =>
      tx.run(`MATCH (d:Document {title: 'Scripted story'}) SET d.url = 'javascript:window.__pwned = 1', d.outlet = 'evil.example'`),
    );
    await withExplorerPage(explorer, '/', async (page) => {
      const panel = await openEntityBySearch(page, 'Blinken', 'Antony Blinken', { pick: 'click' });
      const source = panel.locator('p.source');

      await panel.getByRole('button', { name: /Linked story/ }).click();
      await panel.getByRole('article', { name: 'Document text' }).waitFor({ timeout: 10_000 });
      const link = source.getByRole('link', { name: 'https://wire.example.net/story' });
      assert.equal(await link.getAttribute('href'), 'https://wire.example.net/story');
      assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');

      await panel.getByRole('button', { name: '← Back' }).click();
      await panel.getByRole('button', { name: /Scripted story/ }).click();
      await panel.getByRole('heading', { name: 'Scripted story', level: 2 }).waitFor({ timeout: 10_000 });
      assert.equal(await source.textContent(), 'evil.example · javascript:window.__pwned = 1');
      assert.equal(await panel.locator('a').count(), 0, 'no link was made of it');
      assert.equal(await page.evaluate('window.__pwned'), undefined);
    });
  });
});
