import { Router } from 'express';
import { z } from 'zod';
import { runReadOnly } from '../../cypher/run.js';
import type { Database } from '../../db/database.js';
import { cypherText } from '../params.js';
import { perMinute } from '../rate-limit.js';

/** What POST /api/cypher validates with; server/http/openapi.ts documents it from this. */
export const CypherBody = z.object({
  query: cypherText('a read query'),
  params: z.record(z.string(), z.unknown()).default({}).meta({ description: 'query parameters by name, as JSON values' }),
});

/** POST /api/cypher: read-only Cypher, safe to expose (see server/cypher/guard.ts). */
export function cypherRoutes(db: Database, options: { perMinute?: number } = {}): Router {
  const router = Router();
  router.post('/cypher', perMinute(options.perMinute ?? 60, 'Cypher queries'), async (req, res) => {
    const { query, params } = CypherBody.parse(req.body);
    res.json(await runReadOnly(db, query, params));
  });
  return router;
}
