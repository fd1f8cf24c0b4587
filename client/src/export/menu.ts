/**
 * The export menu of the view toolbar: the canvas as a PNG image, and the graph on show as JSON (see
 * common/export.ts). Further formats join through `add`. Files are handed to the browser as downloads.
 */
import { toBlob } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { Canvas } from '../app/canvas.js';
import { busy, errorText, toast } from '../app/toast.js';
import { exportFileName } from '../../../common/export.js';
import { viewExport } from './view.js';

export interface ExportItem {
  /** The menu entry, e.g. "PNG image". */
  label: string;
  /** Makes the file; its name comes back for the confirmation. */
  run(): Promise<string>;
}

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

export function mountExport(canvas: Canvas, toolbar: HTMLElement): { add(item: ExportItem): void } {
  const wrap = document.createElement('div');
  wrap.className = 'export-menu';
  const opener = document.createElement('button');
  opener.type = 'button';
  opener.textContent = 'Export ▾';
  opener.title = 'Export the view as an image or as data';
  opener.setAttribute('aria-haspopup', 'menu');
  opener.setAttribute('aria-expanded', 'false');
  opener.setAttribute('aria-controls', 'export-menu');
  const menu = document.createElement('div');
  menu.id = 'export-menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', 'Export');
  menu.hidden = true;
  wrap.append(opener, menu);
  toolbar.append(wrap);

  const items = () => [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')];
  const open = (focus: 'first' | 'last') => {
    menu.hidden = false;
    opener.setAttribute('aria-expanded', 'true');
    const all = items();
    all[focus === 'first' ? 0 : all.length - 1]?.focus();
  };
  const close = (refocus: boolean) => {
    if (menu.hidden) return;
    menu.hidden = true;
    opener.setAttribute('aria-expanded', 'false');
    if (refocus) opener.focus();
  };

  opener.addEventListener('click', () => (menu.hidden ? open('first') : close(false)));
  opener.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    open(event.key === 'ArrowDown' ? 'first' : 'last');
  });
  menu.addEventListener('keydown', (event) => {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const moveTo = (i: number) => all[(i + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') moveTo(at + 1);
    else if (event.key === 'ArrowUp') moveTo(at - 1);
    else if (event.key === 'Home') moveTo(0);
    else if (event.key === 'End') moveTo(all.length - 1);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') return close(false);
    else return;
    event.preventDefault();
  });
  document.addEventListener('pointerdown', (event) => {
    if (!wrap.contains(event.target as Node)) close(false);
  });

  const add = (item: ExportItem) => {
    const entry = document.createElement('button');
    entry.type = 'button';
    entry.setAttribute('role', 'menuitem');
    entry.tabIndex = -1;
    entry.textContent = item.label;
    entry.addEventListener('click', async () => {
      close(true);
      try {
        const fileName = await busy(opener, item.run());
        toast(`Saved ${fileName}`);
      } catch (err) {
        toast(`Could not export ${item.label}: ${errorText(err)}`, 'error');
      }
    });
    menu.append(entry);
  };

  add({
    label: 'PNG image',
    async run() {
      const fileName = exportFileName({ kind: 'view' }, 'png');
      download(await toBlob(canvas.sigma as unknown as Sigma, { format: 'png', backgroundColor: '#ffffff' }), fileName);
      return fileName;
    },
  });
  add({
    label: 'JSON (graph)',
    async run() {
      const fileName = exportFileName({ kind: 'view' }, 'json');
      const json = JSON.stringify(viewExport(canvas.graph, canvas.state), null, 2);
      download(new Blob([json], { type: 'application/json' }), fileName);
      return fileName;
    },
  });
  return { add };
}
