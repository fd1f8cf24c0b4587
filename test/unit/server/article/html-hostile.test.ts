/**
 * Deeply nested HTML: htmlparser2 pays the depth on every tag, so 200,000 nested <div>s took 32 s.
 * Timings are compared with a flat page of the same size on the same machine, not with a clock budget.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flatHtmlText, htmlToText, MAX_HTML_DEPTH } from '../../../../server/article/html.js';

const nested = (depth: number, inner = 'Antony Blinken met Wang Yi.') => `${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}`;

function millis(f: () => unknown): number {
  const started = performance.now();
  f();
  return performance.now() - started;
}

const PAGE = `<!doctype html><html><head><title>Page</title><style>p{color:red}</style>
  <script>var secret = "Vladimir Putin";</script></head><body><h1>Blinken in Beijing</h1>
  <p>Secretary <b>Blinken</b> met Wang&nbsp;Yi &amp; Chen Jining.</p><noscript>enable JS</noscript><svg><text>Xi</text></svg><svg/>
  <p>Beijing denied it.<img src=x onerror="alert(1)"><br>Later that day&hellip;</p><ul><li>One</li><li>Two</li></ul></body></html>`;

describe('deeply nested HTML', () => {
  it('costs no more for 200,000 nested <div>s than for a flat page of the same size', { timeout: 120_000 }, () => {
    const depth = 200_000;
    const flat = `${'<div></div>'.repeat(depth)}Antony Blinken met Wang Yi.`;
    htmlToText(flat); // warm up
    const flatMs = millis(() => htmlToText(flat));
    let text = '';
    const deepMs = millis(() => (text = htmlToText(nested(depth)).text));
    assert.equal(text, 'Antony Blinken met Wang Yi.');
    assert.ok(deepMs < 5 * flatMs + 50, `nested ${deepMs.toFixed(0)} ms against flat ${flatMs.toFixed(0)} ms`);
  });

  it(`reads past ${MAX_HTML_DEPTH} levels the same visible text, title and hidden parts as within them`, () => {
    const expected = htmlToText(PAGE);
    assert.equal(expected.text, 'Blinken in Beijing\n\nSecretary Blinken met Wang Yi & Chen Jining.\n\nBeijing denied it.\n\nLater that day…\n\nOne\n\nTwo');
    assert.deepEqual(flatHtmlText(PAGE), expected);
    const deep = htmlToText(nested(MAX_HTML_DEPTH + 1, `<script>Putin()</script><h1>Deep</h1><p>Wang Yi</p>`));
    assert.deepEqual(deep, { title: 'Deep', text: 'Deep\n\nWang Yi' });
    const unclosedHead = htmlToText(`<html><head><title>T</title>${'<div>'.repeat(MAX_HTML_DEPTH)}<body><p>Wang Yi`);
    assert.equal(unclosedHead.text, 'Wang Yi', 'a <body> ends an unclosed <head>');
  });

  it('keeps the paragraphs of a long list of unclosed <li><p> items, which htmlparser2 nests', () => {
    const items = 5 * MAX_HTML_DEPTH;
    const text = htmlToText(`<ul>${'<li><p>Wang Yi'.repeat(items)}</ul>`).text;
    assert.equal(text.split('\n\n').length, items);
  });
});
