import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Timeline } from '../../../../common/time.js';
import {
  barHeights,
  brushBetween,
  brushOfRange,
  bucketAt,
  formatRange,
  keyMove,
  lastDayOf,
  linkInRange,
  moveHandle,
  parseRange,
  publishedLabel,
  rangeLabel,
  rangeOfBrush,
  seenLabel,
  seenOf,
} from '../../../../client/src/timeline/model.js';

const days: Timeline = {
  unit: 'day',
  buckets: ['2024-01-30', '2024-01-31', '2024-02-01', '2024-02-02', '2024-02-03'].map((date, i) => ({ date, documents: i, links: 2 * i })),
  undated: { documents: 1, links: 2 },
};
const months: Timeline = {
  unit: 'month',
  buckets: ['2023-12-01', '2024-01-01', '2024-02-01'].map((date) => ({ date, documents: 1, links: 1 })),
  undated: { documents: 0, links: 0 },
};

describe('timeline model', () => {
  it('turns a brush into whole days: a day bucket is its day, a month bucket all its days', () => {
    assert.deepEqual(rangeOfBrush(days, { start: 1, end: 3 }), { from: '2024-01-31', to: '2024-02-02' });
    assert.deepEqual(rangeOfBrush(months, { start: 1, end: 2 }), { from: '2024-01-01', to: '2024-02-29' });
    assert.equal(lastDayOf('2023-12-01', 'month'), '2023-12-31');
  });

  it('puts the brush where a range falls (off the buckets too), over everything without one', () => {
    assert.deepEqual(brushOfRange(days, null), { start: 0, end: 4 });
    assert.deepEqual(brushOfRange(days, { from: '2024-01-31', to: '2024-02-02' }), { start: 1, end: 3 });
    assert.deepEqual(brushOfRange(days, { from: '2020-01-01', to: '2030-01-01' }), { start: 0, end: 4 });
    assert.deepEqual(brushOfRange(months, { from: '2024-01-15', to: '2024-01-20' }), { start: 1, end: 1 });
  });

  it('drags either way, and moves a handle by keys without passing the other or the ends', () => {
    assert.deepEqual(brushBetween(3, 1), { start: 1, end: 3 });
    assert.deepEqual(moveHandle({ start: 1, end: 3 }, 'start', 1, 5), { start: 2, end: 3 });
    assert.deepEqual(moveHandle({ start: 1, end: 3 }, 'start', 5, 5), { start: 3, end: 3 }, 'not past the end handle');
    assert.deepEqual(moveHandle({ start: 1, end: 3 }, 'end', 9, 5), { start: 1, end: 4 }, 'not past the last bucket');
    assert.deepEqual(moveHandle({ start: 1, end: 3 }, 'start', -9, 5), { start: 0, end: 3 });
    const brush = { start: 1, end: 3 };
    assert.equal(keyMove('ArrowRight', 'start', brush, 5), 1);
    assert.equal(keyMove('ArrowLeft', 'end', brush, 5), -1);
    assert.equal(keyMove('Home', 'start', brush, 5), -1);
    assert.equal(keyMove('End', 'end', brush, 5), 1);
    assert.equal(keyMove('a', 'end', brush, 5), null);
    assert.equal(bucketAt(0, 100, 5), 0);
    assert.equal(bucketAt(99, 100, 5), 4);
    assert.equal(bucketAt(250, 100, 5), 4);
    assert.equal(bucketAt(-5, 100, 5), 0);
  });

  it('keeps a link when one of its evidence dates falls in the days, as the server does; undated links only without a range', () => {
    const feb = { from: '2024-02-01', to: '2024-02-29' };
    assert.ok(linkInRange(['2024-02-29T23:00:00.000Z'], feb));
    assert.ok(!linkInRange(['2024-01-10T00:00:00.000Z', '2024-03-05T00:00:00.000Z'], feb), 'January and March are not February');
    assert.ok(!linkInRange(undefined, feb));
    assert.ok(linkInRange(undefined, null));
  });

  it('reads and writes the range in the address, keeping the view beside it', () => {
    assert.deepEqual(parseRange('?focus=person:a&from=2024-02-01&to=2024-02-29'), { range: { from: '2024-02-01', to: '2024-02-29' }, problem: null });
    assert.deepEqual(parseRange('?focus=person:a'), { range: null, problem: null });
    assert.equal(parseRange('?from=2024-02-30').problem, 'from must be a day, YYYY-MM-DD');
    assert.equal(parseRange('?from=2024-03-01&to=2024-02-01').problem, 'from (2024-03-01) is after to (2024-02-01)');
    assert.deepEqual(parseRange('?from=2024-02-01').range, { from: '2024-02-01', to: '9999-12-31' });
    assert.equal(
      formatRange({ from: '2024-02-01', to: '2024-02-29' }, '?focus=person:a&expand=person:b'),
      '?focus=person:a&expand=person:b&from=2024-02-01&to=2024-02-29',
    );
    assert.equal(formatRange(null, '?focus=person:a&from=2024-02-01&to=2024-02-29'), '?focus=person:a');
    assert.equal(formatRange(null, '?from=2024-02-01'), '');
  });

  it('says dates in words', () => {
    assert.equal(rangeLabel({ from: '2024-02-01', to: '2024-02-29' }), '1 Feb – 29 Feb 2024');
    assert.equal(rangeLabel({ from: '2023-12-30', to: '2024-01-02' }), '30 Dec 2023 – 2 Jan 2024');
    assert.equal(rangeLabel({ from: '2024-02-01', to: '2024-02-01' }), '1 Feb 2024');
    assert.equal(publishedLabel('2024-02-14T00:00:00.000Z'), '14 Feb 2024');
    assert.equal(publishedLabel('2024-02-14T09:30:00.000Z'), '14 Feb 2024, 09:30 UTC');
    assert.equal(seenLabel('2024-01-10T00:00:00.000Z', '2024-03-05T00:00:00.000Z'), 'Reported from 10 Jan 2024 to 5 Mar 2024.');
    assert.equal(seenLabel('2024-01-10T00:00:00.000Z', '2024-01-10T08:00:00.000Z'), 'Reported on 10 Jan 2024.');
    assert.equal(seenLabel(undefined, undefined), 'No evidence document is dated.');
    const items = ['2024-03-05T00:00:00.000Z', null, '2024-01-10T00:00:00.000Z'].map((publishedAt) => ({ document: { publishedAt } }));
    assert.deepEqual(seenOf(items), { firstSeen: '2024-01-10T00:00:00.000Z', lastSeen: '2024-03-05T00:00:00.000Z' });
  });

  it('scales bars to the tallest, with anything at all at least 2 px', () => {
    assert.deepEqual(barHeights([0, 1, 100, 50], 40), [0, 2, 40, 20]);
    assert.deepEqual(barHeights([0, 0], 40), [0, 0]);
  });
});
