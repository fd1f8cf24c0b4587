/**
 * What a note is about, pinned down: an entity or allegation, a document, or a relationship named by
 * what it joins (RelationshipRef), never by Neo4j's element id, which a reload that re-creates the
 * relationship changes. Each target has one key (`targetKey`) that notes are looked up by.
 */
import type { NoteTarget, RelationshipRef } from '../../common/curate.js';
import type { Database } from '../db/database.js';
import { readEdgeRef } from '../curate/graph-io.js';
import { AppError } from '../errors.js';
import { linkLabel } from './label.js';

/** 'entity:<id>' | 'document:<id>' | 'rel:<source>|<TYPE>|<target>[|title]'. */
export function targetKey(target: NoteTarget): string {
  if ('entity' in target) return `entity:${target.entity}`;
  if ('document' in target) return `document:${target.document}`;
  const { source, type, target: end, title } = target.relationship;
  return `rel:${source}|${type}|${end}${title === undefined ? '' : `|${title}`}`;
}

const RELATIONSHIP_STATEMENT = `
  MATCH (a:Newsgraph {id: $source})-[r]->(b:Newsgraph {id: $target})
  WHERE type(r) = $type AND ($title IS NULL OR r.title = $title) AND NOT coalesce(r.rejected, false)
  RETURN coalesce(a.name, a.claim, a.title, a.id) AS from, coalesce(b.name, b.claim, b.title, b.id) AS to
  LIMIT 1`;

const ENTITY_STATEMENT = `
  MATCH (e:Newsgraph {id: $id}) WHERE (e:Entity OR e:Allegation) AND NOT e:NewsgraphRejected
  RETURN coalesce(e.name, e.claim, e.id) AS label`;

const DOCUMENT_STATEMENT = `MATCH (d:Newsgraph:Document {id: $id}) RETURN coalesce(d.title, d.file, d.id) AS label`;

/** The ref of the (not rejected) relationship an edge key names; NOT_FOUND when there is none. */
export async function relationshipOfEdge(db: Database, edge: string): Promise<{ ref: RelationshipRef; label: string }> {
  const found = await db.read((tx) => readEdgeRef(tx, edge));
  if (!found) throw new AppError('NOT_FOUND', `No relationship with the edge key ${edge}: it may have been re-created by a reload; open the link again.`);
  return found;
}

/** The target as stored, with what it is called; NOT_FOUND when the graph has no such thing. */
export async function resolveTarget(db: Database, target: NoteTarget | { edge: string }): Promise<{ target: NoteTarget; label: string }> {
  if ('edge' in target) {
    const { ref, label } = await relationshipOfEdge(db, target.edge);
    return { target: { relationship: ref }, label };
  }
  if ('relationship' in target) {
    const ref = target.relationship;
    const record = await db.read(async (tx) => (await tx.run(RELATIONSHIP_STATEMENT, { ...ref, title: ref.title ?? null })).records[0]);
    if (!record) throw new AppError('NOT_FOUND', `No ${ref.type} relationship from ${ref.source} to ${ref.target}${ref.title ? ` titled ${ref.title}` : ''}.`);
    return { target, label: linkLabel(record.get('from') as string, ref.type, record.get('to') as string) };
  }
  const [statement, id, what] =
    'entity' in target ? [ENTITY_STATEMENT, target.entity, 'entity or allegation'] : [DOCUMENT_STATEMENT, target.document, 'document'];
  const label = await db.read(async (tx) => (await tx.run(statement, { id })).records[0]?.get('label') as string | undefined);
  if (label === undefined) throw new AppError('NOT_FOUND', `No ${what} with id ${id}.`);
  return { target, label };
}
