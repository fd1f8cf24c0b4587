/** Who the explorer acts for, as /api/session said at start: what the views offer depends on the role. */
import type { SessionInfo } from '../../../common/api.js';

let current: SessionInfo | null = null;

export function setSession(session: SessionInfo): void {
  current = session;
}

/** True when the role may write (notes, investigations): editor or admin. Before the session is known, no. */
export function canEdit(session: SessionInfo | null = current): boolean {
  return session?.role === 'editor' || session?.role === 'admin';
}
