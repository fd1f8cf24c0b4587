/**
 * Access control as Express middleware: the Host check, who a request acts for (bearer token or the
 * sign-in cookie), and the one role check every route declares through `requireRole`.
 */
import type { Request, RequestHandler, Response } from 'express';
import { hostAllowed, type HostAllowlist } from '../auth/hosts.js';
import { LOCAL_USER, roleAllows, type Principal, type Role } from '../auth/roles.js';
import { verifyToken } from '../auth/store.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';

/** The sign-in cookie: it holds the token itself (see README, Access control). */
export const SESSION_COOKIE = 'newsgraph_token';
export const SESSION_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

interface AuthState {
  principal: Principal | null;
  /** Why there is no principal: no credential, or one that is not a live token. */
  problem: 'missing' | 'invalid' | null;
  /** The database could not say: answered as that failure (503), never as 401. */
  failure?: unknown;
}

const states = new WeakMap<Response, AuthState>();

/** Who the request acts for; null when nobody signed in. */
export function principalOf(res: Response): Principal | null {
  return states.get(res)?.principal ?? null;
}

export function hostCheck(allowlist: HostAllowlist): RequestHandler {
  return (req, _res, next) => {
    if (hostAllowed(req.headers.host, allowlist)) return next();
    const host = (req.headers.host ?? '').slice(0, 100);
    next(
      new AppError(
        'HOST_NOT_ALLOWED',
        host
          ? `This server does not answer to the host name '${host}'; NEWSGRAPH_ALLOWED_HOSTS lists the names it should answer to.`
          : 'The request has no Host header; this server answers only to the names it knows.',
      ),
    );
  };
}

/** The credential a request carries: its bearer token first, else the sign-in cookie. */
export function credentialOf(req: Request): string | undefined {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    // Any other scheme is a credential we cannot accept, not the absence of one.
    return match ? match[1]! : '';
  }
  return cookieValue(req.headers.cookie, SESSION_COOKIE);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Finds who the request acts for and lets it through either way: open routes (health, sign-in) run for
 * anyone, and `requireRole` refuses the rest. With access control off, everyone is this machine's user.
 */
export function identify(db: Database, auth: boolean): RequestHandler {
  return async (req, res, next) => {
    if (!auth) {
      states.set(res, { principal: LOCAL_USER, problem: null });
      return next();
    }
    const credential = credentialOf(req);
    const state: AuthState = { principal: null, problem: credential === undefined ? 'missing' : 'invalid' };
    if (credential) {
      try {
        state.principal = await verifyToken(db, credential);
        if (state.principal) state.problem = null;
      } catch (err) {
        state.failure = err;
      }
    }
    states.set(res, state);
    next();
  };
}

/** The one role check: 401 without a live token, 403 when its role is below `need`. */
export function requireRole(need: Role): RequestHandler {
  return (_req, res, next) => {
    const state = states.get(res) ?? { principal: null, problem: 'missing' };
    if (state.principal) {
      if (roleAllows(state.principal.role, need)) return next();
      return next(new AppError('FORBIDDEN', `This needs a token with the ${need} role; yours has the ${state.principal.role} role.`));
    }
    if (state.failure) return next(state.failure);
    res.setHeader('WWW-Authenticate', 'Bearer realm="newsgraph"');
    next(
      new AppError(
        'UNAUTHENTICATED',
        state.problem === 'invalid'
          ? 'The access token is not valid: it may be mistyped or revoked. Sign in again with a token from `newsgraph tokens create`.'
          : "Sign in first: send an access token as `Authorization: Bearer <token>`, or sign in on the explorer's page. `newsgraph tokens create` makes one.",
      ),
    );
  };
}

/**
 * Refuses a request a browser sent from another site. A form on any web page can post files to a
 * server on this machine without asking first (multipart is a "simple" request, so no preflight), and
 * with access control off nothing else would stop it; browsers say where a request comes from.
 */
export function sameSiteOnly(): RequestHandler {
  return (req, _res, next) => {
    const site = req.headers['sec-fetch-site'];
    const origin = req.headers.origin;
    let foreign = site === 'cross-site';
    if (!foreign && origin !== undefined) {
      try {
        foreign = origin === 'null' || new URL(origin).host !== req.headers.host;
      } catch {
        foreign = true;
      }
    }
    if (!foreign) return next();
    next(
      new AppError(
        'FORBIDDEN',
        `This request came from another site (${origin ?? 'cross-site'}); articles are added from the explorer or a client of the API only.`,
      ),
    );
  };
}
