/**
 * Loading articles into Neo4j: read → extract → resolve → write, in batches of documents, each batch
 * in one managed transaction. A document is stored (with its content hash) in the same transaction as
 * everything extracted from it, so an interrupted load leaves whole documents or none, and a rerun
 * skips exactly the documents already loaded.
 */
import type { Database } from '../db/database.js';
import { defaultExtractor, type Extractor } from '../extract/index.js';
import { articleFiles, type ArticleFile } from './files.js';
import { documentMeta, planDocument, type DocumentMeta, type DocumentPlan } from './plan.js';
import { readArticleFile } from '../article/read.js';
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

interface Batch {
  metas: DocumentMeta[];
  failures: LoadSummary['failures'];
  warnings: LoadSummary['warnings'];
  /** Files taken from the list, failed ones included. */
  read: number;
}

/** The files read in batches of at most `size` documents and MAX_BATCH_CHARACTERS of text. */
async function* readBatches(files: ArticleFile[], size: number, cwd: string | undefined, fetch?: FetchOptions): AsyncGenerator<Batch> {
  let batch: Batch = { metas: [], failures: [], warnings: [], read: 0 };
  let characters = 0;
  for (const { path: file, name } of files) {
    const result = isHttpUrl(file) ? await fetchArticle(file, fetch) : await readArticleFile(file);
    batch.read++;
    if (result.ok) {
      const meta = documentMeta(file, result.article, cwd, name);
      batch.metas.push(meta);
      characters += meta.text.length;
      for (const warning of result.article.warnings) batch.warnings.push({ file, code: 'BAD_INPUT', message: `${file}: ${warning}.` });
    } else {
      batch.failures.push({ file, code: result.error.code, message: result.error.message });
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

export async function loadPaths(db: Database, paths: string[], options: LoadOptions = {}): Promise<LoadSummary> {
  const started = performance.now();
  const extractor = options.extractor ?? defaultExtractor;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const files: ArticleFile[] = [];
  for await (const f of articleFiles(paths)) files.push(f);

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

  for await (const { metas, failures, warnings, read } of readBatches(files, batchSize, options.cwd, options.fetch)) {
    summary.warnings.push(...warnings);
    for (const failure of failures) {
      summary.documents.failed++;
      summary.failures.push(failure);
    }
    const stored = metas.length
      ? await db.read((tx) =>
          readStoredDocuments(
            tx,
            metas.map((m) => m.id),
          ),
        )
      : new Map<string, StoredDocument>();
    const plans: DocumentPlan[] = [];
    const replaced: string[] = [];
    const renamed: DocumentRefresh[] = [];
    for (const meta of metas) {
      const before = stored.get(meta.id);
      if (seen.has(meta.id) || before?.sha256 === meta.sha256) {
        summary.documents.unchanged++;
        // Documents loaded before `file` stopped holding absolute paths lose theirs when reloaded, and
        // ones loaded before dates were read get theirs.
        const refresh = before && !seen.has(meta.id) ? documentRefresh(before, meta) : null;
        if (refresh) renamed.push(refresh);
        continue;
      }
      let plan: DocumentPlan;
      try {
        plan = planDocument(meta, extractor.extract(meta.text), index);
      } catch (err) {
        // A bug met on one article must not stop a load of thousands: that file is reported, the rest go in.
        const why = err instanceof Error ? err.message : String(err);
        summary.documents.failed++;
        summary.failures.push({ file: meta.file, code: 'INTERNAL', message: `${meta.file} skipped: the extractor failed on it (${why}); please report this.` });
        continue;
      }
      seen.add(meta.id);
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
    options.onProgress?.({ done, total: files.length, documentsPerSecond: done / ((performance.now() - started) / 1000) });
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
