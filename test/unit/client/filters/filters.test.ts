import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentSummary } from '../../../../common/api.js';
import type { SerializedGraph } from '../../../../common/graph.js';
import {
  applyChoices,
  badgeOf,
  documentCounts,
  type Choices,
  drawnKinds,
  evidenceDocuments,
  filtersOf,
  groupByOutlet,
  documentsBehind,
  keptDegree,
  kindCounts,
  listsOf,
  maxDegree,
  maxDocuments,
  minimaOf,
  relTypeCounts,
  showingOnly,
  shownOf,
  tickOf,
  UNKNOWN_OUTLET,
  visibleNodes,
} from '../../../../client/src/filters/model.js';
import { viewGraphOf } from '../../../../client/src/graph/model.js';
import { colorOf } from '../../../../client/src/graph/style.js';
import { ViewState } from '../../../../client/src/graph/state.js';

const node = (key: string, kind: string) => ({ key, attributes: { label: key, labels: ['Entity', kind], kind, properties: {} } });
/** An edge without evidence documents carries no corroboration either, as one kept from before the server counted. */
const edge = (key: string, source: string, target: string, relType: string, evDocs?: string[]) => ({
  key,
  source,
  target,
  attributes:
    evDocs === undefined ? { relType, properties: {} } : { relType, properties: { evDocs }, corroboration: { documents: new Set(evDocs).size, outlets: 0 } },
});

/** The choices given, nothing hidden otherwise. */
const picked = (choices: Partial<Choices> = {}): Choices => ({
  hiddenKinds: new Set(),
  hiddenRelTypes: new Set(),
  hiddenDocuments: new Set(),
  minDegree: 0,
  minDocuments: 1,
  ...choices,
});

/**
 * blinken (Person) MET wang (Person) [d1], ALLEGES claim (Allegation) [d1, d2], and VISITED beijing
 * (Place) [d2]; wang MET xi (Person) with no evidence documents; paris (Place) stands alone.
 */
function sample() {
  return viewGraphOf({
    attributes: {},
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: [
      node('blinken', 'Person'),
      node('wang', 'Person'),
      node('xi', 'Person'),
      node('claim', 'Allegation'),
      node('beijing', 'Place'),
      node('paris', 'Place'),
    ],
    edges: [
      edge('e1', 'blinken', 'wang', 'MET', ['d1']),
      edge('e2', 'blinken', 'claim', 'ALLEGES', ['d1', 'd2', 'd1']),
      edge('e3', 'blinken', 'beijing', 'VISITED', ['d2']),
      edge('e4', 'wang', 'xi', 'MET'),
    ],
  } as unknown as SerializedGraph);
}

const doc = (id: string, title: string | null, outlet: string | null, file: string | null = null): DocumentSummary => ({
  id,
  title,
  outlet,
  url: null,
  file,
  publishedAt: null,
  byline: null,
  entities: 1,
});

