/**
 * Fetching an article from a URL, safely: the I/O in front of `toArticle` for `newsgraph load URL…` (and
 * the API's uploads by URL).
 *
 * - http(s) only, no user name or password in the URL;
 * - never a private, loopback, link-local, CGNAT, multicast or otherwise non-public address (address.ts)
 *   unless allowed (NEWSGRAPH_FETCH_ALLOW), judged on the address actually connected to: a name is
 *   resolved once, inside the connection's own `lookup`, every address it has is checked, and the
 *   connection goes to one of those addresses, so a name that answers differently a moment later (DNS
 *   rebinding) cannot slip a private address in between the check and the connect;
 * - redirects followed by hand, at most MAX_REDIRECTS, each hop checked the same way;
 * - one timeout for the whole fetch, the size limit enforced while the body streams in (decompressed
 *   bytes counted), and only HTML, XHTML, plain text and Markdown taken.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import { addressRefusal, hostAllowed, parseAllow, type FetchAllow } from './address.js';
import { formatOf, toArticle, type ArticleFormat } from './article.js';
import { MAX_ARTICLE_BYTES, type ReadResult } from './read.js';

export interface FetchOptions {
  /** Host names and networks (CIDRs) that may be fetched though not public (NEWSGRAPH_FETCH_ALLOW). */
  allow?: string[];
  /** For the whole fetch, redirects and body included. */
  timeoutMs?: number;
  maxBytes?: number;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;
export const MAX_REDIRECTS = 5;

const FORMATS: Record<string, ArticleFormat | 'sniff'> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  // A page served as text/plain that is HTML all the same is read as HTML, as files are.
  'text/plain': 'sniff',
};

/** Is this argument a URL to fetch rather than a path to read? */
export function isHttpUrl(argument: string): boolean {
  return /^https?:\/\//i.test(argument);
}

class Refused extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

const shown = (url: string) => (url.length > 200 ? `${url.slice(0, 200)}…` : url);

/** "http://intranet/ is not fetched: intranet is a private address (10.0.0.5); set NEWSGRAPH_FETCH_ALLOW to allow it." */
function refusal(url: string, host: string, address: string, why: string): AppError {
  const who = host === address ? 'it' : host;
  return new AppError('BAD_INPUT', `${shown(url)} is not fetched: ${who} is ${why} (${address}); set NEWSGRAPH_FETCH_ALLOW to allow it.`);
}

/**
 * The connection's name lookup: every address of the name checked, then the connection made to those
 * addresses only. Node's happy-eyeballs connect asks for all of them (`all: true`); others for one.
 */
function guardedLookup(url: string, allow: FetchAllow): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, family: options.family, hints: options.hints }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 4);
      if (!addresses.length) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
      if (!hostAllowed(hostname, allow)) {
        for (const { address } of addresses) {
          const why = addressRefusal(address, allow);
          if (why) return callback(new Refused(refusal(url, hostname, address, why)), '', 4);
        }
      }
      if (options.all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** Throws unless the URL may be requested at all: scheme, credentials, and a literal address's range. */
function checkUrl(url: URL, original: string, allow: FetchAllow): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('BAD_INPUT', `${shown(original)} is not fetched: only http and https URLs are (this one leads to ${url.protocol}).`);
  }
  if (url.username || url.password) throw new AppError('BAD_INPUT', `${shown(original)} is not fetched: URLs with a user name or password are not.`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  // A literal address is connected to without a lookup: it is checked here. (The URL parser has already
  // turned 2130706433, 0x7f.1 and the like into dotted form.)
  if (isIP(host) && !hostAllowed(host, allow)) {
    const why = addressRefusal(host, allow);
    if (why) throw refusal(original, host, host, why);
  }
}

interface Response {
  status: number;
  headers: IncomingMessage['headers'];
  body: IncomingMessage;
}

function request(url: URL, original: string, allow: FetchAllow, signal: AbortSignal): Promise<Response> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET',
      agent: false,
      lookup: guardedLookup(original, allow),
      signal,
      headers: {
        'user-agent': 'Mozilla/5.0 (compatible; newsgraph; +https://github.com/newsgraph)',
        accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    req.on('response', (res) => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res }));
    req.on('error', reject);
    req.end();
  });
}

