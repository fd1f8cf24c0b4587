/** The seed articles in the test Neo4j, for the files that test the API or the explorer against a known graph. */
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before } from 'node:test';
import type { Database } from '../../server/db/database.js';
import { applySchema } from '../../server/db/schema.js';
import { createApp } from '../../server/http/app.js';
import { loadPaths } from '../../server/ingest/load.js';
import { createLogger } from '../../server/logger.js';
import { SEEDS_DIR } from '../../server/paths.js';

/** The dev corpus's articles (shared/dev-corpus), which sit beside the project in CI; tests that need them skip without. */
export const DEV_CORPUS = path.resolve(SEEDS_DIR, '../../shared/dev-corpus/articles');
import { resetGraph, testDatabase } from './neo4j.js';
import { tempDirs } from './temp.js';
import { dropTokens } from './tokens.js';

/** Articles a test adds to the seeds, as file name → text; they go through the loader like any other. */
export type Articles = Record<string, string>;

export interface GraphOptions {
  /** The seed articles; false leaves the database empty (with its schema), for the explorer's empty state. */
  seeds?: boolean;
  extraArticles?: Articles;
  /** Folders or files of articles to load as well (the dev corpus beside the project). */
  extraPaths?: string[];
}

/** Empties the database and loads the articles asked for: each file starts from a graph it knows. */
export async function loadGraph(db: Database, { seeds = true, extraArticles, extraPaths = [] }: GraphOptions = {}): Promise<void> {
  await resetGraph(db);
  await applySchema(db);
  const paths = [...(seeds ? [SEEDS_DIR] : []), ...extraPaths];
  // Only the loader reads the files (the graph keeps the text), so they can go as soon as it is done.
  const temp = tempDirs('newsgraph-articles');
  try {
    if (extraArticles) {
      const dir = temp.make();
      for (const [name, text] of Object.entries(extraArticles)) writeFileSync(path.join(dir, name), text);
      paths.push(dir);
    }
    if (paths.length) await loadPaths(db, paths);
  } finally {
    temp.cleanup();
  }
}

export interface ApiSuite {
  readonly db: Database;
  /** The API's address, set in the suite's `before`. */
  base: string;
  /** With `secured`: a second server over the same graph that asks for a token (access.auth), set in `before`. */
  secured: string;
}

export interface ApiSuiteOptions {
  /** Serve the API a second time with tokens required (`suite.secured`); the tokens a test makes are dropped after. */
  secured?: boolean;
}

/**
 * The API alone (no client) over the seed graph (and any `graph` options), for an integration file's `describe`: registers the
 * `before` that loads and serves it and the `after` that closes it. A file's own `before` hooks run after it.
 */
export function apiSuite(graph: GraphOptions = {}, { secured = false }: ApiSuiteOptions = {}): ApiSuite {
  const db = testDatabase();
  const suite = { db } as ApiSuite;
  const servers: Server[] = [];
  const listen = async (auth: boolean): Promise<string> => {
    const server = createApp({ db, logger: createLogger('silent'), access: { auth } }).listen(0, '127.0.0.1');
    servers.push(server);
    await once(server, 'listening');
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  before(async () => {
    await loadGraph(db, graph);
    suite.base = await listen(false);
    if (secured) suite.secured = await listen(true);
  });
  after(async () => {
    servers.forEach((s) => s.close());
    if (secured) await dropTokens(db);
    await db.close();
  });
  return suite;
}
