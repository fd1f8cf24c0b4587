/** Debian's Chromium driven by playwright-core: never a downloaded browser. */
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Database } from '../../server/db/database.js';
import { createApp, type AppDeps } from '../../server/http/app.js';
import { createLogger } from '../../server/logger.js';
import { CLIENT_DIST, PROJECT_ROOT } from '../../server/paths.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(PROJECT_ROOT, 'test-output', 'screenshots');

/** `extraArgs`: more Chromium switches, e.g. --host-resolver-rules to open the explorer by another name. */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // This machine's network is closed: keep Chromium from calling home at start.
    args: [
      ...extraArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

/** The explorer (API and built client) on a free loopback port, for a browser to open. */
export async function serveExplorer(db: Database, { fetch }: Pick<AppDeps, 'fetch'> = {}): Promise<{ base: string; close: () => void }> {
  const server = createApp({ db, logger: createLogger('silent'), clientDir: process.env.NEWSGRAPH_TEST_CLIENT_DIST ?? CLIENT_DIST, fetch }).listen(
    0,
    '127.0.0.1',
  );
  await once(server, 'listening');
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** A page of the usual size that collects page errors and console errors, to assert there were none. */
export async function newPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return { page, errors };
}
