/** HTML pages reduced to their article, with the page's own metadata. Invented pages and people throughout. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toArticle } from '../../../../server/article/article.js';
import { htmlToText } from '../../../../server/article/html.js';
import { MAX_READABLE_ELEMENTS, readHtmlPage } from '../../../../server/article/page.js';

const STORY = [
  'The chair of the Kestrel Valley harbour board, Ilse Varga, resigned on Monday after councillors questioned a dredging contract awarded to Brightwater Marine without a tender.',
  "Varga said in a statement that she had done nothing wrong but that the row had become a distraction for the board and for the town's fishing fleet.",
  "The council's audit committee, led by Tomas Reyl, said it would publish its review of the contract next month and call the board's finance director.",
  'Brightwater Marine denied any impropriety and said the contract had been priced below market rates because its dredgers were already in the estuary.',
];

/** A news page as sites serve them: everything around the story that readers skip. */
function newsPage(head: string, header = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Harbour board chair quits over dredging deal | Kestrel Valley Courier</title>${head}
<style>.cookie-banner{position:fixed}</style><script>window.dataLayer=[];</script></head><body>
<div class="cookie-banner" id="consent"><p>We use cookies to improve your experience on our site.</p><button>Cookie settings</button><button>Accept all</button></div>
<header class="masthead"><a href="/" class="logo">Kestrel Valley Courier</a>
<nav><ul><li><a href="/">Home</a> | </li><li><a href="/world">World</a> | </li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><header><h1>Harbour board chair quits over dredging deal</h1>
<p class="byline">By <a rel="author" href="/staff/mirela-tosk">Mirela Tosk</a></p>${header}</header>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this story</a></div>
${STORY.map((p) => `<p>${p}</p>`).join('\n')}
<aside class="related-links"><h3>More from the Courier</h3><ul><li><a href="/a">Council votes on ferry fares</a></li><li><a href="/b">Estuary dredging begins</a></li></ul></aside>
</article></main>
<footer><p>© 2023 Kestrel Valley Courier. All rights reserved.</p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></footer>
</body></html>`;
}

const FULL_HEAD = `
<meta property="og:title" content="Harbour board chair quits over dredging deal">
<meta property="og:site_name" content="Kestrel Valley Courier">
<link rel="canonical" href="/news/2023/11/harbour-chair-quits">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
  {"@type":"WebSite","name":"Courier","url":"https://courier.example/"},
  {"@type":["NewsArticle"],"headline":"Harbour board chair quits","datePublished":"2023-11-14T08:30:00+01:00",
   "author":[{"@type":"Person","name":"Mirela Tosk"},{"@type":"Person","name":"Owen Brack"}],
   "publisher":{"@type":"NewsMediaOrganization","name":"Kestrel Valley Courier"}}]}</script>`;

describe('an HTML page read as its article', () => {
  it('keeps only the story, in paragraphs, with its title, byline, site name, canonical URL and date', () => {
    const article = toArticle('courier.html', newsPage(FULL_HEAD), { pageUrl: 'https://courier.example/amp/12345?ref=home' });
    assert.equal(article.format, 'html');
    assert.equal(article.title, 'Harbour board chair quits over dredging deal');
    assert.equal(article.byline, 'Mirela Tosk, Owen Brack');
    assert.equal(article.siteName, 'Kestrel Valley Courier');
    assert.equal(article.url, 'https://courier.example/news/2023/11/harbour-chair-quits');
    assert.equal(article.publishedAt, '2023-11-14T07:30:00.000Z');
    assert.equal(article.text, ['Harbour board chair quits over dredging deal', ...STORY].join('\n\n'));
    for (const gone of ['Home', 'Sport', 'Cookie settings', 'cookies', 'Share on', 'More from', 'Council votes', 'All rights', 'Privacy', 'By Mirela']) {
      assert.ok(!article.text.includes(gone), `${gone} is still in the text`);
    }
  });

  it('reads the publication date from each place pages put it', () => {
    const cases: [string, string, string, string?][] = [
      ['article:published_time', '<meta property="article:published_time" content="2021-03-04T05:06:07Z">', '2021-03-04T05:06:07.000Z'],
      ['og:published_time', '<meta property="og:published_time" content="2021-03-04">', '2021-03-04T00:00:00.000Z'],
      [
        'JSON-LD datePublished (a top-level array)',
        '<script type="application/ld+json">[{"@type":"Organization","name":"X"},{"@type":"ReportageNewsArticle","datePublished":"2021-03-04T10:00:00-05:00"}]</script>',
        '2021-03-04T15:00:00.000Z',
      ],
      ['JSON-LD dateCreated', '<script type="application/ld+json">{"@type":"Article","dateCreated":"2021-03-04"}</script>', '2021-03-04T00:00:00.000Z'],
      ['<time datetime> in the article header', '', '2021-03-04T09:15:00.000Z', '<time datetime="2021-03-04T09:15">4 March 2021, 09:15</time>'],
      ['meta name=date', '<meta name="date" content="2021-03-04">', '2021-03-04T00:00:00.000Z'],
      ['meta DC.date.issued', '<meta name="DC.date.issued" content="Thu, 04 Mar 2021 12:00:00 GMT">', '2021-03-04T12:00:00.000Z'],
    ];
    for (const [where, head, expected, header] of cases) {
      assert.equal(toArticle('p.html', newsPage(head, header)).publishedAt, expected, where);
    }
    // The meta tag wins over JSON-LD, and JSON-LD over a <time> in the page.
    const all = `<meta property="article:published_time" content="2021-01-01"><script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-02-02"}</script>`;
    assert.equal(toArticle('p.html', newsPage(all, '<time datetime="2021-03-03">3 March</time>')).publishedAt, '2021-01-01T00:00:00.000Z');
    assert.equal(
      toArticle('p.html', newsPage(all.split('<script')[0]!.replace('article:published_time', 'x'), '<time datetime="2021-03-03">x</time>')).publishedAt,
      '2021-03-03T00:00:00.000Z',
    );
    // Nothing that is not a date with a year.
    for (const head of ['<meta property="article:published_time" content="yesterday">', '<meta name="date" content="March 4">', '']) {
      assert.equal(toArticle('p.html', newsPage(head)).publishedAt, null, head);
    }
    assert.equal(toArticle('p.html', newsPage('<script type="application/ld+json">{"@type":"NewsArticle", broken')).publishedAt, null);
  });

  it('takes only http(s) canonical URLs, resolved against the page, and og:url without one', () => {
    const url = (head: string, pageUrl?: string) => toArticle('p.html', newsPage(head), { pageUrl }).url;
    assert.equal(url('<link rel="canonical" href="javascript:alert(1)">', 'https://courier.example/x'), null);
    assert.equal(url('<link rel="canonical" href="/relative">'), null, 'a relative URL with no page to resolve it against');
    assert.equal(url('<link rel="canonical" href="/relative">', 'https://courier.example/a/b'), 'https://courier.example/relative');
    assert.equal(url('<meta property="og:url" content="https://courier.example/og">'), 'https://courier.example/og');
    assert.equal(url(''), null);
  });

  it('drops navigation, breadcrumbs, lists of links and "Read more" lines however the page marks them, and keeps lists of prose', () => {
    const body = STORY.map((p) => `<p>${p}</p>`).join('');
    const html = `<html><body><div class="navbar">Home | World | Sport | Business</div><article>
      <div class="breadcrumb"><a href="/">Home</a> › <a href="/world">World</a></div>${body}
      <ul><li>The permit ran for ten years.</li><li>It was first granted to Brightwater Marine in 2013.</li></ul>
      <p><a href="/x">Read more: Estuary dredging begins</a></p>
      <ul><li><a href="/1">Council votes on ferry fares</a></li><li><a href="/2">Harbour fees to rise</a></li></ul>
      <p class="share">Share this article</p></article><div id="cookie-popup">We value your privacy. <a href="#">Cookie settings</a></div></body></html>`;
    assert.equal(
      toArticle('p.html', html).text,
      [...STORY, 'The permit ran for ten years.', 'It was first granted to Brightwater Marine in 2013.'].join('\n\n'),
    );
  });

  it('takes the byline from the page when no metadata names the author', () => {
    const article = toArticle('p.html', newsPage(''));
    assert.equal(article.byline, 'Mirela Tosk');
    assert.equal(article.title, 'Harbour board chair quits over dredging deal');
    assert.equal(article.siteName, null);
  });

  it('falls back to the whole visible text when Readability finds no article: fragments, pages without <body>, huge pages', () => {
    assert.equal(toArticle('f.html', '<p>Ilse Varga met Tomas Reyl.</p><p>They talked.</p>').text, 'Ilse Varga met Tomas Reyl.\n\nThey talked.');
    assert.equal(toArticle('f.txt', '<!DOCTYPE html><p>Hi<script>x()</script></p>').text, 'Hi');
    const noBody = '<html><head><title>Short</title></head><h1>Short note</h1><p>Ilse Varga resigned.</p></html>';
    assert.deepEqual(
      { title: toArticle('n.html', noBody).title, text: toArticle('n.html', noBody).text },
      { title: 'Short note', text: 'Short note\n\nIlse Varga resigned.' },
    );
    const huge = `<html><body>${'<span></span>'.repeat(MAX_READABLE_ELEMENTS)}<p>Ilse Varga resigned.</p><nav>Home</nav></body></html>`;
    assert.equal(readHtmlPage(huge).text, 'Ilse Varga resigned.\n\nHome', 'read as before, nav and all');
  });

  it('reads a page nested 200,000 deep without building a DOM of it, as fast as the plain reading', { timeout: 60_000 }, () => {
    const depth = 200_000;
    const deep = `<html><head><meta property="article:published_time" content="2021-03-04"></head><body>${'<div>'.repeat(depth)}Ilse Varga resigned.${'</div>'.repeat(depth)}</body></html>`;
    let started = performance.now();
    const plain = htmlToText(deep);
    const plainMs = performance.now() - started;
    started = performance.now();
    const article = toArticle('deep.html', deep);
    const articleMs = performance.now() - started;
    assert.equal(article.text, plain.text);
    assert.equal(article.text, 'Ilse Varga resigned.');
    assert.ok(articleMs < plainMs * 3 + 200, `${articleMs.toFixed(0)} ms against ${plainMs.toFixed(0)} ms`);
  });
});
