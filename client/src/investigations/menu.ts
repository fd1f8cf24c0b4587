/**
 * The Investigations menu in the top bar: save what is on the canvas (view, every node where it is,
 * filters, style) under a name with notes, open a saved one (also from `?investigation=ID` in a fresh
 * browser), and export the open one as JSON or as an evidence pack. What is saved and read back is
 * worked out in model.ts; this file draws the menu and does the requests.
 */
import type { Investigation, InvestigationSummary } from '../../../common/curate.js';
import type { GraphExport } from '../../../common/export.js';
import { contentDispositionName, getJson, sendJson } from '../api.js';
import type { Canvas } from '../app/canvas.js';
import { button, el } from '../app/dom.js';
import { canEdit } from '../app/session.js';
import { busy, errorText, toast } from '../app/toast.js';
import { viewOf } from '../app/url.js';
import { download } from '../export/dialog.js';
import { filtersOf } from '../filters/model.js';
import type { Panel } from '../panel/panel.js';
import { noteDate } from '../notes/model.js';
import {
  captureState,
  exportUrl,
  investigationOf,
  readFilters,
  readStyle,
  readView,
  summaryLine,
  withInvestigation,
  type InvestigationFormat,
} from './model.js';

export interface Investigations {
  /** Puts a saved investigation's canvas back and names it in the address; reports its own failures. */
  open(id: string): Promise<void>;
}

let fields = 0;

function field(label: string, control: HTMLInputElement | HTMLTextAreaElement): HTMLLabelElement {
  control.id = `investigation-field-${++fields}`;
  const wrapper = el('label', undefined, 'investigation-field');
  wrapper.htmlFor = control.id;
  wrapper.append(el('span', label), control);
  return wrapper;
}

