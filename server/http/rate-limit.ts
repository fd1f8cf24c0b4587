/** Requests per minute per client address, over which a route answers RATE_LIMITED in the error vocabulary. */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { AppError } from '../errors.js';

export function perMinute(limit: number, what: string): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError('RATE_LIMITED', `Too many ${what} from this address; wait a minute.`)),
  });
}
