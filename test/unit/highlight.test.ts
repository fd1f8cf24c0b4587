import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SerializedGraph } from '../../common/graph.js';
import { ALLEGED_EDGE, edgeStyle, FADED, nodeStyle } from '../../client/src/graph/highlight.js';
import { viewGraphOf } from '../../client/src/graph/model.js';

const node = (key: string, kind = 'Person') => ({ key, attributes: { label: key, labels: ['Entity', kind], kind, properties: {} } });
const edge = (key: string, source: string, target: string, properties: Record<string, unknown> = {}) => ({ key, source, target, attributes: { relType: 'MET', properties } });
const graph = viewGraphOf({
  attributes: {},
  options: { type: 'directed', multi: true, allowSelfLoops: true },
  nodes: [node('a'), node('b'), node('c'), node('x', 'Allegation')],
  edges: [edge('ab', 'a', 'b'), edge('bc', 'b', 'c', { hedged: true }), edge('ax', 'a', 'x')],
} as unknown as SerializedGraph);

describe('hover and allegation styling (sigma reducers)', () => {
  it('keeps the hovered node and its neighbours, fades the rest, and hides links away from it', () => {
    assert.notEqual(nodeStyle(graph, 'b', graph.getNodeAttributes('b'), 'a').color, FADED);
    const far = nodeStyle(graph, 'c', graph.getNodeAttributes('c'), 'a');
    assert.equal(far.color, FADED);
    assert.equal(far.label, '');
    assert.equal(edgeStyle(graph, 'bc', graph.getEdgeAttributes('bc'), 'a').hidden, true);
    assert.notEqual(edgeStyle(graph, 'ab', graph.getEdgeAttributes('ab'), 'a').hidden, true);
    assert.equal(graph.getNodeAttribute('c', 'color') === FADED, false, 'the data itself is not changed');
  });

  it('draws hedged links and links of allegations apart from reported facts', () => {
    assert.equal(edgeStyle(graph, 'bc', graph.getEdgeAttributes('bc'), null).color, ALLEGED_EDGE);
    assert.equal(edgeStyle(graph, 'ax', graph.getEdgeAttributes('ax'), null).color, ALLEGED_EDGE);
    assert.notEqual(edgeStyle(graph, 'ab', graph.getEdgeAttributes('ab'), null).color, ALLEGED_EDGE);
  });
});
