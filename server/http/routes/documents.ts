/**
 * Articles in over the API: uploads (files, or JSON text) become jobs whose progress streams as
 * server-sent events; every open explorer hears of new articles, whoever loaded them; and a
 * document's own graph, to show what an article just added.
 */
import express, { Router } from 'express';
import { z } from 'zod';
import { httpUrl } from '../../../common/links.js';
import type { JobEvent } from '../../../common/ingest.js';
import { MAX_ARTICLE_BYTES } from '../../article/read.js';
import type { Database } from '../../db/database.js';
import { documentGraph } from '../../graph/document-graph.js';
import type { Jobs } from '../../ingest/jobs.js';
import type { News } from '../../ingest/news.js';
import { fileSource, textSource, urlSource } from '../../ingest/sources.js';
import { publicationDate } from '../../article/dates.js';
import type { FetchOptions } from '../../article/fetch.js';
import { recentDocuments } from '../../ingest/news.js';
import { requireRole, sameSiteOnly } from '../access.js';
import { authorOf } from '../author.js';
import { isMultipart, readMultipart } from '../multipart.js';
import { openEventStream } from '../sse.js';
import { idParams } from '../params.js';
import { DocumentParams } from './graph.js';

/** Articles in one JSON request; more go as files, or in several requests. */
export const MAX_JSON_DOCUMENTS = 1000;
/** The JSON body of POST /api/documents, read only for an editor (other bodies stop at 1 MB). */
export const UPLOAD_JSON_LIMIT = '50mb';

const HttpUrl = z
  .string()
  .max(2000)
  .refine((s) => httpUrl(s) !== null, 'an http(s) URL')
  .meta({ description: 'an http(s) URL', format: 'uri' });

export const TextDocument = z
  .strictObject({
    text: z
      .string()
      .min(1, 'the article text')
      .max(MAX_ARTICLE_BYTES)
      .meta({ description: 'the article, as plain text (Markdown and HTML are read as such when `name` ends so)' }),
    title: z.string().max(500).optional().meta({ description: 'its headline; else a `title:` line or the first line, as for files' }),
    source: HttpUrl.optional().meta({ description: "the article's URL: it identifies the document, so sending it again replaces it" }),
    name: z.string().min(1).max(200).optional().meta({ description: 'shown as its file name' }),
    publishedAt: z
      .string()
      .max(100)
      .refine((s) => publicationDate(s) !== null, 'a date such as 2024-01-31, or an ISO 8601 time')
      .optional()
      .meta({ description: 'when it was published: a date or an ISO 8601 time; else read from the text, as for files' }),
  })
  .meta({ title: 'text' });

export const PageDocument = z
  .strictObject({
    url: HttpUrl.meta({ description: 'a page to fetch and read as an article (public addresses only, unless NEWSGRAPH_FETCH_ALLOW lists it)' }),
  })
  .meta({ title: 'page' });

const OneDocument = z.union([TextDocument, PageDocument]);

export const DocumentsBody = z.union([
  OneDocument,
  z.strictObject({ documents: z.array(OneDocument).min(1).max(MAX_JSON_DOCUMENTS) }).meta({ title: 'several' }),
]);

export const JobParams = idParams('an upload job id, from POST /api/documents', { max: 100 });

/** Accept says whether a GET of an event route wants the stream, or (anything else) the JSON it would start with. */
const wantsStream = (accept: string | undefined) => /\btext\/event-stream\b/i.test(accept ?? '');

export function documentRoutes(db: Database, { jobs, news, fetch }: { jobs: Jobs; news: News; fetch: FetchOptions }): Router {
  const router = Router();

  router.post('/documents', requireRole('editor'), sameSiteOnly(), express.json({ limit: UPLOAD_JSON_LIMIT }), async (req, res) => {
    const by = authorOf(res);
    if (isMultipart(req)) {
      const upload = await readMultipart(req);
      const refused = upload.refused.map(({ name, message }) => ({ name, status: 'failed' as const, error: { code: 'BAD_INPUT' as const, message } }));
      const job = jobs.submit(
        upload.files.map((f) => fileSource(f.name, f.bytes)),
        by,
        refused,
      );
      res.status(202).location(`/api/jobs/${job.id}`).json({ job });
      return;
    }
    const body = DocumentsBody.parse(req.body);
    const given = 'documents' in body ? body.documents : [body];
    const job = jobs.submit(
      given.map((d, i) => ('text' in d ? textSource(d, i) : urlSource(d.url, fetch))),
      by,
    );
    res.status(202).location(`/api/jobs/${job.id}`).json({ job });
  });

  router.get('/documents/:id/graph', async (req, res) => {
    res.json(await documentGraph(db, DocumentParams.parse(req.params).id));
  });

  router.get('/jobs/:id', (req, res) => {
    res.json({ job: jobs.get(JobParams.parse(req.params).id) });
  });

  router.get('/jobs/:id/events', (req, res) => {
    const job = jobs.get(JobParams.parse(req.params).id);
    if (!wantsStream(req.headers.accept)) {
      res.json({ job });
      return;
    }
    let stop = () => {};
    const stream = openEventStream(req, res, () => stop());
    const send = (event: JobEvent) => stream.send(event.type, event);
    // The job as it stands first, so a late listener misses nothing; then each change.
    send({ type: 'job', job });
    if (job.finishedAt) {
      send({ type: 'end', job });
      stream.end();
      return;
    }
    stop = jobs.watch(job.id, (event) => {
      send(event);
      if (event.type === 'end') stream.end();
    });
  });

  router.get('/events', async (req, res) => {
    if (!wantsStream(req.headers.accept)) {
      res.json({ documents: await recentDocuments(db) });
      return;
    }
    await news.ready();
    let stop = () => {};
    const stream = openEventStream(req, res, () => stop());
    stop = news.listen((event) => stream.send(event.type, event));
  });

  return router;
}
