/**
 * Investigations against the real Neo4j: saved, listed newest first, read, replaced, deleted; exported as
 * the JSON export and the evidence pack of their nodes at their saved positions, with the investigation
 * and the notes on its nodes and links inside; limits; a reader's token refused.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Investigation, InvestigationState, InvestigationSummary, Note } from '../../common/curate.js';
import { isGraphExport, type GraphExport } from '../../common/export.js';
import type { SerializedGraph } from '../../common/graph.js';
import { request } from '../helpers/http.js';
import { apiSuite } from '../helpers/seeded.js';
import { bearer } from '../helpers/tokens.js';

const BLINKEN = 'person:antony-blinken';
const error = (res: { json: () => unknown }) => (res.json() as { error: { code: string; message: string } }).error;

describe('investigations on the real Neo4j', () => {
  const suite = apiSuite({}, { secured: true });
  const { db } = suite;
  let state: InvestigationState;

  before(async () => {
    const graph = (await request(suite.base, `/api/entities/${encodeURIComponent(BLINKEN)}/neighbourhood`)).json() as SerializedGraph;
    const nodes = graph.nodes.map((n) => n.key);
    state = {
      view: { focus: BLINKEN, steps: [] },
      positions: Object.fromEntries(nodes.map((id, i) => [id, { x: i * 10, y: 5 - i }])),
      filters: { hiddenKinds: ['Place'] },
      style: { color: 'community' },
      nodes,
    };
  });

  it('saves, lists (newest first), reads, replaces and deletes an investigation, outside the graph', async () => {
    const stats = (await request(suite.base, '/api/stats')).body;
    const made = await request(suite.base, '/api/investigations', { method: 'POST', body: { name: ' Blinken trips ', notes: 'who he met', state } });
    assert.equal(made.status, 201, made.body);
    const first = made.json() as Investigation;
    assert.equal(first.name, 'Blinken trips');
    assert.equal(first.by, 'local user');
    assert.equal(first.nodes, state.nodes.length);
    assert.deepEqual(first.state, state);
    const second = (await request(suite.base, '/api/investigations', { method: 'POST', body: { name: 'Second', state } })).json() as Investigation;
    assert.equal(second.notes, '');
    const list = ((await request(suite.base, '/api/investigations')).json() as { investigations: InvestigationSummary[] }).investigations;
    assert.deepEqual(
      list.map((i) => i.id),
      [second.id, first.id],
    );
    assert.equal('state' in list[0]!, false, 'summaries only');
    assert.deepEqual((await request(suite.base, `/api/investigations/${first.id}`)).json(), first);

    const replaced = await request(suite.base, `/api/investigations/${first.id}`, {
      method: 'PUT',
      body: { name: 'Blinken, renamed', notes: 'more', state: { ...state, nodes: [BLINKEN], positions: {} } },
    });
    assert.equal(replaced.status, 200);
    const after = replaced.json() as Investigation;
    assert.equal(after.at, first.at);
    assert.equal(after.nodes, 1);
    assert.equal(after.name, 'Blinken, renamed');
    assert.equal((await request(suite.base, `/api/investigations/${second.id}`, { method: 'DELETE' })).status, 204);
    for (const method of ['GET', 'DELETE']) assert.equal((await request(suite.base, `/api/investigations/${second.id}`, { method })).status, 404);
    assert.equal((await request(suite.base, `/api/investigations/${second.id}`, { method: 'PUT', body: { name: 'x', state } })).status, 404);
    assert.equal((await request(suite.base, '/api/stats')).body, stats);
  });

  it('exports an investigation as JSON and as an evidence pack, nodes at their positions, with itself and its notes', async () => {
    const graph = (await request(suite.base, `/api/entities/${encodeURIComponent(BLINKEN)}/neighbourhood`)).json() as SerializedGraph;
    const edge = graph.edges.find((e) => state.nodes.includes(e.source) && state.nodes.includes(e.target))!;
    const onEntity = (await request(suite.base, '/api/notes', { method: 'POST', body: { target: { entity: BLINKEN }, text: 'on Blinken' } })).json() as Note;
    const onLink = (await request(suite.base, '/api/notes', { method: 'POST', body: { target: { edge: edge.key }, text: 'on a link' } })).json() as Note;
    await request(suite.base, '/api/notes', { method: 'POST', body: { target: { entity: 'person:vladimir-putin' }, text: 'elsewhere' } });
    const saved = (
      await request(suite.base, '/api/investigations', { method: 'POST', body: { name: 'Export me', notes: 'n', state } })
    ).json() as Investigation;

    for (const format of ['json', 'pack'] as const) {
      const res = await request(suite.base, `/api/investigations/${saved.id}/export?format=${format}`);
      assert.equal(res.status, 200, res.body);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.match(
        String(res.headers['content-disposition']),
        new RegExp(`newsgraph-investigation-export-me-\\d{8}-\\d{4}\\.${format === 'pack' ? 'evidence\\.' : ''}json`),
      );
      const file = res.json() as GraphExport;
      assert.ok(isGraphExport(file));
      assert.deepEqual(file.investigation, saved);
      assert.deepEqual(file.graph.nodes.map((n) => n.key).sort(), [...state.nodes].sort());
      for (const node of file.graph.nodes) assert.deepEqual({ x: node.attributes.x, y: node.attributes.y }, state.positions[node.key]);
      assert.ok(file.graph.edges.some((e) => e.key === edge.key));
      assert.deepEqual(
        file.notes!.map((n) => n.id),
        [onEntity.id, onLink.id],
        'the notes on its nodes and links, and no other',
      );
      if (format === 'pack') {
        assert.ok(Object.keys(file.documents ?? {}).length > 0, 'the documents the evidence cites');
        assert.ok(file.graph.edges.some((e) => Array.isArray((e.attributes as { evidence?: unknown }).evidence)));
      } else assert.equal(file.documents, undefined);
    }
    assert.equal((await request(suite.base, `/api/investigations/${saved.id}/export?format=gexf`)).status, 400);
    assert.equal((await request(suite.base, '/api/investigations/nope/export')).status, 404);
  });

  it('says clearly what is wrong with a name, notes or state', async () => {
    const bad = async (body: unknown, message: RegExp) => {
      const res = await request(suite.base, '/api/investigations', { method: 'POST', body });
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
      assert.match(error(res).message, message);
    };
    await bad({ name: '  ', state }, /give a name in name/);
    await bad({ name: 'x'.repeat(201), state }, /a name is at most 200 characters/);
    await bad({ name: 'x', notes: 'y'.repeat(10_001), state }, /notes are at most 10000 characters/);
    await bad({ name: 'x', state: { ...state, nodes: [] } }, /at least one node/);
    await bad({ name: 'x' }, /state: missing/);
    await bad({ name: 'x', state: { ...state, positions: { a: { x: 'left', y: 0 } } } }, /positions/);
    // Past the body limit of 1 MB: refused before any route.
    const huge = await request(suite.base, '/api/investigations', { method: 'POST', body: { name: 'x', state: { ...state, filters: 'z'.repeat(1_100_000) } } });
    assert.equal(huge.status, 413);
  });

  it("refuses a reader's token every write (403), lets it read, and records an editor's name", async () => {
    const reader = await bearer(db, 'reader', 'rita');
    const editor = await bearer(db, 'editor', 'eddie');
    const made = (
      await request(suite.secured, '/api/investigations', { method: 'POST', body: { name: 'by eddie', state }, headers: editor })
    ).json() as Investigation;
    assert.equal(made.by, 'eddie');
    const refused = [
      await request(suite.secured, '/api/investigations', { method: 'POST', body: { name: 'no', state }, headers: reader }),
      await request(suite.secured, `/api/investigations/${made.id}`, { method: 'PUT', body: { name: 'no', state }, headers: reader }),
      await request(suite.secured, `/api/investigations/${made.id}`, { method: 'DELETE', headers: reader }),
    ];
    for (const res of refused) {
      assert.equal(res.status, 403);
      assert.equal(error(res).code, 'FORBIDDEN');
    }
    for (const path of ['/api/investigations', `/api/investigations/${made.id}`, `/api/investigations/${made.id}/export?format=pack`])
      assert.equal((await request(suite.secured, path, { headers: reader })).status, 200, path);
  });
});
