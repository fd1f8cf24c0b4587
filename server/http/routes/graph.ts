import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { graphOverview, OVERVIEW_DEFAULT_LIMIT, OVERVIEW_MAX_LIMIT } from '../../graph/overview.js';
import { entityDetails, neighbourhood, NEIGHBOURHOOD_DEFAULT_LIMIT, NEIGHBOURHOOD_MAX_OFFSET } from '../../graph/entity.js';
import { documentDetails, listDocuments } from '../../graph/documents.js';
import { edgeEvidence } from '../../graph/evidence.js';
import { MAX_PATH_LENGTH, shortestPaths } from '../../graph/paths.js';
import { SEARCH_KINDS, searchEntities } from '../../graph/search.js';
import { searchText } from '../../graph/text-search.js';
import { graphStats } from '../../graph/stats.js';
import { readTimeline } from '../../graph/time.js';
import {
  commaList,
  exactly,
  EXAMPLE_IDS,
  Id,
  idParams,
  rangeDate,
  rangeFields,
  rangeFieldsNamed,
  rangeInOrder,
  rangeOf,
  requiredWholeNumber,
  text,
  wholeNumber,
} from '../params.js';

// The schemas each route validates with; server/http/openapi.ts writes the API's document from them.
// Queries are strict: an unknown parameter (a typo such as limt=5) is refused, not ignored.

const searchText_ = () => text(200, 'the text to search for in q');
const ONLY_TEXT = 'outlet, kind, from, to and offset filter a text search: use them with in=text';
const onlyText = () => z.never({ error: ONLY_TEXT }).optional().meta({ description: 'with in=text only' });

/**
 * Names (the default, today's reply) or text: the filters and paging of a text search are refused with
 * in=names, clearly, rather than ignored. Two branches, so that the document says which goes with which.
 */
export const SearchQuery = z
  .union([
    z.strictObject({
      q: searchText_().meta({ description: 'the words to look for: names and aliases, prefix and fuzzy' }),
      in: z.literal('names').optional().meta({ description: 'entities by name (the default)' }),
      type: z.enum(SEARCH_KINDS).optional().meta({ description: 'only this kind' }),
      limit: wholeNumber(1, 100, 10, 'results at most'),
      outlet: onlyText(),
      kind: onlyText(),
      from: onlyText(),
      to: onlyText(),
      offset: onlyText(),
    }),
    z.strictObject({
      q: searchText_().meta({ description: 'the words to find in articles: every word, "a phrase" in quotes, a prefix ending in *' }),
      in: z.literal('text').meta({ description: 'documents by their title and text' }),
      outlet: z.string().min(1).max(200).optional().meta({ description: 'only documents of this outlet' }),
      kind: z.enum(SEARCH_KINDS).optional().meta({ description: 'only documents that mention an entity of this kind' }),
      from: rangeDate('from', 'only documents published on or after this day (YYYY-MM-DD, or an ISO 8601 date and time)').optional(),
      to: rangeDate('to', 'only documents published on or before this day (the whole day), or this moment').optional(),
      limit: wholeNumber(1, 100, 20, 'documents at most'),
      offset: wholeNumber(0, 5000, 0, 'documents of the ranked order to skip'),
    }),
  ])
  .meta({ title: 'search', description: 'q, and in=names (default: type, limit) or in=text (outlet, kind, from, to, limit, offset)' });

