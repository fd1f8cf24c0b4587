/**
 * Full-text search over the articles: the documents whose title or text holds the user's words, each with
 * the sentences that hold them (words highlighted), the entities it mentions, and facets over every hit.
 *
 * What is searched, and why documents: evidence sentences live in relationships' `evSentences` lists, whose
 * elements a Neo4j full-text index cannot index one by one (a relationship index would make a link with
 * twenty sentences one Lucene document, and every article sentence would be indexed once per link it backs).
 * Every evidence sentence is a sentence of its document's `text` (evStarts/evEnds point into it), so the
 * one index `newsgraph_documents_text` over documents' `title` and `text` finds them all. For each hit on
 * the page, the snippets are cut here from `text` at sentence bounds around the matches, and a snippet
 * that is the evidence of a link (between two entities the document mentions) says which link: the
 * sentence as the graph read it. Highlights are offsets into each snippet; the client marks them with DOM
 * text nodes, so no HTML ever comes from here.
 *
 * The words: the index folds case and accents and leaves English stop words out, without stemming, so a
 * word finds itself in any case ("interference" finds "Interference"), and "Russia" finds "Russia's".
 * Every word must be in a hit (AND); "a quoted phrase" must be there in that order; a word ending in `*` is
 * a prefix. Anything else that is Lucene syntax (OR, -, ~, \, :, brackets) is just characters to leave out.
 *
 * Counting: Lucene ranks every match but hands over only the best `window` documents (1,000; 5,000 when a
 * filter is set, since filters are checked after it); `total` and the facets count those, `capped` says
 * when there were more. Rejected documents do not exist (see server/graph/visible.ts), but the entities
 * listed, counted and filtered by leave out rejected entities and links.
 */
import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { FULLTEXT_DOCUMENTS_INDEX } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { FacetCount, TextSearchHit, TextSearchResult, TextSnippet } from '../../common/api.js';
import { hasFulltextIndex, SEARCH_KINDS, type SearchKind } from './search.js';
import { REJECTED_LABEL, shownRel } from './visible.js';

export type { TextSearchHit, TextSearchResult, TextSnippet };

/** Lucene's English stop words, which the index's analyzer (standard-folding) leaves out: no word of a query on its own. */
const STOP_WORDS = new Set(
  'a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with'.split(' '),
);

/** A word as the index's tokenizer reads it: letters and digits, joined by an apostrophe or a dot inside ("Russia's", "U.S"). */
const WORD = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*/gu;

/** Letters ASCII folding turns into others that Unicode decomposition does not reach. */
const FOLDS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ł: 'l', ð: 'd', þ: 'th', ı: 'i', '’': "'" };

/** Printable ASCII and blanks: what folding leaves as it is but for case. */
const PLAIN = /^[\u0020-\u007e\s]*$/;

/** A word as the index keeps it: lower case, accents off, one kind of apostrophe. */
export function fold(word: string): string {
  // Most words of most articles are ASCII: lower case is all they need (normalize is the costly part).
  if (PLAIN.test(word)) return word.toLowerCase();
  return word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[øæœßđłðþı’]/g, (c) => FOLDS[c]!);
}

/** One thing to find: a word, a prefix (`word*`) or a phrase (words in that order). */
export interface SearchTerm {
  words: string[];
  prefix: boolean;
}

export interface TextQuery {
  lucene: string;
  terms: SearchTerm[];
}

const MAX_TERMS = 12;

/**
 * The Lucene query for a user's words, and the terms to highlight; null when no word is left to look up
 * (only stop words, or only punctuation). Words are rebuilt from letters and digits, so nothing of
 * Lucene's syntax ever reaches it.
 */
export function textQuery(q: string): TextQuery | null {
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  const add = (term: SearchTerm) => {
    const key = `${term.words.join(' ')}${term.prefix ? '*' : ''}`;
    if (!seen.has(key) && terms.length < MAX_TERMS) {
      seen.add(key);
      terms.push(term);
    }
  };
  const loose = (text: string) => {
    for (const m of text.matchAll(new RegExp(`${WORD.source}(\\*)?`, 'gu'))) {
      const prefix = Boolean(m[0].endsWith('*'));
      const word = fold(prefix ? m[0].slice(0, -1) : m[0]);
      // A prefix of one or two letters would match a dictionary; stop words are not in the index.
      if (prefix ? word.length >= 3 : !STOP_WORDS.has(word)) add({ words: [word], prefix });
    }
  };
  // "Quoted phrases" first; an unmatched quote is just a character.
  let rest = '';
  let last = 0;
  for (const m of q.matchAll(/"([^"]*)"/g)) {
    rest += `${q.slice(last, m.index)} `;
    last = m.index + m[0].length;
    const words = [...m[1]!.matchAll(WORD)].map((w) => fold(w[0]));
    if (words.some((w) => !STOP_WORDS.has(w))) add({ words, prefix: false });
  }
  loose(rest + q.slice(last));
  if (terms.length === 0) return null;
  const lucene = terms
    .map(({ words, prefix }) => {
      if (prefix) return `+${words[0]}*`;
      if (words.length > 1) return `+"${words.join(' ')}"`;
      const w = words[0]!;
      // The tokenizer keeps a possessive on its word: "Russia" also looks for "russia's".
      return w.endsWith("'s") ? `+${w}` : `+(${w} OR ${w}'s)`;
    })
    .join(' ');
  return { lucene, terms };
}

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(WORD)].map((m) => ({ word: fold(m[0]), start: m.index, end: m.index + m[0].length }));
}

