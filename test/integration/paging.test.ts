import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SerializedGraph } from '../../common/graph.js';
import { apiSuite } from '../helpers/seeded.js';

const BLINKEN = 'person:antony-blinken';

describe('paging a neighbourhood on the seed graph', () => {
  const api = apiSuite();
  const { db } = api;
  const get = async (query: string) => {
    const res = await fetch(`${api.base}/api/entities/${encodeURIComponent(BLINKEN)}/neighbourhood?${query}`);
    return { status: res.status, body: (await res.json()) as SerializedGraph & { error?: { code: string; message: string } } };
  };
  const neighbourhood = async (query: string) => {
    const { status, body } = await get(query);
    assert.equal(status, 200, `${query}: ${JSON.stringify(body.error)}`);
    return body;
  };

  /** Fetches `id`'s neighbours page by page and checks the pages against one unlimited fetch. */
  async function checkPages(id: string, size: number): Promise<void> {
    const fetchGraph = async (query: string) => {
      const res = await fetch(`${api.base}/api/entities/${encodeURIComponent(id)}/neighbourhood?${query}`);
      assert.equal(res.status, 200, query);
      return (await res.json()) as SerializedGraph;
    };
    const whole = await fetchGraph('limit=5000');
    const total = whole.attributes.neighbours as number;
    assert.ok(total > 2 * size, `${id} has ${total} direct neighbours, more than two pages of ${size}`);
    assert.equal((whole.attributes.page as string[]).length, total);
    assert.equal(whole.nodes.length, total + 1);

    const pages: SerializedGraph[] = [];
    for (let offset = 0; offset < total + size; offset += size) pages.push(await fetchGraph(`limit=${size}&offset=${offset}`));
    const pageKeys = pages.map((p) => p.attributes.page as string[]);
    assert.equal(pageKeys.at(-1)!.length, 0, 'past the end, an empty page');
    assert.ok(
      pageKeys.slice(0, -2).every((k) => k.length === size),
      'full pages until the last',
    );

    const seen = pageKeys.flat();
    assert.equal(new Set(seen).size, seen.length, 'no neighbour on two pages');
    assert.deepEqual(seen, whole.attributes.page, 'pages follow the one order of the unlimited fetch');

    const union = (pick: (g: SerializedGraph) => string[]) => new Set(pages.flatMap(pick));
    assert.deepEqual(
      union((g) => g.nodes.map((n) => n.key)),
      new Set(whole.nodes.map((n) => n.key)),
      'the pages hold every node',
    );
    assert.deepEqual(
      union((g) => g.edges.map((e) => e.key)),
      new Set(whole.edges.map((e) => e.key)),
      'and every link, those between pages too',
    );
    for (const page of pages) {
      const keys = new Set(page.nodes.map((n) => n.key));
      assert.ok(keys.has(id), 'every page carries the entity, so its links to the page arrive');
      for (const e of page.edges) assert.ok(keys.has(e.source) && keys.has(e.target), 'no dangling link');
    }
  }

  it('gives disjoint pages in a stable order whose union is the unlimited neighbourhood, nodes and links', async () => {
    await checkPages(BLINKEN, 2);
  });

  it('brings the links between a page and the pages before it', async () => {
    // A hub whose neighbours form a chain: with pages of 3, links cross from page to page.
    await db.write((tx) =>
      tx.run(
        `CREATE (hub:Newsgraph:Entity:Person {id: 'person:paging-hub', name: 'Paging Hub'})
         WITH hub
         UNWIND range(0, 9) AS i
         CREATE (hub)-[:MET]->(:Newsgraph:Entity:Person {id: 'person:paging-' + i, name: 'Paging ' + i})
         WITH collect(i) AS is
         UNWIND range(0, 8) AS i
         MATCH (a:Entity {id: 'person:paging-' + i}), (b:Entity {id: 'person:paging-' + (i + 1)})
         CREATE (a)-[:SPOKE_WITH]->(b)`,
      ),
    );
    await checkPages('person:paging-hub', 3);
    const second = (await (await fetch(`${api.base}/api/entities/person:paging-hub/neighbourhood?limit=3&offset=3`)).json()) as SerializedGraph;
    const page = new Set(second.attributes.page as string[]);
    const carried = second.nodes.filter((n) => n.key !== 'person:paging-hub' && !page.has(n.key));
    assert.ok(carried.length > 0, 'the second page carries a neighbour of the first, for the link between them');
  });

  it('ranks the best-connected neighbours first and counts every neighbour of each node', async () => {
    const whole = await neighbourhood('limit=5000');
    const degrees = new Map(
      await db.read(async (tx) =>
        (
          await tx.run(
            `MATCH (:Entity {id: $id})-[r]-(n) WHERE NOT r:MENTIONED_IN AND NOT n:Document
             WITH DISTINCT n
             RETURN coalesce(n.id, elementId(n)) AS key, COUNT { (n)-[x]-() WHERE NOT x:MENTIONED_IN } AS degree`,
            { id: BLINKEN },
          )
        ).records.map((r) => [r.get('key') as string, r.get('degree') as number] as const),
      ),
    );
    const ranked = (whole.attributes.page as string[]).map((k) => degrees.get(k)!);
    assert.deepEqual(
      ranked,
      [...ranked].sort((a, b) => b - a),
      'degree never rises along the order',
    );

    const first = await neighbourhood('limit=2');
    const center = first.nodes.find((n) => n.key === BLINKEN)!;
    assert.equal(center.attributes.neighbourCount, whole.attributes.neighbours);
    assert.equal(center.attributes.hiddenNeighbours, (whole.attributes.neighbours as number) - 2);
    for (const n of whole.nodes) assert.ok((n.attributes.neighbourCount as number) >= (n.attributes.hiddenNeighbours as number) + 1, n.key);
  });

  it('refuses an offset beyond depth 1, or a negative one, with BAD_REQUEST', async () => {
    for (const query of ['depth=2&offset=3', 'offset=-1', 'offset=x']) {
      const { status, body } = await get(query);
      assert.equal(status, 400, query);
      assert.equal(body.error?.code, 'BAD_REQUEST');
    }
    assert.match((await get('depth=2&offset=3')).body.error!.message, /depth=1/);
    assert.equal((await get('depth=2&offset=0')).status, 200);
  });
});
