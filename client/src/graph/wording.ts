/**
 * Relationships in plain words, with their direction: what the panel, the paths list and the canvas's
 * link labels say. Pure, so the same words are tested once and read the same everywhere.
 */
import type { Corroboration } from '../../../common/graph.js';

/**
 * A label short enough to draw: an allegation is labelled by its claim, a whole clause, so the canvas and
 * lists show its first words, cut at a word with "…"; the panel and tooltips keep it all.
 */
export function shortLabel(label: string, max = 40): string {
  if (label.length <= max) return label;
  // Up to max - 1 characters and the "…"; a word that the limit splits goes whole.
  const head = label.slice(0, max);
  const atWord = head.replace(/\s+\S*$/, '');
  // One long word (a URL, a name in a script without spaces) is cut where it must be.
  const kept = atWord !== head && atWord.length >= max / 2 ? atWord : label.slice(0, max - 1);
  return `${kept.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Types whose plain words are not their name in lower case. */
const PHRASES: Readonly<Record<string, string>> = {
  HOLDS_ROLE: 'holds a role at',
  ALLEGES: 'alleges',
  AGAINST: 'is alleged against',
  REPORTS: 'reports',
  DENIES: 'denies',
  MENTIONED_IN: 'is mentioned in',
};

/** "LAWYER_FOR" → "lawyer for", "FORMERLY_WORKED_FOR" → "formerly worked for". */
export function phraseOf(relType: string): string {
  return PHRASES[relType] ?? relType.toLowerCase().replace(/_+/g, ' ').trim();
}

/** "Michael Cohen → lawyer for → Donald Trump": one link, read the way it points. */
export function linkSentence(source: string, relType: string, target: string): string {
  return `${source} → ${phraseOf(relType)} → ${target}`;
}

/**
 * Headings for an allegation's links, read from the allegation: who alleges it, whom it is against,
 * who reported or denied it. From the other end they read as what that entity alleges or denies.
 */
const FROM_ALLEGATION: Readonly<Record<string, { in?: string; out?: string }>> = {
  ALLEGES: { in: 'Alleged by' },
  AGAINST: { out: 'Against' },
  REPORTS: { in: 'Reported by' },
  DENIES: { in: 'Denied by' },
};
const TO_ALLEGATION: Readonly<Record<string, { in?: string; out?: string }>> = {
  ALLEGES: { out: 'Alleges' },
  AGAINST: { in: 'Allegations against it' },
  REPORTS: { out: 'Reported' },
  DENIES: { out: 'Denies' },
};

/**
 * The heading over the links of one type and direction around `center`: "Alleged by" around an
 * allegation; "Donald Trump → met →" for the links it makes, "→ lawyer for → Donald Trump" for the
 * links that point at it.
 */
export function groupHeading(relType: string, outgoing: boolean, center: { name: string; kind: string }): string {
  const allegation = (center.kind === 'Allegation' ? FROM_ALLEGATION : TO_ALLEGATION)[relType];
  const special = outgoing ? allegation?.out : allegation?.in;
  if (special) return special;
  return outgoing ? `${center.name} → ${phraseOf(relType)} →` : `→ ${phraseOf(relType)} → ${center.name}`;
}

/** "3 documents, 2 outlets"; a link with one document says so, as it stands on a single source. */
export function corroborationText(c: Corroboration | undefined): string {
  if (!c) return '';
  const documents = `${c.documents} document${c.documents === 1 ? '' : 's'}`;
  if (c.outlets === 0) return documents;
  return `${documents}, ${c.outlets} outlet${c.outlets === 1 ? '' : 's'}`;
}

/** What a list says beside a link: "single source", or how many documents and outlets back it. */
export function corroborationLabel(c: Corroboration | undefined): string {
  return singleSource(c) ? 'single source' : corroborationText(c);
}

/** One document, or none: what an analyst should check before relying on the link. */
export function singleSource(c: Corroboration | undefined): boolean {
  return (c?.documents ?? 1) <= 1;
}

/** A date as readers write it ("14 March 2025"), in UTC: a date known only to the day is midnight UTC. */
export function dateWords(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "Published 14 March 2025 · by Nadia Clarke", or as much of it as is known; null when neither is. */
export function publishedLine(publishedAt: string | null | undefined, byline: string | null | undefined): string | null {
  const by = byline?.trim().replace(/^by\s+/i, '');
  const parts = [publishedAt ? `Published ${dateWords(publishedAt)}` : null, by ? `by ${by}` : null].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}
