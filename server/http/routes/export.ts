/**
 * GET /api/export?format=&scope=… (every scope but cypher) and POST /api/export: a subgraph as a file, streamed, with a
 * Content-Disposition that names it. A bad request or a missing entity is a JSON error as usual;
 * a failure after the file began cuts the download short, so it cannot pass for a whole file.
 */
import { Router, type Response } from 'express';
import { z } from 'zod';
import { EXPORT_FILES, EXPORT_FORMATS, exportFileName, type ExportFormatName } from '../../../common/export.js';
import { MAX_QUERY_LENGTH } from '../../cypher/guard.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { exportGraph, type ServerScope } from '../../export/export.js';
import { MAX_PATH_LENGTH } from '../../graph/paths.js';
import { OVERVIEW_MAX_LIMIT } from '../../graph/overview.js';
import { perMinute } from '../rate-limit.js';

const Id = z.string().min(1).max(300);

export const ScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('neighbourhood'), id: Id, depth: z.coerce.number().pipe(z.union([z.literal(1), z.literal(2), z.literal(3)])).default(1) }),
  z.object({ kind: z.literal('path'), from: Id, to: Id, maxLength: z.coerce.number().int().min(1).max(MAX_PATH_LENGTH).default(4) }),
  z.object({ kind: z.literal('cypher'), query: z.string().trim().min(1, 'give the Cypher in query').max(MAX_QUERY_LENGTH), params: z.record(z.string(), z.unknown()).default({}) }),
  z.object({ kind: z.literal('nodes'), ids: z.array(Id).min(1, 'give at least one node id').max(OVERVIEW_MAX_LIMIT) }),
]);

const Format = z.enum(EXPORT_FORMATS);

/** The query string: the scope's fields flat beside `format` and `scope`, `ids` comma-separated. */
const ExportQuery = z
  .object({
    format: Format,
    scope: z.enum(['all', 'neighbourhood', 'path', 'nodes']),
    id: z.string().optional(),
    depth: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    maxLength: z.string().optional(),
    ids: z
      .string()
      .optional()
      .transform((ids) => ids?.split(',').filter(Boolean)),
  })
  .transform(({ format, scope, ...fields }) => ({ format, scope: ScopeSchema.parse({ kind: scope, ...fields }) }));

const ExportBody = z.object({
  format: Format,
  scope: ScopeSchema,
  /** The explorer's layout: node key → [x, y], carried into the file as x and y. */
  positions: z.record(z.string(), z.tuple([z.number(), z.number()])).optional(),
});

/** RFC 6266: an ASCII fallback and the UTF-8 name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

async function send(db: Database, res: Response, format: ExportFormatName, scope: ServerScope, positions?: Record<string, [number, number]>): Promise<void> {
  const { mediaType, extension } = EXPORT_FILES[format];
  try {
    await exportGraph(db, scope, format, res, {
      positions: positions && new Map(Object.entries(positions).map(([k, [x, y]]) => [k, { x, y }])),
      onStart: () => {
        res.status(200);
        res.setHeader('Content-Type', mediaType.startsWith('application/json') ? `${mediaType}; charset=utf-8` : mediaType);
        res.setHeader('Content-Disposition', contentDisposition(exportFileName(scope, extension)));
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
    await send(db, res, format, scope);
  });
  router.post('/export', async (req, res) => {
    const { format, scope, positions } = ExportBody.parse(req.body);
    await send(db, res, format, scope, positions);
  });
  return router;
}
