/** Publication dates from metadata, `date:` lines and datelines; invented articles throughout. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toArticle } from '../../../../server/article/article.js';
import { datelineDate, publicationDate } from '../../../../server/article/dates.js';

describe('publication dates', () => {
  it('are UTC instants in toISOString form, a day alone at midnight, a time without a zone as UTC', () => {
    const cases: [string, string | null][] = [
      ['2024-01-31', '2024-01-31T00:00:00.000Z'],
      ['2024-01-31T10:00:00', '2024-01-31T10:00:00.000Z'],
      ['2024-01-31 10:00', '2024-01-31T10:00:00.000Z'],
      ['2024-01-31T10:00:00+05:30', '2024-01-31T04:30:00.000Z'],
      ['2024-01-31T23:30:00-0100', '2024-02-01T00:30:00.000Z'],
      ['2024-01-31T10:00:00.123456Z', '2024-01-31T10:00:00.123Z'],
      ['Tue, 19 Jul 2011 10:32:00 GMT', '2011-07-19T10:32:00.000Z'],
      ['July 19, 2011', '2011-07-19T00:00:00.000Z'],
      ['Oct 17', null],
      ['2024-02-31', null],
      ['0001-01-01T00:00:00Z', null],
      ['yesterday', null],
      ['', null],
    ];
    for (const [value, expected] of cases) assert.equal(publicationDate(value), expected, value);
    assert.equal(publicationDate(undefined), null);
  });

  it('read datelines at the head of an article, never a date in its story', () => {
    const cases: [string, string | null][] = [
      ['19 Jul 2011\n\nThe board met.', '2011-07-19T00:00:00.000Z'],
      ['Harbour chair quits\n\nJuly 19, 2011\n\nThe board met.', '2011-07-19T00:00:00.000Z'],
      ['2011-07-19\nThe board met.', '2011-07-19T00:00:00.000Z'],
      ['Tuesday 19 July 2011 10.32 BST\nThe board met.', '2011-07-19T09:32:00.000Z'],
      ['date 2024-01-31 (Valley Wire) In a statement, the board said…', '2024-01-31T00:00:00.000Z'],
      ['LONDON, July 19, 2011 (Reuters) - The board met on Tuesday.', '2011-07-19T00:00:00.000Z'],
      ['KESTREL BAY, Westmark, 3 March 2019 — The board met.', '2019-03-03T00:00:00.000Z'],
      ['Kestrel Bay, (Valley Wire / Coast News - 12th May, 2021 ) :The board met.', '2021-05-12T00:00:00.000Z'],
      ['Published: 5 March 2024\nThe board met.', '2024-03-05T00:00:00.000Z'],
      ['Updated: 5 March 2024\nThe board met.', null],
      ['PORT ELM, Oct 17 – The board met.', null],
      ['The board met last November, on 3 March 2019, and again later.', null],
      ['One\nTwo\nThree\nFour\n19 Jul 2011', null],
      ['', null],
    ];
    for (const [text, expected] of cases) assert.equal(datelineDate(text), expected, text);
  });

  it("come from a text file's date: line, blanked like the source line so offsets hold", () => {
    const content = 'source: https://valley.example/a\ntitle: Harbour chair quits\ndate: 2023-11-14\n\nIlse Varga resigned on Monday.';
    const article = toArticle('a.txt', content);
    assert.equal(article.publishedAt, '2023-11-14T00:00:00.000Z');
    assert.equal(article.text.length, content.length);
    assert.doesNotMatch(article.text, /date:|2023/);
    const at = content.indexOf('Ilse Varga');
    assert.equal(article.text.slice(at, at + 10), 'Ilse Varga');
    assert.equal(article.title, 'Harbour chair quits');
    assert.deepEqual(article.warnings, []);
  });

  it('take the date: line over a dateline, and warn about one that is no date', () => {
    assert.equal(toArticle('a.txt', 'date: 14 November 2023\n\n19 Jul 2011\nIlse Varga resigned.').publishedAt, '2023-11-14T00:00:00.000Z');
    const bad = toArticle('a.txt', 'date: last Tuesday\nIlse Varga resigned.');
    assert.equal(bad.publishedAt, null);
    assert.match(bad.warnings.join(), /its date "last Tuesday" is not a date with a year/);
    assert.equal(bad.text.trim(), 'Ilse Varga resigned.');
  });

  it('come from a dateline in a text file without a date: line, the text unchanged', () => {
    const content = 'title: Harbour chair quits\n\n14 Nov 2023\n\nIlse Varga resigned on Monday.';
    const article = toArticle('a.txt', content);
    assert.equal(article.publishedAt, '2023-11-14T00:00:00.000Z');
    assert.equal(article.text, content.replace('title:', '      '));
    assert.equal(toArticle('a.txt', 'Ilse Varga resigned last November.\nShe left in 2019.').publishedAt, null);
  });

  it('come from Markdown header lines, front matter or a dateline', () => {
    const lines = toArticle('a.md', 'source: https://valley.example/m\ndate: 2023-11-14\n\n# Harbour chair quits\n\nIlse **Varga** resigned.');
    assert.deepEqual(
      [lines.url, lines.publishedAt, lines.title, lines.text],
      ['https://valley.example/m', '2023-11-14T00:00:00.000Z', 'Harbour chair quits', 'Harbour chair quits\n\nIlse Varga resigned.'],
    );
    const front = toArticle('a.md', '---\ntitle: "Chair quits"\ndate: 2023-11-14T09:00:00Z\nlayout: post\n---\nIlse Varga resigned.');
    assert.deepEqual([front.title, front.publishedAt, front.text], ['Chair quits', '2023-11-14T09:00:00.000Z', 'Ilse Varga resigned.']);
    assert.equal(toArticle('a.md', '# Harbour chair quits\n\n*14 November 2023*\n\nIlse Varga resigned.').publishedAt, '2023-11-14T00:00:00.000Z');
  });
});
