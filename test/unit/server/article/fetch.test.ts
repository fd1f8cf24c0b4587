/** Fetching pages: against a real HTTP server this test starts on 127.0.0.1, and the address rules on their own. */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { addressRefusal, parseAllow } from '../../../../server/article/address.js';
import { fetchArticle, isHttpUrl } from '../../../../server/article/fetch.js';
import type { ReadResult } from '../../../../server/article/read.js';

const PAGE = `<!doctype html><html><head><title>Quarry permit row | Upland Echo</title>
<meta property="og:title" content="Quarry permit row reaches the assembly">
<link rel="canonical" href="/2022/05/quarry-permit-row">
<meta property="article:published_time" content="2022-05-09T06:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav><article><h1>Quarry permit row reaches the assembly</h1>
<p>Assembly member Petra Linde asked on Monday why the Upland quarry permit was renewed without a public hearing, and the planning office said it would answer in writing.</p>
<p>The quarry's owner, Greyhill Aggregates, said every rule had been followed and that the renewal had been advertised in the county gazette in March.</p>
<p>Residents of Marlow Bend, who have complained about dust and blasting for two years, said they had never seen the notice and would ask for a review.</p>
</article><footer>© Upland Echo</footer></body></html>`;

describe('fetching an article', () => {
  let server: http.Server;
  let base = '';
  const allow = ['127.0.0.1'];
  const expectError = (r: ReadResult, code: string, message: RegExp) => {
    assert.ok(!r.ok, 'refused');
    assert.equal(r.error.code, code, r.error.message);
    assert.match(r.error.message, message);
  };

  before(async () => {
    server = http.createServer((req, res) => {
      const url = req.url ?? '/';
      if (url === '/page.html') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
      if (url === '/latin1.html') {
        return res
          .writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1', 'content-encoding': 'gzip' })
          .end(gzipSync(Buffer.from('<html><body><p>Caf\u00e9 owner J\u00fcrgen Ost was fined.</p></body></html>', 'latin1')));
      }
      if (url === '/note.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('date: 2022-05-10\n\nPetra Linde met Greyhill Aggregates.');
      if (url === '/moved') return res.writeHead(301, { location: '/page.html' }).end();
      if (url === '/to-private') return res.writeHead(302, { location: 'http://10.0.0.5/admin' }).end();
      if (url === '/to-metadata') return res.writeHead(307, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      if (url.startsWith('/loop')) return res.writeHead(302, { location: `/loop${Number(url.slice(5) || 0) + 1}` }).end();
      if (url === '/big') return res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(5000) }).end('x'.repeat(5000));
      if (url === '/big-chunked') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
        return res.end();
      }
      if (url === '/image.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      if (url === '/slow') {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><p>Half a page');
        return; // and never the rest
      }
      if (url === '/broken') return res.writeHead(500, { 'content-type': 'text/html' }).end('oops');
      res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not here.</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  it('reads an allowed page as its article: title, canonical URL, date; the file is the URL given', async () => {
    const result = await fetchArticle(`${base}/page.html`, { allow });
    assert.ok(result.ok, !result.ok ? result.error.message : '');
    assert.equal(result.file, `${base}/page.html`);
    assert.equal(result.article.format, 'html');
    assert.equal(result.article.title, 'Quarry permit row reaches the assembly');
    assert.equal(result.article.url, `${base}/2022/05/quarry-permit-row`);
    assert.equal(result.article.publishedAt, '2022-05-09T06:00:00.000Z');
    assert.match(result.article.text, /^Quarry permit row reaches the assembly\n\nAssembly member Petra Linde asked/);
    assert.doesNotMatch(result.article.text, /Home|©/);
  });

  it('follows a redirect, decompresses, decodes the charset the server names, and reads text with its date: line', async () => {
    const moved = await fetchArticle(`${base}/moved`, { allow });
    assert.ok(moved.ok && moved.article.title === 'Quarry permit row reaches the assembly');
    const latin1 = await fetchArticle(`${base}/latin1.html`, { allow });
    assert.ok(latin1.ok);
    assert.equal(latin1.article.text, 'Café owner Jürgen Ost was fined.');
    assert.equal(latin1.article.url, `${base}/latin1.html`, 'no canonical URL: where it was fetched from');
    const note = await fetchArticle(`${base}/note.txt`, { allow });
    assert.ok(note.ok);
    assert.deepEqual([note.article.format, note.article.publishedAt, note.article.url], ['text', '2022-05-10T00:00:00.000Z', `${base}/note.txt`]);
  });

  it('refuses the server itself without an allowlist, as a loopback address', async () => {
    expectError(
      await fetchArticle(`${base}/page.html`),
      'BAD_INPUT',
      /^http:\/\/127\.0\.0\.1:\d+\/page\.html is not fetched: it is a loopback address \(127\.0\.0\.1\); set NEWSGRAPH_FETCH_ALLOW to allow it\.$/,
    );
    // Through a name, judged on the address it resolves to.
    const port = new URL(base).port;
    expectError(await fetchArticle(`http://localhost:${port}/page.html`), 'BAD_INPUT', /localhost is a loopback address \((127\.0\.0\.1|::1)\)/);
    const byName = await fetchArticle(`http://localhost:${port}/page.html`, { allow: ['localhost'] });
    assert.ok(byName.ok, !byName.ok ? byName.error.message : '');
  });

  it('refuses a redirect to a private or link-local address, even from an allowed server', async () => {
    expectError(await fetchArticle(`${base}/to-private`, { allow }), 'BAD_INPUT', /to-private is not fetched: it is a private address \(10\.0\.0\.5\)/);
    expectError(await fetchArticle(`${base}/to-metadata`, { allow }), 'BAD_INPUT', /is a link-local address \(169\.254\.169\.254\)/);
    expectError(await fetchArticle(`${base}/loop0`, { allow }), 'FETCH_FAILED', /redirected more than 5 times/);
  });

  it('refuses a page over the size limit, whether it says so or not, and one that is not HTML or text', async () => {
    expectError(await fetchArticle(`${base}/big`, { allow, maxBytes: 4096 }), 'BAD_INPUT', /over the 0 MB limit for one article \(it says it is 0\.0 MB\)/);
    expectError(
      await fetchArticle(`${base}/big-chunked`, { allow, maxBytes: 4096 }),
      'BAD_INPUT',
      /over the 0 MB limit for one article \(it went on past that\)/,
    );
    expectError(await fetchArticle(`${base}/image.png`, { allow }), 'BAD_INPUT', /is not read: it is image\/png, not an HTML, text or Markdown article/);
  });

  it('gives up after the timeout, and names 404s and server errors', async () => {
    const started = performance.now();
    expectError(await fetchArticle(`${base}/slow`, { allow, timeoutMs: 300 }), 'FETCH_FAILED', /slow could not be fetched: no complete answer within 0\.3 s/);
    assert.ok(performance.now() - started < 5000);
    expectError(await fetchArticle(`${base}/missing`, { allow }), 'NOT_FOUND', /missing: the site answered 404, no such page/);
    expectError(await fetchArticle(`${base}/broken`, { allow }), 'FETCH_FAILED', /broken could not be fetched: the site answered 500/);
  });

  it('refuses what is not an http(s) URL, credentials in one, and literal addresses however they are written', async () => {
    expectError(await fetchArticle('ftp://example.org/a'), 'BAD_INPUT', /only http and https URLs are/);
    expectError(await fetchArticle('http://user:secret@example.org/'), 'BAD_INPUT', /user name or password/);
    expectError(await fetchArticle('http://2130706433/'), 'BAD_INPUT', /it is a loopback address \(127\.0\.0\.1\)/);
    expectError(await fetchArticle('http://[::1]/'), 'BAD_INPUT', /it is a loopback address \(::1\)/);
    expectError(await fetchArticle('http://[::ffff:10.0.0.1]/'), 'BAD_INPUT', /it is a private address/);
    expectError(await fetchArticle('http://0.0.0.0/'), 'BAD_INPUT', /it is the unspecified address \(0\.0\.0\.0\)/);
    expectError(await fetchArticle(`${base}/page.html`, { allow: ['not a host!'] }), 'BAD_CONFIG', /NEWSGRAPH_FETCH_ALLOW/);
    assert.ok(isHttpUrl('https://example.org/a?b=1') && isHttpUrl('HTTP://x') && !isHttpUrl('articles/a?.txt') && !isHttpUrl('file:///etc/passwd'));
  });
});

describe('which addresses may be fetched', () => {
  it('only public unicast ones, IPv4 written as IPv6 judged as IPv4', () => {
    const cases: [string, string | null][] = [
      ['10.0.0.5', 'a private address'],
      ['172.16.3.4', 'a private address'],
      ['172.32.0.1', null],
      ['192.168.1.1', 'a private address'],
      ['127.0.0.1', 'a loopback address'],
      ['127.255.0.9', 'a loopback address'],
      ['::1', 'a loopback address'],
      ['[::1]', 'a loopback address'],
      ['169.254.169.254', 'a link-local address'],
      ['fe80::1', 'a link-local address'],
      ['fe80::1%eth0', 'a link-local address'],
      ['fc00::1', 'a private (unique local) address'],
      ['fd12:3456::1', 'a private (unique local) address'],
      ['0.0.0.0', 'the unspecified address'],
      ['::', 'the unspecified address'],
      ['100.64.0.1', 'a shared (carrier-grade NAT) address'],
      ['224.0.0.1', 'a multicast address'],
      ['ff02::1', 'a multicast address'],
      ['255.255.255.255', 'the broadcast address'],
      ['::ffff:10.0.0.1', 'a private address'],
      ['::ffff:127.0.0.1', 'a loopback address'],
      ['::ffff:7f00:1', 'a loopback address'],
      ['192.0.2.1', 'a reserved address (reserved)'],
      ['93.184.215.14', null],
      ['2606:4700::1111', null],
      ['::ffff:93.184.215.14', null],
      ['2130706433', 'a loopback address'],
      ['0x7f000001', 'a loopback address'],
      ['example.org', 'not an IP address'],
    ];
    for (const [address, expected] of cases) assert.equal(addressRefusal(address), expected, address);
  });

  it('lets an allowlist open host names and networks, mapped IPv6 networks included', () => {
    const allow = parseAllow(['10.0.0.0/8', '::1', 'Intranet.Example', '::ffff:192.168.0.0/112']);
    assert.equal(addressRefusal('10.20.30.40', allow), null);
    assert.equal(addressRefusal('::ffff:10.1.1.1', allow), null);
    assert.equal(addressRefusal('::1', allow), null);
    assert.equal(addressRefusal('192.168.7.7', allow), null);
    assert.equal(addressRefusal('127.0.0.1', allow), 'a loopback address');
    assert.equal(addressRefusal('172.16.0.1', allow), 'a private address');
    assert.ok(allow.hosts.has('intranet.example'));
    assert.throws(() => parseAllow(['10.0.0.0/33']), /neither a host name nor an address or network/);
    assert.throws(() => parseAllow(['http://x']), /neither/);
  });
});
