/**
 * An analyst's corrections, each applied to the graph and recorded in the log in one transaction:
 * merge, split, edit, reject (and restore), "not the same", and the revert of any of them. What each
 * does to the graph is planned by plan.ts; reapply.ts applies those in force again after every load.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Correction, CorrectionChange, EntityCategory, EntitySnapshot } from '../../common/curate.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { formKey, slug } from '../ingest/entity-index.js';
import { moveNotes } from '../notes/store.js';
import { readEdgeRef, readNodes, readRelationshipProperties, readRelationships, writeChange } from './graph-io.js';
import { activeCorrections, markReverted, readCorrection, recordCorrection } from './log.js';
import { joinedInMerge, namesOf, planMerge, planSplit } from './plan.js';
import { REJECTED_LABEL } from '../graph/visible.js';
import { categoryOf, emptyChange, ENTITY_LABELS, stringList, type GraphChange, type StoredNode } from './stored.js';

export const MAX_MERGE = 50;

function snapshot(node: StoredNode): EntitySnapshot {
  return {
    id: node.id,
    category: categoryOf(node.labels)!,
    name: String(node.props.name),
    aliases: stringList(node.props.aliases),
    kind: (node.props.kind as string | null | undefined) ?? null,
  };
}

async function entitiesNamed(tx: ManagedTransaction, ids: string[]): Promise<StoredNode[]> {
  const nodes = await readNodes(tx, ids);
  const missing = ids.filter((id) => !nodes.has(id));
  if (missing.length) throw new AppError('NOT_FOUND', `No entity with id ${missing.join(', ')}.`);
  const notEntities = ids.filter((id) => categoryOf(nodes.get(id)!.labels) === null);
  if (notEntities.length)
    throw new AppError('BAD_REQUEST', `${notEntities.join(', ')} is not a person, institution or place; only entities can be merged, split or edited.`);
  return ids.map((id) => nodes.get(id)!);
}

/**
 * A free id for a new entity of this category and name, as the loader makes them; never one a merge in
 * force absorbed, which that merge would take in again at the next load.
 */
async function freeId(tx: ManagedTransaction, category: EntityCategory, name: string, wanted?: string): Promise<string> {
  const absorbed = new Set((await activeCorrections(tx, 'merge')).flatMap((c) => (c.change.action === 'merge' ? c.change.ids : [])));
  const base = wanted ?? `${category}:${slug(name)}`;
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!absorbed.has(id) && !(await readNodes(tx, [id])).size) return id;
  }
}

// ---- the changes, each planned from what is stored now (also used by reapply.ts and revert) ----

/**
 * A hub's relationships mostly just change an end: their keys are read first, and then the properties
 * only of those to be joined with another (see joinedInMerge), by element id, so a merge of thousands
 * moves them inside Neo4j and reads no relationship twice over.
 */
export async function mergeChange(tx: ManagedTransaction, into: StoredNode, absorbed: StoredNode[], name: string): Promise<GraphChange> {
  const ids = [into.id, ...absorbed.map((n) => n.id)];
  const keys = await readRelationships(tx, ids, { keysOnly: true });
  const joined = joinedInMerge(
    into.id,
    absorbed.map((n) => n.id),
    keys,
  );
  const props = joined.size ? await readRelationshipProperties(tx, joined) : new Map<string, Record<string, unknown>>();
  const relationships = keys.map((r) => {
    const full = props.get(r.elementId);
    return full ? { ...r, props: full } : r;
  });
  return planMerge({ into, absorbed, relationships, name });
}

export async function splitChange(
  tx: ManagedTransaction,
  from: StoredNode,
  target: { id: string; name: string; aliases: string[]; kind: string | null },
  aliases: string[],
): Promise<GraphChange> {
  const existing = (await readNodes(tx, [target.id])).get(target.id);
  const into: StoredNode = existing ?? {
    id: target.id,
    labels: from.labels.filter((l) => l !== REJECTED_LABEL),
    props: { id: target.id, name: target.name, aliases: target.aliases.filter((a) => formKey(a) !== formKey(target.name)), kind: target.kind },
  };
  const relationships = await readRelationships(tx, existing ? [from.id, into.id] : [from.id], { surfaces: true });
  return planSplit({ from, into, intoExists: Boolean(existing), aliases, relationships });
}

export function editChange(node: StoredNode, after: { name?: string; category?: EntityCategory; kind?: string | null }): GraphChange {
  const change = emptyChange();
  const set: Record<string, unknown> = {};
  if (after.name !== undefined && after.name !== node.props.name) {
    set.name = after.name;
    // The old name stays findable, as an alias.
    set.aliases = namesOf(node).filter((n) => formKey(n) !== formKey(after.name!));
  }
  if (after.kind !== undefined && after.kind !== (node.props.kind ?? null)) set.kind = after.kind;
  const category = categoryOf(node.labels);
  const update: GraphChange['updateNodes'][number] = { id: node.id, set };
  if (after.category && category && after.category !== category) {
    update.addLabels = [ENTITY_LABELS[after.category]];
    update.removeLabels = [ENTITY_LABELS[category]];
  }
  if (Object.keys(set).length || update.addLabels) change.updateNodes.push(update);
  return change;
}