function wordMatches(token: string, word: string, prefix: boolean): boolean {
  if (prefix) return token.startsWith(word);
  return token === word || token === `${word}'s`;
}

/**
 * Where the terms stand in `text`: [start, end) ranges in text order, not overlapping. A phrase matches as
 * Lucene matches it: its words at consecutive positions, a stop word in it standing for any word.
 */
export function findMatches(text: string, terms: SearchTerm[]): { start: number; end: number; term: number }[] {
  const list = tokens(text);
  const found: { start: number; end: number; term: number }[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let t = 0; t < terms.length; t++) {
      const { words, prefix } = terms[t]!;
      if (i + words.length > list.length) continue;
      const ok = words.every((w, k) => (words.length > 1 && STOP_WORDS.has(w)) || wordMatches(list[i + k]!.word, w, prefix));
      if (ok) {
        found.push({ start: list[i]!.start, end: list[i + words.length - 1]!.end, term: t });
        break;
      }
    }
  }
  // A phrase found over a word already found: keep the first, longest.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  return found.filter((m, k) => k === 0 || m.start >= found[k - 1]!.end);
}

/** Sentence bounds in `text`: after . ! or ? (and any closing quote or bracket) before a blank, and at blank lines. */
export function sentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const bound = /[.!?]+["'”’)\]]*(?=\s)|\n\s*\n/g;
  let start = 0;
  for (const m of text.matchAll(bound)) {
    const end = m.index + (m[0].startsWith('\n') ? 0 : m[0].length);
    if (end > start) out.push({ start, end });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length });
  // Leading blanks off each one.
  return out
    .map(({ start: s, end }) => {
      let k = s;
      while (k < end && /\s/.test(text[k]!)) k++;
      return { start: k, end };
    })
    .filter((s) => s.end > s.start);
}

export const SNIPPETS_PER_DOCUMENT = 3;
/** A sentence longer than this is cut around its first match. */
const SNIPPET_MAX = 280;

interface LinkEvidence {
  type: string;
  source: { id: string; name: string };
  target: { id: string; name: string };
  start: number;
  end: number;
}

/**
 * The sentences of `text` that hold the terms, best first then kept in text order: a sentence with more of
 * the terms is better. Each cut to at most SNIPPET_MAX characters around its matches, with the links whose
 * evidence it is.
 */
export function snippetsOf(text: string, terms: SearchTerm[], links: LinkEvidence[] = [], max = SNIPPETS_PER_DOCUMENT): TextSnippet[] {
  // Only a sentence that holds one of the words, as characters, is read word by word: a page of articles
  // is tens of thousands of words, of which a few sentences matter.
  const words = [...new Set(terms.flatMap((t) => t.words.filter((w) => terms.length === 1 || t.words.length === 1 || !STOP_WORDS.has(w))))];
  const hint = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
  const candidates = sentences(text)
    .filter((s) => {
      const raw = text.slice(s.start, s.end);
      return hint.test(PLAIN.test(raw) ? raw : fold(raw));
    })
    .map((s) => ({ ...s, matches: findMatches(text.slice(s.start, s.end), terms).map((m) => ({ ...m, start: m.start + s.start, end: m.end + s.start })) }))
    .filter((s) => s.matches.length > 0);
  if (candidates.length === 0) return [];
  const distinct = (s: (typeof candidates)[number]) => new Set(s.matches.map((m) => m.term)).size;
  const chosen = candidates
    .map((s, k) => ({ s, k }))
    .sort((a, b) => distinct(b.s) - distinct(a.s) || a.k - b.k)
    .slice(0, max)
    .sort((a, b) => a.k - b.k)
    .map(({ s }) => s);
  return chosen.map((s) => {
    let from = s.start;
    let to = s.end;
    if (to - from > SNIPPET_MAX) {
      // Around the first match: a third of the room before it, at a word's start.
      const first = s.matches[0]!;
      from = Math.max(s.start, first.start - Math.floor(SNIPPET_MAX / 3));
      if (from > s.start) from = text.indexOf(' ', from) + 1 || first.start;
      if (from > first.start) from = first.start;
      to = Math.min(s.end, from + SNIPPET_MAX);
      if (to < s.end) {
        const space = text.lastIndexOf(' ', to);
        if (space > first.end) to = space;
      }
    }
    const lead = from > s.start ? '…' : '';
    const tail = to < s.end ? '…' : '';
    const highlights = s.matches
      .filter((m) => m.start >= from && m.end <= to)
      .map((m) => [m.start - from + lead.length, m.end - from + lead.length] as [number, number]);
    const evidence = links.filter((l) => l.start >= s.start && l.end <= s.end && l.start < to && l.end > from);
    const seen = new Set<string>();
    return {
      text: `${lead}${text.slice(from, to)}${tail}`,
      start: from,
      highlights,
      links: evidence
        .filter((l) => {
          const key = `${l.source.id}|${l.type}|${l.target.id}`;
          return !seen.has(key) && Boolean(seen.add(key));
        })
        .map(({ type, source, target }) => ({ type, source, target })),
    };
  });
}

