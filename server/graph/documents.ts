/** Documents as loaded: a list to browse, and one document's text with where each entity is mentioned. */
import neo4j from 'neo4j-driver';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { DocumentDetails, DocumentSummary } from '../../common/api.js';
import { andDocumentInRange, rangeParameters, type TimeRange } from './time.js';

export type { DocumentDetails, DocumentSummary };

/** A page of the documents, by title; with a `range`, only those published in it (and `total` counts those). */
export async function listDocuments(
  db: Database,
  options: { limit?: number; offset?: number; range?: TimeRange | null } = {},
): Promise<{ total: number; documents: DocumentSummary[] }> {
  const inRange = andDocumentInRange('d', options.range);
  return db.read(async (tx) => {
    const total = (await tx.run(`MATCH (d:Newsgraph:Document) WHERE true${inRange} RETURN count(d) AS n`, rangeParameters(options.range))).records[0]?.get(
      'n',
    ) as number;
    const result = await tx.run(
      `MATCH (d:Newsgraph:Document) WHERE true${inRange}
       RETURN d.id AS id, d.title AS title, d.outlet AS outlet, d.url AS url, d.file AS file, d.publishedAt AS publishedAt, d.byline AS byline, COUNT { (d)<-[:MENTIONED_IN]-() } AS entities
       ORDER BY coalesce(d.title, d.file), d.id SKIP $offset LIMIT $limit`,
      { offset: neo4j.int(options.offset ?? 0), limit: neo4j.int(options.limit ?? 50), ...rangeParameters(options.range) },
    );
    return { total, documents: result.records.map((r) => r.toObject() as DocumentSummary) };
  });
}

export async function documentDetails(db: Database, id: string): Promise<DocumentDetails> {
  const record = await db.read(
    async (tx) =>
      (
        await tx.run(
          `MATCH (d:Newsgraph:Document {id: $id})
         CALL (d) {
           OPTIONAL MATCH (e:Newsgraph:Entity)-[m:MENTIONED_IN]->(d) WHERE NOT e:NewsgraphRejected
           UNWIND CASE WHEN m IS NULL THEN [] ELSE range(0, size(m.starts) - 1) END AS i
           RETURN collect({entity: e.id, name: e.name, kind: [l IN labels(e) WHERE l IN ['Person', 'Institution', 'Place']][0], start: m.starts[i], end: m.ends[i]}) AS mentions
         }
         RETURN d.id AS id, d.title AS title, d.outlet AS outlet, d.url AS url, d.file AS file, d.publishedAt AS publishedAt, d.byline AS byline, d.text AS text,
                COUNT { (d)<-[:MENTIONED_IN]-() } AS entities, mentions`,
          { id },
        )
      ).records[0],
  );
  if (!record) throw new AppError('NOT_FOUND', `No document with id ${id}.`);
  const details = record.toObject() as DocumentDetails;
  details.mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  return details;
}
