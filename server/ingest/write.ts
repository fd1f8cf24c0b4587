/**
 * The loader's Cypher: every statement parameterised and UNWIND-batched, run inside the managed
 * transaction the caller opens, so a batch of documents is written whole or not at all.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { NEWSGRAPH_LABEL } from '../db/schema.js';
import { INTERACTION_TYPES } from '../extract/index.js';
import { relationshipType, type DocumentMeta, type DocumentPlan, type EntityRow, type InteractionRow, type RoleRow } from './plan.js';
import type { KnownEntity } from './entity-index.js';

export interface WriteCounts {
  nodesCreated: number;
  relationshipsCreated: number;
  nodesDeleted: number;
  relationshipsDeleted: number;
}

/*
 * Documents in a batch are new, or replaced (their old data deleted first in the same transaction), so
 * whatever hangs off a document (mentions, allegations and their links) is created, not merged. Only
 * entities and interactions are shared between documents and need a look for what is already there.
 *
 * Interactions: a MERGE with a dynamic type (`MERGE (a)-[r:$(row.type)]->(b)`) is planned by Neo4j 5.26
 * as a locking merge over every relationship of both nodes (mentions included), 10–15× slower than a
 * typed MERGE and the loader's bottleneck. So the extractor's vocabulary gets one typed statement per
 * type, prepared once at start-up from that constant list (see typedInteractions: no input ever reaches
 * a statement's text). A type outside the vocabulary (another extractor's) takes the generic statement:
 * a plain OPTIONAL MATCH, then extend or create. Rows are aggregated per (source, type, target) for the
 * batch first, so no statement meets the same relationship twice. Two concurrent loads cannot both create
 * the same relationship: a typed MERGE locks both nodes before it creates, and the generic statement
 * takes the same locks itself (a SET of a property to its own value), so the second load waits and then
 * finds the first one's.
 *
 * Order and write volume (measured with bench:load): an entity already stored unchanged is not written
 * again (no lock, nothing logged), and mentions are created after the interactions, because a
 * relationship MERGE on nodes that already carry many relationships new in the same transaction reads
 * all of them from the transaction state.
 */
