/**
 * An article's text as the extractor sees it, from plain text, Markdown or HTML. Pure: no I/O.
 *
 * Plain-text articles may start with `source: <url>`, `title: <title>` and `date: <date>` lines (a source
 * that is not an http(s) URL is dropped with a warning). Those lines are
 * blanked out in place (replaced by spaces) rather than cut, so character offsets into `text`
 * stay offsets into the original file; the title itself stays, since names in a headline count.
 * Without a `date:` line, a dateline at the article's head gives the date (dates.ts). Markdown reads the
 * same lines, or a front matter block. HTML is reduced to the article by Readability (page.ts), with the
 * page's byline, site name, canonical URL and publication date.
 * Without a title line, a short first line is taken as the headline (see `headline`); without a
 * headline in any format, the lead's first sentence, cut at a word (see `leadTitle`): readers see words
 * of the article, never a file path or an id. Markdown and HTML offsets refer to the extracted visible text.
 */
import { httpUrl } from '../../common/links.js';
import { AppError } from '../errors.js';
import { datelineDate, publicationDate } from './dates.js';
import { markdownToText } from './markdown.js';
import { readHtmlPage } from './page.js';

export type ArticleFormat = 'text' | 'markdown' | 'html';

export interface Article {
  format: ArticleFormat;
  /** The headline, else the lead's first words; null only for an article with no words. */
  title: string | null;
  /** http(s) only: the `source:` line, the page's canonical URL, or where it was fetched from. */
  url: string | null;
  text: string;
  /** When it was published, as `Date#toISOString()` (midnight UTC for a date alone); null when not given. */
  publishedAt: string | null;
  /** Who wrote it, as the page says ("Ada Quill, Tom Reyes"); null when not given. */
  byline: string | null;
  /** The outlet's name as the page gives it (HTML only). */
  siteName: string | null;
  /** What was read but not kept, and why (a source URL that is not http(s)): reported, not fatal. */
  warnings: string[];
}

export function formatOf(fileName: string, content: string): ArticleFormat {
  const lower = fileName.toLowerCase();
  if (/\.(html?|xhtml)$/.test(lower)) return 'html';
  if (/\.(md|markdown)$/.test(lower)) return 'markdown';
  // HTML saved as .txt is still HTML: scripts and tags are not article text.
  if (/^\s*(<!doctype html|<html[\s>])/i.test(content)) return 'html';
  return 'text';
}

const HEADER = /^(source|url|title|date):[ \t]*(.*)$/i;

const NO_META = { publishedAt: null, byline: null, siteName: null };

function plainText(content: string): Article {
  let title: string | null = null;
  let url: string | null = null;
  let date: string | null | undefined;
  const warnings: string[] = [];
  const lines = content.split('\n');
  let offset = 0;
  let text = content;
  for (const line of lines) {
    const match = HEADER.exec(line.replace(/\r$/, ''));
    if (!match) break;
    const [, key, value] = match as unknown as [string, string, string];
    const keyPart = line.length - line.trimStart().length + key.length + 1;
    if (key.toLowerCase() === 'title') {
      title = value.trim() || null;
      // Keep the headline's words where they stand; blank only the "title:" label.
      text = text.slice(0, offset) + ' '.repeat(keyPart) + text.slice(offset + keyPart);
    } else {
      if (key.toLowerCase() === 'date') date = headerDate(value, warnings);
      else url = sourceUrl(value.trim(), warnings);
      text = text.slice(0, offset) + ' '.repeat(line.length) + text.slice(offset + line.length);
    }
    offset += line.length + 1;
  }
  const body = text.slice(offset);
  return { format: 'text', title: title ?? headline(body), url, text, warnings, ...NO_META, publishedAt: date ?? datelineDate(body) };
}

/** A `date:` line's date; one that is not a date (or has no year) is reported and left out. */
function headerDate(value: string, warnings: string[]): string | null {
  if (!value.trim()) return null;
  const date = publicationDate(value);
  if (!date) {
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value.trim());
    warnings.push(`its date ${shown} is not a date with a year, so no publication date was stored`);
  }
  return date;
}

/** An http(s) URL as given, or null with a warning: a `javascript:` source must never reach a link. */
function sourceUrl(value: string, warnings: string[]): string | null {
  if (!value) return null;
  if (httpUrl(value)) return value;
  const shown = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  warnings.push(`its source URL ${shown} is not an http(s) URL, so it was not stored`);
  return null;
}

/** Longest first line read as a headline; longer ones are the article's first paragraph. */
const HEADLINE_MAX = 150;

/**
 * Without a `title:` line, a short first line standing on its own is the headline, as in most saved
 * articles: readers then see "Tensions simmer as…" where they would see a file name. A line that runs
 * on into the article, or a dateline ("date 2024-01-31 (MENAFN) In a…"), is not one.
 */
