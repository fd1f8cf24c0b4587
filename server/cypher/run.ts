/**
 * Running a user's read query: its text checked (bounds.ts), then planned and refused unless a plain
 * read (guard.ts), then run in the user-query pool under a deadline (Database.readUserQuery), its
 * result cut in rows and in bytes and read a batch at a time, so that no reply is huge and the event
 * loop never waits long on one.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import type { CypherNodeValue, CypherPathValue, CypherRelationshipValue, CypherResult } from '../../common/api.js';
import { toQueryError, type Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { GraphBuilder, nodeKey } from '../graph/serialize.js';
import { checkBounds } from './bounds.js';
import { assertReadOnly } from './guard.js';

export interface CypherOptions {
  timeoutMs?: number;
  maxRows?: number;
  /** The most JSON the rows may take (node values count once more in the graph beside them). */
  maxBytes?: number;
  /** What to do past maxRows or maxBytes: cut the result and say so (the console), or refuse it (exports). */
  overflow?: 'truncate' | 'refuse';
}

export type { CypherResult };

export const CYPHER_DEFAULTS: Required<CypherOptions> = { timeoutMs: 5_000, maxRows: 1_000, maxBytes: 5_000_000, overflow: 'truncate' };
/** The event loop gets a turn at least this often while rows are converted. */
const SLICE_MS = 10;

const megabytes = (bytes: number) => `${Math.round(bytes / 100_000) / 10} MB`;

/** A row value as JSON; graph values become references to the graph payload. */
function toJson(value: unknown, graph: GraphBuilder): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isNode(value as object)) {
    const node = value as Node;
    graph.addNode(node);
    return { node: nodeKey(node), labels: node.labels, properties: node.properties } satisfies CypherNodeValue;
  }
  if (neo4j.isRelationship(value as object)) {
    const rel = value as Relationship;
    graph.addRelationship(rel);
    return { relationship: rel.elementId, type: rel.type, properties: rel.properties } satisfies CypherRelationshipValue;
  }
  if (neo4j.isPath(value as object)) {
    const path = value as Path;
    graph.addNode(path.start);
    for (const segment of path.segments) {
      graph.addNode(segment.end);
      graph.addRelationship(segment.relationship);
    }
    return { path: [nodeKey(path.start), ...path.segments.map((s) => nodeKey(s.end))] } satisfies CypherPathValue;
  }
  if (Array.isArray(value)) return value.map((v) => toJson(v, graph));
  if (typeof value === 'object') {
    // Dates, times, durations and points print as Cypher writes them.
    if (value.constructor !== Object) return String(value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v, graph)]));
  }
  return value;
}

export async function runReadOnly(db: Database, query: string, params: Record<string, unknown> = {}, options: CypherOptions = {}): Promise<CypherResult> {
  const { timeoutMs, maxRows, maxBytes, overflow } = { ...CYPHER_DEFAULTS, ...options };
  checkBounds(query, params);
  return db.readUserQuery(
    async (tx) => {
      try {
        await assertReadOnly(tx, query, params);
        const graph = new GraphBuilder();
        const rows: unknown[][] = [];
        let bytes = 0;
        let truncated = false;
        let slice = Date.now();
        const result = tx.run(query, params);
        const columns = [...(await result.keys())];
        // Leaving the loop early discards the rest of the stream in Neo4j.
        for await (const record of result) {
          if (rows.length === maxRows) {
            if (overflow === 'refuse') throw new AppError('RESULT_TOO_LARGE', `The query returns more than ${maxRows.toLocaleString('en')} rows; narrow it.`);
            truncated = true;
            break;
          }
          const row = record.keys.map((k) => toJson(record.get(k), graph));
          bytes += JSON.stringify(row).length;
          if (bytes > maxBytes) {
            if (overflow === 'refuse' || rows.length === 0) {
              throw new AppError(
                'RESULT_TOO_LARGE',
                `The query's result is over ${megabytes(maxBytes)}${rows.length ? '' : ' in its first row'}; return less (fewer or shorter values).`,
              );
            }
            truncated = true;
            break;
          }
          rows.push(row);
          if (Date.now() - slice > SLICE_MS) {
            await yieldToEventLoop();
            slice = Date.now();
          }
        }
        return { columns, rows, graph: await graph.finish(tx, { scope: 'cypher' }), truncated };
      } catch (err) {
        // Converted here, inside the transaction's work, so that the driver retries none of them.
        throw toQueryError(err, db.uri);
      }
    },
    { timeoutMs },
  );
}
