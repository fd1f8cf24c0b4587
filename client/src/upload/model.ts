/**
 * What the explorer knows of an upload and of new articles, as pure functions: a job brought up to
 * date by each of its events, the words that say how far it is, which documents to show once it is
 * done, and several documents' graphs made one to put on the canvas.
 */
import type { SerializedGraph } from '../../../common/graph.js';
import type { GraphNews, Job, JobEvent, JobFile } from '../../../common/ingest.js';

/** The job after one of its events; the same job when the event says nothing new. */
export function applyJobEvent(job: Job | null, event: JobEvent): Job | null {
  switch (event.type) {
    case 'job':
    case 'end':
      return event.job;
    case 'state':
      return job && { ...job, state: event.state };
    case 'progress':
      return job && { ...job, done: event.done, total: event.total };
    case 'file': {
      if (!job) return job;
      const i = job.files.findIndex((f) => f.name === event.file.name && f.status === 'pending');
      const files = i < 0 ? [...job.files, event.file] : job.files.map((f, k) => (k === i ? event.file : f));
      return { ...job, files };
    }
  }
}

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
const entities = (n: number) => plural(n, 'entity', 'entities');

/** How far the job is, as a fraction and in words. */
export function progressOf(job: Job): { fraction: number; words: string } {
  const fraction = job.total ? job.done / job.total : 1;
  if (job.state === 'queued') return { fraction: 0, words: `Waiting for the load before it (${plural(job.total, 'article')})…` };
  if (job.state === 'running') return { fraction, words: `Reading ${job.done} of ${plural(job.total, 'article')}…` };
  if (job.state === 'failed') return { fraction, words: `Stopped: ${job.error?.message ?? 'the load failed'}` };
  const counts = countStatuses(job.files);
  const parts = [
    counts.new && `${counts.new} new`,
    counts.replaced && `${counts.replaced} updated`,
    counts.unchanged && `${counts.unchanged} already loaded`,
    counts.failed && `${counts.failed} could not be loaded`,
  ].filter(Boolean);
  return { fraction: 1, words: `Done: ${parts.join(', ') || 'nothing to load'}.` };
}

function countStatuses(files: JobFile[]): Record<JobFile['status'], number> {
  const counts = { pending: 0, new: 0, replaced: 0, unchanged: 0, failed: 0 };
  for (const f of files) counts[f.status]++;
  return counts;
}

/** What a file's line says. */
export function fileWords(file: JobFile): string {
  switch (file.status) {
    case 'pending':
      return 'waiting';
    case 'failed':
      return file.error?.message ?? 'could not be loaded';
    case 'unchanged':
      return 'already loaded, unchanged';
    default:
      return `${file.status === 'new' ? 'loaded' : 'updated'}: ${entities(file.entities ?? 0)}`;
  }
}

/** The documents a finished job wrote, to show on the canvas. */
export function writtenDocuments(job: Job): string[] {
  return [...new Set(job.files.filter((f) => (f.status === 'new' || f.status === 'replaced') && f.document).map((f) => f.document!))];
}

/** The news without the documents this explorer loaded itself; null when nothing is left to tell. */
export function othersNews(news: GraphNews, own: ReadonlySet<string>): GraphNews | null {
  const documents = news.documents.filter((d) => !own.has(d.id));
  if (documents.length === 0) return null;
  return { ...news, documents, total: news.total - (news.documents.length - documents.length) };
}

/** The words of a toast announcing articles someone loaded. */
export function newsWords(news: GraphNews): string {
  const mentioned = news.documents.reduce((n, d) => n + d.entities, 0);
  const first = news.documents[0]?.title;
  const what = news.total === 1 && first ? `New article: “${first}”` : `${plural(news.total, 'new article')}`;
  return `${what} (${entities(mentioned)}${news.total > news.documents.length ? ' in the first ones' : ''}).`;
}

/** Several documents' graphs as one: each node and link once. */
export function unionGraphs(graphs: SerializedGraph[]): SerializedGraph {
  const nodes = new Map<string, SerializedGraph['nodes'][number]>();
  const edges = new Map<string, SerializedGraph['edges'][number]>();
  for (const g of graphs) {
    for (const n of g.nodes) if (!nodes.has(n.key)) nodes.set(n.key, n);
    for (const e of g.edges) if (!edges.has(e.key)) edges.set(e.key, e);
  }
  const options = graphs[0]?.options ?? { type: 'directed', multi: true, allowSelfLoops: true };
  return { attributes: { scope: 'documents' }, options, nodes: [...nodes.values()], edges: [...edges.values()] };
}

/**
 * Where new articles' entities join a canvas: around the node among them that is already there with the
 * most links to them, so they land beside what they are about; null when none is there.
 */
export function joiningNode(graph: SerializedGraph, onCanvas: (key: string) => boolean): string | null {
  const degree = new Map<string, number>();
  for (const e of graph.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  let best: string | null = null;
  for (const n of graph.nodes) {
    if (!onCanvas(n.key)) continue;
    if (best === null || (degree.get(n.key) ?? 0) > (degree.get(best) ?? 0)) best = n.key;
  }
  return best;
}
