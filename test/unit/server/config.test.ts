import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../server/config.js';
import { AppError } from '../../../server/errors.js';

describe('loadConfig', () => {
  it('binds to loopback and keeps data in .data/neo4j by default', () => {
    const config = loadConfig({}, '/srv/app');
    assert.deepEqual(config.http, { host: '127.0.0.1', port: 3000 });
    assert.equal(config.embedded.home, path.join('/srv/app', '.data', 'neo4j'));
    assert.equal(config.embedded.boltPort, 7687);
    assert.equal(config.neo4j.uri, undefined);
  });

  it('moves the data with NEWSGRAPH_DATA and takes port 0 for a free port', () => {
    const config = loadConfig({ NEWSGRAPH_DATA: '/var/lib/ng', NEO4J_BOLT_PORT: '0', PORT: '0' }, '/srv/app');
    assert.equal(config.embedded.home, '/var/lib/ng/neo4j');
    assert.equal(config.embedded.boltPort, 0);
    assert.equal(config.http.port, 0);
  });

  for (const uri of [
    'bolt://db:7687',
    'neo4j://cluster.example:7687',
    'neo4j+s://abcd.databases.neo4j.io',
    'bolt+ssc://10.0.0.5:7687',
    'bolt+s://db',
    'neo4j+ssc://db',
  ]) {
    it(`passes ${uri.split(':')[0]} URIs through unchanged`, () => {
      assert.equal(loadConfig({ NEO4J_URI: uri }).neo4j.uri, uri);
    });
  }

  it('reads NEWSGRAPH_FETCH_ALLOW as host names and networks, and refuses anything else', () => {
    assert.deepEqual(loadConfig({}).fetch, { allow: [] });
    assert.deepEqual(loadConfig({ NEWSGRAPH_FETCH_ALLOW: ' 127.0.0.1, 10.0.0.0/8 ,intranet.example,::1' }).fetch.allow, [
      '127.0.0.1',
      '10.0.0.0/8',
      'intranet.example',
      '::1',
    ]);
    assert.throws(
      () => loadConfig({ NEWSGRAPH_FETCH_ALLOW: '10.0.0.0/8,http://x/' }),
      (err: unknown) =>
        err instanceof AppError && err.code === 'BAD_CONFIG' && /NEWSGRAPH_FETCH_ALLOW must be host names, addresses or networks/.test(err.message),
    );
  });

  it('treats an empty variable as unset', () => {
    assert.equal(loadConfig({ NEO4J_URI: '', PORT: '' }).neo4j.uri, undefined);
  });

  it('names the variable that is wrong', () => {
    const bad: [Record<string, string>, RegExp][] = [
      [{ NEO4J_URI: 'http://localhost:7474' }, /NEO4J_URI must start with one of bolt:\/\//],
      [{ PORT: 'eighty' }, /PORT/],
      [{ NEO4J_BOLT_PORT: '70000' }, /NEO4J_BOLT_PORT/],
      [{ NEO4J_HEAP: 'lots' }, /NEO4J_HEAP must be a size/],
      [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    ];
    for (const [env, message] of bad) {
      assert.throws(
        () => loadConfig(env),
        (err: unknown) => err instanceof AppError && err.code === 'BAD_CONFIG' && message.test(err.message),
      );
    }
  });
});
