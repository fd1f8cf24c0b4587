/**
 * The API contract, tested from outside: schemathesis (pinned, from PyPI, installed on first use by
 * scripts/schemathesis.sh) reads /api/openapi.json and throws generated requests, valid and invalid, at
 * every operation of the real server over the seed graph in the test Neo4j. Every check of its default
 * set runs; one failure fails the test with schemathesis's report.
 *
 * It signs in with a reader's token: every read is answered in full, and every operation that writes
 * (corrections, notes, investigations) must refuse it as the document says (403) and leave the graph as
 * it was. What the writes do when allowed is tested with editors' tokens in their own files.
 */
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { createToken } from '../../server/auth/store.js';
import { createApp } from '../../server/http/app.js';
import { openApiDocument } from '../../server/http/openapi.js';
import { createLogger } from '../../server/logger.js';
import { PROJECT_ROOT } from '../../server/paths.js';
import { testDatabase } from '../helpers/neo4j.js';
import { loadGraph } from '../helpers/seeded.js';
import { dropTokens } from '../helpers/tokens.js';

/**
 * The target: 50 examples per operation. A fixed seed keeps a failure reproducible. One worker:
 * CPython 3.11 before 3.11.8 can fail parsing source in two threads at once ("AST constructor recursion
 * depth mismatch"), which schemathesis reports as an error of its own; the run takes about 2 minutes.
 */
const MAX_EXAMPLES = '50';
const SEED = process.env.NEWSGRAPH_SCHEMATHESIS_SEED ?? '15';

async function schemathesis(): Promise<string> {
  const { stdout } = await promisify(execFile)('bash', [path.join(PROJECT_ROOT, 'scripts/schemathesis.sh')], { timeout: 5 * 60_000 });
  return stdout.trim();
}

/** Runs `st` without blocking this process, whose event loop serves the API it tests. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<{ code: number | null; output: string }> {
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the API against its OpenAPI document (schemathesis)', () => {
  const db = testDatabase();
  let server: Server;
  let base: string;
  let st: string;
  let token: string;
  const work = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-schemathesis-'));

  before(async () => {
    st = await schemathesis();
    await loadGraph(db);
    // The rate limits would answer most of the run 429 (documented, and accepted by every check), so
    // that the Cypher and export routes themselves would go untested.
    token = (await createToken(db, { role: 'reader', name: 'schemathesis' })).token;
    server = createApp({
      db,
      logger: createLogger('silent'),
      cypherPerMinute: 1_000_000,
      exportPerMinute: 1_000_000,
      access: { auth: true },
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server?.close();
    await dropTokens(db);
    await db.close();
    rmSync(work, { recursive: true, force: true });
  });

  /**
   * The news graph: :Newsgraph nodes and their relationships. Notes and investigations, which the run's
   * writes create, are kept beside it, not in it (server/db/schema.ts).
   */
  const graphSize = async () =>
    db.read(async (tx) => {
      // Tokens note when they were last used; nothing else may change.
      const r = (await tx.run('MATCH (n) WHERE NOT n:NewsgraphToken OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels'))
        .records[0]!;
      return { nodes: r.get('nodes') as unknown, rels: r.get('rels') as unknown };
    });

  it("finds no failure in any check over every operation, and a reader's requests leave the graph as it was", { timeout: 10 * 60_000 }, async () => {
    const before = await graphSize();
    // Every operation but GET /api/openapi.json, which schemathesis leaves out when it loads the document from it.
    const operations = Object.values(openApiDocument().paths as Record<string, object>).reduce((n, methods) => n + Object.keys(methods).length, 0) - 1;
    const args = [
      'run',
      `${base}/api/openapi.json`,
      '--url',
      base,
      '--max-examples',
      MAX_EXAMPLES,
      '--seed',
      SEED,
      '--workers',
      '1',
      '--no-color',
      '--generation-database',
      'none',
      '--header',
      `Authorization: Bearer ${token}`,
    ];
    const env = { ...process.env, SCHEMATHESIS_HOOKS: path.join(PROJECT_ROOT, 'test/helpers/schemathesis_hooks.py'), NO_COLOR: '1' };
    const { code, output } = await run(st, args, env, work);
    assert.equal(code, 0, `schemathesis found failures (st ${args.join(' ')}):\n${output}`);
    assert.match(output, new RegExp(`Selected: ${operations}/${operations}\\s+Tested: ${operations}\\b`), `every operation is tested:\n${output}`);
    assert.match(output, /Coverage/, output);
    assert.match(output, /Fuzzing/, output);
    assert.deepEqual(await graphSize(), before, 'the graph is unchanged');
  });
});
