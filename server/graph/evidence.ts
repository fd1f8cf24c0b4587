/** The evidence behind one relationship: each sentence with the document it comes from. */
import type { EdgeEvidence, EvidenceItem } from '../../common/api.js';
import type { Database } from '../db/database.js';

export type { EdgeEvidence, EvidenceItem };
import { AppError } from '../errors.js';

/**
 * A subquery collecting `evidence`: the evidence items (sentence, offsets, document) kept on the
 * relationship or allegation bound to `variable` as parallel lists (see docs/data-model.md).
 * `variable` is always one of our constant names, never input.
 */
export function evidenceOf(variable: 'r' | 'e'): string {
  const v = variable;
  return `CALL (${v}) {
         UNWIND range(0, size(coalesce(${v}.evDocs, [])) - 1) AS i
         OPTIONAL MATCH (d:Newsgraph:Document {id: ${v}.evDocs[i]})
         RETURN collect({sentence: ${v}.evSentences[i], start: ${v}.evStarts[i], end: ${v}.evEnds[i],
                         document: {id: ${v}.evDocs[i], title: d.title, outlet: d.outlet, url: d.url, publishedAt: d.publishedAt}}) AS evidence
       }`;
}

export async function edgeEvidence(db: Database, elementId: string): Promise<EdgeEvidence> {
  const found = await db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (a:Newsgraph)-[r]->(b:Newsgraph) WHERE elementId(r) = $id
       ${evidenceOf('r')}
       RETURN elementId(r) AS id, type(r) AS type, coalesce(a.id, elementId(a)) AS source, coalesce(b.id, elementId(b)) AS target, evidence`,
      { id: elementId },
    );
    return result.records[0]?.toObject() as EdgeEvidence | undefined;
  });
  if (!found) throw new AppError('NOT_FOUND', `No relationship with id ${elementId}.`);
  return found;
}
