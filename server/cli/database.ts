/** One connection for one command: the running newsgraph's embedded Neo4j, or NEO4J_URI. */
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { progress } from './output.js';

export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const connection = await connect(loadConfig(), progress);
  try {
    return await work(connection.db);
  } finally {
    await connection.close();
  }
}
