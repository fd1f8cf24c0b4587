/**
 * The one place that owns the Neo4j driver: every read and write goes through `read`/`write`,
 * which open a session per unit of work and use the driver's managed transactions (with retries).
 */
import neo4j, { type Driver, type ManagedTransaction, Neo4jError } from 'neo4j-driver';
import { AppError } from '../errors.js';

export interface DatabaseConfig {
  /** Any scheme the driver knows: bolt://, neo4j:// (routing), and their +s / +ssc TLS forms. */
  uri: string;
  user: string;
  password: string;
  database?: string;
  /** True when newsgraph started this Neo4j itself. */
  embedded?: boolean;
}

export interface ServerFacts {
  version: string;
  edition: string;
}

export type Work<T> = (tx: ManagedTransaction) => Promise<T>;

export interface TxOptions {
  timeoutMs?: number;
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

export class Database {
  readonly uri: string;
  readonly embedded: boolean;
  private readonly driver: Driver;
  private readonly database: string | undefined;
  /**
   * False until a connection succeeds and again after Neo4j proves unreachable. While false, each unit
   * of work first makes one connection attempt, so callers get a 503 at once instead of waiting out the
   * driver's retries; the first success turns retries back on.
   */
  private reachable = false;

  constructor(config: DatabaseConfig) {
    this.uri = config.uri;
    this.embedded = config.embedded ?? false;
    this.database = config.database;
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      // Numbers in our graph are counts and offsets, far below 2^53: plain JS numbers at the boundary.
      disableLosslessIntegers: true,
      connectionTimeout: 5_000,
      connectionAcquisitionTimeout: 10_000,
      maxTransactionRetryTime: 15_000,
      userAgent: 'newsgraph',
    });
  }

  read<T>(work: Work<T>, options: TxOptions = {}): Promise<T> {
    return this.run('READ', work, options);
  }

  write<T>(work: Work<T>, options: TxOptions = {}): Promise<T> {
    return this.run('WRITE', work, options);
  }

  /** Version and edition of the server, or an AppError saying why it cannot be reached. */
  async facts(): Promise<ServerFacts> {
    return this.read(async (tx) => {
      const result = await tx.run('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition');
      const record = result.records[0];
      return { version: String(record?.get('version') ?? 'unknown'), edition: String(record?.get('edition') ?? 'unknown') };
    });
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async run<T>(mode: 'READ' | 'WRITE', work: Work<T>, options: TxOptions): Promise<T> {
    if (!this.reachable) {
      try {
        await this.driver.getServerInfo({ database: this.database });
        this.reachable = true;
      } catch (err) {
        throw toDatabaseError(err, this.uri);
      }
    }
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    const config = options.timeoutMs ? { timeout: options.timeoutMs } : undefined;
    try {
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (err) {
      const mapped = toDatabaseError(err, this.uri);
      if (mapped instanceof AppError && mapped.code === 'NEO4J_UNAVAILABLE') this.reachable = false;
      throw mapped;
    } finally {
      await session.close();
    }
  }
}

/** Branch on the driver's codes, never its messages; say which server and what to do. */
export function toDatabaseError(err: unknown, uri: string): unknown {
  if (err instanceof AppError || !(err instanceof Neo4jError)) return err;
  if (UNAVAILABLE.has(err.code) || err.code === 'ECONNREFUSED') {
    return new AppError('NEO4J_UNAVAILABLE', `Neo4j at ${uri} is not reachable: ${err.message}`, { cause: err });
  }
  if (err.code.includes('TransactionTimedOut') || err.code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration') {
    return new AppError('CYPHER_TIMEOUT', 'The query ran past its time limit and was stopped.', { cause: err });
  }
  if (err.code.startsWith('Neo.ClientError.Security.')) {
    return new AppError('NEO4J_AUTH_FAILED', `Neo4j at ${uri} refused the credentials (check NEO4J_USER and NEO4J_PASSWORD): ${err.message}`, { cause: err });
  }
  return new AppError('NEO4J_ERROR', `Neo4j reported ${err.code}: ${err.message}`, { cause: err });
}
