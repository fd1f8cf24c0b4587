/**
 * The export dialog, opened from the view toolbar: a scope (the visible graph, the focused entity's
 * neighbourhood, the path on show, the last query, the whole graph) and a format. Its state and what it
 * offers live in model.ts, its elements in form.ts; this file turns events into model steps and does the
 * work. Data formats are written by the server (POST /api/export, one path for all of them); PNG and SVG
 * images of the canvas are drawn here, since only the browser knows the view. Files are handed to the
 * browser as downloads.
 */
import { toBlob } from '@sigma/export-image';
import type Sigma from 'sigma';
import { ApiRequestError, exportFile } from '../api.js';
import type { Canvas } from '../app/canvas.js';
import { button, el } from '../app/dom.js';
import { busy, errorText, toast } from '../app/toast.js';
import { shortLabel } from '../graph/wording.js';
import { buildDialog, render } from './form.js';
import {
  chosen,
  failed,
  finished,
  INITIAL_DIALOG,
  opened,
  pathOf,
  submitted,
  type Depth,
  type DialogState,
  type ExportContext,
  type ExportRequest,
} from './model.js';
import { snapshotOf } from './snapshot.js';
import { viewToSvg } from './svg.js';
import { rangeLabel } from '../timeline/model.js';
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

/** What the explorer shows now: what the scopes can be. */
function contextOf(canvas: Canvas, sources: ExportSources): ExportContext {
  const { graph, state, container } = canvas;
  const nameOf = (id: string) => (graph.hasNode(id) ? shortLabel(graph.getNodeAttribute(id, 'label'), 60) : id);
  const ids = visibleNodes(graph, state);
  const focus = container.dataset.focus;
  return {
    visible: { ids, positions: () => positionsOf(graph, ids) },
    focus: focus ? { id: focus, name: nameOf(focus) } : null,
    path: pathOf(container.dataset.path, nameOf),
    query: sources.lastQuery(),
    queryValuesOnly: sources.lastQueryValuesOnly(),
    range: rangeOnCanvas(container),
  };
}

/** The timeline's range in force, as it marks the canvas (timeline/timeline.ts): `from..to`, or nothing. */
function rangeOnCanvas(container: HTMLElement): { from: string; to: string } | null {
  const [from, to] = (container.dataset.timeRange ?? '').split('..');
  return from && to ? { from, to } : null;
}

async function fileOf(canvas: Canvas, request: ExportRequest, signal: AbortSignal): Promise<{ blob: Blob; fileName: string }> {
  if (request.kind === 'image') {
    const blob =
      request.format === 'png'
        ? await toBlob(canvas.sigma as unknown as Sigma, { format: 'png', backgroundColor: '#ffffff' })
        : new Blob([viewToSvg(snapshotOf(canvas.sigma))], { type: 'image/svg+xml' });
    return { blob, fileName: request.fileName };
  }
  const file = await exportFile(request.format, request.scope, request.positions, signal, request.range);
  return { blob: file.blob, fileName: file.fileName ?? request.fileName };
}

export function mountExport(canvas: Canvas, toolbar: HTMLElement, sources: ExportSources): void {
  const opener = button('Export…', 'export-open', () => open());
  opener.title = 'Export the graph as a file (GraphML, GEXF, CSV, Cypher, JSON) or the view as an image';
  opener.setAttribute('aria-haspopup', 'dialog');
  opener.setAttribute('aria-controls', 'export-dialog');
  toolbar.append(opener);
  const ui = buildDialog();
  document.body.append(ui.dialog);

  let state = INITIAL_DIALOG;
  /** Stops the export under way when the dialog closes. */
  let controller: AbortController | null = null;
  const update = (next: DialogState) => {
    state = next;
    render(ui, state);
  };

  // Said while a time range is in force: the files keep its links only, the image shows what is drawn.
  const rangeNote = el('p', undefined, 'export-range');
  ui.message.before(rangeNote);

  function open(): void {
    if (ui.dialog.open) return;
    const context = contextOf(canvas, sources);
    rangeNote.hidden = !context.range;
    rangeNote.textContent = context.range ? `Timeline: only the links reported ${rangeLabel(context.range)}, and what they reach.` : '';
    update(opened(state, context));
    ui.dialog.showModal();
    ui.scopes.get(state.scope)!.input.focus();
  }

  async function run(): Promise<void> {
    const sent = submitted(state);
    update(sent.state);
    if (!sent.request) return;
    const stop = (controller = new AbortController());
    let file: { blob: Blob; fileName: string };
    try {
      file = await busy(ui.submit, fileOf(canvas, sent.request, stop.signal));
    } catch (err) {
      // Closed meanwhile: nobody is waiting for the file, or for why it failed.
      update(stop.signal.aborted ? finished(state) : failed(state, err instanceof ApiRequestError ? err.message : errorText(err)));
      return;
    } finally {
      controller = null;
    }
    update(finished(state));
    if (stop.signal.aborted) return;
    download(file.blob, file.fileName);
    ui.dialog.close();
    toast(`Saved ${file.fileName}`);
  }

  for (const [scope, item] of ui.scopes) item.input.addEventListener('change', () => update(chosen(state, { scope })));
  for (const [format, item] of ui.formats) item.input.addEventListener('change', () => update(chosen(state, { format })));
  ui.depth.addEventListener('change', () => update(chosen(state, { depth: Number(ui.depth.value) as Depth })));
  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  // Escape (the dialog's cancel) and Cancel both close; an export under way stops with it.
  ui.dialog.addEventListener('close', () => {
    controller?.abort();
    opener.focus();
  });
  // A click on the backdrop (outside the form's box) closes as Cancel does.
  ui.dialog.addEventListener('click', (event) => {
    if (event.target === ui.dialog) ui.dialog.close();
  });
}
