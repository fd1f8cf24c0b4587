import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { facetFilter } from '../../../../client/src/search/facets.js';

describe('text search facets as filters', () => {
  it('turns an outlet, a kind, a year and a month into the search parameters that select them', () => {
    assert.deepEqual(facetFilter('outlets', 'wire.example.net'), { outlet: 'wire.example.net' });
    assert.deepEqual(facetFilter('kinds', 'Place'), { kind: 'Place' });
    assert.deepEqual(facetFilter('dates', '2024'), { from: '2024-01-01', to: '2024-12-31' });
    assert.deepEqual(facetFilter('dates', '2024-02'), { from: '2024-02-01', to: '2024-02-29' });
    assert.deepEqual(facetFilter('dates', '2023-02'), { from: '2023-02-01', to: '2023-02-28' });
    assert.deepEqual(facetFilter('dates', '2024-12'), { from: '2024-12-01', to: '2024-12-31' });
  });
});
