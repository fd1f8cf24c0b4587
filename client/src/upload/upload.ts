/**
 * Adding articles from the explorer (editors): files dropped on the canvas or chosen, pasted text, or
 * a page's address, sent to POST /api/documents. The panel follows the job's progress as it streams
 * (GET /api/jobs/:id/events), says what became of each file, and puts what was loaded on the canvas.
 */
import './upload.css';
import type { Job, JobEvent } from '../../../common/ingest.js';
import { getJson, sendJson } from '../api.js';
import type { Canvas } from '../app/canvas.js';
import { button, el } from '../app/dom.js';
import { canEdit } from '../app/session.js';
import { errorText, toast } from '../app/toast.js';
import type { Panel } from '../panel/panel.js';
import type { Live } from './live.js';
import { applyJobEvent, fileWords, progressOf, writtenDocuments } from './model.js';
import { showDocuments } from './show.js';

const ACCEPT = '.txt,.md,.markdown,.html,.htm';
const JOB_EVENTS: JobEvent['type'][] = ['job', 'state', 'progress', 'file', 'end'];

export interface UploadDeps {
  canvas: Canvas;
  panel: Panel;
  live: Live;
  topbar: HTMLElement;
  before: HTMLElement | null;
}

export interface Upload {
  /** Opens the panel (editors only). */
  open(): void;
  /** Sends files, as a drop does. */
  send(files: File[]): Promise<void>;
  /** Adds the button and the drop target once the role is known. */
  setEditable(): void;
}

