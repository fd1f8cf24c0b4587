/**
 * Notes as data, for the panel and the search box: where a target's notes are asked for, how a note's
 * author and date read, what text may be sent, and what choosing a note opens. No DOM: tested in node.
 */
import type { Note, NoteTarget } from '../../../common/curate.js';

/** What the panel shows notes for: a stored target, or a link as the canvas has it (its edge key). */
export type PanelTarget = NoteTarget | { edge: string };

export const NOTE_TEXT_MAX = 10_000;

/** GET /api/notes for a target's notes. */
export function notesUrl(target: PanelTarget): string {
  if ('entity' in target) return `/api/notes?entity=${encodeURIComponent(target.entity)}`;
  if ('document' in target) return `/api/notes?document=${encodeURIComponent(target.document)}`;
  if ('edge' in target) return `/api/notes?edge=${encodeURIComponent(target.edge)}`;
  throw new Error('a relationship is asked for by its edge key');
}

/** GET /api/notes?q= for the search box. */
export function searchNotesUrl(words: string, limit = 5): string {
  return `/api/notes?q=${encodeURIComponent(words)}&limit=${limit}`;
}

/** Why the text cannot be sent, or null: the server's limits, said before it is asked. */
export function noteTextProblem(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return 'Write something first.';
  if (trimmed.length > NOTE_TEXT_MAX)
    return `A note is at most ${NOTE_TEXT_MAX.toLocaleString('en')} characters; this one has ${trimmed.length.toLocaleString('en')}.`;
  return null;
}

/** "12 May 2026, 14:02": a date a reader of any locale takes the same way (day, month in words, year). */
export function noteDate(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const date = at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  const time = at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return `${date}, ${time}`;
}

/** "Ann · 12 May 2026, 14:02", "(edited …)" when changed since. */
export function noteMeta(note: Pick<Note, 'by' | 'at' | 'updatedAt'>): string {
  const edited = note.updatedAt !== note.at ? ` (edited ${noteDate(note.updatedAt)})` : '';
  return `${note.by} · ${noteDate(note.at)}${edited}`;
}

/** What choosing a note in the search opens. */
export type NoteDestination =
  { kind: 'entity'; id: string } | { kind: 'document'; id: string } | { kind: 'link'; source: string; type: string; target: string; title?: string };

export function destinationOf(target: NoteTarget): NoteDestination {
  if ('entity' in target) return { kind: 'entity', id: target.entity };
  if ('document' in target) return { kind: 'document', id: target.document };
  return { kind: 'link', ...target.relationship };
}

/** A note in the search list: its words cut to a line, and what it is on. */
export function searchLine(note: Pick<Note, 'text' | 'label'>, max = 80): { text: string; on: string } {
  const flat = note.text.replace(/\s+/g, ' ').trim();
  return { text: flat.length > max ? `${flat.slice(0, max - 1)}…` : flat, on: note.label };
}

/**
 * The edge on the canvas that a link note is about: one of the given edges (key, ends, type, title),
 * or null when the canvas does not hold it.
 */
export function edgeFor(
  edges: Iterable<{ key: string; source: string; target: string; relType: string; title?: unknown }>,
  link: Extract<NoteDestination, { kind: 'link' }>,
): string | null {
  for (const e of edges) {
    if (e.source === link.source && e.target === link.target && e.relType === link.type && (link.title === undefined || e.title === link.title)) return e.key;
  }
  return null;
}
