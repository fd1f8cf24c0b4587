/** The Express app, built apart from `listen` so tests can mount it on any port. */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { answerClientError, errorHandler, methodNotAllowed, notFound } from './errors.js';
import { openApiDocument } from './openapi.js';
import { cypherRoutes } from './routes/cypher.js';
import { exportRoutes } from './routes/export.js';
import { graphRoutes } from './routes/graph.js';
import { healthRoutes } from './routes/health.js';

export interface AppDeps {
  db: Database;
  logger: Logger;
  /** The built client (dist/client); not served when absent. */
  clientDir?: string;
  /** Rate limit of POST /api/cypher per client address (default 60). */
  cypherPerMinute?: number;
  /** Rate limit of /api/export per client address (default 30). */
  exportPerMinute?: number;
}

/** Every API route, mounted under /api. */
export function apiRouter(db: Database, cypherPerMinute?: number, exportPerMinute?: number): Router {
  const api = express.Router();
  api.get('/openapi.json', (_req, res) => res.json(openApiDocument()));
  api.use(healthRoutes(db));
  api.use(graphRoutes(db));
  api.use(cypherRoutes(db, { perMinute: cypherPerMinute }));
  api.use(exportRoutes(db, { perMinute: exportPerMinute }));
  api.use(methodNotAllowed(openApiDocument().paths as Record<string, Record<string, unknown>>, '/api'));
  api.use(notFound);
  return api;
}

export function createApp({ db, logger, clientDir, cypherPerMinute, exportPerMinute }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // An ETag would hash every graph payload on each request (measured in bench:api) for clients that
  // never revalidate: the data changes with each load. The static client keeps its own ETags.
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          // ForceAtlas2 runs in a worker created from a blob URL.
          'worker-src': ["'self'", 'blob:'],
          'img-src': ["'self'", 'data:', 'blob:'],
          'style-src': ["'self'", "'unsafe-inline'"],
          'connect-src': ["'self'"],
          'object-src': ["'none'"],
          'frame-ancestors': ["'none'"],
        },
      },
    }),
  );
  app.use(
    pinoHttp({
      logger,
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      // Method, path and status: enough to follow traffic, and no headers (cookies, credentials) in logs.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  app.use(express.json({ limit: '1mb' }));

  app.use('/api', apiRouter(db, cypherPerMinute, exportPerMinute));

  if (clientDir && existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes (the URL keeps the view state) all load the same page.
    app.get(/^\/(?!api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  app.use(errorHandler);

  // Node's parser refuses oversized headers (and non-HTTP) before Express runs, with a bare status
  // line; every server this app listens on answers those in the API's vocabulary instead.
  const listen = app.listen.bind(app) as (...args: unknown[]) => Server;
  app.listen = ((...args: unknown[]) => listen(...args).on('clientError', answerClientError)) as Express['listen'];
  return app;
}
