/**
 * Time over the real Neo4j: links know the dates of their evidence, `from`/`to` narrow the overview, a
 * neighbourhood, paths, the document list and every export, and /api/timeline counts documents and links
 * by day, over the articles of test/helpers/dated.ts.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { GraphExport } from '../../common/export.js';
import type { SerializedGraph } from '../../common/graph.js';
import type { PathsResult } from '../../common/api.js';
import type { Timeline } from '../../common/time.js';
import { DATED_ARTICLES, dateDocuments, PUBLISHED } from '../helpers/dated.js';
import { cliEnv } from '../helpers/neo4j.js';
import { runCli } from '../helpers/process.js';
import { apiSuite } from '../helpers/seeded.js';

const FEBRUARY = 'from=2024-02-01&to=2024-02-29';
const MARIA = 'person:maria-okonkwo';

const names = (graph: SerializedGraph) => new Set(graph.nodes.map((n) => n.attributes.label));
const linkNames = (graph: SerializedGraph) => {
  const label = new Map(graph.nodes.map((n) => [n.key, n.attributes.label]));
  return new Set(graph.edges.map((e) => `${label.get(e.source)} ${e.attributes.relType} ${label.get(e.target)}`));
};

describe('time: dated links, from/to and the timeline', () => {
  const api = apiSuite({ seeds: false, extraArticles: DATED_ARTICLES });
  let docIds: Record<string, string> = {};

  before(async () => {
    docIds = await dateDocuments(api.db);
  });

  const get = async <T>(route: string): Promise<T> => {
    const res = await fetch(`${api.base}${route}`);
    assert.equal(res.status, 200, `${route}: ${await res.clone().text()}`);
    return (await res.json()) as T;
  };
  const refused = async (route: string, init?: RequestInit): Promise<string> => {
    const res = await fetch(`${api.base}${route}`, init);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.equal(res.status, 400, `${route}: ${JSON.stringify(body)}`);
    assert.equal(body.error.code, 'BAD_REQUEST');
    return body.error.message;
  };

  it('dates every link by its evidence documents, and allegations by theirs; an undated link has no dates', async () => {
    const graph = await get<SerializedGraph>('/api/graph');
    const label = new Map(graph.nodes.map((n) => [n.key, n.attributes.label]));
    const edge = (a: string, b: string) => graph.edges.find((e) => label.get(e.source) === a && label.get(e.target) === b)!.attributes;
    const again = edge('Maria Okonkwo', 'Henrik Dalby');
    assert.equal(again.firstSeen, PUBLISHED['jan.txt']);
    assert.equal(again.lastSeen, PUBLISHED['mar.txt']);
    assert.deepEqual(again.evidenceDates, [PUBLISHED['jan.txt'], PUBLISHED['mar.txt']]);
    assert.equal(edge('Maria Okonkwo', 'Priya Raman').firstSeen, PUBLISHED['feb.txt']);
    const undated = edge('Maria Okonkwo', 'Sofia Lindqvist');
    assert.equal(undated.firstSeen, undefined);
    assert.equal(undated.evidenceDates, undefined);
    const allegation = graph.nodes.find((n) => n.attributes.kind === 'Allegation');
    assert.ok(allegation, 'the February article has an allegation');
    assert.equal(allegation.attributes.firstSeen, PUBLISHED['feb.txt']);
    assert.equal(allegation.attributes.lastSeen, PUBLISHED['feb.txt']);
  });

  it("narrows the overview to February's links and the nodes they reach", async () => {
    const all = await get<SerializedGraph>('/api/graph');
    const feb = await get<SerializedGraph>(`/api/graph?${FEBRUARY}`);
    assert.ok(feb.edges.length > 0 && feb.edges.length < all.edges.length, `${feb.edges.length} of ${all.edges.length}`);
    for (const e of feb.edges)
      assert.ok(
        e.attributes.evidenceDates?.some((d) => d.startsWith('2024-02')),
        JSON.stringify(e.attributes),
      );
    const shown = names(feb);
    for (const name of ['Maria Okonkwo', 'Priya Raman', 'Tomasz Wielgus', 'Warsaw']) assert.ok(shown.has(name), name);
    // Henrik's link has evidence in January and March, none in February; Sofia's none dated at all.
    for (const name of ['Henrik Dalby', 'Lucas Ferreira', 'Sofia Lindqvist', 'Oslo', 'Lisbon', 'Stockholm']) assert.ok(!shown.has(name), name);
    assert.deepEqual(feb.attributes.range as { from: string; to: string }, { from: '2024-02-01T00:00:00.000Z', to: '2024-02-29T23:59:59.999Z' });
  });

  it("narrows a neighbourhood: February's, January's, from March on; an undated document's links are in no range", async () => {
    const around = (query: string) => get<SerializedGraph>(`/api/entities/${encodeURIComponent(MARIA)}/neighbourhood?${query}`);
    assert.deepEqual(names(await around(FEBRUARY)), new Set(['Maria Okonkwo', 'Priya Raman']));
    assert.deepEqual(names(await around('to=2024-01-31')), new Set(['Maria Okonkwo', 'Henrik Dalby']));
    assert.deepEqual(names(await around('from=2024-03-01')), new Set(['Maria Okonkwo', 'Henrik Dalby', 'Lucas Ferreira']));
    // A datetime bound is that instant: February's article was published at 09:30 UTC.
    assert.deepEqual(names(await around('from=2024-02-14T10:00:00Z&to=2024-02-29')), new Set(['Maria Okonkwo']));
    assert.deepEqual(names(await around('from=2024-02-14T10:00:00%2B02:00&to=2024-02-14')), new Set(['Maria Okonkwo', 'Priya Raman']));
    const wide = await around('from=1900-01-01&to=2100-12-31');
    assert.ok(!names(wide).has('Sofia Lindqvist'));
    assert.ok(names(await around('')).has('Sofia Lindqvist'), 'without a range it is there');
    const page = await around(`depth=2&${FEBRUARY}`);
    assert.deepEqual(names(page), new Set(['Maria Okonkwo', 'Priya Raman', 'Tomasz Wielgus', 'Warsaw']));
  });

  it('finds paths over the range only (since/until, as from/to name the ends), and lists the documents published in it', async () => {
    const path = (range: string) => get<PathsResult>(`/api/paths?from=${MARIA}&to=person%3Atomasz-wielgus&${range}`);
    assert.equal((await path('since=2024-02-01&until=2024-02-29')).found, true);
    assert.equal((await path('until=2024-01-31')).found, false);
    const docs = await get<{ total: number; documents: { id: string }[] }>(`/api/documents?${FEBRUARY}`);
    assert.equal(docs.total, 1);
    assert.deepEqual(
      docs.documents.map((d) => d.id),
      [docIds['feb.txt']],
    );
    assert.equal((await get<{ total: number }>('/api/documents?from=1900-01-01')).total, 3, 'the undated document is in no range');
    assert.equal((await get<{ total: number }>('/api/documents')).total, 4);
  });

  it('exports February only, in every scope, and says so in the file', async () => {
    const all = await get<GraphExport>(`/api/export?format=json&scope=all&${FEBRUARY}`);
    assert.deepEqual(all.scope, { kind: 'all', range: { from: '2024-02-01T00:00:00.000Z', to: '2024-02-29T23:59:59.999Z' } });
    const documents = all.graph.nodes.filter((n) => n.attributes.kind === 'Document').map((n) => n.key);
    assert.deepEqual(documents, [docIds['feb.txt']]);
    assert.ok(!names(all.graph).has('Henrik Dalby') && !names(all.graph).has('Sofia Lindqvist'));
    assert.ok(names(all.graph).has('Tomasz Wielgus'));
    for (const e of all.graph.edges)
      assert.ok(
        e.attributes.evidenceDates?.some((d) => d.startsWith('2024-02')),
        JSON.stringify(e.attributes),
      );
    assert.ok(linkNames(all.graph).has('Maria Okonkwo MET Priya Raman'));

    const around = await get<GraphExport>(`/api/export?format=json&scope=neighbourhood&id=${MARIA}&${FEBRUARY}`);
    assert.deepEqual(names(around.graph), new Set(['Maria Okonkwo', 'Priya Raman']));
    const path = await get<GraphExport>(`/api/export?format=json&scope=path&from=${MARIA}&to=person%3Atomasz-wielgus&since=2024-02-01&until=2024-02-29`);
    assert.ok(names(path.graph).has('Priya Raman'));
    assert.equal((await fetch(`${api.base}/api/export?format=json&scope=path&from=${MARIA}&to=person%3Atomasz-wielgus&until=2024-01-31`)).status, 404);

    const res = await fetch(`${api.base}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'json', scope: { kind: 'nodes', ids: [MARIA, 'person:henrik-dalby', 'person:priya-raman'] }, from: '2024-03-01' }),
    });
    assert.equal(res.status, 200);
    const nodes = (await res.json()) as GraphExport;
    assert.deepEqual(linkNames(nodes.graph), new Set(['Maria Okonkwo MET Henrik Dalby']));
    assert.deepEqual(names(nodes.graph), new Set(['Maria Okonkwo', 'Henrik Dalby']));
    const graphml = await fetch(`${api.base}/api/export?format=graphml&scope=all&${FEBRUARY}`);
    assert.equal(graphml.status, 200);
    const xml = await graphml.text();
    assert.ok(xml.includes('Priya Raman') && !xml.includes('Henrik Dalby'));
  });

  it('exports a range from the command line as --since/--until (--from/--to name a path)', async () => {
    const run = runCli(['export', '--format', 'json', '--all', '--since', '2024-02-01', '--until', '2024-02-29', '--out', '-'], cliEnv());
    assert.equal(await run.exited, 0, run.stderr());
    const file = JSON.parse(run.stdout()) as GraphExport;
    assert.deepEqual(file.scope.range, { from: '2024-02-01T00:00:00.000Z', to: '2024-02-29T23:59:59.999Z' });
    assert.ok(names(file.graph).has('Priya Raman') && !names(file.graph).has('Henrik Dalby'));
    const path = runCli(['export', '--format', 'json', '--from', 'Maria Okonkwo', '--to', 'Tomasz Wielgus', '--until', '2024-01-31', '--out', '-'], cliEnv());
    assert.equal(await path.exited, 1);
    assert.match(path.stderr(), /No path/);
  });

  it('counts documents and links by day, the undated apart', async () => {
    const timeline = await get<Timeline>('/api/timeline');
    assert.equal(timeline.unit, 'day');
    assert.equal(timeline.buckets[0]?.date, '2024-01-10');
    assert.equal(timeline.buckets.at(-1)?.date, '2024-03-05');
    assert.equal(timeline.buckets.length, 56, 'every day from the first to the last, empty ones too');
    const graph = await get<SerializedGraph>('/api/graph');
    for (const bucket of timeline.buckets) {
      const documents = Object.values(PUBLISHED).filter((at) => at.startsWith(bucket.date)).length;
      const links = graph.edges.filter((e) => e.attributes.evidenceDates?.some((d) => d.startsWith(bucket.date))).length;
      assert.deepEqual(bucket, { date: bucket.date, documents, links }, bucket.date);
    }
    assert.equal(timeline.buckets.find((b) => b.date === '2024-01-10')?.links, 2);
    const undatedLinks = graph.edges.filter((e) => !e.attributes.evidenceDates).length;
    assert.deepEqual(timeline.undated, { documents: 1, links: undatedLinks });
    assert.ok(undatedLinks >= 1);
  });

  it('goes by month when the dates span more than half a year', async () => {
    await api.db.write((tx) => tx.run("MATCH (d:Newsgraph:Document) WHERE d.file ENDS WITH 'mar.txt' SET d.publishedAt = '2025-03-05T00:00:00.000Z'"));
    try {
      const timeline = await get<Timeline>('/api/timeline');
      assert.equal(timeline.unit, 'month');
      assert.equal(timeline.buckets.length, 15);
      assert.deepEqual(timeline.buckets[0], { date: '2024-01-01', documents: 1, links: 2 });
      assert.equal(timeline.buckets.at(-1)?.date, '2025-03-01');
    } finally {
      await api.db.write((tx) => tx.run("MATCH (d:Newsgraph:Document) WHERE d.file ENDS WITH 'mar.txt' SET d.publishedAt = $at", { at: PUBLISHED['mar.txt'] }));
    }
  });

  it('refuses a bad date or a range backwards with 400, saying which', async () => {
    assert.match(await refused('/api/graph?from=2024-02-30'), /from.*date/);
    assert.match(await refused('/api/graph?to=yesterday'), /to.*date/);
    assert.match(await refused('/api/graph?from=2024-03-01&to=2024-02-01'), /from \(2024-03-01\) is after to \(2024-02-01\)/);
    assert.match(await refused(`/api/entities/${MARIA}/neighbourhood?from=2024-03-01&to=2024-02-01`), /after/);
    assert.match(await refused(`/api/paths?from=${MARIA}&to=person%3Apriya-raman&since=2024-03-01&until=2024-02-01`), /since \(2024-03-01\) is after until/);
    assert.match(await refused('/api/documents?to=2024-13-01'), /to/);
    assert.match(await refused(`/api/export?format=json&scope=all&from=2024-03-01&to=2024-02-01`), /after/);
    assert.match(await refused(`/api/export?format=json&scope=path&from=${MARIA}&to=person%3Apriya-raman&since=nope`), /since/);
    assert.match(
      await refused('/api/export', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ format: 'json', scope: { kind: 'all' }, from: '2024-03-01', to: '2024-02-01' }),
      }),
      /after/,
    );
    assert.match(await refused('/api/timeline?from=2024-01-01'), /from/);
  });
});
