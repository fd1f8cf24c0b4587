/**
 * Corroboration and dates: how many distinct documents and outlets back each relationship, and when its
 * evidence was published, from the evidence already stored (`evDocs`, see docs/data-model.md). The
 * counting is pure; one read looks up the documents' outlets and dates together.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import {
  evidenceDocuments,
  type Corroboration,
  type EdgeAttributes,
  type EvidenceDates,
  type SerializedEdge,
  type SerializedNode,
} from '../../common/graph.js';

export type { Corroboration };

/** An edge as read from Neo4j, before it is counted. */
export type UncountedEdge = Omit<SerializedEdge, 'attributes'> & { attributes: Pick<EdgeAttributes, 'relType' | 'properties'> };

/** What corroboration and dates need of a document. */
export interface DocumentFacts {
  outlet: string | null;
  /** ISO 8601 in UTC (common/time.ts); null when the document's date is not known. */
  publishedAt: string | null;
}

/** Document id → its outlet and date. */
export type FactsByDocument = ReadonlyMap<string, DocumentFacts>;

/**
 * The documents behind a relationship: its evidence's documents, or for a mention the document it
 * points at (MENTIONED_IN keeps offsets, not evidence lists).
 */
export function documentsOf(relType: string, properties: Record<string, unknown>, target: string): string[] {
  return relType === 'MENTIONED_IN' && !Array.isArray(properties.evDocs) ? [target] : evidenceDocuments(properties);
}

/** The documents behind an allegation node: its evidence's, and the document it was read in. */
export function allegationDocuments(properties: Record<string, unknown>): string[] {
  const docs = evidenceDocuments(properties);
  return typeof properties.docId === 'string' && !docs.includes(properties.docId) ? [...docs, properties.docId] : docs;
}

export function corroborationOf(documents: readonly string[], facts: FactsByDocument): Corroboration {
  const distinct = new Set(documents);
  const named = new Set<string>();
  for (const id of distinct) {
    const outlet = facts.get(id)?.outlet;
    if (outlet) named.add(outlet.toLowerCase());
  }
  return { documents: distinct.size, outlets: named.size };
}

/** The first and last publication dates among `documents`, and each distinct one in order; {} when none is dated. */
export function datesOf(documents: readonly string[], facts: FactsByDocument): EvidenceDates {
  const dates = [...new Set(documents.map((id) => facts.get(id)?.publishedAt).filter((d): d is string => typeof d === 'string'))].sort();
  return dates.length ? { firstSeen: dates[0], lastSeen: dates.at(-1), evidenceDates: dates } : {};
}

/** The edge with its corroboration and dates, from the facts looked up for its documents. */
export function corroborateEdge(edge: UncountedEdge, facts: FactsByDocument): SerializedEdge {
  const { relType, properties } = edge.attributes;
  const documents = documentsOf(relType, properties, edge.target);
  return { ...edge, attributes: { ...edge.attributes, corroboration: corroborationOf(documents, facts), ...datesOf(documents, facts) } };
}

/** An allegation node gets the dates of its evidence as an edge does; any other node is left as it is. */
export function dateNode(node: SerializedNode, facts: FactsByDocument): SerializedNode {
  if (node.attributes.kind !== 'Allegation') return node;
  Object.assign(node.attributes, datesOf(allegationDocuments(node.attributes.properties), facts));
  return node;
}

const FACTS = 'UNWIND $ids AS id MATCH (d:Newsgraph:Document {id: id}) RETURN d.id AS id, d.outlet AS outlet, d.publishedAt AS publishedAt';
const ALL_FACTS = 'MATCH (d:Newsgraph:Document) RETURN d.id AS id, d.outlet AS outlet, d.publishedAt AS publishedAt';

/** The outlets and dates of these documents (of all documents when `ids` is omitted: the whole-graph export). */
export async function readDocumentFacts(tx: ManagedTransaction, ids?: readonly string[]): Promise<Map<string, DocumentFacts>> {
  if (ids?.length === 0) return new Map();
  const result = ids ? await tx.run(FACTS, { ids: [...ids] }) : await tx.run(ALL_FACTS);
  return new Map(
    result.records.map((r) => [r.get('id') as string, { outlet: (r.get('outlet') as string | null) ?? null, publishedAt: stringOrNull(r.get('publishedAt')) }]),
  );
}

/** A date that is not a string (written by hand in the console) is taken for unknown, not compared as something else. */
function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
