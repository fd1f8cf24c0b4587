import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SerializedGraph } from '../../../../common/graph.js';
import { communityColor, edgeWidth } from '../../../../client/src/graph/appearance.js';
import { ALLEGED_EDGE, CLAIM_NODE_TYPE, edgeStyle, FADED, HIGHLIGHT_EDGE, nodeStyle } from '../../../../client/src/graph/highlight.js';
import { KIND_COLORS } from '../../../../client/src/graph/style.js';
import { viewGraphOf } from '../../../../client/src/graph/model.js';
import { ViewState } from '../../../../client/src/graph/state.js';

const node = (key: string, kind = 'Person') => ({ key, attributes: { label: key, labels: ['Entity', kind], kind, properties: {} } });
const edge = (key: string, source: string, target: string, properties: Record<string, unknown> = {}) => ({
  key,
  source,
  target,
  attributes: { relType: 'MET', properties },
});
const graph = viewGraphOf({
  attributes: {},
  options: { type: 'directed', multi: true, allowSelfLoops: true },
  nodes: [node('a'), node('b'), node('c'), node('x', 'Allegation')],
  edges: [edge('ab', 'a', 'b'), edge('bc', 'b', 'c', { hedged: true }), edge('ax', 'a', 'x')],
} as unknown as SerializedGraph);

const hovering = (node: string | null) => Object.assign(new ViewState(), { hovered: node });

describe('hover and allegation styling (sigma reducers)', () => {
  it('keeps the hovered node and its neighbours, fades the rest, and hides links away from it', () => {
    assert.notEqual(nodeStyle(graph, 'b', graph.getNodeAttributes('b'), hovering('a')).color, FADED);
    const far = nodeStyle(graph, 'c', graph.getNodeAttributes('c'), hovering('a'));
    assert.equal(far.color, FADED);
    assert.equal(far.label, '');
    assert.equal(edgeStyle(graph, 'bc', graph.getEdgeAttributes('bc'), hovering('a')).hidden, true);
    assert.notEqual(edgeStyle(graph, 'ab', graph.getEdgeAttributes('ab'), hovering('a')).hidden, true);
    assert.equal(graph.getNodeAttribute('c', 'color') === FADED, false, 'the data itself is not changed');
  });

  it('draws hedged links and links of allegations apart from reported facts', () => {
    assert.equal(edgeStyle(graph, 'bc', graph.getEdgeAttributes('bc'), hovering(null)).color, ALLEGED_EDGE);
    assert.equal(edgeStyle(graph, 'ax', graph.getEdgeAttributes('ax'), hovering(null)).color, ALLEGED_EDGE);
    assert.notEqual(edgeStyle(graph, 'ab', graph.getEdgeAttributes('ab'), hovering(null)).color, ALLEGED_EDGE);
  });

  it('hides what a filter leaves out, and the links of hidden nodes', () => {
    const state = new ViewState();
    state.nodeFilters.set('kind', (_g, _n, data) => data.kind !== 'Allegation');
    assert.equal(nodeStyle(graph, 'x', graph.getNodeAttributes('x'), state).hidden, true);
    assert.notEqual(nodeStyle(graph, 'a', graph.getNodeAttributes('a'), state).hidden, true);
    assert.equal(edgeStyle(graph, 'ax', graph.getEdgeAttributes('ax'), state).hidden, true);
    state.edgeFilters.set('type', (_g, _e, data) => data.relType !== 'MET');
    assert.equal(edgeStyle(graph, 'ab', graph.getEdgeAttributes('ab'), state).hidden, true);
  });

  it('fades everything but a highlighted path', () => {
    const state = Object.assign(new ViewState(), { highlight: { nodes: new Set(['a', 'b']), edges: new Set(['ab']) } });
    assert.equal(nodeStyle(graph, 'a', graph.getNodeAttributes('a'), state).highlighted, true);
    assert.equal(nodeStyle(graph, 'c', graph.getNodeAttributes('c'), state).color, FADED);
    assert.equal(edgeStyle(graph, 'ab', graph.getEdgeAttributes('ab'), state).color, HIGHLIGHT_EDGE);
    assert.equal(edgeStyle(graph, 'bc', graph.getEdgeAttributes('bc'), state).color, FADED);
  });
});

describe('styling by attribute (appearance.ts through the reducers)', () => {
  const styled = (appearance: Partial<ViewState['appearance']>) =>
    Object.assign(new ViewState(), { appearance: { ...new ViewState().appearance, ...appearance } });

  it('draws an allegation as a ring, by shape and not by colour alone', () => {
    assert.equal(nodeStyle(graph, 'x', graph.getNodeAttributes('x'), new ViewState()).type, CLAIM_NODE_TYPE);
    assert.equal(nodeStyle(graph, 'a', graph.getNodeAttributes('a'), new ViewState()).type, undefined);
  });

  it('colours by community when asked, the two ends of a lone link alike', () => {
    const state = styled({ color: 'community' });
    const colour = (n: string) => nodeStyle(graph, n, graph.getNodeAttributes(n), state).color;
    assert.equal(colour('b'), colour('c'));
    assert.equal(colour('a'), communityColor(state.communities(graph).get('a')));
    assert.equal(nodeStyle(graph, 'a', graph.getNodeAttributes('a'), styled({ color: 'kind' })).color, KIND_COLORS.Person);
  });

  it('sizes by centrality, the most central node largest, and a link by the documents behind it', () => {
    const state = styled({ size: 'centrality' });
    const size = (n: string) => nodeStyle(graph, n, graph.getNodeAttributes(n), state).size!;
    assert.ok(size('a') > size('x') && size('b') > size('c'));
    const wide = { ...graph.getEdgeAttributes('ab'), corroboration: { documents: 4, outlets: 2 } };
    assert.equal(edgeStyle(graph, 'ab', wide, styled({ width: 'corroboration' })).size, edgeWidth(wide.corroboration, 'corroboration'));
    assert.ok(edgeWidth({ documents: 4, outlets: 2 }, 'corroboration') > edgeWidth({ documents: 1, outlets: 1 }, 'corroboration'));
    assert.equal(edgeStyle(graph, 'ab', wide, styled({ width: 'uniform' })).size, 1);
  });
});
