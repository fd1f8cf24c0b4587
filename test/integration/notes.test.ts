/**
 * Notes against the real Neo4j: on an entity, a document and a link (given by its edge key and kept as
 * the relationship it names, so a reload that re-creates it keeps the note), listed, searched through the
 * full-text index with the user's words taken literally, edited and deleted; text limits; a reader's
 * token refused; none of it in the news graph.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Note } from '../../common/curate.js';
import type { SerializedGraph } from '../../common/graph.js';
import { createToken } from '../../server/auth/store.js';
import { request } from '../helpers/http.js';
import { apiSuite } from '../helpers/seeded.js';
import { bearer } from '../helpers/tokens.js';

const BLINKEN = 'person:antony-blinken';
const DOC = 'doc:f2b7dc6b401b96eb0fa6';
const code = (res: { json: () => unknown }) => (res.json() as { error: { code: string; message: string } }).error;

describe('notes on the real Neo4j', () => {
  const suite = apiSuite({}, { secured: true });
  const { db } = suite;
  const post = (body: unknown, at = suite.base, headers: Record<string, string> = {}) => request(at, '/api/notes', { method: 'POST', body, headers });

  it('adds a note to an entity and a document, lists them with author and label, and keeps them out of the graph', async () => {
    const before = (await request(suite.base, '/api/stats')).body;
    const made = await post({ target: { entity: BLINKEN }, text: '  Check the Munich meeting date.  ' });
    assert.equal(made.status, 201);
    const note = made.json() as Note;
    assert.deepEqual(note.target, { entity: BLINKEN });
    assert.equal(note.label, 'Antony Blinken');
    assert.equal(note.text, 'Check the Munich meeting date.', 'trimmed');
    assert.equal(note.by, 'local user');
    assert.equal(note.at, note.updatedAt);
    const doc = (await post({ target: { document: DOC }, text: 'Source of the sanctions claim' })).json() as Note;
    assert.deepEqual(doc.target, { document: DOC });

    const listed = (await request(suite.base, `/api/notes?entity=${encodeURIComponent(BLINKEN)}`)).json() as { notes: Note[] };
    assert.deepEqual(listed.notes, [note]);
    assert.deepEqual(((await request(suite.base, `/api/notes?document=${DOC}`)).json() as { notes: Note[] }).notes, [doc]);
    const latest = ((await request(suite.base, '/api/notes')).json() as { notes: Note[] }).notes;
    assert.deepEqual(latest.map((n) => n.id).slice(0, 2), [doc.id, note.id], 'newest first');
    assert.equal((await request(suite.base, '/api/stats')).body, before, 'the graph does not count notes');
  });

  it('keeps a note on a link (given by its edge key) as the relationship it names, through a reload that re-creates it', async () => {
    const graph = (await request(suite.base, `/api/entities/${encodeURIComponent(BLINKEN)}/neighbourhood`)).json() as SerializedGraph;
    const edge = graph.edges.find((e) => e.source === BLINKEN && e.attributes.relType === 'MET')!;
    const made = await post({ target: { edge: edge.key }, text: 'Met twice, per the second article' });
    assert.equal(made.status, 201);
    const note = made.json() as Note;
    assert.deepEqual(note.target, { relationship: { source: BLINKEN, type: 'MET', target: edge.target } });
    assert.match(note.label, /^Antony Blinken —MET→ /);
    assert.deepEqual(((await request(suite.base, `/api/notes?edge=${encodeURIComponent(edge.key)}`)).json() as { notes: Note[] }).notes, [note]);

    // As a reload of a changed article does: the relationship deleted and written again, under a new element id.
    await db.write((tx) =>
      tx.run(
        `MATCH (a:Newsgraph)-[r:MET]->(b:Newsgraph) WHERE elementId(r) = $id
         WITH a, b, r, properties(r) AS p DELETE r CREATE (a)-[again:MET]->(b) SET again = p`,
        { id: edge.key },
      ),
    );
    const again = (await request(suite.base, `/api/entities/${encodeURIComponent(BLINKEN)}/neighbourhood`)).json() as SerializedGraph;
    const recreated = again.edges.find((e) => e.source === BLINKEN && e.target === edge.target && e.attributes.relType === 'MET')!;
    assert.notEqual(recreated.key, edge.key, 'a new element id');
    assert.deepEqual(((await request(suite.base, `/api/notes?edge=${encodeURIComponent(recreated.key)}`)).json() as { notes: Note[] }).notes, [note]);
    const byRef = await post({ target: note.target, text: 'A second note by ref' });
    assert.equal(byRef.status, 201);
  });

  it('searches notes by their words, prefixes included, taking Lucene syntax as plain characters', async () => {
    const search = async (q: string) =>
      ((await request(suite.base, `/api/notes?q=${encodeURIComponent(q)}`)).json() as { notes: Note[] }).notes.map((n) => n.text);
    assert.deepEqual(await search('munich'), ['Check the Munich meeting date.']);
    assert.deepEqual(await search('sanct'), ['Source of the sanctions claim'], 'a prefix');
    assert.deepEqual(await search('munich sanctions'), [], 'every word must be there');
    for (const q of ['munich)', 'AND', '"munich', 'date.*~', '\\', 'check: munich', '[munich TO z]']) {
      const res = await request(suite.base, `/api/notes?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200, `${q}: ${res.body}`);
    }
    assert.deepEqual(await search('munich)'), ['Check the Munich meeting date.']);
    const found = ((await request(suite.base, '/api/notes?q=munich')).json() as { notes: Note[] }).notes[0]!;
    assert.equal(found.label, 'Antony Blinken', "with its target's label");
  });

  it('edits and deletes a note; unknown notes and targets are 404; text limits are clear', async () => {
    const note = (await post({ target: { entity: BLINKEN }, text: 'draft' })).json() as Note;
    const edited = await request(suite.base, `/api/notes/${note.id}`, { method: 'PATCH', body: { text: 'final' } });
    assert.equal(edited.status, 200);
    const after = edited.json() as Note;
    assert.equal(after.text, 'final');
    assert.equal(after.at, note.at);
    assert.ok(after.updatedAt >= note.updatedAt);
    assert.equal((await request(suite.base, `/api/notes/${note.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await request(suite.base, `/api/notes/${note.id}`, { method: 'DELETE' })).status, 404);
    assert.equal((await request(suite.base, `/api/notes/${note.id}`, { method: 'PATCH', body: { text: 'x' } })).status, 404);

    for (const target of [
      { entity: 'person:nobody' },
      { document: 'doc:none' },
      { edge: '5:abc:999999' },
      { relationship: { source: BLINKEN, type: 'MET', target: 'person:nobody' } },
    ]) {
      const res = await post({ target, text: 'x' });
      assert.equal(res.status, 404, JSON.stringify(target));
      assert.equal(code(res).code, 'NOT_FOUND');
    }
    const blank = await post({ target: { entity: BLINKEN }, text: '   ' });
    assert.equal(blank.status, 400);
    assert.match(code(blank).message, /give the note in text/);
    const long = await post({ target: { entity: BLINKEN }, text: 'x'.repeat(10_001) });
    assert.equal(long.status, 400);
    assert.match(code(long).message, /at most 10,000 characters/);
    assert.equal((await post({ target: { entity: BLINKEN }, text: 'x'.repeat(10_000) })).status, 201);
    assert.equal((await post({ target: { entity: BLINKEN, document: DOC }, text: 'two targets' })).status, 400);
    assert.equal((await request(suite.base, `/api/notes?entity=${BLINKEN}&q=x`)).status, 400, 'one filter at a time');
  });

  it("refuses a reader's token every write (403), lets it read, and records an editor's name", async () => {
    const reader = await bearer(db, 'reader', 'rita');
    const editor = await bearer(db, 'editor', 'eddie');
    const note = (await post({ target: { entity: BLINKEN }, text: 'by the editor' }, suite.secured, editor)).json() as Note;
    assert.equal(note.by, 'eddie');
    const refused = [
      await post({ target: { entity: BLINKEN }, text: 'no' }, suite.secured, reader),
      await request(suite.secured, `/api/notes/${note.id}`, { method: 'PATCH', body: { text: 'no' }, headers: reader }),
      await request(suite.secured, `/api/notes/${note.id}`, { method: 'DELETE', headers: reader }),
    ];
    for (const res of refused) {
      assert.equal(res.status, 403);
      assert.equal(code(res).code, 'FORBIDDEN');
    }
    assert.equal((await request(suite.secured, `/api/notes?entity=${BLINKEN}`, { headers: reader })).status, 200);
    assert.equal((await request(suite.secured, '/api/notes')).status, 401);
    const unnamed = await createToken(db, { role: 'editor' });
    const byToken = (
      await post({ target: { entity: BLINKEN }, text: 'by a token' }, suite.secured, { authorization: `Bearer ${unnamed.token}` })
    ).json() as Note;
    assert.equal(byToken.by, `token ${unnamed.id}`);
  });
});
