import { loadConfig } from '../config.js';
import { SupervisedNeo4j } from '../db/supervisor.js';
import { AppError } from '../errors.js';
import { progress } from './output.js';

/**
 * Runs only the embedded Neo4j, for tools of the user's own (Neo4j Browser, cypher-shell, tests),
 * restarted on the same port if its JVM dies, until Ctrl-C.
 */
export async function runNeo4j(options: { port?: number; data?: string }): Promise<void> {
  const config = loadConfig(options.data ? { ...process.env, NEWSGRAPH_DATA: options.data } : process.env);
  if (config.neo4j.uri) {
    throw new AppError('BAD_CONFIG', 'NEO4J_URI is set, so newsgraph uses that Neo4j and starts none of its own; unset it to run the embedded one.');
  }
  const neo4j = await SupervisedNeo4j.start({
    ...config.embedded,
    boltPort: options.port ?? config.embedded.boltPort,
    password: config.neo4j.password,
    onProgress: progress,
    onLog: (_level, message) => progress(message),
  });
  process.stdout.write(
    `${JSON.stringify({ ready: true, uri: neo4j.uri, user: neo4j.user, version: neo4j.version, passwordFile: `${config.embedded.home}/password` })}\n`,
  );
  progress(`Embedded Neo4j ${neo4j.version} at ${neo4j.uri} (user ${neo4j.user}; password in ${config.embedded.home}/password). Ctrl-C stops it.`);
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void neo4j.stop().then(resolve));
  });
}
