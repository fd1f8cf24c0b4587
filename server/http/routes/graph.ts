import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { graphOverview, OVERVIEW_DEFAULT_LIMIT, OVERVIEW_MAX_LIMIT } from '../../graph/overview.js';
import { entityDetails, neighbourhood, NEIGHBOURHOOD_DEFAULT_LIMIT, NEIGHBOURHOOD_MAX_OFFSET } from '../../graph/entity.js';
import { documentDetails, listDocuments } from '../../graph/documents.js';
import { edgeEvidence } from '../../graph/evidence.js';
import { MAX_PATH_LENGTH, shortestPaths } from '../../graph/paths.js';
import { SEARCH_KINDS, searchEntities } from '../../graph/search.js';
import { graphStats } from '../../graph/stats.js';

const SearchQuery = z.object({
  q: z.string().trim().min(1, 'give the text to search for in q').max(200),
  type: z.enum(SEARCH_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

const NeighbourhoodQuery = z.object({
  depth: z.coerce.number().int().min(1).max(3).default(1),
  types: z
    .string()
    .optional()
    .transform((t) => (t ? t.split(',').map((x) => x.trim()).filter(Boolean) : []))
    .pipe(z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'types are relationship types such as MET,ACCUSED'))),
  limit: z.coerce.number().int().min(1).max(OVERVIEW_MAX_LIMIT).default(NEIGHBOURHOOD_DEFAULT_LIMIT),
  offset: z.coerce.number().int().min(0).max(NEIGHBOURHOOD_MAX_OFFSET).default(0),
});
/** Entity and document ids are ours (person:antony-blinken, doc:…), short and printable. */
const EntityId = z.string().min(1).max(300);

const PathsQuery = z.object({
  from: z.string().min(1).max(300),
  to: z.string().min(1).max(300),
  maxLength: z.coerce.number().int().min(1).max(MAX_PATH_LENGTH).default(4),
});

const Page = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const OverviewQuery = z.object({
  limit: z.coerce.number().int().min(1).max(OVERVIEW_MAX_LIMIT).default(OVERVIEW_DEFAULT_LIMIT),
});

export function graphRoutes(db: Database): Router {
  const router = Router();
  router.get('/stats', async (_req, res) => {
    res.json(await graphStats(db));
  });
  router.get('/search', async (req, res) => {
    const { q, type, limit } = SearchQuery.parse(req.query);
    res.json({ results: await searchEntities(db, q, { kind: type, limit }) });
  });
  router.get('/edges/:id/evidence', async (req, res) => {
    const id = z.string().min(1).max(200).parse(req.params.id);
    res.json(await edgeEvidence(db, id));
  });
  router.get('/entities/:id', async (req, res) => {
    res.json(await entityDetails(db, EntityId.parse(req.params.id)));
  });
  router.get('/entities/:id/neighbourhood', async (req, res) => {
    const { depth, types, limit, offset } = NeighbourhoodQuery.parse(req.query);
    res.json(await neighbourhood(db, EntityId.parse(req.params.id), { depth: depth as 1 | 2 | 3, types, limit, offset }));
  });
  router.get('/paths', async (req, res) => {
    const { from, to, maxLength } = PathsQuery.parse(req.query);
    res.json(await shortestPaths(db, from, to, maxLength));
  });
  router.get('/documents', async (req, res) => {
    res.json(await listDocuments(db, Page.parse(req.query)));
  });
  router.get('/documents/:id', async (req, res) => {
    res.json(await documentDetails(db, EntityId.parse(req.params.id)));
  });
  router.get('/graph', async (req, res) => {
    const { limit } = OverviewQuery.parse(req.query);
    res.json(await graphOverview(db, limit));
  });
  return router;
}
