/**
 * GEXF 1.3 by graphology-gexf, from a graphology graph of the export. That graph is held in memory,
 * so GEXF suits subgraphs and graphs of tens of thousands of elements; GraphML and JSON stream.
 * Attributes are the flat columns GraphML has (flat.ts), lists as JSON text: graphology-gexf writes
 * a liststring item holding a comma unquoted, and reads it back as two items.
 */
import { MultiDirectedGraph } from 'graphology';
import { write } from 'graphology-gexf';
import type { SerializedEdge, SerializedNode } from '../../../common/graph.js';
import { edgeColumns, nodeColumns, type Column } from '../flat.js';
import type { FormatWriter } from '../format.js';
import { TextSink } from '../sink.js';

function flat<T>(columns: Column<T>[], element: T): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const c of columns) {
    const value = c.read(element);
    if (value !== undefined && value !== null) row[c.name] = value;
  }
  return row;
}

export const writeGexf: FormatWriter = async (source, out, context) => {
  const nodeCols = nodeColumns(source.schema, source.positions).filter((c) => c.name !== 'label' && c.name !== 'x' && c.name !== 'y');
  const edgeCols = edgeColumns(source.schema).filter((c) => c.name !== 'label');
  const graph = new MultiDirectedGraph();
  graph.replaceAttributes({ creator: 'newsgraph', description: JSON.stringify(context.scope), lastModifiedDate: context.exportedAt.slice(0, 10) });
  for await (const batch of source.nodes()) for (const node of batch) graph.addNode(node.key, node.attributes);
  for await (const batch of source.edges()) for (const edge of batch) graph.addEdgeWithKey(edge.key, edge.source, edge.target, edge.attributes);
  const xml = write(graph, {
    version: '1.3',
    formatNode: (key, attributes) => {
      const node = { key, attributes } as SerializedNode;
      const { x, y } = attributes as { x?: number; y?: number };
      return { label: node.attributes.label, attributes: flat(nodeCols, node), ...(x !== undefined && y !== undefined ? { viz: { x, y } } : {}) };
    },
    formatEdge: (key, attributes) => {
      const edge = { key, attributes } as SerializedEdge;
      return { label: edge.attributes.relType, attributes: flat(edgeCols, edge) };
    },
  });
  const sink = new TextSink(out, context.onFirstWrite);
  await sink.write(xml);
  await sink.flush();
};