function headline(body: string): string | null {
  const lines = body.split('\n');
  const index = lines.findIndex((l) => l.trim() !== '');
  if (index < 0 || index === lines.length - 1) return null;
  const line = lines[index]!.trim();
  if (line.length > HEADLINE_MAX || /^(date|by|posted|updated)\b/i.test(line)) return null;
  return line;
}

/** Longest title made from an article's lead. */
const LEAD_TITLE_MAX = 90;

/**
 * An article with no headline is titled by its lead's first sentence ("In a reported exchange during
 * high-profile discussions in California last November…"): a leading date line and an outlet's credit in
 * brackets are skipped, and a sentence longer than 90 characters is cut at a word, with "…".
 */
export function leadTitle(text: string): string | null {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  let lead = line
    .trim()
    .replace(/^date\s+\d{4}-\d{2}-\d{2}\s*/i, '')
    .replace(/^\([^)]{1,40}\)\s*[-–—]?\s*/, '')
    .trim();
  // The first sentence: a full stop after a small letter or a digit ("U.S. politics" goes on).
  const end = lead.search(/[\p{Ll}\d][.!?](?=\s|$)/u);
  if (end >= 0) lead = lead.slice(0, end + 2);
  if (!lead) return null;
  if (lead.length <= LEAD_TITLE_MAX) return lead;
  const cut = lead.slice(0, LEAD_TITLE_MAX + 1).replace(/\s+\S*$/, '');
  return `${cut.replace(/[,;:–—-]$/, '')}…`;
}

const FORMAT_NAMES: Record<ArticleFormat, string> = { text: 'text', markdown: 'Markdown', html: 'HTML' };

export interface ArticleSource {
  /** The format as a server said it (a fetched page's content type); else from the name and content. */
  format?: ArticleFormat;
  /** Where the content came from, for a canonical URL given relative to it. */
  pageUrl?: string;
}

/** Throws a BAD_INPUT AppError, naming the file, when its markup cannot be read. */
export function toArticle(fileName: string, content: string, source: ArticleSource = {}): Article {
  const article = readArticle(fileName, content, source);
  return article.title === null ? { ...article, title: leadTitle(article.text) } : article;
}

/**
 * Markdown's header lines (as plain text's) or a front matter block (`---` … `---`): read for the source,
 * title and date, and cut, since Markdown offsets are into the extracted text anyway.
 */
function markdownArticle(content: string): Article {
  const lines = content.split('\n');
  let end = 0;
  const fields = new Map<string, string>();
  const frontMatter = /^---\s*$/.test(lines[0] ?? '') ? lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l)) : -1;
  if (frontMatter > 0) {
    for (const line of lines.slice(1, frontMatter)) {
      const m = /^([A-Za-z_]+):[ \t]*(.*?)\s*$/.exec(line);
      if (m) fields.set(m[1]!.toLowerCase(), m[2]!.replace(/^(["'])(.*)\1$/, '$2'));
    }
    end = frontMatter + 1;
  } else {
    for (const line of lines) {
      const m = HEADER.exec(line.replace(/\r$/, ''));
      if (!m) break;
      fields.set(m[1]!.toLowerCase(), m[2]!.trim());
      end++;
    }
  }
  const warnings: string[] = [];
  const { title, text } = markdownToText(lines.slice(end).join('\n'));
  const source = fields.get('source') ?? fields.get('url');
  const date = fields.has('date') ? headerDate(fields.get('date')!, warnings) : undefined;
  return {
    format: 'markdown',
    title: fields.get('title') || title,
    url: source ? sourceUrl(source, warnings) : null,
    text,
    warnings,
    ...NO_META,
    publishedAt: date ?? datelineDate(text),
  };
}

function readArticle(fileName: string, content: string, source: ArticleSource): Article {
  const format = source.format ?? formatOf(fileName, content);
  try {
    if (format === 'html') {
      const page = readHtmlPage(content, source.pageUrl);
      return {
        format,
        title: page.title,
        url: page.url,
        text: page.text,
        warnings: [],
        publishedAt: page.publishedAt,
        byline: page.byline,
        siteName: page.siteName,
      };
    }
    if (format === 'markdown') return markdownArticle(content);
    return plainText(content);
  } catch (err) {
    // A parser's own limit is the file's doing: marked recurses once per level of nesting, and a
    // few thousand nested quotes or list items overflow the stack.
    const why = err instanceof RangeError ? 'it nests too deeply' : err instanceof Error ? err.message : String(err);
    throw new AppError('BAD_INPUT', `${fileName} skipped: its ${FORMAT_NAMES[format]} could not be read (${why}).`);
  }
}
