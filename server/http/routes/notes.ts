/** Notes on entities, links and documents: listed, searched, and written by editors. */
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import {
  createNote,
  deleteNote,
  latestNotes,
  notesOn,
  NOTE_TEXT_MAX,
  NOTES_DEFAULT_LIMIT,
  NOTES_MAX_LIMIT,
  searchNotes,
  updateNote,
} from '../../notes/store.js';
import { relationshipOfEdge } from '../../notes/target.js';
import { authorOf } from '../author.js';
import { requireRole } from '../access.js';
import { EXAMPLE_IDS, Id, idParams, text, wholeNumber } from '../params.js';

const EDGE_KEY_MAX = 200;
const EdgeKey = z.string().min(1).max(EDGE_KEY_MAX).meta({ description: 'an edge key from a graph payload (the relationship as the explorer has it now)' });
const RelType = z
  .string()
  .regex(/^[A-Z][A-Z0-9_]*$/, 'a relationship type such as MET')
  .max(100);

export const RelationshipRefSchema = z.strictObject({
  source: Id.meta({ description: 'the id of the node it points from' }),
  type: RelType,
  target: Id.meta({ description: 'the id of the node it points to' }),
  title: z.string().min(1).max(300).optional().meta({ description: 'HOLDS_ROLE only: the title' }),
});

export const NoteTargetSchema = z
  .union([
    z.strictObject({ entity: Id.meta({ description: 'an entity or allegation id', examples: [EXAMPLE_IDS.person] }) }),
    z.strictObject({ document: Id.meta({ description: 'a document id', examples: [EXAMPLE_IDS.document] }) }),
    z.strictObject({ relationship: RelationshipRefSchema }),
    z.strictObject({ edge: EdgeKey }),
  ])
  .meta({
    description:
      'what the note is about: {entity}, {document}, {relationship: {source, type, target, title?}}, or {edge: EDGEKEY}, kept as the relationship it names',
  });

const NoteText = text(NOTE_TEXT_MAX, 'the note in text', `a note is at most ${NOTE_TEXT_MAX.toLocaleString('en')} characters`).meta({
  description: `the note, 1 to ${NOTE_TEXT_MAX} characters (trimmed)`,
});

export const NoteBody = z.object({ target: NoteTargetSchema, text: NoteText });
export const NotePatch = z.object({ text: NoteText });
export const NoteParams = idParams('note id', { max: 100 });

const limit = wholeNumber(1, NOTES_MAX_LIMIT, NOTES_DEFAULT_LIMIT, 'notes at most');

/** One of entity, document, edge or q, or none (the latest notes). */
export const NotesQuery = z
  .union([
    z.strictObject({ entity: Id.meta({ description: 'notes on this entity or allegation' }), limit }),
    z.strictObject({ document: Id.meta({ description: 'notes on this document' }), limit }),
    z.strictObject({ edge: EdgeKey, limit }),
    z.strictObject({ q: text(200, 'the words to search for in q').meta({ description: 'words the notes hold, whole or as a prefix' }), limit }),
    z.strictObject({ limit }),
  ])
  .meta({ title: 'filter', description: 'one of entity=ID, document=ID, edge=EDGEKEY or q=WORDS, with limit; none lists the latest notes' });

export function noteRoutes(db: Database): Router {
  const router = Router();
  router.get('/notes', async (req, res) => {
    const query = NotesQuery.parse(req.query);
    const { limit } = query;
    const notes =
      'entity' in query
        ? await notesOn(db, { entity: query.entity }, limit)
        : 'document' in query
          ? await notesOn(db, { document: query.document }, limit)
          : 'edge' in query
            ? await notesOn(db, { relationship: (await relationshipOfEdge(db, query.edge)).ref }, limit)
            : 'q' in query
              ? await searchNotes(db, query.q, limit)
              : await latestNotes(db, limit);
    res.json({ notes });
  });
  router.post('/notes', requireRole('editor'), async (req, res) => {
    const { target, text } = NoteBody.parse(req.body);
    res.status(201).json(await createNote(db, { target, text, by: authorOf(res) }));
  });
  router.patch('/notes/:id', requireRole('editor'), async (req, res) => {
    const { id } = NoteParams.parse(req.params);
    const { text } = NotePatch.parse(req.body);
    res.json(await updateNote(db, id, text));
  });
  router.delete('/notes/:id', requireRole('editor'), async (req, res) => {
    await deleteNote(db, NoteParams.parse(req.params).id);
    res.status(204).end();
  });
  return router;
}
