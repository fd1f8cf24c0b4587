/** docker-compose.yml checked by Docker Compose itself (no engine needed for `config`). */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../server/paths.js';

function compose(args: string[], env: NodeJS.ProcessEnv) {
  const v2 = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  const [cmd, prefix] = v2.status === 0 ? ['docker', ['compose']] : ['docker-compose', []];
  const result = spawnSync(cmd, [...prefix, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env });
  if (result.error) throw new Error(`Docker Compose is needed for this test (Debian: apt-get install docker-compose): ${result.error.message}`);
  return result;
}

describe('docker-compose.yml', () => {
  it('is valid and publishes both services on 127.0.0.1 only', () => {
    const result = compose(['config'], { ...process.env, NEO4J_PASSWORD: 'compose-pass-1' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /NEO4J_URI: bolt:\/\/neo4j:7687/);
    assert.match(result.stdout, /neo4j:5\.26-community/);
    // Every published port, in the long (host_ip) or short (ip:host:container) form Compose prints.
    const longForm = [...result.stdout.matchAll(/host_ip: (\S+)/g)].map((m) => m[1]);
    const shortForm = [...result.stdout.matchAll(/^\s*- ([\d.:]+)\/(?:tcp|udp)$/gm)].map((m) => m[1]!);
    assert.ok(longForm.length + shortForm.length >= 3, result.stdout);
    for (const host of longForm) assert.equal(host, '127.0.0.1');
    for (const mapping of shortForm) assert.match(mapping, /^127\.0\.0\.1:\d+:\d+$/);
  });

  it('restarts both services, health-checks both, and runs the app on a supported Node with access control on', () => {
    const result = compose(['config'], { ...process.env, NEO4J_PASSWORD: 'compose-pass-1' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal([...result.stdout.matchAll(/restart: unless-stopped/g)].length, 2, result.stdout);
    assert.equal([...result.stdout.matchAll(/healthcheck:/g)].length, 2, result.stdout);
    assert.match(result.stdout, /\/api\/health/);
    // Inside its container the app binds 0.0.0.0, which newsgraph refuses without access control.
    assert.match(result.stdout, /NEWSGRAPH_AUTH: ['"]?on/);
    const dockerfile = readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8');
    const nodes = [...dockerfile.matchAll(/^FROM node:(\d+)/gm)].map((m) => Number(m[1]));
    assert.ok(nodes.length > 0 && nodes.every((v) => v >= 22 && v % 2 === 0), `Node LTS ≥ 22 in the Dockerfile, got ${nodes.join(', ')}`);
  });

  it('refuses to run without a Neo4j password', () => {
    const env = { ...process.env };
    delete env.NEO4J_PASSWORD;
    const result = compose(['config'], env);
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /NEO4J_PASSWORD/);
  });
});
