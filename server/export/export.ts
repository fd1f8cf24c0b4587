/**
 * Exporting a subgraph: a scope (what) and a format (how), written to a stream. The one entry point
 * for the API, the CLI and bench:export.
 */
import type { Writable } from 'node:stream';
import type { ExportFormatName } from '../../common/export.js';
import type { Database } from '../db/database.js';
import type { ExportContext, FormatWriter } from './format.js';
import { writeCsvZip } from './formats/csv.js';
import { writeCypher } from './formats/cypher.js';
import { writeGexf } from './formats/gexf.js';
import { writeGraphml } from './formats/graphml.js';
import { writeEvidencePack, writeJson } from './formats/json.js';
import { withSource, type ExportSource, type ServerScope } from './source.js';

export type { ServerScope };

export const FORMAT_WRITERS: Record<ExportFormatName, FormatWriter> = {
  json: writeJson,
  evidence: writeEvidencePack,
  graphml: writeGraphml,
  gexf: writeGexf,
  csv: writeCsvZip,
  cypher: writeCypher,
};

export interface ExportProgress {
  nodes: number;
  edges: number;
  totals: { nodes: number; edges: number };
}

export interface ExportOptions {
  /** Node positions to carry as x and y (the explorer's layout). */
  positions?: Map<string, { x: number; y: number }>;
  /** Called every `progressEvery` elements and once at the end. */
  onProgress?: (progress: ExportProgress) => void;
  progressEvery?: number;
  /** Called once the scope is known to exist and just before the first byte: the moment to send headers. */
  onStart?: () => void;
  now?: Date;
  /** JSON and evidence packs: more top-level fields, after the graph (see ExportContext). */
  extra?: Record<string, unknown>;
}

/** The source, counting what passes for progress: a report each time the count passes a multiple of `progressEvery`. */
function counted(source: ExportSource, options: ExportOptions): ExportSource & { finish(): void } {
  const every = options.progressEvery ?? 10_000;
  const state: ExportProgress = { nodes: 0, edges: 0, totals: source.totals };
  const report = () => options.onProgress?.({ ...state });
  async function* count<T>(batches: AsyncIterable<readonly T[]>, key: 'nodes' | 'edges'): AsyncIterable<readonly T[]> {
    for await (const batch of batches) {
      yield batch;
      const before = state[key];
      state[key] += batch.length;
      if (Math.floor(state[key] / every) > Math.floor(before / every)) report();
    }
  }
  return { ...source, nodes: () => count(source.nodes(), 'nodes'), edges: () => count(source.edges(), 'edges'), finish: report };
}

/** Writes the scope in the format to `out`, which it does not end. Errors are AppErrors; see withSource for retries. */
export async function exportGraph(
  db: Database,
  scope: ServerScope,
  format: ExportFormatName,
  out: Writable,
  options: ExportOptions = {},
): Promise<ExportProgress> {
  let started = false;
  let result: ExportProgress | undefined;
  const context: ExportContext = {
    scope,
    exportedAt: (options.now ?? new Date()).toISOString(),
    extra: options.extra,
    onFirstWrite: () => {
      if (started) return;
      started = true;
      options.onStart?.();
    },
  };
  await withSource(
    db,
    scope,
    async (plain) => {
      const source = counted(plain, {
        ...options,
        onProgress: (p) => {
          result = p;
          options.onProgress?.(p);
        },
      });
      await FORMAT_WRITERS[format](source, out, context);
      source.finish();
    },
    { positions: options.positions, started: () => started },
  );
  return result ?? { nodes: 0, edges: 0, totals: { nodes: 0, edges: 0 } };
}
