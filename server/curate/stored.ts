/**
 * The part of the graph a correction touches, as read from Neo4j and as written back: entities, and
 * every relationship at them (mentions included) with all its properties. Plans (plan.ts) are pure
 * functions from one to the other; read.ts and write.ts are the only Cypher.
 */

export interface StoredNode {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
}

export interface StoredRelationship {
  elementId: string;
  type: string;
  /** The `id`s of its ends. */
  start: string;
  end: string;
  props: Record<string, unknown>;
  /** MENTIONED_IN only: the text at each mention (`starts[i]`..`ends[i]` of the document). */
  surfaces?: string[];
}

export interface RelationshipWrite {
  start: string;
  type: string;
  end: string;
  props: Record<string, unknown>;
}

/** What a correction changes; applied in this order by write.ts, in one transaction. */
export interface GraphChange {
  /** New nodes (a split's new entity), labels as given. */
  createNodes: StoredNode[];
  /** Properties set on existing nodes (a null removes one), and labels added or removed. */
  updateNodes: { id: string; set: Record<string, unknown>; addLabels?: string[]; removeLabels?: string[] }[];
  deleteRelationships: string[];
  createRelationships: RelationshipWrite[];
  /**
   * Relationships that only change an end (nothing to join them with): re-created at the new ends with
   * their properties as they are, inside Neo4j, so their evidence never travels to newsgraph and back.
   */
  rewireRelationships: { elementId: string; start: string; end: string }[];
  /** Nodes deleted with whatever is still attached (only ever nodes whose relationships were all moved). */
  deleteNodes: string[];
}

export function emptyChange(): GraphChange {
  return { createNodes: [], updateNodes: [], deleteRelationships: [], createRelationships: [], rewireRelationships: [], deleteNodes: [] };
}

export function isEmptyChange(c: GraphChange): boolean {
  return (
    !c.createNodes.length &&
    !c.updateNodes.length &&
    !c.deleteRelationships.length &&
    !c.createRelationships.length &&
    !c.rewireRelationships.length &&
    !c.deleteNodes.length
  );
}

export const ENTITY_LABELS = { person: 'Person', institution: 'Institution', place: 'Place' } as const;
export type Category = keyof typeof ENTITY_LABELS;

export function categoryOf(labels: readonly string[]): Category | null {
  if (labels.includes('Person')) return 'person';
  if (labels.includes('Institution')) return 'institution';
  if (labels.includes('Place')) return 'place';
  return null;
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
