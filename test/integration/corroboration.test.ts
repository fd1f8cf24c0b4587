/**
 * Corroboration on every relationship the API and the exports give: how many distinct documents and
 * outlets back it, held against the same counts made in Cypher from what Neo4j stores.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { parse as parseGraphml } from 'graphology-graphml';
import { MultiDirectedGraph } from 'graphology';
import type { GraphExport } from '../../common/export.js';
import type { SerializedGraph } from '../../common/graph.js';
import type { PathsResult } from '../../server/graph/paths.js';
import { exportGraph } from '../../server/export/export.js';
import type { ServerScope } from '../../server/export/source.js';
import type { ExportFormatName } from '../../common/export.js';
import { apiSuite } from '../helpers/seeded.js';

/** The same meeting reported by two outlets, one of them twice, beside the seeds (which have no source URL). */
const meeting = (url: string, day: string) =>
  `source: ${url}\ntitle: Blinken meets Wang Yi again\n\nAntony Blinken met Wang Yi in Beijing on ${day}. Antony Blinken met Wang Yi again the next morning.\n`;
const ARTICLES = {
  'one.txt': meeting('https://news.example.com/2024/blinken-wang', 'Monday'),
  'two.txt': meeting('https://www.news.example.com/2024/blinken-wang-2', 'Tuesday'),
  'three.txt': meeting('https://wire.example.org/story/77', 'Wednesday'),
};

/** Each relationship's distinct documents and distinct known outlets, counted by Neo4j alone. */
const TRUTH = `
  MATCH (:Newsgraph)-[r]->(b:Newsgraph)
  WITH r, CASE WHEN r.evDocs IS NULL AND type(r) = 'MENTIONED_IN' THEN [b.id] ELSE coalesce(r.evDocs, []) END AS docs
  CALL (docs) {
    UNWIND docs AS id
    OPTIONAL MATCH (d:Newsgraph:Document {id: id})
    RETURN count(DISTINCT id) AS documents, count(DISTINCT toLower(d.outlet)) AS outlets
  }
  RETURN elementId(r) AS key, documents, outlets`;

describe('corroboration', () => {
  const api = apiSuite({ extraArticles: ARTICLES });
  const truth = async () =>
    new Map(
      (await api.db.read((tx) => tx.run(TRUTH))).records.map((r) => [
        r.get('key') as string,
        { documents: Number(r.get('documents')), outlets: Number(r.get('outlets')) },
      ]),
    );
  const get = async <T>(route: string): Promise<T> => {
    const res = await fetch(`${api.base}${route}`);
    assert.equal(res.status, 200, route);
    return (await res.json()) as T;
  };
  const assertCorroborated = (graph: Pick<SerializedGraph, 'edges'>, counts: Map<string, unknown>, where: string) => {
    assert.ok(graph.edges.length > 0, `${where}: has relationships`);
    for (const edge of graph.edges) assert.deepEqual(edge.attributes.corroboration, counts.get(edge.key), `${where}: ${edge.key} ${edge.attributes.relType}`);
  };

  it("is on every relationship of Antony Blinken's neighbourhood, counted as Neo4j counts it", async () => {
    const graph = await get<SerializedGraph>('/api/entities/person%3Aantony-blinken/neighbourhood');
    assertCorroborated(graph, await truth(), 'neighbourhood');
    // Two hosts (www. is the same outlet), three documents of theirs: the seeds have no source, so add documents only.
    const met = graph.edges.filter((e) => e.source === 'person:antony-blinken' && e.target === 'person:wang-yi');
    assert.ok(met.length > 0, 'Blinken → Wang Yi');
    const best = met.reduce((a, b) => ((a.attributes.corroboration?.documents ?? 0) >= (b.attributes.corroboration?.documents ?? 0) ? a : b));
    assert.equal(best.attributes.corroboration?.outlets, 2);
    assert.ok((best.attributes.corroboration?.documents ?? 0) >= 3, JSON.stringify(best.attributes.corroboration));
  });

  it('is on the overview, on paths and on a Cypher result', async () => {
    const counts = await truth();
    assertCorroborated(await get<SerializedGraph>('/api/graph'), counts, 'overview');
    const paths = await get<PathsResult>('/api/paths?from=person%3Aantony-blinken&to=person%3Awang-yi');
    assertCorroborated(paths.graph, counts, 'paths');
    const res = await fetch(`${api.base}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'MATCH (a:Person)-[r]->(b) RETURN a, r, b LIMIT 20' }),
    });
    assert.equal(res.status, 200);
    assertCorroborated(((await res.json()) as { graph: SerializedGraph }).graph, counts, 'cypher');
  });

  const exported = async (scope: ServerScope, format: ExportFormatName) => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exportGraph(api.db, scope, format, out);
    out.end();
    return Buffer.concat(chunks).toString('utf8');
  };

  it('is in JSON and GraphML exports, of a neighbourhood and of the whole graph', async () => {
    const counts = await truth();
    for (const scope of [{ kind: 'all' }, { kind: 'neighbourhood', id: 'person:antony-blinken', depth: 1 }] as ServerScope[]) {
      const json = JSON.parse(await exported(scope, 'json')) as GraphExport;
      assertCorroborated(json.graph, counts, `json ${scope.kind}`);
      const graphml = parseGraphml(MultiDirectedGraph, await exported(scope, 'graphml'));
      assert.ok(graphml.size > 0);
      graphml.forEachEdge((_edge, attributes, source, target) => {
        const documents = attributes['corroboration.documents'] as number;
        assert.equal(typeof documents, 'number', `graphml ${scope.kind}: ${source} → ${target}`);
        assert.ok(documents >= 1, `graphml ${scope.kind}: ${source} → ${target} ${String(attributes.relType)}`);
      });
    }
  });
});
