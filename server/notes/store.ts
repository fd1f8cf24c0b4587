/**
 * Notes in Neo4j: (:NewsgraphNote {id, target (JSON), targetKey, label, text, by, at, updatedAt}), apart
 * from the news graph (not :Newsgraph, so graph reads, exports and resets never meet them), searched
 * through the full-text index `newsgraph_notes` on their text.
 */
import { randomUUID } from 'node:crypto';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import type { Note, NoteTarget } from '../../common/curate.js';
import type { Database } from '../db/database.js';
import { FULLTEXT_NOTES_INDEX, NOTE_LABEL } from '../db/schema.js';
import { AppError } from '../errors.js';
import { notesQuery } from './label.js';
import { resolveTarget, targetKey } from './target.js';

export const NOTE_TEXT_MAX = 10_000;
export const NOTES_DEFAULT_LIMIT = 50;
export const NOTES_MAX_LIMIT = 500;

/**
 * The note's fields, its label read afresh where the target is an entity, allegation or document that
 * is still there (an entity renamed since keeps its notes under its new name).
 */
const returnNote = (order: string) => `
  OPTIONAL MATCH (t:Newsgraph {id: CASE WHEN n.targetKey STARTS WITH 'entity:' THEN substring(n.targetKey, 7)
                                      WHEN n.targetKey STARTS WITH 'document:' THEN substring(n.targetKey, 9) END})
  RETURN n.id AS id, n.target AS target, coalesce(t.name, t.claim, t.title, n.label) AS label, n.text AS text,
         n.by AS by, n.at AS at, n.updatedAt AS updatedAt
  ORDER BY ${order}`;
const RETURN_NOTE = returnNote('n.at, n.id');

function toNote(record: { get(key: string): unknown }): Note {
  return {
    id: record.get('id') as string,
    target: JSON.parse(record.get('target') as string) as NoteTarget,
    label: record.get('label') as string,
    text: record.get('text') as string,
    by: record.get('by') as string,
    at: record.get('at') as string,
    updatedAt: record.get('updatedAt') as string,
  };
}

export async function createNote(db: Database, input: { target: NoteTarget | { edge: string }; text: string; by: string }): Promise<Note> {
  const { target, label } = await resolveTarget(db, input.target);
  const at = new Date().toISOString();
  const props = { id: randomUUID(), target: JSON.stringify(target), targetKey: targetKey(target), label, text: input.text, by: input.by, at, updatedAt: at };
  return db.write(async (tx) => toNote((await tx.run(`CREATE (n:${NOTE_LABEL}) SET n = $props WITH n ${RETURN_NOTE}`, { props })).records[0]!));
}

export async function updateNote(db: Database, id: string, text: string): Promise<Note> {
  const record = await db.write(
    async (tx) =>
      (
        await tx.run(`MATCH (n:${NOTE_LABEL} {id: $id}) SET n.text = $text, n.updatedAt = $now WITH n ${RETURN_NOTE}`, {
          id,
          text,
          now: new Date().toISOString(),
        })
      ).records[0],
  );
  if (!record) throw new AppError('NOT_FOUND', `No note with id ${id}.`);
  return toNote(record);
}

export async function deleteNote(db: Database, id: string): Promise<void> {
  const deleted = await db.write(
    async (tx) => (await tx.run(`MATCH (n:${NOTE_LABEL} {id: $id}) DELETE n RETURN count(*) AS n`, { id })).records[0]!.get('n') as number,
  );
  if (!deleted) throw new AppError('NOT_FOUND', `No note with id ${id}.`);
}

/** The notes on one target, oldest first (a conversation reads down). */
export async function notesOn(db: Database, target: NoteTarget, limit = NOTES_DEFAULT_LIMIT): Promise<Note[]> {
  return db.read(async (tx) =>
    (
      await tx.run(`MATCH (n:${NOTE_LABEL} {targetKey: $key}) WITH n ORDER BY n.at, n.id LIMIT $limit ${RETURN_NOTE}`, {
        key: targetKey(target),
        limit: neo4j.int(limit),
      })
    ).records.map(toNote),
  );
}

