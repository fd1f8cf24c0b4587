/**
 * A news page reduced to its article, the way a reader sees it: Mozilla's Readability (Firefox's reader
 * view) over a linkedom DOM, with the page's own metadata (headline, byline, site name, canonical URL,
 * publication date). Pure: no I/O.
 *
 * linkedom rather than jsdom: on a 200 KB page Readability took 75 ms over linkedom against 505 ms over
 * jsdom, with the same article out, and linkedom loads in half the time and memory (no native deps either).
 *
 * The htmlparser2 reading (html.ts) runs first, for two reasons: it refuses to build a tree deeper than
 * MAX_HTML_DEPTH (a DOM of 200,000 nested elements would take minutes and Readability recurses over it),
 * and it is the fallback when Readability finds no article (a fragment, a page with no <body>, a page
 * whose text is all in one line).
 */
import { createRequire } from 'node:module';
import type { Readability as ReadabilityClass } from '@mozilla/readability';
import type { parseHTML as ParseHtml } from 'linkedom';
import { publicationDate } from './dates.js';
import { htmlTextWithinDepth, htmlToText } from './html.js';

/**
 * linkedom and Readability load on the first HTML page, not with the module: every command that reads
 * articles imports this one, and linkedom alone added 0.2 s to the start of each, HTML or not.
 */
const require = createRequire(import.meta.url);
let dom: { parseHTML: typeof ParseHtml; Readability: typeof ReadabilityClass } | undefined;
const loadDom = () =>
  (dom ??= {
    parseHTML: (require('linkedom') as { parseHTML: typeof ParseHtml }).parseHTML,
    Readability: (require('@mozilla/readability') as { Readability: typeof ReadabilityClass }).Readability,
  });

/**
 * Most elements a page may have for Readability to read it: real news pages have a few thousand, while
 * 20,000 empty <div>s took Readability 2.9 s over linkedom and 200,000 took 12 s and overflowed its stack.
 * A page with more is read by html.ts alone (all its visible text, the way pages were read before).
 */
export const MAX_READABLE_ELEMENTS = 20_000;

export interface HtmlArticle {
  title: string | null;
  text: string;
  byline: string | null;
  /** The outlet's name as the page gives it (og:site_name, JSON-LD publisher). */
  siteName: string | null;
  /** The canonical URL the page names (`<link rel=canonical>`, og:url), http(s) only; else null. */
  url: string | null;
  publishedAt: string | null;
}

/** Structural parts that are never the article: menus, footers, sidebars, pop-ups and the hidden. */
const NEVER_ARTICLE = [
  'nav',
  'footer',
  'aside',
  'button',
  'dialog',
  '[role="navigation"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-modal="true"]',
  '[hidden]',
].join(', ');

/** Class or id words of cookie banners, share bars, newsletter boxes and related-links lists. */
const CLUTTER =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|onetrust|cmp|share|sharing|sharebar|social|newsletter|subscribe|subscription|related|recirc|promo|breadcrumbs?|outbrain|taboola|advert|adslot|paywall)(?:$|[\s_-])/i;

/** Where pages put the byline: kept as metadata, not as a line of the article (Readability leaves it when metadata named the author). */
const BYLINE = /(?:^|[\s_-])(?:byline|bylines|author|authors|contributors?)(?:$|[\s_-])/i;
const BYLINE_MAX = 150;

/** The little of the DOM read here (linkedom's; the server compiles without the DOM library). */
interface El {
  readonly tagName: string;
  readonly isConnected: boolean;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
  remove(): void;
}
interface Doc {
  readonly documentElement: El | null;
  readonly body: El | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El> & Iterable<El>;
}

/** What a page says about itself, read before Readability reshapes the tree. */
interface PageMeta {
  ogTitle: string | null;
  byline: string | null;
  siteName: string | null;
  url: string | null;
  publishedAt: string | null;
}

const clean = (s: string | null | undefined): string | null => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

