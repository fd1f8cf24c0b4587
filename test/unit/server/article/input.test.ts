import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toArticle } from '../../../../server/article/article.js';
import { decodeText } from '../../../../server/article/decode.js';
import { flatHtmlText, htmlToText } from '../../../../server/article/html.js';
import { markdownToText } from '../../../../server/article/markdown.js';

describe('article text', () => {
  it('refuses binary and non-UTF-8 bytes, and drops a BOM', () => {
    assert.deepEqual(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), {
      ok: false,
      reason: 'it looks binary (it contains NUL bytes), not a text article',
    });
    const latin1 = decodeText(Buffer.from('Caf\xe9 au lait', 'latin1'));
    assert.equal(latin1.ok, false);
    assert.match(!latin1.ok ? latin1.reason : '', /not valid UTF-8/);
    assert.deepEqual(decodeText(Buffer.from('\ufeffWang Yi said', 'utf8')), { ok: true, text: 'Wang Yi said' });
  });

  it('keeps only the visible text of HTML', () => {
    const { title, text } = htmlToText(`<!doctype html><html><head><title>Page</title><style>p{color:red}</style>
      <script>var secret = "Vladimir Putin";</script></head><body><h1>Blinken in Beijing</h1>
      <p>Secretary <b>Blinken</b> met Wang&nbsp;Yi &amp; Chen Jining.</p><noscript>enable JS</noscript>
      <p>Beijing denied it.<img src=x onerror="alert(1)"></p></body></html>`);
    assert.equal(title, 'Blinken in Beijing');
    assert.equal(text, 'Blinken in Beijing\n\nSecretary Blinken met Wang Yi & Chen Jining.\n\nBeijing denied it.');
  });

  it('titles an HTML page by its headline, else its og:title, else its <title>, both readings alike', () => {
    const page = (body: string) =>
      `<html><head><title>Blinken meets Wang | The Daily Example</title><meta property="og:title" content="Blinken meets Wang &amp; Chen"></head><body>${body}</body></html>`;
    assert.equal(htmlToText(page('<h1>Blinken in Beijing</h1><p>Text.</p>')).title, 'Blinken in Beijing');
    assert.equal(htmlToText(page('<p>Text.</p>')).title, 'Blinken meets Wang & Chen');
    assert.equal(flatHtmlText(page('<p>Text.</p>')).title, 'Blinken meets Wang & Chen');
    assert.equal(htmlToText('<html><head><title>Blinken meets Wang</title></head><body><p>Text.</p></body></html>').title, 'Blinken meets Wang');
  });

  it('keeps the prose of Markdown, not its markup or link targets', () => {
    const { title, text } = markdownToText(
      '# Blinken in Beijing\n\nSecretary **Blinken** met [Wang Yi](https://example.org/wang).\n\n![photo](x.png)\n\n- Beijing _denied_ it.\n',
    );
    assert.equal(title, 'Blinken in Beijing');
    assert.equal(text, 'Blinken in Beijing\n\nSecretary Blinken met Wang Yi.\n\nBeijing denied it.');
  });

  it('takes a short first line of a plain-text article as its headline, and nothing else', () => {
    assert.equal(
      toArticle('a.txt', 'Tensions simmer over election claims.\nAccording to The Hill, Blinken met Wang Yi.').title,
      'Tensions simmer over election claims.',
    );
    assert.equal(toArticle('a.txt', '\n\nBlinken in Beijing\r\n\r\nBlinken met Wang Yi.').title, 'Blinken in Beijing');
  });

  it('titles an article without a headline by its lead: the first sentence, a date line and a credit skipped, cut at a word', () => {
    assert.equal(toArticle('a.txt', 'Blinken met Wang Yi in Beijing. They talked.').title, 'Blinken met Wang Yi in Beijing.', 'a one-line article');
    assert.equal(
      toArticle('a.txt', ` date 2024-01-31 (MENAFN) In a reported exchange, Biden asked Xi.\nmore`).title,
      'In a reported exchange, Biden asked Xi.',
    );
    assert.equal(toArticle('a.txt', 'The U.S. envoy met Wang Yi. Then he left.').title, 'The U.S. envoy met Wang Yi.', 'an abbreviation ends no sentence');
    const long = toArticle('a.txt', `${'word '.repeat(40)}\nmore`).title!;
    assert.ok(long.length <= 91 && long.endsWith('word…'), long);
    assert.equal(toArticle('a.txt', '   \n').title, null, 'no words, no title');
    assert.equal(toArticle('a.html', '<html><body><p>Blinken met Wang Yi.</p></body></html>').title, 'Blinken met Wang Yi.', 'HTML with no title or h1');
  });

  it('reads source and title lines of a plain-text article without moving offsets', () => {
    const content = 'source: https://example.org/a\ntitle: Blinken visits China\n\nBlinken met Wang Yi.';
    const article = toArticle('a.txt', content);
    assert.equal(article.url, 'https://example.org/a');
    assert.equal(article.title, 'Blinken visits China');
    assert.equal(article.text.length, content.length);
    assert.doesNotMatch(article.text, /example\.org|source:|title:/);
    const at = content.indexOf('Blinken met');
    assert.equal(article.text.slice(at, at + 20), 'Blinken met Wang Yi.');
    assert.equal(article.text.slice(content.indexOf('Blinken visits'), content.indexOf('Blinken visits') + 20), 'Blinken visits China');
  });

  it('refuses a source line that is not an http(s) URL, with a warning, and keeps the article', () => {
    for (const bad of [
      'javascript:alert(document.cookie)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:x',
      'example.org/no-scheme',
    ]) {
      const article = toArticle('a.txt', `source: ${bad}\nBlinken met Wang Yi.`);
      assert.equal(article.url, null, bad);
      assert.equal(article.warnings.length, 1, bad);
      assert.match(article.warnings[0]!, /its source URL ".*" is not an http\(s\) URL, so it was not stored/);
      assert.equal(article.text.trim(), 'Blinken met Wang Yi.', 'the line is blanked all the same');
    }
    for (const good of ['https://example.org/a?b=c#d', 'http://example.org']) {
      const article = toArticle('a.txt', `url: ${good}\nBlinken met Wang Yi.`);
      assert.equal(article.url, good);
      assert.deepEqual(article.warnings, []);
    }
  });

  it('treats HTML saved as .txt as HTML', () => {
    assert.equal(toArticle('page.txt', '<!DOCTYPE html><p>Hi<script>x()</script></p>').text, 'Hi');
  });
});
