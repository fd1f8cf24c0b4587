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
import { commaList, exactly, EXAMPLE_IDS, Id, idParams, requiredWholeNumber, text, wholeNumber } from '../params.js';

// The schemas each route validates with; server/http/openapi.ts writes the API's document from them.
// Queries are strict: an unknown parameter (a typo such as limt=5) is refused, not ignored.

export const SearchQuery = z.strictObject({
  q: text(200, 'the text to search for in q').meta({ description: 'the words to look for: names and aliases, prefix and fuzzy' }),
  type: z.enum(SEARCH_KINDS).optional().meta({ description: 'only this kind' }),
  limit: wholeNumber(1, 100, 10, 'results at most'),
});

const ONLY_DEPTH_1 = 'offset pages the direct neighbours only: use it with depth=1';
const neighbourhoodFields = {
  types: commaList(
    '[A-Z][A-Z0-9_]*',
    100,
    'comma-separated relationship types, e.g. MET,ACCUSED',
    'types are relationship types such as MET,ACCUSED',
  ).optional(),
  limit: wholeNumber(1, OVERVIEW_MAX_LIMIT, NEIGHBOURHOOD_DEFAULT_LIMIT, 'nodes at most'),
};

/**
 * An offset pages the direct neighbours, so it comes with depth 1 only. A query whose fields depend on
 * each other is two branches, so that the document can say so: the first page at any depth, or a later
 * page of depth 1.
 */
export const NeighbourhoodQuery = z
  .union([
    z.strictObject({
      ...neighbourhoodFields,
      depth: wholeNumber(1, 3, 1, 'links away'),
      offset: exactly(0, ONLY_DEPTH_1).optional().meta({ description: 'the first page' }),
    }),
    z.strictObject({
      ...neighbourhoodFields,
      depth: exactly(1, ONLY_DEPTH_1).optional().meta({ description: 'paging is for the direct neighbours' }),
      offset: requiredWholeNumber(1, NEIGHBOURHOOD_MAX_OFFSET, 'nodes of the ranked order to skip: the next page of direct neighbours'),
    }),
  ])
  .transform(({ depth, types, limit, offset }) => ({ depth: (depth ?? 1) as 1 | 2 | 3, types: types ?? [], limit, offset: offset ?? 0 }))
  .meta({ title: 'page', description: 'depth, types and limit; offset (the next page of direct neighbours) with depth=1 only' });

export const EntityParams = idParams('entity or allegation id, e.g. person:antony-blinken', { example: EXAMPLE_IDS.person });
export const DocumentParams = idParams('document id', { example: EXAMPLE_IDS.document });
export const EdgeParams = idParams('edge key from a graph payload', { max: 200 });

export const PathsQuery = z.strictObject({
  from: Id.meta({ description: 'entity id', examples: [EXAMPLE_IDS.person] }),
  to: Id.meta({ description: 'entity id', examples: [EXAMPLE_IDS.other] }),
  maxLength: wholeNumber(1, MAX_PATH_LENGTH, 4, 'links at most'),
});

/** Past this, a page of documents is empty for any graph this project loads; a bound the document can state. */
const DOCUMENTS_MAX_OFFSET = 10_000_000;

export const DocumentsQuery = z.strictObject({
  limit: wholeNumber(1, 500, 50, 'page size'),
  offset: wholeNumber(0, DOCUMENTS_MAX_OFFSET, 0, 'documents to skip'),
});

export const OverviewQuery = z.strictObject({
  limit: wholeNumber(1, OVERVIEW_MAX_LIMIT, OVERVIEW_DEFAULT_LIMIT, 'nodes at most'),
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
    const { id } = EdgeParams.parse(req.params);
    res.json(await edgeEvidence(db, id));
  });
  router.get('/entities/:id', async (req, res) => {
    res.json(await entityDetails(db, EntityParams.parse(req.params).id));
  });
  router.get('/entities/:id/neighbourhood', async (req, res) => {
    const { depth, types, limit, offset } = NeighbourhoodQuery.parse(req.query);
    res.json(await neighbourhood(db, EntityParams.parse(req.params).id, { depth, types, limit, offset }));
  });
  router.get('/paths', async (req, res) => {
    const { from, to, maxLength } = PathsQuery.parse(req.query);
    res.json(await shortestPaths(db, from, to, maxLength));
  });
  router.get('/documents', async (req, res) => {
    res.json(await listDocuments(db, DocumentsQuery.parse(req.query)));
  });
  router.get('/documents/:id', async (req, res) => {
    res.json(await documentDetails(db, DocumentParams.parse(req.params).id));
  });
  router.get('/graph', async (req, res) => {
    const { limit } = OverviewQuery.parse(req.query);
    res.json(await graphOverview(db, limit));
  });
  return router;
}
