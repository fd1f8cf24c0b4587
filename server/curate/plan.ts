/**
 * Merge and split as pure functions from the stored neighbourhood (stored.ts) to a GraphChange: no I/O,
 * so every rule below is unit-tested on plain data, and the same plans serve an analyst's request and
 * every load that applies the corrections again.
 */
import { formKey } from '../ingest/entity-index.js';
import { evidenceItems, hasEvidence, mentionSpans, regroup, relationshipKey, withEvidence, withMentions, type EvidenceItem } from './combine.js';
import { emptyChange, stringList, type GraphChange, type StoredNode, type StoredRelationship } from './stored.js';

/** Every name of an entity, canonical first, each form once (case, dots and a leading "the" ignored). */
export function namesOf(node: StoredNode): string[] {
  const forms = new Map<string, string>();
  for (const n of [String(node.props.name ?? ''), ...stringList(node.props.aliases)]) if (n && !forms.has(formKey(n))) forms.set(formKey(n), n);
  return [...forms.values()];
}

function unite(...lists: string[][]): string[] {
  const forms = new Map<string, string>();
  for (const n of lists.flat()) if (n && !forms.has(formKey(n))) forms.set(formKey(n), n);
  return [...forms.values()];
}

export interface MergeInput {
  into: StoredNode;
  absorbed: StoredNode[];
  /** Every relationship at `into` or an absorbed node, mentions included. */
  relationships: StoredRelationship[];
  /** The merged entity's canonical name. */
  name: string;
}

/**
 * One node, `into`, in place of all: every relationship of an absorbed node moves to `into` (joining
 * one `into` already has of the same type and other end), every name becomes one of its aliases.
 */
/**
 * Which relationships a merge must join with another (their properties are needed), by element id: those
 * that end up with the same type and ends as another, once the absorbed ends are moved. The rest only
 * change an end. `relationships` need their type, ends and, for HOLDS_ROLE, `props.title`.
 */
export function joinedInMerge(intoId: string, absorbed: string[], relationships: StoredRelationship[]): Set<string> {
  const gone = new Set(absorbed);
  const moveEnd = (id: string) => (gone.has(id) ? intoId : id);
  const byKey = new Map<string, string[]>();
  for (const r of relationships) {
    const key = relationshipKey(moveEnd(r.start), r.type, moveEnd(r.end), r.props);
    byKey.set(key, [...(byKey.get(key) ?? []), r.elementId]);
  }
  return new Set([...byKey.values()].filter((ids) => ids.length > 1).flat());
}

export function planMerge({ into, absorbed, relationships, name }: MergeInput): GraphChange {
  const change = emptyChange();
  const gone = new Set(absorbed.map((n) => n.id));
  const moveEnd = (id: string) => (gone.has(id) ? into.id : id);
  const joined = joinedInMerge(into.id, [...gone], relationships);
  const moved = relationships.filter((r) => gone.has(r.start) || gone.has(r.end));
  const stay = relationships.filter((r) => !gone.has(r.start) && !gone.has(r.end));
  const { deleteRelationships, createRelationships } = regroup(
    moved.filter((r) => joined.has(r.elementId)).map((rel) => ({ rel, start: moveEnd(rel.start), end: moveEnd(rel.end) })),
    stay.filter((r) => joined.has(r.elementId)),
  );
  change.deleteRelationships = [...moved.filter((r) => joined.has(r.elementId)).map((r) => r.elementId), ...deleteRelationships];
  change.createRelationships = createRelationships;
  change.rewireRelationships = moved
    .filter((r) => !joined.has(r.elementId))
    .map((r) => ({ elementId: r.elementId, start: moveEnd(r.start), end: moveEnd(r.end) }));

  const names = unite([name], namesOf(into), ...absorbed.map(namesOf));
  const titles = unite(stringList(into.props.titles), ...absorbed.map((n) => stringList(n.props.titles)));
  const set: Record<string, unknown> = { name, aliases: names.filter((n) => formKey(n) !== formKey(name)), ambiguous: false };
  if (titles.length) set.titles = titles;
  if (into.props.kind == null) set.kind = absorbed.map((n) => n.props.kind).find((k) => k != null) ?? null;
  change.updateNodes.push({ id: into.id, set });
  change.deleteNodes = [...gone];
  return change;
}

export interface SplitInput {
  from: StoredNode;
  /** The entity the names go to: a new node (not yet stored) or one that exists. */
  into: StoredNode;
  intoExists: boolean;
  /** The names that leave `from`; each is one of its names. */
  aliases: string[];
  /** Every relationship at `from`, mentions with their surfaces; and `into`'s, when it exists. */
  relationships: StoredRelationship[];
}

type Side = 'from' | 'into';

/** A name that is also a part of one of the other side's names ("Volkov", beside "Sergey Volkov") tells neither side. */
function telling(names: Set<string>, others: Set<string>): Set<string> {
  return new Set([...names].filter((n) => ![...others].some((o) => o !== n && ` ${o} `.includes(` ${n} `))));
}

/** Whether a mention's text names one side: the whole of one of its telling names, or one inside it ("Minister X"). */
function sideOfSurface(surface: string, intoNames: Set<string>, fromNames: Set<string>): Side | null {
  const key = formKey(surface);
  if (intoNames.has(key)) return 'into';
  if (fromNames.has(key)) return 'from';
  const padded = ` ${key} `;
  const within = (names: Set<string>) => [...names].some((n) => padded.includes(` ${n} `));
  const i = within(intoNames);
  const f = within(fromNames);
  return i && !f ? 'into' : f && !i ? 'from' : null;
}

