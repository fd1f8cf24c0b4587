/**
 * Whether each correction still shows in the graph: the merged ids gone into one entity with every
 * name, the split names apart, the edited name and kind in place, the rejected elements marked. What a
 * load must never undo, read in one pass; the log shows it, and tests and bench:curate compare it
 * before and after a reload.
 */
import { createHash } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { Correction } from '../../common/curate.js';
import { formKey } from '../ingest/entity-index.js';
import { REJECTED_LABEL } from '../graph/visible.js';
import { readNodes } from './graph-io.js';
import { idsNamedBy } from './log.js';
import { namesOf } from './plan.js';
import { categoryOf } from './stored.js';

export interface CorrectionState {
  /** True when the graph shows the correction; null when what it named is no longer in the graph at all. */
  holds: boolean | null;
  /** What was found, as one line (the fingerprint's material). */
  state: string;
}

/** The state of each correction given, by id; reverted ones are not checked. */
export async function checkCorrections(tx: ManagedTransaction, corrections: Correction[]): Promise<Map<string, CorrectionState>> {
  const active = corrections.filter((c) => !c.reverted);
  const nodes = await readNodes(tx, [...new Set(active.flatMap((c) => idsNamedBy(c.change)))]);
  const rels = active.flatMap((c) =>
    c.change.action === 'reject' && c.change.relationship ? [{ id: c.id, ...c.change.relationship, title: c.change.relationship.title ?? null }] : [],
  );
  const relState = new Map<string, { count: number; rejected: number }>();
  if (rels.length) {
    const result = await tx.run(
      `UNWIND $rels AS ref
       OPTIONAL MATCH (:Newsgraph {id: ref.source})-[r]->(:Newsgraph {id: ref.target}) WHERE type(r) = ref.type AND (ref.title IS NULL OR r.title = ref.title)
       RETURN ref.id AS id, count(r) AS count, count(CASE WHEN r.rejected THEN 1 END) AS rejected`,
      { rels },
    );
    for (const r of result.records) relState.set(r.get('id') as string, { count: r.get('count') as number, rejected: r.get('rejected') as number });
  }
  const states = new Map<string, CorrectionState>();
  const has = (id: string, name: string) => {
    const n = nodes.get(id);
    return n ? namesOf(n).some((x) => formKey(x) === formKey(name)) : false;
  };
  for (const c of active) {
    const ch = c.change;
    let state: CorrectionState;
    switch (ch.action) {
      case 'merge': {
        const into = nodes.get(ch.into);
        const left = ch.ids.filter((id) => nodes.has(id));
        const names = ch.before.flatMap((b) => [b.name]).filter((n) => !has(ch.into, n));
        state = into
          ? { holds: left.length === 0, state: `into present; absorbed left: ${left.join(',') || 'none'}; names missing: ${names.join(',') || 'none'}` }
          : { holds: left.length ? false : null, state: `into gone; absorbed left: ${left.join(',') || 'none'}` };
        break;
      }
      case 'split': {
        const from = nodes.get(ch.from);
        const back = from ? ch.aliases.filter((a) => has(ch.from, a)) : [];
        state = from
          ? { holds: back.length === 0, state: `names back on ${ch.from}: ${back.join(',') || 'none'}; new entity ${nodes.has(ch.into) ? 'present' : 'gone'}` }
          : { holds: null, state: 'entity gone' };
        break;
      }
      case 'edit': {
        const node = nodes.get(ch.id);
        if (!node) {
          state = { holds: null, state: 'entity gone' };
          break;
        }
        const wrong = [
          ch.after.name !== undefined && node.props.name !== ch.after.name ? `name ${String(node.props.name)}` : '',
          ch.after.category !== undefined && categoryOf(node.labels) !== ch.after.category ? `category ${categoryOf(node.labels)}` : '',
          ch.after.kind !== undefined && (node.props.kind ?? null) !== ch.after.kind ? `kind ${String(node.props.kind)}` : '',
        ].filter(Boolean);
        state = { holds: wrong.length === 0, state: wrong.join('; ') || 'as edited' };
        break;
      }
      case 'reject': {
        if (ch.node) {
          const node = nodes.get(ch.node);
          state = node
            ? { holds: node.labels.includes(REJECTED_LABEL), state: node.labels.includes(REJECTED_LABEL) ? 'hidden' : 'shown' }
            : { holds: null, state: 'gone' };
        } else {
          const s = relState.get(c.id) ?? { count: 0, rejected: 0 };
          state = s.count ? { holds: s.rejected === s.count, state: `${s.rejected} of ${s.count} hidden` } : { holds: null, state: 'gone' };
        }
        break;
      }
      case 'distinct':
        state = { holds: true, state: 'recorded' };
        break;
    }
    states.set(c.id, state);
  }
  return states;
}

/** One digest of every correction's state: equal before and after a reload when the reload undid nothing. */
export function correctionsFingerprint(states: Map<string, CorrectionState>): string {
  const lines = [...states].map(([id, s]) => `${id} ${String(s.holds)} ${s.state}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
