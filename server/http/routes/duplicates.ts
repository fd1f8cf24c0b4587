import { Router } from 'express';
import { z } from 'zod';
import { ENTITY_CATEGORIES } from '../../../common/curate.js';
import { DUPLICATES_DEFAULT_LIMIT, DUPLICATES_MAX_LIMIT, duplicateSuggestions } from '../../curate/duplicates-read.js';
import type { Database } from '../../db/database.js';
import { wholeNumber } from '../params.js';

export const DuplicatesQuery = z.strictObject({
  category: z.enum(ENTITY_CATEGORIES).optional().meta({ description: 'only pairs of this category' }),
  limit: wholeNumber(1, DUPLICATES_MAX_LIMIT, DUPLICATES_DEFAULT_LIMIT, 'pairs at most'),
});

/** Suggested duplicates (issue #18): reading only, so a reader may ask. */
export function duplicateRoutes(db: Database): Router {
  const router = Router();
  router.get('/duplicates', async (req, res) => {
    const { category, limit } = DuplicatesQuery.parse(req.query);
    res.json(await duplicateSuggestions(db, { category, limit }));
  });
  return router;
}
