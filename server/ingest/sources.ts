/**
 * Articles that come in over the API, as loader sources: uploaded files and pasted text. Read exactly
 * as `newsgraph load` reads a file of the same name, so the two store the same document.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { articleFromBytes, MAX_ARTICLE_BYTES } from '../article/read.js';
import { toArticle, type Article } from '../article/article.js';
import { AppError } from '../errors.js';
import { publicationDate } from '../article/dates.js';
import { fetchArticle, type FetchOptions } from '../article/fetch.js';
import type { ArticleSource } from './load.js';
import { ARTICLE_EXTENSIONS } from './files.js';

/** Article text given in a request's JSON: what `newsgraph load` would read from a file's header lines. */
export interface TextArticle {
  text: string;
  title?: string;
  /** The article's http(s) URL: it identifies the document, as a `source:` line does. */
  source?: string;
  /** Stored as the file name; "pasted text" by default. */
  name?: string;
  /** When it was published: a date or an ISO 8601 time (publicationDate reads it). */
  publishedAt?: string;
}

/**
 * An upload has no path to be the same document by: without a URL in the article, its content is what
 * it is known by, so sending the same file twice changes nothing, and sending an edited copy adds one.
 */
const contentIdentity = (bytes: Uint8Array | string) => `upload:${createHash('sha256').update(bytes).digest('hex')}`;

/** A name as the uploader's system gave it, without folders (a browser may send "C:\\…\\a.txt"). */
export function uploadName(raw: string): string {
  const base = raw.split(/[\\/]/).pop()!.trim();
  return base.slice(0, 200) || 'unnamed';
}

/** Why a file cannot be an article, before reading it; null when it may be one. */
export function refusal(name: string, bytes: number): string | null {
  if (!ARTICLE_EXTENSIONS.includes(path.extname(name).toLowerCase())) {
    return `${name} skipped: only ${ARTICLE_EXTENSIONS.join(', ')} files are articles.`;
  }
  if (bytes > MAX_ARTICLE_BYTES) return `${name} skipped: it is over the ${MAX_ARTICLE_BYTES / 2 ** 20} MB limit for one article; split it into articles.`;
  return null;
}

export function fileSource(name: string, bytes: Uint8Array): ArticleSource {
  return { name, identity: contentIdentity(bytes), read: () => articleFromBytes(name, bytes) };
}

export function textSource(given: TextArticle, index: number): ArticleSource {
  const name = given.name ? uploadName(given.name) : `pasted text ${index + 1}`;
  return {
    name,
    identity: contentIdentity(given.text),
    read: () => {
      // Read as plain text (a `title:` line in it still counts), then what the request said over it.
      let article: Article;
      try {
        article = toArticle(/\.(md|markdown|html?)$/i.test(name) ? name : `${name}.txt`, given.text);
      } catch (err) {
        if (err instanceof AppError) return { file: name, ok: false, error: err };
        throw err;
      }
      return {
        file: name,
        ok: true,
        bytes: Buffer.byteLength(given.text),
        article: {
          ...article,
          title: given.title?.trim() || article.title,
          url: given.source ?? article.url,
          publishedAt: publicationDate(given.publishedAt) ?? article.publishedAt,
        },
      };
    },
  };
}

/** A page to fetch (fetchArticle: public addresses only, unless allowed); the same URL is the same document. */
export function urlSource(url: string, options: FetchOptions): ArticleSource {
  return { name: url, identity: url, read: () => fetchArticle(url, options) };
}
