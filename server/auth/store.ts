/**
 * Access tokens in Neo4j, as (:NewsgraphToken) nodes that hold a token's SHA-256 and never the token. They
 * sit apart from the news graph: no relationships, left out of the overview, stats, exports and resets.
 */
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { isRole, type Principal, type Role } from './roles.js';
import { generateToken, generateTokenId, hashToken, looksLikeToken, sameHash } from './tokens.js';

export const TOKEN_LABEL = 'NewsgraphToken';

// Created with the first token rather than with the graph's schema: a database nobody made a token for
// gets nothing of access control written into it.
const TOKEN_SCHEMA = [
  `CREATE CONSTRAINT newsgraph_token_id IF NOT EXISTS FOR (t:${TOKEN_LABEL}) REQUIRE t.id IS UNIQUE`,
  `CREATE CONSTRAINT newsgraph_token_hash IF NOT EXISTS FOR (t:${TOKEN_LABEL}) REQUIRE t.hash IS UNIQUE`,
];

export interface TokenInfo {
  id: string;
  name: string | null;
  role: Role;
  created: string;
  lastUsed: string | null;
  revoked: string | null;
}

export interface NewToken extends TokenInfo {
  /** The token itself: shown once, never stored. */
  token: string;
}

export async function createToken(db: Database, { role, name }: { role: Role; name?: string }): Promise<NewToken> {
  if (name !== undefined && (name.length > 100 || /[\p{Cc}]/u.test(name))) {
    throw new AppError('BAD_INPUT', "A token's name is at most 100 characters, without control characters.");
  }
  for (const statement of TOKEN_SCHEMA) await db.write((tx) => tx.run(statement));
  const token = generateToken();
  const id = generateTokenId();
  const created = await db.write(async (tx) => {
    const result = await tx.run(
      `CREATE (t:${TOKEN_LABEL} {id: $id, hash: $hash, role: $role, name: $name, createdAt: datetime()})
       RETURN toString(t.createdAt) AS created`,
      { id, hash: hashToken(token), role, name: name ?? null },
    );
    return String(result.records[0]!.get('created'));
  });
  return { id, name: name ?? null, role, created, lastUsed: null, revoked: null, token };
}

export async function listTokens(db: Database): Promise<TokenInfo[]> {
  return db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (t:${TOKEN_LABEL})
       RETURN t.id AS id, t.name AS name, t.role AS role, toString(t.createdAt) AS created,
              toString(t.lastUsedAt) AS lastUsed, toString(t.revokedAt) AS revoked
       ORDER BY t.createdAt, t.id`,
    );
    return result.records.map((r) => ({
      id: String(r.get('id')),
      name: (r.get('name') as string | null) ?? null,
      role: r.get('role') as Role,
      created: String(r.get('created')),
      lastUsed: (r.get('lastUsed') as string | null) ?? null,
      revoked: (r.get('revoked') as string | null) ?? null,
    }));
  });
}

/** Revokes a token at once: the next request that carries it, bearer or cookie, is refused. */
export async function revokeToken(db: Database, id: string): Promise<{ id: string; alreadyRevoked: boolean }> {
  const found = await db.write(async (tx) => {
    const result = await tx.run(
      `MATCH (t:${TOKEN_LABEL} {id: $id})
       WITH t, t.revokedAt IS NOT NULL AS already
       SET t.revokedAt = coalesce(t.revokedAt, datetime())
       RETURN already`,
      { id },
    );
    return result.records[0]?.get('already') as boolean | undefined;
  });
  if (found === undefined) throw new AppError('NOT_FOUND', `No token has the id '${id}': \`newsgraph tokens list\` shows them.`);
  return { id, alreadyRevoked: found };
}

/** Whether any token can sign in: with none, nobody can use a server that has access control on. */
export async function hasActiveTokens(db: Database): Promise<boolean> {
  return db.read(async (tx) => {
    const result = await tx.run(`MATCH (t:${TOKEN_LABEL}) WHERE t.revokedAt IS NULL RETURN count(t) > 0 AS any`);
    return result.records[0]?.get('any') === true;
  });
}

/** How often a token's "last used" is written: often enough to read, rarely enough that reads stay reads. */
const TOUCH_EVERY_MS = 60_000;
const lastTouched = new Map<string, number>();

/** The token's holder, or null for anything that is not a live token. Database failures are thrown. */
export async function verifyToken(db: Database, token: string): Promise<Principal | null> {
  if (!looksLikeToken(token)) return null;
  const hash = hashToken(token);
  // The lookup by hash can only leak, by its timing, how much of a hash matched: a hash says nothing
  // about the token behind it. The constant-time comparison is the check that decides.
  const found = await db.read(async (tx) => {
    const result = await tx.run(
      `MATCH (t:${TOKEN_LABEL} {hash: $hash}) WHERE t.revokedAt IS NULL
       RETURN t.id AS id, t.hash AS hash, t.role AS role, t.name AS name`,
      { hash },
    );
    return result.records[0];
  });
  if (!found || !sameHash(String(found.get('hash')), hash)) return null;
  const role = found.get('role') as unknown;
  if (!isRole(role)) return null;
  const id = String(found.get('id'));
  touch(db, id);
  return { role, tokenId: id, name: (found.get('name') as string | null) ?? null };
}

function touch(db: Database, id: string): void {
  const now = Date.now();
  if (now - (lastTouched.get(id) ?? 0) < TOUCH_EVERY_MS) return;
  lastTouched.set(id, now);
  // Best effort: a request is not failed because its token's "last used" could not be written.
  db.write((tx) => tx.run(`MATCH (t:${TOKEN_LABEL} {id: $id}) SET t.lastUsedAt = datetime()`, { id })).catch(() => lastTouched.delete(id));
}