describe('filters: what the canvas holds', () => {
  it('counts kinds in the legend order, relationship types and cited documents', () => {
    const graph = sample();
    assert.deepEqual(kindCounts(graph), [
      { value: 'Person', count: 3 },
      { value: 'Place', count: 2 },
      { value: 'Allegation', count: 1 },
    ]);
    assert.deepEqual(relTypeCounts(graph), [
      { value: 'ALLEGES', count: 1 },
      { value: 'MET', count: 2 },
      { value: 'VISITED', count: 1 },
    ]);
    // e2 cites d1 twice (two sentences): it counts once.
    assert.deepEqual(documentCounts(graph), [
      { value: 'd1', count: 2 },
      { value: 'd2', count: 2 },
    ]);
    assert.equal(maxDegree(graph), 3);
  });

  it('keeps a hidden value listed at 0 while the canvas holds none of it, so it can be ticked again', () => {
    const graph = sample();
    assert.deepEqual(
      kindCounts(graph, new Set(['Institution'])).map((c) => `${c.value} ${c.count}`),
      ['Person 3', 'Institution 0', 'Place 2', 'Allegation 1'],
    );
    assert.deepEqual(relTypeCounts(graph, new Set(['DENIES']))[1], { value: 'DENIES', count: 0 });
    assert.deepEqual(documentCounts(graph, new Set(['d9'])).at(-1), { value: 'd9', count: 0 });
  });

  it('reads evidence documents defensively', () => {
    const attrs = (properties: Record<string, unknown>) => ({
      relType: 'MET',
      properties,
      corroboration: { documents: 1, outlets: 0 },
      size: 1,
      color: '#000',
    });
    assert.deepEqual(evidenceDocuments(attrs({ evDocs: ['a', 'b', 'a'] })), ['a', 'b']);
    assert.deepEqual(evidenceDocuments(attrs({})), []);
    assert.deepEqual(evidenceDocuments(attrs({ evDocs: 'a' })), []);
    assert.deepEqual(evidenceDocuments(attrs({ evDocs: ['a', 3, null] })), ['a']);
  });

  it('groups documents by outlet, named by title, else file name, else id; unrecorded outlets last', () => {
    const known = new Map([
      ['d1', doc('d1', 'Blinken in Beijing', 'Reuters')],
      ['d2', doc('d2', null, null, '/data/seeds/003_b1eed.txt')],
      ['d3', doc('d3', 'A second Reuters story', 'Reuters')],
      ['d4', doc('d4', 'Xinhua on the visit', 'Xinhua')],
    ]);
    const groups = groupByOutlet(
      [
        { value: 'd1', count: 2 },
        { value: 'd2', count: 1 },
        { value: 'd3', count: 1 },
        { value: 'd4', count: 5 },
        { value: 'd5', count: 1 },
      ],
      known,
      // An edge citing both Reuters stories counts once for Reuters.
      [['d1', 'd3'], ['d1'], ['d4', 'd2'], []],
    );
    assert.deepEqual(
      groups.map((g) => [g.outlet, g.count, g.documents.map((d) => d.label)]),
      [
        ['Reuters', 2, ['A second Reuters story', 'Blinken in Beijing']],
        ['Xinhua', 1, ['Xinhua on the visit']],
        [UNKNOWN_OUTLET, 1, ['003_b1eed.txt', 'd5']],
      ],
    );
  });
});

describe('filters: All, None and Only over a group', () => {
  const listed = ['Person', 'Place', 'Allegation'];
  const sorted = (set: Set<string>) => [...set].sort();

  it('shows every listed value, none of them, or one alone, leaving what the group does not list as it was', () => {
    const hidden = new Set(['Place', 'Institution']);
    assert.deepEqual(sorted(showingOnly(hidden, listed, listed)), ['Institution'], 'All');
    assert.deepEqual(sorted(showingOnly(hidden, listed, [])), ['Allegation', 'Institution', 'Person', 'Place'], 'None');
    assert.deepEqual(sorted(showingOnly(hidden, listed, ['Place'])), ['Allegation', 'Institution', 'Person'], 'Only Place, hidden before');
    assert.deepEqual(sorted(hidden), ['Institution', 'Place'], 'the set given is not changed');
  });

  it('shows an outlet’s documents alone, and applies as one change on the canvas', () => {
    const graph = sample();
    const state = new ViewState();
    const choices = filtersOf(state);
    let told = 0;
    choices.onChange(() => told++);
    choices.showOnly(choices.hiddenDocuments, ['d1', 'd2', 'd3'], ['d2', 'd3']);
    assert.deepEqual(sorted(choices.hiddenDocuments), ['d1']);
    assert.equal(told, 1);
    choices.showOnly(choices.hiddenKinds, listed, ['Person']);
    assert.deepEqual(visibleNodes(graph, state).sort(), ['blinken', 'wang', 'xi'], 'Only Person');
    choices.showOnly(choices.hiddenKinds, listed, listed);
    assert.equal(choices.hiddenKinds.size, 0);
    assert.equal(choices.active, 1, 'the documents stay as they were');
  });
});

