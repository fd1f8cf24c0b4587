/** Who may do what: three roles, each allowed all that the ones below it are. */
export const ROLES = ['reader', 'editor', 'admin'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `have` is `need` or above it: an admin may do what an editor may, an editor what a reader may. */
export function roleAllows(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

/** Whoever a request acts for: a token's holder, or (access control off) the person at this machine. */
export interface Principal {
  role: Role;
  /** The token's id; null when access control is off. */
  tokenId: string | null;
  name: string | null;
}

/** With access control off the server only listens on loopback: whoever reaches it is this machine's user. */
export const LOCAL_USER: Principal = { role: 'admin', tokenId: null, name: null };
