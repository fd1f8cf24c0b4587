#!/usr/bin/env node
// The installed command: runs the compiled CLI from dist/ (built by `npm install` via `prepare`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/server/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('newsgraph: error[BAD_CONFIG]: newsgraph is not built yet; run `npm run build` in its folder.\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main(process.argv);
