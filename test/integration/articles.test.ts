/** Articles with their dates and bylines, from files and from a page a local HTTP server serves, into a real Neo4j. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applySchema } from '../../server/db/schema.js';
import { documentDetails, listDocuments } from '../../server/graph/documents.js';
import { loadPaths } from '../../server/ingest/load.js';
import { cliEnv, resetGraph, testDatabase } from '../helpers/neo4j.js';
import { runCli } from '../helpers/process.js';
import { tempDirs } from '../helpers/temp.js';

const TEXT = `source: https://valley-wire.example/2023/harbour
title: Harbour chair quits over dredging deal
date: 2023-11-14

The chair of the Kestrel Valley harbour board, Ilse Varga, resigned on Monday after councillors questioned a dredging contract.
Tomas Reyl, who leads the audit committee, said the review would be published next month.
`;

const page = (canonical: string) => `<!doctype html><html><head><title>Quarry permit row | Upland Echo</title>
<link rel="canonical" href="${canonical}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Quarry permit row reaches the assembly",
 "datePublished":"2022-05-09T08:00:00+02:00","author":{"@type":"Person","name":"Rosa Eld"}}</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<div class="cookie-notice"><p>This site uses cookies.</p><a href="/cookies">Cookie settings</a></div>
<main><article><h1>Quarry permit row reaches the assembly</h1>
<p>Assembly member Petra Linde asked on Monday why the Upland quarry permit was renewed without a public hearing, and the planning office said it would answer in writing.</p>
<p>The quarry's owner, Greyhill Aggregates, said every rule had been followed and that the renewal had been advertised in the county gazette in March.</p>
<p>Residents of Marlow Bend, who have complained about dust and blasting for two years, said they had never seen the notice and would ask for a review.</p>
</article></main><footer>© Upland Echo · <a href="/privacy">Privacy</a></footer></body></html>`;

describe('articles with their dates, from files and URLs', () => {
  const db = testDatabase();
  const temps = tempDirs('newsgraph-articles');
  let server: http.Server;
  let base = '';

  before(async () => {
    await applySchema(db);
    server = http.createServer((req, res) => {
      if (req.url === '/page.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page('/news/quarry-permit-row'));
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('no such page');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => resetGraph(db));
  after(async () => {
    server.closeAllConnections();
    server.close();
    temps.cleanup();
    await db.close();
  });

  const stored = () =>
    db.read(async (tx) =>
      (
        await tx.run(
          'MATCH (d:Newsgraph:Document) RETURN d.file AS file, d.url AS url, d.title AS title, d.publishedAt AS publishedAt, d.byline AS byline ORDER BY file',
        )
      ).records.map((r) => r.toObject()),
    );

  it('stores the date of a text file’s date: line and of an HTML page’s JSON-LD, and keeps them through a reload', async () => {
    const dir = temps.make();
    writeFileSync(path.join(dir, 'harbour.txt'), TEXT);
    writeFileSync(path.join(dir, 'quarry.html'), page('https://upland-echo.example/news/quarry-permit-row'));
    const first = await loadPaths(db, [dir]);
    assert.deepEqual(first.documents, { new: 2, unchanged: 0, replaced: 0, failed: 0 });
    const expected = [
      {
        file: 'harbour.txt',
        url: 'https://valley-wire.example/2023/harbour',
        title: 'Harbour chair quits over dredging deal',
        publishedAt: '2023-11-14T00:00:00.000Z',
        byline: null,
      },
      {
        file: 'quarry.html',
        url: 'https://upland-echo.example/news/quarry-permit-row',
        title: 'Quarry permit row reaches the assembly',
        publishedAt: '2022-05-09T06:00:00.000Z',
        byline: 'Rosa Eld',
      },
    ];
    assert.deepEqual(await stored(), expected);

    const again = await loadPaths(db, [dir]);
    assert.deepEqual(again.documents, { new: 0, unchanged: 2, replaced: 0, failed: 0 });
    assert.deepEqual(await stored(), expected);

    // A document loaded before dates were read (no publishedAt, no byline) gets them from a reload,
    // without being extracted again.
    await db.write((tx) => tx.run('MATCH (d:Newsgraph:Document) REMOVE d.publishedAt, d.byline'));
    const refreshed = await loadPaths(db, [dir]);
    assert.deepEqual(refreshed.documents, { new: 0, unchanged: 2, replaced: 0, failed: 0 });
    assert.deepEqual(await stored(), expected);

    // The API's document list and details carry them; the page's navigation and cookie notice are not in its text.
    const { documents } = await listDocuments(db);
    const quarry = documents.find((d) => d.file === 'quarry.html')!;
    assert.equal(quarry.publishedAt, '2022-05-09T06:00:00.000Z');
    assert.equal(quarry.byline, 'Rosa Eld');
    assert.equal(quarry.outlet, 'upland-echo.example');
    const details = await documentDetails(db, quarry.id);
    assert.equal(details.publishedAt, quarry.publishedAt);
    assert.doesNotMatch(details.text, /Home|Sport|cookies|Cookie settings|Privacy/);
    assert.match(details.text, /Petra Linde asked on Monday/);
    assert.equal(documents.find((d) => d.file === 'harbour.txt')!.byline, null);
  });

  it('has a range index on publishedAt', async () => {
    const indexes = await db.read(async (tx) =>
      (await tx.run("SHOW INDEXES YIELD name, type, properties WHERE name = 'newsgraph_published_at' RETURN type, properties")).records.map((r) =>
        r.toObject(),
      ),
    );
    assert.deepEqual(indexes, [{ type: 'RANGE', properties: ['publishedAt'] }]);
  });

  it('newsgraph load URL fetches an allowed page and stores it titled, with its canonical URL and date', { timeout: 120_000 }, async () => {
    const url = `${base}/page.html`;
    const run = runCli(['load', url], cliEnv({ NEWSGRAPH_FETCH_ALLOW: '127.0.0.1' }));
    assert.equal(await run.exited, 0, run.stdout() + run.stderr());
    assert.match(run.stdout(), /documents: 1 new, 0 unchanged, 0 replaced, 0 failed/);
    assert.deepEqual(await stored(), [
      {
        file: url,
        url: `${base}/news/quarry-permit-row`,
        title: 'Quarry permit row reaches the assembly',
        publishedAt: '2022-05-09T06:00:00.000Z',
        byline: 'Rosa Eld',
      },
    ]);
    const people = await db.read(async (tx) => (await tx.run('MATCH (p:Newsgraph:Person) RETURN p.name AS name')).records.map((r) => r.get('name') as string));
    assert.ok(people.includes('Petra Linde'), people.join(', '));
  });

  it('newsgraph load URL refuses a loopback page without NEWSGRAPH_FETCH_ALLOW, says why, and exits 1', { timeout: 120_000 }, async () => {
    const url = `${base}/page.html`;
    const run = runCli(['load', url, `${base}/gone.html`], cliEnv({ NEWSGRAPH_FETCH_ALLOW: '' }));
    assert.equal(await run.exited, 1, run.stdout() + run.stderr());
    assert.match(run.stdout(), /documents: 0 new, 0 unchanged, 0 replaced, 2 failed/);
    assert.ok(
      run.stdout().includes(`failed: ${url} is not fetched: it is a loopback address (127.0.0.1); set NEWSGRAPH_FETCH_ALLOW to allow it. [BAD_INPUT]`),
      run.stdout(),
    );
    assert.deepEqual(await stored(), []);
    const allowed = runCli(['load', `${base}/gone.html`], cliEnv({ NEWSGRAPH_FETCH_ALLOW: '127.0.0.0/8' }));
    assert.equal(await allowed.exited, 1);
    assert.match(allowed.stdout(), /failed: http:\/\/127\.0\.0\.1:\d+\/gone\.html: the site answered 404, no such page\. \[NOT_FOUND\]/);
  });
});
