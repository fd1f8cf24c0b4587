/**
 * newsgraph beside another application's data in the same Neo4j: it touches nothing until told
 * (`--init`), then keeps to its own nodes, and its reset deletes only those. The foreign data is
 * compared before and after, node for node and property for property.
 */
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { Health, SearchHit, Stats } from '../../common/api.js';
import type { GraphExport } from '../../common/export.js';
import type { SerializedGraph } from '../../common/graph.js';
import { Database } from '../../server/db/database.js';
import { applySchema, META_LABEL, NEWSGRAPH_LABEL } from '../../server/db/schema.js';
import { AppError } from '../../server/errors.js';
import { exportGraph } from '../../server/export/export.js';
import { SEEDS_DIR } from '../../server/paths.js';
import { cliEnv, resetGraph, testDatabase, testNeo4j } from '../helpers/neo4j.js';
import { runCli, waitForUrl, waitUntil, type Spawned } from '../helpers/process.js';

/** Another application's graph: labels newsgraph uses too (:Person, :Document, :Entity), and its own. */
const FOREIGN = `
  CREATE (p:Person {name: 'Antony Blinken', born: 1962})
  CREATE (w:Person {name: 'Wang Yi', aliases: ['Secretary Wang']})
  CREATE (e:Entity {id: 'person:foreign-blinken', name: 'Antony Blinken', aliases: ['Blinken']})
  CREATE (d:Document {id: 'report-1', title: 'Their own report', text: 'Blinken met Wang Yi.'})
  CREATE (m:Movie {title: 'The Matrix', released: 1999})
  CREATE (p)-[:MET {since: 2021}]->(w)
  CREATE (p)-[:ACTED_IN {roles: ['Neo']}]->(m)
  CREATE (e)-[:MENTIONED_IN {count: 1}]->(d)`;

/** Everything that is not newsgraph's, in an order that does not depend on how it was stored. */
async function foreignSnapshot(db: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  return db.read(async (tx) => {
    const nodes = (
      await tx.run(`MATCH (n) WHERE NOT n:${NEWSGRAPH_LABEL} AND NOT n:${META_LABEL} RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS p`)
    ).records.map((r) => JSON.stringify([r.get('id'), [...(r.get('labels') as string[])].sort(), Object.entries(r.get('p') as object).sort()]));
    const relationships = (
      await tx.run(
        `MATCH (a)-[r]->(b) WHERE NOT a:${NEWSGRAPH_LABEL} AND NOT b:${NEWSGRAPH_LABEL} RETURN elementId(r) AS id, elementId(a) AS a, type(r) AS type, elementId(b) AS b, properties(r) AS p`,
      )
    ).records.map((r) => JSON.stringify([r.get('id'), r.get('a'), r.get('type'), r.get('b'), Object.entries(r.get('p') as object).sort()]));
    return { nodes: nodes.sort(), relationships: relationships.sort() };
  });
}

/** Constraints and indexes by name: what applying the schema adds, or must not. */
async function schemaNames(db: Database): Promise<string[]> {
  return db.read(async (tx) => {
    const constraints = (await tx.run('SHOW CONSTRAINTS YIELD name RETURN name')).records.map((r) => `constraint ${r.get('name') as string}`);
    // Token lookup indexes are Neo4j's own, there in every database.
    const indexes = (await tx.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")).records.map((r) => `index ${r.get('name') as string}`);
    return [...constraints, ...indexes].sort();
  });
}

/** Drops what applySchema made (every file applies it again as it needs), so a refusal can be seen to add nothing. */
async function dropNewsgraphSchema(db: Database): Promise<void> {
  for (const name of await schemaNames(db)) {
    const [kind, n] = name.split(' ') as ['constraint' | 'index', string];
    if (n.startsWith('newsgraph_') || ['entity_id', 'document_id', 'allegation_id'].includes(n)) {
      await db.write((tx) => tx.run(`DROP ${kind === 'constraint' ? 'CONSTRAINT' : 'INDEX'} ${n} IF EXISTS`));
    }
  }
}

const count = (db: Database, query: string) => db.read(async (tx) => (await tx.run(query)).records[0]?.get(0) as number);

async function exportAll(db: Database): Promise<GraphExport> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportGraph(db, { kind: 'all' }, 'json', out);
  out.end();
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphExport;
}

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  assert.equal(res.status, 200, `${url}: ${res.status}`);
  return (await res.json()) as T;
}

