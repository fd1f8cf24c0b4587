import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MultiDirectedGraph } from 'graphology';
import { centralityOf, communitiesOf, communityPositions, simpleUndirected } from '../../../../client/src/graph/metrics.js';

/** Two triangles joined by one link, a node on its own, and a repeated link. */
function twoGroups(): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  for (const n of ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'lone']) graph.addNode(n);
  for (const [s, t] of [
    ['a1', 'a2'],
    ['a2', 'a3'],
    ['a3', 'a1'],
    ['a1', 'a2'],
    ['b1', 'b2'],
    ['b2', 'b3'],
    ['b3', 'b1'],
    ['a1', 'b1'],
  ])
    graph.addEdge(s, t);
  return graph;
}

describe('communities and centrality', () => {
  it('reads links as one weighted undirected edge per pair', () => {
    const simple = simpleUndirected(twoGroups());
    assert.equal(simple.size, 7);
    assert.equal(simple.getEdgeAttribute('a1', 'a2', 'weight'), 2);
  });

  it('finds the two groups, numbers them by size, and gives the lone node its own, the same on every run', () => {
    const first = communitiesOf(twoGroups());
    assert.equal(first.get('a1'), first.get('a3'));
    assert.equal(first.get('b1'), first.get('b2'));
    assert.notEqual(first.get('a1'), first.get('b1'));
    assert.equal(first.get('lone'), 2, 'the smallest community comes last');
    assert.deepEqual([...communitiesOf(twoGroups())], [...first]);
  });

  it('scales PageRank so the most central node is 1 and a node without links ranks lowest', () => {
    const centrality = centralityOf(twoGroups());
    assert.equal(Math.max(...centrality.values()), 1);
    assert.ok(centrality.get('a1')! > centrality.get('a3')!, 'the bridge is more central');
    assert.equal(Math.min(...centrality.values()), centrality.get('lone'));
  });

  it('starts each community on a circle of its own', () => {
    const positions = communityPositions(communitiesOf(twoGroups()));
    const centre = (nodes: string[]) =>
      nodes.map((n) => positions.get(n)!).reduce((a, p) => ({ x: a.x + p.x / nodes.length, y: a.y + p.y / nodes.length }), { x: 0, y: 0 });
    const [a, b] = [centre(['a1', 'a2', 'a3']), centre(['b1', 'b2', 'b3'])];
    assert.ok(Math.hypot(a.x - b.x, a.y - b.y) > 20, 'the groups start apart');
  });
});
