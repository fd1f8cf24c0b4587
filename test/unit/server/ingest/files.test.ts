import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { articleFiles } from '../../../../server/ingest/files.js';

describe('articleFiles', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of ['b.txt', 'a.md', 'c.html', 'notes.json', '.hidden.txt', 'sub/d.txt', 'sub/e.htm']) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), 'x');
  }
  const list = async (paths: string[]) => {
    const out: string[] = [];
    for await (const f of articleFiles(paths)) out.push(path.relative(dir, f.path));
    return out;
  };
  const names = async (paths: string[]) => {
    const out: string[] = [];
    for await (const f of articleFiles(paths)) out.push(f.name);
    return out;
  };

  it('walks folders in a stable order, keeping article files only', async () => {
    assert.deepEqual(await list([dir]), ['a.md', 'b.txt', 'c.html', 'sub/d.txt', 'sub/e.htm']);
  });

  it('expands a glob the shell left alone, and keeps a named file or missing path as given', async () => {
    assert.deepEqual(await list([path.join(dir, '**/*.txt')]), ['b.txt', 'sub/d.txt']);
    assert.deepEqual(await list([path.join(dir, 'notes.json'), path.join(dir, 'missing.txt')]), ['notes.json', 'missing.txt']);
  });

  it('names each file from the folder or glob it was found under, or by its own name: never an absolute path', async () => {
    assert.deepEqual(await names([dir]), ['a.md', 'b.txt', 'c.html', 'sub/d.txt', 'sub/e.htm']);
    assert.deepEqual(await names([path.join(dir, 'sub')]), ['d.txt', 'e.htm']);
    assert.deepEqual(await names([path.join(dir, '**/*.txt')]), ['b.txt', 'sub/d.txt']);
    assert.deepEqual(await names([path.join(dir, 'sub', 'd.txt'), path.join(dir, 'missing.txt')]), ['d.txt', 'missing.txt']);
    const relative = path.relative(process.cwd(), dir);
    assert.deepEqual(await names([path.join(relative, 's*/*.txt')]), ['sub/d.txt']);
  });

  it('keeps an http(s) URL as given, for the loader to fetch: its ? and * are no glob', async () => {
    const urls = ['https://news.example/a?id=1&x=*', 'HTTP://127.0.0.1:8080/b.html'];
    const out: { path: string; name: string }[] = [];
    for await (const f of articleFiles(urls)) out.push(f);
    assert.deepEqual(
      out,
      urls.map((u) => ({ path: u, name: u })),
    );
  });
});