async function stop(run: Spawned): Promise<void> {
  run.child.kill('SIGTERM');
  await run.exited;
}

describe('beside data newsgraph did not write', () => {
  const db = testDatabase();
  const env = cliEnv({ PORT: '0' });
  let foreign: Awaited<ReturnType<typeof foreignSnapshot>>;
  let schemaBefore: string[];

  before(async () => {
    await resetGraph(db);
    await dropNewsgraphSchema(db);
    await db.write((tx) => tx.run(FOREIGN));
    // The other application's own index, which must stay as it is.
    await db.write((tx) => tx.run('CREATE INDEX foreign_movie_title IF NOT EXISTS FOR (m:Movie) ON (m.title)'));
    foreign = await foreignSnapshot(db);
    schemaBefore = await schemaNames(db);
  });
  after(async () => {
    // As other files expect it: empty, with newsgraph's schema.
    await resetGraph(db);
    await db.write((tx) => tx.run('DROP INDEX foreign_movie_title IF EXISTS'));
    await applySchema(db);
    await db.close();
  });

  it('applies no schema to it unless told, and says why and how to proceed', async () => {
    await assert.rejects(
      applySchema(db),
      (err: unknown) => err instanceof AppError && err.code === 'FOREIGN_DATABASE' && /--init/.test(err.message) && err.message.includes(testNeo4j().uri),
    );
    assert.deepEqual(await schemaNames(db), schemaBefore);
    assert.equal(await count(db, `MATCH (n:${META_LABEL}) RETURN count(n)`), 0);
    assert.deepEqual(await foreignSnapshot(db), foreign);
  });

  it('refuses `newsgraph load` without --init, writing nothing', async () => {
    const run = runCli(['load', SEEDS_DIR], env);
    assert.equal(await run.exited, 1);
    assert.match(run.stderr(), /error\[FOREIGN_DATABASE\]: .*newsgraph has changed nothing in it.*newsgraph load --init/);
    const reset = runCli(['load', '--reset', '--yes', SEEDS_DIR], env);
    assert.equal(await reset.exited, 1);
    assert.match(reset.stderr(), /error\[FOREIGN_DATABASE\]/);
    assert.deepEqual(await schemaNames(db), schemaBefore);
    assert.equal(await count(db, 'MATCH (n) RETURN count(n)'), foreign.nodes.length);
    assert.deepEqual(await foreignSnapshot(db), foreign);
  });

  it('serves without --init: no schema, no seeds, a clear word in the log and /api/health, reads of nothing', async () => {
    const run = runCli(['serve'], env);
    try {
      const base = await waitForUrl(run);
      await waitUntil(async () => (await getJson<Health>(`${base}/api/health`)).schema?.state === 'refused', 30_000, 'the schema to be refused');
      const health = await getJson<Health>(`${base}/api/health`);
      assert.equal(health.status, 'ok');
      assert.equal(health.schema?.error?.code, 'FOREIGN_DATABASE');
      assert.match(health.schema?.error?.message ?? '', /newsgraph serve --init/);
      await waitUntil(() => /FOREIGN|did not write/.test(run.stdout() + run.stderr()), 10_000, 'the log line');

      assert.deepEqual(await getJson<Stats>(`${base}/api/stats`), { nodes: {}, relationships: {} });
      assert.deepEqual((await getJson<{ results: SearchHit[] }>(`${base}/api/search?q=Blinken`)).results, []);
      assert.deepEqual((await getJson<SerializedGraph>(`${base}/api/graph`)).nodes, []);
    } finally {
      await stop(run);
    }
    assert.deepEqual(await schemaNames(db), schemaBefore);
    assert.equal(await count(db, `MATCH (n:${NEWSGRAPH_LABEL}) RETURN count(n)`), 0);
    assert.deepEqual(await foreignSnapshot(db), foreign);
  });

  it('with --init: applies the schema on its own label, loads no seeds, then never shows a foreign node', async () => {
    const run = runCli(['serve', '--init'], env);
    let base: string;
    try {
      base = await waitForUrl(run);
      await waitUntil(async () => (await getJson<Health>(`${base}/api/health`)).schema?.state === 'ready', 30_000, 'the schema to be applied');
      // Seeds are for an empty database: serve says it left them out, and none came.
      await waitUntil(
        () => /Example articles not loaded: the database holds data newsgraph did not write/.test(run.stdout()),
        30_000,
        'the word on the examples',
      );
      assert.equal(await count(db, `MATCH (n:${NEWSGRAPH_LABEL}) RETURN count(n)`), 0, 'no example articles');
      assert.equal(await count(db, `MATCH (n:${META_LABEL}) RETURN count(n)`), 1, 'the marker');
      const added = (await schemaNames(db)).filter((n) => !schemaBefore.includes(n));
      assert.ok(added.length > 0 && added.every((n) => / newsgraph_/.test(n)), added.join(', '));
      const onOurLabel = await db.read(async (tx) =>
        (
          await tx.run('SHOW INDEXES YIELD name, labelsOrTypes WHERE name STARTS WITH "newsgraph_" RETURN collect(DISTINCT labelsOrTypes) AS l')
        ).records[0]!.get('l'),
      );
      // The graph's indexes on :Newsgraph; notes and investigations, kept beside the graph, on labels of their own.
      assert.ok(
        (onOurLabel as string[][]).some((l) => l.length === 1 && l[0] === NEWSGRAPH_LABEL),
        JSON.stringify(onOurLabel),
      );
      assert.ok(
        (onOurLabel as string[][]).every((l) => l.length === 1 && l[0]!.startsWith(NEWSGRAPH_LABEL)),
        JSON.stringify(onOurLabel),
      );

      // Marked now: a plain load goes in, beside the foreign data.
      const load = runCli(['load', SEEDS_DIR], env);
      assert.equal(await load.exited, 0, load.stderr());
      // The other application links one of its nodes to one of ours: still not ours to show.
      await db.write((tx) =>
        tx.run(
          `MATCH (f:Person {name: 'Antony Blinken'}) WHERE NOT f:${NEWSGRAPH_LABEL} MATCH (b:${NEWSGRAPH_LABEL} {id: 'person:antony-blinken'}) CREATE (f)-[:SAME_AS]->(b)`,
        ),
      );
      foreign = await foreignSnapshot(db);

      const isOurs = (labels: unknown) => Array.isArray(labels) && labels.includes(NEWSGRAPH_LABEL);
      const search = async (q: string, type = '') =>
        (await getJson<{ results: SearchHit[] }>(`${base}/api/search?q=${encodeURIComponent(q)}${type}`)).results.map((h) => h.id);
      assert.deepEqual(await search('Blinken'), ['person:antony-blinken']);
      assert.deepEqual(await search('Antony Blinken', '&type=Person'), ['person:antony-blinken']);
      // The foreign Wang Yi's alias, the foreign Entity's id: neither is ours to find.
      assert.ok(!(await search('Secretary Wang')).some((id) => id === undefined || id === 'person:foreign-blinken'));

      const overview = await getJson<SerializedGraph>(`${base}/api/graph?limit=5000`);
      assert.ok(overview.nodes.length > 0);
      assert.ok(
        overview.nodes.every((n) => isOurs(n.attributes.labels)),
        'overview: ours only',
      );

      const stats = await getJson<Stats>(`${base}/api/stats`);
      assert.equal(stats.nodes.Document, 2);
      assert.equal(stats.nodes.Movie, undefined);
      assert.equal(stats.nodes.Person, await count(db, `MATCH (n:${NEWSGRAPH_LABEL}:Person) RETURN count(n)`));
      assert.equal(stats.relationships.ACTED_IN, undefined);
      assert.equal(stats.relationships.SAME_AS, undefined);
      assert.equal(stats.relationships.MENTIONED_IN, await count(db, `MATCH (:${NEWSGRAPH_LABEL})-[r:MENTIONED_IN]->(:${NEWSGRAPH_LABEL}) RETURN count(r)`));

      for (const depth of [1, 2, 3]) {
        const around = await getJson<SerializedGraph>(`${base}/api/entities/${encodeURIComponent('person:antony-blinken')}/neighbourhood?depth=${depth}`);
        assert.ok(
          around.nodes.every((n) => isOurs(n.attributes.labels)),
          `neighbourhood ${depth}: ours only`,
        );
      }
      // A foreign node linking two of ours is no shortcut between them.
      const far = await db.read(
        async (tx) =>
          (
            await tx.run(
              `MATCH (b:${NEWSGRAPH_LABEL} {id: 'person:antony-blinken'}), (x:${NEWSGRAPH_LABEL}:Entity) WHERE x <> b AND NOT (b)--(x) RETURN x.id AS id ORDER BY id LIMIT 1`,
            )
          ).records[0]!.get('id') as string,
      );
      await db.write((tx) =>
        tx.run(`MATCH (f:Person {name: 'Antony Blinken'}) WHERE NOT f:${NEWSGRAPH_LABEL} MATCH (x:${NEWSGRAPH_LABEL} {id: $far}) CREATE (f)-[:KNOWS]->(x)`, {
          far,
        }),
      );
      foreign = await foreignSnapshot(db);
      const paths = await getJson<{ graph: SerializedGraph }>(
        `${base}/api/paths?from=${encodeURIComponent('person:antony-blinken')}&to=${encodeURIComponent(far)}&maxLength=6`,
      );
      assert.ok(
        paths.graph.nodes.every((n) => isOurs(n.attributes.labels)),
        'paths: ours only',
      );

      const entity = await getJson<{ degree: Record<string, number> }>(`${base}/api/entities/${encodeURIComponent('person:antony-blinken')}`);
      assert.equal(entity.degree.SAME_AS, undefined);
      assert.equal(entity.degree.KNOWS, undefined);
      const docs = await getJson<{ total: number }>(`${base}/api/documents`);
      assert.equal(docs.total, 2);

      const file = await exportAll(db);
      assert.ok(file.graph.nodes.length > 0);
      assert.ok(
        file.graph.nodes.every((n) => isOurs(n.attributes.labels)),
        'export: ours only',
      );
      assert.ok(!file.graph.edges.some((e) => ['ACTED_IN', 'SAME_AS'].includes(e.attributes.relType as string)));
      assert.ok(!JSON.stringify(file).includes('The Matrix'));
    } finally {
      await stop(run);
    }
    assert.deepEqual(await foreignSnapshot(db), foreign);
  });

  it('resets (`load --reset`) only its own nodes', async () => {
    const ours = await count(db, `MATCH (n:${NEWSGRAPH_LABEL}) RETURN count(n)`);
    assert.ok(ours > 0);
    const reset = runCli(['load', '--reset', '--yes', SEEDS_DIR], env);
    assert.equal(await reset.exited, 0, reset.stderr());
    assert.match(reset.stderr(), new RegExp(`Reset: ${ours} nodes deleted`));
    assert.match(reset.stdout(), /documents: 2 new/);
    // The links the other application made to ours went with our nodes; its nodes stay as they were.
    assert.deepEqual(await foreignSnapshot(db), foreign);
  });

  it('takes the database on with `load --init` too, loading beside the other data', async () => {
    await resetGraph(db);
    await dropNewsgraphSchema(db);
    await db.write((tx) => tx.run(FOREIGN));
    foreign = await foreignSnapshot(db);
    const run = runCli(['load', '--init', SEEDS_DIR], env);
    assert.equal(await run.exited, 0, run.stderr());
    assert.match(run.stdout(), /documents: 2 new/);
    assert.equal(await count(db, `MATCH (n:${META_LABEL}) RETURN count(n)`), 1);
    assert.ok((await schemaNames(db)).includes('constraint newsgraph_id'));
    assert.deepEqual(await foreignSnapshot(db), foreign);
  });
});

