/**
 * The search box: names and aliases from /api/search as the user types, then notes holding the words
 * (a "Notes" group under the names), in one listbox that the keyboard and the mouse both drive. Choosing
 * a name hands its hit to `onChoose`, a note to `notes.onChoose`. A "Names" / "Text" switch turns it into
 * a search of the articles' words, whose results go to the side panel (search/text.ts).
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

/** The text side of the switch. */
export interface TextMode {
  /** Radio buttons, each with `data-mode` names or text. */
  switch: HTMLElement;
  search(q: string): void;
}

const MODES = {
  names: { placeholder: 'Search names and notes…', label: 'Search people, institutions, places and notes' },
  text: { placeholder: 'Search the articles’ text…', label: 'Search the words of the articles' },
} as const;
const TEXT_DEBOUNCE_MS = 400;

type Hit = SearchHit | { note: Note };
const isNote = (hit: Hit): hit is { note: Note } => 'note' in hit;

export function mountSearch(input: HTMLInputElement, list: HTMLUListElement, onChoose: (hit: SearchHit) => void, notes?: NoteSearch, text?: TextMode): void {
  let mode: keyof typeof MODES = 'names';
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

  const radios = text ? [...text.switch.querySelectorAll<HTMLButtonElement>('[data-mode]')] : [];
  const setMode = (next: keyof typeof MODES) => {
    mode = next;
    for (const radio of radios) {
      const on = radio.dataset.mode === mode;
      radio.setAttribute('aria-checked', String(on));
      radio.tabIndex = on ? 0 : -1;
    }
    input.placeholder = MODES[mode].placeholder;
    input.setAttribute('aria-label', MODES[mode].label);
    // Text results are a list in the side panel, not suggestions under the box.
    if (mode === 'text') input.removeAttribute('role');
    else input.setAttribute('role', 'combobox');
    hits = [];
    render();
    if (input.value.trim()) input.dispatchEvent(new Event('input'));
  };
  for (const radio of radios) {
    radio.addEventListener('click', () => {
      setMode(radio.dataset.mode === 'text' ? 'text' : 'names');
      input.focus();
    });
    radio.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      event.preventDefault();
      setMode(mode === 'names' ? 'text' : 'names');
      radios.find((r) => r.dataset.mode === mode)?.focus();
    });
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) {
      hits = [];
      render();
      return;
    }
    if (mode === 'text') {
      timer = setTimeout(() => text?.search(q), TEXT_DEBOUNCE_MS);
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
    if (mode === 'text') {
      if (event.key !== 'Enter' || !input.value.trim()) return;
      event.preventDefault();
      clearTimeout(timer);
      text?.search(input.value.trim());
      return;
    }
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
