/** Turns the paths a user gives (files and folders) into the list of article files, in a stable order. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { isHttpUrl } from '../article/fetch.js';

export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm'];

export interface ArticleFile {
  /** Where to read it, as given or found. */
  path: string;
  /**
   * What a document shows as its file: the path inside the folder that was given, or a file's own name
   * (a URL's is the URL). Never the server's absolute path, which the API and exports would hand to anyone.
   */
  name: string;
}

const posix = (p: string) => p.split(path.sep).join('/');

/**
 * Folders are walked (hidden entries skipped) for files with an article extension; files given by
 * name are kept whatever their extension, and missing paths are kept so the reader reports them.
 * A glob the shell did not expand (quoted, or on Windows) is expanded here; its matches are named
 * from the folder the glob starts in. An http(s) URL is kept as it is, for the loader to fetch: its `?`
 * is a query, not a glob.
 */
export async function* articleFiles(paths: string[]): AsyncGenerator<ArticleFile> {
  for (const p of paths) {
    if (isHttpUrl(p)) {
      yield { path: p, name: p };
      continue;
    }
    const info = await stat(p).catch(() => null);
    if (!info && isDynamicPattern(p)) {
      const matches = (await glob(p, { onlyFiles: true, expandDirectories: false })).sort();
      if (matches.length) {
        const base = path.resolve(staticBase(p));
        for (const match of matches) yield { path: match, name: posix(path.relative(base, path.resolve(match))) || path.basename(match) };
        continue;
      }
    }
    if (!info?.isDirectory()) {
      yield { path: p, name: path.basename(p) };
      continue;
    }
    yield* walk(p, '');
  }
}

/** The folder a glob starts in: its segments before the first one with a pattern in it. */
function staticBase(pattern: string): string {
  const segments = pattern.split(/[\\/]/);
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isDynamicPattern(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/') || (pattern.startsWith('/') ? '/' : '.');
}

async function* walk(dir: string, inside: string): AsyncGenerator<ArticleFile> {
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const name = inside ? `${inside}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walk(full, name);
    else if (ARTICLE_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) yield { path: full, name };
  }
}
