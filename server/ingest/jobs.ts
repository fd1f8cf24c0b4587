/**
 * Loads asked for over the API run as jobs: accepted at once, run one after another in this process,
 * watched through their progress events. One at a time because each load resolves its entities
 * against the graph as the previous load left it: two at once could each create the same new person.
 * Jobs live in memory (the documents they write are in Neo4j); the last ones stay readable for a while.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Job, JobEvent, JobFile } from '../../common/ingest.js';
import type { Database } from '../db/database.js';
import { AppError, toAppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { loadArticles, type ArticleSource, type LoadOptions } from './load.js';

/** Finished jobs kept for GET /api/jobs/:id: the newest this many, none older than JOB_KEEP_MS. */
export const JOBS_KEPT = 100;
export const JOB_KEEP_MS = 60 * 60 * 1000;

export interface JobsOptions {
  logger?: Logger;
  /** Told when a job has written something, so that open explorers hear of it at once. */
  onWritten?: () => void;
  /** For tests and benchmarks: how each load runs (batch size, extractor). */
  load?: Pick<LoadOptions, 'batchSize' | 'extractor'>;
}

export class Jobs {
  private readonly jobs = new Map<string, Job>();
  private readonly events = new EventEmitter();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly options: JobsOptions = {},
  ) {
    // Every open progress stream listens on one emitter.
    this.events.setMaxListeners(0);
  }

  /** Queues a load of `sources` and returns its job at once. */
  submit(sources: ArticleSource[], by: string, failed: JobFile[] = []): Job {
    this.forgetOld();
    const job: Job = {
      id: randomUUID(),
      state: 'queued',
      by,
      createdAt: new Date().toISOString(),
      total: sources.length + failed.length,
      done: failed.length,
      // Parts refused before loading (too large, not an article) are listed with the rest.
      files: [...sources.map((s): JobFile => ({ name: s.name, status: 'pending' })), ...failed],
    };
    this.jobs.set(job.id, job);
    this.queue = this.queue.then(() => this.run(job, sources));
    return job;
  }

  get(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('NOT_FOUND', `No upload job ${id}: it never existed here, or finished more than an hour ago.`);
    return job;
  }

  /** Calls `listener` with each event of the job until it ends; returns the unsubscribe. */
  watch(id: string, listener: (event: JobEvent) => void): () => void {
    const handler = (event: JobEvent) => listener(event);
    this.events.on(id, handler);
    return () => this.events.off(id, handler);
  }

  /** Resolves when every job queued so far has ended (for shutdown and tests). */
  idle(): Promise<void> {
    return this.queue;
  }

  private emit(job: Job, event: JobEvent): void {
    this.events.emit(job.id, event);
  }

  private async run(job: Job, sources: ArticleSource[]): Promise<void> {
    job.state = 'running';
    this.emit(job, { type: 'state', state: 'running' });
    // Two files may share a name (from two folders): each outcome takes the first slot of its name still open.
    const slots = new Map<string, number[]>();
    job.files.forEach((f, i) => {
      if (f.status === 'pending') slots.set(f.name, [...(slots.get(f.name) ?? []), i]);
    });
    const before = job.done;
    try {
      const summary = await loadArticles(this.db, sources, {
        ...this.options.load,
        onProgress: ({ done }) => {
          job.done = before + done;
          this.emit(job, { type: 'progress', done: job.done, total: job.total });
        },
        onOutcome: (outcome) => {
          const i = slots.get(outcome.name)?.shift();
          const file: JobFile = { ...outcome };
          if (i !== undefined) job.files[i] = file;
          this.emit(job, { type: 'file', file });
        },
      });
      // Files refused before loading count as failed too.
      const documents = { ...summary.documents, failed: summary.documents.failed + before };
      job.summary = { documents, entitiesNew: summary.entitiesNew, seconds: summary.seconds };
      job.state = 'done';
    } catch (err) {
      // The database went away mid-load: what was written stays (whole documents), the rest is not.
      const error = toAppError(err);
      this.options.logger?.error({ err, job: job.id }, 'upload job failed');
      job.error = error.toJSON().error;
      job.state = 'failed';
    } finally {
      job.finishedAt = new Date().toISOString();
      this.emit(job, { type: 'end', job });
      this.options.onWritten?.();
    }
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt);
    const cutoff = Date.now() - JOB_KEEP_MS;
    finished.forEach((job, i) => {
      if (i < finished.length - JOBS_KEPT || Date.parse(job.finishedAt!) < cutoff) this.jobs.delete(job.id);
    });
  }
}
