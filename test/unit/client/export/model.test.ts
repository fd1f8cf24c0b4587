import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentDispositionName } from '../../../../client/src/api.js';
import {
  chosen,
  dialogView,
  exportRequest,
  failed,
  finished,
  FORMATS,
  IMAGE_HINT,
  INITIAL_DIALOG,
  NO_CONTEXT,
  opened,
  pathOf,
  queryPreview,
  scopeOptions,
  submitted,
  type ExportContext,
} from '../../../../client/src/export/model.js';

const at = new Date(2025, 2, 4, 9, 5);
const nothing: ExportContext = { visible: { ids: [], positions: () => ({}) }, focus: null, path: null, query: null };
const everything: ExportContext = {
  visible: { ids: ['a', 'b'], positions: () => ({ a: [1, 2], b: [3, 4] }) },
  focus: { id: 'person:antony-blinken', name: 'Antony Blinken' },
  path: { from: { id: 'person:a', name: 'A' }, to: { id: 'person:c', name: 'C' }, hops: 2 },
  query: 'MATCH (p:Person)\nRETURN p LIMIT 5',
};

describe('the export dialog’s choices', () => {
  it('offers each scope only when the explorer has it, and says why not otherwise', () => {
    const off = scopeOptions(nothing);
    assert.deepEqual(
      off.map((o) => [o.value, o.enabled]),
      [
        ['visible', false],
        ['neighbourhood', false],
        ['path', false],
        ['query', false],
        ['all', true],
      ],
    );
    assert.match(off.find((o) => o.value === 'neighbourhood')!.detail, /Open an entity/);
    assert.match(off.find((o) => o.value === 'path')!.detail, /Find a path first/);
    assert.match(off.find((o) => o.value === 'query')!.detail, /Run a query/);
    const on = scopeOptions(everything);
    assert.ok(on.every((o) => o.enabled));
    assert.deepEqual(
      on.map((o) => o.label),
      ['Visible graph', 'Neighbourhood of Antony Blinken', 'Path A → C', 'Last query', 'Whole graph'],
    );
    assert.match(on[0]!.detail, /^2 nodes/);
    assert.equal(on[3]!.detail, 'MATCH (p:Person)…', 'the query’s first line, marked as cut');
  });

  it('builds the server’s scope for each choice, positions only with the visible graph', () => {
    assert.deepEqual(exportRequest('visible', 'gexf', 1, everything, at), {
      kind: 'data',
      format: 'gexf',
      scope: { kind: 'nodes', ids: ['a', 'b'] },
      positions: { a: [1, 2], b: [3, 4] },
      fileName: 'newsgraph-nodes-20250304-0905.gexf',
    });
    assert.deepEqual(exportRequest('neighbourhood', 'graphml', 2, everything, at), {
      kind: 'data',
      format: 'graphml',
      scope: { kind: 'neighbourhood', id: 'person:antony-blinken', depth: 2 },
      fileName: 'newsgraph-neighbourhood-person-antony-blinken-20250304-0905.graphml',
    });
    const path = exportRequest('path', 'csv', 1, everything, at);
    assert.deepEqual(path.kind === 'data' && path.scope, { kind: 'path', from: 'person:a', to: 'person:c', maxLength: 2 });
    assert.equal(path.fileName, 'newsgraph-path-person-a-person-c-20250304-0905.csv.zip');
    const query = exportRequest('query', 'cypher', 1, everything, at);
    assert.deepEqual(query.kind === 'data' && query.scope, { kind: 'cypher', query: everything.query });
    assert.deepEqual(exportRequest('all', 'evidence', 1, nothing, at), {
      kind: 'data',
      format: 'evidence',
      scope: { kind: 'all' },
      fileName: 'newsgraph-all-20250304-0905.evidence.json',
    });
  });

  it('draws images of the visible graph only, and refuses a scope the explorer does not have', () => {
    assert.deepEqual(exportRequest('visible', 'svg', 1, everything, at), { kind: 'image', format: 'svg', fileName: 'newsgraph-view-20250304-0905.svg' });
    assert.deepEqual(exportRequest('visible', 'png', 1, everything, at), { kind: 'image', format: 'png', fileName: 'newsgraph-view-20250304-0905.png' });
    assert.throws(() => exportRequest('neighbourhood', 'png', 1, everything), { message: IMAGE_HINT });
    assert.throws(() => exportRequest('all', 'svg', 1, everything), { message: IMAGE_HINT });
    assert.throws(() => exportRequest('neighbourhood', 'json', 1, nothing), /Open an entity/);
    assert.throws(() => exportRequest('visible', 'json', 1, nothing), /Nothing is shown/);
    assert.deepEqual(
      FORMATS.filter((f) => f.image).map((f) => f.value),
      ['png', 'svg'],
    );
    assert.ok(
      FORMATS.every((f) => f.opensWith.length > 10),
      'every format says what opens it',
    );
  });

  it('reads the path on show from #graph[data-path]', () => {
    const names: Record<string, string> = { 'person:a': 'A', 'person:c': 'C' };
    assert.deepEqual(
      pathOf('person:a place:b person:c', (id) => names[id] ?? id),
      { from: { id: 'person:a', name: 'A' }, to: { id: 'person:c', name: 'C' }, hops: 2 },
    );
    assert.equal(pathOf(undefined, String), null);
    assert.equal(pathOf('person:a', String), null);
    assert.equal(pathOf('', String), null);
  });

  it('offers no query export when the last query returned values only, and says why', () => {
    const valuesOnly = scopeOptions({ ...nothing, query: 'MATCH (p:Person) RETURN count(p)', queryValuesOnly: true }).find((o) => o.value === 'query')!;
    assert.equal(valuesOnly.enabled, false);
    assert.match(valuesOnly.detail, /values only, no nodes/);
    assert.equal(scopeOptions({ ...nothing, query: 'MATCH (p:Person) RETURN p', queryValuesOnly: false }).find((o) => o.value === 'query')!.enabled, true);
  });

  it('cuts a long query to one line', () => {
    assert.equal(queryPreview('  MATCH (n) RETURN n  '), 'MATCH (n) RETURN n');
    const long = `MATCH (n) WHERE n.name = '${'x'.repeat(100)}' RETURN n`;
    assert.equal(queryPreview(long, 20).length, 20);
    assert.ok(queryPreview(long, 20).endsWith('…'));
  });

  it('takes the file name from Content-Disposition, the UTF-8 one first', () => {
    assert.equal(contentDispositionName(`attachment; filename="newsgraph-all.json"; filename*=UTF-8''newsgraph-%C5%8Dsaka.json`), 'newsgraph-ōsaka.json');
    assert.equal(contentDispositionName('attachment; filename="a \\"b\\".graphml"'), 'a "b".graphml');
    assert.equal(contentDispositionName('attachment; filename=plain.gexf'), 'plain.gexf');
    assert.equal(contentDispositionName(`attachment; filename="fallback.csv.zip"; filename*=UTF-8''%E0%A4%A`), 'fallback.csv.zip');
    assert.equal(contentDispositionName('attachment'), null);
    assert.equal(contentDispositionName(null), null);
  });
});

