/**
 * The paths form: a Paths toggle in the topbar and the form it opens and closes, with a From and a To
 * combobox (search/search.ts fills their suggestion lists), the bound on hops, a line for what is
 * missing, and Find path / Clear path. What a search does is paths.ts's.
 */
import { button, el } from '../app/dom.js';
import { DEFAULT_HOPS, focusOnOpen, MAX_HOPS, type End } from './model.js';

export interface PathsForm {
  inputs: Record<End, HTMLInputElement>;
  lists: Record<End, HTMLUListElement>;
  hops: HTMLSelectElement;
  message: HTMLParagraphElement;
  find: HTMLButtonElement;
  clear: HTMLButtonElement;
  /** Opening takes the keyboard to the first field left to fill. */
  setOpen(open: boolean): void;
}

const LABELS: Record<End, string> = { from: 'From', to: 'To' };

/** One end's field: an ARIA combobox over its list of suggestions. */
function endField(end: End, form: HTMLFormElement): { input: HTMLInputElement; list: HTMLUListElement } {
  const id = `path-${end}`;
  const caption = el('label', LABELS[end]);
  caption.htmlFor = id;
  const field = el('div', undefined, 'search paths-field');
  const input = el('input');
  input.id = id;
  input.type = 'text';
  input.autocomplete = 'off';
  input.placeholder = 'Type a name…';
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', `${id}-results`);
  input.setAttribute('aria-expanded', 'false');
  const list = el('ul');
  list.id = `${id}-results`;
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', `${LABELS[end]} suggestions`);
  list.hidden = true;
  field.append(input, list);
  form.append(caption, field);
  return { input, list };
}

/** Made closed, with Clear path disabled until a path is shown. */
export function buildForm(host: HTMLElement, handlers: { submit(): void; clear(): void }): PathsForm {
  const toggle = button('Paths', 'paths-toggle', () => setOpen(form.hidden));
  toggle.setAttribute('aria-controls', 'paths-form');
  toggle.setAttribute('aria-expanded', 'false');
  toggle.title = 'Find how two entities are connected';

  const form = el('form', undefined, 'paths-form');
  form.id = 'paths-form';
  form.hidden = true;
  form.noValidate = true;
  form.setAttribute('aria-label', 'Find a path');
  const from = endField('from', form);
  const to = endField('to', form);

  const hopsCaption = el('label', 'Max hops');
  hopsCaption.htmlFor = 'path-hops';
  const hops = el('select');
  hops.id = 'path-hops';
  for (let n = 1; n <= MAX_HOPS; n++) hops.append(new Option(String(n), String(n), n === DEFAULT_HOPS, n === DEFAULT_HOPS));
  const message = el('p', undefined, 'paths-message');
  message.setAttribute('role', 'alert');
  message.hidden = true;
  const find = el('button', 'Find path', 'paths-find');
  find.type = 'submit';
  const clear = button('Clear path', 'paths-clear', handlers.clear);
  clear.disabled = true;
  const actions = el('div', undefined, 'paths-actions');
  actions.append(find, clear);
  form.append(hopsCaption, hops, message, actions);
  host.append(toggle, form);
  const inputs = { from: from.input, to: to.input };

  function setOpen(open: boolean): void {
    form.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (!open) return;
    const target = focusOnOpen({ from: inputs.from.value, to: inputs.to.value });
    (target === 'find' ? find : inputs[target]).focus();
  }

  // Capture phase: Escape first closes an open suggestion list (the combobox does that), then the form.
  form.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || form.querySelector('[role="listbox"]:not([hidden])')) return;
      event.preventDefault();
      setOpen(false);
      toggle.focus();
    },
    true,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    handlers.submit();
  });
  return { inputs, lists: { from: from.list, to: to.list }, hops, message, find, clear, setOpen };
}
