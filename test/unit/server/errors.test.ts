import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Neo4jError } from 'neo4j-driver';
import { toDatabaseError, toQueryError } from '../../../server/db/database.js';
import { AppError, toAppError } from '../../../server/errors.js';

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

  it("maps a user's query errors by code: theirs to fix 400, forbidden 403, over a limit 408/422, never retried", () => {
    const cases: [string, string, number][] = [
      ['Neo.ClientError.Statement.SyntaxError', 'CYPHER_INVALID', 400],
      ['Neo.ClientError.Statement.ParameterMissing', 'CYPHER_INVALID', 400],
      ['Neo.ClientError.Statement.ArithmeticError', 'CYPHER_INVALID', 400],
      ['Neo.ClientError.Statement.TypeError', 'CYPHER_INVALID', 400],
      ['Neo.ClientError.Procedure.ProcedureCallFailed', 'CYPHER_INVALID', 400],
      ['Neo.ClientError.Statement.AccessMode', 'CYPHER_REFUSED', 403],
      ['Neo.ClientError.Procedure.ProcedureNotFound', 'CYPHER_REFUSED', 403],
      ['Neo.ClientError.Statement.UnsupportedAdministrationCommand', 'CYPHER_REFUSED', 403],
      ['Neo.ClientError.Transaction.Terminated', 'CYPHER_TIMEOUT', 408],
      ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'CYPHER_TIMEOUT', 408],
      ['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'CYPHER_MEMORY', 422],
      ['Neo.TransientError.General.OutOfMemoryError', 'CYPHER_MEMORY', 422],
      ['ServiceUnavailable', 'NEO4J_UNAVAILABLE', 503],
    ];
    for (const [driverCode, code, status] of cases) {
      const mapped = toQueryError(new Neo4jError('first line\n  second line ^', driverCode, 'gql', 'desc'), 'bolt://h:1');
      assert.ok(mapped instanceof AppError, driverCode);
      assert.equal(mapped.code, code, driverCode);
      assert.equal(mapped.httpStatus, status, driverCode);
      if (code.startsWith('CYPHER_')) assert.doesNotMatch(mapped.message, /second line/, 'only the first line of what Neo4j said');
    }
    // A memory error is transient to the driver, which would retry it for seconds: ours is not a Neo4jError.
    assert.ok(!(toDatabaseError(new Neo4jError('x', 'Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'gql', 'd'), 'bolt://h:1') instanceof Neo4jError));
  });

  it('hides the detail of unexpected errors from users', () => {
    const e = toAppError(new TypeError('secret internals at /path/file.ts:12'));
    assert.equal(e.code, 'INTERNAL');
    assert.doesNotMatch(JSON.stringify(e.toJSON()), /secret|file\.ts/);
  });
});
