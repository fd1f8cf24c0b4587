import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkJava, startEmbeddedNeo4j } from '../../server/db/embedded.js';
import { AppError } from '../../server/errors.js';
import { testNeo4j } from '../helpers/neo4j.js';
import { tempDirs } from '../helpers/temp.js';

/** Local addresses listening on `port`, read from the kernel's socket tables. */
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((table) =>
    readFileSync(table, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[3] === '0A' && cols[1]?.endsWith(`:${hexPort}`))
      .map((cols) => cols[1]!.split(':')[0]!),
  );
}

const LOOPBACK = new Set(['0100007F', '0000000000000000FFFF00000100007F', '00000000000000000000000001000000']);

describe('embedded Neo4j launcher', () => {
  const { uri, home } = testNeo4j();
  const port = Number(new URL(uri.replace('bolt:', 'http:')).port);
  const temps = tempDirs('newsgraph-launcher');
  const tempHome = temps.make;
  after(() => temps.cleanup());

  it('listens on loopback only', () => {
    const addresses = listeners(port);
    assert.ok(addresses.length > 0, `nothing listens on ${port}`);
    for (const a of addresses) assert.ok(LOOPBACK.has(a), `Bolt listens on ${a}, not loopback`);
  });

  it('keeps a generated password readable by its owner only', () => {
    const file = path.join(home, 'password');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.ok(readFileSync(file, 'utf8').trim().length >= 24);
  });

  it('keeps the store, its logs and the password private to its user', () => {
    const entries = readdirSync(home, { recursive: true, encoding: 'utf8' });
    for (const rel of ['password', path.join('logs', 'debug.log'), path.join('data', 'databases', 'neo4j', 'neostore.nodestore.db')]) {
      assert.ok(entries.includes(rel), `${rel} exists`);
    }
    for (const rel of entries) {
      const stat = statSync(path.join(home, rel));
      assert.equal(stat.mode & 0o777, stat.isDirectory() ? 0o700 : 0o600, `${rel} is ${(stat.mode & 0o777).toString(8)}`);
    }
  });

  it('refuses a second instance on the same data dir', async () => {
    await assert.rejects(
      startEmbeddedNeo4j({ home, boltPort: 0, heap: '256m', pageCache: '16m' }),
      (err: unknown) => err instanceof AppError && err.code === 'ALREADY_RUNNING' && err.message.includes(home),
    );
  });

  it('says so when the Bolt port is taken', async () => {
    await assert.rejects(
      startEmbeddedNeo4j({ home: tempHome(), boltPort: port, heap: '256m', pageCache: '16m' }),
      (err: unknown) => err instanceof AppError && err.code === 'PORT_IN_USE' && err.message.includes(String(port)),
    );
  });

  it('refuses a password Neo4j would reject', async () => {
    await assert.rejects(
      startEmbeddedNeo4j({ home: tempHome(), boltPort: 0, heap: '256m', pageCache: '16m', password: 'short' }),
      (err: unknown) => err instanceof AppError && err.code === 'BAD_CONFIG' && /at least 8 characters/.test(err.message),
    );
  });

  it('names what is needed when Java is missing', () => {
    assert.throws(
      () => checkJava({ ...process.env, JAVA_HOME: '/nonexistent/jdk' }),
      (err: unknown) => err instanceof AppError && err.code === 'JAVA_MISSING' && /Java 17/.test(err.message) && /NEO4J_URI/.test(err.message),
    );
    assert.ok(checkJava() >= 17);
  });
});
