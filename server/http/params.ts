/**
 * zod building blocks for what arrives on the wire. The OpenAPI document is generated from the same
 * schemas (server/http/openapi.ts), so each one accepts exactly what its JSON Schema says and no more:
 * a query's whole number is digits, not "", " 5", "1e3" or "0x10", which `z.coerce.number()` would take.
 */
import { z } from 'zod';
import { MAX_QUERY_LENGTH } from '../cypher/guard.js';
import { timeRange, type TimeRange } from '../../common/time.js';

const DIGITS = /^-?\d+$/;

// z.preprocess hands the document its inner schema (an integer), and the server the strictness.
const fromDigits = (v: unknown): unknown => (typeof v === 'string' && DIGITS.test(v) ? Number(v) : v);

/** A whole number from a query string, documented as a JSON Schema integer in [min, max]. */
export function requiredWholeNumber(min: number, max: number, description: string) {
  return z.preprocess(fromDigits, z.number({ error: 'expected a whole number' }).int().min(min).max(max)).meta({ description });
}

/** The same, optional, with its default. */
export function wholeNumber(min: number, max: number, fallback: number, description: string) {
  return requiredWholeNumber(min, max, description).default(fallback);
}

/** One whole number only, for a branch of a query whose fields depend on each other. */
export function exactly<N extends number>(value: N, message: string) {
  return z.preprocess(fromDigits, z.literal(value, { error: message }));
}

/** Blanks as the document's pattern means them: no `\s`, whose meaning differs between JavaScript, Python and Rust. */
const BLANK = ' \\t\\n\\r';
const NOT_BLANK = new RegExp(`[^${BLANK}]`);
const TRIM = new RegExp(`^[${BLANK}]+|[${BLANK}]+$`, 'g');

/** Text that must say something: up to `max` characters, at least one not blank; the server trims it. */
export function text(max: number, what: string, tooLong?: string) {
  return z
    .string()
    .max(max, tooLong)
    .regex(NOT_BLANK, `give ${what}`)
    .transform((s) => s.replace(TRIM, ''));
}

/** Entity, document and allegation ids are ours (person:antony-blinken, doc:…): short and printable. */
export const MAX_ID_LENGTH = 300;
export const Id = z.string().min(1).max(MAX_ID_LENGTH);

/** Ids of the seed graph, as the document's examples: a tester that tries them reaches past the 404. */
export const EXAMPLE_IDS = { person: 'person:antony-blinken', other: 'person:wang-yi', document: 'doc:f2b7dc6b401b96eb0fa6' };

/** The path parameter of /entities/{id}, /documents/{id} and /edges/{id}/evidence. */
export function idParams(description: string, options: { max?: number; example?: string } = {}) {
  const { max = MAX_ID_LENGTH, example } = options;
  return z.object({
    id: z
      .string()
      .min(1)
      .max(max)
      .meta({ description, ...(example ? { examples: [example] } : {}) }),
  });
}

/**
 * A Cypher query. The document says `format: cypher`, which tells a reader, and a tester given a strategy
 * for it (test/helpers/schemathesis_hooks.py), that not every string is one; its length and blankness
 * are checked as refinements so that they stay part of that format rather than promise that any string
 * within them is a query.
 */
export function cypherText(description: string) {
  return z
    .string()
    .refine((s) => s.length <= MAX_QUERY_LENGTH, `the query is over ${MAX_QUERY_LENGTH} characters`)
    .refine((s) => NOT_BLANK.test(s), 'give the Cypher in query')
    .transform((s) => s.replace(TRIM, ''))
    .meta({
      description: `${description} (at most ${MAX_QUERY_LENGTH} characters)`,
      format: 'cypher',
      examples: ['MATCH (p:Person)-[r]-(q) RETURN p, r, q LIMIT 5'],
    });
}

/**
 * A comma-separated list in a query string, each item matching `item` (a regex source without anchors
 * or commas); at most `maxItems` items. The cap on items is written as a cap on length, so that the
 * document can say it: n items of at least one character need 2n−1 characters.
 */
export function commaList(item: string, maxItems: number, description: string, message: string) {
  const pattern = new RegExp(`^${item}(,${item})*$`);
  return z
    .string()
    .max(2 * maxItems - 1)
    .regex(pattern, message)
    .transform((s) => s.split(','))
    .meta({ description });
}

/**
 * One end of a time range: a day (YYYY-MM-DD, the whole of it in UTC) or an ISO 8601 datetime with its
 * zone, as zod's ISO formats define them (the document states their patterns).
 */
export function rangeDate(name: string, description: string) {
  // The message on each branch: a failed union is told by its nearest branch (server/http/errors.ts).
  const error = `${name} must be a date, YYYY-MM-DD, or an ISO 8601 datetime with its zone (2024-02-01T09:30:00Z)`;
  return z
    .union([z.iso.date({ error }), z.iso.datetime({ offset: true, error })])
    .meta({ description, examples: [name === 'to' || name === 'until' ? '2024-02-29' : '2024-02-01'] });
}

/** `from` and `to`, both optional and inclusive: what every route with a time range takes. */
export const rangeFields = rangeFieldsNamed('from', 'to');

/** The same fields under other names (`since`/`until` where `from`/`to` already name a path's two ends). */
export function rangeFieldsNamed<F extends string, T extends string>(from: F, to: T) {
  return {
    [from]: rangeDate(from, 'only links with evidence published on or after this day (or instant), and what they reach').optional(),
    [to]: rangeDate(to, 'only links with evidence published on or before this day (or instant), and what they reach').optional(),
  } as Record<F | T, z.ZodOptional<ReturnType<typeof rangeDate>>>;
}

/**
 * A range whose start is after its end is refused, saying both: JSON Schema cannot state it, so it is a
 * refinement. The names are the request's own (`since`/`until` where `from`/`to` name a path's ends).
 */
export function rangeInOrder(names: { from: string; to: string } = { from: 'from', to: 'to' }) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const [a, b] = [value[names.from], value[names.to]];
    if (typeof a !== 'string' || typeof b !== 'string') return;
    const range = timeRange(a, b);
    if (range?.from && range.to && range.from > range.to) {
      ctx.addIssue({ code: 'custom', path: [names.from], message: `${names.from} (${a}) is after ${names.to} (${b}): give the earlier date first` });
    }
  };
}

/** The range from validated bounds (null when neither is given). */
export function rangeOf(from: string | undefined, to: string | undefined): TimeRange | null {
  return from || to ? timeRange(from, to) : null;
}
