/**
 * The export dialog, opened from the view toolbar: a scope (the visible graph, the focused entity's
 * neighbourhood, the path on show, the last query, the whole graph) and a format. Data formats are
 * written by the server (POST /api/export, one path for all of them); PNG and SVG images of the canvas
 * are drawn here, since only the browser knows the view. Files are handed to the browser as downloads.
 */
import { toBlob } from '@sigma/export-image';
import type Sigma from 'sigma';
import { ApiRequestError, exportFile } from '../api.js';
import type { Canvas } from '../app/canvas.js';
import { button, el } from '../app/dom.js';
import { busy, errorText, toast } from '../app/toast.js';
import { shortLabel } from '../graph/wording.js';
import {
  exportRequest,
  FORMATS,
  IMAGE_HINT,
  isImage,
  pathOf,
  scopeOptions,
  type Depth,
  type ExportContext,
  type ExportRequest,
  type FormatChoice,
  type ScopeChoice,
} from './model.js';
import { snapshotOf } from './snapshot.js';
import { viewToSvg } from './svg.js';
import { positionsOf, visibleNodes } from './view.js';

/** Gives `blob` to the browser as a download named `fileName`. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after the click returns: let it go only once the download has surely begun.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export interface ExportSources {
  /** The console's last query run without error, if any. */
  lastQuery(): string | null;
  /** Whether it returned values only (no node). */
  lastQueryValuesOnly(): boolean;
}

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

function fieldset(legend: string, className: string): HTMLFieldSetElement {
  const set = el('fieldset', undefined, className);
  set.append(el('legend', legend));
  return set;
}

