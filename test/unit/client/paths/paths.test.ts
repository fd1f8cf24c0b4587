import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EvidenceItem, Hop, PathsResult } from '../../../../common/api.js';
import {
  ask,
  changeName,
  choose,
  current,
  failure,
  focusOnOpen,
  highlightOf,
  hopText,
  intact,
  listing,
  MAX_HOPS,
  NO_ENDS,
  nothingFound,
  placeAlong,
  placementOf,
  step,
  typed,
  walk,
  type Shown,
} from '../../../../client/src/paths/model.js';

const hop = (edge: string, source: string, target: string, relType = 'MET'): Hop => ({ edge, relType, source, target, evidence: [] });
const names: Record<string, string> = { a: 'Antony Blinken', b: 'Wang Yi', c: 'Xi Jinping' };
const labelOf = (id: string) => names[id] ?? id;

describe('a path as the user reads it', () => {
  it('walks from the start whichever way each relationship points', () => {
    // a -MET-> b, then c -MET-> b: the walk goes a, b, c.
    const path = [hop('ab', 'a', 'b'), hop('cb', 'c', 'b')];
    assert.deepEqual(walk('a', path), ['a', 'b', 'c']);
    assert.deepEqual(walk('c', [...path].reverse()), ['c', 'b', 'a']);
    const { nodes, edges } = highlightOf('a', path);
    assert.deepEqual([...nodes], ['a', 'b', 'c']);
    assert.deepEqual([...edges], ['ab', 'cb']);
    assert.throws(() => walk('x', path), /does not touch x/);
  });

  it('words each hop in walking order, the arrow keeping the relationship’s direction', () => {
    assert.equal(hopText('a', hop('ab', 'a', 'b'), labelOf), 'Antony Blinken → met → Wang Yi');
    assert.equal(hopText('b', hop('cb', 'c', 'b', 'ACCUSED'), labelOf), 'Wang Yi ← accused ← Xi Jinping');
  });

  it('lays new nodes along the path between the ones already placed, and on past the last one', () => {
    const known = new Map([
      ['a', { x: 0, y: 0 }],
      ['d', { x: 30, y: 0 }],
    ]);
    const between = placeAlong(['a', 'b', 'c', 'd'], known);
    assert.deepEqual(Object.fromEntries(between), { b: { x: 10, y: 0 }, c: { x: 20, y: 0 } });

    const past = placeAlong(['a', 'd', 'e', 'f'], known, 5);
    assert.deepEqual(Object.fromEntries(past), { e: { x: 35, y: 0 }, f: { x: 40, y: 0 } }, 'on along the line a→d');
    const before = placeAlong(['e', 'a', 'd'], known, 5);
    assert.deepEqual(Object.fromEntries(before), { e: { x: -5, y: 0 } }, 'back along the line d→a');
    assert.equal(placeAlong(['a', 'd'], known).size, 0, 'nothing placed moves');
    const alone = placeAlong(['p', 'q'], new Map());
    assert.ok(
      [...alone.values()].every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)),
      'a path with no placed node still gets positions',
    );
  });
});

const blinken = { id: 'a', name: 'Antony Blinken' };
const wang = { id: 'b', name: 'Wang Yi' };
const xi = { id: 'c', name: 'Xi Jinping' };

describe('the paths form', () => {
  it('keeps an end chosen from the suggestions until its name is typed over', () => {
    const ends = choose(NO_ENDS, 'from', blinken);
    assert.deepEqual(ends, { from: blinken, to: null });
    assert.deepEqual(NO_ENDS, { from: null, to: null }, 'no change in place');
    assert.equal(typed(ends, 'from', 'Antony Blinken'), ends, 'the same name again');
    assert.deepEqual(typed(ends, 'from', 'Antony Blink'), NO_ENDS);
    assert.equal(typed(ends, 'to', 'Wang'), ends, 'nothing chosen there to drop');
  });

  it('asks for both ends, two different ones, and then sends the bound on hops', () => {
    assert.deepEqual(ask(NO_ENDS, 4), { problem: 'Choose From from the suggestions that appear as you type.', focus: 'from' });
    assert.deepEqual(ask(choose(NO_ENDS, 'to', wang), 4), { problem: 'Choose From from the suggestions that appear as you type.', focus: 'from' });
    assert.deepEqual(ask(choose(NO_ENDS, 'from', blinken), 4), { problem: 'Choose To from the suggestions that appear as you type.', focus: 'to' });
    const same = choose(choose(NO_ENDS, 'from', blinken), 'to', blinken);
    assert.deepEqual(ask(same, 4), { problem: 'From and To are the same entity: choose two different ones.', focus: null });
    const both = choose(choose(NO_ENDS, 'from', blinken), 'to', xi);
    assert.deepEqual(ask(both, 2), { query: { from: blinken, to: xi, maxHops: 2 } });
  });

  it('opens on the first field left to fill, else on Find', () => {
    assert.equal(focusOnOpen({ from: '', to: '' }), 'from');
    assert.equal(focusOnOpen({ from: '', to: 'Wang Yi' }), 'from');
    assert.equal(focusOnOpen({ from: 'Antony Blinken', to: '' }), 'to');
    assert.equal(focusOnOpen({ from: 'Antony Blinken', to: 'Wang Yi' }), 'find');
  });

  it('words a failed search and the undo step of a path brought onto the canvas', () => {
    assert.equal(failure({ from: blinken, to: xi, maxHops: 4 }, 'timed out'), 'Could not find a path from Antony Blinken to Xi Jinping: timed out');
    assert.equal(changeName(blinken, xi), 'Path Antony Blinken → Xi Jinping');
    assert.equal(changeName(blinken, xi, 0), 'Path Antony Blinken → Xi Jinping');
    assert.equal(changeName(blinken, xi, 2), 'Path Antony Blinken → Xi Jinping: 2 added');
  });
});