describe('the export dialog’s state', () => {
  const onlyFocus: ExportContext = { ...nothing, focus: everything.focus };

  it('opens on the visible graph as JSON, and keeps the last choices while the explorer still offers them', () => {
    const first = opened(INITIAL_DIALOG, everything);
    assert.deepEqual([first.scope, first.format, first.depth, first.error], ['visible', 'json', 1, '']);
    const picked = chosen(chosen(first, { scope: 'neighbourhood' }), { format: 'gexf', depth: 3 });
    const again = opened(picked, everything);
    assert.deepEqual([again.scope, again.format, again.depth], ['neighbourhood', 'gexf', 3]);
  });

  it('falls back to the visible graph, or the whole graph when nothing is shown, once a scope is no longer offered', () => {
    const path = chosen(opened(INITIAL_DIALOG, everything), { scope: 'path' });
    assert.equal(opened(path, { ...everything, path: null }).scope, 'visible');
    assert.equal(opened(path, onlyFocus).scope, 'all');
    assert.equal(opened(INITIAL_DIALOG, NO_CONTEXT).scope, 'all');
  });

  it('offers images with the visible graph only, and a chosen image gives way to JSON when the scope changes', () => {
    const svg = chosen(opened(INITIAL_DIALOG, everything), { format: 'svg' });
    const images = (state: typeof svg) =>
      dialogView(state)
        .formats.filter((f) => f.enabled)
        .some((f) => f.image);
    assert.equal(images(svg), true);
    assert.equal(dialogView(svg).imageHint, false);
    const all = chosen(svg, { scope: 'all' });
    assert.equal(all.format, 'json');
    assert.equal(images(all), false);
    assert.equal(dialogView(all).imageHint, true);
    assert.equal(opened(svg, onlyFocus).format, 'json', 'nothing shown: the whole graph, as JSON');
    assert.equal(chosen(all, { scope: 'visible' }).format, 'json', 'the image is not chosen again by itself');
  });

  it('offers the depth with a focused entity only', () => {
    assert.equal(dialogView(opened(INITIAL_DIALOG, everything)).depthEnabled, true);
    assert.equal(dialogView(opened(INITIAL_DIALOG, nothing)).depthEnabled, false);
    assert.deepEqual(
      dialogView(opened(INITIAL_DIALOG, onlyFocus)).scopes.map((o) => o.enabled),
      [false, true, false, false, true],
    );
  });

  it('sends the request chosen once, and shows why a failure or a refused choice did not export', () => {
    const state = chosen(opened(INITIAL_DIALOG, everything), { scope: 'neighbourhood', format: 'graphml', depth: 2 });
    const sent = submitted(state, at);
    assert.deepEqual(sent.request, exportRequest('neighbourhood', 'graphml', 2, everything, at));
    assert.equal(sent.state.running, true);
    assert.deepEqual(submitted(sent.state), { state: sent.state, request: null }, 'a second press while it runs does nothing');

    const refused = failed(sent.state, 'No entity or allegation with id person:antony-blinken');
    assert.equal(refused.running, false);
    assert.equal(refused.error, 'Could not export: No entity or allegation with id person:antony-blinken');
    assert.equal(chosen(refused, { format: 'gexf' }).error, '', 'a new choice clears it');
    assert.equal(opened(refused, everything).error, '', 'so does opening the dialog again');
    assert.equal(submitted(refused, at).state.error, '', 'and trying again');
    assert.equal(finished(sent.state).running, false);
    assert.equal(finished(sent.state).error, '');

    // The explorer changed while the dialog stayed open: the last guard says why, nothing is sent.
    const stale = submitted({ ...state, context: nothing }, at);
    assert.equal(stale.request, null);
    assert.match(stale.state.error, /Open an entity/);
    assert.equal(stale.state.running, false);
  });
});

describe('export request under a time range', () => {
  it('sends the timeline range with a data export, and nothing when there is none', () => {
    const context = { visible: { ids: ['a'], positions: () => ({}) }, focus: null, path: null, query: null };
    const ranged = exportRequest('all', 'json', 1, { ...context, range: { from: '2024-02-01', to: '2024-02-29' } });
    assert.equal(ranged.kind, 'data');
    assert.deepEqual(ranged.kind === 'data' && ranged.range, { from: '2024-02-01', to: '2024-02-29' });
    const plain = exportRequest('all', 'json', 1, context);
    assert.equal(plain.kind === 'data' && 'range' in plain, false);
  });
});
