/**
 * Access tokens as strings: made, hashed and compared here, stored by store.ts. A token is 32 random
 * bytes, so a single SHA-256 is enough to store it (no salt or slow hash: there is nothing to guess).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The prefix marks a newsgraph token in a paste or a leaked file (secret scanners key on such prefixes). */
export const TOKEN_PREFIX = 'ng_';
const TOKEN_PATTERN = /^ng_[A-Za-z0-9_-]{43}$/;

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** A short id to name a token in `tokens list` and `tokens revoke`; not a secret. */
export function generateTokenId(): string {
  return randomBytes(6).toString('hex');
}

/** Whether a string can be a token at all: anything else is refused before the database is asked. */
export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two hex hashes in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
