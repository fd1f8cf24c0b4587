import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { SearchHit, TextSearchResult } from '../../common/api.js';
import { searchText, TEXT_SEARCH_STATEMENT, textSearchParameters } from '../../server/graph/text-search.js';
import { apiSuite } from '../helpers/seeded.js';

// An article of our own beside the seeds: another outlet, another year, and words the seeds do not have.
const HARBOUR = `source: https://harbour-gazette.example.org/2021/tender
Harbour tender questioned

Port director Odile Vasquerin accused the Velmora Harbour Board of interference in the dredging tender.
The Velmora Harbour Board denied it on Friday.
`;

type Reply = TextSearchResult & { error?: { code: string; message: string } };

describe('full-text search over the articles (in=text) on the seed graph', () => {
  const api = apiSuite({ extraArticles: { 'harbour.txt': HARBOUR } });
  const { db } = api;
  const search = async (query: string) => {
    const res = await fetch(`${api.base}/api/search?${query}`);
    return { status: res.status, body: (await res.json()) as Reply };
  };
  const text = (q: string, extra = '') => search(`in=text&q=${encodeURIComponent(q)}${extra}`);
  let seedIds: string[] = [];
  let harbourId = '';

  before(async () => {
    // Dates as the loader writes publishedAt (part A): the seeds in 2024, our article in 2021.
    await db.write((tx) =>
      tx.run(`MATCH (d:Newsgraph:Document)
              SET d.publishedAt = CASE WHEN d.title STARTS WITH 'Harbour' THEN '2021-03-05T00:00:00.000Z'
                                       WHEN d.file STARTS WITH '000' THEN '2024-05-02T00:00:00.000Z' ELSE '2024-01-31T00:00:00.000Z' END`),
    );
    await db.read((tx) => tx.run('CALL db.awaitIndexes(60)'));
    const ids = await db.read(async (tx) =>
      (await tx.run('MATCH (d:Newsgraph:Document) RETURN d.id AS id, d.title AS title ORDER BY d.file')).records.map(
        (r) => r.toObject() as { id: string; title: string },
      ),
    );
    harbourId = ids.find((d) => d.title.startsWith('Harbour'))!.id;
    seedIds = ids.filter((d) => d.id !== harbourId).map((d) => d.id);
    assert.equal(seedIds.length, 2);
  });

  it('finds both seed articles for "interference", each with highlighted sentences that hold the word', async () => {
    const { status, body } = await text('interference');
    assert.equal(status, 200);
    assert.deepEqual(body.results.map((r) => r.document.id).sort(), [...seedIds, harbourId].sort());
    assert.equal(body.total, 3);
    assert.equal(body.capped, false);
    for (const hit of body.results) {
      assert.ok(hit.snippets.length > 0 && hit.snippets.length <= 3, `${hit.document.title}: ${hit.snippets.length} snippets`);
      for (const s of hit.snippets) {
        assert.ok(s.highlights.length > 0);
        for (const [start, end] of s.highlights) assert.equal(s.text.slice(start, end).toLowerCase(), 'interference', s.text);
      }
      assert.ok(hit.score > 0);
      assert.ok(hit.entities.length > 0, 'the entities it mentions');
    }
    const seed = body.results.find((r) => r.document.id === seedIds[0])!;
    assert.equal(seed.document.publishedAt, '2024-05-02T00:00:00.000Z');
    assert.ok(seed.entities.some((e) => e.id === 'person:antony-blinken' && e.kind === 'Person'));
    // Same case or not, the index folds it.
    const upper = await text('INTERFERENCE');
    assert.deepEqual(upper.body.results.map((r) => r.document.id).sort(), [...seedIds, harbourId].sort());
  });

  it('finds a phrase only where its words stand together, and every word of a query in each hit', async () => {
    const phrase = await text('"electoral interference"');
    assert.deepEqual(
      phrase.body.results.map((r) => r.document.id),
      [seedIds[0]],
    );
    assert.deepEqual(
      phrase.body.results[0]!.snippets.flatMap((s) => s.highlights.map(([a, b]) => s.text.slice(a, b))),
      ['electoral interference'],
    );
    const both = await text('interference dredging');
    assert.deepEqual(
      both.body.results.map((r) => r.document.id),
      [harbourId],
    );
    assert.deepEqual(both.body.results[0]!.titleHighlights, []);
    const title = await text('tender');
    assert.deepEqual(title.body.results[0]!.titleHighlights, [[8, 14]]);
  });

  it('says which link a sentence is the evidence of', async () => {
    const { body } = await text('accused harbour');
    const links = body.results[0]!.snippets.flatMap((s) => s.links);
    assert.ok(
      links.some((l) => l.type === 'ACCUSED' && l.source.name === 'Odile Vasquerin'),
      JSON.stringify(body.results[0]!.snippets),
    );
  });

  it('counts facets over every hit: outlets, kinds of entity mentioned, years (months within one year)', async () => {
    const { body } = await text('interference');
    assert.deepEqual(body.facets.dates, [
      { value: '2021', count: 1 },
      { value: '2024', count: 2 },
    ]);
    assert.ok(
      body.facets.outlets.some((o) => o.value === 'harbour-gazette.example.org' && o.count === 1),
      JSON.stringify(body.facets.outlets),
    );
    const person = body.facets.kinds.find((k) => k.value === 'Person');
    assert.equal(person?.count, 3);
    const months = await text('interference', '&from=2024-01-01');
    assert.deepEqual(months.body.facets.dates, [
      { value: '2024-01', count: 1 },
      { value: '2024-05', count: 1 },
    ]);
  });

  it('filters by outlet, by kind mentioned and by date, both bounds inclusive of the whole day', async () => {
    const outlet = await text('interference', '&outlet=harbour-gazette.example.org');
    assert.deepEqual(
      outlet.body.results.map((r) => r.document.id),
      [harbourId],
    );
    const day = await text('interference', '&from=2024-01-31&to=2024-01-31');
    assert.deepEqual(
      day.body.results.map((r) => r.document.id),
      [seedIds[1]],
    );
    const moment = await text('interference', `&to=${encodeURIComponent('2021-03-05T00:00:00Z')}`);
    assert.deepEqual(
      moment.body.results.map((r) => r.document.id),
      [harbourId],
    );
    const kind = await text('interference', '&kind=Place');
    assert.ok(kind.body.total >= 1 && kind.body.total <= 3);
    for (const hit of kind.body.results)
      assert.ok(
        kind.body.facets.kinds.some((k) => k.value === 'Place' && k.count === kind.body.total),
        hit.document.id,
      );
    const page = await text('interference', '&limit=1&offset=1');
    assert.equal(page.body.results.length, 1);
    assert.equal(page.body.total, 3);
  });

  it('leaves rejected entities out of the entities listed', async () => {
    await db.write((tx) => tx.run("MATCH (e:Newsgraph:Entity {id: 'person:antony-blinken'}) SET e:NewsgraphRejected"));
    try {
      const { body } = await text('interference');
      for (const hit of body.results) assert.ok(!hit.entities.some((e) => e.id === 'person:antony-blinken'));
    } finally {
      await db.write((tx) => tx.run("MATCH (e:Newsgraph:Entity {id: 'person:antony-blinken'}) REMOVE e:NewsgraphRejected"));
    }
  });

  it('takes Lucene syntax in q as plain characters, and answers an empty result when nothing matches', async () => {
    for (const q of ['"a" OR b)', '*', '\\', 'interference~2 AND (', '"unclosed interference', 'title:interference', '[a TO z]', 'the']) {
      const { status, body } = await text(q);
      assert.equal(status, 200, `${q}: ${JSON.stringify(body)}`);
      assert.ok(Array.isArray(body.results));
    }
    const colon = await text('title:interference');
    assert.equal(colon.body.total, 0, 'the word "title" is not in the articles');
    const none = await text('zyxwvut');
    assert.deepEqual(none.body, { results: [], facets: { outlets: [], kinds: [], dates: [] }, total: 0, capped: false });
  });

  it('keeps names search the default, with the reply it always had', async () => {
    const { status, body } = (await search('q=blinken')) as unknown as { status: number; body: { results: SearchHit[] } };
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(body), ['results']);
    assert.equal(body.results[0]?.name, 'Antony Blinken');
    const named = (await search('q=blinken&in=names')) as unknown as { body: { results: SearchHit[] } };
    assert.deepEqual(named.body, body);
  });

  it('refuses bad parameters with BAD_REQUEST: text filters with names search, bad dates, kinds, offsets', async () => {
    for (const query of ['q=x&outlet=a', 'q=x&in=names&from=2024-01-01', 'q=x&offset=1']) {
      const { status, body } = await search(query);
      assert.equal(status, 400, query);
      assert.equal(body.error?.code, 'BAD_REQUEST');
      assert.match(body.error!.message, /in=text/, query);
    }
    for (const query of [
      'in=text&q=x&from=2024-02-30',
      'in=text&q=x&to=yesterday',
      'in=text&q=x&kind=Thing',
      'in=text&q=x&offset=-1',
      'in=text',
      'in=text&q=%20',
      'in=all&q=x',
      'in=text&q=x&type=Person',
    ]) {
      const { status, body } = await search(query);
      assert.equal(status, 400, query);
      assert.equal(body.error?.code, 'BAD_REQUEST', query);
    }
  });

  it('runs the exported statement as the route does (what bench:search sends through the driver)', async () => {
    const prepared = textSearchParameters('interference')!;
    const row = await db.read(async (tx) => (await tx.run(TEXT_SEARCH_STATEMENT, prepared.params)).records[0]!.toObject());
    assert.equal(row.fetched, 3);
    const direct = await searchText(db, 'interference');
    assert.equal(direct.total, 3);
  });
});