describe('filters: choices as view state predicates', () => {
  it('hides a kind, and a minimum degree hides the nodes with fewer links on the canvas', () => {
    const graph = sample();
    const state = new ViewState();
    applyChoices(state, picked({ hiddenKinds: new Set(['Place']) }));
    assert.deepEqual(visibleNodes(graph, state).sort(), ['blinken', 'claim', 'wang', 'xi']);
    assert.deepEqual(drawnKinds(graph, state), ['Person', 'Allegation']);
    assert.equal(state.edgeShown(graph, 'e3', graph.getEdgeAttributes('e3')), false, 'a link to a hidden node goes with it');

    applyChoices(state, picked({ minDegree: 2 }));
    assert.deepEqual(visibleNodes(graph, state).sort(), ['blinken', 'wang']);
    assert.deepEqual([...state.nodeFilters.keys()], ['degree'], 'the kind filter went when nothing was hidden');
  });

  it('hides edges by relationship type and by document; an edge stays while one of its documents is ticked', () => {
    const graph = sample();
    const state = new ViewState();
    const shown = () => graph.filterEdges((e, a) => state.edgeShown(graph, e, a)).sort();
    applyChoices(state, picked({ hiddenRelTypes: new Set(['MET']) }));
    assert.deepEqual(shown(), ['e2', 'e3']);
    applyChoices(state, picked({ hiddenDocuments: new Set(['d1']) }));
    assert.deepEqual(shown(), ['e2', 'e3', 'e4'], 'e2 has d2 too; e4 has no evidence documents');
    applyChoices(state, picked({ hiddenDocuments: new Set(['d1', 'd2']) }));
    assert.deepEqual(shown(), ['e4']);
  });

  it('counts only the links the edge filters let through for the minimum degree', () => {
    const graph = sample();
    const state = new ViewState();
    applyChoices(state, picked({ minDegree: 3 }));
    assert.deepEqual(visibleNodes(graph, state), ['blinken']);
    applyChoices(state, picked({ hiddenRelTypes: new Set(['VISITED']), minDegree: 3 }));
    assert.deepEqual(visibleNodes(graph, state), [], 'blinken has two links left in view');
    applyChoices(state, picked({ hiddenRelTypes: new Set(['VISITED']), minDegree: 2 }));
    assert.deepEqual(visibleNodes(graph, state).sort(), ['blinken', 'wang']);
    assert.equal(keptDegree(graph, state, 'blinken'), 2);
    assert.equal(keptDegree(graph, new ViewState(), 'blinken'), 3);
  });

  it('hides links backed by fewer documents than asked, and the nodes left with none; a link that does not say counts as one', () => {
    const graph = sample();
    const state = new ViewState();
    const shown = () => graph.filterEdges((e, a) => state.edgeShown(graph, e, a)).sort();
    assert.deepEqual(
      graph.mapEdges((_, a) => documentsBehind(a)),
      [1, 2, 1, 1],
      'e2 cites d1 and d2; e4 carries no corroboration',
    );
    assert.equal(maxDocuments(graph), 2);
    applyChoices(state, picked({ minDocuments: 1 }));
    assert.equal(state.edgeFilters.size, 0, 'one document is every link: no filter');
    applyChoices(state, picked({ minDocuments: 2 }));
    assert.deepEqual(shown(), ['e2']);
    assert.deepEqual(visibleNodes(graph, state).sort(), ['blinken', 'claim', 'paris']);
    applyChoices(state, picked({ minDocuments: 3 }));
    assert.deepEqual(shown(), []);
    assert.deepEqual(visibleNodes(graph, state), ['paris']);
  });

  it('hides a node whose every link an edge filter hides, and counts it out; a node that never had a link stays', () => {
    const graph = sample();
    const state = new ViewState();
    applyChoices(state, picked({ hiddenDocuments: new Set(['d1']) }));
    assert.equal(visibleNodes(graph, state).length, graph.order, 'every node keeps a link: e2 has d2 too, e4 cites nothing');
    applyChoices(state, picked({ hiddenDocuments: new Set(['d1', 'd2']) }));
    assert.deepEqual(visibleNodes(graph, state).sort(), ['paris', 'wang', 'xi'], 'only e4 is left; paris never had a link');
    assert.equal(state.edgeShown(graph, 'e4', graph.getEdgeAttributes('e4')), true);
    applyChoices(state, picked({ hiddenRelTypes: new Set(['MET']) }));
    assert.deepEqual(visibleNodes(graph, state).sort(), ['beijing', 'blinken', 'claim', 'paris'], 'any edge filter: wang and xi met only');
    applyChoices(state, picked({}));
    assert.equal(visibleNodes(graph, state).length, graph.order);
  });

  it('keeps the choices apart from the data and from other features’ filters, and reports every change', () => {
    const graph = sample();
    const before = JSON.stringify(graph.export());
    const state = new ViewState();
    state.nodeFilters.set('query', (_g, n) => n !== 'xi');
    let refreshed = 0;
    state.onChange(() => refreshed++);
    const choices = filtersOf(state);
    assert.equal(filtersOf(state), choices, 'one set of choices per view state');
    let told = 0;
    choices.onChange(() => told++);

    choices.setShown(choices.hiddenKinds, ['Place'], false);
    choices.setShown(choices.hiddenRelTypes, ['MET'], false);
    choices.setMinDegree(1);
    choices.setMinDocuments(2);
    assert.equal(choices.active, 4);
    assert.deepEqual([...state.edgeFilters.keys()].sort(), ['corroboration', 'relType']);
    choices.setMinDocuments(Number.NaN);
    assert.equal(choices.minDocuments, 1, 'what is not a number shows every link');
    assert.equal(choices.active, 3);
    assert.deepEqual(visibleNodes(graph, state).sort(), ['blinken', 'claim'], 'wang only met: with MET hidden it has no link left');
    choices.setShown(choices.hiddenKinds, ['Place'], true);
    assert.deepEqual(visibleNodes(graph, state).sort(), ['beijing', 'blinken', 'claim'], 'a kind ticked again comes back');
    assert.deepEqual(visibleNodes(graph, state).includes('paris'), false, 'paris has no link: the minimum degree still hides it');

    choices.clear();
    assert.equal(choices.active, 0);
    assert.deepEqual([...state.nodeFilters.keys()], ['query'], 'clearing leaves the other feature’s filter alone');
    assert.equal(state.edgeFilters.size, 0);
    assert.equal(choices.minDocuments, 1);
    assert.equal(told, 7);
    assert.equal(refreshed, 7, 'every change refreshes the renderer');
    assert.equal(JSON.stringify(graph.export()), before, 'the graph data is untouched');
  });
});

