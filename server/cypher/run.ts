/**
 * Running a user's read query: its text checked (bounds.ts), then planned and refused unless a plain
 * read (guard.ts), then run in the user-query pool under a deadline (Database.readUserQuery), its
 * result cut in rows and in bytes and read a batch at a time, so that no reply is huge and the event
 * loop never waits long on one.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import neo4j, { type ManagedTransaction, type Node, type Path, type Relationship } from 'neo4j-driver';
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

/** What converting the rows collects beside them. */
interface Conversion {
  graph: GraphBuilder;
  /** Every relationship value so far, its `start` and `end` still Neo4j element ids until `keyEnds` runs. */
  relationships: CypherRelationshipValue[];
}

function relationshipJson(rel: Relationship, into: Conversion): CypherRelationshipValue {
  into.graph.addRelationship(rel);
  const value = { relationship: rel.elementId, type: rel.type, start: rel.startNodeElementId, end: rel.endNodeElementId, properties: rel.properties };
  into.relationships.push(value);
  return value;
}

/** A row value as JSON; graph values become references to the graph payload. */
function toJson(value: unknown, into: Conversion): unknown {
  if (value === null || value === undefined) return null;
  if (neo4j.isNode(value as object)) {
    const node = value as Node;
    into.graph.addNode(node);
    return { node: nodeKey(node), labels: node.labels, properties: node.properties } satisfies CypherNodeValue;
  }
  if (neo4j.isRelationship(value as object)) return relationshipJson(value as Relationship, into);
  if (neo4j.isPath(value as object)) {
    const path = value as Path;
    into.graph.addNode(path.start);
    for (const segment of path.segments) into.graph.addNode(segment.end);
    return {
      path: [nodeKey(path.start), ...path.segments.map((s) => nodeKey(s.end))],
      relationships: path.segments.map((s) => relationshipJson(s.relationship, into)),
    } satisfies CypherPathValue;
  }
  if (Array.isArray(value)) return value.map((v) => toJson(v, into));
  if (typeof value === 'object') {
    // Dates, times, durations and points print as Cypher writes them.
    if (value.constructor !== Object) return String(value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v, into)]));
  }
  return value;
}

/** The keys of nodes by element id, for nodes the result does not return (nodeKey's rule, in Cypher). */
const NODE_KEYS = `UNWIND $ids AS id MATCH (n) WHERE elementId(n) = id
  RETURN id, CASE WHEN n.id IS :: STRING THEN n.id END AS key`;

/**
 * Puts node keys in place of the element ids at the ends of the relationship values. Done once the rows
 * are read, not row by row: a node may come later in its row than its relationship (`RETURN r, a`), or
 * not at all (`RETURN r`), and those last ends are looked up in one query.
 */
async function keyEnds(tx: ManagedTransaction, { graph, relationships }: Conversion): Promise<void> {
  const unknown = new Set<string>();
  for (const { start, end } of relationships) for (const id of [start, end]) if (graph.keyOf(id) === undefined) unknown.add(id);
  const looked = new Map<string, string>();
  if (unknown.size) {
    const { records } = await tx.run(NODE_KEYS, { ids: [...unknown] });
    for (const r of records) looked.set(r.get('id') as string, (r.get('key') as string | null) ?? (r.get('id') as string));
  }
  const keyOf = (id: string) => graph.keyOf(id) ?? looked.get(id) ?? id;
  for (const value of relationships) {
    value.start = keyOf(value.start);
    value.end = keyOf(value.end);
  }
}

export async function runReadOnly(db: Database, query: string, params: Record<string, unknown> = {}, options: CypherOptions = {}): Promise<CypherResult> {
  const { timeoutMs, maxRows, maxBytes, overflow } = { ...CYPHER_DEFAULTS, ...options };
  checkBounds(query, params);
  return db.readUserQuery(
    async (tx) => {
      try {
        await assertReadOnly(tx, query, params);
        const into: Conversion = { graph: new GraphBuilder(), relationships: [] };
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
          const row = record.keys.map((k) => toJson(record.get(k), into));
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
        await keyEnds(tx, into);
        return { columns, rows, graph: await into.graph.finish(tx, { scope: 'cypher' }), truncated };
      } catch (err) {
        // Converted here, inside the transaction's work, so that the driver retries none of them.
        throw toQueryError(err, db.uri);
      }
    },
    { timeoutMs },
  );
}
