/**
 * The JSON export: graphology's serialized graph in newsgraph's versioned wrapper (common/export.ts),
 * written node by node so that the whole graph is never one string. The evidence pack is the same
 * file with each piece of evidence spelled out on its edge or allegation and the documents it cites.
 */
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedEvidence } from '../../../common/export.js';
import { GRAPH_OPTIONS } from '../../../common/graph.js';
import { idsNamedBy } from '../../curate/log.js';
import type { FormatWriter } from '../format.js';
import { TextSink } from '../sink.js';
import { jsonProperties } from '../values.js';

/** Evidence lists kept in parallel on a relationship or allegation (docs/data-model.md) as items. */
export function evidenceItems(properties: Record<string, unknown>): ExportedEvidence[] {
  const docs = properties.evDocs;
  if (!Array.isArray(docs)) return [];
  const sentences = (properties.evSentences as string[] | undefined) ?? [];
  const starts = (properties.evStarts as number[] | undefined) ?? [];
  const ends = (properties.evEnds as number[] | undefined) ?? [];
  return docs.map((document: string, i) => ({ document, sentence: sentences[i] ?? '', start: starts[i] ?? 0, end: ends[i] ?? 0 }));
}

function writer(withEvidence: boolean): FormatWriter {
  return async (source, out, context) => {
    const sink = new TextSink(out, context.onFirstWrite);
    const cited = new Set<string>();
    const keys = new Set<string>();
    const prepared = <T extends { attributes: { properties: Record<string, unknown> } }>(element: T): T => {
      const properties = jsonProperties(element.attributes.properties);
      const evidence = withEvidence ? evidenceItems(properties) : [];
      for (const item of evidence) cited.add(item.document);
      if (properties === element.attributes.properties && evidence.length === 0) return element;
      return { ...element, attributes: { ...element.attributes, properties, ...(evidence.length ? { evidence } : {}) } };
    };
    const head = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: context.exportedAt, scope: context.scope };
    await sink.write(`${JSON.stringify(head).slice(0, -1)},"graph":{"attributes":{},"options":${JSON.stringify(GRAPH_OPTIONS)},"nodes":[`);
    let first = true;
    for await (const batch of source.nodes()) {
      for (const node of batch) {
        if (withEvidence) keys.add(node.key);
        sink.push(`${first ? '' : ','}\n${JSON.stringify(prepared(node))}`);
        first = false;
      }
      await sink.flushIfFull();
    }
    await sink.write('\n],"edges":[');
    first = true;
    for await (const batch of source.edges()) {
      for (const edge of batch) {
        sink.push(`${first ? '' : ','}\n${JSON.stringify(prepared(edge))}`);
        first = false;
      }
      await sink.flushIfFull();
    }
    await sink.write('\n]}');
    if (withEvidence) {
      const documents = await source.documents([...cited]);
      await sink.write(`,"documents":${JSON.stringify(Object.fromEntries(documents.map((d) => [d.id, d])))}`);
      // The analysts' decisions behind what the pack shows: merges, splits, edits and rejects of its nodes and links.
      const corrections = (await source.corrections()).filter((c) => idsNamedBy(c.change, { ends: true }).some((id) => keys.has(id)));
      await sink.write(`,"corrections":${JSON.stringify(corrections)}`);
    }
    for (const [key, value] of Object.entries(context.extra ?? {})) await sink.write(`,${JSON.stringify(key)}:${JSON.stringify(value)}`);
    await sink.write('}\n');
    await sink.flush();
  };
}

export const writeJson = writer(false);
export const writeEvidencePack = writer(true);
