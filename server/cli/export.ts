/** `newsgraph export`: a subgraph to a file or stdout, in any of the server's formats, with progress. */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { EXPORT_FILES, exportFileName, type ExportFormatName } from '../../common/export.js';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { exportGraph, type ExportProgress, type ServerScope } from '../export/export.js';
import { MAX_PATH_LENGTH } from '../graph/paths.js';
import { entityNamed } from '../graph/search.js';
import { progress, progressReporter } from './output.js';
import { parseParams } from './query.js';
import { timeRange, type TimeRange } from '../../common/time.js';

export interface ExportCommandOptions {
  format: ExportFormatName;
  all?: boolean;
  around?: string;
  depth?: number;
  from?: string;
  to?: string;
  maxLength?: number;
  cypher?: string;
  param?: string[];
  since?: string;
  until?: string;
  out?: string;
}

/** --since and --until as a time range (common/time.ts), refused when not dates or out of order. */
export function rangeOption(o: Pick<ExportCommandOptions, 'since' | 'until'>): TimeRange | null {
  if (o.since === undefined && o.until === undefined) return null;
  const range = timeRange(o.since, o.until);
  if (!range) {
    const bad = o.since !== undefined && !timeRange(o.since) ? `--since ${o.since}` : `--until ${o.until}`;
    throw new AppError('BAD_REQUEST', `${bad}: give a date, YYYY-MM-DD, or an ISO 8601 datetime with its zone (2024-02-01T09:30:00Z).`);
  }
  if (range.from && range.to && range.from > range.to)
    throw new AppError('BAD_REQUEST', `--since ${o.since} is after --until ${o.until}: give the earlier date first.`);
  return range;
}

/** Exactly one scope, its names resolved to ids. */
async function scopeOf(db: Database, o: ExportCommandOptions): Promise<ServerScope> {
  const given = [
    o.all && '--all',
    o.around !== undefined && '--around',
    (o.from !== undefined || o.to !== undefined) && '--from/--to',
    o.cypher !== undefined && '--cypher',
  ].filter(Boolean);
  if (given.length !== 1) {
    throw new AppError(
      'BAD_REQUEST',
      `Say what to export with exactly one of --all, --around NAME, --from NAME --to NAME or --cypher QUERY${given.length ? ` (got ${given.join(' and ')})` : ''}.`,
    );
  }
  if (o.depth !== undefined && o.around === undefined) throw new AppError('BAD_REQUEST', '--depth goes with --around.');
  if (o.all) return { kind: 'all' };
  if (o.around !== undefined) {
    if (o.depth !== undefined && (o.depth < 1 || o.depth > 3)) throw new AppError('BAD_REQUEST', `--depth must be 1, 2 or 3, not ${o.depth}.`);
    const entity = await entityNamed(db, o.around);
    return { kind: 'neighbourhood', id: entity.id, depth: (o.depth ?? 1) as 1 | 2 | 3 };
  }
  if (o.cypher !== undefined) return { kind: 'cypher', query: o.cypher, params: parseParams(o.param ?? []) };
  if (o.from === undefined || o.to === undefined) throw new AppError('BAD_REQUEST', 'A path needs both --from NAME and --to NAME.');
  if (o.maxLength !== undefined && o.maxLength > MAX_PATH_LENGTH)
    throw new AppError('BAD_REQUEST', `--max-length must be at most ${MAX_PATH_LENGTH}, not ${o.maxLength}.`);
  const [from, to] = [await entityNamed(db, o.from), await entityNamed(db, o.to)];
  return { kind: 'path', from: from.id, to: to.id, maxLength: o.maxLength ?? 4 };
}

/** Nodes and relationships written, of those the scope holds. */
function progressOfExport() {
  return progressReporter<ExportProgress>({
    bar: 'Exporting [{bar}] {percentage}% | {nodes} nodes, {edges} relationships | {eta_formatted} left',
    total: (p) => p.totals.nodes + p.totals.edges,
    value: (p) => p.nodes + p.edges,
    payload: (p) => ({ nodes: p.nodes, edges: p.edges }),
    line: (p) => `Exported ${p.nodes}/${p.totals.nodes} nodes, ${p.edges}/${p.totals.edges} relationships`,
  });
}

export async function exportCommand(options: ExportCommandOptions): Promise<void> {
  const toStdout = options.out === '-';
  if (toStdout && options.format === 'csv' && process.stdout.isTTY) {
    throw new AppError('BAD_REQUEST', 'The CSV export is a zip file: give --out FILE, or pipe stdout to a file.');
  }
  // A bad date is refused before Neo4j is asked anything.
  const range = rangeOption(options);
  const connection = await connect(loadConfig(), progress);
  try {
    const scoped = await scopeOf(connection.db, options);
    const scope: ServerScope = range ? { ...scoped, range } : scoped;
    const target = toStdout ? null : (options.out ?? exportFileName(scope, EXPORT_FILES[options.format].extension));
    // Written under a temporary name and renamed once whole: a failed export leaves no half file.
    const partial = target && `${target}.partial`;
    // Room for several chunks, so that encoding goes on while the file system takes the last one.
    const out = partial ? createWriteStream(partial, { highWaterMark: 1 << 20 }) : process.stdout;
    const bar = progressOfExport();
    let result: ExportProgress;
    try {
      result = await exportGraph(connection.db, scope, options.format, out, { onProgress: bar.update });
      if (partial) {
        out.end();
        await finished(out);
        renameSync(partial, target!);
      }
    } catch (err) {
      if (partial) {
        out.destroy();
        rmSync(partial, { force: true });
      }
      throw err;
    } finally {
      bar.stop();
    }
    progress(`Exported ${result.nodes} nodes and ${result.edges} relationships${target ? ` to ${target}` : ''}.`);
  } finally {
    await connection.close();
  }
}
