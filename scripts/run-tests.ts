/**
 * `npm test`: starts one embedded Neo4j on a free port in a temporary folder, runs every test file
 * with node's test runner against it, then stops it. The runner's summary stays the last output.
 * `--unit` (npm run test:unit) runs test/unit only and starts no Neo4j: unit tests never need one.
 * Other arguments keep the files whose path contains one of them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, type Dirent } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedNeo4j } from '../server/db/embedded.js';
import { PROJECT_ROOT } from '../server/paths.js';

const SUITES = ['test/unit', 'test/integration', 'test/e2e'];

/** Test files below `dir`, depth first in name order: unit tests mirror the code's folders. */
function walk(dir: string): string[] {
  const entries: Dirent[] = readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true });
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : []));
}

function testFiles(suites: string[], filter: string[]): string[] {
  const all = suites.flatMap(walk);
  return filter.length ? all.filter((f) => filter.some((x) => f.includes(x))) : all;
}

function runNodeTests(files: string[], env: NodeJS.ProcessEnv): Promise<number> {
  // One file at a time: integration files share the database and reset it as they start.
  const runner = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files], {
    cwd: PROJECT_ROOT,
    env,
    stdio: 'inherit',
  });
  return new Promise<number>((resolve) => runner.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unitOnly = args.includes('--unit');
  const files = testFiles(
    unitOnly ? ['test/unit'] : SUITES,
    args.filter((a) => a !== '--unit'),
  );
  if (unitOnly) return runNodeTests(files, process.env);
  const home = mkdtempSync(path.join(os.tmpdir(), 'newsgraph-test-neo4j-'));
  process.stderr.write(`Starting the test Neo4j in ${home}…\n`);
  const neo4j = await startEmbeddedNeo4j({
    home,
    boltPort: 0,
    heap: '512m',
    pageCache: '64m',
    onProgress: (m) => process.stderr.write(`${m}\n`),
  });
  process.stderr.write(`Test Neo4j ${neo4j.version} at ${neo4j.uri}; running ${files.length} test files\n`);
  try {
    const env = {
      ...process.env,
      NEWSGRAPH_TEST_NEO4J_URI: neo4j.uri,
      NEWSGRAPH_TEST_NEO4J_USER: neo4j.user,
      NEWSGRAPH_TEST_NEO4J_PASSWORD: neo4j.password,
      NEWSGRAPH_TEST_NEO4J_HOME: home,
    };
    return await runNodeTests(files, env);
  } finally {
    await neo4j.stop();
    rmSync(home, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`newsgraph tests could not start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