/** The body, decompressed, at most `maxBytes`: the stream is cut as soon as it goes past. */
async function readBody(res: Response, url: string, maxBytes: number): Promise<Buffer> {
  const encoding = String(res.headers['content-encoding'] ?? 'identity')
    .toLowerCase()
    .trim();
  let stream: Readable = res.body;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.body.pipe(createGunzip());
  else if (encoding === 'deflate') stream = res.body.pipe(createInflate());
  else if (encoding === 'br') stream = res.body.pipe(createBrotliDecompress());
  else if (encoding !== 'identity' && encoding !== '') {
    res.body.destroy();
    throw new AppError('BAD_INPUT', `${shown(url)} is not fetched: it came in an encoding newsgraph does not read (${encoding}).`);
  }
  if (stream !== res.body) res.body.on('error', (err) => stream.destroy(err));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge(url, maxBytes, 'it went on past that');
      chunks.push(chunk as Buffer);
    }
  } finally {
    res.body.destroy();
    if (stream !== res.body) stream.destroy();
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(url: string, maxBytes: number, why: string): AppError {
  return new AppError('BAD_INPUT', `${shown(url)} is not fetched: it is over the ${(maxBytes / 2 ** 20).toFixed(0)} MB limit for one article (${why}).`);
}

/** The charset the header names, else the page's own <meta charset>, else UTF-8. */
function charsetOf(contentType: string, bytes: Buffer): string {
  const header = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  if (header) return header;
  const head = bytes.subarray(0, 2048).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? 'utf-8';
}

function decode(bytes: Buffer, charset: string, url: string): string {
  if (bytes.subarray(0, 8192).includes(0))
    throw new AppError('BAD_INPUT', `${shown(url)} is not fetched: it looks binary (it contains NUL bytes), not a text article.`);
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new AppError('BAD_INPUT', `${shown(url)} is not read: its character set "${charset}" is not one newsgraph knows.`);
  }
  // Web pages are read the way browsers read them: a stray bad byte becomes U+FFFD, not a refusal.
  return decoder.decode(bytes);
}

function failure(url: string, err: unknown, timeoutMs: number, timedOut: boolean): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof Refused) return err.appError;
  if (timedOut) return new AppError('FETCH_FAILED', `${shown(url)} could not be fetched: no complete answer within ${timeoutMs / 1000} s.`);
  const code = (err as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? 'its host name was not found'
      : code === 'ECONNREFUSED'
        ? 'the connection was refused'
        : code === 'ECONNRESET'
          ? 'the connection was cut'
          : err instanceof Error
            ? err.message
            : String(err);
  return new AppError('FETCH_FAILED', `${shown(url)} could not be fetched: ${why}.`, { cause: err });
}

/**
 * Fetches a page and reads it as an article. The result's `file` is the URL given; the article's `url`
 * is the canonical URL the page names, else the URL it was finally fetched from.
 */
export async function fetchArticle(url: string, options: FetchOptions = {}): Promise<ReadResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_ARTICLE_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    let allow: FetchAllow;
    try {
      allow = parseAllow(options.allow ?? []);
    } catch (err) {
      throw new AppError('BAD_CONFIG', `NEWSGRAPH_FETCH_ALLOW: ${(err as Error).message}.`);
    }
    let current: URL;
    try {
      current = new URL(url);
    } catch {
      throw new AppError('BAD_INPUT', `${shown(url)} is not a URL that can be fetched.`);
    }
    for (let hop = 0; ; hop++) {
      checkUrl(current, url, allow);
      const res = await request(current, url, allow, controller.signal);
      const location = res.headers.location;
      if ([301, 302, 303, 307, 308].includes(res.status) && location) {
        res.body.resume();
        if (hop >= MAX_REDIRECTS) throw new AppError('FETCH_FAILED', `${shown(url)} could not be fetched: it redirected more than ${MAX_REDIRECTS} times.`);
        try {
          current = new URL(location, current);
        } catch {
          throw new AppError(
            'FETCH_FAILED',
            `${shown(url)} could not be fetched: it redirected to ${JSON.stringify(location.slice(0, 200))}, which is no URL.`,
          );
        }
        continue;
      }
      if (res.status < 200 || res.status > 299) {
        res.body.resume();
        const where = current.href === url ? '' : ` (redirected to ${shown(current.href)})`;
        if (res.status === 404 || res.status === 410) throw new AppError('NOT_FOUND', `${shown(url)}${where}: the site answered ${res.status}, no such page.`);
        throw new AppError(
          'FETCH_FAILED',
          `${shown(url)}${where} could not be fetched: the site answered ${res.status}${res.body.statusMessage ? ` ${res.body.statusMessage}` : ''}.`,
        );
      }
      const contentType = String(res.headers['content-type'] ?? '');
      const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
      const format = FORMATS[mediaType];
      if (!format) {
        res.body.resume();
        const what = mediaType ? `it is ${mediaType}` : 'the site did not say what it is (no Content-Type)';
        throw new AppError('BAD_INPUT', `${shown(url)} is not read: ${what}, not an HTML, text or Markdown article.`);
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        res.body.destroy();
        throw tooLarge(url, maxBytes, `it says it is ${(declared / 2 ** 20).toFixed(1)} MB`);
      }
      const bytes = await readBody(res, url, maxBytes);
      const text = decode(bytes, charsetOf(contentType, bytes), url);
      const article = toArticle(url, text, { format: format === 'sniff' ? formatOf('page.txt', text) : format, pageUrl: current.href });
      return { file: url, ok: true, article: { ...article, url: article.url ?? current.href }, bytes: bytes.length };
    }
  } catch (err) {
    return { file: url, ok: false, error: failure(url, err, timeoutMs, timedOut) };
  } finally {
    clearTimeout(timer);
  }
}
