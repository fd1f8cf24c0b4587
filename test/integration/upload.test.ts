/**
 * Articles in over the API against the real Neo4j: files and JSON text become a job that loads them,
 * its progress streams as server-sent events, each file's outcome is kept (refused ones too, while the
 * rest load), a document's own graph shows what it added, and an open event stream hears of articles
 * loaded by anyone, `newsgraph load` in a terminal included. Writes need an editor, from this site.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SerializedGraph } from '../../common/graph.js';
import type { GraphNews, Job } from '../../common/ingest.js';
import { createToken } from '../../server/auth/store.js';
import { createApp } from '../../server/http/app.js';
import { createLogger } from '../../server/logger.js';
import { request } from '../helpers/http.js';
import { cliEnv, testDatabase } from '../helpers/neo4j.js';
import { runCli } from '../helpers/process.js';
import { loadGraph } from '../helpers/seeded.js';
import { readEvents } from '../helpers/sse.js';
import { tempDirs } from '../helpers/temp.js';
import { NEWS_PAGE, PAGE_CHROME, THREE_ARTICLES } from '../helpers/upload.js';
import { dropTokens } from '../helpers/tokens.js';

function form(files: Record<string, string | Buffer>): FormData {
  const body = new FormData();
  for (const [name, content] of Object.entries(files)) body.append('files', new Blob([content]), name);
  return body;
}

describe('articles in over the API', () => {
  const db = testDatabase();
  const temp = tempDirs('newsgraph-upload');
  const servers: Server[] = [];
  let base: string;
  let secured: string;
  let fetching: string;
  let pages: Server;
  let pagesBase: string;
  const listen = async (auth: boolean, allow: string[] = []) => {
    const server = createApp({ db, logger: createLogger('silent'), access: { auth }, fetch: { allow } }).listen(0, '127.0.0.1');
    servers.push(server);
    await once(server, 'listening');
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const upload = (body: FormData | object, at = base, headers: Record<string, string> = {}) =>
    fetch(`${at}/api/documents`, {
      method: 'POST',
      body: body instanceof FormData ? body : JSON.stringify(body),
      headers: body instanceof FormData ? headers : { 'content-type': 'application/json', ...headers },
    });
  /** The job once it has ended, read from GET /api/jobs/:id. */
  const finished = async (id: string, at = base, headers: Record<string, string> = {}): Promise<Job> => {
    for (let i = 0; i < 600; i++) {
      const { job } = (await (await fetch(`${at}/api/jobs/${id}`, { headers })).json()) as { job: Job };
      if (job.finishedAt) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${id} did not end`);
  };
  const documentCount = async () => db.read(async (tx) => (await tx.run('MATCH (d:Newsgraph:Document) RETURN count(d) AS n')).records[0]!.get('n') as number);

  before(async () => {
    await loadGraph(db);
    base = await listen(false);
    secured = await listen(true);
    fetching = await listen(false, ['127.0.0.1']);
    pages = createServer((req, res) => {
      if (req.url === '/story') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(NEWS_PAGE);
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
    }).listen(0, '127.0.0.1');
    await once(pages, 'listening');
    pagesBase = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  });
  after(async () => {
    pages.close();
    for (const s of servers) s.closeAllConnections();
    servers.forEach((s) => s.close());
    temp.cleanup();
    await dropTokens(db);
    await db.close();
  });

  it('loads three files as a job (202 and Location), streams its progress, and keeps what became of each file', async () => {
    const reply = await upload(form(THREE_ARTICLES));
    assert.equal(reply.status, 202);
    const { job } = (await reply.json()) as { job: Job };
    assert.equal(reply.headers.get('location'), `/api/jobs/${job.id}`);
    assert.equal(job.total, 3);
    assert.deepEqual(
      job.files.map((f) => f.status),
      ['pending', 'pending', 'pending'],
    );
    const events = await readEvents(`${base}/api/jobs/${job.id}/events`);
    try {
      const first = await events.next('job');
      assert.equal((first.data as { job: Job }).job.id, job.id);
      const end = (await events.next('end', 120_000)).data as { job: Job };
      assert.equal(end.job.state, 'done');
      // Whatever had happened before the stream opened came in its first event; after it, files one by one.
      const fileEvents = events.seen.filter((e) => e.event === 'file').length;
      const startedAs = (first.data as { job: Job }).job.files.filter((f) => f.status !== 'pending').length;
      assert.equal(fileEvents + startedAs, 3, JSON.stringify(events.seen));
    } finally {
      events.close();
    }
    const done = await finished(job.id);
    assert.equal(done.done, 3);
    assert.deepEqual(
      done.files.map((f) => [f.name, f.status]),
      [
        ['harbour.txt', 'new'],
        ['mayor.md', 'new'],
        ['council.html', 'new'],
      ],
    );
    assert.deepEqual(done.summary?.documents, { new: 3, unchanged: 0, replaced: 0, failed: 0 });
    assert.equal(done.by, 'local user');

    // Each document's graph: the entities it mentions and the links its sentences are evidence for.
    const harbour = done.files[0]!.document!;
    const graph = (await (await fetch(`${base}/api/documents/${encodeURIComponent(harbour)}/graph`)).json()) as SerializedGraph;
    const names = graph.nodes.map((n) => n.attributes.label).sort();
    assert.ok(names.includes('Alma Ricci') && names.includes('Tomas Berg'), names.join(', '));
    assert.ok(
      graph.edges.some((e) => e.attributes.relType === 'MET'),
      JSON.stringify(graph.edges.map((e) => e.attributes.relType)),
    );
    for (const e of graph.edges) assert.ok((e.attributes.properties.evDocs as string[]).includes(harbour), 'only links this article evidences');
    assert.equal(done.files[0]!.entities, graph.nodes.filter((n) => n.attributes.kind !== 'Allegation').length);

    // The same files again change nothing.
    const again = await finished(((await (await upload(form(THREE_ARTICLES))).json()) as { job: Job }).job.id);
    assert.deepEqual(
      again.files.map((f) => f.status),
      ['unchanged', 'unchanged', 'unchanged'],
    );
  });

  it('reports a file it cannot load, by name and why, and loads the others', async () => {
    const before = await documentCount();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
    const reply = await upload(
      form({
        'scan.pdf': '%PDF-1.4',
        'huge.txt': big,
        'binary.txt': Buffer.from([0, 1, 2, 3]),
        'fine.txt': 'Senator Jonas Weller met Ambassador Ruth Okafor in Nairobi.\n',
      }),
    );
    assert.equal(reply.status, 202);
    const job = await finished(((await reply.json()) as { job: Job }).job.id);
    const byName = Object.fromEntries(job.files.map((f) => [f.name, f]));
    assert.equal(byName['fine.txt']!.status, 'new');
    assert.match(byName['scan.pdf']!.error!.message, /scan\.pdf skipped: only \.txt/);
    assert.match(byName['huge.txt']!.error!.message, /huge\.txt skipped: .*over the 10 MB limit/);
    assert.match(byName['binary.txt']!.error!.message, /binary\.txt skipped: it looks binary/);
    for (const name of ['scan.pdf', 'huge.txt', 'binary.txt']) assert.equal(byName[name]!.error!.code, 'BAD_INPUT');
    assert.equal(job.summary!.documents.failed, 3);
    assert.equal(await documentCount(), before + 1);
  });

  it('accounts for two files of one name (from two folders) each', async () => {
    const body = new FormData();
    body.append('files', new Blob(['Chief Justice Amara Nwosu met Senator Paul Dervaux in Lyon.']), 'north/report.txt');
    body.append('files', new Blob(['Chief Justice Amara Nwosu met Governor Lise Amundsen in Bergen.']), 'south/report.txt');
    const job = await finished(((await (await upload(body)).json()) as { job: Job }).job.id);
    assert.deepEqual(
      job.files.map((f) => [f.name, f.status]),
      [
        ['report.txt', 'new'],
        ['report.txt', 'new'],
      ],
    );
    assert.notEqual(job.files[0]!.document, job.files[1]!.document);
  });

  it('takes JSON text with a title and a source URL, one or many; the URL makes it the same document', async () => {
    const text = 'Governor Tomas Berg met Minister Alma Ricci again in Porto.';
    const job = await finished(
      ((await (await upload({ text, title: 'Second harbour meeting', source: 'https://news.example.org/harbour-2' })).json()) as { job: Job }).job.id,
    );
    assert.equal(job.files[0]!.status, 'new');
    const id = job.files[0]!.document!;
    const doc = (await request(base, `/api/documents/${encodeURIComponent(id)}`)).json() as { title: string; url: string; file: string };
    assert.equal(doc.title, 'Second harbour meeting');
    assert.equal(doc.url, 'https://news.example.org/harbour-2');
    assert.equal(doc.file, 'pasted text 1');
    const edited = await finished(
      (
        (await (await upload({ documents: [{ text: `${text} They spoke for an hour.`, source: 'https://news.example.org/harbour-2' }] })).json()) as {
          job: Job;
        }
      ).job.id,
    );
    assert.deepEqual(
      edited.files.map((f) => [f.status, f.document]),
      [['replaced', id]],
    );
  });

  it('fetches a page by its address: clean, titled, dated, under its canonical URL; a private address only when allowed', async () => {
    const job = await finished(((await (await upload({ url: `${pagesBase}/story` }, fetching)).json()) as { job: Job }).job.id, fetching);
    assert.equal(job.files[0]!.status, 'new', JSON.stringify(job.files[0]));
    const doc = (await request(fetching, `/api/documents/${encodeURIComponent(job.files[0]!.document!)}`)).json() as {
      title: string;
      url: string;
      publishedAt: string;
      byline: string;
      text: string;
    };
    assert.equal(doc.title, 'Port strike ends after talks');
    assert.equal(doc.url, 'https://coastline.example/news/port-strike-ends');
    assert.equal(doc.publishedAt, '2025-03-14T09:30:00.000Z');
    assert.match(doc.byline, /Nadia Clarke/);
    assert.match(doc.text, /Union leader Oskar Brandt met Transport Minister Helena Voss/);
    for (const chrome of PAGE_CHROME) assert.ok(!doc.text.includes(chrome), `"${chrome}" left in: ${doc.text}`);
    const missing = await finished(((await (await upload({ url: `${pagesBase}/gone` }, fetching)).json()) as { job: Job }).job.id, fetching);
    assert.equal(missing.files[0]!.status, 'failed');
    assert.equal(missing.files[0]!.error!.code, 'NOT_FOUND');
    // The server that allows nothing private refuses loopback, and says how to allow it.
    const refused = await finished(((await (await upload({ url: `${pagesBase}/story` })).json()) as { job: Job }).job.id);
    assert.equal(refused.files[0]!.status, 'failed');
    assert.match(refused.files[0]!.error!.message, /127\.0\.0\.1.*NEWSGRAPH_FETCH_ALLOW/s);
  });

  it('takes the publication date given with JSON text', async () => {
    const job = await finished(
      ((await (await upload({ text: 'Mayor Ines Duarte met Governor Tomas Berg in Faro.', publishedAt: '2024-02-29' })).json()) as { job: Job }).job.id,
    );
    const doc = (await request(base, `/api/documents/${encodeURIComponent(job.files[0]!.document!)}`)).json() as { publishedAt: string };
    assert.equal(doc.publishedAt, '2024-02-29T00:00:00.000Z');
  });

  it('refuses bad uploads with a clear 4xx and loads nothing', async () => {
    const before = await documentCount();
    const cases: [FormData | object, number, RegExp][] = [
      [{}, 400, /text|documents/],
      [{ text: '' }, 400, /text/],
      [{ text: 'x', source: 'javascript:alert(1)' }, 400, /http\(s\) URL/],
      [{ documents: [] }, 400, /documents/],
      [{ text: 'x', publishedAt: 'someday' }, 400, /2024-01-31/],
      [{ url: 'file:///etc/passwd' }, 400, /http\(s\) URL/],
      [new FormData(), 400, /no file|multipart/],
    ];
    for (const [body, status, message] of cases) {
      const reply = await upload(body);
      const text = await reply.text();
      assert.equal(reply.status, status, text);
      const { error } = JSON.parse(text) as { error: { code: string; message: string } };
      assert.equal(error.code, 'BAD_REQUEST');
      assert.match(error.message, message);
    }
    assert.equal(await documentCount(), before);
  });

  it("refuses a reader's token and a request from another site (403), and records an editor's name", async () => {
    const before = await documentCount();
    const reader = { authorization: `Bearer ${(await createToken(db, { role: 'reader', name: 'rita' })).token}` };
    const editor = { authorization: `Bearer ${(await createToken(db, { role: 'editor', name: 'eddie' })).token}` };
    const refused = await upload(form({ 'x.txt': 'Judge Mara Olsen met Attorney Sam Reyes.' }), secured, reader);
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'FORBIDDEN');
    const crossSite = await upload(form({ 'x.txt': 'Judge Mara Olsen met Attorney Sam Reyes.' }), base, { origin: 'https://evil.example' });
    assert.equal(crossSite.status, 403);
    assert.match(((await crossSite.json()) as { error: { message: string } }).error.message, /another site/);
    assert.equal(await documentCount(), before);
    const reply = await upload({ text: 'Judge Mara Olsen met Attorney Sam Reyes in Oslo.' }, secured, editor);
    assert.equal(reply.status, 202);
    const { job } = (await reply.json()) as { job: Job };
    assert.equal(job.by, 'eddie');
    const done = await finished(job.id, secured, reader);
    assert.equal(done.state, 'done');
  });

  it('tells an open event stream of articles loaded by anyone, a `newsgraph load` in a terminal included', async () => {
    const events = await readEvents(`${base}/api/events`);
    try {
      // Through the API…
      const job = await finished(
        ((await (await upload({ text: 'Admiral Lena Koch met General Omar Haddad in Split.', name: 'navy.txt' })).json()) as { job: Job }).job.id,
      );
      const fromApi = (await events.next('documents', 30_000)).data as GraphNews;
      assert.deepEqual(
        fromApi.documents.map((d) => d.id),
        [job.files[0]!.document],
      );
      assert.equal(fromApi.documents[0]!.title, 'Admiral Lena Koch met General Omar Haddad in Split.');
      assert.ok(fromApi.documents[0]!.entities >= 2);
      // …and from the command line, another process writing to the same database.
      const dir = temp.make();
      const file = path.join(dir, 'treaty.txt');
      writeFileSync(file, 'title: Treaty talks resume\n\nForeign Minister Karin Holm met Envoy David Mensah in Geneva.\n');
      const cli = runCli(['load', file], cliEnv());
      assert.equal(await cli.exited, 0, cli.stderr());
      const fromCli = (await events.next('documents', 30_000)).data as GraphNews;
      assert.deepEqual(
        fromCli.documents.map((d) => d.title),
        ['Treaty talks resume'],
      );
    } finally {
      events.close();
    }
    // Without asking for the stream, the latest documents as JSON, newest first.
    const recent = (await request(base, '/api/events')).json() as { documents: { title: string }[] };
    assert.equal(recent.documents[0]!.title, 'Treaty talks resume');
  });

  it('answers an unknown job 404 in the error vocabulary', async () => {
    for (const url of ['/api/jobs/nope', '/api/jobs/nope/events']) {
      const reply = await request(base, url);
      assert.equal(reply.status, 404);
      assert.equal((reply.json() as { error: { code: string } }).error.code, 'NOT_FOUND');
    }
  });
});
