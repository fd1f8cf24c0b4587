import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file so it holds both from sources (tsx) and from dist/. */
function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'newsgraph') {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('newsgraph: cannot find the project root (package.json named newsgraph)');
    dir = parent;
  }
}

export const PROJECT_ROOT = findRoot();
export const LAUNCHER_DIR = path.join(PROJECT_ROOT, 'scripts', 'neo4j');
export const CLIENT_DIST = path.join(PROJECT_ROOT, 'dist', 'client');
export const SEEDS_DIR = path.join(PROJECT_ROOT, 'seeds');

export function packageVersion(): string {
  return (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
