import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SCREENSHOTS } from '../helpers/browser.js';
import { explorerSuite, nodeCount, openEntityBySearch, withExplorerPage } from '../helpers/explorer.js';

describe('explorer: search, entity panel and evidence in Chromium', () => {
  const explorer = explorerSuite({
    extraArticles: {
      // An article that carries markup as text: the reader must show it, never run it.
      'hostile.txt':
        'Title: Hostile markup\n\nAntony Blinken met Wang Yi in Beijing. <script>window.__pwned = "script"</script> ' +
        'The note ended with <img src="x" onerror="window.__pwned = \'img\'"> and nothing else.\n',
    },
  });

  it('finds Blinken, lists Wang Yi, Wang Xiaohong and Chen Jining, and shows the evidence of a link', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      assert.equal(await page.getByRole('combobox', { name: /Search/ }).getAttribute('type'), 'search');
      const panel = await openEntityBySearch(page, 'Blinken', 'Antony Blinken');
      assert.equal(await page.getAttribute('#graph', 'data-focus'), 'person:antony-blinken');
      const connections = panel.getByRole('region', { name: 'Connections' });
      for (const name of ['Wang Yi', 'Wang Xiaohong', 'Chen Jining']) {
        assert.ok((await connections.getByRole('button', { name, exact: true }).count()) > 0, `${name} is listed`);
      }
      await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-entity.png') });

      await connections.getByRole('button', { name: 'Wang Xiaohong', exact: true }).first().click();
      const evidence = panel.getByRole('list', { name: 'Evidence' });
      await evidence.waitFor({ timeout: 10_000 });
      const sentences = await evidence.locator('blockquote').allTextContents();
      assert.ok(
        sentences.some((s) => /Wang Xiaohong/.test(s) && /Blinken/.test(s)),
        sentences.join(' | '),
      );
      await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-evidence.png') });

      // Back to the entity, then on to a neighbour through its open button.
      await panel.getByRole('button', { name: '← Back' }).click();
      await panel.getByRole('button', { name: 'Open Xi Jinping' }).first().click();
      await panel.getByRole('heading', { name: 'Xi Jinping', level: 2 }).waitFor({ timeout: 10_000 });

      // Expand Xi Jinping in place: more nodes, the ones already there unmoved; undo and redo.
      const count = () => nodeCount(page);
      const before = await count();
      await panel.getByRole('button', { name: 'Expand' }).click();
      await page
        .locator('#graph[data-node-count]')
        .and(page.locator(`#graph:not([data-node-count="${before}"])`))
        .waitFor({ timeout: 10_000 });
      const expanded = await count();
      await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-expanded.png') });
      await page.getByRole('button', { name: 'Undo' }).click();
      assert.equal(await count(), before, 'undo takes the expansion back');
      await page.keyboard.press('Control+Shift+Z');
      assert.equal(await count(), expanded, 'redo puts it back');
      // Two more undos: the expansion, then the change from the overview to Blinken's neighbourhood.
      await page.keyboard.press('Control+Z');
      await page.keyboard.press('Control+Z');
      assert.ok(await page.getByRole('button', { name: 'Undo' }).isDisabled(), 'back at the first view');
    });
  });

  it("keeps the keyboard in the panel: Enter on a link or on Back moves the focus to the new view's heading", async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      const panel = await openEntityBySearch(page, 'Blinken', 'Antony Blinken');
      const focusedInPanel = async () => (await panel.locator(':focus').count()) === 1;
      const connections = panel.getByRole('region', { name: 'Connections' });
      await connections.getByRole('button', { name: 'Wang Yi', exact: true }).first().focus();
      await page.keyboard.press('Enter');
      await panel.getByRole('list', { name: 'Evidence' }).waitFor({ timeout: 10_000 });
      assert.ok(await focusedInPanel(), 'after the evidence opens, the focus is still in the panel');
      assert.equal(await panel.locator('h2:focus').count(), 1, 'the heading has it');
      await page.keyboard.press('Tab');
      assert.ok(await focusedInPanel(), 'Tab goes on from the heading inside the panel');
      await panel.getByRole('button', { name: '← Back' }).focus();
      await page.keyboard.press('Enter');
      await panel.getByRole('heading', { name: 'Antony Blinken', level: 2 }).waitFor({ timeout: 10_000 });
      assert.ok(await focusedInPanel(), 'after Back, the focus is in the panel');
    });
  });

  it('reads a document from an evidence sentence, the sentence highlighted, and shows markup in it as inert text', async () => {
    await withExplorerPage(explorer, '/', async (page) => {
      const panel = await openEntityBySearch(page, 'Blinken', 'Antony Blinken', { pick: 'click' });

      // From a link's evidence to its document, the evidence sentence in focus.
      await panel.getByRole('region', { name: 'Connections' }).getByRole('button', { name: 'Chen Jining', exact: true }).first().click();
      const sentence = (await panel.getByRole('list', { name: 'Evidence' }).locator('blockquote').first().textContent())!;
      await panel
        .getByRole('button', { name: /^Read the document/ })
        .first()
        .click();
      const reader = panel.getByRole('article', { name: 'Document text' });
      await reader.waitFor({ timeout: 10_000 });
      assert.equal(
        await reader
          .locator('mark.focus')
          .allTextContents()
          .then((t) => t.join('')),
        sentence,
      );
      assert.ok((await reader.locator('mark[data-kind="Person"]').count()) > 3, 'people mentioned are marked');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-reader.png') });

      // The hostile article, opened from the entity's documents.
      await panel.getByRole('button', { name: '← Back' }).click();
      await panel.getByRole('button', { name: '← Back' }).click();
      await panel.getByRole('button', { name: /Hostile markup/ }).click();
      await reader.waitFor({ timeout: 10_000 });
      const text = (await reader.textContent())!;
      assert.match(text, /<script>window\.__pwned = "script"<\/script>/);
      assert.match(text, /<img src="x" onerror=/);
      assert.equal(await panel.locator('script, img').count(), 0, 'no element was made from the article');
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate('window.__pwned'), undefined);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'explorer-hostile.png') });
    });
  });
});
