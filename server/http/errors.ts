import { maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError, type z } from 'zod';
import { AppError, toAppError } from '../errors.js';

export const notFound: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No API route for ${req.method} ${req.path}.`));
};

/**
 * A request whose path is one the API has, with a method it does not: 405 with the methods in Allow
 * (RFC 9110), and OPTIONS answered with them. Mounted before the routers, so that a literal path is not
 * taken for a template (GET /entities/merge is not GET /entities/{id}). `paths` are the document's, which a unit
 * test holds equal to the routes served; `mount` is where the API router sits (/api).
 */
export function methodNotAllowed(paths: Record<string, Record<string, unknown>>, mount: string): RequestHandler {
  const routes = Object.entries(paths).map(([template, methods]) => {
    const verbs = Object.keys(methods).map((m) => m.toUpperCase());
    const allow = [...verbs, ...(verbs.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
    // As Express matches a route: a segment per parameter, a trailing slash allowed, case ignored.
    const source = template
      .slice(mount.length)
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\{[^}]+\}/g, '[^/]+');
    const answered = new Set([...verbs, ...(verbs.includes('GET') ? ['HEAD'] : [])]);
    return { pattern: new RegExp(`^${source}/?$`, 'i'), allow, answered, parameters: (template.match(/\{/g) ?? []).length };
  });
  // A literal path before a template it also fits: /entities/merge is not /entities/{id}.
  routes.sort((a, b) => a.parameters - b.parameters);
  return (req, res, next) => {
    const route = routes.find((r) => r.pattern.test(req.path));
    // A method the path has goes on to its route (before the routers) or to 404 (after them).
    if (!route || route.answered.has(req.method)) return next();
    res.setHeader('Allow', route.allow);
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next(new AppError('METHOD_NOT_ALLOWED', `${mount}${req.path} answers ${route.allow}, not ${req.method}.`));
  };
}

/** Every error leaves as {error:{code,message}}; stacks stay in the log. */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const appError = err instanceof ZodError ? fromZodError(err, req.body) : isClientError(err) ? fromClientError(err) : toAppError(err);
  if (appError.httpStatus >= 500 && appError.code === 'INTERNAL') req.log.error({ err }, 'unhandled error');
  else req.log.warn({ code: appError.code }, appError.message);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(appError.httpStatus).json(appError.toJSON());
};

function fromZodError(err: ZodError, body: unknown): AppError {
  // express.json() reads only JSON; a route that wants a body and got none was sent another type, or nothing.
  const noBody = body === undefined && err.issues.some((i) => i.path.length === 0 && i.code === 'invalid_type' && i.expected === 'object');
  return new AppError(
    'BAD_REQUEST',
    noBody ? 'Bad request: send the body as JSON, with Content-Type: application/json.' : `Bad request: ${describeIssues(err.issues)}.`,
  );
}

/**
 * "limit: Too big…; q: …". A union (a query whose fields depend on each other) fails in every branch;
 * the branch with the fewest problems is the one the client most likely meant.
 */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      if (issue.code === 'invalid_union' && issue.errors.length > 0) {
        const nearest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
        return describeIssues(nearest.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
      }
      const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
      return `${issue.path.join('.') || 'request'}: ${missing ? 'missing' : issue.message}`;
    })
    .join('; ');
}

/**
 * A client's mistake caught by Express or body-parser before any route: an error carrying a 4xx
 * status (http-errors; the router's URIError for a malformed `%` in a path has a status but no `expose`).
 */
interface ClientError {
  status: number;
  message: string;
  type?: string;
  limit?: number;
  expose?: boolean;
}

function isClientError(err: unknown): err is ClientError {
  return typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' && err.status >= 400 && err.status < 500;
}

function fromClientError(err: ClientError): AppError {
  switch (err.type) {
    case 'entity.too.large':
      return new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than the ${Math.round((err.limit ?? 0) / 1024)} KB this API accepts.`);
    case 'entity.parse.failed':
      return new AppError('BAD_REQUEST', `Bad request: the body is not valid JSON (${err.message}).`);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('BAD_REQUEST', `Bad request: ${err.message}; send the body as UTF-8 JSON.`);
  }
  if (err instanceof URIError)
    return new AppError('BAD_REQUEST', 'Bad request: the path holds a malformed percent-encoding (a % not followed by the hex of UTF-8 bytes).');
  return new AppError('BAD_REQUEST', `Bad request: ${err.expose ? err.message : 'the request is malformed'}.`);
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/**
 * Node's HTTP parser refuses some requests before Express sees them (headers over its 16 KB limit, a
 * request that is not HTTP, one too slow to arrive) and by default answers with a bare status line. This
 * answers in the API's vocabulary instead, on the server's 'clientError' event.
 */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, error] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [
          431,
          new AppError(
            'PAYLOAD_TOO_LARGE',
            `The request line and headers are larger than the ${Math.round(maxHeaderSize / 1024)} KB this server reads; send long lists in a POST body.`,
          ),
        ]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, new AppError('BAD_REQUEST', 'The request did not arrive in time.')]
        : [400, new AppError('BAD_REQUEST', 'Bad request: this is not an HTTP request this server can read.')];
  const body = JSON.stringify(error.toJSON());
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
