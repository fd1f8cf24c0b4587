import { loadConfig } from '../config.js';
import { runReadOnly, type CypherResult } from '../cypher/run.js';
import { connect } from '../db/connect.js';
import { AppError } from '../errors.js';
import { csvField, csvText } from '../export/csv-field.js';
import { progress } from './output.js';

export type QueryFormat = 'table' | 'json' | 'csv';

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Text through the formula guard the export's CSV uses; numbers, lists and maps as JSON, never prefixed. */
function csvCell(value: unknown): string {
  return typeof value === 'string' ? csvText(value) : csvField(cell(value));
}

export function formatResult(result: CypherResult, format: QueryFormat): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  if (format === 'csv') return [result.columns, ...result.rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
  const rows = [result.columns, ...result.rows.map((r) => r.map(cell))];
  const widths = result.columns.map((_, i) => Math.min(60, Math.max(...rows.map((r) => String(r[i]).length))));
  const line = (r: unknown[]) => r.map((c, i) => String(c).slice(0, 60).padEnd(widths[i]!)).join(' | ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.slice(1).map(line)].join('\n') + '\n';
}

/** "name=Wang Yi" → {name: "Wang Yi"}; values that read as JSON (numbers, lists, true) are taken as such. */
export function parseParams(pairs: string[]): Record<string, unknown> {
  return Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new AppError('BAD_REQUEST', `--param takes name=value, got '${pair}'.`);
      const raw = pair.slice(at + 1);
      let value: unknown = raw;
      try {
        value = JSON.parse(raw);
      } catch {
        // A plain string.
      }
      return [pair.slice(0, at), value];
    }),
  );
}

/**
 * The command line's own limits: the same guard and time as POST /api/cypher, more rows and bytes,
 * since its output goes to a terminal or a file rather than a browser.
 */
export const QUERY_CLI_LIMITS = { timeoutMs: 5_000, maxRows: 10_000, maxBytes: 50_000_000 };

/** `newsgraph query`: the same read-only guard as POST /api/cypher, from the command line. */
export async function queryCommand(query: string, options: { param?: string[]; format?: QueryFormat }): Promise<void> {
  const params = parseParams(options.param ?? []);
  const connection = await connect(loadConfig(), progress);
  try {
    const result = await runReadOnly(connection.db, query, params, QUERY_CLI_LIMITS);
    process.stdout.write(formatResult(result, options.format ?? 'table'));
    if (result.truncated)
      progress(
        `(cut at ${result.rows.length} rows: at most ${QUERY_CLI_LIMITS.maxRows.toLocaleString('en')} rows or ${QUERY_CLI_LIMITS.maxBytes / 1_000_000} MB)`,
      );
  } finally {
    await connection.close();
  }
}
