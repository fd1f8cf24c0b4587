/**
 * Where the server may be reached from, and by which names. Two rules: off loopback only with access
 * control on, and only under Host names it knows, so a page from another site whose name an attacker
 * re-points at this machine (DNS rebinding) gets nothing.
 */
import { isIP } from 'node:net';
import os from 'node:os';
import { AppError } from '../errors.js';

/** Names every server answers to: this machine's own, on any port. */
export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'] as const;

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '0:0:0:0:0:0:0:0']);

/** Whether binding to `host` keeps the server on this machine: 127.0.0.0/8, ::1 and the name localhost. */
export function isLoopbackAddress(host: string): boolean {
  const h = unbracket(host.trim().toLowerCase());
  if (h === 'localhost') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  // The URL parser writes an IPv6 address in its one canonical form: 0:0:0:0:0:0:0:1 is [::1].
  return isIP(h) === 6 && new URL(`http://[${h}]`).hostname === '[::1]';
}

/** Refuses, before anything starts, to listen off loopback with nobody asked for a token. */
export function assertSafeToListen(host: string, auth: boolean): void {
  if (auth || isLoopbackAddress(host)) return;
  throw new AppError(
    'AUTH_REQUIRED',
    `newsgraph would listen on ${host}, which other machines can reach, with access control off. Turn it on with ` +
      'NEWSGRAPH_AUTH=on (or `newsgraph serve --auth`) and create a token with `newsgraph tokens create --role admin`; ' +
      'or keep newsgraph on this machine with HOST=127.0.0.1.',
  );
}

export interface HostAllowlist {
  /** NEWSGRAPH_ALLOWED_HOSTS=*: every Host is answered (a proxy in front checks them). */
  any: boolean;
  /** Lower-case names, IPv6 addresses in brackets, without port. */
  names: ReadonlySet<string>;
  /** Listening on every interface: any IP address as Host. A rebinding attack needs a name, never an address. */
  ipLiterals: boolean;
}

/** A Host header or allowlist entry as compared: lower case, no port, no trailing dot, IPv6 in brackets. */
export function normaliseHost(value: string): string {
  let h = value.trim().toLowerCase();
  if (h.startsWith('[')) h = h.slice(0, h.indexOf(']') + 1 || undefined);
  else if (isIP(h) === 6) h = `[${h}]`;
  else h = h.replace(/:\d*$/, '');
  return h.replace(/\.$/, '');
}

/**
 * The names this server answers to: the loopback names, the address it is bound to (when that is one
 * address), every address of this machine and its host name (when bound to all of them), and `extra`
 * (NEWSGRAPH_ALLOWED_HOSTS), where `*` turns the check off.
 */
export function hostAllowlist(boundHost: string, extra: readonly string[] = []): HostAllowlist {
  const names = new Set<string>(LOOPBACK_NAMES);
  const wildcard = WILDCARDS.has(boundHost.trim().toLowerCase());
  if (wildcard) names.add(os.hostname().toLowerCase());
  else names.add(normaliseHost(boundHost));
  for (const entry of extra) if (entry.trim() && entry.trim() !== '*') names.add(normaliseHost(entry));
  return { any: extra.some((e) => e.trim() === '*'), names, ipLiterals: wildcard };
}

export function hostAllowed(hostHeader: string | undefined, allowlist: HostAllowlist): boolean {
  if (allowlist.any) return true;
  if (!hostHeader) return false;
  const host = normaliseHost(hostHeader);
  if (allowlist.names.has(host)) return true;
  return allowlist.ipLiterals && isIP(unbracket(host)) !== 0;
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
