/**
 * Keeps the embedded Neo4j up for the life of a command. If its JVM dies (killed, crashed, out of
 * memory), newsgraph stays up, reports the outage, and starts the JVM again on the same home and the
 * same Bolt port, so the driver's URI and running.json's stay valid, backing off while starts fail.
 */
import { AppError } from '../errors.js';
import { removeRunningFile, startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions, type JvmExit } from './embedded.js';

export type SupervisorLog = (level: 'info' | 'warn' | 'error', message: string) => void;

export interface SupervisorOptions extends EmbeddedOptions {
  /** Lines for the operator (they name the log file, so they are never sent to API clients). */
  onLog?: SupervisorLog;
  /** Wait before the first restart; doubled after each failed or short-lived start, up to maxRestartDelayMs. */
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
}

/** A JVM that stayed up this long was healthy: the next restart starts from the short delay again. */
const STABLE_MS = 60_000;

/** What API clients are told while the JVM is being restarted: no paths, nothing but what to do. */
export const RESTARTING = (): AppError =>
  new AppError('NEO4J_UNAVAILABLE', 'The embedded Neo4j stopped unexpectedly and newsgraph is restarting it; try again in a few seconds.');

export class SupervisedNeo4j {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
  readonly version: string;
  readonly log: string;
  private instance: EmbeddedNeo4j | null;
  private upSince = Date.now();
  private delayMs: number;
  private stopping = false;
  private readonly abort = new AbortController();
  private restarting: Promise<void> | null = null;
  private readonly listeners: ((up: boolean) => void)[] = [];

  private constructor(
    first: EmbeddedNeo4j,
    private readonly options: SupervisorOptions,
  ) {
    this.uri = first.uri;
    this.user = first.user;
    this.password = first.password;
    this.version = first.version;
    this.log = first.log;
    this.instance = first;
    this.delayMs = options.restartDelayMs ?? 1_000;
    this.watch(first);
  }

  /** Starts the JVM (failing as startEmbeddedNeo4j does) and supervises it from then on. */
  static async start(options: SupervisorOptions): Promise<SupervisedNeo4j> {
    const first = await startEmbeddedNeo4j({ ...options, supervisorPid: process.pid });
    return new SupervisedNeo4j(first, options);
  }

  /** The running JVM's pid, or null while it is being restarted. */
  get pid(): number | null {
    return this.instance?.pid ?? null;
  }

  /** Called with false as the JVM dies and with true once a restarted one is ready. */
  onAvailability(listener: (up: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** Stops the JVM, or a restart under way, and leaves no JVM behind. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    await this.restarting;
    await this.instance?.stop();
    removeRunningFile(this.options.home);
  }

  private watch(instance: EmbeddedNeo4j): void {
    void instance.exited.then((exit) => {
      if (this.stopping || this.instance !== instance) return;
      this.instance = null;
      this.emit(false);
      this.restarting = this.restart(instance, exit).finally(() => (this.restarting = null));
    });
  }

  private async restart(dead: EmbeddedNeo4j, exit: JvmExit): Promise<void> {
    const log = this.options.onLog ?? (() => {});
    if (Date.now() - this.upSince >= STABLE_MS) this.delayMs = this.options.restartDelayMs ?? 1_000;
    const how = exit.signal ? `was killed (${exit.signal})` : `exited with code ${exit.code}`;
    log('error', `The embedded Neo4j (pid ${dead.pid}) ${how}; restarting it on ${this.uri}. Its log: ${dead.log}`);
    const down = Date.now();
    const port = Number(new URL(this.uri).port);
    for (let attempt = 1; !this.stopping; attempt++) {
      if (!(await this.sleep(this.delayMs))) return;
      this.delayMs = Math.min(this.delayMs * 2, this.options.maxRestartDelayMs ?? 60_000);
      try {
        const next = await startEmbeddedNeo4j({
          ...this.options,
          boltPort: port,
          signal: this.abort.signal,
          supervisorPid: process.pid,
          onProgress: () => {},
        });
        if (this.stopping) {
          await next.stop();
          return;
        }
        this.instance = next;
        this.upSince = Date.now();
        this.watch(next);
        log('info', `The embedded Neo4j is back at ${this.uri} (pid ${next.pid}) after ${((Date.now() - down) / 1000).toFixed(1)} s.`);
        this.emit(true);
        return;
      } catch (err) {
        if (this.stopping) return;
        const message = err instanceof Error ? err.message : String(err);
        log('error', `Restarting the embedded Neo4j failed (attempt ${attempt}): ${message}; trying again in ${Math.round(this.delayMs / 1000)} s.`);
      }
    }
  }

  /** False if stopped while waiting. */
  private sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.abort.signal.aborted) return resolve(false);
      const stopped = () => (clearTimeout(timer), resolve(false));
      const timer = setTimeout(() => (this.abort.signal.removeEventListener('abort', stopped), resolve(true)), ms);
      this.abort.signal.addEventListener('abort', stopped, { once: true });
    });
  }

  private emit(up: boolean): void {
    for (const listener of this.listeners) listener(up);
  }
}
