import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SerializedGraph } from '../../../../common/graph.js';
import { FADED, nodeStyle } from '../../../../client/src/graph/highlight.js';
import { viewGraphOf } from '../../../../client/src/graph/model.js';
import { ViewState } from '../../../../client/src/graph/state.js';
import { fittingRatio } from '../../../../client/src/layout/camera.js';
import { PIN_RING, PIN_RING_FADED, PIN_RING_WIDTH, PINNED_NODE_TYPE } from '../../../../client/src/graph/pinned.js';
import { viewActionFor } from '../../../../client/src/layout/shortcuts.js';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('view controls', () => {
  it('fits a box of framed units into the viewport less its margins, by its tighter side', () => {
    // 500 px per unit at ratio 1; a viewport of 1000×600 less 50 px a side leaves 900×500.
    assert.equal(fittingRatio({ width: 1, height: 0.5 }, { width: 1000, height: 600 }, 500, 50), 500 / 900);
    assert.equal(fittingRatio({ width: 0.2, height: 1 }, { width: 1000, height: 600 }, 500, 50), 1);
    assert.equal(fittingRatio({ width: 0.1, height: 0 }, { width: 1000, height: 600 }, 500, 50), 50 / 900, 'a flat row of nodes still fits');
    assert.equal(fittingRatio({ width: 0, height: 0 }, { width: 1000, height: 600 }, 500, 50), null, 'one node: centre, keep the zoom');
  });

  it('maps single keys to view actions, and leaves keys with modifiers alone', () => {
    assert.equal(viewActionFor(press('l')), 'layout');
    assert.equal(viewActionFor(press('F')), 'fit');
    assert.equal(viewActionFor(press('+')), 'zoom-in');
    assert.equal(viewActionFor(press('=')), 'zoom-in');
    assert.equal(viewActionFor(press('-')), 'zoom-out');
    assert.equal(viewActionFor(press('f', { ctrlKey: true })), null, 'Ctrl+F is the browser’s find');
    assert.equal(viewActionFor(press('l', { metaKey: true })), null);
    assert.equal(viewActionFor(press('x')), null);
  });

  it('rings pinned nodes through the reducer, faded with the node, and leaves the data alone', () => {
    const node = (key: string) => ({ key, attributes: { label: key, labels: ['Entity', 'Person'], kind: 'Person', properties: {} } });
    const graph = viewGraphOf({
      attributes: {},
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      nodes: [node('a'), node('b'), node('c')],
      edges: [{ key: 'ab', source: 'a', target: 'b', attributes: { relType: 'MET', properties: {} } }],
    } as unknown as SerializedGraph);
    graph.setNodeAttribute('c', 'fixed', true);
    const state = new ViewState();
    // Sized by links, the data's own size: the ring adds its width to it.
    state.appearance = { color: 'kind', size: 'degree', width: 'uniform' };
    const pinned = nodeStyle(graph, 'c', graph.getNodeAttributes('c'), state);
    assert.equal(pinned.type, PINNED_NODE_TYPE);
    assert.equal(pinned.ringColor, PIN_RING);
    assert.equal(pinned.size, graph.getNodeAttribute('c', 'size') + PIN_RING_WIDTH);
    assert.equal(nodeStyle(graph, 'a', graph.getNodeAttributes('a'), state).type, undefined, 'unpinned nodes are drawn as before');
    state.hovered = 'a';
    const faded = nodeStyle(graph, 'c', graph.getNodeAttributes('c'), state);
    assert.equal(faded.color, FADED);
    assert.equal(faded.ringColor, PIN_RING_FADED);
    assert.equal(graph.getNodeAttribute('c', 'type'), undefined, 'the data itself is not changed');
  });
});
