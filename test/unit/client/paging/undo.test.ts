/**
 * The "+N" badge as drawn, through expand, "Show more", collapse, undo and redo. Sigma keeps each node's
 * look as it last worked it out, so the test keeps one the same way: `drawn` below re-runs the badge
 * exactly when sigma 3 re-runs the node reducer (Sigma#bindGraphHandlers), and when the renderer asks it to
 * (watchAddedLinks, as view.ts wires it). The canvas changes go through the functions the app calls.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MultiDirectedGraph } from 'graphology';
import type { SerializedGraph } from '../../../../common/graph.js';
import { collapseLeaves, History, leavesOf, mergeNeighbourhood } from '../../../../client/src/graph/expand.js';
import { viewGraphOf, type ViewEdge, type ViewGraph, type ViewNode } from '../../../../client/src/graph/model.js';
import { watchAddedLinks } from '../../../../client/src/graph/restyle.js';
import { badgeLabel, hiddenCount, withBadge } from '../../../../client/src/graph/badge.js';
import { nextOffset, pageOffset } from '../../../../client/src/paging/pages.js';

/** Each node's label as sigma would draw it now, kept as sigma keeps it. */
function drawn(graph: ViewGraph): Map<string, string> {
  const labels = new Map<string, string>();
  const style = (node: string) => labels.set(node, withBadge(graph, node, { ...graph.getNodeAttributes(node) }).label ?? '');
  const styleAll = () => {
    labels.clear();
    graph.forEachNode(style);
  };
  graph.on('nodeAdded', ({ key }) => style(key));
  graph.on('nodeAttributesUpdated', ({ key }) => style(key));
  graph.on('eachNodeAttributesUpdated', styleAll);
  // Any drop or clear: sigma refreshes the whole graph. An added link restyles the link alone.
  for (const event of ['nodeDropped', 'edgeDropped', 'cleared', 'edgesCleared'] as const) graph.on(event, styleAll);
  styleAll();
  watchAddedLinks(graph, (nodes) => nodes.forEach(style));
  return labels;
}

/** Once the task that changed the graph is done, as a frame is drawn after it. */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The data behind the canvas: a tree, so the links among the nodes on the canvas are always there too
 * (it stays connected) and a node's neighbours not on the canvas are exactly what its badge must say.
 */
function world(size: number, parentOf: (node: number) => number) {
  const around = new Map<string, Set<string>>([['n0', new Set()]]);
  const edges = new Map<string, [string, string]>();
  for (let i = 1; i < size; i++) {
    const [node, parent] = [`n${i}`, `n${parentOf(i)}`];
    around.set(node, new Set([parent]));
    around.get(parent)!.add(node);
    edges.set(`${parent}-${node}`, [parent, node]);
  }
  const entry = (key: string, reply: Set<string>) => ({
    key,
    attributes: {
      label: key,
      labels: ['Entity', 'Person'],
      kind: 'Person',
      properties: {},
      neighbourCount: around.get(key)!.size,
      hiddenNeighbours: [...around.get(key)!].filter((n) => !reply.has(n)).length,
    },
  });
  /** What GET /api/entities/:id/neighbourhood?limit&offset answers: a page of the best-connected neighbours first. */
  const reply = (centre: string, offset: number, limit: number): SerializedGraph => {
    const ranked = [...around.get(centre)!].sort((a, b) => around.get(b)!.size - around.get(a)!.size || a.localeCompare(b));
    const page = ranked.slice(offset, offset + limit);
    const keys = new Set([centre, ...page]);
    return {
      attributes: { scope: 'neighbourhood', center: centre, offset, limit, page, neighbours: ranked.length },
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      nodes: [...keys].map((k) => entry(k, keys)),
      edges: [...edges]
        .filter(([, [s, t]]) => keys.has(s) && keys.has(t))
        .map(([key, [source, target]]) => ({ key, source, target, attributes: { relType: 'MET', properties: {} } })),
    } as unknown as SerializedGraph;
  };
  /** Neighbours of `node` not on `graph`: the badge's number. */
  const hidden = (graph: ViewGraph, node: string) => [...around.get(node)!].filter((n) => !graph.hasNode(n)).length;
  return { reply, hidden };
}

