import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
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
  /** Take on a database that holds other data: apply the schema there (never the seeds). */
  init?: boolean;
}

/** Starts Neo4j (unless NEO4J_URI is set), applies the schema and serves the API and explorer until a signal. */
export async function serve(options: ServeOptions): Promise<void> {
  const config = loadConfig();
  const host = options.host ?? config.http.host;
  const port = options.port ?? config.http.port;
  const logger = createLogger(config.logLevel);

  const started = Date.now();
  const connection = await connect(config, progress);
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

  const app = createApp({ db: connection.db, logger, clientDir: CLIENT_DIST });
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
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop(signal).then(resolve));
    // An embedded Neo4j that dies under us leaves nothing to serve.
    void connection.embedded?.exited.then((code) => {
      if (stopping) return;
      logger.error(`Embedded Neo4j exited unexpectedly (code ${code}); see ${connection.embedded?.log}`);
      process.exitCode = 1;
      void stop('neo4j exit').then(resolve);
    });
  });
}
