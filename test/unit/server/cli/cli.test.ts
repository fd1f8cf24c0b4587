import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { packageVersion } from '../../../../server/paths.js';
import { runCli } from '../../../helpers/process.js';

describe('newsgraph command', () => {
  it('prints help naming its commands', async () => {
    const run = runCli(['--help'], process.env);
    assert.equal(await run.exited, 0);
    assert.match(run.stdout(), /Usage: newsgraph/);
    assert.match(run.stdout(), /serve/);
    assert.match(run.stdout(), /NEO4J_URI/);
  });

  it('prints its version', async () => {
    const run = runCli(['--version'], process.env);
    assert.equal(await run.exited, 0);
    assert.equal(run.stdout().trim(), packageVersion());
  });

  it('refuses a bad port with a clear message and no stack', async () => {
    const run = runCli(['serve', '--port', 'x'], process.env);
    assert.notEqual(await run.exited, 0);
    assert.match(run.stderr(), /port number from 0 to 65535/);
    assert.doesNotMatch(run.stderr(), /at .*\.js:\d+/);
  });

  it('reports bad configuration in the shared error vocabulary', async () => {
    const run = runCli(['serve'], { ...process.env, NEO4J_URI: 'http://localhost:7474' });
    assert.equal(await run.exited, 1);
    assert.match(run.stderr(), /^newsgraph: error\[BAD_CONFIG\]: .*NEO4J_URI must start with/m);
  });

  it('refuses an export time range that is not dates, or backwards, before asking Neo4j anything', async () => {
    const env = { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1' };
    const bad = runCli(['export', '--format', 'json', '--all', '--since', '2024-02-30'], env);
    assert.equal(await bad.exited, 1);
    assert.match(bad.stderr(), /--since 2024-02-30: give a date, YYYY-MM-DD/);
    const backwards = runCli(['export', '--format', 'json', '--all', '--since', '2024-03-01', '--until', '2024-02-01'], env);
    assert.equal(await backwards.exited, 1);
    assert.match(backwards.stderr(), /--since 2024-03-01 is after --until 2024-02-01/);
  });
});