// ---- the operations an analyst asks for ----

export interface Author {
  by: string;
  reason: string;
}

export async function mergeEntities(db: Database, ids: string[], name: string | undefined, { by, reason }: Author): Promise<Correction> {
  const unique = [...new Set(ids)];
  if (unique.length < 2) throw new AppError('BAD_REQUEST', 'A merge needs at least two different entity ids.');
  return db.write(async (tx) => {
    const nodes = await entitiesNamed(tx, unique);
    const categories = new Set(nodes.map((n) => categoryOf(n.labels)));
    if (categories.size > 1) {
      throw new AppError('BAD_REQUEST', `Only entities of one kind can be merged: ${nodes.map((n) => `${n.id} is a ${categoryOf(n.labels)}`).join(', ')}.`);
    }
    const [into, ...absorbed] = nodes as [StoredNode, ...StoredNode[]];
    const chosen = name?.trim() || String(into.props.name);
    await writeChange(tx, await mergeChange(tx, into, absorbed, chosen));
    await moveNotes(
      tx,
      absorbed.map((n) => n.id),
      into.id,
    );
    return recordCorrection(tx, { action: 'merge', into: into.id, ids: absorbed.map((n) => n.id), name: chosen, before: nodes.map(snapshot) }, reason, by);
  });
}

export async function splitEntity(db: Database, id: string, aliases: string[], name: string | undefined, { by, reason }: Author): Promise<Correction> {
  return db.write(async (tx) => {
    const [from] = (await entitiesNamed(tx, [id])) as [StoredNode];
    const names = namesOf(from);
    const keys = new Set(names.map(formKey));
    const unknown = aliases.filter((a) => !keys.has(formKey(a)));
    if (unknown.length)
      throw new AppError(
        'BAD_REQUEST',
        `${unknown.map((a) => `"${a}"`).join(', ')} is not a name of ${id}; its names are ${names.map((n) => `"${n}"`).join(', ')}.`,
      );
    const leaving = new Set(aliases.map(formKey));
    if (names.every((n) => leaving.has(formKey(n)))) throw new AppError('BAD_REQUEST', `A split must leave ${id} at least one of its names.`);
    const intoName = name?.trim() || aliases[0]!;
    const category = categoryOf(from.labels)!;
    const intoId = await freeId(tx, category, intoName);
    const kind = (from.props.kind as string | null | undefined) ?? null;
    await writeChange(tx, await splitChange(tx, from, { id: intoId, name: intoName, aliases, kind }, aliases));
    return recordCorrection(tx, { action: 'split', from: id, into: intoId, aliases, name: intoName }, reason, by);
  });
}

export async function editEntity(
  db: Database,
  id: string,
  after: { name?: string; category?: EntityCategory; kind?: string | null },
  { by, reason }: Author,
): Promise<Correction> {
  return db.write(async (tx) => {
    const [node] = (await entitiesNamed(tx, [id])) as [StoredNode];
    const change = editChange(node, after);
    if (!change.updateNodes.length) throw new AppError('BAD_REQUEST', `Nothing to change: ${id} already has that name and kind.`);
    await writeChange(tx, change);
    const before = snapshot(node);
    return recordCorrection(tx, { action: 'edit', id, before: { name: before.name, category: before.category, kind: before.kind }, after }, reason, by);
  });
}

/** Sets (or clears) the mark that hides a node or a relationship, wherever it is now stored. */
export async function markRejected(tx: ManagedTransaction, change: Extract<CorrectionChange, { action: 'reject' }>, rejected: boolean): Promise<void> {
  if (change.node) {
    await tx.run(rejected ? `MATCH (n:Newsgraph {id: $id}) SET n:${REJECTED_LABEL}` : `MATCH (n:Newsgraph {id: $id}) REMOVE n:${REJECTED_LABEL}`, {
      id: change.node,
    });
  }
  if (change.relationship) {
    const { source, type, target, title } = change.relationship;
    await tx.run(
      `MATCH (:Newsgraph {id: $source})-[r]->(:Newsgraph {id: $target}) WHERE type(r) = $type AND ($title IS NULL OR r.title = $title)
       SET r.rejected = $rejected`,
      { source, type, target, title: title ?? null, rejected: rejected ? true : null },
    );
  }
}

/** What `id` names: a node id (entity or allegation), else an edge key. */
async function rejectTarget(tx: ManagedTransaction, id: string): Promise<Extract<CorrectionChange, { action: 'reject' }>> {
  const node = (await readNodes(tx, [id])).get(id);
  if (node && (node.labels.includes('Entity') || node.labels.includes('Allegation'))) {
    return { action: 'reject', node: id, label: String(node.props.name ?? node.props.claim ?? id) };
  }
  const rel = await readEdgeRef(tx, id, { withRejected: true });
  if (!rel) throw new AppError('NOT_FOUND', `No entity, allegation or relationship with id ${id}.`);
  return { action: 'reject', relationship: rel.ref, label: rel.label };
}

