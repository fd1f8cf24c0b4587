/**
 * Loading articles into Neo4j: read → extract → resolve → write, in batches of documents, each batch
 * in one managed transaction. A document is stored (with its content hash) in the same transaction as
 * everything extracted from it, so an interrupted load leaves whole documents or none, and a rerun
 * skips exactly the documents already loaded.
 */
import type { Database } from '../db/database.js';
import { defaultExtractor, type Extractor } from '../extract/index.js';
import { articleFiles } from './files.js';
import { documentMeta, planDocument, type DocumentMeta, type DocumentPlan } from './plan.js';
import { readArticleFile } from './read.js';
import { EntityIndex } from './resolve.js';
import { readDocumentHashes, readEntityIndex, writePlans, type WriteCounts } from './write.js';

/** Documents per transaction: fewer round trips, while a killed load redoes at most this many. */
export const DEFAULT_BATCH_SIZE = 200;

export interface LoadOptions {
  dryRun?: boolean;
  /** Documents per transaction. */
  batchSize?: number;
  extractor?: Extractor;
  cwd?: string;
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
  seconds: number;
}

export async function loadPaths(db: Database, paths: string[], options: LoadOptions = {}): Promise<LoadSummary> {
  const started = performance.now();
  const extractor = options.extractor ?? defaultExtractor;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const files: string[] = [];
  for await (const f of articleFiles(paths)) files.push(f);

  const index = new EntityIndex(await db.read(readEntityIndex));
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
    seconds: 0,
  };
  const seen = new Set<string>();
  let done = 0;

  for (let i = 0; i < files.length; i += batchSize) {
    const metas: DocumentMeta[] = [];
    for (const file of files.slice(i, i + batchSize)) {
      const read = await readArticleFile(file);
      if (!read.ok) {
        summary.documents.failed++;
        summary.failures.push({ file, code: read.error.code, message: read.error.message });
        continue;
      }
      metas.push(documentMeta(file, read.article, options.cwd));
    }
    const stored = metas.length ? await db.read((tx) => readDocumentHashes(tx, metas.map((m) => m.id))) : new Map<string, string>();
    const plans: DocumentPlan[] = [];
    const replaced: string[] = [];
    for (const meta of metas) {
      if (seen.has(meta.id) || stored.get(meta.id) === meta.sha256) {
        summary.documents.unchanged++;
        continue;
      }
      seen.add(meta.id);
      if (stored.has(meta.id)) {
        replaced.push(meta.id);
        summary.documents.replaced++;
      } else {
        summary.documents.new++;
      }
      const plan = planDocument(meta, extractor.extract(meta.text), index);
      summary.entitiesNew += plan.newEntities;
      summary.relationshipsPlanned += plan.mentions.length + plan.interactions.length + plan.roles.length + plan.allegations.reduce((n, a) => n + a.links.length, 0);
      plans.push(plan);
    }
    if (plans.length && !summary.dryRun) {
      const counts = await db.write((tx) => writePlans(tx, plans, replaced));
      summary.nodesCreated += counts.nodesCreated;
      summary.relationshipsCreated += counts.relationshipsCreated;
      summary.nodesDeleted += counts.nodesDeleted;
      summary.relationshipsDeleted += counts.relationshipsDeleted;
    }
    done = Math.min(files.length, i + batchSize);
    options.onProgress?.({ done, total: files.length, documentsPerSecond: done / ((performance.now() - started) / 1000) });
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
