/**
 * The time range in Cypher, in one place, as visible.ts is for what analysts rejected: every query that
 * takes `from`/`to` narrows with these fragments and passes rangeParameters (common/time.ts says what a
 * range is). A link is in range when one of its evidence documents was published in it; a mention
 * (MENTIONED_IN, which keeps no evidence list) when its document was. Variables are always the query's
 * own names, never input.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { isRangeSet, someDateInRange, dateInRange, TIMELINE_DAYS_MAX, type Timeline, type TimeRange } from '../../common/time.js';
import type { SerializedGraph } from '../../common/graph.js';
import { shownNode, shownRel } from './visible.js';

export type { TimeRange };

/** Bounds for an open side: every ISO string sorts after '' and before '9'; a null (undated) compares to neither. */
const OPEN_FROM = '';
const OPEN_TO = '9999-12-31T23:59:59.999Z';

/** `$rangeFrom` and `$rangeTo` for the fragments below (named apart from the `$from`/`$to` of paths). */
export function rangeParameters(range: TimeRange | null | undefined): { rangeFrom: string; rangeTo: string } {
  return { rangeFrom: range?.from ?? OPEN_FROM, rangeTo: range?.to ?? OPEN_TO };
}

/** What a graph's attributes say of the range it was cut to: `from` and `to` as ISO bounds, when set. */
export function rangeAttributes(range: TimeRange | null | undefined): { range?: TimeRange } {
  return isRangeSet(range) ? { range } : {};
}

/** True when the document bound to `d` was published in the range. */
export const documentInRange = (d: string): string => `(${d}.publishedAt >= $rangeFrom AND ${d}.publishedAt <= $rangeTo)`;

/** The ids of the documents behind the relationship bound to `r`, as server/graph/corroboration.ts documentsOf reads them. */
const documentsOf = (r: string): string => `coalesce(${r}.evDocs, CASE WHEN type(${r}) = 'MENTIONED_IN' THEN [endNode(${r}).id] ELSE [] END)`;

/** True when the relationship bound to `r` has an evidence document published in the range: one index seek per document. */
export const linkInRange = (r: string): string =>
  `EXISTS { UNWIND ${documentsOf(r)} AS rangeDocId MATCH (rangeDoc:Newsgraph:Document {id: rangeDocId}) WHERE ${documentInRange('rangeDoc')} }`;

/**
 * `AND` the link's range test when a range is set, nothing otherwise: a query without a range stays the
 * query it was, with no subquery per relationship to pay for.
 */
export function andLinkInRange(r: string, range: TimeRange | null | undefined): string {
  return isRangeSet(range) ? ` AND ${linkInRange(r)}` : '';
}

export function andDocumentInRange(d: string, range: TimeRange | null | undefined): string {
  return isRangeSet(range) ? ` AND ${documentInRange(d)}` : '';
}

/**
 * A graph already cut (a Cypher result, a list of nodes) narrowed to the range as the queries narrow
 * theirs: links with an evidence date in it (their `evidenceDates`), the nodes at their ends, and
 * documents published in it.
 */
export function narrowGraph(graph: SerializedGraph, range: TimeRange | null | undefined): SerializedGraph {
  if (!isRangeSet(range)) return graph;
  const edges = graph.edges.filter((e) => someDateInRange(e.attributes.evidenceDates, range));
  const ends = new Set(edges.flatMap((e) => [e.source, e.target]));
  const nodes = graph.nodes.filter(
    (n) => ends.has(n.key) || (n.attributes.kind === 'Document' && dateInRange(n.attributes.properties.publishedAt as string | undefined, range)),
  );
  return { ...graph, nodes, edges };
}

/** Days or months: the width of a bucket's key in an ISO string (YYYY-MM-DD or YYYY-MM). */
const WIDTH = { day: 10, month: 7 } as const;

const DOCUMENT_DAYS = `MATCH (d:Newsgraph:Document)
  RETURN substring(d.publishedAt, 0, 10) AS day, count(*) AS documents ORDER BY day`;

/** Each shown link once per bucket it has evidence in, or once among the undated (key null). */
const LINK_BUCKETS = `MATCH (a:Newsgraph)-[r]->(b:Newsgraph)
  WHERE type(r) <> 'MENTIONED_IN' AND ${shownRel('r')} AND ${shownNode('a')} AND ${shownNode('b')}
  CALL (r) {
    UNWIND coalesce(r.evDocs, []) AS id
    MATCH (d:Newsgraph:Document {id: id}) WHERE d.publishedAt IS NOT NULL
    RETURN collect(DISTINCT substring(d.publishedAt, 0, $width)) AS keys
  }
  UNWIND CASE WHEN size(keys) = 0 THEN [null] ELSE keys END AS key
  RETURN key, count(*) AS links`;

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Documents and links by day (months when the dated documents span more than TIMELINE_DAYS_MAX days), gaps included. */
export async function readTimeline(tx: ManagedTransaction): Promise<Timeline> {
  const days = (await tx.run(DOCUMENT_DAYS)).records.map((r) => ({ day: r.get('day') as string | null, documents: Number(r.get('documents')) }));
  const dated = days.filter((d): d is { day: string; documents: number } => d.day !== null);
  const undatedDocuments = days.filter((d) => d.day === null).reduce((n, d) => n + d.documents, 0);
  const first = dated[0]?.day;
  const last = dated.at(-1)?.day;
  const span = first && last ? (Date.parse(last) - Date.parse(first)) / 86_400_000 + 1 : 0;
  const unit: Timeline['unit'] = span > TIMELINE_DAYS_MAX ? 'month' : 'day';
  const width = WIDTH[unit];
  const links = new Map<string | null, number>();
  for (const r of (await tx.run(LINK_BUCKETS, { width })).records) links.set(r.get('key') as string | null, Number(r.get('links')));
  const documents = new Map<string, number>();
  for (const d of dated) documents.set(d.day.slice(0, width), (documents.get(d.day.slice(0, width)) ?? 0) + d.documents);
  // Links are dated by documents, so their keys lie between the first and last document's: the buckets run over those.
  const keys = [...documents.keys(), ...[...links.keys()].filter((k): k is string => k !== null)].sort();
  const buckets: Timeline['buckets'] = [];
  if (keys.length) {
    const end = keys.at(-1)!;
    for (let key = keys[0]!; key <= end; key = unit === 'day' ? addDays(key, 1) : nextMonth(key)) {
      buckets.push({ date: unit === 'day' ? key : `${key}-01`, documents: documents.get(key) ?? 0, links: links.get(key) ?? 0 });
    }
  }
  return { unit, buckets, undated: { documents: undatedDocuments, links: links.get(null) ?? 0 } };
}
