/**
 * Extraction on every core. The extractor is pure, single-threaded CPU work, so a folder of articles
 * goes about as many times faster as there are cores when each core runs its own copy in a worker
 * thread. Articles are handed to the least busy worker; `extract` resolves with that article's
 * result, so a caller that awaits in its own order (see `inOrder`) keeps the order of its input.
 * `extractFile` hands the worker the file itself (file-job.ts): reading and serialising happen there
 * too, so the caller's thread stays free.
 *
 * One worker costs a start-up (loading the language model, ~0.5–1 s) and ~150 MB, so for a handful
 * of articles, or on one core, `createExtractionPool` extracts in the caller's thread instead.
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { extractFile, type FileExtraction } from './file-job.js';
import type { DocumentExtraction } from './types.js';

export type PoolRequest = { id: number; text: string } | { id: number; file: string };
export type PoolReply =
  | { id: number; result: DocumentExtraction; file?: undefined; error?: undefined }
  | { id: number; file: FileExtraction; result?: undefined; error?: undefined }
  | { id: number; error: string; result?: undefined; file?: undefined };

export interface ExtractionPool {
  /** How many threads extract (0: the caller's own thread). */
  readonly workers: number;
  extract(text: string): Promise<DocumentExtraction>;
  /** One article file read, extracted and serialised (file-job.ts); a bad file resolves with its error. */
  extractFile(file: string): Promise<FileExtraction>;
  close(): Promise<void>;
}

/**
 * The extractor is some 12,000 lines of rules, most of them warm in every article but none very hot,
 * so a run of a few thousand files spends much of its CPU in V8's optimising compiler, on background
 * threads that take the second core from the other worker, and much of that code is thrown away at
 * the next article whose objects have a new shape ("wrong map"). Optimised code runs the rules only
 * a little faster than the baseline compiler's (`--no-opt` costs 2-3 % of wall time), so the flags
 * below make V8 optimise less, later and smaller. Measured on 2,000 articles in two workers,
 * interleaved runs of one build (BENCHMARKS.md):
 * - no inlining: 7.0-7.3 s of wall time against 8.1-8.3 s (session 8);
 * - no function of more than 3,000 bytes of bytecode optimised (alias resolution's `resolve` is
 *   18,000, the largest of the others 5,300; an optimising compile of `resolve` took half a second and
 *   was thrown away four or five times over 1,000 articles): 6.9 s against 7.3 s;
 * - a function optimised after 300 KB of bytecode run instead of 132 KB, so rules warm only for a
 *   few articles stay unoptimised: 7.5 s against 8.2 s.
 * The flags are V8's, so they hold for the whole process and every worker thread started after them.
 */
function tuneCompiler(): void {
  setFlagsFromString('--no-turbo-inlining');
  setFlagsFromString('--max-optimized-bytecode-size=3000');
  setFlagsFromString('--interrupt-budget=300000');
  // A young generation of up to 32 MB semi-spaces instead of 16: an article makes about 1 MB of short-lived
  // objects, and each scavenge copies the article in progress and the words newly cached. Scavenges went from
  // 76 to 39 over 1,000 articles, their time from about 0.8 s to 0.4 s, for some 30 MB more per thread.
  setFlagsFromString('--max-semi-space-size=32');
}

/** Below this many articles a worker's start-up costs more than it saves. */
export const MIN_ARTICLES_FOR_WORKERS = 8;

/**
 * `workers`: threads wanted (default: one per core); `articles`: how many articles are coming, when
 * known. Zero workers, one core, or fewer than MIN_ARTICLES_FOR_WORKERS articles extract inline.
 */
export async function createExtractionPool(options: { workers?: number; articles?: number } = {}): Promise<ExtractionPool> {
  tuneCompiler();
  const wanted = options.workers ?? availableParallelism();
  const few = options.articles !== undefined && options.articles < MIN_ARTICLES_FOR_WORKERS;
  if (wanted <= 1 || few) return inlinePool();
  return new WorkerPool(Math.min(wanted, options.articles ?? wanted));
}

async function inlinePool(): Promise<ExtractionPool> {
  // Imported here so that a pool of workers never loads the model into the caller's thread too.
  const { defaultExtractor } = await import('./index.js');
  return {
    workers: 0,
    extract: async (text) => defaultExtractor.extract(text),
    extractFile: (file) => extractFile(file, defaultExtractor),
    close: async () => {},
  };
}

interface Pending {
  resolve: (r: DocumentExtraction | FileExtraction) => void;
  reject: (e: Error) => void;
  worker: number;
}

class WorkerPool implements ExtractionPool {
  private readonly threads: Worker[];
  private readonly busy: number[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;

  constructor(readonly workers: number) {
    this.threads = Array.from({ length: workers }, (_, i) => {
      const w = startWorker();
      w.on('message', (reply: PoolReply) => this.settle(reply));
      w.on('error', (e) => this.fail(e));
      w.on('exit', (code) => code !== 0 && this.fail(new Error(`extraction worker ${i} stopped (exit code ${code})`)));
      return w;
    });
    this.busy = this.threads.map(() => 0);
  }

  extract(text: string): Promise<DocumentExtraction> {
    return this.send((id) => ({ id, text })) as Promise<DocumentExtraction>;
  }

  extractFile(file: string): Promise<FileExtraction> {
    return this.send((id) => ({ id, file })) as Promise<FileExtraction>;
  }

  private send(request: (id: number) => PoolRequest): Promise<DocumentExtraction | FileExtraction> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    let worker = 0;
    for (let i = 1; i < this.busy.length; i++) if (this.busy[i]! < this.busy[worker]!) worker = i;
    this.busy[worker]!++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker });
      this.threads[worker]!.postMessage(request(id));
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((w) => w.terminate()));
  }

  private settle(reply: PoolReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    this.busy[p.worker]!--;
    if (reply.error !== undefined) p.reject(new Error(reply.error));
    else p.resolve(reply.file ?? reply.result);
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

/**
 * Built, the worker is worker.js next to this file. Run from source (tests, eval, benchmarks under
 * tsx) it is worker.ts, and a worker thread does not inherit tsx's loader, so it registers it first.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
}

/**
 * Runs `work` over `items` with at most `window` in flight and hands each result to `emit` in the
 * order of `items`: memory stays bounded by the window however many items there are.
 */
export async function inOrder<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  window: number,
  work: (item: T) => Promise<R>,
  emit: (result: R, item: T) => void,
): Promise<void> {
  const queue: { item: T; result: Promise<R> }[] = [];
  for await (const item of items) {
    const result = work(item);
    result.catch(() => {}); // awaited below, in order; this only keeps an early rejection from going unhandled
    queue.push({ item, result });
    while (queue.length >= window) {
      const head = queue.shift()!;
      emit(await head.result, head.item);
    }
  }
  for (const head of queue) emit(await head.result, head.item);
}
