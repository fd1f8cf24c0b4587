/**
 * Articles coming in over the API, shared by server and explorer: upload jobs and their progress
 * events (POST /api/documents, GET /api/jobs/:id and its event stream), and the news that the graph
 * has new articles (GET /api/events), whoever loaded them.
 */
import type { ApiError } from './api.js';

/** One file, pasted text or URL of an upload, and what became of it. */
export interface JobFile {
  /** The file's name, the URL, or the name given to pasted text. */
  name: string;
  status: 'pending' | 'new' | 'replaced' | 'unchanged' | 'failed';
  /** The document it became (not for a failure). */
  document?: string;
  /** The entities that document mentions, when it was written. */
  entities?: number;
  error?: ApiError['error'];
}

export interface Job {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  /** Who asked for it. */
  by: string;
  createdAt: string;
  finishedAt?: string;
  /** Files (and texts and URLs) in the job, and how many of them have been dealt with. */
  total: number;
  done: number;
  files: JobFile[];
  summary?: { documents: { new: number; unchanged: number; replaced: number; failed: number }; entitiesNew: number; seconds: number };
  /** Why the whole job stopped (the database went away); each file's own failure is on the file. */
  error?: ApiError['error'];
}

/** The events of GET /api/jobs/:id/events, as the `data` of server-sent events named by `type`. */
export type JobEvent =
  | { type: 'job'; job: Job }
  | { type: 'state'; state: Job['state'] }
  | { type: 'progress'; done: number; total: number }
  | { type: 'file'; file: JobFile }
  | { type: 'end'; job: Job };

/** A document just loaded or replaced, as GET /api/events announces it. */
export interface NewDocument {
  id: string;
  title: string | null;
  /** When it was written (ISO 8601). */
  loadedAt: string;
  /** Entities it mentions. */
  entities: number;
}

/** GET /api/events: `documents` when articles were loaded since the last announcement (by anyone: upload or CLI). */
export interface GraphNews {
  type: 'documents';
  documents: NewDocument[];
  /** All the documents loaded since the last announcement; `documents` lists the first ones only. */
  total: number;
}
