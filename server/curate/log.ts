/**
 * The corrections log: each correction a `(:NewsgraphCorrection)` node beside the graph (not labelled
 * `:Newsgraph`, so graph queries, exports of the graph and `load --reset` never touch it), with who made
 * it, when and why. A reverted one stays, marked, and is no longer applied.
 */
import { randomBytes } from 'node:crypto';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Correction, CorrectionChange } from '../../common/curate.js';
import { checkCorrections } from './check.js';

export const CORRECTION_LABEL = 'NewsgraphCorrection';

function fromRecord(p: Record<string, unknown>): Correction {
  return {
    id: String(p.id),
    change: JSON.parse(String(p.change)) as CorrectionChange,
    reason: String(p.reason ?? ''),
    by: String(p.by),
    at: String(p.at),
    reverted: p.revertedAt ? { by: String(p.revertedBy), at: String(p.revertedAt), reason: String(p.revertReason ?? '') } : null,
  };
}

export async function recordCorrection(tx: ManagedTransaction, change: CorrectionChange, reason: string, by: string): Promise<Correction> {
  const props = {
    id: `c-${randomBytes(6).toString('hex')}`,
    action: change.action,
    change: JSON.stringify(change),
    reason,
    by,
    at: new Date().toISOString(),
  };
  await tx.run(`CREATE (c:${CORRECTION_LABEL}) SET c = $props`, { props });
  return fromRecord(props);
}

export async function markReverted(tx: ManagedTransaction, id: string, reason: string, by: string): Promise<Correction> {
  const r = await tx.run(
    `MATCH (c:${CORRECTION_LABEL} {id: $id}) SET c.revertedAt = $at, c.revertedBy = $by, c.revertReason = $reason RETURN properties(c) AS p`,
    { id, at: new Date().toISOString(), by, reason },
  );
  return fromRecord(r.records[0]!.get('p') as Record<string, unknown>);
}

export async function readCorrection(tx: ManagedTransaction, id: string): Promise<Correction | null> {
  const r = await tx.run(`MATCH (c:${CORRECTION_LABEL} {id: $id}) RETURN properties(c) AS p`, { id });
  const p = r.records[0]?.get('p') as Record<string, unknown> | undefined;
  return p ? fromRecord(p) : null;
}

/** The node ids a correction names; with `ends`, also the ends of a rejected relationship. */
export function idsNamedBy(change: CorrectionChange, { ends = false } = {}): string[] {
  switch (change.action) {
    case 'merge':
      return [change.into, ...change.ids];
    case 'split':
      return [change.from, change.into];
    case 'edit':
      return [change.id];
    case 'reject':
      return change.node ? [change.node] : ends && change.relationship ? [change.relationship.source, change.relationship.target] : [];
    case 'distinct':
      return ends ? [...change.ids] : [];
  }
}

/** Every correction, reverted ones too, oldest first: what an evidence pack carries of those touching its nodes. */
export async function allCorrections(tx: ManagedTransaction): Promise<Correction[]> {
  const r = await tx.run(`MATCH (c:${CORRECTION_LABEL}) RETURN properties(c) AS p ORDER BY c.at, c.id`);
  return r.records.map((rec) => fromRecord(rec.get('p') as Record<string, unknown>));
}

/** Those still in force, oldest first: the order every load applies them in. */
export async function activeCorrections(tx: ManagedTransaction, action?: CorrectionChange['action']): Promise<Correction[]> {
  const r = await tx.run(
    `MATCH (c:${CORRECTION_LABEL}) WHERE c.revertedAt IS NULL AND ($action IS NULL OR c.action = $action)
     RETURN properties(c) AS p ORDER BY c.at, c.id`,
    { action: action ?? null },
  );
  return r.records.map((rec) => fromRecord(rec.get('p') as Record<string, unknown>));
}

/** The log, newest first, each correction with whether it holds (check.ts). */
export async function listCorrections(tx: ManagedTransaction, limit: number, offset: number): Promise<{ total: number; corrections: Correction[] }> {
  const total = (await tx.run(`MATCH (c:${CORRECTION_LABEL}) RETURN count(c) AS n`)).records[0]!.get('n') as number;
  const r = await tx.run(`MATCH (c:${CORRECTION_LABEL}) RETURN properties(c) AS p ORDER BY c.at DESC, c.id DESC SKIP $offset LIMIT $limit`, {
    offset: neo4j.int(offset),
    limit: neo4j.int(limit),
  });
  const corrections = r.records.map((rec) => fromRecord(rec.get('p') as Record<string, unknown>));
  const states = await checkCorrections(tx, corrections);
  for (const c of corrections) if (states.has(c.id)) c.holds = states.get(c.id)!.holds;
  return { total, corrections };
}
