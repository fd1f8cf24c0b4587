import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withoutPaths } from '../../../../../server/http/routes/health.js';

describe('health messages', () => {
  it('leave out absolute server paths, such as the launcher log', () => {
    const message = withoutPaths('Embedded Neo4j exited (code 1) before it was ready. Its log: /srv/newsgraph/.data/neo4j/logs/debug.log');
    assert.equal(message, 'Embedded Neo4j exited (code 1) before it was ready. Its log: (a path on the server)');
    assert.equal(withoutPaths('Store file "/var/lib/x/neostore" is locked'), 'Store file "(a path on the server)" is locked');
  });

  it('keep URIs, addresses and ratios', () => {
    const message = 'Neo4j at bolt://127.0.0.1:7687 is not reachable: connect ECONNREFUSED 127.0.0.1:7687 (1/2 tries, and/or neo4j+s://x.io/db)';
    assert.equal(withoutPaths(message), message);
  });
});