/** Lucene hands over at most this many best documents; filters are checked after it, so it takes more then. */
export const TEXT_SEARCH_WINDOW = 1000;
export const TEXT_SEARCH_FILTERED_WINDOW = 5000;
/** Entities listed with each hit. */
export const ENTITIES_PER_HIT = 12;
const FACET_VALUES = 20;

/**
 * The text search statement; exported so bench:search runs the very same Cypher through the bare driver.
 * One read: Lucene's best hits (in its order: best first), filtered; the facets and the total over all of them; then, for
 * the page only, each document's text, its entities, and the evidence it gives to links among them.
 */
export const TEXT_SEARCH_STATEMENT = `
  CALL db.index.fulltext.queryNodes($index, $query, {limit: $window}) YIELD node, score
  WITH collect({d: node, score: score}) AS found
  CALL (found) {
    UNWIND found AS h
    WITH h, h.d AS d
    WHERE d:Document
      AND ($outlet IS NULL OR d.outlet = $outlet)
      AND ($from IS NULL OR d.publishedAt >= $from)
      AND ($to IS NULL OR d.publishedAt <= $to)
      AND ($kind IS NULL OR EXISTS { MATCH (e:Newsgraph:Entity)-[:MENTIONED_IN]->(d) WHERE $kind IN labels(e) AND NOT e:${REJECTED_LABEL} })
    RETURN collect(h) AS hits
  }
  WITH size(found) AS returned, hits, size(hits) AS fetched
  CALL (hits) {
    UNWIND hits AS h
    WITH h.d.outlet AS value WHERE value IS NOT NULL
    WITH value, count(*) AS count ORDER BY count DESC, value LIMIT $facetValues
    RETURN collect({value: value, count: count}) AS outlets
  }
  CALL (hits) {
    UNWIND hits AS h
    CALL (h) {
      WITH h.d AS d
      MATCH (e:Newsgraph:Entity)-[:MENTIONED_IN]->(d) WHERE NOT e:${REJECTED_LABEL}
      UNWIND [l IN labels(e) WHERE l IN $kinds] AS kind
      RETURN DISTINCT kind
    }
    WITH kind, count(*) AS count ORDER BY count DESC, kind
    RETURN collect({value: kind, count: count}) AS kinds
  }
  CALL (hits) {
    UNWIND hits AS h
    WITH h.d.publishedAt AS at WHERE at IS NOT NULL
    WITH substring(at, 0, 7) AS month, count(*) AS count
    RETURN collect({value: month, count: count}) AS months
  }
  CALL (hits) {
    UNWIND hits[$offset..($offset + $limit)] AS h
    WITH h.d AS d, h.score AS score
    CALL (d) {
      MATCH (e:Newsgraph:Entity)-[m:MENTIONED_IN]->(d) WHERE NOT e:${REJECTED_LABEL}
      WITH e, m ORDER BY m.count DESC, e.name LIMIT $entities
      RETURN collect({id: e.id, name: e.name, kind: [l IN labels(e) WHERE l IN $kinds][0]}) AS entities
    }
    CALL (d) {
      MATCH (e:Newsgraph:Entity)-[:MENTIONED_IN]->(d) WHERE NOT e:${REJECTED_LABEL}
      WITH d, collect(e) AS mentioned
      UNWIND mentioned AS a
      UNWIND mentioned AS b
      MATCH (a)-[r]->(b) WHERE ${shownRel('r')} AND d.id IN r.evDocs
      UNWIND [i IN range(0, size(r.evDocs) - 1) WHERE r.evDocs[i] = d.id] AS i
      RETURN collect({type: type(r), source: {id: a.id, name: a.name}, target: {id: b.id, name: b.name},
                      start: r.evStarts[i], end: r.evEnds[i]}) AS links
    }
    RETURN collect({document: {id: d.id, title: d.title, url: d.url, outlet: d.outlet, publishedAt: d.publishedAt, file: d.file},
                    text: d.text, score: score, entities: entities, links: links}) AS page
  }
  RETURN returned, fetched, outlets, kinds, months, page`;

