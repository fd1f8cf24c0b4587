import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overlaps } from '../../../../client/src/graph/overlays.js';
import { insetsOf } from '../../../../client/src/layout/camera.js';

describe('overlays and labels', () => {
  it('tells overlapping boxes from touching or separate ones', () => {
    const a = { x: 0, y: 0, width: 10, height: 10 };
    assert.ok(overlaps(a, { x: 5, y: 5, width: 10, height: 10 }));
    assert.ok(!overlaps(a, { x: 10, y: 0, width: 5, height: 5 }), 'touching is not overlapping');
    assert.ok(!overlaps(a, { x: 0, y: 20, width: 5, height: 5 }));
  });

  it('keeps the sides the overlays take: the hint at the top, the toolbar and legend at the bottom, a tall panel its side', () => {
    const viewport = { width: 1000, height: 700 };
    const insets = insetsOf(
      [
        { x: 16, y: 12, width: 540, height: 64 },
        { x: 16, y: 650, width: 370, height: 36 },
        { x: 430, y: 655, width: 560, height: 32 },
        { x: 700, y: 0, width: 300, height: 600 },
      ],
      viewport,
    );
    assert.deepEqual(insets, { top: 76, right: 300, bottom: 50, left: 0 });
  });
});
