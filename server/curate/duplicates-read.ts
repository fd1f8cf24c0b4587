/**
 * GET /api/duplicates: the graph's entities read from Neo4j, the pairs an analyst said are not the same,
 * the suggestions of server/curate/duplicates.ts, and for each side a few sentences that name it. All in
 * one read transaction, so that the suggestions and their evidence come from one state of the graph.
 *
 * Rejected entities (`:NewsgraphRejected`) and rejected links (`rejected: true`) are left out; an
 * entity's neighbours are the entities it is linked to (allegation nodes, one per document, say nothing
 * about who is who). Entities marked `ambiguous` are read but never suggested (see duplicates.ts).
 */
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { DuplicateList, DuplicateSide, EntityCategory } from '../../common/curate.js';
import type { Database } from '../db/database.js';
import { suggestDuplicates, type EntitySummary } from './duplicates.js';

export const DUPLICATES_DEFAULT_LIMIT = 50;
export const DUPLICATES_MAX_LIMIT = 200;
/** Evidence sentences per side. */
export const EVIDENCE_PER_SIDE = 3;

export async function readEntitySummaries(tx: ManagedTransaction): Promise<EntitySummary[]> {
  const result = await tx.run(
    `MATCH (e:Newsgraph:Entity) WHERE NOT e:NewsgraphRejected
     RETURN e.id AS id, e.name AS name, coalesce(e.aliases, []) AS aliases,
            CASE WHEN e:Person THEN 'person' WHEN e:Institution THEN 'institution' ELSE 'place' END AS category,
            e.kind AS kind, coalesce(e.ambiguous, false) AS ambiguous,
            COLLECT { MATCH (e)-[:MENTIONED_IN]->(d:Newsgraph:Document) RETURN DISTINCT d.id } AS documents,
            COLLECT { MATCH (e)-[r]-(n:Newsgraph:Entity)
                      WHERE type(r) <> 'MENTIONED_IN' AND coalesce(r.rejected, false) <> true AND NOT n:NewsgraphRejected AND n <> e
                      RETURN DISTINCT n.id } AS neighbours`,
  );
  return result.records.map((r) => {
    const row = r.toObject() as EntitySummary & { kind: unknown };
    return { ...row, name: String(row.name ?? row.id), kind: typeof row.kind === 'string' ? row.kind : null };
  });
}

/** The active "not the same" corrections, as pairs of ids; a change that cannot be read is skipped. */
export async function readDistinctPairs(tx: ManagedTransaction): Promise<[string, string][]> {
  const result = await tx.run(`MATCH (c:NewsgraphCorrection {action: 'distinct'}) WHERE c.revertedAt IS NULL RETURN c.change AS change`);
  const pairs: [string, string][] = [];
  for (const record of result.records) {
    try {
      const change = JSON.parse(String(record.get('change'))) as { action?: unknown; ids?: unknown };
      const ids = change.ids;
      if (change.action === 'distinct' && Array.isArray(ids) && ids.length === 2 && ids.every((id) => typeof id === 'string'))
        pairs.push(ids as [string, string]);
    } catch {
      // Not JSON: not a correction this reader can apply.
    }
  }
  return pairs;
}

interface EvidenceRow {
  id: string;
  linked: { sentence: string | null; doc: string; title: string | null }[];
  mentions: { doc: string; title: string | null; start: number; end: number; offset: number; window: string }[];
}

/**
 * The sentence of `window` (text from `offset`) around the span [start, end): from the last sentence end
 * before it (a full stop, question or exclamation mark with any closing quotes or brackets, then a space;
 * or a line break) to the next one after it.
 */