const STATEMENTS = {
  documents: `
    UNWIND $rows AS row
    MERGE (d:Newsgraph:Document {id: row.id})
    SET d += row, d.loadedAt = datetime()`,
  /** Each entity once per batch; one stored unchanged is matched and left alone. */
  entities: `
    UNWIND $rows AS row
    MERGE (e:Newsgraph:Entity {id: row.id})
    ON CREATE SET e:$(row.label), e.name = row.name, e.aliases = row.aliases, e.kind = row.kind, e.ambiguous = row.ambiguous
    FOREACH (_ IN CASE WHEN e.name <> row.name OR e.aliases <> row.aliases OR e.ambiguous <> row.ambiguous
                       OR coalesce(e.kind, '') <> coalesce(row.kind, '') THEN [1] ELSE [] END |
      SET e.name = row.name, e.aliases = row.aliases, e.kind = row.kind, e.ambiguous = row.ambiguous)`,
  mentions: `
    UNWIND $rows AS row
    MATCH (e:Newsgraph:Entity {id: row.id})
    UNWIND range(0, size(row.docs) - 1) AS i
    MATCH (d:Newsgraph:Document {id: row.docs[i]})
    CREATE (e)-[r:MENTIONED_IN]->(d)
    SET r.count = size(row.starts[i]), r.starts = row.starts[i], r.ends = row.ends[i]`,
  /** Rows are unique per (source, type, target) in a batch, so the look for an existing one cannot miss one created here. */
  interactions: `
    UNWIND $rows AS row
    MATCH (a:Newsgraph:Entity {id: row.source}), (b:Newsgraph:Entity {id: row.target})
    SET a.id = a.id, b.id = b.id
    WITH a, b, row
    OPTIONAL MATCH (a)-[old]->(b) WHERE type(old) = row.type
    FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
      CREATE (a)-[r:$(row.type)]->(b)
      SET r.documents = size(row.docs), r.evDocs = row.evDocs, r.evSentences = row.evSentences, r.evStarts = row.evStarts,
          r.evEnds = row.evEnds, r.evHedged = row.hedged, r.hedged = all(h IN row.hedged WHERE h))
    FOREACH (_ IN CASE WHEN old IS NULL THEN [] ELSE [1] END |
      SET old.documents = old.documents + size([d IN row.docs WHERE NOT d IN old.evDocs])
      SET old.evDocs = old.evDocs + row.evDocs, old.evSentences = old.evSentences + row.evSentences,
          old.evStarts = old.evStarts + row.evStarts, old.evEnds = old.evEnds + row.evEnds, old.evHedged = old.evHedged + row.hedged
      SET old.hedged = all(h IN old.evHedged WHERE h))`,
  roles: `
    UNWIND $rows AS row
    MATCH (p:Newsgraph:Entity {id: row.person}), (i:Newsgraph:Entity {id: row.institution})
    MERGE (p)-[r:HOLDS_ROLE {title: row.title}]->(i)
    SET r.documents = coalesce(r.documents, 0) + size([d IN row.docs WHERE NOT d IN coalesce(r.evDocs, [])])
    SET r.evDocs = coalesce(r.evDocs, []) + row.evDocs, r.evSentences = coalesce(r.evSentences, []) + row.evSentences,
        r.evStarts = coalesce(r.evStarts, []) + row.evStarts, r.evEnds = coalesce(r.evEnds, []) + row.evEnds`,
  titles: `
    UNWIND $rows AS row
    MATCH (p:Newsgraph:Entity {id: row.person})
    SET p.titles = reduce(all = coalesce(p.titles, []), t IN row.titles | CASE WHEN t IN all THEN all ELSE all + t END)`,
  allegations: `
    UNWIND $rows AS row
    CREATE (a:Newsgraph:Allegation {id: row.id})
    SET a.claim = row.claim, a.hedge = row.hedge, a.hedged = true, a.docId = row.doc,
        a.evDocs = [row.doc], a.evSentences = [row.sentence], a.evStarts = [row.start], a.evEnds = [row.end]`,
  /** ALLEGES, REPORTS, DENIES: from the entity to the allegation. */
  allegationSources: `
    UNWIND $rows AS row
    MATCH (e:Newsgraph:Entity {id: row.entity}), (a:Newsgraph:Allegation {id: row.allegation})
    CREATE (e)-[r:$(row.type)]->(a)
    SET r.documents = 1, r.evDocs = [row.doc], r.evSentences = [row.sentence], r.evStarts = [row.start], r.evEnds = [row.end]`,
  allegationTargets: `
    UNWIND $rows AS row
    MATCH (e:Newsgraph:Entity {id: row.entity}), (a:Newsgraph:Allegation {id: row.allegation})
    CREATE (a)-[r:AGAINST]->(e)
    SET r.documents = 1, r.evDocs = [row.doc], r.evSentences = [row.sentence], r.evStarts = [row.start], r.evEnds = [row.end]`,
};

/** The typed MERGE for one relationship type of the vocabulary. */
function typedInteractionStatement(type: string): string {
  return `
    UNWIND $rows AS row
    MATCH (a:Newsgraph:Entity {id: row.source}), (b:Newsgraph:Entity {id: row.target})
    MERGE (a)-[r:\`${type}\`]->(b)
    ON CREATE SET r.documents = 0, r.evDocs = [], r.evSentences = [], r.evStarts = [], r.evEnds = [], r.evHedged = []
    SET r.documents = r.documents + size([d IN row.docs WHERE NOT d IN r.evDocs])
    SET r.evDocs = r.evDocs + row.evDocs, r.evSentences = r.evSentences + row.evSentences,
        r.evStarts = r.evStarts + row.evStarts, r.evEnds = r.evEnds + row.evEnds, r.evHedged = r.evHedged + row.hedged
    SET r.hedged = all(h IN r.evHedged WHERE h)`;
}

/** Built once from constants: relationshipType() reduces each to [A-Z0-9_], and none comes from input. */
const TYPED_INTERACTIONS = new Map(
  INTERACTION_TYPES.map(relationshipType)
    .filter((t): t is string => t !== null)
    .map((t) => [t, typedInteractionStatement(t)]),
);

/**
 * Removes what earlier versions of these documents contributed: their mentions, their evidence on
 * shared relationships (a relationship left with none is deleted), their allegations, and entities
 * no other document mentions. The documents' nodes stay, to be overwritten.
 */