export function mountUpload({ canvas, panel, live, topbar, before }: UploadDeps): Upload {
  const area = canvas.container.parentElement!;
  let progress: HTMLElement | null = null;
  /** The last job drawn: the panel shows it again when it comes back from reading a document. */
  let last: Job | null = null;

  const makeRoom = () => area.classList.add('with-panel');

  /** The job's state drawn into the panel's progress part. */
  function draw(job: Job): void {
    last = job;
    if (!progress) return;
    const { fraction, words } = progressOf(job);
    const bar = el('progress');
    bar.max = 1;
    bar.value = fraction;
    bar.setAttribute('aria-label', 'Upload progress');
    const said = el('p', words, job.state === 'failed' ? 'error' : 'upload-status');
    said.setAttribute('role', 'status');
    const list = el('ul', undefined, 'upload-files');
    list.setAttribute('aria-label', 'Files');
    for (const f of job.files) {
      const item = el('li', undefined, `upload-file upload-${f.status}`);
      item.dataset.status = f.status;
      item.append(el('span', f.name, 'upload-name'), el('span', fileWords(f), 'upload-outcome'));
      const document = f.document;
      if (document && f.status !== 'failed') {
        const read = button('Read', 'upload-read', () => void panel.showDocument(document, undefined, open));
        read.setAttribute('aria-label', `Read ${f.name}`);
        item.append(read);
      }
      list.append(item);
    }
    progress.dataset.state = job.state;
    progress.replaceChildren(bar, said, list);
  }

  /** Follows a job to its end, then shows what it wrote. */
  function follow(started: Job): Promise<void> {
    let job: Job | null = started;
    draw(started);
    return new Promise((resolve) => {
      const events = new EventSource(`/api/jobs/${encodeURIComponent(started.id)}/events`);
      const finish = () => {
        events.close();
        resolve();
      };
      for (const type of JOB_EVENTS) {
        events.addEventListener(type, (message) => {
          const event = JSON.parse((message as MessageEvent<string>).data) as JobEvent;
          job = applyJobEvent(job, event);
          if (event.type === 'file' && event.file.document) live.shown([event.file.document]);
          if (job) draw(job);
          if (event.type === 'end') {
            finish();
            void shown(event.job);
          }
        });
      }
      // A stream that cannot be had (the server went away): the job is read once more, then left.
      events.onerror = () => {
        if (events.readyState !== EventSource.CLOSED) return;
        void getJson<{ job: Job }>(`/api/jobs/${encodeURIComponent(started.id)}`)
          .then(({ job: last }) => draw(last))
          .catch(() => undefined)
          .finally(finish);
      };
    });
  }

  async function shown(job: Job): Promise<void> {
    const ids = writtenDocuments(job);
    if (ids.length === 0) return;
    live.shown(ids);
    try {
      await showDocuments(canvas, ids, ids.length === 1 ? 'New article' : `${ids.length} new articles`);
    } catch (err) {
      toast(`The new articles could not be shown: ${errorText(err)}`, 'error');
    }
  }

  async function submit(send: () => Promise<{ job: Job }>): Promise<void> {
    open();
    try {
      await follow((await send()).job);
    } catch (err) {
      progress?.replaceChildren(el('p', `Nothing was loaded: ${errorText(err)}`, 'error'));
    }
  }

  const sendFiles = (files: File[]) =>
    submit(() => {
      const body = new FormData();
      for (const f of files) body.append('files', f, f.name);
      return getJson<{ job: Job }>('/api/documents', { method: 'POST', body });
    });

  function open(): void {
    if (progress?.isConnected) return;
    makeRoom();
    const chooser = el('input');
    chooser.type = 'file';
    chooser.multiple = true;
    chooser.accept = ACCEPT;
    chooser.id = 'upload-files';
    chooser.addEventListener('change', () => {
      if (chooser.files?.length) void sendFiles([...chooser.files]);
      chooser.value = '';
    });
    const chooserLabel = el('label', 'Choose files…', 'upload-choose');
    chooserLabel.htmlFor = chooser.id;
    const drop = el('div', undefined, 'upload-drop');
    drop.append(el('p', 'Drop article files here (.txt, .md, .html), several at once, or'), chooserLabel, chooser);

    const pasted = el('textarea');
    pasted.rows = 6;
    pasted.setAttribute('aria-label', 'Article text');
    pasted.placeholder = 'Paste an article’s text here';
    const title = el('input');
    title.setAttribute('aria-label', 'Headline (optional)');
    title.placeholder = 'Headline (optional)';
    const addText = button('Add text', 'upload-button', () => {
      const text = pasted.value.trim();
      if (!text) return pasted.focus();
      void submit(() => sendJson<{ job: Job }>('POST', '/api/documents', { text, ...(title.value.trim() ? { title: title.value.trim() } : {}) })).then(() => {
        pasted.value = '';
        title.value = '';
      });
    });
    const paste = el('form', undefined, 'upload-paste');
    paste.append(el('h3', 'Paste text'), pasted, title, addText);

    const address = el('input');
    address.type = 'url';
    address.setAttribute('aria-label', 'Page address');
    address.placeholder = 'https://…';
    const fetchPage = button('Fetch', 'upload-button', () => {
      const url = address.value.trim();
      if (!url || !address.checkValidity()) return address.reportValidity();
      void submit(() => sendJson<{ job: Job }>('POST', '/api/documents', { url })).then(() => (address.value = ''));
    });
    const page = el('form', undefined, 'upload-paste');
    page.addEventListener('submit', (e) => {
      e.preventDefault();
      fetchPage.click();
    });
    page.append(el('h3', 'From a web page'), address, fetchPage);

    progress = el('div', undefined, 'upload-progress');
    progress.setAttribute('aria-live', 'polite');
    panel.render([el('p', 'Articles', 'kind'), el('h2', 'Add articles'), drop, paste, page, progress]);
    if (last) draw(last);
  }

  let mounted = false;
  function setEditable(): void {
    if (mounted || !canEdit()) return;
    mounted = true;
    const b = button('Add articles', 'curate-button', open);
    b.id = 'upload-button';
    b.title = 'Add news articles: drop files, paste text, or give a page’s address';
    topbar.insertBefore(b, before);
    // Files dropped anywhere on the canvas are sent as they are.
    area.addEventListener('dragover', (e) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      area.classList.add('dropping');
    });
    area.addEventListener('dragleave', (e) => {
      if (e.target === area || !area.contains(e.relatedTarget as Node | null)) area.classList.remove('dropping');
    });
    area.addEventListener('drop', (e) => {
      area.classList.remove('dropping');
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      e.preventDefault();
      void sendFiles(files);
    });
  }

  return { open, send: sendFiles, setEditable };
}
