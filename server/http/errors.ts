import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { AppError, toAppError } from '../errors.js';

export const notFound: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No API route for ${req.method} ${req.path}.`));
};

/** Every error leaves as {error:{code,message}}; stacks stay in the log. */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  let appError: AppError;
  if (err instanceof ZodError) {
    const problems = err.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
    appError = new AppError('BAD_REQUEST', `Bad request: ${problems}.`);
  } else if (isHttpError(err)) {
    // body-parser and friends: keep their status family, speak our vocabulary.
    appError = new AppError('BAD_REQUEST', `Bad request: ${err.message}.`);
  } else {
    appError = toAppError(err);
  }
  const status = isHttpError(err) && err.status < 500 ? err.status : appError.httpStatus;
  if (status >= 500 && appError.code === 'INTERNAL') req.log.error({ err }, 'unhandled error');
  else req.log.warn({ code: appError.code }, appError.message);
  res.status(status).json(appError.toJSON());
};

function isHttpError(err: unknown): err is { status: number; message: string; expose?: boolean } {
  return typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number' && 'expose' in err;
}
