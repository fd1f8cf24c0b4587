/** Running a user's read query: guarded, time-limited, row-capped, with its result as table and graph. */
import neo4j, { type Node, type Path, type Relationship } from 'neo4j-driver';
import type { CypherNodeValue, CypherPathValue, CypherRelationshipValue, CypherResult } from '../../common/api.js';
import type { Database } from '../db/database.js';
import { GraphBuilder, nodeKey } from '../graph/serialize.js';
import { assertReadOnly } from './guard.js';

export interface CypherOptions {
  timeoutMs?: number;
  maxRows?: number;
}

export type { CypherResult };

export const CYPHER_DEFAULTS = { timeoutMs: 5_000, maxRows: 1_000 };

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
  const { timeoutMs, maxRows } = { ...CYPHER_DEFAULTS, ...options };
  return db.read(
    async (tx) => {
      await assertReadOnly(tx, query, params);
      const graph = new GraphBuilder();
      const rows: unknown[][] = [];
      let columns: string[] = [];
      let truncated = false;
      const result = tx.run(query, params);
      columns = [...(await result.keys())];
      for await (const record of result) {
        if (rows.length === maxRows) {
          truncated = true;
          break;
        }
        rows.push(record.keys.map((k) => toJson(record.get(k), graph)));
      }
      return { columns, rows, graph: graph.build({ scope: 'cypher' }), truncated };
    },
    { timeoutMs },
  );
}
