/**
 * No absolute path of the server's machine reaches the API or an export: a document stores the path
 * inside the folder it was loaded from (or the file's own name), for the seeds `serve` loads too, and
 * a reload still finds every document unchanged, with the ids it had.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { DocumentSummary } from '../../common/api.js';
import { applySchema } from '../../server/db/schema.js';
import { exportGraph } from '../../server/export/export.js';
import { createApp } from '../../server/http/app.js';
import { loadPaths } from '../../server/ingest/load.js';
import { seedIfEmpty } from '../../server/ingest/seed.js';
import { createLogger } from '../../server/logger.js';
import { PROJECT_ROOT } from '../../server/paths.js';
import { resetGraph, testDatabase } from '../helpers/neo4j.js';
import { tempDirs } from '../helpers/temp.js';

describe('file paths in the API and exports', () => {
  const db = testDatabase();
  const temps = tempDirs('newsgraph-paths');
  let server: Server;
  let base = '';
  let dir = '';
  const machinePaths = () => [PROJECT_ROOT, os.tmpdir(), dir, os.homedir()].filter((p) => p.length > 1);
  const assertNoMachinePath = (text: string, where: string) => {
    for (const p of machinePaths()) assert.ok(!text.includes(p), `${where} holds no ${p}`);
  };
  const documents = async () => {
    const body = (await (await fetch(`${base}/api/documents?limit=50`)).json()) as { documents: DocumentSummary[] };
    return body.documents;
  };

  before(async () => {
    await resetGraph(db);
    await applySchema(db);
    assert.ok(await seedIfEmpty(db), 'the seeds went in, as `serve` loads them');
    dir = temps.make();
    mkdirSync(path.join(dir, 'desk'));
    writeFileSync(path.join(dir, 'desk', 'wire.txt'), 'Antony Blinken met Wang Yi in Beijing.');
    writeFileSync(path.join(dir, 'alone.txt'), 'Wang Yi met Chen Jining.');
    const loaded = await loadPaths(db, [path.join(dir, 'desk'), path.join(dir, 'alone.txt')]);
    assert.equal(loaded.documents.new, 2);
    const app = createApp({ db, logger: createLogger('silent') });
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server?.close();
    await resetGraph(db);
    await db.close();
    temps.cleanup();
  });

  it('GET /api/documents and /api/documents/:id show the path inside the folder loaded, never an absolute one', async () => {
    const docs = await documents();
    const files = docs.map((d) => d.file).sort();
    assert.deepEqual(files, ['000_8366d6cc39c1548e.txt', '003_b1eed880dc383a98.txt', 'alone.txt', 'wire.txt'].sort());
    assertNoMachinePath(JSON.stringify(docs), '/api/documents');
    for (const doc of docs) {
      const details = await (await fetch(`${base}/api/documents/${encodeURIComponent(doc.id)}`)).text();
      assertNoMachinePath(details, `/api/documents/${doc.id}`);
    }
  });

  it('no export of the whole graph holds an absolute path', async () => {
    for (const format of ['json', 'evidence', 'graphml', 'gexf', 'cypher'] as const) {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await exportGraph(db, { kind: 'all' }, format, out);
      assertNoMachinePath(Buffer.concat(chunks).toString('utf8'), `the ${format} export`);
    }
  });

  it('a reload finds every document unchanged, with its id, and heals a file stored as an absolute path before', async () => {
    const ids = (await documents()).map((d) => d.id).sort();
    const wire = (await documents()).find((d) => d.file === 'wire.txt')!;
    await db.write((tx) => tx.run('MATCH (d:Document {id: $id}) SET d.file = $file', { id: wire.id, file: path.join(dir, 'desk', 'wire.txt') }));
    const again = await loadPaths(db, [path.join(dir, 'desk'), path.join(dir, 'alone.txt')]);
    assert.deepEqual(again.documents, { new: 0, unchanged: 2, replaced: 0, failed: 0 });
    assert.equal(again.nodesCreated + again.relationshipsCreated + again.nodesDeleted, 0);
    assert.deepEqual((await documents()).map((d) => d.id).sort(), ids);
    assert.equal((await documents()).find((d) => d.id === wire.id)!.file, 'wire.txt');
  });
});
