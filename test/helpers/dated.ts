/**
 * Four invented articles for the time tests: January, February, March and one without a date. In March
 * Maria Okonkwo meets Henrik Dalby again, so that link has evidence in January and March and none in
 * February. Part A's loader writes publishedAt from an article's date; until then the tests set it as
 * the contract (docs/data-model.md) says it looks.
 */
import type { Database } from '../../server/db/database.js';

export const DATED_ARTICLES = {
  'jan.txt': 'title: Harbour talks\n\nMaria Okonkwo met Henrik Dalby in Oslo on Monday to discuss the harbour contract.\n',
  'feb.txt':
    'title: Grain deal\n\nMaria Okonkwo met Priya Raman in Warsaw on Tuesday. Priya Raman later met Tomasz Wielgus. Prosecutors allege that Tomasz Wielgus took bribes from a grain trader.\n',
  'mar.txt': 'title: Rail plan\n\nMaria Okonkwo met Lucas Ferreira in Lisbon on Friday about the rail plan. Maria Okonkwo also met Henrik Dalby again.\n',
  'undated.txt': 'title: Undated note\n\nMaria Okonkwo met Sofia Lindqvist in Stockholm.\n',
};

export const PUBLISHED: Record<string, string> = {
  'jan.txt': '2024-01-10T00:00:00.000Z',
  'feb.txt': '2024-02-14T09:30:00.000Z',
  'mar.txt': '2024-03-05T00:00:00.000Z',
};

/** Sets each dated article's publishedAt; returns every document's id by file name. */
export async function dateDocuments(db: Database): Promise<Record<string, string>> {
  await db.write(async (tx) => {
    for (const [file, at] of Object.entries(PUBLISHED))
      await tx.run('MATCH (d:Newsgraph:Document) WHERE d.file ENDS WITH $file SET d.publishedAt = $at', { file, at });
  });
  const rows = await db.read((tx) => tx.run('MATCH (d:Newsgraph:Document) RETURN d.file AS file, d.id AS id'));
  return Object.fromEntries(rows.records.map((r) => [(r.get('file') as string).split('/').at(-1)!, r.get('id') as string]));
}
