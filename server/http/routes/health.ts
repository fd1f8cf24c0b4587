import { Router } from 'express';
import type { Health } from '../../../common/api.js';
import type { Database } from '../../db/database.js';
import { schemaState } from '../../db/schema.js';
import { toAppError } from '../../errors.js';
import { principalOf } from '../access.js';

/**
 * Absolute file paths, which Neo4j and the launcher put in some messages (a store file, a log): they
 * tell a client about the server's disk, so health shows the message without them; the server log has them.
 * URIs are left alone: the slashes of `bolt://` follow a colon or a slash.
 */
const ABSOLUTE_PATH = /(?<![\w:/.~-])\/(?:[\w.@+-]+\/)*[\w.@+-]+/g;

export function withoutPaths(message: string): string {
  return message.replace(ABSOLUTE_PATH, '(a path on the server)');
}

/** 200 when Neo4j answers, 503 with the reason while it does not. Each call asks Neo4j afresh. */
export function healthRoutes(db: Database): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const neo4j: Health['neo4j'] = { connected: false, version: null, edition: null, uri: db.uri, embedded: db.embedded };
    try {
      const facts = await db.facts();
      Object.assign(neo4j, { connected: true, version: facts.version, edition: facts.edition });
    } catch (err) {
      const e = toAppError(err);
      neo4j.error = { code: e.code, message: withoutPaths(e.message) };
    }
    // A refused schema is not ill health: reads answer (with nothing), and the reason is here.
    const schema = schemaState(db);
    const body: Health = { status: neo4j.connected ? 'ok' : 'unavailable', neo4j, ...(schema ? { schema } : {}) };
    // Open to anyone (load balancers, healthchecks), but which database, where, says nothing to a stranger.
    res.status(neo4j.connected ? 200 : 503).json(principalOf(res) ? body : { status: body.status });
  });
  return router;
}
