import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SerializedGraph } from '../../../../common/graph.js';
import { collapseLeaves, History, leavesOf, mergeNeighbourhood } from '../../../../client/src/graph/expand.js';
import { viewGraphOf } from '../../../../client/src/graph/model.js';

const node = (key: string, kind = 'Person') => ({ key, attributes: { label: key, labels: ['Entity', kind], kind, properties: {} } });
const edge = (key: string, source: string, target: string) => ({ key, source, target, attributes: { relType: 'MET', properties: {} } });
const graphOf = (nodes: ReturnType<typeof node>[], edges: ReturnType<typeof edge>[]): SerializedGraph =>
  ({ attributes: {}, options: { type: 'directed', multi: true, allowSelfLoops: true }, nodes, edges }) as unknown as SerializedGraph;

describe('expanding the graph on screen', () => {
  it('adds what is new around the expanded node and moves nothing already there', () => {
    const graph = viewGraphOf(graphOf([node('a'), node('b'), node('c')], [edge('ab', 'a', 'b'), edge('ac', 'a', 'c')]));
    const before = Object.fromEntries(graph.mapNodes((k, a) => [k, [a.x, a.y]]));
    const added = mergeNeighbourhood(
      graph,
      'b',
      graphOf([node('b'), node('a'), node('d'), node('e', 'Place')], [edge('ab', 'a', 'b'), edge('bd', 'b', 'd'), edge('be', 'b', 'e')]),
    );
    assert.equal(added, 2);
    assert.equal(graph.order, 5);
    assert.equal(graph.size, 4, 'the edge already there is not doubled');
    for (const [k, xy] of Object.entries(before)) assert.deepEqual([graph.getNodeAttribute(k, 'x'), graph.getNodeAttribute(k, 'y')], xy, `${k} stays put`);
    for (const k of ['d', 'e']) {
      const a = graph.getNodeAttributes(k);
      assert.ok(Number.isFinite(a.x) && Number.isFinite(a.y) && a.size > 0 && a.color.startsWith('#'), `${k} is placed and styled`);
    }
    assert.ok(graph.getNodeAttribute('b', 'size') > graph.getNodeAttribute('c', 'size'), 'sizes follow the new degrees');
  });

  it('undoes and redoes changes, and a new change clears what could be redone', () => {
    const graph = viewGraphOf(graphOf([node('a')], []));
    const history = new History();
    history.record(graph);
    mergeNeighbourhood(graph, 'a', graphOf([node('a'), node('b')], [edge('ab', 'a', 'b')]));
    assert.equal(graph.order, 2);
    assert.ok(history.undo(graph));
    assert.equal(graph.order, 1);
    assert.ok(history.redo(graph));
    assert.equal(graph.order, 2);
    history.undo(graph);
    history.record(graph);
    mergeNeighbourhood(graph, 'a', graphOf([node('a'), node('c')], [edge('ac', 'a', 'c')]));
    assert.equal(history.canRedo, false);
    assert.equal(history.redo(graph), false);
  });
});

describe('collapsing a node', () => {
  // a is linked to b and c (leaves), to d (linked to e too), and to itself; f hangs off e.
  const star = () =>
    viewGraphOf(
      graphOf(
        [node('a'), node('b'), node('c'), node('d'), node('e'), node('f')],
        [
          edge('ab', 'a', 'b'),
          edge('ca', 'c', 'a'),
          edge('ac2', 'a', 'c'),
          edge('ad', 'a', 'd'),
          edge('de', 'd', 'e'),
          edge('aa', 'a', 'a'),
          edge('ef', 'e', 'f'),
        ],
      ),
    );

  it('finds the neighbours that hang off the node alone, whatever the direction or number of links', () => {
    const graph = star();
    assert.deepEqual(leavesOf(graph, 'a').sort(), ['b', 'c']);
    assert.deepEqual(leavesOf(graph, 'e'), ['f']);
    assert.deepEqual(leavesOf(graph, 'b'), [], 'a leaf’s own neighbour is no leaf of it');
    assert.deepEqual(leavesOf(graph, 'missing'), []);
  });

  it('drops the leaves and their links, moves nothing, and undo brings them back', () => {
    const graph = star();
    const history = new History();
    const before = Object.fromEntries(graph.mapNodes((k, a) => [k, [a.x, a.y]]));
    const size = graph.getNodeAttribute('a', 'size');
    history.record(graph);
    assert.deepEqual(collapseLeaves(graph, 'a').sort(), ['b', 'c']);
    assert.deepEqual(graph.nodes().sort(), ['a', 'd', 'e', 'f']);
    assert.deepEqual(graph.edges().sort(), ['aa', 'ad', 'de', 'ef']);
    for (const k of graph.nodes()) assert.deepEqual([graph.getNodeAttribute(k, 'x'), graph.getNodeAttribute(k, 'y')], before[k], `${k} stays put`);
    assert.ok(graph.getNodeAttribute('a', 'size') < size, 'the collapsed node shrinks with its degree');
    assert.deepEqual(collapseLeaves(graph, 'a'), [], 'nothing more to collapse');
    assert.ok(history.undo(graph));
    assert.equal(graph.order, 6);
    assert.equal(graph.size, 7);
  });
});
