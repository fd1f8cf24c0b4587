import { Router } from 'express';
import type { Health } from '../../../common/api.js';
import type { Database } from '../../db/database.js';
import { schemaState } from '../../db/schema.js';
import { toAppError } from '../../errors.js';

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
      neo4j.error = { code: e.code, message: e.message };
    }
    // A refused schema is not ill health: reads answer (with nothing), and the reason is here.
    const schema = schemaState(db);
    const body: Health = { status: neo4j.connected ? 'ok' : 'unavailable', neo4j, ...(schema ? { schema } : {}) };
    res.status(neo4j.connected ? 200 : 503).json(body);
  });
  return router;
}
