/**
 * A Cypher script that re-creates the subgraph in an empty Neo4j (cypher-shell -f, or Neo4j Browser with
 * multi-statement mode). Every value is written as an escaped literal and every name as a quoted
 * identifier, so no text in the graph can end a string or start a statement: nothing is spliced in raw.
 * One statement a line (line breaks in text are written as \n), each its own transaction of up to
 * BATCH rows: nodes by label set, then relationships by type. Nodes are matched up through a temporary
 * label and key, as APOC's export does, which the script's last statements remove.
 *
 * Corroboration is the one edge attribute it leaves out: it is counted from the evidence, which the script
 * re-creates, and a stored copy would go stale at the next load.
 */
import type { Point } from 'neo4j-driver';
import type { SerializedNode } from '../../../common/graph.js';
import type { FormatWriter } from '../format.js';
import { TextSink } from '../sink.js';
import { pointMap, specialTypeOf } from '../values.js';

const BATCH = 500;
export const IMPORT_LABEL = '__NewsgraphImport';
export const IMPORT_KEY = '__newsgraphKey';

/** A name as Cypher reads it whatever it holds: `name`, backticks doubled. */
export function cypherName(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

const STRING_ESCAPES: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/** A value as a Cypher literal. Whole numbers are integers, others floats (written with a point or exponent). */
export function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') {
    // eslint-disable-next-line no-control-regex
    return `'${value.replace(/[\\'\n\r\t\b\f]|[\u0000-\u001F\u2028\u2029]/g, (c) => STRING_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return Number.isNaN(value) ? '0.0/0.0' : value > 0 ? '1.0/0.0' : '-1.0/0.0';
    if (Number.isInteger(value)) return String(value);
    const text = String(value);
    return /[.e]/.test(text) ? text : `${text}.0`;
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  const special = specialTypeOf(value);
  if (special === 'point') return `point(${cypherLiteral(pointMap(value as Point))})`;
  if (special) return `${special}(${cypherLiteral(String(value))})`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${cypherName(k)}: ${cypherLiteral(v)}`)
      .join(', ')}}`;
  }
  return cypherLiteral(String(value));
}

/** Rows gathered per statement shape (a label set, a relationship type), written BATCH at a time. */
class Batches {
  private readonly rows = new Map<string, string[]>();

  constructor(
    private readonly sink: TextSink,
    private readonly statement: (shape: string, rows: string) => string,
  ) {}

  /** Adds a row, and hands the sink a statement when its shape has BATCH rows; the caller flushes the sink. */
  add(shape: string, row: string): void {
    let rows = this.rows.get(shape);
    if (!rows) this.rows.set(shape, (rows = []));
    rows.push(row);
    if (rows.length >= BATCH) this.write(shape);
  }

  private write(shape: string): void {
    const rows = this.rows.get(shape);
    if (!rows?.length) return;
    this.rows.set(shape, []);
    this.sink.push(`${this.statement(shape, rows.join(', '))}\n`);
  }

  async writeAll(): Promise<void> {
    for (const shape of this.rows.keys()) {
      this.write(shape);
      await this.sink.flushIfFull();
    }
  }
}

function labelsOf(node: SerializedNode): string {
  return node.attributes.labels.map(cypherName).join(':');
}

export const writeCypher: FormatWriter = async (source, out, context) => {
  const sink = new TextSink(out, context.onFirstWrite);
  const L = cypherName(IMPORT_LABEL);
  const K = cypherName(IMPORT_KEY);
  // A comment must stay on its line: the scope is JSON, which escapes line breaks.
  await sink.write(
    `// newsgraph export of ${JSON.stringify(context.scope)} at ${context.exportedAt}.\n` +
      '// Replay into an empty Neo4j: cypher-shell -f this-file.cypher (one statement a line, each its own transaction).\n' +
      `CREATE CONSTRAINT newsgraph_import_key IF NOT EXISTS FOR (n:${L}) REQUIRE n.${K} IS UNIQUE;\n`,
  );
  let nodes = 0;
  let edges = 0;
  const nodeBatches = new Batches(sink, (labels, rows) => `UNWIND [${rows}] AS row CREATE (n:${L}${labels ? `:${labels}` : ''} {${K}: row.k}) SET n += row.p;`);
  for await (const batch of source.nodes()) {
    for (const node of batch) nodeBatches.add(labelsOf(node), `{k: ${cypherLiteral(node.key)}, p: ${cypherLiteral(node.attributes.properties)}}`);
    nodes += batch.length;
    await sink.flushIfFull();
  }
  await nodeBatches.writeAll();
  const edgeBatches = new Batches(
    sink,
    (type, rows) => `UNWIND [${rows}] AS row MATCH (a:${L} {${K}: row.s}), (b:${L} {${K}: row.t}) CREATE (a)-[r:${type}]->(b) SET r += row.p;`,
  );
  for await (const batch of source.edges()) {
    for (const edge of batch) {
      edgeBatches.add(
        cypherName(edge.attributes.relType),
        `{s: ${cypherLiteral(edge.source)}, t: ${cypherLiteral(edge.target)}, p: ${cypherLiteral(edge.attributes.properties)}}`,
      );
    }
    edges += batch.length;
    await sink.flushIfFull();
  }
  await edgeBatches.writeAll();
  await sink.write(
    `MATCH (n:${L}) REMOVE n:${L}, n.${K};\n` + 'DROP CONSTRAINT newsgraph_import_key IF EXISTS;\n' + `// ${nodes} nodes and ${edges} relationships.\n`,
  );
  await sink.flush();
};
