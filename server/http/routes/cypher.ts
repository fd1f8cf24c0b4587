import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import { runReadOnly } from '../../cypher/run.js';
import { MAX_QUERY_LENGTH } from '../../cypher/guard.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';

const CypherBody = z.object({
  query: z.string().trim().min(1, 'give the Cypher in query').max(MAX_QUERY_LENGTH),
  params: z.record(z.string(), z.unknown()).default({}),
});

/** POST /api/cypher: read-only Cypher, safe to expose (see server/cypher/guard.ts). */
export function cypherRoutes(db: Database, options: { perMinute?: number } = {}): Router {
  const router = Router();
  router.post(
    '/cypher',
    rateLimit({
      windowMs: 60_000,
      limit: options.perMinute ?? 60,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, _res, next) => next(new AppError('RATE_LIMITED', 'Too many Cypher queries from this address; wait a minute.')),
    }),
    async (req, res) => {
      const { query, params } = CypherBody.parse(req.body);
      res.json(await runReadOnly(db, query, params));
    },
  );
  return router;
}