function metaContent(doc: Doc, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${key}" i]`);
      const value = clean(el?.getAttribute('content'));
      if (value) return value;
    }
  }
  return null;
}

/** A URL the page gives, resolved against where it came from; http(s) only. */
function pageLink(href: string | null | undefined, base: string | null | undefined): string | null {
  if (!href?.trim()) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

type Json = Record<string, unknown>;

/** Every object in the page's JSON-LD: top-level arrays and `@graph` lists opened. */
function jsonLdObjects(doc: Doc): Json[] {
  const out: Json[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 4 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    out.push(value as Json);
    const graph = (value as Json)['@graph'];
    if (graph) visit(graph, depth + 1);
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // A page's broken JSON-LD is its own business: the other sources stand.
    }
  }
  return out;
}

const typesOf = (o: Json): string[] => {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
};
const isArticle = (o: Json) => typesOf(o).some((t) => /(?:Article|BlogPosting|Report)$/i.test(t));
const isPage = (o: Json) => typesOf(o).some((t) => /WebPage$/i.test(t));

function names(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(names);
  if (value && typeof value === 'object' && typeof (value as Json).name === 'string') return [(value as Json).name as string];
  return [];
}

/** A byline is a name or a few: an author given as a profile URL is not one. */
function byline(value: string | null | undefined): string | null {
  const text = clean(value)
    ?.replace(/^by\s+/i, '')
    .replace(/\s*[|,]\s*$/, '')
    .trim();
  if (!text || /^https?:\/\//i.test(text) || text.length > 200) return null;
  return text;
}

/** `<time datetime>` where pages put their date: marked as published, else in the article's header, else first in the article. */
const TIME_SELECTORS = [
  '[itemprop="datePublished"][datetime]',
  '[itemprop="datePublished"][content]',
  'time[pubdate][datetime]',
  'article header time[datetime]',
  'header time[datetime]',
  'article time[datetime]',
];

function readMeta(doc: Doc, pageUrl: string | null | undefined): PageMeta {
  const ld = jsonLdObjects(doc);
  const article = ld.find(isArticle) ?? ld.find(isPage) ?? null;
  const ldDate = article ? publicationDate(String(article.datePublished ?? '')) || publicationDate(String(article.dateCreated ?? '')) : null;
  const publisher = article ? names(article.publisher)[0] : undefined;

  let timeDate: string | null = null;
  for (const selector of TIME_SELECTORS) {
    const el = doc.querySelector(selector);
    timeDate = publicationDate(el?.getAttribute('datetime') ?? el?.getAttribute('content'));
    if (timeDate) break;
  }

  const publishedAt =
    publicationDate(metaContent(doc, 'article:published_time')) ??
    publicationDate(metaContent(doc, 'og:published_time')) ??
    ldDate ??
    timeDate ??
    publicationDate(metaContent(doc, 'date', 'dc.date', 'dc.date.issued', 'dcterms.date', 'dcterms.issued', 'dc.date.created', 'pubdate', 'publish-date'));

  const canonical = [...doc.querySelectorAll('link[rel][href]')].find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.getAttribute('rel') ?? ''));
  return {
    ogTitle: metaContent(doc, 'og:title'),
    byline:
      byline(article ? names(article.author).map(clean).filter(Boolean).join(', ') : null) ??
      byline(metaContent(doc, 'author', 'article:author', 'dc.creator', 'byl')) ??
      byline(bylineElement(doc)?.textContent),
    siteName: metaContent(doc, 'og:site_name') ?? clean(publisher),
    url: pageLink(canonical?.getAttribute('href'), pageUrl) ?? pageLink(metaContent(doc, 'og:url'), pageUrl),
    publishedAt,
  };
}

const bylineWords = (el: El) => BYLINE.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);

/** The page's own byline element: marked as the author's, or classed as a byline; short. */
function bylineElement(doc: Doc): El | null {
  const short = (el: El) => (el.textContent ?? '').trim().length <= BYLINE_MAX;
  for (const el of doc.querySelectorAll('[class], [id]')) if (bylineWords(el) && short(el) && (el.textContent ?? '').trim()) return el;
  for (const el of doc.querySelectorAll('[rel~="author" i], [itemprop~="author" i]')) if (short(el) && (el.textContent ?? '').trim()) return el;
  return null;
}

