/**
 * Corrections outlive the extraction: after every batch a load writes, in the same transaction, each
 * correction in force is applied again to whatever the batch re-created (a merged entity written anew
 * by a changed article, a rejected link re-created with new evidence, a name the loader made fuller).
 * Checking costs one read; only corrections with something to do plan and write anything.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Correction } from '../../common/curate.js';
import { formKey } from '../ingest/entity-index.js';
import { REJECTED_LABEL } from '../graph/visible.js';
import { editChange, markRejected, mergeChange, splitChange } from './corrections.js';
import { readNodes, writeChange } from './graph-io.js';
import { activeCorrections, idsNamedBy } from './log.js';
import { namesOf } from './plan.js';
import { isEmptyChange, type StoredNode } from './stored.js';

/** Applies one correction again if the graph no longer shows it; true when it changed something. */
async function reapplyOne(tx: ManagedTransaction, c: Correction): Promise<boolean> {
  const nodes = await readNodes(tx, idsNamedBy(c.change));
  const change = c.change;
  switch (change.action) {
    case 'merge': {
      const absorbed = change.ids.map((id) => nodes.get(id)).filter((n): n is StoredNode => n !== undefined);
      let into = nodes.get(change.into);
      if (!into && absorbed.length) {
        // The merged entity went with its last article, and another came back: it takes the merged id.
        const first = absorbed.shift()!;
        await tx.run('MATCH (n:Newsgraph {id: $from}) SET n.id = $to', { from: first.id, to: change.into });
        into = { ...first, id: change.into, props: { ...first.props, id: change.into } };
      }
      if (!into) return false;
      // Nothing came back: the merge holds. (Its name is not forced on a merged entity the loader
      // named more fully since; an edit is how an analyst fixes a name for good.)
      if (!absorbed.length) return false;
      await writeChange(tx, await mergeChange(tx, into, absorbed, change.name));
      return true;
    }
    case 'split': {
      const from = nodes.get(change.from);
      if (!from) return false;
      const leaving = new Set(change.aliases.map(formKey));
      const back = namesOf(from).filter((n) => leaving.has(formKey(n)));
      if (!back.length || back.length === namesOf(from).length) return false;
      const plan = await splitChange(
        tx,
        from,
        { id: change.into, name: change.name, aliases: change.aliases, kind: (from.props.kind as string | null) ?? null },
        back,
      );
      await writeChange(tx, plan);
      return !isEmptyChange(plan);
    }
    case 'edit': {
      const node = nodes.get(change.id);
      if (!node) return false;
      const plan = editChange(node, change.after);
      if (isEmptyChange(plan)) return false;
      await writeChange(tx, plan);
      return true;
    }
    case 'reject': {
      if (change.node) {
        const node = nodes.get(change.node);
        if (!node || node.labels.includes(REJECTED_LABEL)) return false;
      }
      await markRejected(tx, change, true);
      return Boolean(change.node);
    }
    case 'distinct':
      return false;
  }
}

/**
 * Edits of one entity as one, the later ones winning field by field: applying them one by one would
 * write a name only to overwrite it, on every load.
 */
function foldEdits(corrections: Correction[]): Correction[] {
  const last = new Map<string, Correction>();
  const folded: Correction[] = [];
  for (const c of corrections) {
    if (c.change.action !== 'edit') {
      folded.push(c);
      continue;
    }
    const seen = last.get(c.change.id);
    if (seen && seen.change.action === 'edit') {
      seen.change = { ...seen.change, after: { ...seen.change.after, ...c.change.after } };
      continue;
    }
    const copy = { ...c, change: { ...c.change, after: { ...c.change.after } } };
    last.set(c.change.id, copy);
    folded.push(copy);
  }
  return folded;
}

/** Every correction in force, oldest first; true when the graph's entities changed (the loader re-reads its index). */
export async function reapplyCorrections(tx: ManagedTransaction): Promise<boolean> {
  let changed = false;
  for (const c of foldEdits(await activeCorrections(tx))) if (await reapplyOne(tx, c)) changed = true;
  return changed;
}
