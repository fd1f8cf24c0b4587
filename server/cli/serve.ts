import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { hasActiveTokens } from '../auth/store.js';
import { assertSafeToListen, hostAllowlist } from '../auth/hosts.js';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { keepSchemaApplied } from '../db/schema.js';
import { AppError } from '../errors.js';
import { createApp } from '../http/app.js';
import { createLogger } from '../logger.js';
import { seedIfEmpty } from '../ingest/seed.js';
import { CLIENT_DIST } from '../paths.js';
import { formatSummary } from './load.js';
import { progress } from './output.js';

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Load seeds/ into an empty database (default true). */
  seed?: boolean;
  /** Access control on, as NEWSGRAPH_AUTH=on. */
  auth?: boolean;
  /** Take on a database that holds other data: apply the schema there (never the seeds). */
  init?: boolean;
}

/** Starts Neo4j (unless NEO4J_URI is set), applies the schema and serves the API and explorer until a signal. */
export async function serve(options: ServeOptions): Promise<void> {
  const config = loadConfig();
  const host = options.host ?? config.http.host;
  const port = options.port ?? config.http.port;
  const logger = createLogger(config.logLevel);
  const auth = options.auth === true || config.access.auth;
  // Before anything starts: a server others can reach with nobody asked for a token is refused outright.
  assertSafeToListen(host, auth);

  const started = Date.now();
  // Exits and restarts of the embedded Neo4j go to the server log (with its log path; never to clients).
  const connection = await connect(config, progress, { onLog: (level, message) => logger[level](message) });
  if (connection.embedded) {
    progress(`Embedded Neo4j ${connection.embedded.version} ready at ${connection.embedded.uri} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } else {
    progress(`Using the Neo4j at ${connection.db.uri} (NEO4J_URI); no embedded Neo4j started`);
  }
  const schema = keepSchemaApplied(connection.db, logger, { init: options.init });
  const seeded = schema.applied.then(async (outcome) => {
    // A refused database (other data, no --init) gets nothing written; see the warning logged.
    const seed = options.seed === false || !outcome ? null : await seedIfEmpty(connection.db);
    if (seed && 'loaded' in seed) logger.info(`Loaded the example articles from seeds/: ${formatSummary(seed.loaded).trim().replace(/\n/g, '; ')}`);
    else if (seed) logger.info(`Example articles not loaded: ${seed.skipped}`);
  });
  seeded.catch((err: unknown) => logger.error({ err: err instanceof Error ? err.message : err }, 'Loading the example articles failed'));
  // Our own Neo4j is up by now: have the example graph in place before the first page load.
  if (connection.embedded) await seeded.catch(() => undefined);

  if (auth) void adviseFirstToken(connection.db, schema.applied);
  const access = { auth, allowedHosts: hostAllowlist(host, config.access.allowedHosts), trustProxy: config.access.trustProxy };
  const app = createApp({ db: connection.db, logger, clientDir: CLIENT_DIST, access, fetch: { allow: config.fetch.allow } });
  const server = app.listen(port, host);
  try {
    await once(server, 'listening');
  } catch (err) {
    schema.stop();
    await connection.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new AppError('PORT_IN_USE', `Port ${port} on ${host} is already in use: set PORT to another port.`);
    throw err;
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  // Tests and scripts read this line; keep its shape.
  process.stdout.write(`newsgraph is ready at http://${shownHost}:${address.port}\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    progress(`\n${signal}: stopping newsgraph…`);
    schema.stop();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await connection.close();
    progress('Stopped.');
  };
  // An embedded Neo4j that dies is restarted by its supervisor (see connect); meanwhile routes answer 503.
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(signal).then(resolve));
  });
}

/** With access control on and no token yet, nobody could get in: say how to make the first one. */
async function adviseFirstToken(db: Database, ready: Promise<unknown>): Promise<void> {
  await ready;
  const any = await hasActiveTokens(db).catch(() => true);
  progress(
    any
      ? 'Access control is on: sign in with an access token (`newsgraph tokens list` shows them).'
      : 'Access control is on and no token exists yet. Create the first one, in another terminal, with:\n  npx newsgraph tokens create --role admin',
  );
}
