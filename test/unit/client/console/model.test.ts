import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CypherResult } from '../../../../common/api.js';
import { EXAMPLES } from '../../../../client/src/console/history.js';
import {
  clearHistory,
  drawAs,
  failed,
  historyList,
  initialState,
  schemaOf,
  start,
  succeeded,
  withMode,
  type ConsoleState,
  type Drawn,
} from '../../../../client/src/console/model.js';

const node = (key: string, label: string) => ({
  key,
  attributes: { label, labels: ['Entity', 'Person'], kind: 'Person', properties: { id: key, name: label } },
});
const result = (partial: Partial<CypherResult> = {}): CypherResult =>
  ({
    columns: ['a', 'links'],
    rows: [[{ node: 'person:wang-yi', labels: ['Entity', 'Person'], properties: { name: 'Wang Yi' } }, 3]],
    truncated: false,
    graph: {
      attributes: {},
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      nodes: [node('person:wang-yi', 'Wang Yi')],
      edges: [],
    },
    ...partial,
  }) as CypherResult;
const valuesOnly = () => result({ columns: ['n'], rows: [[12]], graph: { ...result().graph, nodes: [] } });

/** Run `query` and have it answered: the state the console is left in. */
function ran(state: ConsoleState, query: string, answer = result(), drawn: Drawn = 'replaced'): ConsoleState {
  const started = start(state, query);
  assert.equal(started.query, query.trim());
  return succeeded(started.state, started.query!, answer, drawn);
}

describe('console runs', () => {
  it('starts idle, drawing results in place of the canvas, with no last query', () => {
    const state = initialState(['MATCH (n) RETURN n']);
    assert.deepEqual(state, { running: false, outcome: null, mode: 'replace', history: ['MATCH (n) RETURN n'], last: null });
  });

  it('asks for a query when the editor is empty, and leaves the history alone', () => {
    const state = initialState([]);
    const { state: next, query } = start(state, '  \n ');
    assert.equal(query, null);
    assert.deepEqual(next.outcome, { kind: 'error', code: null, message: 'Write a query first, or pick one from the list.' });
    assert.equal(next.running, false);
    assert.equal(next.history, state.history);
  });

  it('runs a query trimmed, remembers it first, and keeps the last outcome in view until the answer', () => {
    const before = failed(initialState(['MATCH (m) RETURN m']), 'CYPHER_ERROR', 'Invalid input');
    const { state, query } = start(before, '  MATCH (n) RETURN n \n');
    assert.equal(query, 'MATCH (n) RETURN n');
    assert.equal(state.running, true);
    assert.deepEqual(state.history, ['MATCH (n) RETURN n', 'MATCH (m) RETURN m']);
    assert.equal(state.outcome, before.outcome);
    assert.deepEqual(start(state, 'RETURN 1'), { state, query: null }, 'one query at a time');
  });

  it('shows a result as a summary saying where its graph went, and a table of cells', () => {
    const replaced = ran(initialState([]), 'MATCH (a) RETURN a, 3 AS links');
    assert.equal(replaced.running, false);
    assert.deepEqual(replaced.outcome, {
      kind: 'result',
      summary: '1 row, 1 node and 0 links in the graph. Shown on the canvas in place of what was there (Undo brings it back).',
      truncated: null,
      table: {
        columns: ['a', 'links'],
        rows: [
          [
            { kind: 'node', text: 'Wang Yi', detail: 'Person', entity: 'person:wang-yi' },
            { kind: 'value', text: '3' },
          ],
        ],
      },
    });
    const added = ran(initialState([]), 'MATCH (a) RETURN a', result(), { added: 1 });
    assert.equal(
      added.outcome?.kind === 'result' && added.outcome.summary,
      '1 row, 1 node and 0 links in the graph. 1 added to the canvas, the result picked out.',
    );
    const counted = ran(initialState([]), 'RETURN 12 AS n', valuesOnly(), null);
    assert.equal(counted.outcome?.kind === 'result' && counted.outcome.summary, '1 row.');
  });

  it('says when the server cut the rows short', () => {
    const state = ran(initialState([]), 'MATCH (a) RETURN a', result({ truncated: true }));
    assert.equal(
      state.outcome?.kind === 'result' && state.outcome.truncated,
      'Only the first 1 rows came back: add a LIMIT or narrow the query to see the rest.',
    );
  });

  it('keeps the last query that ran without error for the export dialog, and whether it had nodes', () => {
    const first = ran(initialState([]), 'MATCH (a) RETURN a');
    assert.deepEqual(first.last, { query: 'MATCH (a) RETURN a', valuesOnly: false });
    const refused = failed(start(first, 'CREATE (n)').state, 'READ_ONLY', 'Only reads are allowed');
    assert.deepEqual(refused.outcome, { kind: 'error', code: 'READ_ONLY', message: 'Only reads are allowed' });
    assert.equal(refused.running, false);
    assert.deepEqual(refused.last, first.last, 'a refused query is not the last one run');
    assert.deepEqual(ran(refused, 'RETURN 12 AS n', valuesOnly(), null).last, { query: 'RETURN 12 AS n', valuesOnly: true });
  });

  it('draws a result’s graph as the user chose, and nothing when it has no node', () => {
    const state = initialState([]);
    assert.equal(drawAs(state, result()), 'replace');
    assert.equal(drawAs(withMode(state, 'add'), result()), 'add');
    assert.equal(drawAs(withMode(state, 'add'), valuesOnly()), null);
    assert.equal(state.mode, 'replace', 'no change in place');
  });
});

describe('console history list', () => {
  it('offers the examples while there is no history, and past queries by their first line after', () => {
    const examples = historyList([]);
    assert.equal(examples.kind, 'examples');
    assert.equal(examples.heading, 'Examples');
    assert.deepEqual(
      examples.items,
      EXAMPLES.map((e) => ({ text: e.title, query: e.query })),
    );
    assert.equal(examples.clearable, false);
    const history = historyList(['MATCH (n)\nRETURN n', 'RETURN 1']);
    assert.deepEqual(history, {
      kind: 'history',
      heading: 'History',
      items: [
        { text: 'MATCH (n) …', query: 'MATCH (n)\nRETURN n' },
        { text: 'RETURN 1', query: 'RETURN 1' },
      ],
      clearable: true,
    });
    assert.deepEqual(clearHistory(ran(initialState([]), 'RETURN 1')).history, []);
  });
});

describe('console completion schema', () => {
  it('reads the schema query’s row, a missing part as none', () => {
    assert.deepEqual(schemaOf([[['Person'], ['MET'], ['name']]]), { labels: ['Person'], relationshipTypes: ['MET'], propertyKeys: ['name'] });
    assert.deepEqual(schemaOf([]), { labels: [], relationshipTypes: [], propertyKeys: [] });
    assert.deepEqual(schemaOf([[['Person']]]), { labels: ['Person'], relationshipTypes: [], propertyKeys: [] });
  });
});
