/**
 * GET /api/export?format=&scope=… (every scope but cypher) and POST /api/export: a subgraph as a file, streamed, with a
 * Content-Disposition that names it. A bad request or a missing entity is a JSON error as usual;
 * a failure after the file began cuts the download short, so it cannot pass for a whole file.
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import { EXPORT_FILES, EXPORT_FORMATS, exportFileName, type ExportFormatName } from '../../../common/export.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { exportGraph, type ServerScope } from '../../export/export.js';
import { MAX_PATH_LENGTH } from '../../graph/paths.js';
import { OVERVIEW_MAX_LIMIT } from '../../graph/overview.js';
import { commaList, cypherText, Id, MAX_ID_LENGTH, rangeFields, rangeFieldsNamed, rangeInOrder, rangeOf, wholeNumber } from '../params.js';
import { perMinute } from '../rate-limit.js';

const Format = z.enum(EXPORT_FORMATS).meta({
  description:
    'json (newsgraph JSON), evidence (JSON with evidence items and documents), graphml, gexf (1.3), csv (zip for neo4j-admin import), cypher (a script that re-creates it)',
});
const Depth = z.literal([1, 2, 3]).default(1).meta({ description: 'links away' });
const MaxLength = z.number().int().min(1).max(MAX_PATH_LENGTH).default(4).meta({ description: 'links at most' });
const CypherText = cypherText('a read query, under the read-only guard of POST /api/cypher; more than 100000 rows is refused');

/** The scope of POST /api/export, as JSON. */
export const ScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('neighbourhood'), id: Id, depth: Depth }),
  z.object({ kind: z.literal('path'), from: Id, to: Id, maxLength: MaxLength }),
  z.object({ kind: z.literal('cypher'), query: CypherText, params: z.record(z.string(), z.unknown()).default({}) }),
  z.object({ kind: z.literal('nodes'), ids: z.array(Id).min(1, 'give at least one node id').max(OVERVIEW_MAX_LIMIT) }),
]);

/** A time range beside the scope (the file's scope records it, as ISO bounds, in `range`). */
export const ExportBody = z
  .object({
    format: Format,
    scope: ScopeSchema,
    /** The explorer's layout: node key → [x, y], carried into the file as x and y. */
    positions: z
      .record(z.string(), z.tuple([z.number(), z.number()]))
      .optional()
      .meta({ description: 'node id → [x, y], written as x and y (GEXF: viz:position)' }),
    ...rangeFields,
  })
  .superRefine(rangeInOrder())
  .transform(({ from, to, scope, ...rest }) => ({ ...rest, scope: withRange(scope, rangeOf(from, to)) }));

/** The scope with its time range, when one is given. */
function withRange<S extends object>(scope: S, range: ReturnType<typeof rangeOf>): S & { range?: NonNullable<ReturnType<typeof rangeOf>> } {
  return range ? { ...scope, range } : scope;
}

/**
 * The query string: the scope's fields flat beside `format` and `scope`, `ids` comma-separated. Which
 * fields a scope needs depends on the scope, so the document describes the whole query as one object
 * (a form-exploded parameter) with a branch per scope.
 */
export const ExportQuery = z
  .discriminatedUnion('scope', [
    z.strictObject({ format: Format, scope: z.literal('all'), ...rangeFields }),
    z.strictObject({ format: Format, scope: z.literal('neighbourhood'), id: Id, depth: wholeNumber(1, 3, 1, 'links away'), ...rangeFields }),
    z.strictObject({
      format: Format,
      scope: z.literal('path'),
      from: Id,
      to: Id,
      maxLength: wholeNumber(1, MAX_PATH_LENGTH, 4, 'links at most'),
      ...rangeFieldsNamed('since', 'until'),
    }),
    z.strictObject({
      format: Format,
      scope: z.literal('nodes'),
      ...rangeFields,
      ids: commaList(
        `[^,]{1,${MAX_ID_LENGTH}}`,
        OVERVIEW_MAX_LIMIT,
        'comma-separated node ids; the links among them come along (longer lists: POST)',
        'ids are node ids separated by commas',
      ),
    }),
  ])
  .superRefine((query, ctx) => rangeInOrder(query.scope === 'path' ? { from: 'since', to: 'until' } : undefined)(query, ctx))
  .transform(({ format, scope, ...fields }) => {
    // A path's from and to are its ends; its time range is since and until.
    const { from, to, since, until, ...rest } = fields as Record<string, unknown> & { from?: string; to?: string; since?: string; until?: string };
    const range = scope === 'path' ? rangeOf(since, until) : rangeOf(from, to);
    return { format, scope: withRange(ScopeSchema.parse({ kind: scope, ...rest, ...(scope === 'path' ? { from, to } : {}) }), range) };
  })
  .meta({
    title: 'export',
    description:
      'the scope as query fields: scope=all; scope=neighbourhood&id=&depth=; scope=path&from=&to=&maxLength=; scope=nodes&ids=a,b (export by query is POST only); ' +
      'a time range as from=&to= (since=&until= with scope=path, whose from and to are its ends)',
  });

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export interface SendOptions {
  /** Node id → position, written as x and y. */
  positions?: Map<string, { x: number; y: number }>;
  /** JSON and evidence packs: more top-level fields (see server/export/format.ts). */
  extra?: Record<string, unknown>;
  /** What the file name says instead of the scope. */
  name?: string;
}

/** Streams the export as the reply, named by Content-Disposition; a failure after the first byte cuts it short. */
export async function sendExport(db: Database, res: Response, format: ExportFormatName, scope: ServerScope, options: SendOptions = {}): Promise<void> {
  const { mediaType, extension } = EXPORT_FILES[format];
  try {
    await exportGraph(db, scope, format, res, {
      positions: options.positions,
      extra: options.extra,
      onStart: () => {
        res.status(200);
        res.setHeader('Content-Type', mediaType.startsWith('application/json') ? `${mediaType}; charset=utf-8` : mediaType);
        res.setHeader('Content-Disposition', contentDisposition(exportFileName(scope, extension, new Date(), options.name)));
        res.setHeader('Cache-Control', 'no-store');
      },
    });
  } catch (err) {
    if (!res.headersSent) throw err;
    res.log.warn({ err }, 'export failed after it began; the download is cut short');
    res.destroy();
    return;
  }
  res.end();
}

export function exportRoutes(db: Database, options: { perMinute?: number } = {}): Router {
  const router = Router();
  router.use('/export', perMinute(options.perMinute ?? 30, 'exports'));
  router.get('/export', async (req, res) => {
    // A GET can be sent by any page (an <img>), so it never runs a user's Cypher.
    if (req.query.scope === 'cypher') {
      throw new AppError('BAD_REQUEST', 'Export by query is POST only: POST /api/export with {format, scope: {kind: "cypher", query, params}}.');
    }
    const { format, scope } = ExportQuery.parse(req.query);
    await sendExport(db, res, format, scope);
  });
  router.post('/export', async (req, res) => {
    const { format, scope, positions } = ExportBody.parse(req.body);
    await sendExport(db, res, format, scope, { positions: positions && new Map(Object.entries(positions).map(([k, [x, y]]) => [k, { x, y }])) });
  });
  return router;
}
