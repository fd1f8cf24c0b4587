import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { ContractDocument } from '../../../../server/extract/contract.js';
import { runCli } from '../../../helpers/process.js';

interface Output {
  documents: ContractDocument[];
  errors: { file: string; error: { code: string; message: string } }[];
  warnings: { file: string; warning: { code: string; message: string } }[];
}

describe('newsgraph extract', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-extract-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(dir, name);
    writeFileSync(p, content);
    return p;
  };

  async function extract(args: string[]): Promise<{ code: number | null; out: Output; stderr: string }> {
    const run = runCli(['extract', '--json', ...args], process.env);
    const code = await run.exited;
    return { code, out: JSON.parse(run.stdout()) as Output, stderr: run.stderr() };
  }

  it('gives an empty result for an empty file', async () => {
    const empty = file('empty.txt', '');
    const { code, out } = await extract([empty]);
    assert.equal(code, 0);
    assert.deepEqual(out.errors, []);
    assert.equal(out.documents.length, 1);
    const [doc] = out.documents;
    assert.equal(doc!.file, empty);
    for (const key of ['people', 'institutions', 'places', 'interactions', 'allegations'] as const) assert.deepEqual(doc![key], []);
  });

  it('skips bad files with a warning naming each, keeps going, and exits 1', async () => {
    const good = file('good.txt', 'Secretary of State Antony Blinken met Foreign Minister Wang Yi in Beijing on Friday.');
    const binary = file('photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const latin1 = file('latin1.txt', Buffer.from('Le pr\xe9sident Macron a rencontr\xe9 Xi Jinping.', 'latin1'));
    const missing = path.join(dir, 'missing.txt');
    const { code, out, stderr } = await extract([binary, latin1, missing, good]);
    assert.equal(code, 1);
    assert.deepEqual(
      out.documents.map((d) => d.file),
      [good],
    );
    assert.deepEqual(
      out.errors.map((e) => [e.file, e.error.code]),
      [
        [binary, 'BAD_INPUT'],
        [latin1, 'BAD_INPUT'],
        [missing, 'NOT_FOUND'],
      ],
    );
    assert.match(stderr, /photo\.txt skipped: it looks binary/);
    assert.match(stderr, /latin1\.txt skipped: it is not valid UTF-8/);
    assert.match(stderr, /missing\.txt: no such file/);
    assert.doesNotMatch(stderr, /at .*\.js:\d+/);
    assert.ok(out.documents[0]!.people.some((p) => p.name === 'Antony Blinken'));
  });

  it('refuses an article over the size limit, naming the limit', async () => {
    const big = file('big.txt', Buffer.alloc(11 * 1024 * 1024, 'a'));
    const { code, out } = await extract([big]);
    assert.equal(code, 1);
    assert.match(out.errors[0]!.error.message, /big\.txt is 11\.0 MB, over the 10 MB limit for one article/);
  });

  it('extracts an article whose source is not http(s), with a warning naming the file, and exits 0', async () => {
    const script = file('script-source.txt', 'source: javascript:alert(1)\nAntony Blinken met Wang Yi.');
    const { code, out, stderr } = await extract([script]);
    assert.equal(code, 0);
    assert.equal(out.documents.length, 1);
    assert.deepEqual(
      out.warnings.map((w) => [w.file, w.warning.code]),
      [[script, 'BAD_INPUT']],
    );
    assert.match(stderr, /warning\[BAD_INPUT\]: .*script-source\.txt: its source URL "javascript:alert\(1\)" is not an http\(s\) URL, so it was not stored/);
  });

  it('reads the visible text of HTML only', async () => {
    const html = file('page.html', '<html><head><script>const who = "Vladimir Putin";</script></head><body><p>Antony Blinken met Wang Yi.</p></body></html>');
    const { out } = await extract([html]);
    const names = out.documents[0]!.people.map((p) => p.name);
    assert.ok(names.includes('Antony Blinken'));
    assert.ok(!names.includes('Vladimir Putin'));
  });

  it('prints a readable summary without --json', async () => {
    const good = file('summary.txt', 'Antony Blinken met Wang Yi in Beijing.');
    const run = runCli(['extract', good], process.env);
    assert.equal(await run.exited, 0);
    assert.match(run.stdout(), /People \(\d+\): .*Antony Blinken/);
  });

  it('extracts a folder on worker threads with the same output, in the same order, as in one thread', async () => {
    const folder = path.join(dir, 'many');
    mkdirSync(folder);
    const names = [
      'Maria Lopez',
      'Tobias Brandt',
      'Lena Morrow',
      'Owen Kelly',
      'Rafael Dumont',
      'Ben Carver',
      'Daniel Marsh',
      'Paula Reyes',
      'Alan Brook',
      'Sara White',
    ];
    names.forEach((n, i) =>
      writeFileSync(
        path.join(folder, `${String(i).padStart(2, '0')}.txt`),
        `${n} met Secretary Antony Blinken in Paris on Monday.${' The talks went on.'.repeat(i * 20)} ${n} later accused the Vireo Bank of fraud.`,
      ),
    );
    const runWith = async (workers: string) => {
      const run = runCli(['extract', '--json', folder], { ...process.env, NEWSGRAPH_EXTRACT_WORKERS: workers });
      assert.equal(await run.exited, 0, run.stderr());
      return JSON.parse(run.stdout()) as Output;
    };
    const [pooled, inline] = await Promise.all([runWith('2'), runWith('0')]);
    assert.equal(pooled.documents.length, names.length);
    assert.deepEqual(pooled, inline);
    assert.deepEqual(
      pooled.documents.map((d) => d.people.map((p) => p.name).sort()[0]),
      names.map((n) => [n, 'Antony Blinken'].sort()[0]),
    );
  });
});
