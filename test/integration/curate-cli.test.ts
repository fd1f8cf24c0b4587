/** `newsgraph curate …` against the real Neo4j: the same corrections as the API, by name or id, logged. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CorrectionLog } from '../../common/curate.js';
import { cliEnv, testDatabase } from '../helpers/neo4j.js';
import { VOLKOV_ARTICLES } from '../helpers/curation.js';
import { runCli } from '../helpers/process.js';
import { loadGraph } from '../helpers/seeded.js';

async function cli(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = runCli(['curate', ...args], cliEnv());
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe('newsgraph curate', () => {
  const db = testDatabase();
  before(() => loadGraph(db, { seeds: false, extraPaths: VOLKOV_ARTICLES }));
  after(() => db.close());

  it('suggests the pair, merges it by name, logs it with its author and reverts it', async () => {
    const dups = await cli('duplicates', '--json');
    assert.equal(dups.code, 0, dups.stderr);
    const ids = (JSON.parse(dups.stdout) as { suggestions: { ids: string[] }[] }).suggestions.map((s) => [...s.ids].sort().join(' '));
    assert.ok(ids.includes('person:sergei-volkov person:sergey-volkov'), ids.join('; '));

    const merge = await cli('merge', 'Sergei Volkov', 'Sergey Volkov', '--reason', 'two spellings');
    assert.equal(merge.code, 0, merge.stderr);
    assert.match(merge.stdout, /merged person:sergey-volkov into person:sergei-volkov/);

    const log = await cli('log', '--json');
    const parsed = JSON.parse(log.stdout) as CorrectionLog;
    assert.equal(parsed.total, 1);
    assert.match(parsed.corrections[0]!.by, /\(command line\)$/);

    const revert = await cli('revert', parsed.corrections[0]!.id, '--reason', 'mistake');
    assert.equal(revert.code, 0, revert.stderr);
    assert.match(revert.stdout, /reverted/);
  });

  it('says what was wrong, with a code and exit code 1', async () => {
    const missing = await cli('merge', 'Sergei Volkov', 'Nobody At All', '--reason', 'x');
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /error\[NOT_FOUND\]/);
    const kinds = await cli('merge', 'Sergei Volkov', 'Oslo', '--reason', 'x');
    assert.equal(kinds.code, 1);
    assert.match(kinds.stderr, /error\[BAD_REQUEST\]: Only entities of one kind/);
    const noReason = await cli('reject', 'Oslo');
    assert.equal(noReason.code, 1);
    assert.match(noReason.stderr, /--reason/);
  });
});
