/**
 * The loader's Cypher: every statement parameterised and UNWIND-batched, run inside the managed
 * transaction the caller opens, so a batch of documents is written whole or not at all.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database.js';
import type { DocumentPlan } from './plan.js';
import type { KnownEntity } from './resolve.js';

export interface WriteCounts {
  nodesCreated: number;
  relationshipsCreated: number;
  nodesDeleted: number;
  relationshipsDeleted: number;
}

const EVIDENCE_APPEND = `
  SET r.evDocs = coalesce(r.evDocs, []) + row.evDocs,
      r.evSentences = coalesce(r.evSentences, []) + row.evSentences,
      r.evStarts = coalesce(r.evStarts, []) + row.evStarts,
      r.evEnds = coalesce(r.evEnds, []) + row.evEnds
  SET r.documents = size(reduce(seen = [], d IN r.evDocs | CASE WHEN d IN seen THEN seen ELSE seen + d END))`;

const STATEMENTS = {
  documents: `
    UNWIND $rows AS row
    MERGE (d:Document {id: row.id})
    SET d += row, d.loadedAt = datetime()`,
  entities: `
    UNWIND $rows AS row
    MERGE (e:Entity {id: row.id})
    SET e:$(row.label), e.name = row.name, e.aliases = row.aliases, e.kind = row.kind, e.ambiguous = row.ambiguous`,
  mentions: `
    UNWIND $rows AS row
    MATCH (e:Entity {id: row.entity}), (d:Document {id: row.doc})
    MERGE (e)-[r:MENTIONED_IN]->(d)
    SET r.count = row.count, r.starts = row.starts, r.ends = row.ends`,
  interactions: `
    UNWIND $rows AS row
    MATCH (a:Entity {id: row.source}), (b:Entity {id: row.target})
    MERGE (a)-[r:$(row.type)]->(b)
    SET r.evHedged = coalesce(r.evHedged, []) + row.hedged
    SET r.hedged = all(h IN r.evHedged WHERE h)
    ${EVIDENCE_APPEND}`,
  roles: `
    UNWIND $rows AS row
    MATCH (p:Entity {id: row.person}), (i:Entity {id: row.institution})
    MERGE (p)-[r:HOLDS_ROLE {title: row.title}]->(i)
    ${EVIDENCE_APPEND}`,
  titles: `
    UNWIND $rows AS row
    MATCH (p:Entity {id: row.person})
    SET p.titles = reduce(all = coalesce(p.titles, []), t IN row.titles | CASE WHEN t IN all THEN all ELSE all + t END)`,
  allegations: `
    UNWIND $rows AS row
    MERGE (a:Allegation {id: row.id})
    SET a.claim = row.claim, a.hedge = row.hedge, a.hedged = true, a.docId = row.doc,
        a.evDocs = [row.doc], a.evSentences = [row.sentence], a.evStarts = [row.start], a.evEnds = [row.end]`,
  allegationLinks: `
    UNWIND $rows AS row
    MATCH (e:Entity {id: row.entity}), (a:Allegation {id: row.allegation})
    CALL (e, a, row) {
      WITH e, a, row WHERE row.type = 'AGAINST'
      MERGE (a)-[r:AGAINST]->(e)
      SET r.evDocs = [row.doc], r.evSentences = [row.sentence], r.evStarts = [row.start], r.evEnds = [row.end], r.documents = 1
      UNION
      WITH e, a, row WHERE row.type <> 'AGAINST'
      MERGE (e)-[r:$(row.type)]->(a)
      SET r.evDocs = [row.doc], r.evSentences = [row.sentence], r.evStarts = [row.start], r.evEnds = [row.end], r.documents = 1
    }`,
};

/**
 * Removes what earlier versions of these documents contributed: their mentions, their evidence on
 * shared relationships (a relationship left with none is deleted), their allegations, and entities
 * no other document mentions. The documents' nodes stay, to be overwritten.
 */
