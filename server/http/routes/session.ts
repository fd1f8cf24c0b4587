/** Signing in and out of the explorer: the token goes in once, and lives on in an HttpOnly cookie. */
import { Router, type CookieOptions, type Request } from 'express';
import { z } from 'zod';
import type { SessionInfo } from '../../../common/api.js';
import { LOCAL_USER, type Principal } from '../../auth/roles.js';
import { verifyToken } from '../../auth/store.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { principalOf, requireRole, SESSION_COOKIE, SESSION_MAX_AGE_MS } from '../access.js';

export const SignIn = z.object({ token: z.string().trim().min(1, 'give the access token in token').max(200) });

function info(principal: Principal, auth: boolean): SessionInfo {
  return { auth, role: principal.role, name: principal.name, tokenId: principal.tokenId };
}

/** Strict same-site, out of reach of scripts, and Secure whenever the request came over HTTPS. */
function cookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/api' };
}

export function sessionRoutes(db: Database, { auth }: { auth: boolean }): Router {
  const router = Router();
  router.post('/session', async (req, res) => {
    // Validated either way, so the route takes exactly what the API's description says it takes.
    const { token } = SignIn.parse(req.body ?? {});
    if (!auth) {
      res.json(info(LOCAL_USER, false));
      return;
    }
    const principal = await verifyToken(db, token);
    if (!principal) {
      throw new AppError('UNAUTHENTICATED', 'That token is not valid: check that it was copied whole and has not been revoked (`newsgraph tokens list`).');
    }
    res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req), maxAge: SESSION_MAX_AGE_MS });
    res.json(info(principal, true));
  });
  router.delete('/session', (req, res) => {
    res.clearCookie(SESSION_COOKIE, cookieOptions(req));
    res.status(204).end();
  });
  router.get('/session', requireRole('reader'), (_req, res) => {
    res.json(info(principalOf(res)!, auth));
  });
  return router;
}
