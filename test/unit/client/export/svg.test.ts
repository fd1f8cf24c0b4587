import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';
import { escapeXml, viewToSvg, type SvgView } from '../../../../client/src/export/svg.js';

const SVG = 'http://www.w3.org/2000/svg';

/** Parses as a strict XML reader does: any error fails the test (warnings are xmldom's guesses about encodings). */
function parse(xml: string): Document {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'image/svg+xml');
}

const all = (doc: Document, tag: string): Element[] => Array.from(doc.getElementsByTagNameNS(SVG, tag));

const view: SvgView = {
  width: 800,
  height: 600,
  nodes: [
    { key: 'a', x: 100, y: 100, radius: 10, color: '#3b6fd8', label: 'Tom & Jerry <"the cat"> \'s' },
    { key: 'b', x: 300, y: 100, radius: 6, color: '#d8843b', label: '王毅 — Ōsaka, Москва, القاهرة' },
    { key: 'c', x: 200, y: 300, radius: 8, color: '#3ba55d', hidden: true, label: 'Hidden place' },
    { key: 'd', x: 400, y: 400, radius: 12, color: '#c23b5a', ring: '#1d2430' },
  ],
  edges: [
    { key: 'ab', source: 'a', target: 'b', color: '#c5c9d2', width: 1.7, arrow: true },
    { key: 'ac', source: 'a', target: 'c', color: '#c5c9d2', width: 1.7 },
    { key: 'bd', source: 'b', target: 'd', color: '#d99aaa', width: 2, dashed: true },
    { key: 'ad', source: 'a', target: 'd', color: '#c5c9d2', width: 1.7, hidden: true },
  ],
};

describe('the view as SVG', () => {
  it('is a standalone SVG document the canvas’s size, on white', () => {
    const doc = parse(viewToSvg(view));
    const root = doc.documentElement!;
    assert.equal(root.namespaceURI, SVG);
    assert.equal(root.getAttribute('width'), '800');
    assert.equal(root.getAttribute('height'), '600');
    assert.equal(root.getAttribute('viewBox'), '0 0 800 600');
    assert.equal(all(doc, 'rect')[0]!.getAttribute('fill'), '#ffffff');
  });

  it('draws one circle per visible node at its place, and leaves hidden nodes and their links out', () => {
    const doc = parse(viewToSvg(view));
    const circles = all(doc, 'circle').filter((c) => c.getAttribute('class') === 'node');
    assert.equal(circles.length, 3);
    assert.deepEqual(
      circles.map((c) => [c.getAttribute('cx'), c.getAttribute('cy'), c.getAttribute('fill')]),
      [
        ['100', '100', '#3b6fd8'],
        ['300', '100', '#d8843b'],
        ['400', '400', '#c23b5a'],
      ],
    );
    assert.equal(circles[0]!.getAttribute('r'), '10');
    const texts = all(doc, 'text').map((t) => t.textContent);
    assert.ok(!texts.includes('Hidden place'));
    // a–b and b–d: a–c ends at a hidden node, a–d is hidden itself.
    const lines = all(doc, 'line');
    assert.equal(lines.length, 2);
    assert.equal(lines[1]!.getAttribute('stroke'), '#d99aaa');
    assert.ok(lines[1]!.getAttribute('stroke-dasharray'), 'a dashed link stays dashed');
    assert.equal(lines[0]!.getAttribute('stroke-dasharray'), null);
  });

  it('ends an arrow at the edge of its target, and rings a pinned node', () => {
    const doc = parse(viewToSvg(view));
    const [arrow] = all(doc, 'polygon');
    assert.ok(arrow, 'an arrowhead');
    const tip = arrow.getAttribute('points')!.split(' ')[0]!.split(',').map(Number);
    assert.deepEqual(tip, [294, 100], 'the tip touches b, radius 6 left of its centre');
    assert.equal(Number(all(doc, 'line')[0]!.getAttribute('x2')), 294 - 1.7 * 2.5, 'the line stops where the head begins');
    const ring = all(doc, 'circle').find((c) => c.getAttribute('class') === 'ring')!;
    assert.equal(ring.getAttribute('stroke'), '#1d2430');
    assert.ok(
      Number(
        all(doc, 'circle')
          .find((c) => c.getAttribute('cx') === '400' && c.getAttribute('class') === 'node')!
          .getAttribute('r'),
      ) < 12,
    );
  });

  it('escapes markup in labels, and keeps labels in any script as they are', () => {
    const xml = viewToSvg(view);
    assert.ok(!xml.includes('<"the cat">'), 'no raw markup');
    assert.match(xml, /Tom &amp; Jerry &lt;&quot;the cat&quot;&gt; &apos;s/);
    const texts = all(parse(xml), 'text').map((t) => t.textContent);
    assert.deepEqual(texts, ['Tom & Jerry <"the cat"> \'s', '王毅 — Ōsaka, Москва, القاهرة']);
    const label = all(parse(xml), 'text')[0]!;
    assert.equal(label.getAttribute('x'), String(100 + 10 + 3), 'beside the node, as sigma writes it');
  });

  it('replaces what XML cannot hold and refuses colours that are not colours', () => {
    assert.equal(escapeXml('a\u0000b\u0007c\ud800d'), 'a\ufffdb\ufffdc\ufffdd');
    assert.equal(escapeXml('😀'), '😀', 'a surrogate pair is one character, kept');
    const odd: SvgView = {
      width: 10,
      height: 10,
      nodes: [{ key: 'x', x: 1, y: 1, radius: 1, color: '"/><script>alert(1)</script>', label: 'bell\u0007' }],
      edges: [],
    };
    const doc = parse(viewToSvg(odd));
    assert.equal(all(doc, 'script').length, 0);
    assert.equal(all(doc, 'circle')[0]!.getAttribute('fill'), '#6b7280');
    assert.equal(all(doc, 'text')[0]!.textContent, 'bell\ufffd');
  });

  it('writes numbers SVG reads, even from a degenerate view', () => {
    const xml = viewToSvg({
      width: 100.456,
      height: 50,
      nodes: [{ key: 'n', x: Number.NaN, y: 1 / 3, radius: 4, color: '#000' }],
      edges: [{ key: 'self', source: 'n', target: 'n', color: '#000', width: 1 }],
    });
    const doc = parse(xml);
    assert.equal(doc.documentElement!.getAttribute('width'), '100.46');
    assert.equal(all(doc, 'circle')[0]!.getAttribute('cx'), '0');
    assert.equal(all(doc, 'circle')[0]!.getAttribute('cy'), '0.33');
    assert.equal(all(doc, 'line').length, 0, 'a self-loop has no length to draw');
  });
});
