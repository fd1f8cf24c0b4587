/**
 * The timeline's state, apart from the page: which buckets the brush covers, how a handle moves, what
 * range that is in days, how it goes in the address, and which links it keeps. Pure functions, tested in
 * node; timeline.ts draws them and wires the events.
 *
 * The range filters the canvas in place, by each link's `evidenceDates` (the server's rule, common/time.ts),
 * rather than by reloading the view with from/to: dragging the brush answers at once with no request per
 * move, the canvas keeps what the user built on it (expansions, pages, positions, pins, undo history),
 * and it works the same for every canvas (a query's result, paths, an investigation), which no single
 * endpoint could reload. The server's from/to serve the API, exports and scripts.
 */
import { someDateInRange, timeRange, isDay, type Timeline } from '../../../common/time.js';

/** A range of whole days, YYYY-MM-DD, both inclusive. */
export interface DayRange {
  from: string;
  to: string;
}

/** The buckets the brush covers, by index, start ≤ end. */
export interface Brush {
  start: number;
  end: number;
}

export type Handle = 'start' | 'end';

/** The last day of the bucket that starts on `date`: the day itself, or the month's last. */
export function lastDayOf(date: string, unit: Timeline['unit']): string {
  if (unit === 'day') return date;
  const [y, m] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The days a brush covers. */
export function rangeOfBrush(timeline: Timeline, brush: Brush): DayRange {
  return { from: timeline.buckets[brush.start]!.date, to: lastDayOf(timeline.buckets[brush.end]!.date, timeline.unit) };
}

/** The bucket a day falls in, held to the timeline's ends. */
export function bucketIndexOf(timeline: Timeline, day: string): number {
  const { buckets } = timeline;
  let index = 0;
  for (let i = 0; i < buckets.length && buckets[i]!.date <= day; i++) index = i;
  return index;
}

/** Where the brush stands for a range (a range from the address need not fall on buckets); no range covers everything. */
export function brushOfRange(timeline: Timeline, range: DayRange | null): Brush {
  const last = Math.max(0, timeline.buckets.length - 1);
  if (!range) return { start: 0, end: last };
  return brushBetween(bucketIndexOf(timeline, range.from), bucketIndexOf(timeline, range.to));
}

/** The brush between two buckets, whichever way it was dragged. */
export function brushBetween(a: number, b: number): Brush {
  return { start: Math.min(a, b), end: Math.max(a, b) };
}

/** A handle moved by `delta` buckets, held inside the timeline and never past the other handle. */
export function moveHandle(brush: Brush, handle: Handle, delta: number, count: number): Brush {
  if (handle === 'start') return { start: Math.max(0, Math.min(brush.end, brush.start + delta)), end: brush.end };
  return { start: brush.start, end: Math.min(count - 1, Math.max(brush.start, brush.end + delta)) };
}

/** How far a key moves a handle, as a slider's keys do (WAI-ARIA): null for a key it does not take. */
export function keyMove(key: string, handle: Handle, brush: Brush, count: number): number | null {
  const page = Math.max(1, Math.round(count / 10));
  const at = handle === 'start' ? brush.start : brush.end;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return -1;
    case 'ArrowRight':
    case 'ArrowUp':
      return 1;
    case 'PageDown':
      return -page;
    case 'PageUp':
      return page;
    case 'Home':
      return -at;
    case 'End':
      return count - 1 - at;
    default:
      return null;
  }
}

/** The bucket under a point `x` pixels into a strip `width` wide of `count` bars. */
export function bucketAt(x: number, width: number, count: number): number {
  if (count === 0 || width <= 0) return 0;
  return Math.max(0, Math.min(count - 1, Math.floor((x / width) * count)));
}

/** True when one of the link's evidence dates lies in the days of `range`; every link when there is none. */
export function linkInRange(evidenceDates: readonly string[] | undefined, range: DayRange | null): boolean {
  if (!range) return true;
  const bounds = timeRange(range.from, range.to);
  return bounds ? someDateInRange(evidenceDates, bounds) : true;
}

/** The range in a query string (`from`, `to`: days); one side alone is open on the other. Null and a problem when malformed. */
export function parseRange(search: string): { range: DayRange | null; problem: string | null } {
  const params = new URLSearchParams(search);
  const from = params.get('from');
  const to = params.get('to');
  if (from === null && to === null) return { range: null, problem: null };
  const bad = [from !== null && !isDay(from) && 'from', to !== null && !isDay(to) && 'to'].filter(Boolean);
  if (bad.length) return { range: null, problem: `${bad.join(' and ')} must be a day, YYYY-MM-DD` };
  const range = { from: from ?? '0000-01-01', to: to ?? '9999-12-31' };
  if (range.from > range.to) return { range: null, problem: `from (${range.from}) is after to (${range.to})` };
  return { range, problem: null };
}

/** The query string with the range in it (or out of it, when null), keeping every other parameter. */
export function formatRange(range: DayRange | null, search: string): string {
  const params = new URLSearchParams(search);
  params.delete('from');
  params.delete('to');
  if (range) {
    params.set('from', range.from);
    params.set('to', range.to);
  }
  const text = params.toString().replace(/%3A/gi, ':');
  return text ? `?${text}` : '';
}

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const MONTH_FORMAT = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 14 Feb 2024; Feb 2024 for a month's bucket. */
export function dayLabel(day: string, unit: Timeline['unit'] = 'day'): string {
  return (unit === 'month' ? MONTH_FORMAT : DAY_FORMAT).format(new Date(`${day}T00:00:00.000Z`));
}

/** "1 Feb – 29 Feb 2024" (the year once when both ends share it), "30 Dec 2023 – 2 Jan 2024", or one day alone. */
export function rangeLabel(range: DayRange): string {
  if (range.from === range.to) return dayLabel(range.from);
  const [from, to] = [dayLabel(range.from), dayLabel(range.to)];
  const sameYear = range.from.slice(0, 4) === range.to.slice(0, 4);
  return `${sameYear ? from.replace(/ \d{4}$/, '') : from} – ${to}`;
}

/** A date as the edge panel says it: 14 Feb 2024, with the time when it is not midnight UTC (a date known to the day). */
export function publishedLabel(iso: string): string {
  const day = dayLabel(iso.slice(0, 10));
  const time = iso.slice(11, 16);
  return iso.slice(11, 23) === '00:00:00.000' ? day : `${day}, ${time} UTC`;
}

/** The first and last publication dates among a link's evidence items (undefined when none is dated). */
export function seenOf(items: readonly { document: { publishedAt?: string | null } }[]): { firstSeen?: string; lastSeen?: string } {
  const dates = items
    .map((i) => i.document.publishedAt)
    .filter((d): d is string => typeof d === 'string')
    .sort();
  return { firstSeen: dates[0], lastSeen: dates.at(-1) };
}

/** What the edge panel says of when a link was reported: its first and last evidence dates. */
export function seenLabel(firstSeen: string | undefined, lastSeen: string | undefined): string {
  if (!firstSeen || !lastSeen) return 'No evidence document is dated.';
  const [a, b] = [dayLabel(firstSeen.slice(0, 10)), dayLabel(lastSeen.slice(0, 10))];
  return a === b ? `Reported on ${a}.` : `Reported from ${a} to ${b}.`;
}

/** Each bar's height in pixels beside the tallest (a bar with something in it is never less than 2 px). */
export function barHeights(values: readonly number[], max: number): number[] {
  const top = Math.max(1, ...values);
  return values.map((v) => (v === 0 ? 0 : Math.max(2, Math.round((v / top) * max))));
}
