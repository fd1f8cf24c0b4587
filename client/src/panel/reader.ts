/**
 * A document's text with its entity mentions marked and one passage (an evidence sentence) in focus.
 * Built from text nodes and <mark> elements only: an article's own markup (a <script>, an <img
 * onerror>) stays visible text and never becomes part of the page.
 */
import type { DocumentDetails } from '../../../common/api.js';

export interface Span {
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  /** The kind of entity mentioned here, if any. */
  mention?: string;
  focus?: boolean;
}

/** Cuts `text` at every span boundary; overlapping mentions keep the first, and the focus overlays them. */
export function segments(text: string, mentions: (Span & { kind: string })[], focus?: Span): Segment[] {
  const cuts = new Set([0, text.length]);
  for (const s of [...mentions, ...(focus ? [focus] : [])]) {
    cuts.add(Math.max(0, Math.min(text.length, s.start)));
    cuts.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i]!, points[i + 1]!];
    const mention = mentions.find((m) => m.start <= from && to <= m.end);
    out.push({ text: text.slice(from, to), mention: mention?.kind, focus: focus ? focus.start <= from && to <= focus.end : undefined });
  }
  return out;
}

export function renderDocument(doc: DocumentDetails, focus?: Span): HTMLElement {
  const article = document.createElement('article');
  article.className = 'reader';
  article.setAttribute('aria-label', 'Document text');
  let paragraph = document.createElement('p');
  article.append(paragraph);
  let focused: HTMLElement | undefined;
  for (const seg of segments(doc.text, doc.mentions, focus)) {
    const parts = seg.text.split(/\n\s*\n/);
    parts.forEach((part, i) => {
      if (i > 0) {
        paragraph = document.createElement('p');
        article.append(paragraph);
      }
      if (!part) return;
      if (!seg.mention && !seg.focus) {
        paragraph.append(document.createTextNode(part));
        return;
      }
      const mark = document.createElement('mark');
      mark.textContent = part;
      if (seg.mention) mark.dataset.kind = seg.mention;
      if (seg.focus) {
        mark.classList.add('focus');
        focused ??= mark;
      }
      paragraph.append(mark);
    });
  }
  if (focused) queueMicrotask(() => focused!.scrollIntoView({ block: 'center' }));
  return article;
}
