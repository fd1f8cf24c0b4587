/**
 * GraphML, written by us as a stream. graphology-graphml only parses, and a writer that takes a
 * graphology Graph would hold the whole graph in memory, twice with its output string; streaming
 * keeps a 100k-node export within bench:export's memory bound. Columns are declared up front (see
 * flat.ts) because GraphML wants its keys before the graph.
 */
import type { SerializedEdge, SerializedNode } from '../../../common/graph.js';
import { cellText, edgeColumns, nodeColumns, type Column, type FlatType } from '../flat.js';
import type { FormatWriter } from '../format.js';
import { TextSink } from '../sink.js';
import { xmlAttribute, xmlText } from './xml.js';

const GRAPHML_TYPES: Record<FlatType, string> = { string: 'string', long: 'long', double: 'double', boolean: 'boolean' };

function keys<T>(prefix: string, target: 'node' | 'edge', columns: Column<T>[]): string {
  return columns
    .map((c, i) => `  <key id="${prefix}${i}" for="${target}" attr.name="${xmlAttribute(c.name)}" attr.type="${GRAPHML_TYPES[c.type]}"/>\n`)
    .join('');
}

/**
 * Every character xmlText or xmlAttribute would change (controls, surrogates, U+FFFE/FFFF, markup). Most
 * values hold none: one scan of a character class lets them through as they are, which is most of the text.
 */
// eslint-disable-next-line no-control-regex
const TEXT_ESCAPES = /[\u0000-\u0008\u000B-\u001F\uD800-\uDFFF\uFFFE\uFFFF&<>]/;
// eslint-disable-next-line no-control-regex
const ATTRIBUTE_ESCAPES = /[\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF&<>"]/;
const text = (s: string) => (TEXT_ESCAPES.test(s) ? xmlText(s) : s);
const attribute = (s: string) => (ATTRIBUTE_ESCAPES.test(s) ? xmlAttribute(s) : s);

/** A function from an element to its <data> elements, the tags built once per column. */
function data<T>(prefix: string, columns: Column<T>[]): (element: T) => string {
  const opening = columns.map((_, i) => `<data key="${prefix}${i}">`);
  return (element) => {
    let out = '';
    for (let i = 0; i < columns.length; i++) {
      const cell = cellText(columns[i]!.read(element));
      if (cell !== null) out += `${opening[i]}${text(cell)}</data>`;
    }
    return out;
  };
}

export const writeGraphml: FormatWriter = async (source, out, context) => {
  const sink = new TextSink(out, context.onFirstWrite);
  const nodes = nodeColumns(source.schema, source.positions);
  const edges = edgeColumns(source.schema);
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
      '  <key id="g0" for="graph" attr.name="exporter" attr.type="string"/>\n' +
      '  <key id="g1" for="graph" attr.name="exportedAt" attr.type="string"/>\n' +
      '  <key id="g2" for="graph" attr.name="scope" attr.type="string"/>\n' +
      keys('n', 'node', nodes) +
      keys('e', 'edge', edges) +
      '  <graph id="newsgraph" edgedefault="directed">\n' +
      `    <data key="g0">newsgraph</data><data key="g1">${context.exportedAt}</data><data key="g2">${xmlText(JSON.stringify(context.scope))}</data>\n`,
  );
  const nodeData = data<SerializedNode>('n', nodes);
  for await (const batch of source.nodes()) {
    for (const node of batch) sink.push(`    <node id="${attribute(node.key)}">${nodeData(node)}</node>\n`);
    await sink.flushIfFull();
  }
  const edgeData = data<SerializedEdge>('e', edges);
  for await (const batch of source.edges()) {
    for (const edge of batch) {
      sink.push(`    <edge id="${attribute(edge.key)}" source="${attribute(edge.source)}" target="${attribute(edge.target)}">${edgeData(edge)}</edge>\n`);
    }
    await sink.flushIfFull();
  }
  await sink.write('  </graph>\n</graphml>\n');
  await sink.flush();
};
