import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { PathsResult } from '../../common/api.js';
import type { SerializedGraph } from '../../common/graph.js';
import { phraseOf } from '../../client/src/graph/wording.js';
import { SCREENSHOTS } from '../helpers/browser.js';
import { detailsPanel, explorerSuite, nodeCount, openEntityBySearch, withExplorerPage } from '../helpers/explorer.js';

interface Named {
  key: string;
  label: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A hop in plain words, its arrows the way the link points: "→ met →" or "← met ←". */
const ARROW = '(→ [^→←]+ →|← [^→←]+ ←)';

/** Types a name into the From or To combobox and picks it from the suggestions. */
async function pick(page: Page, label: 'From' | 'To', name: string): Promise<void> {
  const input = page.getByRole('combobox', { name: label, exact: true });
  await input.fill(name);
  const option = page.getByRole('listbox', { name: `${label} suggestions` }).getByRole('option', { name: new RegExp(`^${escape(name)}\\b`) });
  await option.first().click({ timeout: 10_000 });
  assert.equal(await input.inputValue(), name);
}

describe('explorer: the shortest path between two entities, hop by hop with evidence', () => {
  const explorer = explorerSuite({
    // A story with no one from the seeds in it: its people have no path to the seeds' people.
    extraArticles: { 'elsewhere.txt': 'Title: Elsewhere\n\nForeign Minister Penny Wong met Prime Minister Chris Hipkins in Wellington.\n' },
  });
  const api = async <T>(url: string): Promise<T> => (await fetch(`${explorer.base}${url}`)).json() as Promise<T>;

  /** Seed people two or more hops apart with evidence on every hop: the farthest pair, several shortest paths preferred. */
  async function farApart(): Promise<{ from: Named; to: Named; result: PathsResult }> {
    const overview = await api<SerializedGraph>('/api/graph?limit=500');
    const people = overview.nodes
      .filter((n) => n.attributes.kind === 'Person' && n.key.startsWith('person:'))
      .map((n) => ({ key: n.key, label: n.attributes.label }))
      .sort((a, b) => a.key.localeCompare(b.key));
    let best: { from: Named; to: Named; result: PathsResult } | undefined;
    const score = (r: PathsResult) => r.paths[0]!.length * 100 + r.paths.length;
    for (const [i, from] of people.entries()) {
      for (const to of people.slice(i + 1)) {
        const result = await api<PathsResult>(`/api/paths?from=${encodeURIComponent(from.key)}&to=${encodeURIComponent(to.key)}&maxLength=4`);
        if (!result.found || result.paths[0]!.length < 2) continue;
        if (!result.paths.every((p) => p.every((hop) => hop.evidence.some((e) => e.sentence.length > 0)))) continue;
        if (!best || score(result) > score(best.result)) best = { from, to, result };
      }
    }
    assert.ok(best, `no two seed people are 2+ hops apart: ${people.map((p) => p.label).join(', ')}`);
    return best;
  }

  it('submits on Enter in a field once both ends are chosen, as a form does', async () => {
    const { from, to } = await farApart();
    await withExplorerPage(explorer, '/', async (page) => {
      await page.getByRole('button', { name: 'Paths', exact: true }).click();
      await page.getByRole('form', { name: 'Find a path' }).waitFor();
      await pick(page, 'From', from.label);
      await pick(page, 'To', to.label);
      assert.equal(await page.locator('#graph[data-path]').count(), 0, 'no path before Enter');
      await page.getByRole('combobox', { name: 'To', exact: true }).press('Enter');
      await page.locator('#graph[data-path]').waitFor({ timeout: 15_000 });
    });
  });

  it('finds the path picked in the form, highlights it in order, lists each hop with its evidence, and clears it', async () => {
    const { from, to, result } = await farApart();
    await withExplorerPage(explorer, '/', async (page) => {
      const toggle = page.getByRole('button', { name: 'Paths', exact: true });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await toggle.click();
      const form = page.getByRole('form', { name: 'Find a path' });
      await form.waitFor();
      assert.equal(await form.getByLabel('Max hops').inputValue(), '4', 'four hops by default');

      // Find without a choice: an inline message, no request.
      await form.getByRole('button', { name: 'Find path' }).click();
      await form
        .getByRole('alert')
        .filter({ hasText: /Choose From/ })
        .waitFor();

      await pick(page, 'From', from.label);
      await pick(page, 'To', to.label);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'paths-form.png') });
      await form.getByRole('button', { name: 'Find path' }).click();

      const graph = page.locator('#graph');
      await page.locator('#graph[data-path]').waitFor({ timeout: 15_000 });
      const shown = (await graph.getAttribute('data-path'))!.split(' ');
      const first = result.paths[0]!;
      assert.equal(shown.length, first.length + 1);
      assert.equal(shown[0], from.key, 'the path starts at From');
      assert.equal(shown.at(-1), to.key, 'and ends at To');
      for (const [i, hop] of first.entries()) {
        assert.deepEqual([hop.source, hop.target].sort(), [shown[i], shown[i + 1]].sort(), `hop ${i + 1} joins the path's nodes ${i} and ${i + 1}`);
      }
      assert.ok(await form.isHidden(), 'the form gets out of the way');

      const panel = detailsPanel(page);
      const view = panel.getByRole('region', { name: 'Path' });
      await view.getByRole('heading', { name: `${from.label} → ${to.label}`, level: 2 }).waitFor();
      const hops = view.getByRole('list', { name: 'Hops' }).locator(':scope > li');
      assert.equal(await hops.count(), first.length);
      const titles = await hops.locator('h3').allTextContents();
      assert.match(titles[0]!, new RegExp(`^${escape(from.label)} ${ARROW} `), titles[0]);
      // The heading goes on with the hop's marks ("hedged", "single source") after the far end's name.
      assert.match(titles.at(-1)!, new RegExp(` ${ARROW} ${escape(to.label)}( |$)`), titles.at(-1));
      for (const [i, title] of titles.entries()) {
        assert.ok(title.includes(phraseOf(first[i]!.relType)), `${title} names ${first[i]!.relType}`);
        const sentences = (await hops.nth(i).locator('blockquote').allTextContents()).filter((s) => s.trim());
        assert.ok(sentences.length > 0, `${title} has an evidence sentence`);
        assert.ok(
          first[i]!.evidence.some((e) => e.sentence === sentences[0]),
          'the sentence is the hop’s own evidence',
        );
      }
      await page.waitForTimeout(600); // the camera's move onto the path
      await page.screenshot({ path: path.join(SCREENSHOTS, 'paths-found.png') });

      // Several shortest paths: step to the next and back.
      if (result.paths.length > 1) {
        await view.getByText(`Path 1 of ${result.paths.length}`).waitFor();
        await view.getByRole('button', { name: 'Next path' }).click();
        await view.getByText(`Path 2 of ${result.paths.length}`).waitFor();
        const second = (await graph.getAttribute('data-path'))!.split(' ');
        assert.deepEqual(second[0], from.key);
        // Two shortest paths may pass the same entities by different links (met, then asked).
        const secondTitles = await hops.locator('h3').allTextContents();
        assert.ok(JSON.stringify([second, secondTitles]) !== JSON.stringify([shown, titles]), 'another path is shown');
        for (const [i, title] of secondTitles.entries())
          assert.ok(title.includes(phraseOf(result.paths[1]![i]!.relType)), `${title} names ${result.paths[1]![i]!.relType}`);
        await view.getByRole('button', { name: 'Previous path' }).click();
        assert.deepEqual((await graph.getAttribute('data-path'))!.split(' '), shown);
        assert.deepEqual(await hops.locator('h3').allTextContents(), titles);
      }

      // A hop's evidence opens the reader on its sentence; back returns to the path.
      const sentence = (await hops.first().locator('blockquote').first().textContent())!;
      await hops
        .first()
        .getByRole('button', { name: /^Read the document/ })
        .first()
        .click();
      const reader = panel.getByRole('article', { name: 'Document text' });
      await reader.waitFor({ timeout: 10_000 });
      assert.equal((await reader.locator('mark.focus').allTextContents()).join(''), sentence);
      await panel.getByRole('button', { name: '← Back' }).click();
      await view.getByRole('list', { name: 'Hops' }).waitFor();

      await view.getByRole('button', { name: 'Clear path' }).click();
      assert.equal(await graph.getAttribute('data-path'), null, 'the highlight is gone');
      assert.ok(await panel.isHidden(), 'the path view closes');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'paths-cleared.png') });
    });
  });

  it('starts a path from the entity panel, merges it into the canvas undoably, and says so when there is no path', async () => {
    const blinkenToWong = await api<PathsResult>('/api/paths?from=person:antony-blinken&to=person:penny-wong&maxLength=6');
    assert.equal(blinkenToWong.found, false, 'the story elsewhere is not linked to the seeds');
    await withExplorerPage(explorer, '/', async (page) => {
      const panel = await openEntityBySearch(page, 'Blinken', 'Antony Blinken', { pick: 'click' });
      const count = () => nodeCount(page);
      const neighbourhood = await count();
      await panel.getByRole('button', { name: 'Path from here' }).click();

      const form = page.getByRole('form', { name: 'Find a path' });
      await form.waitFor();
      const fromInput = form.getByRole('combobox', { name: 'From', exact: true });
      assert.equal(await fromInput.inputValue(), 'Antony Blinken');
      assert.equal(await form.locator('[role="combobox"]:focus').getAttribute('aria-controls'), 'path-to-results', 'To is next');

      // Joe Biden is not in Blinken's neighbourhood: the path comes in beside what is there.
      await pick(page, 'To', 'Joe Biden');
      await form.getByRole('button', { name: 'Find path' }).click();
      await page.locator('#graph[data-path]').waitFor({ timeout: 15_000 });
      const shown = (await page.getAttribute('#graph', 'data-path'))!.split(' ');
      assert.equal(shown[0], 'person:antony-blinken');
      assert.equal(shown.at(-1), 'person:joe-biden');
      assert.ok((await count()) > neighbourhood, 'the path’s nodes were added');
      await page.waitForTimeout(600);
      await page.screenshot({ path: path.join(SCREENSHOTS, 'paths-merged.png') });

      // Undo takes the path's nodes away, and the path with them.
      await page.getByRole('button', { name: 'Undo' }).click();
      assert.equal(await count(), neighbourhood);
      await page.locator('#graph:not([data-path])').waitFor();
      assert.ok(await panel.isHidden(), 'the path view closes');

      // From the topbar: From is still Blinken; a story with no link to his.
      await page.getByRole('button', { name: 'Paths', exact: true }).click();
      await form.waitFor();
      assert.equal(await fromInput.inputValue(), 'Antony Blinken');
      await pick(page, 'To', 'Penny Wong');
      await form.getByRole('button', { name: 'Find path' }).click();

      const view = panel.getByRole('region', { name: 'Path' });
      await view.getByRole('heading', { name: 'No path within 4 hops', level: 2 }).waitFor({ timeout: 15_000 });
      assert.match((await view.textContent())!, /Antony Blinken and Penny Wong are not linked/);
      assert.equal(await page.getAttribute('#graph', 'data-path'), null);
      assert.ok(await form.isHidden(), 'the form makes room for the answer');
      await page.screenshot({ path: path.join(SCREENSHOTS, 'paths-none.png') });

      // Looking further, up to six hops, finds nothing either.
      await view.getByRole('button', { name: 'Look up to 6 hops' }).click();
      await view.getByRole('heading', { name: 'No path within 6 hops', level: 2 }).waitFor({ timeout: 15_000 });

      // The same entity at both ends is refused in the form.
      await view.getByRole('button', { name: 'Change the ends' }).click();
      await form.waitFor();
      await pick(page, 'To', 'Antony Blinken');
      await form.getByRole('button', { name: 'Find path' }).click();
      await form
        .getByRole('alert')
        .filter({ hasText: /same entity/ })
        .waitFor();
      await page.keyboard.press('Escape');
      assert.ok(await form.isHidden(), 'Escape closes the form');
    });
  });
});