export interface TextSearchOptions {
  limit?: number;
  offset?: number;
  outlet?: string;
  kind?: SearchKind;
  /** Inclusive bounds on `publishedAt`, as ISO strings of its form (2024-01-31T00:00:00.000Z). */
  from?: string;
  to?: string;
}

/** The statement's parameters for a user's words, or null when they hold no word to look up. */
export function textSearchParameters(q: string, options: TextSearchOptions = {}): { params: Record<string, unknown>; query: TextQuery } | null {
  const query = textQuery(q);
  if (!query) return null;
  const filtered = Boolean(options.outlet || options.kind || options.from || options.to);
  return {
    query,
    params: {
      index: FULLTEXT_DOCUMENTS_INDEX,
      query: query.lucene,
      window: neo4j.int(filtered ? TEXT_SEARCH_FILTERED_WINDOW : TEXT_SEARCH_WINDOW),
      outlet: options.outlet ?? null,
      kind: options.kind ?? null,
      from: options.from ?? null,
      to: options.to ?? null,
      kinds: [...SEARCH_KINDS],
      facetValues: neo4j.int(FACET_VALUES),
      offset: neo4j.int(options.offset ?? 0),
      limit: neo4j.int(options.limit ?? 20),
      entities: neo4j.int(ENTITIES_PER_HIT),
    },
  };
}

interface PageRow {
  document: TextSearchHit['document'];
  text: string | null;
  score: number;
  entities: TextSearchHit['entities'];
  links: LinkEvidence[];
}

/** Years, or the months of the one year when every dated hit is of one. */
function dateFacet(months: FacetCount[]): FacetCount[] {
  const years = new Map<string, number>();
  for (const m of months) years.set(m.value.slice(0, 4), (years.get(m.value.slice(0, 4)) ?? 0) + m.count);
  const facet = years.size === 1 ? months : [...years].map(([value, count]) => ({ value, count }));
  return facet.sort((a, b) => a.value.localeCompare(b.value));
}

/** Builds the reply from the statement's one row: snippets and title highlights are cut here. */
export function textSearchReply(row: Record<string, unknown>, query: TextQuery, window: number): TextSearchResult {
  const page = row.page as PageRow[];
  const fetched = row.fetched as number;
  return {
    results: page.map((p) => ({
      document: {
        ...p.document,
        title: p.document.title ?? null,
        url: p.document.url ?? null,
        outlet: p.document.outlet ?? null,
        publishedAt: p.document.publishedAt ?? null,
        file: p.document.file ?? null,
      },
      score: p.score,
      titleHighlights: p.document.title ? findMatches(p.document.title, query.terms).map((m) => [m.start, m.end] as [number, number]) : [],
      snippets: snippetsOf(p.text ?? '', query.terms, p.links),
      entities: p.entities,
    })),
    facets: { outlets: row.outlets as FacetCount[], kinds: row.kinds as FacetCount[], dates: dateFacet(row.months as FacetCount[]) },
    total: fetched,
    // Lucene's count, before the filters: a full window means it had more to give.
    capped: (row.returned as number) >= window,
  };
}

export async function searchText(db: Database, q: string, options: TextSearchOptions = {}): Promise<TextSearchResult> {
  const prepared = textSearchParameters(q, options);
  const empty: TextSearchResult = { results: [], facets: { outlets: [], kinds: [], dates: [] }, total: 0, capped: false };
  if (!prepared) return empty;
  const window = (prepared.params.window as neo4j.Integer).toNumber();
  try {
    const row = await db.read(async (tx) => (await tx.run(TEXT_SEARCH_STATEMENT, prepared.params)).records[0]?.toObject());
    return row ? textSearchReply(row, prepared.query, window) : empty;
  } catch (err) {
    // A database newsgraph has not taken on (other data, no --init) has no index of ours: nothing to find.
    if (err instanceof AppError && err.code === 'NEO4J_ERROR' && !(await hasFulltextIndex(db, FULLTEXT_DOCUMENTS_INDEX))) return empty;
    throw err;
  }
}
