// The baseline process of `npm run bench:extract`: compromise's tagger over every article file in a folder,
// as a user would run it, one JSON line per file on standard output.
//   node bench/extract-baseline.mjs entities PATH   tag each text, then list its people, organizations, places
//   node bench/extract-baseline.mjs tag PATH        tag each text only (nlp(text)); prints its term count
// PATH is a folder (walked as newsgraph walks one) or a single file.
// Plain JavaScript run by plain `node`, so its start-up is compromise's own, as newsgraph's is its own.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';

const [kind, dir] = process.argv.slice(2);
if (!['entities', 'tag'].includes(kind ?? '') || !dir) {
  process.stderr.write('usage: node bench/extract-baseline.mjs entities|tag PATH\n');
  process.exit(2);
}

/** Article files under `dir`, in the same stable order as newsgraph's walk. */
function* articleFiles(folder) {
  const entries = readdirSync(folder, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* articleFiles(full);
    else if (/\.(txt|md|markdown|html?)$/i.test(entry.name)) yield full;
  }
}

for (const file of statSync(dir).isDirectory() ? articleFiles(dir) : [dir]) {
  const doc = nlp(readFileSync(file, 'utf8'));
  const result =
    kind === 'tag'
      ? { file, terms: doc.wordCount() }
      : { file, people: doc.people().out('array'), organizations: doc.organizations().out('array'), places: doc.places().out('array') };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
