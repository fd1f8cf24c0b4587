/** Turns the paths a user gives (files and folders) into the list of article files, in a stable order. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'];

/**
 * Folders are walked (hidden entries skipped) for files with an article extension; files given by
 * name are kept whatever their extension, and missing paths are kept so the reader reports them.
 * A glob the shell did not expand (quoted, or on Windows) is expanded here.
 */
export async function* articleFiles(paths: string[]): AsyncGenerator<string> {
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info && isDynamicPattern(p)) {
      const matches = (await glob(p, { onlyFiles: true, expandDirectories: false })).sort();
      if (matches.length) {
        yield* articleFiles(matches);
        continue;
      }
    }
    if (!info?.isDirectory()) {
      yield p;
      continue;
    }
    yield* walk(p);
  }
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (ARTICLE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) yield full;
  }
}
