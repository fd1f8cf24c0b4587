/** `newsgraph tokens create|list|revoke`: the access tokens of a server with NEWSGRAPH_AUTH=on. */
import type { Role } from '../auth/roles.js';
import { createToken, listTokens, revokeToken, type TokenInfo } from '../auth/store.js';
import { withDatabase } from './database.js';
import { progress } from './output.js';

export async function createTokenCommand(options: { role: Role; name?: string; json?: boolean }): Promise<void> {
  const made = await withDatabase((db) => createToken(db, { role: options.role, name: options.name }));
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ token: made.token, id: made.id, role: made.role, name: made.name })}\n`);
    return;
  }
  // The token alone on stdout, so `$(newsgraph tokens create …)` captures it; the rest goes to stderr.
  progress(`Created the ${made.role} token ${made.id}${made.name ? ` (${made.name})` : ''}. It is shown only this once: keep it now.`);
  process.stdout.write(`${made.token}\n`);
  progress("Sign in with it on the explorer's page, or send it as `Authorization: Bearer <token>`.");
}

export function formatTokens(tokens: TokenInfo[]): string {
  if (tokens.length === 0) return 'No tokens yet: `newsgraph tokens create --role admin` makes the first.\n';
  const rows = [
    ['id', 'name', 'role', 'created', 'last used', 'revoked'],
    ...tokens.map((t) => [t.id, t.name ?? '', t.role, t.created, t.lastUsed ?? 'never', t.revoked ?? '']),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return (
    rows
      .map((r) =>
        r
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

export async function listTokensCommand(options: { json?: boolean }): Promise<void> {
  const tokens = await withDatabase(listTokens);
  process.stdout.write(options.json ? `${JSON.stringify({ tokens }, null, 2)}\n` : formatTokens(tokens));
}

export async function revokeTokenCommand(id: string): Promise<void> {
  const { alreadyRevoked } = await withDatabase((db) => revokeToken(db, id));
  progress(alreadyRevoked ? `Token ${id} was already revoked.` : `Revoked token ${id}: it no longer signs in, and browsers signed in with it are signed out.`);
}
