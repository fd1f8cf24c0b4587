/**
 * How every command reaches Neo4j: the user's own when NEO4J_URI is set (nothing is started here),
 * otherwise the embedded one: joined if another newsgraph process runs it on the same data, else
 * started, and restarted if it dies, for the life of the command.
 */
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import { Database } from './database.js';
import { embeddedPassword, runningEmbedded } from './embedded.js';
import { RESTARTING, SupervisedNeo4j, type SupervisorLog } from './supervisor.js';

export interface Connection {
  db: Database;
  embedded: SupervisedNeo4j | null;
  /** Closes the driver, then stops the embedded Neo4j if this connection started it. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Where the supervisor of an embedded Neo4j reports its exits and restarts (default: as progress). */
  onLog?: SupervisorLog;
}

export async function connect(config: Config, onProgress: (message: string) => void = () => {}, options: ConnectOptions = {}): Promise<Connection> {
  if (config.neo4j.uri) {
    if (!config.neo4j.password) {
      throw new AppError('BAD_CONFIG', 'NEO4J_URI is set but NEO4J_PASSWORD is not: give the password of that Neo4j.');
    }
    const db = new Database({ uri: config.neo4j.uri, user: config.neo4j.user, password: config.neo4j.password, database: config.neo4j.database });
    return { db, embedded: null, close: () => db.close() };
  }
  const running = runningEmbedded(config.embedded.home);
  if (running) {
    onProgress(`Using the embedded Neo4j already running on this data at ${running.uri} (pid ${running.pid}).`);
    const password = config.neo4j.password ?? embeddedPassword(config.embedded.home);
    const db = new Database({ uri: running.uri, user: running.user, password, database: config.neo4j.database, embedded: true });
    return { db, embedded: null, close: () => db.close() };
  }
  const embedded = await SupervisedNeo4j.start({
    ...config.embedded,
    password: config.neo4j.password,
    onProgress,
    onLog: options.onLog ?? ((_level, message) => onProgress(message)),
  });
  const db = new Database({ uri: embedded.uri, user: embedded.user, password: embedded.password, database: config.neo4j.database, embedded: true });
  // Callers learn of a dead JVM at once, without a connection attempt, until the restarted one is ready.
  embedded.onAvailability((up) => db.setOutage(up ? null : RESTARTING()));
  return {
    db,
    embedded,
    close: async () => {
      await db.close();
      await embedded.stop();
    },
  };
}