function sameTarget(a: Extract<CorrectionChange, { action: 'reject' }>, b: Extract<CorrectionChange, { action: 'reject' }>): boolean {
  if (a.node || b.node) return a.node === b.node;
  return JSON.stringify(a.relationship) === JSON.stringify(b.relationship);
}

export async function reject(db: Database, id: string, { by, reason }: Author): Promise<Correction> {
  return db.write(async (tx) => {
    const change = await rejectTarget(tx, id);
    const already = (await activeCorrections(tx, 'reject')).find((c) => sameTarget(c.change as typeof change, change));
    if (already) throw new AppError('BAD_REQUEST', `${change.label} is already rejected (correction ${already.id}); restore it with POST /api/restore.`);
    await markRejected(tx, change, true);
    return recordCorrection(tx, change, reason, by);
  });
}

/** Undoes the reject of `id` (an entity, allegation or relationship). */
export async function restore(db: Database, id: string, author: Author): Promise<Correction> {
  const correctionId = await db.read(async (tx) => {
    const rejects = await activeCorrections(tx, 'reject');
    const node = rejects.find((c) => c.change.action === 'reject' && c.change.node === id);
    if (node) return node.id;
    const rel = await readEdgeRef(tx, id, { withRejected: true });
    const match = rel && rejects.find((c) => c.change.action === 'reject' && JSON.stringify(c.change.relationship) === JSON.stringify(rel.ref));
    if (match) return match.id;
    throw new AppError('NOT_FOUND', `${id} is not rejected: there is nothing to restore.`);
  });
  return revertCorrection(db, correctionId, author);
}

export async function markDistinct(db: Database, ids: [string, string], { by, reason }: Author): Promise<Correction> {
  const pair = [...new Set(ids)].sort() as [string, string];
  if (pair.length !== 2) throw new AppError('BAD_REQUEST', 'Two different entity ids are needed to say they are not the same.');
  return db.write(async (tx) => {
    await entitiesNamed(tx, pair);
    const already = (await activeCorrections(tx, 'distinct')).find((c) => c.change.action === 'distinct' && c.change.ids.join() === pair.join());
    if (already) return already;
    return recordCorrection(tx, { action: 'distinct', ids: pair }, reason, by);
  });
}

/** What undoing one correction does to the graph as it is now. */
async function undoChange(tx: ManagedTransaction, change: CorrectionChange): Promise<void> {
  switch (change.action) {
    case 'merge': {
      let into = (await readNodes(tx, [change.into])).get(change.into);
      if (!into) return;
      const own = change.before.find((s) => s.id === change.into);
      const ownKeys = new Set([own?.name ?? '', ...(own?.aliases ?? [])].map(formKey));
      for (const was of change.before.filter((s) => s.id !== change.into)) {
        const current = new Set(namesOf(into).map(formKey));
        const aliases = [was.name, ...was.aliases].filter((n) => current.has(formKey(n)) && !ownKeys.has(formKey(n)));
        if (!aliases.length || aliases.length === current.size) continue;
        const id = await freeId(tx, was.category, was.name, was.id);
        await writeChange(tx, await splitChange(tx, into, { id, name: was.name, aliases: was.aliases, kind: was.kind }, aliases));
        into = (await readNodes(tx, [change.into])).get(change.into)!;
      }
      if (own && into.props.name !== own.name) await writeChange(tx, editChange(into, { name: own.name }));
      return;
    }
    case 'split': {
      const nodes = await readNodes(tx, [change.from, change.into]);
      const from = nodes.get(change.from);
      const into = nodes.get(change.into);
      if (from && into) await writeChange(tx, await mergeChange(tx, from, [into], String(from.props.name)));
      return;
    }
    case 'edit': {
      const node = (await readNodes(tx, [change.id])).get(change.id);
      if (node) await writeChange(tx, editChange(node, change.before));
      return;
    }
    case 'reject':
      return markRejected(tx, change, false);
    case 'distinct':
      return;
  }
}

export async function revertCorrection(db: Database, id: string, { by, reason }: Author): Promise<Correction> {
  return db.write(async (tx) => {
    const correction = await readCorrection(tx, id);
    if (!correction) throw new AppError('NOT_FOUND', `No correction with id ${id}.`);
    if (correction.reverted) throw new AppError('BAD_REQUEST', `Correction ${id} was already reverted (${correction.reverted.at}).`);
    // Marked first: a merge being undone no longer holds on to the ids it absorbed (see freeId).
    const reverted = await markReverted(tx, id, reason, by);
    await undoChange(tx, correction.change);
    return reverted;
  });
}
