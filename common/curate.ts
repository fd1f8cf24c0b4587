/**
 * Curation: what analysts change in the graph and keep beside it. Corrections (merge, split, edit,
 * reject, "not the same") are facts of their own, stored apart from the extraction and applied again by
 * every load; notes and investigations are the analysts' own records. Shapes shared by server and client.
 */

/** Who did something, and when (ISO 8601). `by` is the token's name, or "local user" with access control off. */
export interface Authorship {
  by: string;
  at: string;
}

/** A relationship named by what it joins, so that it can be found again after a reload re-creates it. */
export interface RelationshipRef {
  source: string;
  type: string;
  target: string;
  /** HOLDS_ROLE only: one relationship per title. */
  title?: string;
}

/** An entity as it was before a correction, so that the correction can be undone. */
export interface EntitySnapshot {
  id: string;
  /** person, institution or place */
  category: EntityCategory;
  name: string;
  aliases: string[];
  /** An institution's kind (government, company, …). */
  kind: string | null;
}

export const ENTITY_CATEGORIES = ['person', 'institution', 'place'] as const;
export type EntityCategory = (typeof ENTITY_CATEGORIES)[number];

export type CorrectionChange =
  /** `ids` (two or more) became the one entity `into` (one of them), named `name`; `before` as they were. */
  | { action: 'merge'; into: string; ids: string[]; name: string; before: EntitySnapshot[] }
  /** The names `aliases` of `from`, with their mentions and evidence, became the entity `into`. */
  | { action: 'split'; from: string; into: string; aliases: string[]; name: string }
  /** A new canonical name and/or category or institution kind. */
  | {
      action: 'edit';
      id: string;
      before: { name: string; category: EntityCategory; kind: string | null };
      after: { name?: string; category?: EntityCategory; kind?: string | null };
    }
  /** A false entity, allegation or link, hidden from the graph (never deleted). */
  | { action: 'reject'; node?: string; relationship?: RelationshipRef; label: string }
  /** Two entities that a suggestion took for one are not the same: never suggested again. */
  | { action: 'distinct'; ids: [string, string] };

export type CorrectionAction = CorrectionChange['action'];

export interface Correction extends Authorship {
  id: string;
  change: CorrectionChange;
  reason: string;
  /** Set once it is reverted; a reverted correction is kept in the log, no longer applied. */
  reverted: (Authorship & { reason: string }) | null;
  /**
   * In the log: whether the graph shows it now (true), does not (false: report it), or no longer holds
   * what it named (null: its entities left with their articles). Absent on a reverted one.
   */
  holds?: boolean | null;
}

/** GET /api/corrections */
export interface CorrectionLog {
  total: number;
  corrections: Correction[];
}

/** One reason a pair is suggested, e.g. {code: 'spelling', text: 'Sergei / Sergey: one letter apart'}. */
export interface DuplicateReason {
  code: 'same-name' | 'spelling' | 'transliteration' | 'diacritics' | 'initials' | 'hyphenation' | 'shared-alias' | 'shared-neighbours' | 'contained-name';
  text: string;
}

/** One side of a suggested pair, with enough evidence to judge it. */
export interface DuplicateSide {
  id: string;
  name: string;
  aliases: string[];
  category: EntityCategory;
  kind: string | null;
  documents: number;
  /** A few sentences that name it, each with its document. */
  evidence: { sentence: string; document: { id: string; title: string | null } }[];
}

/** GET /api/duplicates: pairs of one category, best first. */
export interface DuplicateSuggestion {
  ids: [string, string];
  score: number;
  reasons: DuplicateReason[];
  entities: [DuplicateSide, DuplicateSide];
}

export interface DuplicateList {
  suggestions: DuplicateSuggestion[];
}

/** What a note is about: an entity or allegation (its id), a relationship (its ref) or a document (its id). */
export type NoteTarget = { entity: string } | { relationship: RelationshipRef } | { document: string };

export interface Note extends Authorship {
  id: string;
  target: NoteTarget;
  /** What the target is called, for lists: a name, "A —MET→ B", a document's title. */
  label: string;
  text: string;
  updatedAt: string;
}

/** What an investigation keeps of the explorer: enough to put the same canvas back. */
export interface InvestigationState {
  /** The address's view (app/url.ts): focus and steps; null for the overview. */
  view: unknown;
  /** Node id → position on the canvas. */
  positions: Record<string, { x: number; y: number }>;
  /** The filters and the style, as the explorer keeps them. */
  filters: unknown;
  style: unknown;
  /** Every node on the canvas, in case the view cannot rebuild it exactly. */
  nodes: string[];
}

export interface InvestigationSummary extends Authorship {
  id: string;
  name: string;
  updatedAt: string;
  nodes: number;
}

export interface Investigation extends InvestigationSummary {
  /** The analyst's own words about it. */
  notes: string;
  state: InvestigationState;
}
