import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SerializedGraph } from '../../../../common/graph.js';
import { collapseLeaves, mergeNeighbourhood } from '../../../../client/src/graph/expand.js';
import { viewGraphOf } from '../../../../client/src/graph/model.js';
import { badgeLabel, hiddenCount, LABEL_MAX, withBadge } from '../../../../client/src/graph/badge.js';
import { combinePages, nextOffset, pageOffset } from '../../../../client/src/paging/pages.js';

const node = (key: string, extra: Record<string, unknown> = {}, kind = 'Person') => ({
  key,
  attributes: { label: key, labels: ['Entity', kind], kind, properties: {}, ...extra },
});
const edge = (key: string, source: string, target: string) => ({ key, source, target, attributes: { relType: 'MET', properties: {} } });
const graphOf = (nodes: ReturnType<typeof node>[], edges: ReturnType<typeof edge>[], attributes: Record<string, unknown> = {}): SerializedGraph =>
  ({ attributes, options: { type: 'directed', multi: true, allowSelfLoops: true }, nodes, edges }) as unknown as SerializedGraph;

describe('the "+N" badge', () => {
  it('counts the neighbours not on the canvas, and follows merges and collapses', () => {
    // a has 5 neighbours; the first page brought b and c, twice linked to b.
    const graph = viewGraphOf(
      graphOf(
        [node('a', { neighbourCount: 5, hiddenNeighbours: 3 }), node('b', { neighbourCount: 1 }), node('c', { neighbourCount: 2 })],
        [edge('ab', 'a', 'b'), edge('ba', 'b', 'a'), edge('ac', 'a', 'c')],
      ),
    );
    assert.equal(hiddenCount(graph, 'a'), 3);
    assert.equal(hiddenCount(graph, 'b'), 0);
    assert.equal(hiddenCount(graph, 'c'), 1);
    mergeNeighbourhood(
      graph,
      'a',
      graphOf(
        [node('a', { neighbourCount: 5, hiddenNeighbours: 2 }), node('d', { neighbourCount: 1 }), node('x', {}, 'Document')],
        [edge('ad', 'a', 'd'), edge('ax', 'a', 'x')],
      ),
    );
    assert.equal(hiddenCount(graph, 'a'), 2, 'a document on the canvas is no neighbour the server counts');
    collapseLeaves(graph, 'a');
    assert.equal(hiddenCount(graph, 'a'), 5, 'collapsed neighbours are hidden again');
  });

  it('falls back on the reply’s count, and shows none for a node that knows nothing', () => {
    const graph = viewGraphOf(graphOf([node('a', { hiddenNeighbours: 4 }), node('b')], [edge('ab', 'a', 'b')]));
    assert.equal(hiddenCount(graph, 'a'), 4);
    assert.equal(hiddenCount(graph, 'b'), 0);
  });

  it('puts the count after the name, cutting the name, never the count, to the label length drawn', () => {
    assert.equal(badgeLabel('Antony Blinken', 12), 'Antony Blinken +12');
    assert.equal(badgeLabel('Antony Blinken', 0), 'Antony Blinken');
    const long = badgeLabel('China allegedly ran a covert police station in Manhattan for years', 1234);
    assert.ok(long.length <= LABEL_MAX, long);
    assert.match(long, /^China allegedly.*… \+1234$/);
  });

  it('badges drawn labels only: not a faded node’s, not a hidden one’s', () => {
    const graph = viewGraphOf(graphOf([node('a', { neighbourCount: 3 })], []));
    const data = graph.getNodeAttributes('a');
    assert.equal(withBadge(graph, 'a', { ...data }).label, 'a +3');
    assert.equal(withBadge(graph, 'a', { ...data, label: '' }).label, '');
    assert.equal(withBadge(graph, 'a', { ...data, hidden: true }).label, 'a');
  });
});

describe('pages of neighbours', () => {
  it('goes on from where the last page ended, and starts again when all were fetched', () => {
    assert.equal(nextOffset(graphOf([], [], { offset: 6, page: ['a', 'b', 'c'] })), 9);
    assert.equal(nextOffset(graphOf([], [], {})), 0);
    const graph = viewGraphOf(graphOf([node('a', { neighbourCount: 9 }), node('b')], []));
    assert.equal(pageOffset(graph, 'a'), 0);
    graph.setNodeAttribute('a', 'pagedTo', 6);
    assert.equal(pageOffset(graph, 'a'), 6);
    graph.setNodeAttribute('a', 'pagedTo', 9);
    assert.equal(pageOffset(graph, 'a'), 0);
  });

  it('combines pages into one graph for one merge, each node and link once', () => {
    const one = graphOf([node('a'), node('b')], [edge('ab', 'a', 'b')], { offset: 0, page: ['b'] });
    const two = graphOf([node('a', { hiddenNeighbours: 0 }), node('c'), node('b')], [edge('ac', 'a', 'c'), edge('ab', 'a', 'b')], { offset: 1, page: ['c'] });
    const both = combinePages([one, two]);
    assert.deepEqual(
      both.nodes.map((n) => n.key),
      ['a', 'b', 'c'],
    );
    assert.deepEqual(
      both.edges.map((e) => e.key),
      ['ab', 'ac'],
    );
    assert.equal(both.nodes[0]!.attributes.hiddenNeighbours, 0, 'the later page’s word wins');
    assert.equal(nextOffset(both), 2);
  });
});