export function mountExport(canvas: Canvas, toolbar: HTMLElement, sources: ExportSources): void {
  const opener = button('Export…', 'export-open', () => open());
  opener.title = 'Export the graph as a file (GraphML, GEXF, CSV, Cypher, JSON) or the view as an image';
  opener.setAttribute('aria-haspopup', 'dialog');
  opener.setAttribute('aria-controls', 'export-dialog');
  toolbar.append(opener);

  const dialog = el('dialog', undefined, 'export-dialog');
  dialog.id = 'export-dialog';
  dialog.setAttribute('aria-labelledby', 'export-title');
  dialog.setAttribute('aria-describedby', 'export-intro');
  const form = el('form');
  form.noValidate = true;
  const title = el('h2', 'Export');
  title.id = 'export-title';
  const intro = el('p', 'Save part of the graph as a file another tool opens, or the canvas as an image.', 'export-intro');
  intro.id = 'export-intro';

  const scopeSet = fieldset('Scope', 'export-scope');
  const scopes = new Map<ScopeChoice, Choice>();
  for (const option of scopeOptions({ visible: { ids: [], positions: () => ({}) }, focus: null, path: null, query: null })) {
    const item = choice('scope', option.value, option.label, option.detail);
    scopes.set(option.value, item);
    scopeSet.append(item.row);
  }
  const depth = el('select');
  depth.id = 'export-depth';
  for (const n of [1, 2, 3]) depth.append(new Option(n === 1 ? '1 link' : `${n} links`, String(n)));
  const depthLabel = el('label', 'Depth');
  depthLabel.htmlFor = depth.id;
  const depthField = el('span', undefined, 'export-depth');
  depthField.append(depthLabel, depth);
  scopes.get('neighbourhood')!.label.after(depthField);
  scopes.get('visible')!.input.checked = true;

  const formatSet = fieldset('Format', 'export-format');
  const formats = new Map<FormatChoice, Choice>();
  const imageHint = el('p', IMAGE_HINT, 'export-hint');
  imageHint.id = 'export-image-hint';
  for (const format of FORMATS) {
    const item = choice('format', format.value, format.label, format.opensWith);
    if (format.image) item.input.setAttribute('aria-describedby', `${item.detail.id} ${imageHint.id}`);
    formats.set(format.value, item);
    formatSet.append(item.row);
  }
  formatSet.append(imageHint);
  formats.get('json')!.input.checked = true;

  const message = el('p', undefined, 'export-error');
  message.id = 'export-error';
  message.setAttribute('role', 'alert');
  message.hidden = true;
  const cancel = button('Cancel', 'export-cancel', () => dialog.close());
  const submit = el('button', 'Export', 'export-submit');
  submit.type = 'submit';
  const actions = el('div', undefined, 'export-actions');
  actions.append(cancel, submit);
  const choices = el('div', undefined, 'export-choices');
  choices.append(scopeSet, formatSet);
  form.append(title, intro, choices, message, actions);
  dialog.append(form);
  document.body.append(dialog);

  /** The explorer's state when the dialog opened: what the scopes can be. */
  let context: ExportContext = { visible: { ids: [], positions: () => ({}) }, focus: null, path: null, query: null };
  /** The export under way, to stop if the dialog closes. */
  let running: AbortController | null = null;

  const nameOf = (id: string) => (canvas.graph.hasNode(id) ? shortLabel(canvas.graph.getNodeAttribute(id, 'label'), 60) : id);
  const checked = <T extends string>(set: Map<T, Choice>): T => [...set].find(([, c]) => c.input.checked)![0];

  function say(text: string): void {
    message.textContent = text;
    message.hidden = !text;
  }

  /** Images only of the visible graph: off otherwise, JSON in place of one that was chosen. */
  function syncFormats(): void {
    const images = checked(scopes) === 'visible';
    for (const [format, item] of formats) {
      if (!isImage(format)) continue;
      item.input.disabled = !images;
      item.row.classList.toggle('disabled', !images);
      if (!images && item.input.checked) formats.get('json')!.input.checked = true;
    }
    imageHint.hidden = images;
  }

  function refresh(): void {
    const { graph, state, container } = canvas;
    const ids = visibleNodes(graph, state);
    const focus = container.dataset.focus;
    context = {
      visible: { ids, positions: () => positionsOf(graph, ids) },
      focus: focus ? { id: focus, name: nameOf(focus) } : null,
      path: pathOf(container.dataset.path, nameOf),
      query: sources.lastQuery(),
      queryValuesOnly: sources.lastQueryValuesOnly(),
    };
    for (const option of scopeOptions(context)) {
      const item = scopes.get(option.value)!;
      item.label.textContent = option.label;
      item.detail.textContent = option.detail;
      item.input.disabled = !option.enabled;
      item.row.classList.toggle('disabled', !option.enabled);
    }
    depth.disabled = scopes.get('neighbourhood')!.input.disabled;
    const current = scopes.get(checked(scopes))!;
    if (current.input.disabled) scopes.get(context.visible.ids.length ? 'visible' : 'all')!.input.checked = true;
    syncFormats();
  }

  function open(): void {
    if (dialog.open) return;
    refresh();
    say('');
    dialog.showModal();
    scopes.get(checked(scopes))!.input.focus();
  }

  async function fileOf(request: ExportRequest, signal: AbortSignal): Promise<{ blob: Blob; fileName: string }> {
    if (request.kind === 'image') {
      const blob =
        request.format === 'png'
          ? await toBlob(canvas.sigma as unknown as Sigma, { format: 'png', backgroundColor: '#ffffff' })
          : new Blob([viewToSvg(snapshotOf(canvas.sigma))], { type: 'image/svg+xml' });
      return { blob, fileName: request.fileName };
    }
    const file = await exportFile(request.format, request.scope, request.positions, signal);
    return { blob: file.blob, fileName: file.fileName ?? request.fileName };
  }

  async function run(): Promise<void> {
    if (running) return;
    say('');
    let request: ExportRequest;
    try {
      request = exportRequest(checked(scopes), checked(formats), Number(depth.value) as Depth, context);
    } catch (err) {
      say(errorText(err));
      return;
    }
    const controller = new AbortController();
    running = controller;
    let file: { blob: Blob; fileName: string };
    try {
      file = await busy(submit, fileOf(request, controller.signal));
    } catch (err) {
      // Closed meanwhile: nobody is waiting for the file, or for why it failed.
      if (!controller.signal.aborted) say(`Could not export: ${err instanceof ApiRequestError ? err.message : errorText(err)}`);
      return;
    } finally {
      running = null;
    }
    if (controller.signal.aborted) return;
    download(file.blob, file.fileName);
    dialog.close();
    toast(`Saved ${file.fileName}`);
  }

  for (const item of scopes.values()) item.input.addEventListener('change', syncFormats);
  form.addEventListener('change', () => say(''));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  // Escape (the dialog's cancel) and Cancel both close; an export under way stops with it.
  dialog.addEventListener('close', () => {
    running?.abort();
    opener.focus();
  });
  // A click on the backdrop (outside the form's box) closes as Cancel does.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
}
