import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGraphExport } from '../../common/export.js';
import type { SerializedGraph } from '../../common/graph.js';
import { exportFileName } from '../../common/export.js';
import { viewExport, visibleGraph } from '../../client/src/export/view.js';
import { viewGraphOf } from '../../client/src/graph/model.js';
import { ViewState } from '../../client/src/graph/state.js';

const node = (key: string, kind = 'Person') => ({ key, attributes: { label: key, labels: ['Entity', kind], kind, properties: { name: key }, hiddenNeighbours: 2 } });
const edge = (key: string, source: string, target: string) => ({ key, source, target, attributes: { relType: 'MET', properties: { evidence: 1 } } });
const data = {
  attributes: {},
  options: { type: 'directed', multi: true, allowSelfLoops: true },
  nodes: [node('a'), node('b'), node('x', 'Place')],
  edges: [edge('ab', 'a', 'b'), edge('ax', 'a', 'x'), edge('bx', 'b', 'x')],
} as unknown as SerializedGraph;

describe('exporting the view as JSON', () => {
  it('wraps the graph on show in the versioned newsgraph format, data as the API sent it plus positions', () => {
    const graph = viewGraphOf(data);
    graph.setNodeAttribute('a', 'fixed', true);
    const at = new Date('2025-03-14T09:30:00Z');
    const file = viewExport(graph, new ViewState(), at);
    assert.equal(file.format, 'newsgraph');
    assert.equal(file.version, 1);
    assert.equal(file.exportedAt, '2025-03-14T09:30:00.000Z');
    assert.deepEqual(file.scope, { kind: 'view' });
    assert.deepEqual(file.graph.options, { type: 'directed', multi: true, allowSelfLoops: true });
    assert.equal(file.graph.nodes.length, 3);
    const a = file.graph.nodes.find((n) => n.key === 'a')!;
    assert.deepEqual(Object.keys(a.attributes).sort(), ['hiddenNeighbours', 'kind', 'label', 'labels', 'properties', 'x', 'y']);
    assert.equal(a.attributes.x, graph.getNodeAttribute('a', 'x'));
    assert.deepEqual(a.attributes.properties, { name: 'a' });
    const ab = file.graph.edges.find((e) => e.key === 'ab')!;
    assert.deepEqual(ab, { key: 'ab', source: 'a', target: 'b', attributes: { relType: 'MET', properties: { evidence: 1 } } });
    assert.ok(isGraphExport(JSON.parse(JSON.stringify(file))), 'the file reads back as a newsgraph export');
    assert.equal(graph.getNodeAttribute('a', 'color').startsWith('#'), true, 'the canvas keeps its drawing attributes');
  });

  it('keeps only what the filters let through, and the links between what is kept', () => {
    const graph = viewGraphOf(data);
    const state = new ViewState();
    state.nodeFilters.set('kind', (_g, _n, attrs) => attrs.kind !== 'Place');
    const shown = visibleGraph(graph, state);
    assert.deepEqual(shown.nodes.map((n) => n.key).sort(), ['a', 'b']);
    assert.deepEqual(shown.edges.map((e) => e.key), ['ab']);
    state.nodeFilters.clear();
    state.edgeFilters.set('no-ab', (_g, key) => key !== 'ab');
    assert.deepEqual(visibleGraph(graph, state).edges.map((e) => e.key).sort(), ['ax', 'bx']);
  });

  it('refuses what is not a newsgraph export of a known version', () => {
    const file = viewExport(viewGraphOf(data), new ViewState());
    assert.equal(isGraphExport({ ...file, version: 2 }), false);
    assert.equal(isGraphExport({ ...file, format: 'other' }), false);
    assert.equal(isGraphExport(file.graph), false);
    assert.equal(isGraphExport(null), false);
  });

  it('names files by what and when, in local time, sortable', () => {
    const at = new Date(2025, 2, 4, 9, 5, 59);
    assert.equal(exportFileName({ kind: 'view' }, 'png', at), 'newsgraph-view-20250304-0905.png');
    assert.equal(exportFileName({ kind: 'view' }, 'json', new Date(2024, 11, 31, 23, 59)), 'newsgraph-view-20241231-2359.json');
  });
});
