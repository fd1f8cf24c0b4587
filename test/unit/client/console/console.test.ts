import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CypherResult } from '../../../../common/api.js';
import { anchorOf, cellOf, highlightOf, namesOf, summaryOf } from '../../../../client/src/console/format.js';
import { EXAMPLES, firstLine, HISTORY_KEY, HISTORY_SIZE, loadHistory, parseHistory, remember, saveHistory } from '../../../../client/src/console/history.js';

const node = (key: string, label: string, kind = 'Person') => ({
  key,
  attributes: { label, labels: ['Entity', kind], kind, properties: { id: key, name: label } },
});
const result = (partial: Partial<CypherResult> = {}): CypherResult =>
  ({
    columns: [],
    rows: [],
    truncated: false,
    graph: {
      attributes: {},
      options: { type: 'directed', multi: true, allowSelfLoops: true },
      nodes: [node('person:wang-yi', 'Wang Yi'), node('person:antony-blinken', 'Antony Blinken')],
      edges: [{ key: '5:abc:1', source: 'person:antony-blinken', target: 'person:wang-yi', attributes: { relType: 'MET', properties: {} } }],
    },
    ...partial,
  }) as CypherResult;

describe('console cells', () => {
  const names = namesOf(result());

  it('shows a node by its name and kind, and opens entities only', () => {
    const person = cellOf({ node: 'person:wang-yi', labels: ['Entity', 'Person'], properties: { name: 'Wang Yi' } }, names);
    assert.deepEqual(person, { kind: 'node', text: 'Wang Yi', detail: 'Person', entity: 'person:wang-yi' });
    const allegation = cellOf({ node: 'allegation:1', labels: ['Allegation'], properties: { claim: 'X spied on Y' } }, names);
    assert.deepEqual(allegation, { kind: 'node', text: 'X spied on Y', detail: 'Allegation', entity: null });
    const bare = cellOf({ node: '4:abc:9', labels: ['Thing'], properties: {} }, names);
    assert.equal(bare.text, '4:abc:9', 'a node without a name shows its key');
  });

  const met = (start: string, end: string, relationship = '5:abc:1') => ({ relationship, type: 'MET', start, end, properties: { documents: 2 } });

  it('shows a relationship the way it points, its ends by name, or by key when the result lacks them', () => {
    assert.deepEqual(cellOf(met('person:antony-blinken', 'person:wang-yi'), names), { kind: 'relationship', text: 'Antony Blinken —MET→ Wang Yi' });
    assert.equal(cellOf(met('person:wang-yi', 'person:antony-blinken'), names).text, 'Wang Yi —MET→ Antony Blinken');
    assert.equal(cellOf(met('person:antony-blinken', 'person:xi-jinping'), names).text, 'Antony Blinken —MET→ person:xi-jinping');
    assert.equal(cellOf(met('person:wang-yi', 'person:wang-yi'), names).text, 'Wang Yi —MET→ Wang Yi', 'a loop');
  });

  it('shows a path hop by hop, each arrow the way its relationship points', () => {
    const path = {
      path: ['person:antony-blinken', 'person:wang-yi', 'place:x'],
      relationships: [met('person:antony-blinken', 'person:wang-yi'), { ...met('place:x', 'person:wang-yi', '5:abc:2'), type: 'VISITED' }],
    };
    assert.deepEqual(cellOf(path, names), { kind: 'path', text: 'Antony Blinken —MET→ Wang Yi ←VISITED— place:x' });
    const backwards = { path: ['person:wang-yi', 'person:antony-blinken'], relationships: [met('person:antony-blinken', 'person:wang-yi')] };
    assert.equal(cellOf(backwards, names).text, 'Wang Yi ←MET— Antony Blinken');
    assert.equal(cellOf({ path: ['person:wang-yi'], relationships: [] }, names).text, 'Wang Yi', 'the empty path is its one node');
  });

  it('shows relationships and paths inside lists and maps the same way', () => {
    assert.equal(cellOf([met('person:antony-blinken', 'person:wang-yi')], names).text, '[Antony Blinken —MET→ Wang Yi]');
    const path = { path: ['person:wang-yi', 'person:antony-blinken'], relationships: [met('person:antony-blinken', 'person:wang-yi')] };
    assert.equal(cellOf({ p: path }, names).text, '{p: Wang Yi ←MET— Antony Blinken}');
  });

  it('shows plain values as text, lists and maps with their nodes named', () => {
    assert.deepEqual(cellOf(null, names), { kind: 'null', text: 'null' });
    assert.deepEqual(cellOf('Wang Yi', names), { kind: 'value', text: 'Wang Yi' });
    assert.equal(cellOf(42, names).text, '42');
    assert.equal(cellOf(false, names).text, 'false');
    assert.equal(cellOf(['a, b', 'c'], names).text, '["a, b", "c"]', 'strings in a list are quoted');
    assert.equal(cellOf({ name: 'Wang Yi', aliases: [], n: null }, names).text, '{name: "Wang Yi", aliases: [], n: null}');
    assert.equal(cellOf([{ node: 'person:wang-yi', labels: ['Entity', 'Person'], properties: {} }], names).text, '[Wang Yi]');
    assert.equal(cellOf('2024-01-01T00:00:00Z', names).text, '2024-01-01T00:00:00Z');
  });

  it('does not take a map that only looks a little like a path or a relationship for one', () => {
    assert.equal(cellOf({ path: ['a'], relationships: [], length: 1 }, names).kind, 'value');
    assert.equal(cellOf({ path: 'a', relationships: [] }, names).kind, 'value');
    assert.equal(cellOf({ path: ['a'] }, names).kind, 'value');
    assert.equal(cellOf({ path: ['a', 'b'], relationships: [] }, names).kind, 'value', 'a hop without its relationship');
    assert.equal(cellOf({ path: ['a', 'b'], relationships: [{ type: 'MET' }] }, names).kind, 'value');
    assert.equal(cellOf({ relationship: 'r', type: 'MET', properties: {} }, names).kind, 'value', 'a relationship without its ends');
  });
});

