/**
 * The search box: names and aliases from /api/search as the user types, then notes holding the words
 * (a "Notes" group under the names), in one listbox that the keyboard and the mouse both drive. Choosing
 * a name hands its hit to `onChoose`, a note to `notes.onChoose`.
 */
import type { SearchHit } from '../../../common/api.js';
import type { Note } from '../../../common/curate.js';
import { searchEntities } from '../api.js';
import { searchLine } from '../notes/model.js';

const DEBOUNCE_MS = 150;

/** The notes part of the search, when the explorer has one. */
export interface NoteSearch {
  find(words: string): Promise<Note[]>;
  onChoose(note: Note): void;
}

type Hit = SearchHit | { note: Note };
const isNote = (hit: Hit): hit is { note: Note } => 'note' in hit;

export function mountSearch(input: HTMLInputElement, list: HTMLUListElement, onChoose: (hit: SearchHit) => void, notes?: NoteSearch): void {
  let hits: Hit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const render = () => {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const item = document.createElement('li');
        item.id = `${list.id}-hit-${i}`;
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', String(i === active));
        const kind = document.createElement('span');
        kind.className = 'kind';
        if (isNote(hit)) {
          const { text, on } = searchLine(hit.note);
          item.classList.add('note-hit');
          // The group's heading, on the first note: drawn by CSS, said by the option's own words.
          if (i === 0 || !isNote(hits[i - 1]!)) item.dataset.group = 'Notes';
          item.textContent = text;
          kind.textContent = `Note on ${on}`;
        } else {
          item.textContent = hit.name;
          kind.textContent = hit.kind;
        }
        item.append(kind);
        // mousedown, not click: the input would lose focus first and close the list.
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(i);
        });
        return item;
      }),
    );
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-hit-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = isNote(hit) ? '' : hit.name;
    hits = [];
    active = -1;
    render();
    if (isNote(hit)) notes?.onChoose(hit.note);
    else onChoose(hit);
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) {
      hits = [];
      render();
      return;
    }
    timer = setTimeout(async () => {
      const ticket = ++asked;
      try {
        // Notes that cannot be read (an older server) leave the names alone.
        const [found, noted] = await Promise.all([searchEntities(q), notes ? notes.find(q).catch(() => []) : []]);
        // An older, slower answer must not replace a newer one.
        if (ticket !== asked) return;
        hits = [...found, ...noted.map((note) => ({ note }))];
        active = hits.length ? 0 : -1;
        render();
      } catch {
        hits = [];
        render();
      }
    }, DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!hits.length) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (event.key === 'Enter') {
      // With no suggestions open, Enter is the form's: the Paths form submits as a form should.
      if (!hits.length) return;
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      hits = [];
      render();
    }
  });
  input.addEventListener('blur', () => {
    hits = [];
    render();
  });
}
