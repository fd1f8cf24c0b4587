/**
 * Files no article reader should trust: a symlink to /dev/zero (endless), a FIFO (blocks its opener),
 * a socket, and a file whose size lies (Linux /proc). Each is refused by name as BAD_INPUT, nothing is
 * read past the size limit, and the files beside them are still read.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readArticleFile } from '../../../../server/article/read.js';
import { tempDirs } from '../../../helpers/temp.js';
import { runCli } from '../../../helpers/process.js';

const unix = process.platform !== 'win32' && existsSync('/dev/zero');
// Without the fix a FIFO hangs the reader for ever: the timeout turns that into a failure.
const bounded = { timeout: 30_000, skip: !unix && 'needs /dev/zero and mkfifo' };

describe('hostile article files', () => {
  const temps = tempDirs('newsgraph-hostile-files');
  let dir = '';
  let socket: net.Server | undefined;
  const at = (name: string) => path.join(dir, name);

  before(async () => {
    dir = temps.make();
    writeFileSync(at('good.txt'), 'Secretary of State Antony Blinken met Foreign Minister Wang Yi in Beijing on Friday.');
    if (!unix) return;
    symlinkSync('/dev/zero', at('zero.txt'));
    symlinkSync(at('good.txt'), at('link.txt'));
    execFileSync('mkfifo', [at('pipe.txt')]);
    socket = net.createServer();
    await new Promise<void>((resolve) => socket!.listen(at('socket.txt'), resolve));
  });
  after(async () => {
    await new Promise((resolve) => (socket ? socket.close(resolve) : resolve(undefined)));
    temps.cleanup();
  });

  it('refuses a symlink to /dev/zero, a FIFO and a socket by what they are, and reads a symlink to a file', bounded, async () => {
    const zero = await readArticleFile(at('zero.txt'));
    assert.ok(!zero.ok && zero.error.code === 'BAD_INPUT');
    assert.match(zero.error.message, /zero\.txt skipped: it is a character device, not a regular file/);
    const pipe = await readArticleFile(at('pipe.txt'));
    assert.ok(!pipe.ok && pipe.error.code === 'BAD_INPUT');
    assert.match(pipe.error.message, /pipe\.txt skipped: it is a FIFO \(named pipe\), not a regular file/);
    const sock = await readArticleFile(at('socket.txt'));
    assert.ok(!sock.ok && sock.error.code === 'BAD_INPUT');
    assert.match(sock.error.message, /socket\.txt skipped: it is a socket/);
    const link = await readArticleFile(at('link.txt'));
    assert.ok(link.ok, 'a symlink to a regular file is read');
  });

  it('never reads past the limit, whatever size the file claims', { skip: !existsSync('/proc/self/maps') && 'needs Linux /proc' }, async () => {
    // /proc files are regular files that say they are empty and are not.
    const maps = await readArticleFile('/proc/self/maps', 64);
    assert.ok(!maps.ok, 'refused');
    assert.equal(maps.error.code, 'BAD_INPUT');
    assert.match(maps.error.message, /maps is longer than its size said, over the 0 MB limit/);
  });

  it('refuses Markdown nested past what its parser can read, by name, as bad input', async () => {
    // marked recurses once per level: 20,000 nested quotes or list items overflowed the stack, and the
    // RangeError ended the whole run.
    for (const [name, body] of [
      ['quotes.md', `${'> '.repeat(20_000)}Antony Blinken met Wang Yi.`],
      ['items.md', `${'- '.repeat(20_000)}Antony Blinken met Wang Yi.`],
    ] as const) {
      const file = path.join(temps.make(), name);
      writeFileSync(file, body);
      const read = await readArticleFile(file);
      assert.ok(!read.ok && read.error.code === 'BAD_INPUT', JSON.stringify(read));
      assert.match(read.error.message, new RegExp(`${name} skipped: its Markdown could not be read \\(it nests too deeply\\)`));
    }
  });

  it('newsgraph extract skips them in a folder walk and a glob, names each, and extracts the rest', bounded, async () => {
    for (const target of [dir, path.join(dir, '*.txt')]) {
      const run = runCli(['extract', '--json', target], process.env);
      assert.equal(await run.exited, 1, run.stderr());
      const out = JSON.parse(run.stdout()) as { documents: { file: string }[]; errors: { file: string; error: { code: string; message: string } }[] };
      assert.deepEqual(out.documents.map((d) => path.basename(d.file)).sort(), ['good.txt', 'link.txt']);
      const refused = out.errors.map((e) => [path.basename(e.file), e.error.code]);
      // A glob matches only files and symlinks (tinyglobby), so the FIFO and the socket are never opened there.
      const expected =
        target === dir
          ? [
              ['pipe.txt', 'BAD_INPUT'],
              ['socket.txt', 'BAD_INPUT'],
              ['zero.txt', 'BAD_INPUT'],
            ]
          : [['zero.txt', 'BAD_INPUT']];
      assert.deepEqual(refused, expected);
      assert.match(run.stderr(), /zero\.txt skipped: it is a character device/);
    }
  });
});
