/**
 * News of articles loaded by anyone while the explorer is open (GET /api/events): a toast that says
 * what came in and offers to show it. The browser's EventSource reconnects by itself after a drop.
 */
import type { GraphNews } from '../../../common/ingest.js';
import type { Canvas } from '../app/canvas.js';
import { errorText, toast } from '../app/toast.js';
import { newsWords, othersNews } from './model.js';
import { showDocuments } from './show.js';

/** How long news waits, so that an upload's own documents are known as such first. */
const OWN_GRACE_MS = 1500;

export interface Live {
  /** Starts listening, once the session is known (with access control on, the stream needs it). */
  start(): void;
  /** Documents this explorer put on the canvas itself (its own upload): not news to it. */
  shown(ids: string[]): void;
  close(): void;
}

/** `news` is told of every article that comes in, this explorer's own included (the timeline counts them). */
export function mountLive(canvas: Canvas, { news: heard }: { news?: () => void } = {}): Live {
  const own = new Set<string>();
  let source: EventSource | null = null;
  const announce = (message: Event) => {
    const news = JSON.parse((message as MessageEvent<string>).data) as GraphNews;
    heard?.();
    // The news and this explorer's own upload come down two streams in no set order: a moment's wait lets
    // the upload's own documents be known before they could be announced to it.
    setTimeout(() => tell(news), OWN_GRACE_MS);
  };
  const tell = (given: GraphNews) => {
    const news = othersNews(given, own);
    if (!news) return;
    const ids = news.documents.map((d) => d.id);
    const show = () =>
      void showDocuments(canvas, ids, 'New articles').catch((err: unknown) => toast(`The new articles could not be shown: ${errorText(err)}`, 'error'));
    const item = toast(newsWords(news), 'info', { label: 'Show', run: show });
    item.dataset.news = 'documents';
  };
  return {
    start() {
      if (source) return;
      source = new EventSource('/api/events');
      source.addEventListener('documents', announce);
    },
    shown: (ids) => ids.forEach((id) => own.add(id)),
    close: () => source?.close(),
  };
}
