import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { isAllowEntry } from './article/address.js';
import { AppError } from './errors.js';

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** "a, b,,c" → ['a', 'b', 'c']: a list of names in one variable. */
const commaList = z
  .string()
  .default('')
  .transform((v) =>
    v
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean),
  );
const size = z.string().regex(/^\d+[kmg]?$/i, 'must be a size such as 512m or 1g');

/** Every environment variable newsgraph reads; the README's configuration table mirrors this. */
const EnvSchema = z.object({
  PORT: port(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NEO4J_URI: z
    .string()
    .optional()
    .refine((uri) => uri === undefined || NEO4J_SCHEMES.includes(uri.split('://')[0] ?? ''), {
      message: `must start with one of ${NEO4J_SCHEMES.map((s) => s + '://').join(', ')}`,
    }),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  NEWSGRAPH_DATA: z.string().min(1).default('.data'),
  NEO4J_BOLT_PORT: port(7687),
  NEO4J_HEAP: size.default('512m'),
  NEO4J_PAGECACHE: size.default('128m'),
  NEWSGRAPH_AUTH: z
    .enum(['on', 'off', 'true', 'false', '1', '0', 'yes', 'no'], { message: 'must be on or off' })
    .default('off')
    .transform((v) => ['on', 'true', '1', 'yes'].includes(v)),
  NEWSGRAPH_ALLOWED_HOSTS: commaList,
  // Threads that extract articles in `newsgraph extract`; 0 extracts in the command's own thread.
  NEWSGRAPH_EXTRACT_WORKERS: z.coerce.number().int().min(0).max(64).optional(),
  // Hosts and networks that pages may be fetched from though they are not public addresses.
  NEWSGRAPH_FETCH_ALLOW: commaList.refine(
    (entries) => entries.every(isAllowEntry),
    'must be host names, addresses or networks (such as 10.0.0.0/8) separated by commas',
  ),
  // Express's `trust proxy`, limited to what names the proxies: a hop count, addresses, subnets or their
  // names. Never `true`, which would let any client claim HTTPS or another address with X-Forwarded-*.
  NEWSGRAPH_TRUST_PROXY: z
    .string()
    .refine(
      (v) => /^\d+$/.test(v) || v.split(',').every((p) => PROXY_NAMES.has(p.trim()) || isIP(p.trim().split('/')[0] ?? '') !== 0),
      'must be a number of proxies, or addresses, subnets, loopback, linklocal or uniquelocal separated by commas',
    )
    .optional(),
});

export interface Config {
  http: { host: string; port: number };
  logLevel: string;
  /** Set when NEO4J_URI points at a Neo4j of the user's: then none is started here. */
  neo4j: { uri?: string; user: string; password?: string; database?: string };
  embedded: { home: string; boltPort: number; heap: string; pageCache: string };
  /** NEWSGRAPH_EXTRACT_WORKERS: extraction threads; unset means one per core. */
  extractWorkers?: number;
  /** NEWSGRAPH_FETCH_ALLOW: host names and networks fetched from though not public (private, loopback…). */
  fetch: { allow: string[] };
  access: {
    /** NEWSGRAPH_AUTH: every API call needs a token (bearer or the sign-in cookie). */
    auth: boolean;
    /** NEWSGRAPH_ALLOWED_HOSTS: Host names answered besides the loopback names; `*` for any. */
    allowedHosts: string[];
    /** NEWSGRAPH_TRUST_PROXY, as Express's `trust proxy`: a hop count or addresses; unset trusts none. */
    trustProxy?: number | string;
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
    throw new AppError('BAD_CONFIG', `Bad configuration: ${problems}.`);
  }
  const e = parsed.data;
  return {
    http: { host: e.HOST, port: e.PORT },
    logLevel: e.LOG_LEVEL,
    neo4j: { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE },
    embedded: {
      home: path.resolve(cwd, e.NEWSGRAPH_DATA, 'neo4j'),
      boltPort: e.NEO4J_BOLT_PORT,
      heap: e.NEO4J_HEAP,
      pageCache: e.NEO4J_PAGECACHE,
    },
    extractWorkers: e.NEWSGRAPH_EXTRACT_WORKERS,
    fetch: { allow: e.NEWSGRAPH_FETCH_ALLOW },
    access: {
      auth: e.NEWSGRAPH_AUTH,
      allowedHosts: e.NEWSGRAPH_ALLOWED_HOSTS,
      trustProxy:
        e.NEWSGRAPH_TRUST_PROXY === undefined ? undefined : /^\d+$/.test(e.NEWSGRAPH_TRUST_PROXY) ? Number(e.NEWSGRAPH_TRUST_PROXY) : e.NEWSGRAPH_TRUST_PROXY,
    },
  };
}
