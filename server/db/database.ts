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

export interface UserQueryOptions {
  /** Neo4j's own timeout and the app's deadline, whichever acts first. */
  timeoutMs: number;
  /** Records fetched per round trip: a cap on what the driver buffers while a reply is being cut. */
  fetchSize?: number;
}

/**
 * Users' own queries run on a pool of their own, this many at a time, so that however they behave
 * the API's queries always find a connection. A query past its deadline keeps its place until Neo4j
 * has really ended it: an expression Neo4j cannot interrupt still holds a CPU, and another must not
 * start beside it. NEWSGRAPH_CYPHER_CONCURRENCY overrides it.
 */
export const USER_QUERY_CONCURRENCY = Math.max(1, Number(process.env.NEWSGRAPH_CYPHER_CONCURRENCY) || 2);
/** The transaction metadata key that marks a user's query, for TERMINATE TRANSACTIONS. */
const USER_QUERY_TAG = 'newsgraphUserQuery';

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
  private readonly config: DatabaseConfig;
  private userDriver: Driver | undefined;
  private userQueries = 0;
  private userQuerySeq = 0;

  constructor(config: DatabaseConfig) {
    this.config = config;
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
    await Promise.all([this.driver.close(), this.userDriver?.close()]);
  }

  /**
   * Runs a user's read query under a deadline, in its own small pool (USER_QUERY_CONCURRENCY). Answers
   * BUSY at once when that many are running. `work` must turn driver errors into AppErrors itself
   * (toQueryError) so that the driver retries none of them. At the deadline this answers CYPHER_TIMEOUT
   * and terminates the transaction in Neo4j, which frees its connection once Neo4j notices.
   */
  async readUserQuery<T>(work: Work<T>, options: UserQueryOptions): Promise<T> {
    // While our own Neo4j restarts, a user's query fails as fast as the API's do.
    if (this.outage) throw this.outage;
    if (this.userQueries >= USER_QUERY_CONCURRENCY) {
      throw new AppError('BUSY', `${USER_QUERY_CONCURRENCY} queries are already running; try again in a moment.`);
    }
    this.userQueries++;
    const tag = `${process.pid}-${++this.userQuerySeq}`;
    const session = this.userQueryDriver().session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      fetchSize: options.fetchSize ?? 100,
    });
    const running = session
      .executeRead(work, { timeout: options.timeoutMs, metadata: { [USER_QUERY_TAG]: tag } })
      .catch((err: unknown) => {
        throw toDatabaseError(err, this.uri);
      })
      .finally(() => {
        this.userQueries--;
        void session.close().catch(() => {});
      });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void this.terminateUserQuery(tag);
        reject(new AppError('CYPHER_TIMEOUT', `The query ran past its time limit (${options.timeoutMs / 1000} s) and was stopped.`));
      }, options.timeoutMs);
    });
    try {
      return await Promise.race([running, deadline]);
    } finally {
      clearTimeout(timer);
      running.catch(() => {});
    }
  }

  /** Ends a user's query in Neo4j (Community 5 has SHOW and TERMINATE TRANSACTIONS); a failure here changes nothing for the user. */
  private async terminateUserQuery(tag: string): Promise<void> {
    try {
      await this.read(
        (tx) =>
          tx.run(
            `SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData[$key] = $tag
             TERMINATE TRANSACTIONS transactionId YIELD transactionId AS id RETURN id`,
            { key: USER_QUERY_TAG, tag },
          ),
        { timeoutMs: 2_000 },
      );
    } catch {
      // Neo4j's own timeout, set on the same transaction, stops it anyway.
    }
  }

  private userQueryDriver(): Driver {
    this.userDriver ??= neo4j.driver(this.config.uri, neo4j.auth.basic(this.config.user, this.config.password), {
      disableLosslessIntegers: true,
      maxConnectionPoolSize: USER_QUERY_CONCURRENCY,
      connectionTimeout: 5_000,
      connectionAcquisitionTimeout: 2_000,
      // Only a dropped connection is retried (every other error is converted inside the work), briefly.
      maxTransactionRetryTime: 1_000,
      userAgent: 'newsgraph-user-query',
    });
    return this.userDriver;
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
          timer = setTimeout(
            () => reject(new AppError('NEO4J_UNAVAILABLE', `Neo4j at ${this.uri} did not answer within ${LOST_PROBE_MS / 1000} s.`)),
            LOST_PROBE_MS,
          );
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

/** Neo4j's memory guards: the transaction's limit (MemoryPool…) and the JVM's own, both flagged transient. */
const OUT_OF_MEMORY = new Set(['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'Neo.TransientError.General.OutOfMemoryError']);
/** Statement errors that mean "not allowed here" rather than "written wrong". */
const REFUSED = new Set([
  'Neo.ClientError.Statement.AccessMode',
  'Neo.ClientError.Statement.UnsupportedAdministrationCommand',
  'Neo.ClientError.Statement.NotSystemDatabaseError',
  'Neo.ClientError.Procedure.ProcedureNotFound',
  'Neo.ClientError.Security.Forbidden',
]);

const firstLine = (err: Neo4jError) => err.message.split('\n')[0]!.trim();

/**
 * A user's query failed: what they wrote wrong is theirs to fix (400), what the guard forbids is 403,
 * what exceeds a limit says which. By Neo4j's codes, never its messages; anything else as toDatabaseError.
 */
export function toQueryError(err: unknown, uri: string): unknown {
  if (!(err instanceof Neo4jError)) return err;
  if (REFUSED.has(err.code)) return new AppError('CYPHER_REFUSED', `The query cannot run here: ${firstLine(err)}`, { cause: err });
  if (
    err.code.startsWith('Neo.ClientError.Statement.') ||
    err.code.startsWith('Neo.ClientError.Procedure.') ||
    err.code.startsWith('Neo.ClientError.Request.')
  ) {
    return new AppError('CYPHER_INVALID', `Neo4j cannot run the query: ${firstLine(err)}`, { cause: err });
  }
  if (err.code === 'Neo.ClientError.Transaction.Terminated' || err.code === 'Neo.TransientError.Transaction.Terminated') {
    return new AppError('CYPHER_TIMEOUT', 'The query ran past its time limit and was stopped.', { cause: err });
  }
  return toDatabaseError(err, uri);
}

/** Branch on the driver's codes, never its messages; say which server and what to do. */
export function toDatabaseError(err: unknown, uri: string): unknown {
  if (err instanceof AppError || !(err instanceof Neo4jError)) return err;
  if (OUT_OF_MEMORY.has(err.code)) {
    return new AppError('CYPHER_MEMORY', `The query needs more memory than one transaction may use (db.memory.transaction.max): ${firstLine(err)}`, {
      cause: err,
    });
  }
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
