import { readFileSync, readdirSync } from 'node:fs';
import { extract } from '/work/wt/entities/server/extract/rules/index.js';
import { toArticle } from '/work/wt/entities/server/article/article.js';
const dir = process.argv[2];
const only = process.argv.slice(3);
for (const f of readdirSync(dir).sort()) {
  if (only.length && !only.some((o) => f.startsWith(o))) continue;
  const a = toArticle(f, readFileSync(dir + '/' + f, 'utf8'));
  const d = extract(a.text);
  console.log('== ' + f);
  for (const c of ['people', 'institutions', 'places'] as const)
    console.log('  ' + c + ': ' + d[c].map((e) => e.name + (e.aliases.length > 1 ? ' [' + e.aliases.filter((x) => x !== e.name).join('|') + ']' : '') + ('kind' in e && e.kind ? ' <' + e.kind + '>' : '')).join('; '));
}
