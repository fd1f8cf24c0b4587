/** Who a change is recorded as made by. */
import type { Response } from 'express';
import { principalOf } from './access.js';

/** The token's name, else `token <id>`, else (access control off) 'local user'. */
export function authorOf(res: Response): string {
  const principal = principalOf(res);
  return principal?.name ?? (principal?.tokenId ? `token ${principal.tokenId}` : 'local user');
}
