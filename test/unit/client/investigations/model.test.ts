import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MultiDirectedGraph } from 'graphology';
import type { ViewEdge, ViewGraph, ViewNode } from '../../../../client/src/graph/model.js';
import {
  captureState,
  investigationOf,
  readFilters,
  readStyle,
  readView,
  summaryLine,
  withInvestigation,
} from '../../../../client/src/investigations/model.js';

function graph(): ViewGraph {
  const g: ViewGraph = new MultiDirectedGraph<ViewNode, ViewEdge>();
  const node = (x: number, y: number) => ({ x, y, size: 1, color: '#000', label: 'n', labels: [], kind: 'Person', properties: {} }) as ViewNode;
  g.addNode('a', node(1, 2));
  g.addNode('b', node(-3, 4.5));
  return g;
}

describe('investigations model', () => {
  it('captures the canvas: every node where it is, the view, filters and style', () => {
    const choices = {
      hiddenKinds: new Set(['Place']),
      hiddenRelTypes: new Set<string>(),
      hiddenDocuments: new Set(['d2', 'd1']),
      minDegree: 2,
      minDocuments: 1,
    };
    const state = captureState(graph(), { focus: 'a', steps: [{ kind: 'expand', id: 'b' }] }, choices, {
      color: 'community',
      size: 'degree',
      width: 'uniform',
    });
    assert.deepEqual(state, {
      view: { focus: 'a', steps: [{ kind: 'expand', id: 'b' }] },
      positions: { a: { x: 1, y: 2 }, b: { x: -3, y: 4.5 } },
      filters: { hiddenKinds: ['Place'], hiddenRelTypes: [], hiddenDocuments: ['d1', 'd2'], minDegree: 2, minDocuments: 1 },
      style: { color: 'community', size: 'degree', width: 'uniform' },
      nodes: ['a', 'b'],
    });
  });

  it('reads a saved state back, whatever an older or broken one holds', () => {
    assert.deepEqual(readFilters(null), { hiddenKinds: [], hiddenRelTypes: [], hiddenDocuments: [], minDegree: 0, minDocuments: 1 });
    assert.deepEqual(readFilters({ hiddenKinds: ['Place', 3], minDegree: -1, minDocuments: 2 }).hiddenKinds, ['Place']);
    assert.equal(readFilters({ minDegree: 1.5 }).minDegree, 0);
    assert.deepEqual(readStyle({ color: 'community', size: 'bogus', width: '__proto__' }), { color: 'community', size: 'centrality', width: 'corroboration' });
    assert.deepEqual(readView({ focus: null, steps: [] }), { focus: null, steps: [] });
    assert.deepEqual(
      readView({
        focus: 'a',
        steps: [
          { kind: 'expand', id: 'b' },
          { kind: 'drop', id: 'c' },
        ],
      }),
      { focus: 'a', steps: [{ kind: 'expand', id: 'b' }] },
    );
    assert.equal(readView(null), null);
    assert.equal(readView({ focus: 3, steps: [] }), null);
  });

  it('names the open investigation in the address, keeping the view as written', () => {
    assert.equal(withInvestigation('?focus=person:a&expand=person:b', 'abc'), '?investigation=abc&focus=person:a&expand=person:b');
    assert.equal(withInvestigation('?investigation=old&focus=person:a', 'new'), '?investigation=new&focus=person:a');
    assert.equal(withInvestigation('?investigation=old', null), '');
    assert.equal(investigationOf('?focus=x&investigation=abc'), 'abc');
    assert.equal(investigationOf('?focus=x'), null);
    assert.equal(summaryLine({ nodes: 1, by: 'ann' }), '1 node · by ann');
  });
});