export function mountInvestigations(canvas: Canvas, toggle: HTMLButtonElement, menu: HTMLElement, panel: Panel): Investigations {
  const { graph, container } = canvas;
  const choices = filtersOf(canvas.state);
  let current: Investigation | null = null;

  menu.setAttribute('role', 'dialog');
  menu.setAttribute('aria-modal', 'false');
  menu.setAttribute('aria-labelledby', 'investigations-title');
  const heading = el('h2', 'Investigations');
  heading.id = 'investigations-title';
  const close = button('×', 'filters-close', () => shut());
  close.setAttribute('aria-label', 'Close investigations');
  const header = el('div', undefined, 'filters-header');
  header.append(heading, close);
  const openPart = el('div', undefined, 'investigation-open');
  const savePart = el('div', undefined, 'investigation-save');
  const list = el('ul', undefined, 'investigation-list');
  list.setAttribute('aria-label', 'Saved investigations');
  menu.replaceChildren(header, openPart, savePart, el('h3', 'Saved'), list);

  /** The open investigation, with its exports. */
  const drawOpen = () => {
    if (!current) {
      openPart.replaceChildren();
      return;
    }
    const id = current.id;
    const exports = (['json', 'pack'] as InvestigationFormat[]).map((format) =>
      button(format === 'json' ? 'Export JSON' : 'Export evidence pack', 'action', () => void exportIt(id, format)),
    );
    openPart.replaceChildren(
      el('p', `Open: ${current.name}`, 'investigation-current'),
      ...exports,
      button('Close', 'action', () => {
        current = null;
        delete container.dataset.investigation;
        history.replaceState(null, '', `${location.pathname}${withInvestigation(location.search, null)}${location.hash}`);
        drawOpen();
      }),
    );
  };

  const drawSave = () => {
    if (!canEdit()) {
      savePart.replaceChildren(el('p', 'Saving an investigation needs the editor role.', 'muted'));
      return;
    }
    const start = button('Save this canvas…', 'action', () => {
      const name = el('input');
      name.required = true;
      name.maxLength = 200;
      name.value = current?.name ?? '';
      const notes = el('textarea');
      notes.rows = 3;
      notes.maxLength = 10_000;
      const problem = el('p', undefined, 'note-problem');
      problem.setAttribute('role', 'alert');
      const save = el('button', 'Save', 'action');
      save.type = 'submit';
      const form = el('form', undefined, 'investigation-form');
      form.append(field('Name', name), field('Notes', notes), save, button('Cancel', 'action', drawSave), problem);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (!name.value.trim()) {
          problem.textContent = 'Give it a name.';
          return;
        }
        if (graph.order === 0) {
          problem.textContent = 'The canvas is empty: open something first.';
          return;
        }
        save.disabled = true;
        const state = captureState(graph, viewOf(graph), choices, canvas.state.appearance);
        sendJson<Investigation>('POST', '/api/investigations', { name: name.value.trim(), notes: notes.value, state }).then(
          (saved) => {
            opened(saved);
            drawSave();
            void refresh();
            toast(`Saved “${saved.name}”: its link opens this canvas.`);
          },
          (err: unknown) => {
            save.disabled = false;
            problem.textContent = `Not saved: ${errorText(err)}`;
          },
        );
      });
      savePart.replaceChildren(form);
      name.focus();
    });
    savePart.replaceChildren(start);
  };

  const refresh = async () => {
    try {
      const { investigations } = await getJson<{ investigations: InvestigationSummary[] }>('/api/investigations');
      list.replaceChildren(
        ...investigations.map((s) => {
          const item = el('li');
          const open = button(s.name, 'link', () => void api.open(s.id).then(shut));
          open.setAttribute('aria-label', `Open ${s.name}`);
          item.append(open, el('span', `${summaryLine(s)} · ${noteDate(s.updatedAt)}`, 'muted'));
          return item;
        }),
      );
      if (investigations.length === 0) list.replaceChildren(el('li', 'None saved yet.', 'muted'));
    } catch (err) {
      list.replaceChildren(el('li', `The list could not be read: ${errorText(err)}`, 'error'));
    }
  };

  /** Marks `investigation` open: the address names it (after the canvas's own change of address). */
  const opened = (investigation: Investigation) => {
    current = investigation;
    container.dataset.investigation = investigation.id;
    queueMicrotask(() => {
      const search = withInvestigation(location.search, investigation.id);
      if (search !== location.search) history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
    });
    drawOpen();
  };

  const exportIt = async (id: string, format: InvestigationFormat) => {
    try {
      const response = await busy(openPart, fetch(exportUrl(id, format), { headers: { accept: 'application/json' } }));
      if (!response.ok)
        throw new Error(((await response.json().catch(() => null)) as { error?: { message: string } } | null)?.error?.message ?? `${response.status}`);
      download(await response.blob(), contentDispositionName(response.headers.get('content-disposition')) ?? `investigation.${format}.json`);
    } catch (err) {
      toast(`The investigation could not be exported: ${errorText(err)}`, 'error');
    }
  };

  const api: Investigations = {
    async open(id) {
      try {
        const file = await busy(toggle, getJson<GraphExport>(exportUrl(id, 'json')));
        const investigation = file.investigation!;
        const { state } = investigation;
        canvas.replace(file.graph, investigation.name, state.positions);
        graph.removeAttribute('scope');
        const view = readView(state.view);
        if (view) graph.setAttribute('view', view);
        else graph.removeAttribute('view');
        choices.restore(readFilters(state.filters));
        Object.assign(canvas.state.appearance, readStyle(state.style));
        canvas.state.changed();
        container.dataset.state = 'ready';
        document.getElementById('empty')!.hidden = true;
        const missing = state.nodes.filter((node) => !graph.hasNode(node)).length;
        if (missing) toast(`${missing} of its ${state.nodes.length} nodes are no longer in the graph.`, 'error');
        opened(investigation);
        container.parentElement!.classList.add('with-panel');
        panel.showList(investigation.name, [
          el('p', `Investigation · ${summaryLine(investigation)} · saved ${noteDate(investigation.updatedAt)}`, 'muted'),
          ...(investigation.notes ? [el('p', investigation.notes, 'investigation-notes')] : []),
        ]);
      } catch (err) {
        toast(`Could not open the investigation ${id}: ${errorText(err)}`, 'error');
      }
    },
  };

  const show = (visible: boolean) => {
    menu.hidden = !visible;
    toggle.setAttribute('aria-expanded', String(visible));
    if (visible) {
      drawOpen();
      drawSave();
      void refresh();
      (menu.querySelector<HTMLElement>('.investigation-save button, .investigation-open button') ?? close).focus();
    }
  };
  const shut = () => {
    show(false);
    toggle.focus();
  };
  toggle.setAttribute('aria-controls', menu.id);
  toggle.setAttribute('aria-expanded', 'false');
  toggle.addEventListener('click', () => show(menu.hidden));
  menu.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    shut();
  });
  menu.hidden = true;
  if (investigationOf(location.search)) container.dataset.investigation = investigationOf(location.search)!;
  return api;
}