interface DocumentSides {
  /** Each mention span of `from` in the document, with the side it goes to. */
  spans: { start: number; end: number; side: Side; explicit: boolean }[];
  /** Where the document's mentions that name nobody in particular ("Lavrov", "he") go: its majority. */
  side: Side;
}

/**
 * Which mentions go where, document by document: a mention written with one side's name goes to that
 * side; one that could be either (a surname) goes with the document's majority, so that an article
 * that only ever wrote the split-off spelling goes whole to the new entity. Ties stay.
 */
function documentSides(mentions: StoredRelationship[], intoKeys: Set<string>, fromKeys: Set<string>): Map<string, DocumentSides> {
  const intoNames = telling(intoKeys, fromKeys);
  const fromNames = telling(fromKeys, intoKeys);
  const byDoc = new Map<string, DocumentSides>();
  for (const m of mentions) {
    const spans = mentionSpans(m.props);
    const surfaces = m.surfaces ?? [];
    const sides = spans.map(([start, end], i) => ({ start, end, side: sideOfSurface(surfaces[i] ?? '', intoNames, fromNames) }));
    const intoCount = sides.filter((s) => s.side === 'into').length;
    const fromCount = sides.filter((s) => s.side === 'from').length;
    const side: Side = intoCount > fromCount ? 'into' : 'from';
    byDoc.set(m.end, { side, spans: sides.map((s) => ({ start: s.start, end: s.end, side: s.side ?? side, explicit: s.side !== null })) });
  }
  return byDoc;
}

/**
 * An evidence sentence goes with the names written inside it; one that names both sides ("met X and Y",
 * which a merge had made one link) backs a link to each, so it goes to both.
 */
function sideOfEvidence(item: EvidenceItem, docs: Map<string, DocumentSides>): Side | 'both' {
  const doc = docs.get(item.doc);
  if (!doc) return 'from';
  const inside = doc.spans.filter((s) => s.start >= item.start && s.end <= item.end);
  const explicit = inside.filter((s) => s.explicit);
  if (explicit.length) {
    const into = explicit.some((s) => s.side === 'into');
    const from = explicit.some((s) => s.side === 'from');
    return into && from ? 'both' : into ? 'into' : 'from';
  }
  return inside.length ? inside[0]!.side : doc.side;
}

/**
 * The names `aliases` of `from`, and what was written with them, to `into`: mentions by the name they
 * were written with, evidence by the mentions inside its sentence (see above); a relationship whose
 * evidence divides becomes two.
 */
export function planSplit({ from, into, intoExists, aliases, relationships }: SplitInput): GraphChange {
  const change = emptyChange();
  const leaving = new Set(aliases.map(formKey));
  const fromNames = namesOf(from).filter((n) => !leaving.has(formKey(n)));
  if (!fromNames.length) throw new Error('a split must leave the entity at least one name');
  const intoKeys = new Set(unite(aliases, intoExists ? namesOf(into) : []).map(formKey));
  const fromKeys = new Set(fromNames.map(formKey).filter((k) => !intoKeys.has(k)));

  const own = relationships.filter((r) => r.start === from.id || r.end === from.id);
  const intoRels = relationships.filter((r) => (r.start === into.id || r.end === into.id) && !own.includes(r));
  const docs = documentSides(
    own.filter((r) => r.type === 'MENTIONED_IN' && r.start === from.id),
    intoKeys,
    fromKeys,
  );
  const toInto = (id: string) => (id === from.id ? into.id : id);

  const moved: { rel: StoredRelationship; start: string; end: string; props: Record<string, unknown> }[] = [];
  for (const rel of own) {
    if (rel.start === rel.end) continue;
    if (rel.type === 'MENTIONED_IN') {
      const doc = docs.get(rel.end);
      if (!doc) continue;
      const going = doc.spans.filter((s) => s.side === 'into').map((s): [number, number] => [s.start, s.end]);
      if (!going.length) continue;
      const staying = doc.spans.filter((s) => s.side === 'from').map((s): [number, number] => [s.start, s.end]);
      change.deleteRelationships.push(rel.elementId);
      if (staying.length) change.createRelationships.push({ start: rel.start, type: rel.type, end: rel.end, props: withMentions(rel.props, staying) });
      moved.push({ rel, start: into.id, end: rel.end, props: withMentions(rel.props, going) });
      continue;
    }
    if (!hasEvidence(rel.props)) continue;
    const items = evidenceItems(rel.props);
    const sides = items.map((it) => sideOfEvidence(it, docs));
    const going = items.filter((_, i) => sides[i] !== 'from');
    if (!going.length) continue;
    const staying = items.filter((_, i) => sides[i] !== 'into');
    change.deleteRelationships.push(rel.elementId);
    if (staying.length) change.createRelationships.push({ start: rel.start, type: rel.type, end: rel.end, props: withEvidence(rel.props, staying) });
    moved.push({ rel, start: toInto(rel.start), end: toInto(rel.end), props: withEvidence(rel.props, going) });
  }
  const regrouped = regroup(moved, intoRels);
  change.deleteRelationships.push(...regrouped.deleteRelationships);
  change.createRelationships.push(...regrouped.createRelationships);

  const fromName = leaving.has(formKey(String(from.props.name))) ? fromNames[0]! : String(from.props.name);
  change.updateNodes.push({ id: from.id, set: { name: fromName, aliases: fromNames.filter((n) => formKey(n) !== formKey(fromName)) } });
  if (intoExists) {
    const names = unite(namesOf(into), aliases);
    change.updateNodes.push({ id: into.id, set: { aliases: names.filter((n) => formKey(n) !== formKey(String(into.props.name))) } });
  } else {
    change.createNodes.push(into);
  }
  return change;
}
