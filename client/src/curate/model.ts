/**
 * Curation in the explorer, as data: who may correct, what each form sends, what the duplicates review
 * holds after a decision, what the canvas must drop or fetch again after a correction (or its revert),
 * and the words of a correction in the log and the toasts. Pure: the views in this folder do the I/O.
 */
import type { EntityDetails, SessionInfo } from '../../../common/api.js';
import { ENTITY_CATEGORIES, type Correction, type CorrectionChange, type DuplicateSuggestion, type EntityCategory } from '../../../common/curate.js';
import type { SerializedGraph } from '../../../common/graph.js';
import type { View } from '../app/url.js';
import { linkSentence } from '../graph/wording.js';

/** Corrections need the editor role (admins have it too); a reader is offered none. */
export function mayCurate(session: Pick<SessionInfo, 'role'> | null): boolean {
  return session?.role === 'editor' || session?.role === 'admin';
}

const CATEGORY_OF_KIND: Record<string, EntityCategory> = { Person: 'person', Institution: 'institution', Place: 'place' };

/** person, institution or place for an entity's kind; null for an allegation (which can only be rejected). */
export function categoryOf(kind: string): EntityCategory | null {
  return CATEGORY_OF_KIND[kind] ?? null;
}

export const CATEGORY_WORDS: Record<EntityCategory, string> = { person: 'Person', institution: 'Institution', place: 'Place' };

export type EntityAction = 'edit' | 'merge' | 'split' | 'reject' | 'restore';

/** What the panel offers an editor for an entity: a rejected one can only be restored; an allegation only rejected. */
export function entityActions(entity: Pick<EntityDetails, 'kind' | 'name' | 'aliases'>, rejected: boolean): EntityAction[] {
  if (rejected) return ['restore'];
  if (!categoryOf(entity.kind)) return ['reject'];
  return namesOf(entity).length > 1 ? ['edit', 'merge', 'split', 'reject'] : ['edit', 'merge', 'reject'];
}