export function sentenceAround(window: string, offset: number, start: number, end: number): string {
  const from = Math.max(0, start - offset);
  const to = Math.min(window.length, Math.max(from, end - offset));
  let s = 0;
  for (const m of window.slice(0, from).matchAll(/[.!?]["'”’)\]]*\s+|\n/g)) s = m.index + m[0].length;
  const after = /[.!?]["'”’)\]]*(?=\s|$)|\n/.exec(window.slice(to));
  const e = after ? to + after.index + (after[0] === '\n' ? 0 : after[0].length) : window.length;
  return window.slice(s, e).replace(/\s+/g, ' ').trim();
}

/** Whether a sentence names the entity: one of its names, or the last word of one (a surname alone). */
export function namesEntity(sentence: string, forms: string[]): boolean {
  const text = sentence.toLowerCase();
  return forms.some((form) => {
    const f = form.toLowerCase().trim();
    const last = f.split(/\s+/).at(-1) ?? '';
    return (f.length > 0 && text.includes(f)) || (last.length >= 3 && text.includes(last));
  });
}

async function readEvidence(tx: ManagedTransaction, entities: EntitySummary[]): Promise<Map<string, DuplicateSide['evidence']>> {
  const forms = new Map(entities.map((e) => [e.id, [e.name, ...e.aliases]]));
  const ids = [...forms.keys()];
  const result = await tx.run(
    `UNWIND $ids AS id
     MATCH (e:Newsgraph:Entity {id: id})
     CALL (e) {
       OPTIONAL MATCH (e)-[r]-(x:Newsgraph)
       WHERE type(r) <> 'MENTIONED_IN' AND coalesce(r.rejected, false) <> true AND NOT x:NewsgraphRejected
       UNWIND range(0, size(coalesce(r.evDocs, [])) - 1) AS i
       WITH DISTINCT r.evDocs[i] AS doc, r.evSentences[i] AS sentence
       LIMIT 12
       OPTIONAL MATCH (d:Newsgraph:Document {id: doc})
       RETURN collect({sentence: sentence, doc: doc, title: d.title}) AS linked
     }
     CALL (e) {
       OPTIONAL MATCH (e)-[m:MENTIONED_IN]->(d:Newsgraph:Document)
       WITH d, m WHERE m IS NOT NULL AND size(coalesce(m.starts, [])) > 0
       WITH d, m LIMIT $perSide
       WITH d, m, CASE WHEN m.starts[0] > 400 THEN m.starts[0] - 400 ELSE 0 END AS offset
       RETURN collect({doc: d.id, title: d.title, start: m.starts[0], end: m.ends[0], offset: offset, window: substring(coalesce(d.text, ''), offset, 800)}) AS mentions
     }
     RETURN e.id AS id, linked, mentions`,
    { ids, perSide: neo4j.int(EVIDENCE_PER_SIDE) },
  );
  const evidence = new Map<string, DuplicateSide['evidence']>();
  for (const record of result.records) {
    const row = record.toObject() as EvidenceRow;
    const items: DuplicateSide['evidence'] = [];
    const sentences = new Set<string>();
    const docs = new Set<string>();
    const add = (sentence: string, doc: string, title: string | null, spread: boolean) => {
      if (items.length >= EVIDENCE_PER_SIDE || !sentence || sentences.has(sentence) || (spread && docs.has(doc))) return;
      sentences.add(sentence);
      docs.add(doc);
      items.push({ sentence, document: { id: doc, title } });
    };
    // Sentences from as many documents as there are first, then any.
    const candidates = [
      ...row.mentions.map((m) => ({ sentence: sentenceAround(m.window, m.offset, m.start, m.end), doc: m.doc, title: m.title })),
      // A link's evidence may be a sentence about something else (an allegation's, for its denier).
      ...row.linked
        .filter((l) => l.sentence && namesEntity(l.sentence, forms.get(row.id) ?? []))
        .map((l) => ({ sentence: l.sentence!, doc: l.doc, title: l.title })),
    ];
    for (const c of candidates) add(c.sentence, c.doc, c.title, true);
    for (const c of candidates) add(c.sentence, c.doc, c.title, false);
    evidence.set(row.id, items);
  }
  return evidence;
}

export async function duplicateSuggestions(
  db: Database,
  { category, limit = DUPLICATES_DEFAULT_LIMIT }: { category?: EntityCategory; limit?: number } = {},
): Promise<DuplicateList> {
  return db.read(async (tx) => {
    const entities = await readEntitySummaries(tx);
    const distinct = await readDistinctPairs(tx);
    const suggestions = suggestDuplicates(entities, distinct, { category, limit });
    const byId = new Map(entities.map((e) => [e.id, e]));
    const evidence = await readEvidence(
      tx,
      [...new Set(suggestions.flatMap((s) => s.ids))].map((id) => byId.get(id)!),
    );
    const side = (id: string): DuplicateSide => {
      const e = byId.get(id)!;
      return { id, name: e.name, aliases: e.aliases, category: e.category, kind: e.kind, documents: e.documents.length, evidence: evidence.get(id) ?? [] };
    };
    return { suggestions: suggestions.map((s) => ({ ids: s.ids, score: s.score, reasons: s.reasons, entities: [side(s.ids[0]), side(s.ids[1])] })) };
  });
}
