/** Entity search over the full-text index of names and aliases: prefix and fuzzy, ranked by Lucene score. */
import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { FULLTEXT_ENTITY_INDEX } from '../db/schema.js';
import type { SearchHit } from '../../common/api.js';
import { AppError } from '../errors.js';

export type { SearchHit };

export const SEARCH_KINDS = ['Person', 'Institution', 'Place'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Lucene treats these as syntax; in a user's words they are just characters. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/**
 * "blink" should find "Antony Blinken" and "blinkn" too: every word is looked up as a prefix and,
 * when long enough to tolerate a typo, fuzzily; an exact word scores highest.
 */
export function luceneQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .replace(LUCENE_SPECIAL, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0 && !['and', 'or', 'not', 'to'].includes(w));
  if (words.length === 0) return null;
  // Any word may match; an entity that matches more of them ranks higher.
  return words.map((w) => `(${w}^3 OR ${w}*${w.length >= 4 ? ` OR ${w}~1` : ''})`).join(' OR ');
}

/**
 * The search statement; exported so bench:api can run the very same Cypher straight through the driver.
 * Lucene itself keeps only the best `$fetch` hits: a short prefix matches tens of thousands of names in
 * a large graph, and reading each of them from the store to rank them here cost ten times the lookup.
 */
export const SEARCH_STATEMENT = `
  CALL db.index.fulltext.queryNodes($index, $query, {limit: $fetch}) YIELD node, score
  WHERE node:Entity AND NOT node:NewsgraphRejected AND ($kind IS NULL OR $kind IN labels(node))
  RETURN node.id AS id, node.name AS name, [l IN labels(node) WHERE l IN ['Person', 'Institution', 'Place']][0] AS kind,
         coalesce(node.aliases, []) AS aliases, score
  ORDER BY score DESC, size(node.name)
  LIMIT $limit`;

/** The statement's parameters for a user's text, or null when the text holds no word to look up. */
export function searchParameters(text: string, options: { kind?: SearchKind; limit?: number } = {}): Record<string, unknown> | null {
  const query = luceneQuery(text);
  if (!query) return null;
  const limit = options.limit ?? 10;
  // A kind is checked after Lucene's cut, so more hits are taken to leave `limit` of that kind.
  const fetch = options.kind ? Math.min(limit * 20, 2000) : limit * 2;
  return { index: FULLTEXT_ENTITY_INDEX, query, kind: options.kind ?? null, limit: neo4j.int(limit), fetch: neo4j.int(fetch) };
}

export async function searchEntities(db: Database, text: string, options: { kind?: SearchKind; limit?: number } = {}): Promise<SearchHit[]> {
  const params = searchParameters(text, options);
  if (!params) return [];
  try {
    return await db.read(async (tx) => {
      const result = await tx.run(SEARCH_STATEMENT, params);
      return result.records.map((r) => r.toObject() as SearchHit);
    });
  } catch (err) {
    // A database newsgraph has not taken on (other data, no --init) has no index of ours: nothing of ours to find.
    if (err instanceof AppError && err.code === 'NEO4J_ERROR' && !(await hasFulltextIndex(db, FULLTEXT_ENTITY_INDEX))) return [];
    throw err;
  }
}

/** Whether the database has this full-text index of ours: one that newsgraph has not taken on has none. */
export async function hasFulltextIndex(db: Database, index: string): Promise<boolean> {
  return db.read(
    async (tx) =>
      (await tx.run('SHOW FULLTEXT INDEXES YIELD name WHERE name = $index RETURN count(*) > 0 AS found', { index })).records[0]!.get('found') as boolean,
  );
}

/** An id, or a name as written: two index lookups. */
const NAMED_STATEMENT = `
  CALL () {
    MATCH (e:Newsgraph:Entity {id: $text}) RETURN e, 0 AS rank
    UNION
    MATCH (e:Newsgraph:Entity {name: $text}) RETURN e, 1 AS rank
  }
  RETURN e.id AS id, e.name AS name ORDER BY rank, e.id LIMIT 10`;

const same = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * The entity a person means by a name ("Antony Blinken", "blinken", "Secretary Blinken", or an id): the
 * one whose id or name it is, else whose name or an alias it is in any case, found through the
 * full-text index. Several make an AMBIGUOUS error that lists them, none a NOT_FOUND that suggests the
 * nearest names.
 */
export async function entityNamed(db: Database, text: string): Promise<{ id: string; name: string }> {
  const exact = await db.read(async (tx) => (await tx.run(NAMED_STATEMENT, { text })).records.map((r) => r.toObject() as { id: string; name: string }));
  if (exact.length === 1 || (exact.length > 1 && exact[0]!.id === text)) return exact[0]!;
  const hits = exact.length ? [] : await searchEntities(db, text, { limit: 20 });
  const matching = exact.length ? exact : hits.filter((h) => same(h.name, text) || h.aliases.some((a) => same(a, text)));
  if (matching.length === 1) return { id: matching[0]!.id, name: matching[0]!.name };
  if (matching.length > 1) {
    matching.sort((a, b) => a.name.localeCompare(b.name));
    throw new AppError(
      'AMBIGUOUS',
      `"${text}" names ${matching.length} entities: ${matching.map((f) => `${f.name} (${f.id})`).join(', ')}. Give the full name or the id.`,
    );
  }
  throw new AppError(
    'NOT_FOUND',
    `No entity is named "${text}".${
      hits.length
        ? ` Did you mean: ${hits
            .slice(0, 5)
            .map((h) => h.name)
            .join(', ')}?`
        : ''
    }`,
  );
}
