import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hop } from '../../../../common/api.js';
import { frame, highlightOf, hopText, placeAlong, walk } from '../../../../client/src/paths/model.js';

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

  it('frames the path: its centre, zoomed in but never closer than the limit nor further than the whole graph', () => {
    const f = frame([
      { x: 0.2, y: 0.4 },
      { x: 0.4, y: 0.5 },
    ]);
    assert.ok(Math.abs(f.x - 0.3) < 1e-9 && Math.abs(f.y - 0.45) < 1e-9);
    assert.ok(f.ratio > 0.2 && f.ratio < 1);
    assert.equal(frame([{ x: 0.5, y: 0.5 }]).ratio, 0.15);
    assert.equal(
      frame([
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ]).ratio,
      1,
    );
  });
});