const ONLY_DEPTH_1 = 'offset pages the direct neighbours only: use it with depth=1';
const neighbourhoodFields = {
  types: commaList(
    '[A-Z][A-Z0-9_]*',
    100,
    'comma-separated relationship types, e.g. MET,ACCUSED',
    'types are relationship types such as MET,ACCUSED',
  ).optional(),
  limit: wholeNumber(1, OVERVIEW_MAX_LIMIT, NEIGHBOURHOOD_DEFAULT_LIMIT, 'nodes at most'),
  ...rangeFields,
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
  .superRefine(rangeInOrder())
  .transform(({ depth, types, limit, offset, from, to }) => ({
    depth: (depth ?? 1) as 1 | 2 | 3,
    types: types ?? [],
    limit,
    offset: offset ?? 0,
    range: rangeOf(from, to),
  }))
  .meta({ title: 'page', description: 'depth, types and limit; offset (the next page of direct neighbours) with depth=1 only; from and to: a time range' });

export const EntityParams = idParams('entity or allegation id, e.g. person:antony-blinken', { example: EXAMPLE_IDS.person });
export const DocumentParams = idParams('document id', { example: EXAMPLE_IDS.document });
export const EdgeParams = idParams('edge key from a graph payload', { max: 200 });

/** Here `from` and `to` are the two entities: the time range is `since` and `until`. */
export const PathsQuery = z
  .strictObject({
    from: Id.meta({ description: 'entity id', examples: [EXAMPLE_IDS.person] }),
    to: Id.meta({ description: 'entity id', examples: [EXAMPLE_IDS.other] }),
    maxLength: wholeNumber(1, MAX_PATH_LENGTH, 4, 'links at most'),
    ...rangeFieldsNamed('since', 'until'),
  })
  .superRefine(rangeInOrder({ from: 'since', to: 'until' }));

/** Past this, a page of documents is empty for any graph this project loads; a bound the document can state. */
const DOCUMENTS_MAX_OFFSET = 10_000_000;

export const DocumentsQuery = z
  .strictObject({
    limit: wholeNumber(1, 500, 50, 'page size'),
    offset: wholeNumber(0, DOCUMENTS_MAX_OFFSET, 0, 'documents to skip'),
    from: rangeFields.from.meta({ description: 'only documents published on or after this day (or instant)' }),
    to: rangeFields.to.meta({ description: 'only documents published on or before this day (or instant)' }),
  })
  .superRefine(rangeInOrder());

export const OverviewQuery = z
  .strictObject({
    limit: wholeNumber(1, OVERVIEW_MAX_LIMIT, OVERVIEW_DEFAULT_LIMIT, 'nodes at most'),
    ...rangeFields,
  })
  .superRefine(rangeInOrder());

/** The timeline is of the whole graph: it takes no parameter (and refuses any, as every query does). */
export const TimelineQuery = z.strictObject({});

export function graphRoutes(db: Database): Router {
  const router = Router();
  router.get('/stats', async (_req, res) => {
    res.json(await graphStats(db));
  });
  router.get('/search', async (req, res) => {
    const query = SearchQuery.parse(req.query);
    if (query.in === 'text') {
      const { q, outlet, kind, limit, offset } = query;
      // As every other range: a day stands for all of it, in UTC.
      const range = rangeOf(query.from, query.to);
      res.json(await searchText(db, q, { outlet, kind, from: range?.from ?? undefined, to: range?.to ?? undefined, limit, offset }));
      return;
    }
    res.json({ results: await searchEntities(db, query.q, { kind: query.type, limit: query.limit }) });
  });
  router.get('/edges/:id/evidence', async (req, res) => {
    const { id } = EdgeParams.parse(req.params);
    res.json(await edgeEvidence(db, id));
  });
  router.get('/entities/:id', async (req, res) => {
    res.json(await entityDetails(db, EntityParams.parse(req.params).id));
  });
  router.get('/entities/:id/neighbourhood', async (req, res) => {
    res.json(await neighbourhood(db, EntityParams.parse(req.params).id, NeighbourhoodQuery.parse(req.query)));
  });
  router.get('/paths', async (req, res) => {
    const { from, to, maxLength, since, until } = PathsQuery.parse(req.query);
    res.json(await shortestPaths(db, from, to, maxLength, rangeOf(since, until)));
  });
  router.get('/documents', async (req, res) => {
    const { limit, offset, from, to } = DocumentsQuery.parse(req.query);
    res.json(await listDocuments(db, { limit, offset, range: rangeOf(from, to) }));
  });
  router.get('/documents/:id', async (req, res) => {
    res.json(await documentDetails(db, DocumentParams.parse(req.params).id));
  });
  router.get('/graph', async (req, res) => {
    const { limit, from, to } = OverviewQuery.parse(req.query);
    res.json(await graphOverview(db, limit, rangeOf(from, to)));
  });
  router.get('/timeline', async (req, res) => {
    TimelineQuery.parse(req.query);
    res.json(await db.read(readTimeline));
  });
  return router;
}