/**
 * Each note (`n`) whose target key is one of `$keys`, or that is on a link with `both` or `either` of its
 * ends among `$ids`: a link's ends are the first and third parts of its key.
 */
const notesOnNodesAndLinks = (ends: 'both' | 'either') => `
  CALL () {
    UNWIND $keys AS key MATCH (n:${NOTE_LABEL} {targetKey: key}) RETURN n
    UNION
    MATCH (n:${NOTE_LABEL}) WHERE n.targetKey STARTS WITH 'rel:'
    WITH n, split(substring(n.targetKey, 4), '|') AS parts WHERE parts[0] IN $ids ${ends === 'both' ? 'AND' : 'OR'} parts[2] IN $ids
    RETURN n
  }`;

/**
 * The notes on these nodes (entities, allegations, documents) and on the links among them: what an
 * investigation of these nodes carries, oldest first.
 */
export async function notesAmong(db: Database, ids: string[]): Promise<Note[]> {
  if (ids.length === 0) return [];
  const keys = ids.flatMap((id) => [targetKey({ entity: id }), targetKey({ document: id })]);
  return db.read(async (tx) => (await tx.run(`${notesOnNodesAndLinks('both')} WITH n ${RETURN_NOTE}`, { keys, ids })).records.map(toNote));
}

/** The latest notes, newest first. */
export async function latestNotes(db: Database, limit = NOTES_DEFAULT_LIMIT): Promise<Note[]> {
  return db.read(async (tx) =>
    (
      await tx.run(`MATCH (n:${NOTE_LABEL}) WITH n ORDER BY n.updatedAt DESC, n.id LIMIT $limit ${returnNote('n.updatedAt DESC, n.id')}`, {
        limit: neo4j.int(limit),
      })
    ).records.map(toNote),
  );
}

/** Notes whose text holds every word (whole or as a prefix), best first. */
export async function searchNotes(db: Database, text: string, limit = NOTES_DEFAULT_LIMIT): Promise<Note[]> {
  const query = notesQuery(text);
  if (!query) return [];
  return db.read(async (tx) =>
    (
      await tx.run(
        `CALL db.index.fulltext.queryNodes($index, $query, {limit: $limit}) YIELD node AS n, score
         WHERE n:${NOTE_LABEL}
         WITH n, score ${returnNote('score DESC, n.updatedAt DESC')}`,
        { index: FULLTEXT_NOTES_INDEX, query, limit: neo4j.int(limit) },
      )
    ).records.map(toNote),
  );
}

/**
 * Notes on entities a merge absorbed follow them to the merged entity, and so do notes on their links
 * (a link's note names its ends by id). Only those notes are read.
 * Run in the merge's own transaction.
 */
export async function moveNotes(tx: ManagedTransaction, from: string[], to: string): Promise<void> {
  const result = await tx.run(`${notesOnNodesAndLinks('either')} RETURN n.id AS id, n.target AS target`, {
    keys: from.map((id) => targetKey({ entity: id })),
    ids: from,
  });
  const gone = new Set(from);
  const moved = (id: string) => (gone.has(id) ? to : id);
  const rows = result.records.flatMap((r) => {
    const target = JSON.parse(r.get('target') as string) as NoteTarget;
    let next: NoteTarget | null = null;
    if ('entity' in target && gone.has(target.entity)) next = { entity: to };
    if ('relationship' in target && (gone.has(target.relationship.source) || gone.has(target.relationship.target))) {
      next = { relationship: { ...target.relationship, source: moved(target.relationship.source), target: moved(target.relationship.target) } };
    }
    return next ? [{ id: r.get('id') as string, target: JSON.stringify(next), targetKey: targetKey(next) }] : [];
  });
  if (rows.length) await tx.run(`UNWIND $rows AS row MATCH (n:${NOTE_LABEL} {id: row.id}) SET n.target = row.target, n.targetKey = row.targetKey`, { rows });
}
