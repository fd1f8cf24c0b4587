// Builds server and client when dist/ is missing or older than the sources, so `npm start` works
// right after a clone and a `git pull` without a separate build step.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const p = path.join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);

const built = [path.join(root, 'dist/server/cli/main.js'), path.join(root, 'dist/client/index.html')];
const sources = Math.max(...['server', 'common', 'client'].map((d) => newest(path.join(root, d))));
const stale = built.some((f) => !existsSync(f) || statSync(f).mtimeMs < sources);
if (stale) {
  process.stderr.write('Building newsgraph…\n');
  execSync('npm run build --silent', { cwd: root, stdio: 'inherit' });
}