const DELETE_DOCUMENT_DATA = `
  UNWIND $docs AS docId
  MATCH (d:Document {id: docId})
  OPTIONAL MATCH (e:Entity)-[:MENTIONED_IN]->(d)
  WITH docId, d, collect(e) AS mentioned
  CALL (docId, mentioned) {
    UNWIND mentioned AS e
    MATCH (e)-[r]-()
    WHERE r.evDocs IS NOT NULL AND docId IN r.evDocs
    WITH DISTINCT r, docId
    WITH r, [i IN range(0, size(r.evDocs) - 1) WHERE r.evDocs[i] <> docId] AS keep
    SET r.evDocs = [i IN keep | r.evDocs[i]], r.evSentences = [i IN keep | r.evSentences[i]],
        r.evStarts = [i IN keep | r.evStarts[i]], r.evEnds = [i IN keep | r.evEnds[i]],
        r.evHedged = CASE WHEN r.evHedged IS NULL THEN null ELSE [i IN keep | r.evHedged[i]] END
    SET r.documents = size(reduce(seen = [], x IN r.evDocs | CASE WHEN x IN seen THEN seen ELSE seen + x END))
    WITH r WHERE size(r.evDocs) = 0
    DELETE r
  }
  CALL (docId) {
    MATCH (a:Allegation {docId: docId})
    DETACH DELETE a
  }
  CALL (d) {
    MATCH (:Entity)-[m:MENTIONED_IN]->(d)
    DELETE m
  }
  CALL (mentioned) {
    UNWIND mentioned AS e
    WITH e WHERE NOT (e)-[:MENTIONED_IN]->()
    DETACH DELETE e
  }`;

function add(counts: WriteCounts, summary: { counters: { updates(): Record<string, number> } }): void {
  const u = summary.counters.updates();
  counts.nodesCreated += u.nodesCreated ?? 0;
  counts.relationshipsCreated += u.relationshipsCreated ?? 0;
  counts.nodesDeleted += u.nodesDeleted ?? 0;
  counts.relationshipsDeleted += u.relationshipsDeleted ?? 0;
}

export async function writePlans(tx: ManagedTransaction, plans: DocumentPlan[], replaced: string[]): Promise<WriteCounts> {
  const counts: WriteCounts = { nodesCreated: 0, relationshipsCreated: 0, nodesDeleted: 0, relationshipsDeleted: 0 };
  const run = async (query: string, params: Record<string, unknown>) => add(counts, (await tx.run(query, params)).summary);
  if (replaced.length) await run(DELETE_DOCUMENT_DATA, { docs: replaced });

  const flat = <T, R>(pick: (p: DocumentPlan) => T[], map: (row: T, p: DocumentPlan) => R) => plans.flatMap((p) => pick(p).map((row) => map(row, p)));
  await run(STATEMENTS.documents, { rows: plans.map((p) => p.document) });
  await run(STATEMENTS.entities, { rows: flat((p) => p.entities, (row) => row) });
  await run(STATEMENTS.mentions, { rows: flat((p) => p.mentions, (row, p) => ({ ...row, doc: p.document.id })) });
  await run(STATEMENTS.interactions, { rows: flat((p) => p.interactions, (row) => row) });
  await run(STATEMENTS.roles, { rows: flat((p) => p.roles, (row) => row) });
  await run(STATEMENTS.titles, { rows: flat((p) => p.titles, (row) => row) });
  await run(STATEMENTS.allegations, { rows: flat((p) => p.allegations, (row, p) => ({ id: row.id, claim: row.claim, hedge: row.hedge, sentence: row.sentence, start: row.start, end: row.end, doc: p.document.id })) });
  await run(STATEMENTS.allegationLinks, {
    rows: flat(
      (p) => p.allegations.flatMap((a) => a.links.map((l) => ({ ...l, a }))),
      ({ entity, type, a }, p) => ({ entity, type, allegation: a.id, doc: p.document.id, sentence: a.sentence, start: a.start, end: a.end }),
    ),
  });
  return counts;
}

/** What the loader needs to resolve names against the graph: every entity's id, names and category. */
export async function readEntityIndex(tx: ManagedTransaction): Promise<KnownEntity[]> {
  const result = await tx.run(
    `MATCH (e:Entity)
     RETURN e.id AS id, e.name AS name, coalesce(e.aliases, []) AS aliases, e.kind AS kind, coalesce(e.ambiguous, false) AS ambiguous,
            CASE WHEN e:Person THEN 'person' WHEN e:Institution THEN 'institution' ELSE 'place' END AS category`,
  );
  return result.records.map((r) => r.toObject() as unknown as KnownEntity);
}

/** The stored content hash of each document id given, for the unchanged/replaced decision. */
export async function readDocumentHashes(tx: ManagedTransaction, ids: string[]): Promise<Map<string, string>> {
  const result = await tx.run('UNWIND $ids AS id MATCH (d:Document {id: id}) RETURN d.id AS id, d.sha256 AS sha256', { ids });
  return new Map(result.records.map((r) => [r.get('id') as string, r.get('sha256') as string]));
}

/** Empties the database in bounded transactions (a single huge delete would exhaust memory). */
export async function deleteEverything(db: Database): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db.write(async (tx) => {
      const r = await tx.run('MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted');
      return r.records[0]?.get('deleted') as number;
    });
    total += deleted;
    if (deleted === 0) return total;
  }
}