/** The canvas: what Canvas and paging.ts do with the graph and its history, without the fetches and the drawing. */
function canvasOf(reply: ReturnType<typeof world>['reply'], pageSize: number) {
  const graph: ViewGraph = new MultiDirectedGraph<ViewNode, ViewEdge>({ allowSelfLoops: true });
  const history = new History();
  const remember = (id: string, page: SerializedGraph) => graph.setNodeAttribute(id, 'pagedTo', Math.max(pageOffset(graph, id), nextOffset(page)));
  return {
    graph,
    open(id: string) {
      const page = reply(id, 0, pageSize);
      history.record(graph);
      graph.clear();
      graph.import(viewGraphOf(page).export());
      remember(id, page);
    },
    expand(id: string) {
      const page = reply(id, 0, pageSize);
      history.record(graph);
      mergeNeighbourhood(graph, id, page);
      remember(id, page);
    },
    more(id: string) {
      const page = reply(id, pageOffset(graph, id), pageSize);
      history.record(graph);
      mergeNeighbourhood(graph, id, page);
      graph.setNodeAttribute(id, 'pagedTo', nextOffset(page));
    },
    collapse(id: string) {
      if (leavesOf(graph, id).length === 0) return;
      history.record(graph);
      collapseLeaves(graph, id);
      graph.setNodeAttribute(id, 'pagedTo', 0);
    },
    undo: () => history.undo(graph),
    redo: () => history.redo(graph),
  };
}

/** A small seeded generator (mulberry32): the same sequences on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the "+N" badge as drawn, through undo and redo', () => {
  // n0 has neighbours n1…n5; n1 has n6 and n7 besides.
  const star = () => world(8, (i) => [0, 0, 0, 0, 0, 1, 1][i - 1]!);

  it('after undoing an expand: the neighbours hidden then, not all of them', async () => {
    const { reply } = star();
    const canvas = canvasOf(reply, 2);
    const labels = drawn(canvas.graph);
    canvas.open('n0');
    await settled();
    assert.equal(labels.get('n0'), 'n0 +3', 'two of five shown');
    canvas.expand('n1');
    await settled();
    assert.equal(labels.get('n1'), 'n1 +1');
    canvas.undo();
    await settled();
    assert.equal(labels.get('n0'), 'n0 +3', 'not +5, the total');
    assert.equal(labels.get('n1'), 'n1 +2', 'not +3, the total');
    canvas.redo();
    await settled();
    assert.equal(labels.get('n1'), 'n1 +1');
  });

  it('after undoing a collapse: none when every neighbour is back', async () => {
    const { reply } = star();
    const canvas = canvasOf(reply, 10);
    const labels = drawn(canvas.graph);
    canvas.open('n0');
    canvas.expand('n1');
    canvas.collapse('n0');
    await settled();
    assert.equal(labels.get('n0'), 'n0 +4', 'n1 stays: its own neighbours hang off it');
    canvas.undo();
    await settled();
    assert.equal(labels.get('n0'), 'n0');
    assert.equal(labels.get('n1'), 'n1');
    canvas.redo();
    await settled();
    assert.equal(labels.get('n0'), 'n0 +4');
  });

  it('equals the neighbours not on the canvas after any sequence of expand, more, collapse, undo and redo', async () => {
    for (let run = 0; run < 20; run++) {
      const random = seeded(run + 1);
      const { reply, hidden } = world(40, (i) => Math.floor(random() * i));
      const canvas = canvasOf(reply, 3);
      const labels = drawn(canvas.graph);
      canvas.open('n0');
      const done = ['open n0'];
      for (let step = 0; step < 40; step++) {
        const nodes = canvas.graph.nodes();
        // Undo back past the first open leaves the canvas empty (the app's overview): open a node again.
        const id = nodes[Math.floor(random() * nodes.length)] ?? 'n0';
        const actions = ['open', 'expand', 'more', 'collapse', 'undo', 'redo'] as const;
        const action = nodes.length ? actions[Math.floor(random() * actions.length)]! : 'open';
        if (action === 'undo' || action === 'redo') canvas[action]();
        else canvas[action](id);
        done.push(action === 'undo' || action === 'redo' ? action : `${action} ${id}`);
        await settled();
        canvas.graph.forEachNode((node, { label }) => {
          const expected = badgeLabel(label, hidden(canvas.graph, node));
          assert.equal(hiddenCount(canvas.graph, node), hidden(canvas.graph, node), `${node}'s count after ${done.join(', ')}`);
          assert.equal(labels.get(node), expected, `${node} as drawn after ${done.join(', ')}`);
        });
      }
    }
  });
});
