import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from '../../common/graph.js';
import type { DocumentDetails } from '../../server/graph/documents.js';
import type { EntityDetails } from '../../server/graph/entity.js';
import type { PathsResult } from '../../server/graph/paths.js';
import type { EdgeEvidence } from '../../server/graph/evidence.js';
import { luceneQuery, type SearchHit } from '../../server/graph/search.js';
import { apiSuite } from '../helpers/seeded.js';

describe('search and evidence on the seed graph', () => {
  const api = apiSuite();
  const { db } = api;
  const search = async (query: string) => {
    const res = await fetch(`${api.base}/api/search?${query}`);
    return { status: res.status, body: (await res.json()) as { results: SearchHit[]; error?: { code: string; message: string } } };
  };

  // Search reads the full-text index, which fills in the background after a load.
  before(async () => {
    await db.read((tx) => tx.run('CALL db.awaitIndexes(60)'));
  });

  it('finds Antony Blinken by surname, by prefix and despite a typo', async () => {
    for (const q of ['blinken', 'blink', 'Blinkn', 'secretary blinken']) {
      const { status, body } = await search(`q=${encodeURIComponent(q)}`);
      assert.equal(status, 200);
      assert.equal(body.results[0]?.name, 'Antony Blinken', `q=${q}: ${body.results.map((r) => r.name).join(', ')}`);
      assert.equal(body.results[0]?.kind, 'Person');
    }
  });

  it('filters by kind and keeps Lucene syntax in the input as plain text', async () => {
    const places = await search('q=china&type=Place');
    assert.ok(places.body.results.length > 0);
    assert.ok(places.body.results.every((r) => r.kind === 'Place'));
    const odd = await search(`q=${encodeURIComponent('"Wang) AND title:*~ \\')}`);
    assert.equal(odd.status, 200);
    assert.ok(odd.body.results.some((r) => r.name.startsWith('Wang')));
    assert.equal(luceneQuery('+-!()'), null);
  });

  it('refuses a missing query or an unknown kind with BAD_REQUEST', async () => {
    for (const q of ['q=', 'q=x&type=Planet', 'q=x&limit=0']) {
      const { status, body } = await search(q);
      assert.equal(status, 400, q);
      assert.equal(body.error?.code, 'BAD_REQUEST');
    }
  });

  it('gives each link’s evidence sentences with their documents', async () => {
    const id = await db.read(
      async (tx) =>
        (await tx.run("MATCH (:Person {name: 'Antony Blinken'})-[r]-(:Person {name: 'Wang Xiaohong'}) RETURN elementId(r) AS id LIMIT 1")).records[0]!.get(
          'id',
        ) as string,
    );
    const res = await fetch(`${api.base}/api/edges/${encodeURIComponent(id)}/evidence`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as EdgeEvidence;
    assert.ok(body.evidence.length > 0);
    for (const e of body.evidence) {
      assert.match(e.sentence, /Wang Xiaohong/);
      assert.ok(e.document.id.startsWith('doc:'));
      assert.ok(e.end > e.start);
    }
    const missing = await fetch(`${api.base}/api/edges/${encodeURIComponent('5:00000000-0000-0000-0000-000000000000:999999')}/evidence`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
  });

  it('details an entity: aliases, documents and degree by relationship type', async () => {
    const res = await fetch(`${api.base}/api/entities/${encodeURIComponent('person:antony-blinken')}`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as EntityDetails;
    assert.equal(body.name, 'Antony Blinken');
    assert.equal(body.kind, 'Person');
    assert.ok(body.aliases.includes('Blinken'));
    assert.equal(body.documents.length, 2);
    assert.ok((body.degree.MET ?? 0) >= 3, JSON.stringify(body.degree));
    assert.equal(body.degree.MENTIONED_IN, undefined);
    assert.equal((await fetch(`${api.base}/api/entities/person:nobody`)).status, 404);
  });

  it('opens and expands an allegation like an entity: its claim, the sentence it is read from, who alleges it against whom', async () => {
    const found = await db.read((tx) =>
      tx.run(
        `MATCH (x:Entity)-[:ALLEGES]->(a:Allegation)-[:AGAINST]->(y:Entity) RETURN a.id AS id, a.claim AS claim, a.evSentences[0] AS sentence, x.id AS alleger, y.id AS target LIMIT 1`,
      ),
    );
    const a = found.records[0]!.toObject() as { id: string; claim: string; sentence: string; alleger: string; target: string };
    const res = await fetch(`${api.base}/api/entities/${encodeURIComponent(a.id)}`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as EntityDetails;
    assert.equal(body.kind, 'Allegation');
    assert.equal(body.name, a.claim);
    assert.equal(body.evidence[0]?.sentence, a.sentence);
    assert.ok(body.evidence[0]?.document.id.startsWith('doc:'));
    assert.ok((body.degree.ALLEGES ?? 0) >= 1 && (body.degree.AGAINST ?? 0) >= 1, JSON.stringify(body.degree));
    const around = (await (await fetch(`${api.base}/api/entities/${encodeURIComponent(a.id)}/neighbourhood`)).json()) as SerializedGraph;
    const keys = around.nodes.map((n) => n.key);
    assert.ok(keys.includes(a.alleger) && keys.includes(a.target), keys.join(', '));
    const person = (await (await fetch(`${api.base}/api/entities/${encodeURIComponent('person:antony-blinken')}`)).json()) as EntityDetails;
    assert.deepEqual(person.evidence, [], 'an entity’s evidence is on its links');
  });

  it('returns the neighbourhood as a graphology graph holding Wang Yi, Wang Xiaohong and Chen Jining, capped with counts left out', async () => {
    const res = await fetch(`${api.base}/api/entities/${encodeURIComponent('person:antony-blinken')}/neighbourhood`);
    assert.equal(res.status, 200);
    const data = (await res.json()) as SerializedGraph;
    const graph = new MultiDirectedGraph();
    graph.import(data);
    const names = graph.mapNodes((_k, a) => a.label as string);
    for (const name of ['Antony Blinken', 'Wang Yi', 'Wang Xiaohong', 'Chen Jining']) assert.ok(names.includes(name), `${name} in ${names.join(', ')}`);
    assert.ok(graph.edges().every((e) => graph.getEdgeAttribute(e, 'relType') !== 'MENTIONED_IN'));
    assert.ok(graph.hasEdge('person:antony-blinken', 'person:wang-xiaohong') || graph.hasEdge('person:wang-xiaohong', 'person:antony-blinken'));

    const capped = (await (
      await fetch(`${api.base}/api/entities/${encodeURIComponent('person:antony-blinken')}/neighbourhood?limit=2&types=MET`)
    ).json()) as SerializedGraph;
    assert.equal(capped.nodes.length, 3);
    const center = capped.nodes.find((n) => n.key === 'person:antony-blinken')!;
    const metNeighbours = await db.read(
      async (tx) => (await tx.run("MATCH (:Entity {id: 'person:antony-blinken'})-[:MET]-(n) RETURN count(DISTINCT n) AS n")).records[0]!.get('n') as number,
    );
    assert.ok(metNeighbours > 2);
    assert.equal(center.attributes.hiddenNeighbours, metNeighbours - 2, 'the centre says how many MET neighbours were left out');

    const deeper = (await (
      await fetch(`${api.base}/api/entities/${encodeURIComponent('person:antony-blinken')}/neighbourhood?depth=2`)
    ).json()) as SerializedGraph;
    assert.ok(deeper.nodes.length > data.nodes.length);
    // The ring walk finds exactly the nodes that some path of up to `depth` links reaches, nearest first.
    for (const depth of [2, 3]) {
      const expected = await db.read(async (tx) =>
        (
          await tx.run(
            `MATCH p = (e:Entity {id: 'person:antony-blinken'})-[rs*1..${depth}]-(n)
             WHERE n <> e AND NOT n:Document AND none(r IN rs WHERE r:MENTIONED_IN)
             RETURN coalesce(n.id, elementId(n)) AS key, min(length(p)) AS hops`,
          )
        ).records.map((r) => [r.get('key') as string, r.get('hops') as number] as const),
      );
      const walked = (await (await fetch(`${api.base}/api/entities/person:antony-blinken/neighbourhood?depth=${depth}&limit=1000`)).json()) as SerializedGraph;
      const keys = (g: SerializedGraph) => g.nodes.map((n) => n.key).filter((k) => k !== 'person:antony-blinken');
      assert.deepEqual(new Set(keys(walked)), new Set(expected.map(([k]) => k)), `depth ${depth}`);
      const firstRing = expected.filter(([, hops]) => hops === 1).map(([k]) => k);
      const cut = (await (
        await fetch(`${api.base}/api/entities/person:antony-blinken/neighbourhood?depth=${depth}&limit=${firstRing.length}`)
      ).json()) as SerializedGraph;
      assert.deepEqual(new Set(keys(cut)), new Set(firstRing), 'the nearest ring comes first');
    }
    assert.equal((await fetch(`${api.base}/api/entities/person:antony-blinken/neighbourhood?depth=4`)).status, 400);
    assert.equal((await fetch(`${api.base}/api/entities/person:antony-blinken/neighbourhood?types=met;DROP`)).status, 400);
  });

  it('explains how two entities are connected, hop by hop with evidence', async () => {
    const res = await fetch(`${api.base}/api/paths?from=person:antony-blinken&to=person:joe-biden`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as PathsResult;
    assert.equal(body.found, true);
    assert.ok(body.paths.length >= 1);
    for (const path of body.paths) {
      for (const hop of path) {
        assert.ok(hop.evidence.length > 0, `${hop.source} -${hop.relType}- ${hop.target} has evidence`);
        assert.ok(hop.evidence.every((e) => e.sentence.length > 0 && e.document.id.startsWith('doc:')));
      }
    }
    const ends = body.paths[0]!;
    assert.ok([ends[0]!.source, ends[0]!.target].includes('person:antony-blinken'));
    assert.equal(body.graph.nodes.length >= 2, true);
    assert.equal((await fetch(`${api.base}/api/paths?from=person:antony-blinken&to=person:nobody`)).status, 404);
    // From an entity to itself: the empty path, the entity alone.
    assert.deepEqual(((await (await fetch(`${api.base}/api/paths?from=person:antony-blinken&to=person:antony-blinken`)).json()) as PathsResult).paths, [[]]);
    assert.equal((await fetch(`${api.base}/api/paths?from=person:antony-blinken&to=person:joe-biden&maxLength=9`)).status, 400);
  });

  it('lists documents and gives one with its text and the spans of its mentions', async () => {
    const list = (await (await fetch(`${api.base}/api/documents`)).json()) as { total: number; documents: { id: string; entities: number }[] };
    assert.equal(list.total, 2);
    assert.ok(list.documents.every((d) => d.entities > 5));
    const doc = (await (await fetch(`${api.base}/api/documents/${encodeURIComponent(list.documents[0]!.id)}`)).json()) as DocumentDetails;
    assert.ok(doc.text.length > 1000);
    assert.ok(doc.mentions.length > 10);
    for (const m of doc.mentions) assert.ok(doc.text.slice(m.start, m.end).trim().length > 0, `${m.name} at ${m.start}`);
    const blinken = doc.mentions.filter((m) => m.name === 'Antony Blinken').map((m) => doc.text.slice(m.start, m.end));
    assert.ok(
      blinken.some((surface) => surface.includes('Blinken')),
      blinken.join(', '),
    );
    assert.equal((await fetch(`${api.base}/api/documents/doc:nothing`)).status, 404);
  });
});
