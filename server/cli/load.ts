import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../config.js';
import { connect } from '../db/connect.js';
import { applySchema, ownershipOf, foreignDatabaseError } from '../db/schema.js';
import { AppError } from '../errors.js';
import { loadPaths, type LoadProgress, type LoadSummary } from '../ingest/load.js';
import { deleteNewsgraphData } from '../ingest/write.js';
import { progress, progressReporter } from './output.js';

export interface LoadCommandOptions {
  dryRun?: boolean;
  reset?: boolean;
  yes?: boolean;
  json?: boolean;
  batchSize?: number;
  /** Take on a database that holds other data. */
  init?: boolean;
}

async function confirmReset(uri: string): Promise<boolean> {
  if (!process.stdin.isTTY) {
    throw new AppError('BAD_REQUEST', "--reset deletes newsgraph's nodes and relationships; confirm with --yes when not at a terminal.");
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`--reset deletes newsgraph's nodes and relationships (not other data) in the Neo4j at ${uri}. Type "yes" to go on: `);
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}

/** Documents done, with their rate. */
function progressOfLoad() {
  return progressReporter<LoadProgress>({
    bar: 'Loading [{bar}] {value}/{total} documents | {rate} docs/s | {eta_formatted} left',
    total: (p) => p.total,
    value: (p) => p.done,
    payload: (p) => ({ rate: p.documentsPerSecond.toFixed(1) }),
    line: (p) => `Loaded ${p.done}/${p.total} documents (${p.documentsPerSecond.toFixed(1)} docs/s)`,
  });
}

export function formatSummary(s: LoadSummary): string {
  const d = s.documents;
  const lines = [
    `${s.dryRun ? 'Dry run (nothing written): ' : ''}documents: ${d.new} new, ${d.unchanged} unchanged, ${d.replaced} replaced, ${d.failed} failed (${s.seconds.toFixed(1)} s)`,
    s.dryRun
      ? `would write: ${d.new + d.replaced} documents, ${s.entitiesNew} new entities, ${s.relationshipsPlanned} relationships`
      : `written: ${s.nodesCreated} nodes and ${s.relationshipsCreated} relationships created` +
        (s.nodesDeleted || s.relationshipsDeleted ? `; ${s.nodesDeleted} nodes and ${s.relationshipsDeleted} relationships removed` : ''),
    ...s.failures.map((f) => `failed: ${f.message} [${f.code}]`),
    ...s.warnings.map((w) => `warning: ${w.message} [${w.code}]`),
  ];
  return `${lines.join('\n')}\n`;
}

export async function loadCommand(paths: string[], options: LoadCommandOptions): Promise<void> {
  const config = loadConfig();
  const connection = await connect(config, progress);
  try {
    await connection.db.facts();
    // Refused before --reset or a dry run touches anything: nothing is done to a database with other data unless told.
    if (!options.init) {
      const { ownership, example } = await ownershipOf(connection.db);
      if (ownership === 'foreign') throw foreignDatabaseError(connection.db, example);
    }
    if (options.reset) {
      if (options.dryRun) throw new AppError('BAD_REQUEST', '--reset and --dry-run do not go together.');
      if (!options.yes && !(await confirmReset(connection.db.uri))) {
        progress('Not reset; nothing loaded.');
        process.exitCode = 1;
        return;
      }
    }
    // Before the reset: an earlier version's unlabelled nodes are labelled first, so the reset takes them too.
    await applySchema(connection.db, { init: options.init });
    if (options.reset) {
      const deleted = await deleteNewsgraphData(connection.db);
      progress(`Reset: ${deleted} nodes deleted.`);
    }
    const reporter = progressOfLoad();
    let summary: LoadSummary;
    try {
      summary = await loadPaths(connection.db, paths, {
        dryRun: options.dryRun,
        batchSize: options.batchSize,
        fetch: { allow: config.fetch.allow },
        onProgress: reporter.update,
      });
    } finally {
      reporter.stop();
    }
    if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else process.stdout.write(formatSummary(summary));
    if (summary.documents.failed) process.exitCode = 1;
  } finally {
    await connection.close();
  }
}
