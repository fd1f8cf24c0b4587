/** The Express app, built apart from `listen` so tests can mount it on any port. */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import express, { type Express, type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { hostAllowlist, type HostAllowlist } from '../auth/hosts.js';
import type { Database } from '../db/database.js';
import type { FetchOptions } from '../article/fetch.js';
import { Jobs } from '../ingest/jobs.js';
import { News } from '../ingest/news.js';
import type { Logger } from '../logger.js';
import { hostCheck, identify, requireRole } from './access.js';
import { answerClientError, errorHandler, methodNotAllowed, notFound } from './errors.js';
import { openApiDocument } from './openapi.js';
import { curateRoutes } from './routes/curate.js';
import { cypherRoutes } from './routes/cypher.js';
import { documentRoutes } from './routes/documents.js';
import { duplicateRoutes } from './routes/duplicates.js';
import { exportRoutes } from './routes/export.js';
import { graphRoutes } from './routes/graph.js';
import { healthRoutes } from './routes/health.js';
import { investigationRoutes } from './routes/investigations.js';
import { noteRoutes } from './routes/notes.js';
import { sessionRoutes } from './routes/session.js';

export interface AppDeps {
  db: Database;
  logger: Logger;
  /** The built client (dist/client); not served when absent. */
  clientDir?: string;
  /** Rate limit of POST /api/cypher per client address (default 60). */
  cypherPerMinute?: number;
  /** Rate limit of /api/export per client address (default 30). */
  exportPerMinute?: number;
  access?: AccessOptions;
  /** Upload jobs and the news of new articles; made here when not given (tests give their own). */
  jobs?: Jobs;
  news?: News;
  /** How pages named in uploads are fetched: NEWSGRAPH_FETCH_ALLOW's hosts and networks. */
  fetch?: FetchOptions;
}

export interface AccessOptions {
  /** Every API call needs a token (NEWSGRAPH_AUTH); off by default, for a server on loopback. */
  auth?: boolean;
  /** The Host names answered; by default the loopback names (see server/auth/hosts.ts). */
  allowedHosts?: HostAllowlist;
  /** Express's `trust proxy` (NEWSGRAPH_TRUST_PROXY): which proxies may say the request came over HTTPS. */
  trustProxy?: number | string;
}

/**
 * Every API route, mounted under /api. Open to anyone: the API's description, health (its details only
 * to a signed-in caller) and signing in and out. Everything after `requireRole('reader')` needs a token;
 * a route that writes declares `requireRole('editor')` (or 'admin') on itself.
 */
export function apiRouter(
  db: Database,
  {
    cypherPerMinute,
    exportPerMinute,
    auth = false,
    news = new News(db),
    jobs = new Jobs(db, { onWritten: () => void news.check() }),
    fetch = {},
  }: { cypherPerMinute?: number; exportPerMinute?: number; auth?: boolean; jobs?: Jobs; news?: News; fetch?: FetchOptions } = {},
): Router {
  const api = express.Router();
  api.get('/openapi.json', (_req, res) => res.json(openApiDocument()));
  api.use(identify(db, auth));
  api.use(healthRoutes(db));
  api.use(sessionRoutes(db, { auth }));
  api.use(requireRole('reader'));
  // Methods and OPTIONS answered from the document before any router: a router's own answer lists only
  // its routes, and would take /entities/merge for /entities/{id}.
  api.use(methodNotAllowed(openApiDocument().paths as Record<string, Record<string, unknown>>, '/api'));
  api.use(documentRoutes(db, { jobs, news, fetch }));
  api.use(graphRoutes(db));
  api.use(curateRoutes(db));
  api.use(duplicateRoutes(db));
  api.use(cypherRoutes(db, { perMinute: cypherPerMinute }));
  api.use(exportRoutes(db, { perMinute: exportPerMinute }));
  api.use(noteRoutes(db));
  api.use(investigationRoutes(db));
  api.use(notFound);
  return api;
}

/**
 * Helmet's headers, with HSTS, `upgrade-insecure-requests` and COOP only on requests that came over HTTPS:
 * sent over plain HTTP they make a browser that opened the explorer by a LAN name ask for https:// and
 * get nothing. Behind a TLS proxy, NEWSGRAPH_TRUST_PROXY lets `req.secure` see the HTTPS.
 */
function securityHeaders(): RequestHandler {
  const directives = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    // ForceAtlas2 runs in a worker created from a blob URL.
    'worker-src': ["'self'", 'blob:'],
    'img-src': ["'self'", 'data:', 'blob:'],
    'style-src': ["'self'", "'unsafe-inline'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  const overHttps = helmet({ contentSecurityPolicy: { directives } });
  const overHttp = helmet({
    contentSecurityPolicy: { directives: { ...directives, 'upgrade-insecure-requests': null } },
    strictTransportSecurity: false,
    // Browsers ignore it on an HTTP origin other than loopback, and say so as a console error on each page.
    crossOriginOpenerPolicy: false,
  });
  return (req, res, next) => (req.secure ? overHttps : overHttp)(req, res, next);
}

export function createApp({ db, logger, clientDir, cypherPerMinute, exportPerMinute, access = {}, ...deps }: AppDeps): Express {
  const news = deps.news ?? new News(db, { logger });
  const jobs = deps.jobs ?? new Jobs(db, { logger, onWritten: () => void news.check() });
  const app = express();
  app.disable('x-powered-by');
  // An ETag would hash every graph payload on each request (measured in bench:api) for clients that
  // never revalidate: the data changes with each load. The static client keeps its own ETags.
  app.set('etag', false);
  app.set('query parser', 'simple');
  if (access.trustProxy !== undefined) app.set('trust proxy', access.trustProxy);
  app.use(securityHeaders());
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
  // Before anything is served, the page included: DNS rebinding would otherwise read it all.
  app.use(hostCheck(access.allowedHosts ?? hostAllowlist('127.0.0.1')));
  // Every body is small but articles sent as JSON, which their route reads once it knows who is sending.
  const smallJson = express.json({ limit: '1mb' });
  app.use((req, res, next) => (req.method === 'POST' && req.path === '/api/documents' ? next() : smallJson(req, res, next)));

  app.use('/api', apiRouter(db, { cypherPerMinute, exportPerMinute, auth: access.auth, jobs, news, fetch: deps.fetch }));

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
