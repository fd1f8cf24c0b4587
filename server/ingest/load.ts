/**
 * Loading articles into Neo4j: read → extract → resolve → write, in batches of documents, each batch
 * in one managed transaction. A document is stored (with its content hash) in the same transaction as
 * everything extracted from it, so an interrupted load leaves whole documents or none, and a rerun
 * skips exactly the documents already loaded.
 */
import type { ErrorCode } from '../../common/api.js';
import type { JobFile } from '../../common/ingest.js';
import type { Database } from '../db/database.js';
import { defaultExtractor, type Extractor } from '../extract/index.js';
import { articleFiles, type ArticleFile } from './files.js';
import { documentMeta, fileIdentity, planDocument, type DocumentMeta, type DocumentPlan } from './plan.js';
import { readArticleFile, type ReadResult } from '../article/read.js';
import { fetchArticle, isHttpUrl, type FetchOptions } from '../article/fetch.js';
import { reapplyCorrections } from '../curate/reapply.js';
import { EntityIndex } from './entity-index.js';
import {
  documentRefresh,
  readEntityIndex,
  readStoredDocuments,
  renameDocuments,
  writePlans,
  type DocumentRefresh,
  type StoredDocument,
  type WriteCounts,
} from './write.js';

/** Documents per transaction: fewer round trips, while a killed load redoes at most this many. */
export const DEFAULT_BATCH_SIZE = 200;
/** A batch also ends at this much text, so a folder of large files never sits in memory at once. */
export const MAX_BATCH_CHARACTERS = 16_000_000;

/**
 * One article to load, read only when its batch is: a file on disk, an upload, a fetched page.
 * `name` is what the document shows as its `file` and what a failure names; `identity` makes it the
 * same document when its article names no URL (a file's path from the working folder, see fileIdentity).
 */
export interface ArticleSource {
  name: string;
  identity: string;
  read(): ReadResult | Promise<ReadResult>;
}

/** What became of one source, as each batch is written (an upload job reports it per file). */
export type SourceOutcome = JobFile & { status: Exclude<JobFile['status'], 'pending'> };

interface Batch {
  metas: { meta: DocumentMeta; name: string }[];
  failures: { file: string; name: string; code: ErrorCode; message: string }[];
  warnings: LoadSummary['warnings'];
  /** Sources taken from the list, failed ones included. */
  read: number;
}

/** The sources read in batches of at most `size` documents and MAX_BATCH_CHARACTERS of text. */
async function* readBatches(sources: Iterable<ArticleSource>, size: number): AsyncGenerator<Batch> {
  let batch: Batch = { metas: [], failures: [], warnings: [], read: 0 };
  let characters = 0;
  for (const source of sources) {
    const result = await source.read();
    batch.read++;
    if (result.ok) {
      const meta = documentMeta(result.article, source);
      batch.metas.push({ meta, name: source.name });
      characters += meta.text.length;
      for (const warning of result.article.warnings) batch.warnings.push({ file: result.file, code: 'BAD_INPUT', message: `${result.file}: ${warning}.` });
    } else {
      batch.failures.push({ file: result.file, name: source.name, code: result.error.code, message: result.error.message });
    }
    if (batch.metas.length >= size || characters >= MAX_BATCH_CHARACTERS) {
      yield batch;
      batch = { metas: [], failures: [], warnings: [], read: 0 };
      characters = 0;
    }
  }
  if (batch.read > 0) yield batch;
}

export interface LoadOptions {
  dryRun?: boolean;
  /** Documents per transaction. */
  batchSize?: number;
  extractor?: Extractor;
  cwd?: string;
  /** For the http(s) URLs among the paths: what may be fetched (NEWSGRAPH_FETCH_ALLOW), timeout, size. */
  fetch?: FetchOptions;
  onProgress?: (progress: LoadProgress) => void;
  /** Told what became of each source once its batch is written (or planned, in a dry run). */
  onOutcome?: (outcome: SourceOutcome) => void;
}

export interface LoadProgress {
  done: number;
  total: number;
  documentsPerSecond: number;
}

export interface LoadSummary extends WriteCounts {
  dryRun: boolean;
  documents: { new: number; unchanged: number; replaced: number; failed: number };
  entitiesNew: number;
  /** In a dry run: the relationships that would be written. */
  relationshipsPlanned: number;
  failures: { file: string; code: string; message: string }[];
  /** Documents loaded with something left out (a source URL that is not http(s)). */
  warnings: { file: string; code: string; message: string }[];
  seconds: number;
}

/** Loads the article files at `paths` (files, folders, globs): see articleFiles. */
export async function loadPaths(db: Database, paths: string[], options: LoadOptions = {}): Promise<LoadSummary> {
  const started = performance.now();
  const files: ArticleFile[] = [];
  for await (const f of articleFiles(paths)) files.push(f);
  const sources = files.map(({ path: file, name }) => ({
    name,
    identity: fileIdentity(file, options.cwd),
    read: () => (isHttpUrl(file) ? fetchArticle(file, options.fetch) : readArticleFile(file)),
  }));
  return loadArticles(db, sources, options, started);
}

