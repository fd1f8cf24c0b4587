/**
 * What extraction produces for one article. Pure data: the extractor does no I/O.
 * The JSON that `newsgraph extract --json` prints is built from these (see contract.ts).
 */

export type EntityCategory = 'person' | 'institution' | 'place';

export const INSTITUTION_KINDS = ['government', 'agency', 'media', 'party', 'company', 'court', 'international', 'other'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

/** Character offsets into the text given to the extractor: text.slice(start, end). */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  text: string;
}

/** One place in the text where an entity is named. */
export interface Mention extends Span {
  /** The surface form as written, e.g. "Secretary Blinken". */
  surface: string;
  /** Index into DocumentExtraction.sentences. */
  sentence: number;
}

export interface Role {
  /** The title as written, without the name: "Foreign Minister". */
  title: string;
  /** Canonical name of the institution the role is held at, when the text says so. */
  institution: string | null;
  sentence: number;
}

export interface ExtractedEntity {
  category: EntityCategory;
  /** Canonical name: the fullest form in the article, titles stripped. */
  name: string;
  /** Every other surface form used for it in the article (titles like "Secretary Blinken" included). */
  aliases: string[];
  /** Institutions only. */
  kind?: InstitutionKind;
  /** People only. */
  roles?: Role[];
  mentions: Mention[];
}

export interface Interaction {
  /** Lowercase type from the documented vocabulary (vocabulary.ts: met, asked, warned, accused, …) where one fits, else the verb's lemma ("collude_with"). */
  type: string;
  /** Canonical names of the actor and the one acted on. */
  source: string;
  target: string;
  sentence: number;
  /** The evidence sentence's text and offsets. */
  evidence: Sentence;
  /** True when the text hedges it ("reportedly met", "allegedly"). */
  hedged: boolean;
}

export interface Allegation {
  /** The claim: the clause that is alleged. */
  claim: string;
  alleged_by: string[];
  against: string[];
  reported_by: string[];
  denied_by: string[];
  sentence: number;
  evidence: Sentence;
  /** Hedged language ("allegedly", "suggesting", "said to") that makes it an allegation, if any. */
  hedge: string | null;
}

export interface DocumentExtraction {
  sentences: Sentence[];
  people: ExtractedEntity[];
  institutions: ExtractedEntity[];
  places: ExtractedEntity[];
  interactions: Interaction[];
  allegations: Allegation[];
}

/**
 * The seam for other extractors (an LLM- or model-backed one later). The shipped rule-based
 * extractor implements it; nothing else in newsgraph depends on how extraction is done.
 */
export interface Extractor {
  readonly name: string;
  extract(text: string): DocumentExtraction;
}
