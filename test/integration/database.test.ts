import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applySchema, FULLTEXT_ENTITY_INDEX } from '../../server/db/schema.js';
import { AppError } from '../../server/errors.js';
import { Database } from '../../server/db/database.js';
import { freePort } from '../helpers/process.js';
import { resetGraph, testDatabase, testNeo4j } from '../helpers/neo4j.js';

describe('Database on a real Neo4j', () => {
  const db = testDatabase();
  before(() => resetGraph(db));
  after(() => db.close());

  it('reports the server version and edition', async () => {
    const facts = await db.facts();
    assert.match(facts.version, /^5\.26\./);
    assert.equal(facts.edition, 'community');
  });

  it('applies the schema twice without error', async () => {
    await applySchema(db);
    await applySchema(db);
    const constraints = await db.read(
      async (tx) => (await tx.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names')).records[0]!.get('names') as string[],
    );
    for (const name of ['newsgraph_id']) assert.ok(constraints.includes(name), `missing constraint ${name}`);
    const indexes = await db.read(
      async (tx) => (await tx.run('SHOW INDEXES YIELD name, type RETURN collect([name, type]) AS all')).records[0]!.get('all') as string[][],
    );
    assert.ok(indexes.some(([name, type]) => name === FULLTEXT_ENTITY_INDEX && type === 'FULLTEXT'));
  });

  it('enforces unique entity ids', async () => {
    await db.write((tx) => tx.run("CREATE (:Newsgraph:Entity:Person {id: 'person:x', name: 'X'})"));
    await assert.rejects(
      db.write((tx) => tx.run("CREATE (:Newsgraph:Entity:Person {id: 'person:x', name: 'Y'})")),
      (err: unknown) => err instanceof AppError && err.code === 'NEO4J_ERROR' && /already exists/.test(err.message),
    );
  });

  it('finds entities by name or alias through the full-text index', async () => {
    await db.write((tx) =>
      tx.run("CREATE (:Newsgraph:Entity:Person {id: 'person:antony-blinken', name: 'Antony Blinken', aliases: ['Blinken', 'Secretary Blinken']})"),
    );
    await db.read((tx) => tx.run('CALL db.awaitIndexes(60)'));
    const names = await db.read(async (tx) =>
      (
        await tx.run(`CALL db.index.fulltext.queryNodes($index, 'secretary') YIELD node RETURN node.name AS name`, { index: FULLTEXT_ENTITY_INDEX })
      ).records.map((r) => r.get('name') as string),
    );
    assert.deepEqual(names, ['Antony Blinken']);
  });

  it('retries a transaction that lost a deadlock, and only that one', async () => {
    await db.write((tx) => tx.run("CREATE (:DeadlockTest {k: 'a'}), (:DeadlockTest {k: 'b'})"));
    const pause = () => new Promise((r) => setTimeout(r, 300));
    let attempts = 0;
    // Each locks one node, waits for the other to lock the second, then asks for it: Neo4j ends one.
    const crosswise = (first: string, second: string) =>
      db.write(async (tx) => {
        attempts++;
        await tx.run('MATCH (n:DeadlockTest {k: $k}) SET n.v = 1', { k: first });
        await pause();
        await tx.run('MATCH (n:DeadlockTest {k: $k}) SET n.v = 2', { k: second });
        return first;
      });
    try {
      assert.deepEqual(await Promise.all([crosswise('a', 'b'), crosswise('b', 'a')]), ['a', 'b']);
      assert.equal(attempts, 3, 'the loser ran once more');
    } finally {
      await db.write((tx) => tx.run('MATCH (n:DeadlockTest) DELETE n'));
    }
  });

  it('says which server is unreachable, with a stable code', async () => {
    const nowhere = new Database({ uri: `bolt://127.0.0.1:${await freePort()}`, user: 'neo4j', password: 'whatever1' });
    try {
      await assert.rejects(nowhere.facts(), (err: unknown) => err instanceof AppError && err.code === 'NEO4J_UNAVAILABLE' && err.message.includes('127.0.0.1'));
    } finally {
      await nowhere.close();
    }
  });

  it('says when the password is wrong', async () => {
    const { uri, user } = testNeo4j();
    const wrong = new Database({ uri, user, password: 'not-the-password' });
    try {
      await assert.rejects(wrong.facts(), (err: unknown) => err instanceof AppError && err.code === 'NEO4J_AUTH_FAILED');
    } finally {
      await wrong.close();
    }
  });
});
