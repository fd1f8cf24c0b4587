/**
 * The pieces every correction form in the panel is made of: a heading with Back, the reason the API
 * asks for (a field the analyst fills: nothing is prefilled), a line for what is wrong, and a submit
 * button that waits for the server.
 */
import { el, button } from '../app/dom.js';
import { busy, errorText } from '../app/toast.js';

export function backButton(back: () => void): HTMLButtonElement {
  return button('← Back', 'back', back);
}

/** A labelled field: the label wraps the control, so a screen reader names it by the visible words. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement, hint?: string): HTMLLabelElement {
  const wrap = el('label', undefined, 'curate-field');
  wrap.append(el('span', label, 'curate-label'), control);
  if (hint) wrap.append(el('span', hint, 'curate-hint'));
  return wrap;
}

export function textInput(value = '', placeholder = ''): HTMLInputElement {
  const input = el('input');
  input.type = 'text';
  input.value = value;
  input.autocomplete = 'off';
  if (placeholder) input.placeholder = placeholder;
  return input;
}

export interface CorrectionFormOptions {
  /** The form's accessible name. */
  name: string;
  fields: HTMLElement[];
  submit: string;
  /** An example reason, shown greyed until the analyst types. */
  placeholder: string;
  /** Sends the correction; a returned string is a problem to show (nothing was sent), else it is done. */
  send: (reason: string) => Promise<string | null>;
  cancel?: () => void;
}

/** A correction form: its fields, "Why?", and the button that sends it. Errors stay in the form. */
export function correctionForm({ name, fields, submit, placeholder, send, cancel }: CorrectionFormOptions): HTMLFormElement {
  const form = el('form', undefined, 'curate-form');
  form.setAttribute('aria-label', name);
  form.noValidate = true;
  const reason = textInput('', placeholder);
  reason.name = 'reason';
  reason.maxLength = 2000;
  const problem = el('p', undefined, 'curate-problem');
  problem.setAttribute('role', 'alert');
  const go = el('button', submit, 'action primary');
  go.type = 'submit';
  const actions = el('div', undefined, 'curate-form-actions');
  actions.append(go);
  if (cancel) actions.append(button('Cancel', 'action', cancel));
  form.append(...fields, field('Why? (kept in the corrections log)', reason), problem, actions);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (go.disabled) return;
    problem.textContent = '';
    go.disabled = true;
    busy(go, send(reason.value)).then(
      (trouble) => {
        go.disabled = false;
        if (trouble) {
          problem.textContent = trouble;
          (trouble.startsWith('Say why') ? reason : (form.querySelector<HTMLElement>('input, select') ?? reason)).focus();
        }
      },
      (err: unknown) => {
        go.disabled = false;
        problem.textContent = `Not done: ${errorText(err)}`;
      },
    );
  });
  return form;
}
