import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Neo4jError } from 'neo4j-driver';
import { toDatabaseError } from '../../server/db/database.js';
import { AppError, toAppError } from '../../server/errors.js';

describe('errors', () => {
  it('maps driver codes, not messages, to our codes', () => {
    const cases: [string, string, number][] = [
      ['ServiceUnavailable', 'NEO4J_UNAVAILABLE', 503],
      ['SessionExpired', 'NEO4J_UNAVAILABLE', 503],
      ['Neo.ClientError.Security.Unauthorized', 'NEO4J_AUTH_FAILED', 503],
      ['Neo.ClientError.Statement.SyntaxError', 'NEO4J_ERROR', 502],
    ];
    for (const [driverCode, code, status] of cases) {
      const mapped = toDatabaseError(new Neo4jError('any text', driverCode, 'gql', 'desc'), 'bolt://h:1');
      assert.ok(mapped instanceof AppError);
      assert.equal(mapped.code, code);
      assert.equal(mapped.httpStatus, status);
      assert.match(mapped.message, /bolt:\/\/h:1|Neo4j reported/);
    }
  });

  it('hides the detail of unexpected errors from users', () => {
    const e = toAppError(new TypeError('secret internals at /path/file.ts:12'));
    assert.equal(e.code, 'INTERNAL');
    assert.doesNotMatch(JSON.stringify(e.toJSON()), /secret|file\.ts/);
  });
});
