/**
 * The search box: names and aliases from /api/search as the user types, in a listbox that the keyboard
 * and the mouse both drive. Choosing a hit hands its id to `onChoose`.
 */
import type { SearchHit } from '../../../common/api.js';
import { searchEntities } from '../api.js';

const DEBOUNCE_MS = 150;

export function mountSearch(input: HTMLInputElement, list: HTMLUListElement, onChoose: (hit: SearchHit) => void): void {
  let hits: SearchHit[] = [];
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
        item.textContent = hit.name;
        const kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = hit.kind;
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
    input.value = hit.name;
    hits = [];
    active = -1;
    render();
    onChoose(hit);
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
        const found = await searchEntities(q);
        // An older, slower answer must not replace a newer one.
        if (ticket !== asked) return;
        hits = found;
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
