import { Router } from 'express';
import { z } from 'zod';
import { runReadOnly } from '../../cypher/run.js';
import { MAX_QUERY_LENGTH } from '../../cypher/guard.js';
import type { Database } from '../../db/database.js';
import { perMinute } from '../rate-limit.js';

const CypherBody = z.object({
  query: z.string().trim().min(1, 'give the Cypher in query').max(MAX_QUERY_LENGTH),
  params: z.record(z.string(), z.unknown()).default({}),
});

/** POST /api/cypher: read-only Cypher, safe to expose (see server/cypher/guard.ts). */
export function cypherRoutes(db: Database, options: { perMinute?: number } = {}): Router {
  const router = Router();
  router.post(
    '/cypher',
    perMinute(options.perMinute ?? 60, 'Cypher queries'),
    async (req, res) => {
      const { query, params } = CypherBody.parse(req.body);
      res.json(await runReadOnly(db, query, params));
    },
  );
  return router;
}