const evidence: EvidenceItem = { sentence: 'They met.', start: 0, end: 9, document: { id: 'd1', title: 'Talks', outlet: null, url: null, publishedAt: null } };
const node = (key: string, label: string, kind = 'Person') => ({ key, attributes: { label, labels: ['Entity', kind], kind, properties: {} } });
const edge = (key: string, source: string, target: string, documents: number, properties: Record<string, unknown> = {}) => ({
  key,
  source,
  target,
  attributes: { relType: 'MET', properties, corroboration: { documents, outlets: documents > 1 ? 2 : 1 } },
});

/** Two paths from Blinken to Xi: through Wang Yi (a hedged meeting, then a well-backed one), and through an allegation. */
const answer: PathsResult = {
  found: true,
  paths: [
    [{ ...hop('ab', 'a', 'b'), evidence: [evidence] }, hop('cb', 'c', 'b')],
    [hop('al', 'a', 'l', 'ALLEGES'), hop('lc', 'l', 'c', 'AGAINST')],
  ],
  graph: {
    attributes: {},
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: [node('a', 'Antony Blinken'), node('b', 'Wang Yi'), node('c', 'Xi Jinping'), node('l', 'x'.repeat(70), 'Allegation')],
    edges: [edge('ab', 'a', 'b', 1, { hedged: true }), edge('cb', 'c', 'b', 3), edge('al', 'a', 'l', 1)],
  },
};
const shown: Shown = { result: answer, from: blinken, to: xi, index: 0 };

describe('the shown path', () => {
  it('steps to the next and previous path, round from the last to the first', () => {
    assert.equal(step(shown, 1).index, 1);
    assert.equal(step(step(shown, 1), 1).index, 0);
    assert.equal(step(shown, -1).index, 1);
    assert.equal(shown.index, 0, 'no change in place');
    const { order, highlight } = current(step(shown, 1));
    assert.deepEqual(order, ['a', 'l', 'c']);
    assert.deepEqual([...highlight.edges], ['al', 'lc']);
  });

  it('lists the hops in words, marked hedged or alleged, with what backs each', () => {
    const first = listing(shown);
    assert.equal(first.title, 'Antony Blinken → Xi Jinping');
    assert.equal(first.count, '2 hops');
    assert.equal(first.position, 'Path 1 of 2');
    assert.deepEqual(first.hops, [
      { text: 'Antony Blinken → met → Wang Yi', tag: 'hedged', corroboration: 'single source', evidence: [evidence] },
      { text: 'Wang Yi ← met ← Xi Jinping', tag: null, corroboration: '3 documents, 2 outlets', evidence: [] },
    ]);
    const second = listing(step(shown, 1));
    assert.equal(second.position, 'Path 2 of 2');
    assert.deepEqual(
      second.hops.map((h) => [h.tag, h.corroboration]),
      [
        ['alleged', 'single source'],
        ['alleged', null],
      ],
      'a hop touching an allegation is alleged; a link missing from the answer has nothing to say on its backing',
    );
    assert.match(second.hops[0]!.text, /^Antony Blinken → alleges → x+…$/, 'a long label is cut');
    const one = listing({ ...shown, result: { ...answer, paths: [[hop('ab', 'a', 'b')]] }, to: wang });
    assert.equal(one.count, '1 hop');
    assert.equal(one.position, null, 'one path: nothing to step through');
  });

  it('says when no path was found, and offers the longest search while there is one', () => {
    assert.deepEqual(nothingFound({ from: blinken, to: xi, maxHops: 4 }), {
      title: 'No path within 4 hops',
      text: 'Antony Blinken and Xi Jinping are not linked through 4 hops or fewer in the graph.',
      widen: `Look up to ${MAX_HOPS} hops`,
    });
    assert.equal(nothingFound({ from: blinken, to: xi, maxHops: 1 }).title, 'No path within 1 hop');
    assert.equal(nothingFound({ from: blinken, to: xi, maxHops: MAX_HOPS }).widen, null);
  });
});

describe('a path on the canvas', () => {
  const canvasOf = (nodes: string[], edges: string[] = []) => ({ hasNode: (id: string) => nodes.includes(id), hasEdge: (id: string) => edges.includes(id) });

  it('replaces a canvas that holds neither end, merges beside an end that is there, and adds nothing already there', () => {
    const ends = { from: blinken, to: xi };
    assert.deepEqual(placementOf(answer, ends, canvasOf(['b'])), { how: 'replace' });
    assert.deepEqual(placementOf(answer, ends, canvasOf(['c'])), { how: 'merge', anchor: 'c' });
    assert.deepEqual(placementOf(answer, ends, canvasOf(['a', 'c'])), { how: 'merge', anchor: 'a' });
    const all = canvasOf(['a', 'b', 'c', 'l'], ['ab', 'cb', 'al']);
    assert.deepEqual(placementOf(answer, ends, all), { how: 'none' });
  });

  it('ends when a node or link it picks out leaves the canvas', () => {
    const { highlight } = current(shown);
    assert.equal(intact(highlight, canvasOf(['a', 'b', 'c'], ['ab', 'cb'])), true);
    assert.equal(intact(highlight, canvasOf(['a', 'b', 'c'], ['ab'])), false);
    assert.equal(intact(highlight, canvasOf(['a', 'c'], ['ab', 'cb'])), false);
  });
});
