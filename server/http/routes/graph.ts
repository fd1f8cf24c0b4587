import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { graphOverview, OVERVIEW_DEFAULT_LIMIT, OVERVIEW_MAX_LIMIT } from '../../graph/overview.js';
import { graphStats } from '../../graph/stats.js';

const OverviewQuery = z.object({
  limit: z.coerce.number().int().min(1).max(OVERVIEW_MAX_LIMIT).default(OVERVIEW_DEFAULT_LIMIT),
});

export function graphRoutes(db: Database): Router {
  const router = Router();
  router.get('/stats', async (_req, res) => {
    res.json(await graphStats(db));
  });
  router.get('/graph', async (req, res) => {
    const { limit } = OverviewQuery.parse(req.query);
    res.json(await graphOverview(db, limit));
  });
  return router;
}
