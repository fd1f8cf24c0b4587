/**
 * The Notes section of the side panel, under an entity, a link or a document: each note with its author
 * and date, and (for an editor) a form to add one and buttons to edit or delete each. Readers see the
 * notes only. Text goes in as text, never as HTML.
 */
import type { Note } from '../../../common/curate.js';
import { getJson, sendJson } from '../api.js';
import { button, el } from '../app/dom.js';
import { canEdit } from '../app/session.js';
import { errorText, toast } from '../app/toast.js';
import { noteMeta, notesUrl, noteTextProblem, type PanelTarget } from './model.js';

let formCount = 0;

/** A labelled text area with its buttons, for adding or editing; `submit` gets the trimmed text. */
function noteForm(label: string, action: string, initial: string, submit: (text: string) => Promise<void>, cancel?: () => void): HTMLFormElement {
  const id = `note-text-${++formCount}`;
  const form = el('form', undefined, 'note-form');
  const caption = el('label', label);
  caption.htmlFor = id;
  const area = el('textarea');
  area.id = id;
  area.rows = 3;
  area.value = initial;
  const problem = el('p', undefined, 'note-problem');
  problem.setAttribute('role', 'alert');
  const save = el('button', action, 'action');
  save.type = 'submit';
  form.append(caption, area, save);
  if (cancel) form.append(button('Cancel', 'action', cancel));
  form.append(problem);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const wrong = noteTextProblem(area.value);
    problem.textContent = wrong ?? '';
    if (wrong) return;
    save.disabled = true;
    submit(area.value.trim())
      .then(
        () => (area.value = ''),
        (err: unknown) => (problem.textContent = `Not saved: ${errorText(err)}`),
      )
      .finally(() => (save.disabled = false));
  });
  return form;
}

/** The section, filled once the notes arrive; it redraws itself after each change. */
export function notesSection(target: PanelTarget): HTMLElement {
  const section = el('section', undefined, 'notes');
  section.setAttribute('aria-label', 'Notes');
  const list = el('ul', undefined, 'notes-list');
  const editable = canEdit();
  let notes: Note[] = [];

  const item = (note: Note): HTMLLIElement => {
    const li = el('li', undefined, 'note');
    li.append(el('p', note.text, 'note-text'), el('p', noteMeta(note), 'note-meta'));
    if (!editable) return li;
    const edit = button('Edit', 'link', () => {
      li.replaceChildren(
        noteForm(
          'Edit the note',
          'Save',
          note.text,
          async (text) => {
            const changed = await sendJson<Note>('PATCH', `/api/notes/${encodeURIComponent(note.id)}`, { text });
            notes = notes.map((n) => (n.id === note.id ? changed : n));
            draw();
          },
          draw,
        ),
      );
      li.querySelector('textarea')!.focus();
    });
    edit.setAttribute('aria-label', `Edit the note by ${note.by}`);
    const remove = button('Delete', 'link', () => {
      remove.disabled = true;
      sendJson<null>('DELETE', `/api/notes/${encodeURIComponent(note.id)}`).then(
        () => {
          notes = notes.filter((n) => n.id !== note.id);
          draw();
          toast('Note deleted');
        },
        (err: unknown) => {
          remove.disabled = false;
          toast(`The note was not deleted: ${errorText(err)}`, 'error');
        },
      );
    });
    remove.setAttribute('aria-label', `Delete the note by ${note.by}`);
    const actions = el('p', undefined, 'note-actions');
    actions.append(edit, remove);
    li.append(actions);
    return li;
  };

  const draw = () => {
    list.replaceChildren(...notes.map(item));
    empty.hidden = notes.length > 0;
  };

  const empty = el('p', 'No notes yet.', 'muted');
  section.append(el('h3', 'Notes'), list, empty);
  if (editable) {
    section.append(
      noteForm('Add a note', 'Add note', '', async (text) => {
        notes = [...notes, await sendJson<Note>('POST', '/api/notes', { target, text })];
        draw();
      }),
    );
  }
  getJson<{ notes: Note[] }>(notesUrl(target)).then(
    (found) => {
      notes = found.notes;
      draw();
    },
    (err: unknown) => (empty.textContent = `The notes could not be loaded: ${errorText(err)}`),
  );
  return section;
}
