import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applySchema } from '../../server/db/schema.js';
import { defaultExtractor, type Extractor } from '../../server/extract/index.js';
import { loadPaths, type LoadSummary } from '../../server/ingest/load.js';
import { SEEDS_DIR } from '../../server/paths.js';
import { writeCorpus } from '../../scripts/corpus.js';
import { fingerprint } from '../helpers/fingerprint.js';
import { tempDirs } from '../helpers/temp.js';
import { cliEnv, resetGraph, testDatabase } from '../helpers/neo4j.js';
import { freePort, runCli, waitUntil } from '../helpers/process.js';

const SEED_000 = path.join(SEEDS_DIR, '000_8366d6cc39c1548e.txt');

describe('loading articles into a real Neo4j', () => {
  const db = testDatabase();
  const env = cliEnv();
  const temps = tempDirs('newsgraph-load');
  const tempDir = temps.make;
  const count = async (query: string) => db.read(async (tx) => (await tx.run(query)).records[0]?.get(0) as number);

  before(() => applySchema(db));
  beforeEach(() => resetGraph(db));
  after(async () => {
    temps.cleanup();
    await db.close();
  });

  it('links Antony Blinken to Wang Yi, Wang Xiaohong and Chen Jining, each link quoting its seed sentence', async () => {
    const summary = await loadPaths(db, [SEEDS_DIR]);
    assert.deepEqual(summary.documents, { new: 2, unchanged: 0, replaced: 0, failed: 0 });
    const rows = await db.read(async (tx) =>
      (
        await tx.run(
          `MATCH (a:Person {name:'Antony Blinken'})-[r]-(b:Person) WHERE b.name IN ['Wang Yi','Wang Xiaohong','Chen Jining']
           RETURN b.name AS name, r.evSentences AS sentences, r.evDocs AS docs`,
        )
      ).records.map((r) => r.toObject() as { name: string; sentences: string[]; docs: string[] }),
    );
    assert.deepEqual([...new Set(rows.map((r) => r.name))].sort(), ['Chen Jining', 'Wang Xiaohong', 'Wang Yi']);
    const seedTexts = readdirSync(SEEDS_DIR).map((f) => readFileSync(path.join(SEEDS_DIR, f), 'utf8'));
    for (const row of rows) {
      assert.ok(row.sentences.length > 0 && row.sentences.length === row.docs.length);
      for (const s of row.sentences) {
        assert.ok(
          seedTexts.some((t) => t.includes(s)),
          `evidence is a seed sentence: ${s}`,
        );
        assert.ok(s.includes(row.name.split(' ').pop()!), `"${s}" names ${row.name}`);
      }
    }
  });

  it('merges one person across articles and keeps evidence offsets pointing into the document text', async () => {
    await loadPaths(db, [SEEDS_DIR]);
    assert.equal(await count("MATCH (p:Person) WHERE p.name CONTAINS 'Blinken' RETURN count(p)"), 1);
    assert.equal(await count("MATCH (p:Person {name: 'Antony Blinken'})-[:MENTIONED_IN]->(d:Document) RETURN count(d)"), 2);
    const bad = await count(
      `MATCH ()-[r]->() WHERE r.evDocs IS NOT NULL
       UNWIND range(0, size(r.evDocs) - 1) AS i
       MATCH (d:Document {id: r.evDocs[i]})
       WITH r, i, d WHERE substring(d.text, r.evStarts[i], r.evEnds[i] - r.evStarts[i]) <> r.evSentences[i]
       RETURN count(*)`,
    );
    assert.equal(bad, 0);
    const miscounted = await count(
      `MATCH ()-[r]->() WHERE r.evDocs IS NOT NULL
         AND r.documents <> size(reduce(seen = [], d IN r.evDocs | CASE WHEN d IN seen THEN seen ELSE seen + d END))
       RETURN count(r)`,
    );
    assert.equal(miscounted, 0);
  });

  it('changes nothing when the same files are loaded again', async () => {
    await loadPaths(db, [SEEDS_DIR]);
    const first = await fingerprint(db);
    const again = await loadPaths(db, [SEEDS_DIR, SEED_000]);
    assert.deepEqual(again.documents, { new: 0, unchanged: 3, replaced: 0, failed: 0 });
    assert.equal(again.nodesCreated + again.relationshipsCreated, 0);
    assert.deepEqual(await fingerprint(db), first);
  });

  it('replaces a changed file’s own evidence and leaves other documents’ alone', async () => {
    const dir = tempDir();
    const mine = path.join(dir, 'copy.txt');
    copyFileSync(SEED_000, mine);
    await loadPaths(db, [SEEDS_DIR]);
    const seedsOnly = await fingerprint(db);
    await loadPaths(db, [mine]);
    assert.notDeepEqual(await fingerprint(db), seedsOnly);

    // The copy loses every sentence that names Wang Xiaohong.
    writeFileSync(mine, readFileSync(mine, 'utf8').replace(/[^.\n]*Wang Xiaohong[^.]*\./g, ''));
    const summary = await loadPaths(db, [mine]);
    assert.deepEqual(summary.documents, { new: 0, unchanged: 0, replaced: 1, failed: 0 });
    const copyId = await db.read(async (tx) => (await tx.run('MATCH (d:Document) WHERE d.file ENDS WITH "copy.txt" RETURN d.id')).records[0]!.get(0) as string);
    const copyEvidence = await db.read(
      async (tx) =>
        (await tx.run('MATCH ()-[r]-() WHERE $doc IN r.evDocs UNWIND r.evSentences AS s RETURN collect(s)', { doc: copyId })).records[0]!.get(0) as string[],
    );
    assert.ok(copyEvidence.every((s) => !s.includes('Wang Xiaohong')));

    const seedDocEvidence = await count(
      "MATCH (d:Document) WHERE d.file ENDS WITH '000_8366d6cc39c1548e.txt' MATCH ()-[r]-() WHERE d.id IN r.evDocs AND any(s IN r.evSentences WHERE s CONTAINS 'Wang Xiaohong') RETURN count(r)",
    );
    assert.ok(seedDocEvidence > 0, 'the seed keeps its own Wang Xiaohong evidence');

    // Putting the copy back as it was restores exactly the graph of seeds plus copy.
    copyFileSync(SEED_000, mine);
    assert.equal((await loadPaths(db, [mine])).documents.replaced, 1);
    const restored = await fingerprint(db);
    await resetGraph(db);
    await loadPaths(db, [SEEDS_DIR]);
    await loadPaths(db, [mine]);
    assert.deepEqual(restored, await fingerprint(db));
  });

  it('gives identical counts when the seeds and the dev corpus are loaded twice', async (t) => {
    const corpus = path.resolve(SEEDS_DIR, '../../shared/dev-corpus/articles');
    if (!existsSync(corpus)) {
      t.skip(`no dev corpus at ${corpus} (it sits beside the project in CI)`);
      return;
    }
    const first = await loadPaths(db, [SEEDS_DIR, corpus]);
    assert.equal(first.documents.new, 2 + readdirSync(corpus).length);
    const once = await fingerprint(db);
    const second = await loadPaths(db, [SEEDS_DIR, corpus]);
    assert.equal(second.documents.unchanged, first.documents.new);
    assert.deepEqual(await fingerprint(db), once);
  });

  it('gathers evidence of a type outside the vocabulary (another extractor’s) into one relationship', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'Ann Lee interviewed Bo Chan.');
    writeFileSync(path.join(dir, 'b.txt'), 'Later, Ann Lee interviewed Bo Chan again.');
    const person = (name: string, text: string) => {
      const start = text.indexOf(name);
      return { category: 'person' as const, name, aliases: [], mentions: [{ start, end: start + name.length, surface: name, sentence: 0 }] };
    };
    // A second Extractor, as an LLM-backed one would be: the loader must not depend on the rules' vocabulary.
    const other: Extractor = {
      name: 'test-podcast',
      extract: (text) => {
        const sentence = { start: 0, end: text.length, text };
        return {
          sentences: [sentence],
          people: [person('Ann Lee', text), person('Bo Chan', text)],
          institutions: [],
          places: [],
          interactions: [{ type: 'hosted_podcast_with', source: 'Ann Lee', target: 'Bo Chan', sentence: 0, evidence: sentence, hedged: false }],
          allegations: [],
        };
      },
    };
    await loadPaths(db, [path.join(dir, 'a.txt')], { extractor: other });
    await loadPaths(db, [path.join(dir, 'b.txt')], { extractor: other });
    const rels = await db.read(async (tx) =>
      (
        await tx.run('MATCH (:Person {name: "Ann Lee"})-[r:HOSTED_PODCAST_WITH]->(:Person {name: "Bo Chan"}) RETURN r.documents AS n, r.evSentences AS s')
      ).records.map((r) => r.toObject()),
    );
    assert.deepEqual(rels, [{ n: 2, s: ['Ann Lee interviewed Bo Chan.', 'Later, Ann Lee interviewed Bo Chan again.'] }]);
  });

  it('reports an article the extractor fails on and loads the rest of the batch', async () => {
    const dir = tempDir();
    copyFileSync(SEED_000, path.join(dir, 'good.txt'));
    writeFileSync(path.join(dir, 'odd.txt'), 'An article the extractor trips over.');
    const tripping: Extractor = {
      name: 'tripping',
      extract: (text) => {
        if (text.includes('trips over')) throw new Error('no clause here');
        return defaultExtractor.extract(text);
      },
    };
    const summary = await loadPaths(db, [dir], { extractor: tripping });
    assert.deepEqual(summary.documents, { new: 1, unchanged: 0, replaced: 0, failed: 1 });
    assert.deepEqual(
      summary.failures.map((f) => [path.basename(f.file), f.code]),
      [['odd.txt', 'INTERNAL']],
    );
    assert.match(summary.failures[0]!.message, /odd\.txt skipped: the extractor failed on it \(no clause here\)/);
    assert.equal(await count('MATCH (d:Document) RETURN count(d)'), 1);
    assert.equal(await count("MATCH (p:Person {name: 'Antony Blinken'}) RETURN count(p)"), 1);
  });

  it('reports a bad file and loads the rest; a dry run writes nothing', async () => {
    const dir = tempDir();
    copyFileSync(SEED_000, path.join(dir, 'good.txt'));
    writeFileSync(path.join(dir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const dry = await loadPaths(db, [dir], { dryRun: true });
    assert.equal(dry.documents.new, 1);
    assert.equal(dry.documents.failed, 1);
    assert.ok(dry.entitiesNew > 5);
    assert.equal(await count('MATCH (n) RETURN count(n)'), 0);

    const run = runCli(['load', dir], env);
    assert.equal(await run.exited, 1);
    assert.match(run.stdout(), /documents: 1 new, 0 unchanged, 0 replaced, 1 failed/);
    assert.match(run.stdout(), /broken\.txt skipped: it looks binary/);
    assert.equal(await count('MATCH (d:Document) RETURN count(d)'), 1);
  });

  it(
    'refuses a symlink to /dev/zero and a FIFO by name and loads the rest, from a folder and a glob',
    { timeout: 60_000, skip: !existsSync('/dev/zero') && 'needs /dev/zero and mkfifo' },
    async () => {
      const dir = tempDir();
      copyFileSync(SEED_000, path.join(dir, 'good.txt'));
      symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
      execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
      const fromFolder = runCli(['load', '--json', dir], env);
      assert.equal(await fromFolder.exited, 1, fromFolder.stderr());
      const summary = JSON.parse(fromFolder.stdout()) as LoadSummary;
      assert.deepEqual(summary.documents, { new: 1, unchanged: 0, replaced: 0, failed: 2 });
      assert.deepEqual(
        summary.failures.map((f) => [path.basename(f.file), f.code]),
        [
          ['pipe.txt', 'BAD_INPUT'],
          ['zero.txt', 'BAD_INPUT'],
        ],
      );
      assert.match(summary.failures[0]!.message, /pipe\.txt skipped: it is a FIFO \(named pipe\), not a regular file/);
      assert.match(summary.failures[1]!.message, /zero\.txt skipped: it is a character device, not a regular file/);

      const fromGlob = runCli(['load', path.join(dir, '*.txt')], env);
      assert.equal(await fromGlob.exited, 1, fromGlob.stderr());
      assert.match(fromGlob.stdout(), /documents: 0 new, 1 unchanged, 0 replaced, 1 failed/);
      assert.match(fromGlob.stdout(), /failed: .*zero\.txt skipped: it is a character device.* \[BAD_INPUT\]/);
      assert.equal(await count('MATCH (d:Document) RETURN count(d)'), 1);
    },
  );

  it('stores no source URL that is not http(s), and says so for each file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'script.txt'), 'source: javascript:alert(document.cookie)\nAntony Blinken met Wang Yi in Beijing.');
    writeFileSync(path.join(dir, 'data.txt'), 'url: data:text/html,<script>alert(1)</script>\nWang Yi met Chen Jining.');
    writeFileSync(path.join(dir, 'web.txt'), 'source: https://wire.example.net/story\nChen Jining met Antony Blinken.');
    const run = runCli(['load', dir], env);
    assert.equal(await run.exited, 0, run.stderr());
    assert.match(run.stdout(), /documents: 3 new/);
    assert.match(
      run.stdout(),
      /warning: .*data\.txt: its source URL "data:text\/html,<script>alert\(1\)<\/script>" is not an http\(s\) URL, so it was not stored\. \[BAD_INPUT\]/,
    );
    assert.match(run.stdout(), /warning: .*script\.txt: its source URL "javascript:alert\(document\.cookie\)" is not an http\(s\) URL/);
    const urls = await db.read(async (tx) =>
      (await tx.run('MATCH (d:Document) RETURN d.url AS url, d.outlet AS outlet ORDER BY url')).records.map((r) => r.toObject()),
    );
    assert.deepEqual(urls, [
      { url: 'https://wire.example.net/story', outlet: 'wire.example.net' },
      { url: null, outlet: null },
      { url: null, outlet: null },
    ]);
  });

  it('ends in the same graph after a kill -9 and a rerun as after one uninterrupted load', async () => {
    const dir = tempDir();
    writeCorpus(dir, 150, 7);
    await loadPaths(db, [dir]);
    const uninterrupted = await fingerprint(db);
    await resetGraph(db);

    const killed = runCli(['load', '--batch-size', '3', dir], env);
    await waitUntil(async () => (await count('MATCH (d:Document) RETURN count(d)')) >= 15, 60_000, 'the load to get going');
    killed.child.kill('SIGKILL');
    await killed.exited;
    const partial = await count('MATCH (d:Document) RETURN count(d)');
    assert.ok(partial < 150, `killed before the end (${partial} documents in)`);

    const rerun = runCli(['load', dir], env);
    assert.equal(await rerun.exited, 0, rerun.stderr());
    assert.match(rerun.stdout(), new RegExp(`documents: ${150 - partial} new, ${partial} unchanged`));
    assert.deepEqual(await fingerprint(db), uninterrupted);
  });

  it('fails clearly, writing nothing, when Neo4j is unreachable', async () => {
    const run = runCli(['load', SEEDS_DIR], { ...env, NEO4J_URI: `bolt://127.0.0.1:${await freePort()}` });
    assert.equal(await run.exited, 1);
    assert.match(run.stderr(), /error\[NEO4J_UNAVAILABLE\]/);
  });

  it('empties the database with --reset --yes, and refuses --reset without a confirmation', async () => {
    await loadPaths(db, [SEEDS_DIR]);
    const refused = runCli(['load', '--reset', SEEDS_DIR], env);
    assert.equal(await refused.exited, 1);
    assert.match(refused.stderr(), /confirm with --yes/);
    assert.ok((await count('MATCH (n) RETURN count(n)')) > 0);

    const before = await fingerprint(db);
    const reset = runCli(['load', '--reset', '--yes', SEEDS_DIR], env);
    assert.equal(await reset.exited, 0, reset.stderr());
    assert.match(reset.stdout(), /documents: 2 new/);
    assert.deepEqual(await fingerprint(db), before);
  });
});