describe('filters: what the panel shows', () => {
  const known = new Map([
    ['d1', doc('d1', 'Blinken in Beijing', 'Reuters')],
    ['d2', doc('d2', 'Xinhua on the visit', 'Xinhua')],
  ]);

  it('lists kinds with their colours, relationship types, and documents under their outlets, hidden values included', () => {
    const graph = sample();
    const [kinds, types, documents] = listsOf(graph, picked({ hiddenRelTypes: new Set(['DENIES']) }), known);
    assert.deepEqual(
      [kinds, types, documents].map((g) => [g!.list, g!.title, g!.noun]),
      [
        ['kind', 'Kinds', 'kinds'],
        ['relType', 'Relationships', 'relationship types'],
        ['document', 'Documents cited', 'documents'],
      ],
    );
    assert.deepEqual(kinds!.rows[0], { choice: 'kind', value: 'Person', name: 'Person', count: 3, values: ['Person'], swatch: colorOf('Person') });
    assert.deepEqual(types!.listed, ['ALLEGES', 'DENIES', 'MET', 'VISITED'], 'a hidden type stays listed, at 0');
    assert.equal(types!.rows[0]!.swatch, undefined, 'only kinds have a colour');
    assert.deepEqual(documents!.listed, ['d1', 'd2']);
    assert.deepEqual(
      documents!.rows.map((r) => [r.choice, r.name, r.count, r.values, r.documents!.map((d) => [d.choice, d.value, d.name, d.count])]),
      [
        ['outlet', 'Reuters', 2, ['d1'], [['document', 'd1', 'Blinken in Beijing', 2]]],
        ['outlet', 'Xinhua', 2, ['d2'], [['document', 'd2', 'Xinhua on the visit', 2]]],
      ],
    );
  });

  it('says so when the canvas holds nothing to list', () => {
    const empty = viewGraphOf({
      attributes: {},
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      nodes: [],
      edges: [],
    } as unknown as SerializedGraph);
    const groups = listsOf(empty, picked(), new Map());
    assert.deepEqual(
      groups.map((g) => [g.rows.length, g.listed.length, g.empty]),
      [
        [0, 0, 'No nodes on the canvas.'],
        [0, 0, 'No links on the canvas.'],
        [0, 0, 'No evidence documents behind these links.'],
      ],
    );
  });

  it('ticks what shows; an outlet with some of its documents hidden is neither ticked nor unticked', () => {
    const choices = picked({ hiddenKinds: new Set(['Place']), hiddenDocuments: new Set(['d1']) });
    assert.deepEqual(tickOf(choices, { choice: 'kind', values: ['Place'] }), { checked: false, indeterminate: false });
    assert.deepEqual(tickOf(choices, { choice: 'kind', values: ['Person'] }), { checked: true, indeterminate: false });
    assert.deepEqual(tickOf(choices, { choice: 'relType', values: ['Place'] }), { checked: true, indeterminate: false }, 'each list has its own set');
    assert.deepEqual(tickOf(choices, { choice: 'document', values: ['d1'] }), { checked: false, indeterminate: false });
    assert.deepEqual(tickOf(choices, { choice: 'outlet', values: ['d1', 'd2'] }), { checked: false, indeterminate: true });
    assert.deepEqual(tickOf(choices, { choice: 'outlet', values: ['d1'] }), { checked: false, indeterminate: false });
    assert.deepEqual(tickOf(choices, { choice: 'outlet', values: ['d2', 'd3'] }), { checked: true, indeterminate: false });
  });

  it('sets the sliders to the choices, reaching what the canvas holds or the choice in force, and words their values', () => {
    const graph = sample();
    assert.deepEqual(minimaOf(graph, picked()), {
      degree: { value: 0, max: 3, valueText: 'no minimum' },
      documents: { value: 1, max: 2, valueText: 'every link' },
    });
    assert.deepEqual(minimaOf(graph, picked({ minDegree: 5, minDocuments: 4 })), {
      degree: { value: 5, max: 5, valueText: 'at least 5 links' },
      documents: { value: 4, max: 4, valueText: 'links backed by at least 4 documents' },
    });
    const lone = viewGraphOf({
      attributes: {},
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      nodes: [node('paris', 'Place')],
      edges: [],
    } as unknown as SerializedGraph);
    assert.deepEqual([minimaOf(lone, picked()).degree.max, minimaOf(lone, picked()).documents.max], [1, 1], 'a slider always has room to move');
  });

  it('counts the choices in force on the Filters button', () => {
    assert.deepEqual(badgeOf(picked()), { text: 'Filters', active: false });
    assert.deepEqual(badgeOf(picked({ hiddenKinds: new Set(['Place', 'Person']), minDocuments: 2 })), { text: 'Filters (2)', active: true });
  });

  it('says how many nodes and links every filter lets through', () => {
    const graph = sample();
    const state = new ViewState();
    assert.deepEqual(shownOf(graph, state), { nodes: 6, edges: 4, text: '6 of 6 nodes shown' });
    applyChoices(state, picked({ hiddenKinds: new Set(['Place']) }));
    assert.deepEqual(shownOf(graph, state), { nodes: 4, edges: 3, text: '4 of 6 nodes shown' });
  });
});
