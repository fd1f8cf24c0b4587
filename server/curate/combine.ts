/**
 * Relationships that end up joining the same two nodes with the same type (after a merge moved one
 * end) become one, as the loader would have written them: evidence lists concatenated (an item two
 * of them share kept once), mentions' offsets united. See docs/data-model.md for the parallel lists.
 */
import type { RelationshipWrite, StoredRelationship } from './stored.js';

/** One relationship per (start, type, end), and per title for HOLDS_ROLE (the loader's MERGE key). */
export function relationshipKey(start: string, type: string, end: string, props: Record<string, unknown>): string {
  return type === 'HOLDS_ROLE' ? `${start}|${type}|${end}|${String(props.title)}` : `${start}|${type}|${end}`;
}

export interface EvidenceItem {
  doc: string;
  sentence: unknown;
  start: number;
  end: number;
  hedged: boolean | null;
}

export function hasEvidence(props: Record<string, unknown>): boolean {
  return Array.isArray(props.evDocs);
}

export function evidenceItems(props: Record<string, unknown>): EvidenceItem[] {
  const docs = (props.evDocs as string[] | undefined) ?? [];
  const hedged = props.evHedged as boolean[] | undefined;
  return docs.map((doc, i) => ({
    doc,
    sentence: (props.evSentences as unknown[])[i],
    start: Number((props.evStarts as unknown[])[i]),
    end: Number((props.evEnds as unknown[])[i]),
    hedged: hedged ? Boolean(hedged[i]) : null,
  }));
}

/** `base`'s other properties with these evidence items; `documents` and `hedged` counted again. */
export function withEvidence(base: Record<string, unknown>, items: EvidenceItem[]): Record<string, unknown> {
  const seen = new Set<string>();
  const kept = items.filter((it) => {
    const key = `${it.doc}|${it.start}|${it.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const props: Record<string, unknown> = { ...base };
  props.evDocs = kept.map((it) => it.doc);
  props.evSentences = kept.map((it) => it.sentence);
  props.evStarts = kept.map((it) => it.start);
  props.evEnds = kept.map((it) => it.end);
  props.documents = new Set(props.evDocs as string[]).size;
  if (kept.some((it) => it.hedged !== null) || base.evHedged !== undefined) {
    props.evHedged = kept.map((it) => it.hedged ?? false);
    props.hedged = (props.evHedged as boolean[]).every(Boolean);
  }
  return props;
}

/** A MENTIONED_IN's offsets, paired. */
export function mentionSpans(props: Record<string, unknown>): [number, number][] {
  const starts = (props.starts as unknown[] | undefined) ?? [];
  const ends = (props.ends as unknown[] | undefined) ?? [];
  return starts.map((s, i) => [Number(s), Number(ends[i])]);
}

export function withMentions(base: Record<string, unknown>, spans: [number, number][]): Record<string, unknown> {
  const unique = [...new Map(spans.map((s) => [`${s[0]}|${s[1]}`, s])).values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { ...base, starts: unique.map((s) => s[0]), ends: unique.map((s) => s[1]), count: unique.length };
}

/** Relationships of one key as one: the first one's other properties, everyone's evidence or mentions. */
export function combine(parts: { type: string; props: Record<string, unknown> }[]): Record<string, unknown> {
  const [first] = parts;
  if (!first) throw new Error('combine needs at least one relationship');
  if (first.type === 'MENTIONED_IN')
    return withMentions(
      first.props,
      parts.flatMap((p) => mentionSpans(p.props)),
    );
  if (!parts.some((p) => hasEvidence(p.props))) return { ...first.props };
  // A relationship rejected by an analyst stays rejected when another joins it.
  const merged = withEvidence(
    first.props,
    parts.flatMap((p) => evidenceItems(p.props)),
  );
  if (parts.some((p) => p.props.rejected === true)) merged.rejected = true;
  return merged;
}

/**
 * Relationships moved to new ends (`moved`, each with its new start and end) joined with those already
 * at the new ends that share a key: which to delete and which to create.
 */
export function regroup(
  moved: { rel: StoredRelationship; start: string; end: string; props?: Record<string, unknown> }[],
  existing: StoredRelationship[],
): { deleteRelationships: string[]; createRelationships: RelationshipWrite[] } {
  const groups = new Map<string, { start: string; end: string; type: string; parts: { type: string; props: Record<string, unknown> }[]; deletes: string[] }>();
  const existingByKey = new Map(existing.map((r) => [relationshipKey(r.start, r.type, r.end, r.props), r]));
  const deleteRelationships: string[] = [];
  for (const m of moved) {
    const props = m.props ?? m.rel.props;
    const key = relationshipKey(m.start, m.rel.type, m.end, props);
    let group = groups.get(key);
    if (!group) {
      group = { start: m.start, end: m.end, type: m.rel.type, parts: [], deletes: [] };
      const there = existingByKey.get(key);
      if (there) {
        group.parts.push({ type: there.type, props: there.props });
        group.deletes.push(there.elementId);
      }
      groups.set(key, group);
    }
    group.parts.push({ type: m.rel.type, props });
  }
  const createRelationships: RelationshipWrite[] = [];
  for (const g of groups.values()) {
    deleteRelationships.push(...g.deletes);
    createRelationships.push({ start: g.start, type: g.type, end: g.end, props: combine(g.parts) });
  }
  return { deleteRelationships, createRelationships };
}
