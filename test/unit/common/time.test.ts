import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateInRange, isDay, rangeBound, someDateInRange, timeRange } from '../../../common/time.js';
import { narrowGraph } from '../../../server/graph/time.js';
import type { SerializedGraph } from '../../../common/graph.js';

describe('time ranges', () => {
  it('takes a day as the whole of it in UTC, a datetime as that instant', () => {
    assert.equal(rangeBound('2024-02-01', 'from'), '2024-02-01T00:00:00.000Z');
    assert.equal(rangeBound('2024-02-29', 'to'), '2024-02-29T23:59:59.999Z');
    assert.equal(rangeBound('2024-02-14T10:00:00+02:00', 'from'), '2024-02-14T08:00:00.000Z');
    assert.equal(rangeBound('2024-02-14T10:00:00.5Z', 'to'), '2024-02-14T10:00:00.500Z');
    assert.equal(rangeBound('9999-12-31T23:00:00-05:00', 'to'), '9999-12-31T23:59:59.999Z', 'past year 9999 is at its end');
  });

  it('refuses what is not a date', () => {
    for (const bad of ['2024-02-30', '2023-02-29', '2024-13-01', 'yesterday', '2024-2-1', '2024-02-01T10:00:00', ''])
      assert.equal(rangeBound(bad, 'from'), null, bad);
    assert.ok(isDay('2024-02-29'));
    assert.equal(timeRange('2024-02-01', 'nope'), null);
    assert.deepEqual(timeRange(undefined, '2024-02-01'), { from: null, to: '2024-02-01T23:59:59.999Z' });
  });

  it('keeps a link when one of its evidence dates is inside; an undated one is outside any range set', () => {
    const feb = timeRange('2024-02-01', '2024-02-29')!;
    assert.ok(someDateInRange(['2024-01-10T00:00:00.000Z', '2024-02-29T23:00:00.000Z'], feb));
    assert.ok(!someDateInRange(['2024-01-10T00:00:00.000Z', '2024-03-05T00:00:00.000Z'], feb), 'January and March are not February');
    assert.ok(!someDateInRange(undefined, feb));
    assert.ok(someDateInRange(undefined, { from: null, to: null }), 'no range keeps everything');
    assert.ok(!dateInRange(null, { from: '2024-01-01T00:00:00.000Z', to: null }));
  });

  it('narrows a graph already cut to the links in range, their ends and the documents published in it', () => {
    const node = (key: string, kind = 'Person', properties: Record<string, unknown> = {}) => ({
      key,
      attributes: { label: key, labels: [kind], kind, properties },
    });
    const edge = (key: string, source: string, target: string, evidenceDates?: string[]) => ({
      key,
      source,
      target,
      attributes: { relType: 'MET', properties: {}, corroboration: { documents: 1, outlets: 0 }, ...(evidenceDates ? { evidenceDates } : {}) },
    });
    const graph: SerializedGraph = {
      attributes: {},
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      nodes: [node('a'), node('b'), node('c'), node('d'), node('doc:feb', 'Document', { publishedAt: '2024-02-02T00:00:00.000Z' }), node('doc:x', 'Document')],
      edges: [edge('1', 'a', 'b', ['2024-02-10T00:00:00.000Z']), edge('2', 'b', 'c', ['2024-03-10T00:00:00.000Z']), edge('3', 'c', 'd')],
    };
    const narrowed = narrowGraph(graph, timeRange('2024-02-01', '2024-02-29'));
    assert.deepEqual(
      narrowed.nodes.map((n) => n.key),
      ['a', 'b', 'doc:feb'],
    );
    assert.deepEqual(
      narrowed.edges.map((e) => e.key),
      ['1'],
    );
    assert.equal(narrowGraph(graph, null), graph);
  });
});
