/**
 * Corroboration: how many distinct documents and outlets back each relationship, from the evidence
 * already stored (`evDocs`, see docs/data-model.md). The counting is pure; one read looks up the outlets.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { evidenceDocuments, type Corroboration, type EdgeAttributes, type SerializedEdge } from '../../common/graph.js';

export type { Corroboration };

/** An edge as read from Neo4j, before it is counted. */
export type UncountedEdge = Omit<SerializedEdge, 'attributes'> & { attributes: Pick<EdgeAttributes, 'relType' | 'properties'> };

/** Document id → its outlet (null when its source is not known). */
export type OutletsByDocument = ReadonlyMap<string, string | null>;

/**
 * The documents behind a relationship: its evidence's documents, or for a mention the document it
 * points at (MENTIONED_IN keeps offsets, not evidence lists).
 */
export function documentsOf(relType: string, properties: Record<string, unknown>, target: string): string[] {
  return relType === 'MENTIONED_IN' && !Array.isArray(properties.evDocs) ? [target] : evidenceDocuments(properties);
}

export function corroborationOf(documents: readonly string[], outlets: OutletsByDocument): Corroboration {
  const distinct = new Set(documents);
  const named = new Set<string>();
  for (const id of distinct) {
    const outlet = outlets.get(id);
    if (outlet) named.add(outlet.toLowerCase());
  }
  return { documents: distinct.size, outlets: named.size };
}

/** The edge with its corroboration, from the outlets looked up for its documents. */
export function corroborateEdge(edge: UncountedEdge, outlets: OutletsByDocument): SerializedEdge {
  const { relType, properties } = edge.attributes;
  return { ...edge, attributes: { ...edge.attributes, corroboration: corroborationOf(documentsOf(relType, properties, edge.target), outlets) } };
}

const OUTLETS = 'UNWIND $ids AS id MATCH (d:Newsgraph:Document {id: id}) RETURN d.id AS id, d.outlet AS outlet';
const ALL_OUTLETS = 'MATCH (d:Newsgraph:Document) RETURN d.id AS id, d.outlet AS outlet';

/** The outlets of these documents (of all documents when `ids` is omitted: the whole-graph export). */
export async function readOutlets(tx: ManagedTransaction, ids?: readonly string[]): Promise<Map<string, string | null>> {
  if (ids?.length === 0) return new Map();
  const result = ids ? await tx.run(OUTLETS, { ids: [...ids] }) : await tx.run(ALL_OUTLETS);
  return new Map(result.records.map((r) => [r.get('id') as string, (r.get('outlet') as string | null) ?? null]));
}
