/** The invented articles the upload tests send: three files of three formats, and a news page as sites serve it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/paths.js';

const FIXTURES = path.join(PROJECT_ROOT, 'test/fixtures/upload');
const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/** Three articles, as file name → text, that name Alma Ricci, Tomas Berg, Ines Duarte and Petra Lindqvist. */
export const THREE_ARTICLES: Record<string, string> = Object.fromEntries(['harbour.txt', 'mayor.md', 'council.html'].map((n) => [n, read(n)]));

/**
 * A news page with navigation, a cookie banner, share buttons and a footer around the article, its date
 * (2025-03-14T09:30Z), author (Nadia Clarke) and canonical URL (https://coastline.example/news/port-strike-ends) in its head.
 */
export const NEWS_PAGE = read('port-strike.html');

/** What a page's chrome says, none of which may be left in the article's text. */
export const PAGE_CHROME = ['Home', 'Sport', 'Cookie settings', 'Accept all', 'Share on', 'All rights reserved'];