/** An entity's names, its canonical name first, each once (case aside). */
export function namesOf(entity: Pick<EntityDetails, 'name' | 'aliases'>): string[] {
  const seen = new Set<string>();
  return [entity.name, ...entity.aliases].filter((n) => {
    const key = n.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// ---- the forms: what each sends, or why it cannot yet ----

export type Checked<T> = { ok: true; body: T } | { ok: false; problem: string };

/** Every correction is kept with why it was made: the API refuses one without. */
export function reasonProblem(reason: string): string | null {
  return reason.trim() ? null : 'Say why in a few words: the reason is kept in the corrections log.';
}

export interface EditForm {
  name: string;
  category: EntityCategory;
  /** An institution's kind (government, company…); empty for none. */
  kind: string;
  reason: string;
}

export interface EditBody {
  name?: string;
  category?: EntityCategory;
  kind?: string | null;
  reason: string;
}

/** The PATCH body for what changed in the edit form (unchanged fields are not sent). */
export function editRequest(entity: Pick<EntityDetails, 'name' | 'kind' | 'properties'>, form: EditForm): Checked<EditBody> {
  const name = form.name.trim();
  if (!name) return { ok: false, problem: 'The name cannot be empty.' };
  const body: EditBody = { reason: form.reason.trim() };
  if (name !== entity.name) body.name = name;
  if (form.category !== categoryOf(entity.kind)) body.category = form.category;
  const before = typeof entity.properties.kind === 'string' ? entity.properties.kind : null;
  // A kind belongs to institutions: one made a person or a place loses it.
  const kind = form.category === 'institution' ? form.kind.trim() || null : null;
  if (kind !== before) body.kind = kind;
  if (body.name === undefined && body.category === undefined && body.kind === undefined)
    return { ok: false, problem: 'Nothing to change: edit the name, the category or the kind.' };
  const problem = reasonProblem(form.reason);
  return problem ? { ok: false, problem } : { ok: true, body };
}

/** A split: the ticked names leave for a new entity; at least one goes, at least one stays. */
export function splitRequest(
  entity: Pick<EntityDetails, 'name' | 'aliases'>,
  ticked: string[],
  reason: string,
): Checked<{ aliases: string[]; reason: string }> {
  const names = namesOf(entity);
  const leaving = names.filter((n) => ticked.includes(n));
  if (!leaving.length) return { ok: false, problem: 'Tick the names that belong to another entity.' };
  if (leaving.length === names.length) return { ok: false, problem: 'Leave at least one name to this entity.' };
  const problem = reasonProblem(reason);
  return problem ? { ok: false, problem } : { ok: true, body: { aliases: leaving, reason: reason.trim() } };
}

export interface MergeCandidate {
  id: string;
  name: string;
  kind: string;
}

/** Whether `candidate` may be merged into `entity`: another entity, of the same kind. Null when it may. */
export function candidateProblem(entity: MergeCandidate, chosen: MergeCandidate[], candidate: MergeCandidate): string | null {
  if (candidate.id === entity.id) return `That is ${entity.name} itself.`;
  if (chosen.some((c) => c.id === candidate.id)) return `${candidate.name} is already chosen.`;
  if (candidate.kind !== entity.kind)
    return `${candidate.name} is a ${candidate.kind.toLowerCase()}: only entities of one kind (${entity.kind.toLowerCase()}) can be merged.`;
  return null;
}

/** The merge body: `entity` keeps its id, `keep` is the name that stays (sent only when it is not the entity's own). */
export function mergeRequest(
  entity: MergeCandidate,
  chosen: MergeCandidate[],
  keep: string,
  reason: string,
): Checked<{ ids: string[]; reason: string; name?: string }> {
  if (!chosen.length) return { ok: false, problem: `Choose at least one entity to merge with ${entity.name}.` };
  const problem = reasonProblem(reason);
  if (problem) return { ok: false, problem };
  const body: { ids: string[]; reason: string; name?: string } = { ids: [entity.id, ...chosen.map((c) => c.id)], reason: reason.trim() };
  if (keep && keep !== entity.name) body.name = keep;
  return { ok: true, body };
}

// ---- the duplicates review ----

export interface Review {
  suggestions: DuplicateSuggestion[];
  /** Pairs put off ("Later") for this session, by pairKey. */
  later: ReadonlySet<string>;
}

export const pairKey = (ids: readonly string[]): string => [...ids].sort().join('|');

/** A fresh list from the server, keeping what was put off in this session. */
export function reviewOf(suggestions: DuplicateSuggestion[], later: ReadonlySet<string> = new Set()): Review {
  return { suggestions, later };
}

/** The suggestions still to decide, best first: the ones put off are left out. */
export function pending(review: Review): DuplicateSuggestion[] {
  return review.suggestions.filter((s) => !review.later.has(pairKey(s.ids)));
}

export type Decision = { decision: 'later' } | { decision: 'distinct' } | { decision: 'merge'; absorbed: string[] };

/**
 * The review after a decision on the pair `ids`: put off, it leaves the list for this session; decided,
 * it leaves for good; merged, so do the other suggestions that name an entity the merge absorbed (their
 * sides no longer exist as shown).
 */
export function afterDecision(review: Review, ids: readonly string[], d: Decision): Review {
  const key = pairKey(ids);
  if (d.decision === 'later') return { ...review, later: new Set([...review.later, key]) };
  const gone = new Set(d.decision === 'merge' ? d.absorbed : []);
  return { ...review, suggestions: review.suggestions.filter((s) => pairKey(s.ids) !== key && !s.ids.some((id) => gone.has(id))) };
}

// ---- the canvas after a correction ----

export interface Reopen {
  id: string;
  /** Nodes whose place it takes when it is not on the canvas (a merge's absorbed entities, a split's origin). */
  near: string[];
  /** Its neighbours come too; otherwise only its links to what is on the canvas. */
  all: boolean;
  /** Its links on the canvas are dropped first: the correction made them anew, under new keys. */
  relink: boolean;
}

/** What the canvas must do so that it shows the graph as the correction left it, without a reload. */
export interface CanvasStep {
  /** Nodes that are gone (absorbed, rejected), with their links. */
  drop: string[];
  /** Links that are gone (rejected), by edge key. */
  dropEdges: string[];
  /** Entities fetched again and put (back) on the canvas. */
  reopen: Reopen[];
  /** Old id → new id, for the address and the panel: a merged-away entity is now the merged one. */
  replaced: Record<string, string>;
}

const step = (s: Partial<CanvasStep>): CanvasStep => ({ drop: [], dropEdges: [], reopen: [], replaced: {}, ...s });

/**
 * The canvas step for `change` made, or reverted (`reverted`). `edge` is the key of a rejected link on
 * the canvas (the change names it by its ends, which a reload keeps, not by its key).
 */
export function canvasStep(change: CorrectionChange, { reverted = false, edge }: { reverted?: boolean; edge?: string } = {}): CanvasStep {
  switch (change.action) {
    case 'merge':
      if (!reverted)
        return step({
          drop: change.ids,
          reopen: [{ id: change.into, near: change.ids, all: true, relink: true }],
          replaced: Object.fromEntries(change.ids.map((id) => [id, change.into])),
        });
      return step({
        reopen: [{ id: change.into, near: [], all: false, relink: true }, ...change.ids.map((id) => ({ id, near: [change.into], all: true, relink: false }))],
      });
    case 'split':
      if (!reverted)
        return step({
          reopen: [
            { id: change.from, near: [], all: false, relink: true },
            { id: change.into, near: [change.from], all: true, relink: false },
          ],
        });
      return step({
        drop: [change.into],
        reopen: [{ id: change.from, near: [change.into], all: true, relink: true }],
        replaced: { [change.into]: change.from },
      });
    case 'edit':
      return step({ reopen: [{ id: change.id, near: [], all: false, relink: false }] });
    case 'reject':
      if (change.node) return reverted ? step({ reopen: [{ id: change.node, near: [], all: false, relink: false }] }) : step({ drop: [change.node] });
      if (!change.relationship) return step({});
      if (!reverted) return step({ dropEdges: edge ? [edge] : [] });
      return step({ reopen: [{ id: change.relationship.source, near: [], all: false, relink: false }] });
    case 'distinct':
      return step({});
  }
}

/** The entity a correction is about, to show in the panel once it is made or undone; null when none remains. */
export function primaryOf(change: CorrectionChange, reverted = false): string | null {
  switch (change.action) {
    case 'merge':
      return change.into;
    case 'split':
      return reverted ? change.from : change.into;
    case 'edit':
      return change.id;
    case 'reject':
      return change.node ?? change.relationship?.source ?? null;
    case 'distinct':
      return null;
  }
}

/** Keeps of a neighbourhood only `keep`'s nodes and the links between them: a link put back without its neighbours. */
export function restrictTo(data: SerializedGraph, keep: ReadonlySet<string>): SerializedGraph {
  const nodes = data.nodes.filter((n) => keep.has(n.key));
  return { ...data, nodes, edges: data.edges.filter((e) => keep.has(e.source) && keep.has(e.target)) };
}

interface Snapshot {
  nodes: { key: string; attributes?: Record<string, unknown> }[];
  edges: { key?: string; source: string; target: string }[];
}

/**
 * An undo snapshot without what a correction took out of the data, and with new names: undo and redo go
 * on stepping through views, but never bring back an entity merged away or a link rejected.
 */
export function purgeSnapshot<S extends Snapshot>(snapshot: S, s: Pick<CanvasStep, 'drop' | 'dropEdges'>, labels: ReadonlyMap<string, string> = new Map()): S {
  const drop = new Set(s.drop);
  const dropEdges = new Set(s.dropEdges);
  return {
    ...snapshot,
    nodes: snapshot.nodes
      .filter((n) => !drop.has(n.key))
      .map((n) => (labels.has(n.key) && n.attributes ? { ...n, attributes: { ...n.attributes, label: labels.get(n.key) } } : n)),
    edges: snapshot.edges.filter((e) => !drop.has(e.source) && !drop.has(e.target) && !(e.key !== undefined && dropEdges.has(e.key))),
  };
}

/** The address's view after a correction: ids merged away become the merged entity; steps on a dropped node go. */
export function viewAfter(view: View | null, s: Pick<CanvasStep, 'drop' | 'replaced'>): View | null {
  if (!view) return view;
  const swap = (id: string) => s.replaced[id] ?? id;
  const dropped = new Set(s.drop.filter((id) => !(id in s.replaced)));
  return {
    focus: view.focus === null ? null : swap(view.focus),
    steps: view.steps.filter((st) => !dropped.has(st.id)).map((st) => ({ ...st, id: swap(st.id) })),
  };
}

// ---- words ----

/** "person:sergei-volkov" → its name when known, else the id as it is. */
type Names = (id: string) => string | undefined;

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/** A correction in one sentence, as the log and the toasts say it. */
export function correctionText(change: CorrectionChange, names: Names = () => undefined): string {
  const nameOf = (id: string) => names(id) ?? id;
  switch (change.action) {
    case 'merge': {
      const absorbed = change.before.filter((b) => b.id !== change.into).map((b) => b.name);
      return `Merged ${absorbed.join(', ') || change.ids.join(', ')} into ${change.name}`;
    }
    case 'split':
      return `Split ${quoted(change.aliases)} off ${nameOf(change.from)} as ${change.name}`;
    case 'edit': {
      const parts: string[] = [];
      const { before, after } = change;
      if (after.name !== undefined && after.name !== before.name) parts.push(`renamed to ${after.name}`);
      if (after.category !== undefined && after.category !== before.category) parts.push(`made ${article(after.category)}`);
      if (after.kind !== undefined && after.kind !== before.kind) parts.push(after.kind ? `kind set to ${after.kind}` : 'kind cleared');
      return `Edited ${before.name}: ${parts.join(', ') || 'no change'}`;
    }
    case 'reject': {
      if (!change.relationship) return `Rejected ${change.label}`;
      // The server names a link "A —TYPE→ B": read in the explorer's plain words.
      const parts = /^(.*) —(\S+)→ (.*)$/s.exec(change.label);
      return `Rejected the link ${parts ? linkSentence(parts[1]!, change.relationship.type, parts[3]!) : change.label}`;
    }
    case 'distinct':
      return `Marked ${nameOf(change.ids[0])} and ${nameOf(change.ids[1])} as not the same`;
  }
}

function article(category: EntityCategory): string {
  return `${category === 'institution' ? 'an' : 'a'} ${category}`;
}

/** "2025-05-01 14:03 UTC" from an ISO 8601 time: the same on every machine, to the minute. */
export function when(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export interface LogEntry {
  id: string;
  what: string;
  who: string;
  why: string;
  /** "Reverted by … on …: why", or null while it holds. */
  reverted: string | null;
  /** A revert is offered only for corrections in force. */
  revertable: boolean;
}

export function logEntry(c: Correction, names?: Names): LogEntry {
  return {
    id: c.id,
    what: correctionText(c.change, names),
    who: `${c.by}, ${when(c.at)}`,
    why: c.reason,
    reverted: c.reverted ? `Reverted by ${c.reverted.by}, ${when(c.reverted.at)}: ${c.reverted.reason}` : null,
    revertable: !c.reverted,
  };
}

export { ENTITY_CATEGORIES };
