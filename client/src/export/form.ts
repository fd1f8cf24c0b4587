/**
 * The export dialog's elements: built once, with the ids, roles and names assistive tech and the e2e
 * tests find them by, then brought in line with the model's state on every step (render).
 */
import { button, el } from '../app/dom.js';
import { dialogView, FORMATS, IMAGE_HINT, NO_CONTEXT, scopeOptions, type DialogState, type FormatChoice, type ScopeChoice } from './model.js';

interface Choice {
  row: HTMLElement;
  input: HTMLInputElement;
  label: HTMLLabelElement;
  detail: HTMLElement;
}

/** A radio with its label and a line under it that says more; the line describes the radio to assistive tech. */
function choice(group: string, value: string, text: string, detailText: string): Choice {
  const id = `export-${group}-${value}`;
  const row = el('div', undefined, 'export-option');
  const input = el('input');
  input.type = 'radio';
  input.name = `export-${group}`;
  input.id = id;
  input.value = value;
  const label = el('label', text);
  label.htmlFor = id;
  const detail = el('p', detailText, 'export-detail');
  detail.id = `${id}-detail`;
  input.setAttribute('aria-describedby', detail.id);
  row.append(input, label, detail);
  return { row, input, label, detail };
}

function fieldset(legend: string, className: string, ...content: Node[]): HTMLFieldSetElement {
  const set = el('fieldset', undefined, className);
  set.append(el('legend', legend), ...content);
  return set;
}

/** The dialog's elements, built once; `render` brings them in line with the model. */
export interface DialogUi {
  dialog: HTMLDialogElement;
  form: HTMLFormElement;
  scopes: Map<ScopeChoice, Choice>;
  formats: Map<FormatChoice, Choice>;
  depth: HTMLSelectElement;
  imageHint: HTMLElement;
  message: HTMLElement;
  submit: HTMLButtonElement;
}

export function buildDialog(): DialogUi {
  const dialog = el('dialog', undefined, 'export-dialog');
  dialog.id = 'export-dialog';
  dialog.setAttribute('aria-labelledby', 'export-title');
  dialog.setAttribute('aria-describedby', 'export-intro');
  const title = el('h2', 'Export');
  title.id = 'export-title';
  const intro = el('p', 'Save part of the graph as a file another tool opens, or the canvas as an image.', 'export-intro');
  intro.id = 'export-intro';

  const scopes = new Map(scopeOptions(NO_CONTEXT).map((o) => [o.value, choice('scope', o.value, o.label, o.detail)]));
  const depth = el('select');
  depth.id = 'export-depth';
  for (const n of [1, 2, 3]) depth.append(new Option(n === 1 ? '1 link' : `${n} links`, String(n)));
  const depthLabel = el('label', 'Depth');
  depthLabel.htmlFor = depth.id;
  const depthField = el('span', undefined, 'export-depth');
  depthField.append(depthLabel, depth);
  scopes.get('neighbourhood')!.label.after(depthField);

  const imageHint = el('p', IMAGE_HINT, 'export-hint');
  imageHint.id = 'export-image-hint';
  const formats = new Map(FORMATS.map((f) => [f.value, choice('format', f.value, f.label, f.opensWith)]));
  for (const f of FORMATS) {
    const item = formats.get(f.value)!;
    if (f.image) item.input.setAttribute('aria-describedby', `${item.detail.id} ${imageHint.id}`);
  }

  const message = el('p', undefined, 'export-error');
  message.id = 'export-error';
  message.setAttribute('role', 'alert');
  message.hidden = true;
  const submit = el('button', 'Export', 'export-submit');
  submit.type = 'submit';
  const actions = el('div', undefined, 'export-actions');
  actions.append(
    button('Cancel', 'export-cancel', () => dialog.close()),
    submit,
  );
  const choices = el('div', undefined, 'export-choices');
  choices.append(
    fieldset('Scope', 'export-scope', ...[...scopes.values()].map((c) => c.row)),
    fieldset('Format', 'export-format', ...[...formats.values()].map((c) => c.row), imageHint),
  );
  const form = el('form');
  form.noValidate = true;
  form.append(title, intro, choices, message, actions);
  dialog.append(form);
  return { dialog, form, scopes, formats, depth, imageHint, message, submit };
}

/** Writes `text` only when it differs, so nothing is announced again for no change. */
function setText(node: HTMLElement, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

function offer(item: Choice, enabled: boolean, checked: boolean): void {
  item.input.disabled = !enabled;
  item.row.classList.toggle('disabled', !enabled);
  item.input.checked = checked;
}

export function render(ui: DialogUi, state: DialogState): void {
  const view = dialogView(state);
  for (const option of view.scopes) {
    const item = ui.scopes.get(option.value)!;
    setText(item.label, option.label);
    setText(item.detail, option.detail);
    offer(item, option.enabled, option.value === state.scope);
  }
  for (const format of view.formats) offer(ui.formats.get(format.value)!, format.enabled, format.value === state.format);
  ui.depth.disabled = !view.depthEnabled;
  ui.depth.value = String(state.depth);
  ui.imageHint.hidden = !view.imageHint;
  setText(ui.message, state.error);
  ui.message.hidden = !state.error;
}
