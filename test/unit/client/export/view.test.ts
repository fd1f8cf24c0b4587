import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SerializedGraph } from '../../../../common/graph.js';
import { exportFileName } from '../../../../common/export.js';
import { positionsOf, visibleNodes } from '../../../../client/src/export/view.js';
import { viewGraphOf } from '../../../../client/src/graph/model.js';
import { ViewState } from '../../../../client/src/graph/state.js';

const node = (key: string, kind = 'Person') => ({ key, attributes: { label: key, labels: ['Entity', kind], kind, properties: { name: key } } });
const edge = (key: string, source: string, target: string) => ({ key, source, target, attributes: { relType: 'MET', properties: {} } });
const data = {
  attributes: {},
  options: { type: 'directed', multi: true, allowSelfLoops: true },
  nodes: [node('a'), node('b'), node('x', 'Place')],
  edges: [edge('ab', 'a', 'b'), edge('ax', 'a', 'x')],
} as unknown as SerializedGraph;

describe('the visible graph an export sends', () => {
  it('is the nodes the filters let through, in the graph’s order', () => {
    const graph = viewGraphOf(data);
    const state = new ViewState();
    assert.deepEqual(visibleNodes(graph, state), ['a', 'b', 'x']);
    state.nodeFilters.set('kind', (_g, _n, attrs) => attrs.kind !== 'Place');
    assert.deepEqual(visibleNodes(graph, state), ['a', 'b']);
    state.nodeFilters.set('none', () => false);
    assert.deepEqual(visibleNodes(graph, state), []);
  });

  it('carries each node’s layout in the graph’s coordinates, and nothing for a node without a position', () => {
    const graph = viewGraphOf(data);
    graph.mergeNodeAttributes('a', { x: 12.5, y: -3 });
    graph.mergeNodeAttributes('b', { x: Number.NaN });
    const positions = positionsOf(graph, ['a', 'b']);
    assert.deepEqual(positions, { a: [12.5, -3] });
    assert.deepEqual(Object.keys(positionsOf(graph, visibleNodes(graph, new ViewState()))).sort(), ['a', 'x']);
  });

  it('names image files by what and when, in local time, sortable', () => {
    const at = new Date(2025, 2, 4, 9, 5, 59);
    assert.equal(exportFileName({ kind: 'view' }, 'png', at), 'newsgraph-view-20250304-0905.png');
    assert.equal(exportFileName({ kind: 'view' }, 'svg', new Date(2024, 11, 31, 23, 59)), 'newsgraph-view-20241231-2359.svg');
  });
});