const DELETE_DOCUMENT_DATA = `
  UNWIND $docs AS docId
  MATCH (d:Newsgraph:Document {id: docId})
  OPTIONAL MATCH (e:Newsgraph:Entity)-[:MENTIONED_IN]->(d)
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
    MATCH (a:Newsgraph:Allegation {docId: docId})
    DETACH DELETE a
  }
  CALL (d) {
    MATCH (:Newsgraph:Entity)-[m:MENTIONED_IN]->(d)
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

interface InteractionBatchRow extends InteractionRow {
  docs: string[];
}

/** One row per (source, type, target) for the whole batch, evidence in document order. */
function interactionRows(plans: DocumentPlan[]): InteractionBatchRow[] {
  const rows = new Map<string, InteractionBatchRow>();
  for (const p of plans) {
    for (const i of p.interactions) {
      const key = `${i.source}|${i.type}|${i.target}`;
      const row = rows.get(key);
      if (!row) {
        rows.set(key, {
          ...i,
          hedged: [...i.hedged],
          evDocs: [...i.evDocs],
          evSentences: [...i.evSentences],
          evStarts: [...i.evStarts],
          evEnds: [...i.evEnds],
          docs: [...new Set(i.evDocs)],
        });
        continue;
      }
      row.hedged.push(...i.hedged);
      row.evDocs.push(...i.evDocs);
      row.evSentences.push(...i.evSentences);
      row.evStarts.push(...i.evStarts);
      row.evEnds.push(...i.evEnds);
      row.docs = [...new Set(row.evDocs)];
    }
  }
  return [...rows.values()];
}

/** An entity's mentions in the documents of a batch, as parallel lists: Bolt encodes lists far cheaper than a map per mention. */
interface MentionBatchRow {
  id: string;
  docs: string[];
  starts: number[][];
  ends: number[][];
}

/** Each entity once, in its latest state (it may grow a fuller name over the batch), and its mentions. */
function entityRows(plans: DocumentPlan[]): { entities: EntityRow[]; mentions: MentionBatchRow[] } {
  const entities = new Map<string, EntityRow>();
  const mentions = new Map<string, MentionBatchRow>();
  for (const p of plans) {
    for (const e of p.entities) entities.set(e.id, e);
    for (const m of p.mentions) {
      const row = mentions.get(m.entity) ?? { id: m.entity, docs: [], starts: [], ends: [] };
      row.docs.push(p.document.id);
      row.starts.push(m.starts);
      row.ends.push(m.ends);
      mentions.set(m.entity, row);
    }
  }
  return { entities: [...entities.values()], mentions: [...mentions.values()] };
}

/** Role rows likewise, so the MERGE never meets the same relationship twice in one statement. */
function roleRows(plans: DocumentPlan[]): (RoleRow & { docs: string[] })[] {
  const rows = new Map<string, RoleRow & { docs: string[] }>();
  for (const r of plans.flatMap((p) => p.roles)) {
    const key = `${r.person}|${r.title}|${r.institution}`;
    const row = rows.get(key) ?? { ...r, evDocs: [], evSentences: [], evStarts: [], evEnds: [], docs: [] };
    row.evDocs.push(...r.evDocs);
    row.evSentences.push(...r.evSentences);
    row.evStarts.push(...r.evStarts);
    row.evEnds.push(...r.evEnds);
    row.docs = [...new Set(row.evDocs)];
    rows.set(key, row);
  }
  return [...rows.values()];
}

export async function writePlans(tx: ManagedTransaction, plans: DocumentPlan[], replaced: string[]): Promise<WriteCounts> {
  const counts: WriteCounts = { nodesCreated: 0, relationshipsCreated: 0, nodesDeleted: 0, relationshipsDeleted: 0 };
  // A statement costs a round trip even with nothing to do: rowless ones are not sent.
  const run = async (query: string, params: { rows?: unknown[]; docs?: unknown[] }) => {
    if ((params.rows ?? params.docs ?? []).length === 0) return;
    add(counts, (await tx.run(query, params)).summary);
  };
  if (replaced.length) await run(DELETE_DOCUMENT_DATA, { docs: replaced });

  await run(STATEMENTS.documents, { rows: plans.map((p) => p.document) });
  const { entities, mentions } = entityRows(plans);
  await run(STATEMENTS.entities, { rows: entities });
  const byType = new Map<string, InteractionBatchRow[]>();
  for (const row of interactionRows(plans)) {
    if (!byType.has(row.type)) byType.set(row.type, []);
    byType.get(row.type)!.push(row);
  }
  for (const [type, rows] of byType) await run(TYPED_INTERACTIONS.get(type) ?? STATEMENTS.interactions, { rows });
  await run(STATEMENTS.mentions, { rows: mentions });

  await run(STATEMENTS.roles, { rows: roleRows(plans) });
  await run(STATEMENTS.titles, { rows: plans.flatMap((p) => p.titles) });
  await run(STATEMENTS.allegations, {
    rows: plans.flatMap((p) =>
      p.allegations.map((a) => ({ id: a.id, claim: a.claim, hedge: a.hedge, sentence: a.sentence, start: a.start, end: a.end, doc: p.document.id })),
    ),
  });
  const links = plans.flatMap((p) =>
    p.allegations.flatMap((a) =>
      a.links.map((l) => ({ entity: l.entity, type: l.type, allegation: a.id, doc: p.document.id, sentence: a.sentence, start: a.start, end: a.end })),
    ),
  );
  await run(STATEMENTS.allegationSources, { rows: links.filter((l) => l.type !== 'AGAINST') });
  await run(STATEMENTS.allegationTargets, { rows: links.filter((l) => l.type === 'AGAINST') });
  return counts;
}

/** What the loader needs to resolve names against the graph: every entity's id, names and category. */
export async function readEntityIndex(tx: ManagedTransaction): Promise<KnownEntity[]> {
  const result = await tx.run(
    `MATCH (e:Newsgraph:Entity)
     RETURN e.id AS id, e.name AS name, coalesce(e.aliases, []) AS aliases, e.kind AS kind, coalesce(e.ambiguous, false) AS ambiguous,
            CASE WHEN e:Person THEN 'person' WHEN e:Institution THEN 'institution' ELSE 'place' END AS category`,
  );
  return result.records.map((r) => r.toObject() as unknown as KnownEntity);
}

/** The stored content hash of each document id given, for the unchanged/replaced decision. */
export async function readDocumentHashes(tx: ManagedTransaction, ids: string[]): Promise<Map<string, string>> {
  const result = await tx.run('UNWIND $ids AS id MATCH (d:Newsgraph:Document {id: id}) RETURN d.id AS id, d.sha256 AS sha256', { ids });
  return new Map(result.records.map((r) => [r.get('id') as string, r.get('sha256') as string]));
}

export interface StoredDocument {
  sha256: string;
  file: string | null;
  publishedAt: string | null;
  byline: string | null;
}

/** What the loader compares a file with: the stored document's content hash, shown file name and what it says of itself. */
export async function readStoredDocuments(tx: ManagedTransaction, ids: string[]): Promise<Map<string, StoredDocument>> {
  const result = await tx.run(
    `UNWIND $ids AS id MATCH (d:Newsgraph:Document {id: id})
     RETURN d.id AS id, d.sha256 AS sha256, d.file AS file, d.publishedAt AS publishedAt, d.byline AS byline`,
    { ids },
  );
  return new Map(
    result.records.map((r) => [
      r.get('id') as string,
      {
        sha256: r.get('sha256') as string,
        file: r.get('file') as string | null,
        publishedAt: r.get('publishedAt') as string | null,
        byline: r.get('byline') as string | null,
      },
    ]),
  );
}

/**
 * An unchanged document (same text) whose file name, date or byline is new: a document loaded before
 * dates were read gets its date from a reload, a `date:` line (blanked, so not in the hash) corrected
 * takes effect. Nothing extracted changes.
 */
export interface DocumentRefresh {
  id: string;
  file: string;
  publishedAt: string | null;
  byline: string | null;
}

export function documentRefresh(before: StoredDocument, meta: DocumentMeta): DocumentRefresh | null {
  if (before.file === meta.file && (before.publishedAt ?? null) === meta.publishedAt && (before.byline ?? null) === meta.byline) return null;
  return { id: meta.id, file: meta.file, publishedAt: meta.publishedAt, byline: meta.byline };
}

/** New `file`, `publishedAt` and `byline` for unchanged documents (null removes the property): nothing else about them changes. */
export async function renameDocuments(tx: ManagedTransaction, rows: DocumentRefresh[]): Promise<void> {
  await tx.run(
    `UNWIND $rows AS row MATCH (d:Newsgraph:Document {id: row.id})
     SET d.file = row.file, d.publishedAt = row.publishedAt, d.byline = row.byline`,
    { rows },
  );
}

/**
 * Deletes newsgraph's nodes (and so their relationships) in bounded transactions (a single huge delete
 * would exhaust memory). Nodes newsgraph did not write stay, and so does the marker: the database is
 * still newsgraph's, only empty.
 */
export async function deleteNewsgraphData(db: Database): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db.write(async (tx) => {
      const r = await tx.run(`MATCH (n:${NEWSGRAPH_LABEL}) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted`);
      return r.records[0]?.get('deleted') as number;
    });
    total += deleted;
    if (deleted === 0) return total;
  }
}
