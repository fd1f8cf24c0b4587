/**
 * The one place that owns the Neo4j driver: every read and write goes through `read`/`write`, one
 * session and transaction per unit of work, retried here rather than by the driver (see `run`).
 */
import neo4j, { type Driver, ManagedTransaction, Neo4jError } from 'neo4j-driver';
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
/** How long transient errors (deadlocks, leader switches) are retried, as the driver's own retries did. */
const RETRY_TRANSIENT_MS = 15_000;
/** Once Neo4j has been lost, how long a request waits for it to answer before it is told 503. */
const LOST_PROBE_MS = 1_000;

export class Database {
  readonly uri: string;
  readonly embedded: boolean;
  private readonly driver: Driver;
  private readonly database: string | undefined;
  /**
   * False until a connection succeeds and again after Neo4j proves unreachable. While false, each unit
   * of work first waits for one shared connection attempt, so callers get a 503 at once instead of
   * queueing on a dead server; the first success lets work through again.
   */
  private reachable = false;
  /** Neo4j answered once and then went away: probes are cut short, a slow answer counts as none. */
  private lost = false;
  private probing: Promise<void> | undefined;
  /** Set while newsgraph knows its own Neo4j is down (restarting): every unit of work fails with it at once. */
  private outage: AppError | null = null;

  constructor(config: DatabaseConfig) {
    this.uri = config.uri;
    this.embedded = config.embedded ?? false;
    this.database = config.database;
    this.driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      // Numbers in our graph are counts and offsets, far below 2^53: plain JS numbers at the boundary.
      disableLosslessIntegers: true,
      connectionTimeout: 5_000,
      connectionAcquisitionTimeout: 10_000,
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

  /**
   * Declares the server down (with the error every caller gets meanwhile) or, with null, back. The
   * embedded Neo4j's supervisor calls this as the JVM dies and after it is restarted.
   */
  setOutage(error: AppError | null): void {
    this.outage = error;
    if (error) {
      this.reachable = false;
      this.lost = true;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /**
   * The driver's managed transactions retry a dead server for maxTransactionRetryTime (15 s of 503-less
   * waiting per request), so retries are ours: transient errors with backoff as before, but a lost
   * connection only once at once (a pooled connection that died with a restarted server), then 503.
   */
  private async run<T>(mode: 'READ' | 'WRITE', work: Work<T>, options: TxOptions): Promise<T> {
    if (this.outage) throw this.outage;
    if (!this.reachable) await this.probe();
    const started = Date.now();
    let delayMs = 1_000;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(mode, work, options);
      } catch (err) {
        const mapped = toDatabaseError(err, this.uri);
        const code = mapped instanceof AppError ? mapped.code : null;
        if (code === 'NEO4J_UNAVAILABLE') {
          if (attempt === 0 && !this.outage) continue;
          this.reachable = false;
          this.lost = true;
          throw this.outage ?? mapped;
        }
        // Only what has no meaning of its own (a deadlock, a leader switch) is worth another try; never
        // running out of memory, which the same query would do again.
        const transient = code === 'NEO4J_ERROR' && err instanceof Neo4jError && Neo4jError.isRetryable(err) && !err.code.includes('Memory');
        if (!transient || Date.now() - started + delayMs > RETRY_TRANSIENT_MS) throw mapped;
        await new Promise((r) => setTimeout(r, delayMs * (0.8 + Math.random() * 0.4)));
        delayMs *= 2;
      }
    }
  }

  private async attempt<T>(mode: 'READ' | 'WRITE', work: Work<T>, options: TxOptions): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
    try {
      const tx = await session.beginTransaction(options.timeoutMs ? { timeout: options.timeoutMs } : undefined);
      try {
        const result = await work(ManagedTransaction.fromTransaction(tx));
        if (tx.isOpen()) await tx.commit();
        return result;
      } catch (err) {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        throw err;
      }
    } finally {
      await session.close().catch(() => undefined);
    }
  }

  /** One connection attempt shared by every waiting caller; once Neo4j was lost, waited for LOST_PROBE_MS at most. */
  private async probe(): Promise<void> {
    this.probing ??= this.driver
      .getServerInfo({ database: this.database })
      .then(() => {
        this.reachable = true;
        this.lost = false;
      })
      .finally(() => (this.probing = undefined));
    let timer: NodeJS.Timeout | undefined;
    const waits: Promise<void>[] = [this.probing];
    if (this.lost) {
      waits.push(
        new Promise<void>((_, reject) => {
          timer = setTimeout(() => reject(new AppError('NEO4J_UNAVAILABLE', `Neo4j at ${this.uri} did not answer within ${LOST_PROBE_MS / 1000} s.`)), LOST_PROBE_MS);
        }),
      );
    }
    try {
      await Promise.race(waits);
    } catch (err) {
      throw toDatabaseError(err, this.uri);
    } finally {
      clearTimeout(timer);
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