const textOf = (el: El) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** How much of an element's text is link text (0 for one with no text). */
function linkDensity(el: El): number {
  const all = textOf(el).length;
  if (!all) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += textOf(a).length;
  return linked / all;
}

/** Takes out what is never the article, keeping anything that holds the article itself. */
function removeClutter(doc: Doc): void {
  const keep = (el: El) => ['HTML', 'BODY', 'MAIN', 'ARTICLE'].includes(el.tagName.toUpperCase()) || el.querySelector('article, main, h1') !== null;
  for (const el of [...doc.querySelectorAll(NEVER_ARTICLE)]) if (el.isConnected && !keep(el)) el.remove();
  for (const el of [...doc.querySelectorAll('[class], [id]')]) {
    if (!el.isConnected) continue;
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (CLUTTER.test(words) && !keep(el) && el.querySelectorAll('p').length <= 3) el.remove();
    else if (bylineWords(el) && !keep(el) && (el.textContent ?? '').trim().length <= BYLINE_MAX) el.remove();
  }
  for (const el of [...doc.querySelectorAll('[rel~="author" i], [itemprop~="author" i]')]) {
    if (el.isConnected && !keep(el) && (el.textContent ?? '').trim().length <= BYLINE_MAX) el.remove();
  }
  // Lists of nothing but links ("Read more: …" under the story) and lone "Read more"/"Related" links.
  for (const el of [...doc.querySelectorAll('ul, ol')]) {
    const items = [...el.querySelectorAll('li')];
    if (el.isConnected && items.length >= 2 && items.every((li) => linkDensity(li) >= 0.9)) el.remove();
  }
  for (const el of [...doc.querySelectorAll('p')]) {
    const text = textOf(el);
    if (el.isConnected && /^(?:read more|related|see also|also read|more on this|recommended)\b/i.test(text) && linkDensity(el) >= 0.7) el.remove();
  }
}

/**
 * The article of an HTML page and what the page says about it. `pageUrl` is where the page came from
 * (a fetched page), for a canonical URL given relative to it.
 */
export function readHtmlPage(html: string, pageUrl?: string | null): HtmlArticle {
  const whole = htmlTextWithinDepth(html);
  const none = { byline: null, siteName: null, url: null, publishedAt: null };
  if (!whole) return { ...htmlToText(html), ...none };
  const plain = { title: whole.title, text: whole.text, ...none };
  // linkedom builds no implied <html>/<body> the way browsers do: a fragment is read as it stands.
  if (whole.elements > MAX_READABLE_ELEMENTS || !/<body[\s>]/i.test(html)) return plain;
  const { parseHTML, Readability } = loadDom();
  const { document } = parseHTML(html) as unknown as { document: Doc };
  if (!document.documentElement || !document.body) return plain;
  const meta = readMeta(document, pageUrl);
  removeClutter(document);
  let parsed: ReturnType<ReadabilityClass['parse']> = null;
  try {
    parsed = new Readability(document as never, { charThreshold: 300 }).parse();
  } catch {
    parsed = null;
  }
  const body = parsed?.content ? htmlToText(parsed.content).text : '';
  const title = meta.ogTitle ?? clean(parsed?.title) ?? whole.title;
  let text = body || whole.text;
  // Readability drops a headline that repeats the title; names in a headline count, as in text files.
  if (body && title && !text.slice(0, title.length + 40).includes(title)) text = `${title}\n\n${text}`;
  return {
    title,
    text,
    byline: meta.byline ?? byline(parsed?.byline),
    siteName: meta.siteName ?? clean(parsed?.siteName),
    url: meta.url,
    publishedAt: meta.publishedAt ?? publicationDate(parsed?.publishedTime),
  };
}
