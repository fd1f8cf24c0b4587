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

function data<T>(prefix: string, columns: Column<T>[], element: T): string {
  let out = '';
  for (let i = 0; i < columns.length; i++) {
    const text = cellText(columns[i]!.read(element));
    if (text !== null) out += `<data key="${prefix}${i}">${xmlText(text)}</data>`;
  }
  return out;
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
  for await (const node of source.nodes()) {
    await sink.write(`    <node id="${xmlAttribute(node.key)}">${data<SerializedNode>('n', nodes, node)}</node>\n`);
  }
  for await (const edge of source.edges()) {
    await sink.write(
      `    <edge id="${xmlAttribute(edge.key)}" source="${xmlAttribute(edge.source)}" target="${xmlAttribute(edge.target)}">${data<SerializedEdge>('e', edges, edge)}</edge>\n`,
    );
  }
  await sink.write('  </graph>\n</graphml>\n');
  await sink.flush();
};