describe('a database an earlier newsgraph wrote (no Newsgraph label yet)', () => {
  const db = testDatabase();
  const { uri, user, password } = testNeo4j();

  /** What a version before the label left: its schema on the kind labels, and its unlabelled nodes. */
  async function writeLegacy(extra = ''): Promise<void> {
    await resetGraph(db);
    await dropNewsgraphSchema(db);
    for (const statement of [
      'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE',
      'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE',
      'CREATE CONSTRAINT allegation_id IF NOT EXISTS FOR (a:Allegation) REQUIRE a.id IS UNIQUE',
      'CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases]',
    ]) {
      await db.write((tx) => tx.run(statement));
    }
    await db.write((tx) =>
      tx.run(`CREATE (b:Entity:Person {id: 'person:antony-blinken', name: 'Antony Blinken', aliases: ['Blinken']})
              CREATE (w:Entity:Person {id: 'person:wang-yi', name: 'Wang Yi', aliases: []})
              CREATE (d:Document {id: 'doc:1', title: 'Seed', text: 'Blinken met Wang Yi.', sha256: 'x', file: '/home/someone/news/seed.txt'})
              CREATE (a:Allegation {id: 'doc:1:allegation:0', claim: 'x', docId: 'doc:1'})
              CREATE (b)-[:MET {documents: 1, evDocs: ['doc:1']}]->(w), (b)-[:MENTIONED_IN {count: 1}]->(d), (w)-[:ALLEGES]->(a)
              ${extra}`),
    );
  }

  after(async () => {
    await resetGraph(db);
    await dropNewsgraphSchema(db);
    await applySchema(db);
    await db.close();
  });

  it('is recognised by its schema and kinds, labelled, and moved to the new schema', async () => {
    await writeLegacy();
    const outcome = await applySchema(db);
    assert.deepEqual(outcome, { found: 'legacy', migrated: 4 });
    assert.equal(await count(db, `MATCH (n) WHERE NOT n:${NEWSGRAPH_LABEL} AND NOT n:${META_LABEL} RETURN count(n)`), 0);
    const names = await schemaNames(db);
    assert.ok(!names.includes('constraint entity_id') && !names.includes('index entity_names'), names.join(', '));
    assert.ok(names.includes('constraint newsgraph_id'));
    // The server's absolute path that earlier versions stored leaves the document: the API hands `file` out.
    assert.equal(await count(db, `MATCH (d:Document {id: 'doc:1'}) WHERE d.file = 'seed.txt' RETURN count(d)`), 1);
    // Its entities are found again, through the new index.
    await db.read((tx) => tx.run('CALL db.awaitIndexes(60)'));
    const { searchEntities } = await import('../../server/graph/search.js');
    assert.deepEqual(
      (await searchEntities(db, 'blinken')).map((h) => h.id),
      ['person:antony-blinken'],
    );
  });

  it('is taken for another application’s data when other kinds are there too, and left alone', async () => {
    await writeLegacy("CREATE (:Movie {title: 'The Matrix'})");
    await assert.rejects(applySchema(db), (err: unknown) => err instanceof AppError && err.code === 'FOREIGN_DATABASE');
    assert.equal(await count(db, `MATCH (n:${NEWSGRAPH_LABEL}) RETURN count(n)`), 0);
    assert.ok((await schemaNames(db)).includes('constraint entity_id'));
  });

  it('in the embedded Neo4j, which only newsgraph writes, labels its kinds and leaves the rest', async () => {
    await writeLegacy("CREATE (:Movie {title: 'The Matrix'})");
    const embedded = new Database({ uri, user, password, embedded: true });
    try {
      assert.deepEqual(await applySchema(embedded), { found: 'legacy', migrated: 4 });
    } finally {
      await embedded.close();
    }
    assert.equal(await count(db, `MATCH (n:Movie) WHERE n:${NEWSGRAPH_LABEL} RETURN count(n)`), 0);
    assert.equal(await count(db, `MATCH (n:${NEWSGRAPH_LABEL}) RETURN count(n)`), 4);
  });

  it('an empty database is taken on as before', async () => {
    await resetGraph(db);
    assert.equal((await applySchema(db)).found, 'empty');
  });
});
