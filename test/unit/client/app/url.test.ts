import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MultiDirectedGraph } from 'graphology';
import { formatViewUrl, MAX_STEPS, parseViewUrl, recordFocus, recordStep, viewOf, type View } from '../../../../client/src/app/url.js';
import { History } from '../../../../client/src/graph/expand.js';
import type { ViewGraph } from '../../../../client/src/graph/model.js';

describe('the view in the address', () => {
  it('writes the focus and the steps in order, and reads them back the same', () => {
    const view: View = {
      focus: 'person:antony-blinken',
      steps: [
        { kind: 'expand', id: 'person:wang-yi' },
        { kind: 'more', id: 'person:antony-blinken' },
        { kind: 'collapse', id: 'person:wang-yi' },
        { kind: 'expand', id: 'person:xi-jinping' },
      ],
    };
    const search = formatViewUrl(view);
    assert.equal(search, '?focus=person:antony-blinken&expand=person:wang-yi&more=person:antony-blinken&collapse=person:wang-yi&expand=person:xi-jinping');
    assert.deepEqual(parseViewUrl(search), { view, pageSize: null, problems: [], investigation: null });
  });

  it('encodes ids that hold &, =, #, +, spaces or non-ASCII, and decodes them whole', () => {
    const odd = ['4:0a1b-c2:17', 'a&b=c#d', 'x+y z/%', 'person:zoë-ştefan', '?focus=evil'];
    const view: View = { focus: odd[0]!, steps: odd.slice(1).map((id) => ({ kind: 'expand' as const, id })) };
    const search = formatViewUrl(view);
    assert.doesNotMatch(search.slice(1), /[#\s]|&b=|\?/, search);
    assert.deepEqual(parseViewUrl(search).view, view);
    // Also as the browser hands it back, through a URL object.
    assert.deepEqual(parseViewUrl(new URL(`http://h/${search}`).search).view, view);
  });

  it('keeps parameters that are not the view’s, pageSize among them, and drops an empty view', () => {
    assert.equal(formatViewUrl({ focus: 'person:a', steps: [] }, '?pageSize=3&focus=person:old&expand=person:b&lang=en'), '?pageSize=3&lang=en&focus=person:a');
    assert.equal(formatViewUrl({ focus: null, steps: [] }, '?focus=person:old'), '');
    assert.equal(formatViewUrl(null, '?pageSize=3&expand=x'), '?pageSize=3');
    assert.equal(parseViewUrl('?pageSize=3').pageSize, 3);
  });

  it('leaves out what is malformed and says so, without throwing', () => {
    const parsed = parseViewUrl(`?focus=&expand=person:a&pageSize=0&collapse=${'x'.repeat(301)}&more=%01bad&pageSize=abc&expand=person:b`);
    assert.deepEqual(parsed.view, {
      focus: null,
      steps: [
        { kind: 'expand', id: 'person:a' },
        { kind: 'expand', id: 'person:b' },
      ],
    });
    assert.equal(parsed.pageSize, null);
    assert.equal(parsed.problems.length, 5, parsed.problems.join('\n'));
    assert.ok(parsed.problems.some((p) => /pageSize/.test(p)));
    assert.deepEqual(parseViewUrl('%%%&&==').view, { focus: null, steps: [] });
    assert.deepEqual(parseViewUrl('').view, { focus: null, steps: [] });
  });

  it('starts the steps afresh at a later focus, and replays a bounded number of steps', () => {
    assert.deepEqual(parseViewUrl('?focus=a&expand=b&focus=c&more=c').view, { focus: 'c', steps: [{ kind: 'more', id: 'c' }] });
    const many = parseViewUrl(`?focus=a${'&expand=b'.repeat(MAX_STEPS + 5)}`);
    assert.equal(many.view.steps.length, MAX_STEPS);
    assert.match(many.problems[0]!, new RegExp(`first ${MAX_STEPS}`));
  });

  it('keeps the steps in the graph, so a snapshot taken for undo holds the view it had', () => {
    const graph: ViewGraph = new MultiDirectedGraph();
    assert.equal(viewOf(graph), null, 'a canvas from nowhere a link can replay');
    graph.setAttribute('scope', 'overview');
    assert.deepEqual(viewOf(graph), { focus: null, steps: [] });
    recordStep(graph, { kind: 'expand', id: 'a' });
    const history = new History();
    history.record(graph);
    recordFocus(graph, 'b');
    recordStep(graph, { kind: 'more', id: 'b' });
    assert.deepEqual(viewOf(graph), { focus: 'b', steps: [{ kind: 'more', id: 'b' }] });
    assert.ok(history.undo(graph));
    assert.deepEqual(viewOf(graph), { focus: null, steps: [{ kind: 'expand', id: 'a' }] });
    assert.ok(history.redo(graph));
    assert.deepEqual(viewOf(graph), { focus: 'b', steps: [{ kind: 'more', id: 'b' }] });
    const other: ViewGraph = new MultiDirectedGraph();
    other.setAttribute('scope', 'cypher');
    recordStep(other, { kind: 'expand', id: 'a' });
    assert.equal(viewOf(other), null, 'steps on a canvas a link cannot rebuild are not written');
  });
});