/**
 * Loads articles from any source: read → extract → resolve → write, batch by batch. `started` lets a
 * caller that spent time finding the sources count it in the summary's seconds.
 */
export async function loadArticles(db: Database, sources: ArticleSource[], options: LoadOptions = {}, started = performance.now()): Promise<LoadSummary> {
  const extractor = options.extractor ?? defaultExtractor;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let index = new EntityIndex(await db.read(readEntityIndex));
  const summary: LoadSummary = {
    dryRun: options.dryRun ?? false,
    documents: { new: 0, unchanged: 0, replaced: 0, failed: 0 },
    entitiesNew: 0,
    relationshipsPlanned: 0,
    nodesCreated: 0,
    relationshipsCreated: 0,
    nodesDeleted: 0,
    relationshipsDeleted: 0,
    failures: [],
    warnings: [],
    seconds: 0,
  };
  const seen = new Set<string>();
  let done = 0;

  const outcomes: SourceOutcome[] = [];
  for await (const { metas, failures, warnings, read } of readBatches(sources, batchSize)) {
    summary.warnings.push(...warnings);
    for (const { name, ...failure } of failures) {
      summary.documents.failed++;
      summary.failures.push(failure);
      outcomes.push({ name, status: 'failed', error: { code: failure.code, message: failure.message } });
    }
    const stored = metas.length
      ? await db.read((tx) =>
          readStoredDocuments(
            tx,
            metas.map(({ meta }) => meta.id),
          ),
        )
      : new Map<string, StoredDocument>();
    const plans: DocumentPlan[] = [];
    const replaced: string[] = [];
    const renamed: DocumentRefresh[] = [];
    const rate = (n: number) => n / ((performance.now() - started) / 1000);
    // Extraction is most of a batch's time: progress moves document by document, not batch by batch.
    let planned = done + failures.length;
    for (const { meta, name } of metas) {
      if (planned > done + failures.length) options.onProgress?.({ done: planned, total: sources.length, documentsPerSecond: rate(planned) });
      planned++;
      const before = stored.get(meta.id);
      if (seen.has(meta.id) || before?.sha256 === meta.sha256) {
        summary.documents.unchanged++;
        outcomes.push({ name, status: 'unchanged', document: meta.id });
        // Documents loaded before `file` stopped holding absolute paths lose theirs when reloaded, and
        // ones loaded before dates were read get theirs.
        const refresh = before && !seen.has(meta.id) ? documentRefresh(before, meta) : null;
        if (refresh) renamed.push(refresh);
        continue;
      }
      // Extraction runs on this thread: a server loading an upload answers its other requests (the job's
      // own progress among them) between documents rather than after a whole batch.
      await new Promise<void>((resolve) => setImmediate(resolve));
      let plan: DocumentPlan;
      try {
        plan = planDocument(meta, extractor.extract(meta.text), index);
      } catch (err) {
        // A bug met on one article must not stop a load of thousands: that file is reported, the rest go in.
        const why = err instanceof Error ? err.message : String(err);
        const failure = {
          file: meta.file,
          code: 'INTERNAL' as const,
          message: `${meta.file} skipped: the extractor failed on it (${why}); please report this.`,
        };
        summary.documents.failed++;
        summary.failures.push(failure);
        outcomes.push({ name, status: 'failed', error: { code: failure.code, message: failure.message } });
        continue;
      }
      seen.add(meta.id);
      outcomes.push({ name, status: before ? 'replaced' : 'new', document: meta.id, entities: plan.mentions.length });
      if (before) {
        replaced.push(meta.id);
        summary.documents.replaced++;
      } else {
        summary.documents.new++;
      }
      summary.entitiesNew += plan.newEntities;
      summary.relationshipsPlanned +=
        plan.mentions.length + plan.interactions.length + plan.roles.length + plan.allegations.reduce((n, a) => n + a.links.length, 0);
      plans.push(plan);
    }
    if (renamed.length && !summary.dryRun) await db.write((tx) => renameDocuments(tx, renamed));
    if (plans.length && !summary.dryRun) {
      const counts = await db.write(async (tx) => {
        const written = await writePlans(tx, plans, replaced);
        // Analysts' corrections hold over whatever the batch wrote anew; the names they moved are
        // where the next batch must find them.
        if (await reapplyCorrections(tx)) index = new EntityIndex(await readEntityIndex(tx));
        return written;
      });
      summary.nodesCreated += counts.nodesCreated;
      summary.relationshipsCreated += counts.relationshipsCreated;
      summary.nodesDeleted += counts.nodesDeleted;
      summary.relationshipsDeleted += counts.relationshipsDeleted;
    }
    done += read;
    for (const outcome of outcomes.splice(0)) options.onOutcome?.(outcome);
    options.onProgress?.({ done, total: sources.length, documentsPerSecond: rate(done) });
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
