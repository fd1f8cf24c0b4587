/** The evidence behind one relationship: each sentence with the document it comes from. */
import type { EdgeEvidence, EvidenceItem } from '../../common/api.js';
import type { Database } from '../db/database.js';

export type { EdgeEvidence, EvidenceItem };
import { AppError } from '../errors.js';

export async function edgeEvidence(db: Database, elementId: string): Promise<EdgeEvidence> {
  const found = await db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (a)-[r]->(b) WHERE elementId(r) = $id
       CALL (r) {
         UNWIND range(0, size(coalesce(r.evDocs, [])) - 1) AS i
         OPTIONAL MATCH (d:Document {id: r.evDocs[i]})
         RETURN collect({sentence: r.evSentences[i], start: r.evStarts[i], end: r.evEnds[i],
                         document: {id: r.evDocs[i], title: d.title, outlet: d.outlet, url: d.url}}) AS evidence
       }
       RETURN elementId(r) AS id, type(r) AS type, coalesce(a.id, elementId(a)) AS source, coalesce(b.id, elementId(b)) AS target, evidence`,
      { id: elementId },
    );
    return result.records[0]?.toObject() as EdgeEvidence | undefined;
  });
  if (!found) throw new AppError('NOT_FOUND', `No relationship with id ${elementId}.`);
  return found;
}
