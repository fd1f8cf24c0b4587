/**
 * Corrections against the real Neo4j: merge, split, edit, reject and restore through the API, each kept
 * in the log, and each holding when the same articles, or changed ones, are loaded again.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { EntityDetails } from '../../common/api.js';
import type { Correction, CorrectionLog, Note } from '../../common/curate.js';
import type { GraphExport } from '../../common/export.js';
import type { SerializedGraph } from '../../common/graph.js';
import { createToken } from '../../server/auth/store.js';
import { applySchema } from '../../server/db/schema.js';
import { createApp } from '../../server/http/app.js';
import { loadPaths } from '../../server/ingest/load.js';
import { createLogger } from '../../server/logger.js';
import { checkCorrections, correctionsFingerprint } from '../../server/curate/check.js';
import { activeCorrections } from '../../server/curate/log.js';
import { fingerprint, fingerprintLines } from '../helpers/fingerprint.js';
import { resetGraph, testDatabase } from '../helpers/neo4j.js';
import { VOLKOV, VOLKOV_TWO_CHANGED } from '../helpers/curation.js';
import { dropTokens } from '../helpers/tokens.js';

const { one: ONE, two: TWO, sergei: SERGEI, sergey: SERGEY } = VOLKOV;
const TWO_CHANGED = VOLKOV_TWO_CHANGED;

describe('corrections: merge, split, edit, reject, restore; every one survives a reload', () => {
  const db = testDatabase();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-corrections-'));
  let server: Server;
  let base: string;
  const load = () => loadPaths(db, [dir], { cwd: dir });

  async function call<T>(method: string, url: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (res.status === 204 ? null : await res.json()) as T };
  }
  const neighbours = async (id: string) => {
    const { body } = await call<SerializedGraph>('GET', `/api/entities/${encodeURIComponent(id)}/neighbourhood`);
    return body;
  };
  const exists = async (id: string) => (await call('GET', `/api/entities/${encodeURIComponent(id)}`)).status === 200;

  before(async () => {
    await resetGraph(db);
    await applySchema(db);
    writeFileSync(path.join(dir, 'one.txt'), ONE);
    writeFileSync(path.join(dir, 'two.txt'), TWO);
    await load();
    server = createApp({ db, logger: createLogger('silent') }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server?.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with the two spellings as two people', async () => {
    assert.ok(await exists(SERGEI));
    assert.ok(await exists(SERGEY));
  });

  let merge: Correction;
  it('merges them: one node with both names, every link, mention and piece of evidence', async () => {
    const before = await call<EntityDetails>('GET', `/api/entities/${SERGEY}`);
    const note = await call<Note>('POST', '/api/notes', { target: { entity: SERGEY }, text: 'check his ministry title' });
    assert.equal(note.status, 201);
    const accused = (await neighbours(SERGEY)).edges.find((e) => e.source === SERGEY && e.attributes.relType === 'ACCUSED')!;
    const linkNote = await call<Note>('POST', '/api/notes', { target: { edge: accused.key }, text: 'which draft?' });
    assert.equal(linkNote.status, 201);
    const res = await call<{ entity: EntityDetails; correction: Correction }>('POST', '/api/entities/merge', {
      ids: [SERGEI, SERGEY],
      reason: 'same minister, two transliterations',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    merge = res.body.correction;
    assert.equal(merge.change.action, 'merge');
    assert.equal(merge.by, 'local user');
    const entity = res.body.entity;
    assert.equal(entity.name, 'Sergei Volkov');
    assert.ok(entity.aliases.includes('Sergey Volkov'), entity.aliases.join());
    assert.equal(entity.documents.length, 2, 'mentioned in both articles');
    assert.equal(await exists(SERGEY), false);
    const graph = await neighbours(SERGEI);
    const types = graph.edges.map((e) => e.attributes.relType).sort();
    for (const t of ['ACCUSED', 'ALLEGES', 'MET', 'SPOKE_WITH']) assert.ok(types.includes(t), `${t} in ${types.join()}`);
    const degreeBefore = Object.values(before.body.degree).reduce((a, b) => a + b, 0);
    assert.ok(degreeBefore > 0);
    const notes = await call<{ notes: Note[] }>('GET', `/api/notes?entity=${SERGEI}`);
    assert.deepEqual(
      notes.body.notes.map((n) => n.text),
      ['check his ministry title'],
      'the note on the absorbed entity followed it',
    );
    const latest = await call<{ notes: Note[] }>('GET', '/api/notes');
    assert.deepEqual(
      latest.body.notes.find((n) => n.id === linkNote.body.id)?.target,
      { relationship: { source: SERGEI, type: 'ACCUSED', target: accused.target } },
      'and so did the note on its link',
    );
  });

  it('carries the corrections of its nodes in an evidence pack', async () => {
    const pack = await call<GraphExport>('POST', '/api/export', { format: 'evidence', scope: { kind: 'neighbourhood', id: SERGEI, depth: 1 } });
    assert.equal(pack.status, 200);
    assert.deepEqual(
      pack.body.corrections?.map((c) => [c.id, c.change.action, c.reason]),
      [[merge.id, 'merge', 'same minister, two transliterations']],
    );
    const plain = await call<GraphExport>('POST', '/api/export', { format: 'json', scope: { kind: 'neighbourhood', id: SERGEI, depth: 1 } });
    assert.equal(plain.body.corrections, undefined, 'the plain JSON export is the graph alone');
  });

  const correctionsPrint = () =>
    db.read(async (tx) => {
      const states = await checkCorrections(tx, await activeCorrections(tx));
      return { all: [...states.values()].every((s) => s.holds), digest: correctionsFingerprint(states) };
    });

  it('keeps the merge when the same articles are loaded again, unchanged and changed', async () => {
    const print = await fingerprint(db);
    const corrections = await correctionsPrint();
    assert.ok(corrections.all, 'the merge holds');
    const again = await load();
    assert.equal(again.documents.unchanged, 2);
    assert.deepEqual(await fingerprint(db), print, 'an unchanged reload changes nothing');

    writeFileSync(path.join(dir, 'two.txt'), TWO_CHANGED);
    const changed = await load();
    assert.equal(changed.documents.replaced, 1);
    assert.equal(await exists(SERGEY), false, 'the changed article did not bring the second spelling back as its own node');
    assert.deepEqual(await correctionsPrint(), corrections, 'the fingerprint of the corrections is the same after the changed reload');
    const graph = await neighbours(SERGEI);
    const labels = graph.nodes.map((n) => n.attributes.label);
    assert.ok(labels.includes('Peter Holm'), `the changed article's new link reached the merged entity: ${labels.join()}`);
  });

  it('splits the second spelling back off, with what was written with it', async () => {
    const res = await call<{ entities: [EntityDetails, EntityDetails]; correction: Correction }>('POST', `/api/entities/${SERGEI}/split`, {
      aliases: ['Sergey Volkov'],
      reason: 'two people after all',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const [kept, split] = res.body.entities;
    assert.equal(kept.name, 'Sergei Volkov');
    assert.equal(split.name, 'Sergey Volkov');
    assert.deepEqual(
      kept.documents.map((d) => d.title),
      ['Energy talks in Oslo'],
    );
    assert.deepEqual(
      split.documents.map((d) => d.title),
      ['Leak row deepens'],
    );
    const around = (await neighbours(split.id)).nodes.map((n) => n.attributes.label);
    assert.ok(around.includes('Maria Lind') && around.includes('Peter Holm'), around.join());
    const aroundKept = (await neighbours(SERGEI)).nodes.map((n) => n.attributes.label);
    assert.ok(!aroundKept.includes('Maria Lind'), aroundKept.join());
  });

  it('rejects a false link and restores it, also across a reload that re-creates it', async () => {
    const graph = await neighbours(SERGEI);
    const met = graph.edges.find((e) => e.attributes.relType === 'MET' && graph.nodes.find((n) => n.key === e.target)?.attributes.label === 'Anna Berg');
    assert.ok(met, 'Sergei Volkov met Anna Berg');
    const pathFound = async () =>
      (await call<{ found: boolean; paths: { relType: string }[][] }>('GET', `/api/paths?from=${SERGEI}&to=person:anna-berg&maxLength=1`)).body;
    assert.equal((await pathFound()).found, true, 'a path of one link');
    const rejected = await call<{ correction: Correction }>('POST', '/api/reject', { id: met.key, reason: 'they only spoke' });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    const hidden = (await neighbours(SERGEI)).edges.filter((e) => e.attributes.relType === 'MET' && e.target === met.target);
    assert.equal(hidden.length, 0);
    assert.equal((await pathFound()).found, false, 'paths do not take a rejected link');

    writeFileSync(path.join(dir, 'one.txt'), `${ONE}Berg said she would return next month.\n`);
    assert.equal((await load()).documents.replaced, 1);
    const stillHidden = (await neighbours(SERGEI)).edges.filter((e) => e.attributes.relType === 'MET' && e.target === met.target);
    assert.equal(stillHidden.length, 0, 'the reload re-created the link, and it is still rejected');

    const restored = await call<{ correction: Correction }>('POST', '/api/restore', {
      id: rejected.body.correction.change.action === 'reject' ? met.key : '',
      reason: 'mistake',
    });
    // The edge key changed with the reload: restoring by the old key finds nothing, by the new one it works.
    if (restored.status === 404) {
      const log = await call<CorrectionLog>('GET', '/api/corrections');
      const reject = log.body.corrections.find((c) => c.change.action === 'reject' && !c.reverted)!;
      const reverted = await call<{ correction: Correction }>('POST', `/api/corrections/${reject.id}/revert`, { reason: 'mistake' });
      assert.equal(reverted.status, 200, JSON.stringify(reverted.body));
    } else {
      assert.equal(restored.status, 200, JSON.stringify(restored.body));
    }
    const back = (await neighbours(SERGEI)).edges.filter((e) => e.attributes.relType === 'MET' && e.target === met.target);
    assert.equal(back.length, 1);
  });

  it('rejects an entity: gone from the overview, neighbourhoods and search, and back when restored', async () => {
    const BERG = 'person:anna-berg';
    assert.ok(
      (await neighbours(BERG)).nodes.some((n) => n.key === 'place:oslo'),
      'Anna Berg is linked to Oslo',
    );
    const rejected = await call<{ correction: Correction }>('POST', '/api/reject', { id: 'place:oslo', reason: 'not a party to anything' });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    const overview = await call<SerializedGraph>('GET', '/api/graph');
    assert.ok(!overview.body.nodes.some((n) => n.key === 'place:oslo'));
    assert.ok(!(await neighbours(BERG)).nodes.some((n) => n.key === 'place:oslo'));
    const search = await call<{ results: { id: string }[] }>('GET', '/api/search?q=Oslo');
    assert.ok(!search.body.results.some((r) => r.id === 'place:oslo'));
    writeFileSync(path.join(dir, 'one.txt'), `${ONE}Berg flew back from Oslo on Wednesday.\n`);
    assert.equal((await load()).documents.replaced, 1);
    assert.ok(!(await neighbours(BERG)).nodes.some((n) => n.key === 'place:oslo'), 'still rejected after its article changed');
    const restored = await call<{ correction: Correction }>('POST', '/api/restore', { id: 'place:oslo', reason: 'it was' });
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    assert.ok((await neighbours(BERG)).nodes.some((n) => n.key === 'place:oslo'));
  });

  it('edits a name, which a changed article does not undo', async () => {
    const res = await call<{ entity: EntityDetails }>('PATCH', '/api/entities/person:anna-berg', { name: 'Anna K. Berg', reason: 'full name' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.entity.name, 'Anna K. Berg');
    assert.ok(res.body.entity.aliases.includes('Anna Berg'));
    writeFileSync(path.join(dir, 'two.txt'), `${TWO_CHANGED}Anna Berg declined to comment.\n`);
    await load();
    const after = await call<EntityDetails>('GET', '/api/entities/person:anna-berg');
    assert.equal(after.body.name, 'Anna K. Berg');
  });

  it('lists every correction with who, when and why, newest first, and reverts a merge', async () => {
    const log = await call<CorrectionLog>('GET', '/api/corrections');
    assert.equal(log.status, 200);
    assert.deepEqual(
      log.body.corrections.map((c) => c.change.action),
      ['edit', 'reject', 'reject', 'split', 'merge'],
    );
    assert.ok(log.body.corrections.every((c) => c.reason && c.at && c.by));
    assert.ok(
      log.body.corrections.every((c) => c.reverted || c.holds === true),
      JSON.stringify(log.body.corrections.map((c) => [c.change.action, c.holds])),
    );
    const again = await call('POST', `/api/corrections/${merge.id}/revert`, { reason: 'x' });
    assert.equal(again.status, 200, 'the merge, split off since, can still be reverted');
    const twice = await call<{ error: { code: string } }>('POST', `/api/corrections/${merge.id}/revert`, { reason: 'x' });
    assert.equal(twice.status, 400);
  });

  it('reverting a merge of two people one sentence names together gives each its link back', async () => {
    writeFileSync(path.join(dir, 'three.txt'), 'title: Envoy visit\n\nTrade envoy Lena Dahl met Karin Moe and Tove Moe in Tromso on Friday.\n');
    await load();
    const merged = await call<{ correction: Correction }>('POST', '/api/entities/merge', { ids: ['person:karin-moe', 'person:tove-moe'], reason: 'x' });
    assert.equal(merged.status, 200, JSON.stringify(merged.body));
    const reverted = await call('POST', `/api/corrections/${merged.body.correction.id}/revert`, { reason: 'two sisters' });
    assert.equal(reverted.status, 200);
    for (const id of ['person:karin-moe', 'person:tove-moe']) {
      const around = (await neighbours(id)).nodes.map((n) => n.attributes.label);
      assert.ok(around.includes('Lena Dahl'), `${id}: ${around.join(', ')}`);
    }
  });

  it('refuses bad requests with a clear error', async () => {
    const one = await call<{ error: { code: string; message: string } }>('POST', '/api/entities/merge', { ids: [SERGEI], reason: 'x' });
    assert.equal(one.status, 400);
    const kinds = await call<{ error: { code: string; message: string } }>('POST', '/api/entities/merge', { ids: [SERGEI, 'place:oslo'], reason: 'x' });
    assert.equal(kinds.status, 400);
    assert.match(kinds.body.error.message, /one kind/);
    const missing = await call<{ error: { code: string } }>('POST', '/api/entities/merge', { ids: [SERGEI, 'person:nobody'], reason: 'x' });
    assert.equal(missing.status, 404);
    const notAName = await call<{ error: { message: string } }>('POST', `/api/entities/${SERGEI}/split`, { aliases: ['Someone Else'], reason: 'x' });
    assert.equal(notAName.status, 400);
    assert.match(notAName.body.error.message, /is not a name of/);
    const noReason = await call('POST', '/api/reject', { id: SERGEI });
    assert.equal(noReason.status, 400);
  });

  it("refuses every change to a reader's token, and lets an editor's through", async () => {
    const authed = createApp({ db, logger: createLogger('silent'), access: { auth: true } }).listen(0, '127.0.0.1');
    await once(authed, 'listening');
    const url = `http://127.0.0.1:${(authed.address() as AddressInfo).port}`;
    try {
      const reader = await createToken(db, { role: 'reader', name: 'reader' });
      const editor = await createToken(db, { role: 'editor', name: 'Ana' });
      const saved = base;
      base = url;
      // Tokens note when they were last used: everything else must stay as it was.
      const graphLines = async () => {
        const { nodes, relationships } = await fingerprintLines(db);
        return { nodes: nodes.filter((n) => !n.includes('NewsgraphToken')), relationships };
      };
      const print = await graphLines();
      for (const [method, route, body] of [
        ['POST', '/api/entities/merge', { ids: [SERGEI, SERGEY], reason: 'x' }],
        ['POST', `/api/entities/${SERGEI}/split`, { aliases: ['Volkov'], reason: 'x' }],
        ['PATCH', `/api/entities/${SERGEI}`, { name: 'X', reason: 'x' }],
        ['POST', '/api/reject', { id: SERGEI, reason: 'x' }],
        ['POST', '/api/restore', { id: SERGEI, reason: 'x' }],
        ['POST', '/api/duplicates/distinct', { ids: [SERGEI, SERGEY], reason: 'x' }],
        ['POST', `/api/corrections/${merge.id}/revert`, { reason: 'x' }],
      ] as const) {
        const res = await call<{ error: { code: string } }>(method, route, body, reader.token);
        assert.equal(res.status, 403, `${method} ${route}`);
        assert.equal(res.body.error.code, 'FORBIDDEN');
      }
      assert.deepEqual(await graphLines(), print, "a reader's requests changed nothing");
      assert.equal((await call('GET', '/api/corrections', undefined, reader.token)).status, 200, 'a reader reads the log');
      const edit = await call<{ correction: Correction }>('PATCH', `/api/entities/${SERGEI}`, { name: 'Sergei A. Volkov', reason: 'x' }, editor.token);
      assert.equal(edit.status, 200);
      assert.equal(edit.body.correction.by, 'Ana');
      base = saved;
    } finally {
      authed.close();
      await dropTokens(db);
    }
  });
});
