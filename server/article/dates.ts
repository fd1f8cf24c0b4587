/**
 * Publication dates, as `Document.publishedAt` holds them (docs/data-model.md): an ISO 8601 instant in UTC
 * with milliseconds, exactly `Date#toISOString()`, so that every value has the same length and Cypher
 * compares them as strings. A date known only to the day is midnight UTC of that day; a time without a
 * zone is read as UTC (the server's own zone must not change what is stored). Pure: no clock, no I/O.
 */
// The English locale alone: the whole package loads every language's parsers, which cost 0.3 s at every start.
import * as chrono from 'chrono-node/en';

/** Years outside this are a typo or a placeholder ("0001-01-01"), not when a news article came out. */
const FIRST_YEAR = 1800;
const LAST_YEAR = 2200;

/** ISO 8601 as pages write it in metadata: a day, or a day and a time with or without a zone. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function instant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0, offsetMinutes = 0): string | null {
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  const time = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMinutes * 60_000;
  const date = new Date(time);
  // Date.UTC rolls 2024-02-31 over to March: a day that does not exist is no date.
  const check = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(time) || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59 || second > 60) return null;
  return date.toISOString();
}

function isoDate(value: string): string | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let offset = 0;
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offset = (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
  }
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  return instant(Number(y), Number(mo), Number(d), h ? Number(h) : 0, mi ? Number(mi) : 0, s ? Number(s) : 0, ms, offset);
}

/** chrono's reading of a date with its year given: the day alone at midnight UTC, a time in its zone or as UTC. */
function fromChrono(result: chrono.ParsedResult): string | null {
  const c = result.start;
  if (!c.isCertain('year') || !c.isCertain('month') || !c.isCertain('day')) return null;
  const [year, month, day] = [c.get('year')!, c.get('month')!, c.get('day')!];
  if (!c.isCertain('hour')) return instant(year, month, day);
  const offset = c.isCertain('timezoneOffset') ? (c.get('timezoneOffset') ?? 0) : 0;
  return instant(year, month, day, c.get('hour') ?? 0, c.get('minute') ?? 0, c.get('second') ?? 0, c.get('millisecond') ?? 0, offset);
}

/** A fixed reference, so that nothing chrono infers depends on today; a date must give its year anyway. */
const REFERENCE = new Date(Date.UTC(2000, 0, 1));

/**
 * A metadata value (`article:published_time`, JSON-LD `datePublished`, `<time datetime>`) as a
 * publication date, or null when it is none: empty, without a year, or not a date at all.
 */
export function publicationDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text || text.length > 100) return null;
  const iso = isoDate(text);
  if (iso || ISO.test(text)) return iso;
  // "2011-07-19T10:32:00.000+0100" and the like went above; what is left is a date written out
  // ("Tue, 19 Jul 2011 10:32:00 GMT", "July 19, 2011"), which must be the whole value.
  const [result] = chrono.strict.parse(text, REFERENCE);
  if (!result || result.text.length < text.replace(/[\s.,]+$/, '').length - 12) return null;
  return fromChrono(result);
}

/** How far into a plain-text article a dateline is looked for: its first non-empty lines only. */
const HEAD_LINES = 4;
/** "19 Jul 2011", "Tuesday 19 July 2011 10.32 BST": a line no longer than a date written out. */
const DATE_LINE_MAX = 60;

/** What may stand before a date on a line of its own: "Published:", "Posted on", "Date:". */
const DATE_LABEL = /^(?:(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|date[d:]?|on)\s*[:\-–—]?\s*/i;
/** "date 2024-01-31 (Outlet) In a …": a date after the word "date", then the article. */
const DATE_WORD = /^date\s+(\d{4}-\d{2}-\d{2})\b/i;
/**
 * "LONDON, July 19, 2011 (Reuters) -", "WASHINGTON, 19 July 2011 —": a place in capitals, a comma, a
 * date, then an agency in brackets or a dash that starts the story.
 */
const DATELINE = /^[\p{Lu}][\p{Lu}\s.'’-]{1,40}(?:,\s*[\p{L}\s.'’-]{1,30})?,\s*(.{6,40}?)\s*(?:\([^)]{1,40}\)\s*)?[-–—:]\s/u;

/** "Kestrel Bay, (Valley Wire - 12th May, 2021 ) :": a place, then the credit and the date in brackets. */
const CREDIT_DATELINE = /^[\p{L}][\p{L}\s.'’-]{1,40},\s*\([^()]{1,60}?\s[-–—]\s*([^()]{6,30}?)\s*\)\s*[:\-–—]/u;

function dateOfLine(line: string): string | null {
  const word = DATE_WORD.exec(line);
  if (word) return isoDate(word[1]!);
  const credit = CREDIT_DATELINE.exec(line);
  if (credit) {
    const found = publicationDate(credit[1]!);
    if (found) return found;
  }
  const dateline = DATELINE.exec(line);
  if (dateline) {
    const found = publicationDate(dateline[1]!);
    if (found) return found;
  }
  if (line.length > DATE_LINE_MAX) return null;
  // An "Updated …" line is not when the article came out.
  if (/^(?:last\s+)?(?:updated|modified|edited)\b/i.test(line)) return null;
  const bare = line
    .replace(DATE_LABEL, '')
    .replace(/[|•·]+/g, ' ')
    .trim();
  if (!bare) return null;
  const iso = isoDate(bare);
  if (iso) return iso;
  // The line must be the date and nothing more (a weekday, a time and a zone are part of it).
  const [result] = chrono.strict.parse(bare, REFERENCE);
  if (!result || result.index > 0) return null;
  const rest = bare.slice(result.text.length).trim();
  if (rest && !/^[,.]?$/.test(rest)) return null;
  return fromChrono(result);
}

/**
 * The publication date a plain-text or Markdown article gives at its head: a line that is only a date
 * ("19 Jul 2011", "July 19, 2011", "2011-07-19", "Tuesday 19 July 2011 10.32 BST"), "date 2024-01-31
 * (Outlet) …", or a wire dateline ("LONDON, July 19, 2011 (Reuters) -", "Lagos, (Wire - 12th May, 2021) :"). Only the first few non-empty
 * lines are looked at, so a date mentioned in the story ("last November") is never taken; a date
 * without a year is not a publication date.
 */
export function datelineDate(text: string): string | null {
  let seen = 0;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const found = dateOfLine(line);
    if (found) return found;
    if (++seen >= HEAD_LINES) break;
  }
  return null;
}
