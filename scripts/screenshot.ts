/**
 * `npm run screenshot`: the README's picture of the explorer. Starts `newsgraph serve` on a fresh
 * embedded Neo4j (which loads the seeds), opens the page in Debian's Chromium, searches for Antony
 * Blinken and writes docs/explorer.png.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../server/paths.js';
import { launchBrowser } from '../test/helpers/browser.js';
import { runCli, waitForUrl } from '../test/helpers/process.js';

const data = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-screenshot-'));
const serve = runCli(['serve'], { ...process.env, PORT: '0', NEO4J_BOLT_PORT: '0', NEWSGRAPH_DATA: data, NEO4J_URI: '' });
try {
  const url = await waitForUrl(serve);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await page.goto(url);
  await page.waitForSelector('#graph[data-state="ready"]', { timeout: 30_000 });
  // The view a new user reaches first: a search for Blinken, his neighbourhood and his panel.
  await page.getByRole('combobox', { name: /search/i }).fill('Blinken');
  await page
    .getByRole('option', { name: /Antony Blinken/ })
    .first()
    .click();
  await page.getByRole('heading', { name: 'Antony Blinken', level: 2 }).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(1200);
  const out = path.join(PROJECT_ROOT, 'docs', 'explorer.png');
  await page.screenshot({ path: out });
  await browser.close();
  process.stdout.write(`${path.relative(PROJECT_ROOT, out)}\n`);
} finally {
  serve.child.kill('SIGINT');
  await serve.exited;
  rmSync(data, { recursive: true, force: true });
}
