/** The real Neo4j that scripts/run-tests.ts starts for the whole run. */
import { Database } from '../../server/db/database.js';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
  home: string;
}

export function testNeo4j(): TestNeo4j {
  const {
    NEWSGRAPH_TEST_NEO4J_URI: uri,
    NEWSGRAPH_TEST_NEO4J_USER: user,
    NEWSGRAPH_TEST_NEO4J_PASSWORD: password,
    NEWSGRAPH_TEST_NEO4J_HOME: home,
  } = process.env;
  if (!uri || !user || !password || !home) {
    throw new Error('No test Neo4j: run the tests with `npm test` (scripts/run-tests.ts starts one).');
  }
  return { uri, user, password, home };
}

/** The environment for a `newsgraph` command run against the test Neo4j (as NEO4J_URI: no JVM of its own). */
export function cliEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const { uri, user, password } = testNeo4j();
  return { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, ...extra };
}

export function testDatabase(): Database {
  const { uri, user, password } = testNeo4j();
  return new Database({ uri, user, password });
}

/** Empties the graph (schema stays): each integration file starts from a known state. */
export async function resetGraph(db: Database): Promise<void> {
  await db.write((tx) => tx.run('MATCH (n) DETACH DELETE n'));
}
