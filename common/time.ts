/**
 * Time ranges over the graph, shared by server and explorer. A link is inside a range when at least one
 * of its evidence documents was published in it (`publishedAt`, see docs/data-model.md); a document
 * without a date is outside any range that is set. Bounds are `YYYY-MM-DD` (the whole day, in UTC) or
 * full ISO 8601 datetimes, both inclusive, and are held as `Date#toISOString()` strings, which compare
 * as strings the way the instants they name compare: Cypher compares them as such.
 */

/** Inclusive bounds as ISO strings in UTC with milliseconds; null leaves that side open. */
export interface TimeRange {
  from: string | null;
  to: string | null;
}

export const ANY_TIME: TimeRange = { from: null, to: null };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** What Date parses the same way everywhere: an ISO datetime with a zone (Z or ±hh:mm), seconds and fractions optional. */
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True when `value` is a real calendar day written YYYY-MM-DD (not 2024-02-30). */
export function isDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.getUTCMonth() + 1 === Number(m[2]) && date.getUTCDate() === Number(m[3]);
}

/**
 * A bound as the ISO string it stands for: a day starts at its first millisecond (`from`) or ends at its
 * last (`to`); a datetime is that instant. Null when `value` is neither.
 */
export function rangeBound(value: string, side: 'from' | 'to'): string | null {
  if (isDay(value)) return `${value}T${side === 'from' ? '00:00:00.000' : '23:59:59.999'}Z`;
  if (!DATETIME.test(value)) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  // A zone can push 9999-12-31 into year 10000 (+010000-…), which would not compare as a string with the
  // rest: past the last instant a four-digit year can write is the same as at it, for a range.
  if (iso.startsWith('+')) return '9999-12-31T23:59:59.999Z';
  if (iso.startsWith('-')) return '0000-01-01T00:00:00.000Z';
  return iso;
}

/** The range from what a request or an address gives (undefined or empty: open on that side); null when a bound is not a date. */
export function timeRange(from?: string | null, to?: string | null): TimeRange | null {
  const a = from ? rangeBound(from, 'from') : null;
  const b = to ? rangeBound(to, 'to') : null;
  if ((from && !a) || (to && !b)) return null;
  return { from: a, to: b };
}

export function isRangeSet(range: TimeRange | null | undefined): range is TimeRange {
  return Boolean(range && (range.from !== null || range.to !== null));
}

/** True when the instant `iso` (a document's publishedAt) lies in the range; an undated document never lies in a set one. */
export function dateInRange(iso: string | null | undefined, range: TimeRange): boolean {
  if (!isRangeSet(range)) return true;
  if (typeof iso !== 'string') return false;
  return (range.from === null || iso >= range.from) && (range.to === null || iso <= range.to);
}

/** True when one of a link's evidence dates lies in the range (every link lies in an unset one). */
export function someDateInRange(dates: readonly string[] | undefined, range: TimeRange): boolean {
  if (!isRangeSet(range)) return true;
  return (dates ?? []).some((d) => dateInRange(d, range));
}

/** The day of an ISO string, YYYY-MM-DD, as ranges and the timeline name days. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/** `GET /api/timeline`: documents and links over time, for the explorer's timeline. */
export interface Timeline {
  /** Days when the dated documents span up to TIMELINE_DAYS_MAX days, months beyond. */
  unit: 'day' | 'month';
  /** Consecutive buckets from the first dated document's to the last's, empty ones included; `date` is the bucket's first day, YYYY-MM-DD. */
  buckets: TimelineBucket[];
  /** Documents without a date, and links none of whose evidence documents has one. */
  undated: { documents: number; links: number };
}

export interface TimelineBucket {
  date: string;
  /** Documents published in the bucket. */
  documents: number;
  /**
   * Links with evidence published in the bucket, each once however many of its documents fall in it: a link
   * seen in January and March counts in both, as a range over either keeps it.
   */
  links: number;
}

/** The longest span, in days, that the timeline shows by day. */
export const TIMELINE_DAYS_MAX = 183;