describe('console results on the canvas', () => {
  it('picks out every node and link of the result', () => {
    const h = highlightOf(result());
    assert.deepEqual([...h.nodes].sort(), ['person:antony-blinken', 'person:wang-yi']);
    assert.deepEqual([...h.edges], ['5:abc:1']);
  });

  it('adds a result beside a node already on screen, else at its first node', () => {
    assert.equal(
      anchorOf(result(), (k) => k === 'person:antony-blinken'),
      'person:antony-blinken',
    );
    assert.equal(
      anchorOf(result(), () => false),
      'person:wang-yi',
    );
    assert.equal(
      anchorOf(result({ graph: { ...result().graph, nodes: [], edges: [] } }), () => true),
      null,
    );
  });

  it('sums a result up in words', () => {
    assert.equal(summaryOf(result({ rows: [[1]] })), '1 row, 2 nodes and 1 link in the graph');
    assert.equal(summaryOf(result({ rows: [], graph: { ...result().graph, nodes: [], edges: [] } })), 'No rows');
  });
});

describe('console history', () => {
  it('puts the last query first, once, and keeps the last 50', () => {
    let history: string[] = [];
    history = remember(history, 'MATCH (a) RETURN a');
    history = remember(history, 'MATCH (b) RETURN b');
    history = remember(history, '  MATCH (a) RETURN a\n');
    assert.deepEqual(history, ['MATCH (a) RETURN a', 'MATCH (b) RETURN b']);
    assert.deepEqual(remember(history, '   '), history, 'a blank query is not remembered');
    for (let i = 0; i < 60; i++) history = remember(history, `RETURN ${i}`);
    assert.equal(history.length, HISTORY_SIZE);
    assert.equal(history[0], 'RETURN 59');
    assert.equal(history.at(-1), 'RETURN 10');
  });

  it('reads back what it stored, and nothing from a broken store', () => {
    const data = new Map<string, string>();
    const store = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    saveHistory(store, ['RETURN 1', 'RETURN 2']);
    assert.deepEqual(loadHistory(store), ['RETURN 1', 'RETURN 2']);
    data.set(HISTORY_KEY, '{not json');
    assert.deepEqual(loadHistory(store), []);
    assert.deepEqual(parseHistory('{"a": 1}'), []);
    assert.deepEqual(parseHistory('["RETURN 1", 2, "", null]'), ['RETURN 1']);
    const throwing = {
      getItem: (): string | null => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    assert.deepEqual(loadHistory(throwing), []);
    assert.doesNotThrow(() => saveHistory(throwing, ['RETURN 1']));
    assert.deepEqual(loadHistory(undefined), []);
  });

  it('lists a query by its first line', () => {
    assert.equal(firstLine('MATCH (a)\nRETURN a'), 'MATCH (a) …');
    assert.equal(firstLine('RETURN 1'), 'RETURN 1');
    assert.equal(firstLine(`RETURN '${'x'.repeat(100)}'`, 20).length, 20);
  });

  it('offers examples that are reads', () => {
    assert.ok(EXAMPLES.length >= 3);
    for (const { query } of EXAMPLES) assert.match(query, /^MATCH /);
  });
});
