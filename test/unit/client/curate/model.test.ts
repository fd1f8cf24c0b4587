import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Correction, CorrectionChange, DuplicateSuggestion } from '../../../../common/curate.js';
import type { SerializedGraph } from '../../../../common/graph.js';
import {
  afterDecision,
  candidateProblem,
  canvasStep,
  correctionText,
  editRequest,
  entityActions,
  logEntry,
  mayCurate,
  mergeRequest,
  pending,
  primaryOf,
  purgeSnapshot,
  restrictTo,
  reviewOf,
  splitRequest,
  viewAfter,
  when,
} from '../../../../client/src/curate/model.js';

const SERGEI = 'person:sergei-volkov';
const SERGEY = 'person:sergey-volkov';

const merge: CorrectionChange = {
  action: 'merge',
  into: SERGEI,
  ids: [SERGEY],
  name: 'Sergei Volkov',
  before: [
    { id: SERGEI, category: 'person', name: 'Sergei Volkov', aliases: [], kind: null },
    { id: SERGEY, category: 'person', name: 'Sergey Volkov', aliases: ['S. Volkov'], kind: null },
  ],
};
const split: CorrectionChange = { action: 'split', from: SERGEI, into: 'person:sergey-volkov-2', aliases: ['Sergey Volkov'], name: 'Sergey Volkov' };
const rejectLink: CorrectionChange = {
  action: 'reject',
  relationship: { source: SERGEI, type: 'MET', target: 'person:anna-berg' },
  label: 'Sergei Volkov —MET→ Anna Berg',
};

const graphOf = (nodes: { key: string; labels?: string[] }[], edges: [string, string, string][] = []): SerializedGraph =>
  ({
    attributes: {},
    options: { type: 'directed', multi: true, allowSelfLoops: true },
    nodes: nodes.map((n) => ({ key: n.key, attributes: { label: n.key, labels: n.labels ?? ['Entity', 'Person'], kind: 'Person', properties: {} } })),
    edges: edges.map(([key, source, target]) => ({ key, source, target, attributes: { relType: 'MET', properties: {} } })),
  }) as unknown as SerializedGraph;

const side = (id: string): DuplicateSuggestion['entities'][0] => ({ id, name: id, aliases: [], category: 'person', kind: null, documents: 1, evidence: [] });
const suggestion = (a: string, b: string): DuplicateSuggestion => ({
  ids: [a, b],
  score: 1,
  reasons: [{ code: 'spelling', text: 'one letter apart' }],
  entities: [side(a), side(b)],
});

describe('curation in the explorer: who may, and what is offered', () => {
  it('offers corrections to editors and admins, never to readers or before the session is known', () => {
    assert.equal(mayCurate({ role: 'editor' }), true);
    assert.equal(mayCurate({ role: 'admin' }), true);
    assert.equal(mayCurate({ role: 'reader' }), false);
    assert.equal(mayCurate(null), false);
  });

  it('offers Split only with two names or more, Reject alone for an allegation, Restore alone when rejected', () => {
    assert.deepEqual(entityActions({ kind: 'Person', name: 'A', aliases: [] }, false), ['edit', 'merge', 'reject']);
    assert.deepEqual(entityActions({ kind: 'Person', name: 'A', aliases: ['a', 'B'] }, false), ['edit', 'merge', 'split', 'reject']);
    assert.deepEqual(entityActions({ kind: 'Allegation', name: 'A said', aliases: [] }, false), ['reject']);
    assert.deepEqual(entityActions({ kind: 'Place', name: 'Oslo', aliases: [] }, true), ['restore']);
  });
});

describe('curation forms: what is sent, or why not', () => {
  const anna = { name: 'Anna Berg', kind: 'Person', properties: {} };
  it('sends only what the edit changed, with the reason; refuses no change and no reason', () => {
    assert.deepEqual(editRequest(anna, { name: 'Anna K. Berg ', category: 'person', kind: '', reason: ' full name ' }), {
      ok: true,
      body: { name: 'Anna K. Berg', reason: 'full name' },
    });
    const made = editRequest(anna, { name: 'Anna Berg', category: 'institution', kind: 'company', reason: 'a firm' });
    assert.deepEqual(made, { ok: true, body: { category: 'institution', kind: 'company', reason: 'a firm' } });
    assert.match((editRequest(anna, { name: 'Anna Berg', category: 'person', kind: '', reason: 'x' }) as { problem: string }).problem, /Nothing to change/);
    assert.match((editRequest(anna, { name: 'Anna', category: 'person', kind: '', reason: '  ' }) as { problem: string }).problem, /Say why/);
    const firm = { name: 'Acme', kind: 'Institution', properties: { kind: 'company' } };
    assert.deepEqual(editRequest(firm, { name: 'Acme', category: 'place', kind: 'company', reason: 'a town' }), {
      ok: true,
      body: { category: 'place', kind: null, reason: 'a town' },
    });
  });

  it('splits off the names ticked, leaving at least one', () => {
    const e = { name: 'Sergei Volkov', aliases: ['Sergey Volkov', 'sergei volkov'] };
    assert.deepEqual(splitRequest(e, ['Sergey Volkov'], 'two men'), { ok: true, body: { aliases: ['Sergey Volkov'], reason: 'two men' } });
    assert.equal(splitRequest(e, [], 'x').ok, false);
    assert.match((splitRequest(e, ['Sergei Volkov', 'Sergey Volkov'], 'x') as { problem: string }).problem, /at least one/);
  });

  it('merges entities of one kind; the entity keeps its id, the name chosen is sent when it is another', () => {
    const self = { id: SERGEI, name: 'Sergei Volkov', kind: 'Person' };
    const other = { id: SERGEY, name: 'Sergey Volkov', kind: 'Person' };
    assert.match(candidateProblem(self, [], { id: 'place:oslo', name: 'Oslo', kind: 'Place' })!, /one kind/);
    assert.match(candidateProblem(self, [], self)!, /itself/);
    assert.match(candidateProblem(self, [other], other)!, /already/);
    assert.equal(candidateProblem(self, [], other), null);
    assert.deepEqual(mergeRequest(self, [other], 'Sergei Volkov', 'same man'), { ok: true, body: { ids: [SERGEI, SERGEY], reason: 'same man' } });
    assert.deepEqual(mergeRequest(self, [other], 'Sergey Volkov', 'same man'), {
      ok: true,
      body: { ids: [SERGEI, SERGEY], reason: 'same man', name: 'Sergey Volkov' },
    });
    assert.equal(mergeRequest(self, [], 'x', 'y').ok, false);
  });
});

describe('the duplicates review after a decision', () => {
  const start = reviewOf([suggestion('a', 'b'), suggestion('b', 'c'), suggestion('c', 'd')]);
  it('puts a pair off for the session, and keeps it off in a fresh list', () => {
    const next = afterDecision(start, ['b', 'a'], { decision: 'later' });
    assert.deepEqual(
      pending(next).map((s) => s.ids.join()),
      ['b,c', 'c,d'],
    );
    assert.equal(pending(reviewOf(start.suggestions, next.later)).length, 2);
  });
  it('drops a pair said not to be the same, and after a merge every pair naming an entity absorbed', () => {
    assert.equal(pending(afterDecision(start, ['c', 'd'], { decision: 'distinct' })).length, 2);
    assert.deepEqual(
      pending(afterDecision(start, ['a', 'b'], { decision: 'merge', absorbed: ['b'] })).map((s) => s.ids.join()),
      ['c,d'],
    );
  });
});

describe('the canvas after a correction, and after its revert', () => {
  it('a merge drops the absorbed entities and puts the merged one in their place with all its links', () => {
    const step = canvasStep(merge);
    assert.deepEqual(step.drop, [SERGEY]);
    assert.deepEqual(step.reopen, [{ id: SERGEI, near: [SERGEY], all: true, relink: true }]);
    assert.deepEqual(step.replaced, { [SERGEY]: SERGEI });
    const back = canvasStep(merge, { reverted: true });
    assert.deepEqual(back.drop, []);
    assert.deepEqual(
      back.reopen.map((r) => [r.id, r.all, r.relink]),
      [
        [SERGEI, false, true],
        [SERGEY, true, false],
      ],
    );
  });
  it('a split adds the new entity beside the old, whose links are fetched anew; its revert takes it away', () => {
    assert.deepEqual(
      canvasStep(split).reopen.map((r) => [r.id, r.near]),
      [
        [SERGEI, []],
        ['person:sergey-volkov-2', [SERGEI]],
      ],
    );
    assert.deepEqual(canvasStep(split, { reverted: true }).drop, ['person:sergey-volkov-2']);
    assert.equal(primaryOf(split), 'person:sergey-volkov-2');
    assert.equal(primaryOf(split, true), SERGEI);
  });
  it('a rejected link goes by its key, and comes back through its source; a rejected entity goes', () => {
    assert.deepEqual(canvasStep(rejectLink, { edge: 'e1' }).dropEdges, ['e1']);
    assert.deepEqual(canvasStep(rejectLink, { reverted: true }).reopen, [{ id: SERGEI, near: [], all: false, relink: false }]);
    assert.deepEqual(canvasStep({ action: 'reject', node: 'place:oslo', label: 'Oslo' }).drop, ['place:oslo']);
    assert.deepEqual(canvasStep({ action: 'distinct', ids: [SERGEI, SERGEY] }), { drop: [], dropEdges: [], reopen: [], replaced: {} });
  });
  it('keeps of a neighbourhood only the nodes asked for and the links between them', () => {
    const g = restrictTo(
      graphOf(
        [{ key: 'a' }, { key: 'b' }, { key: 'c' }],
        [
          ['ab', 'a', 'b'],
          ['ac', 'a', 'c'],
        ],
      ),
      new Set(['a', 'b']),
    );
    assert.deepEqual(
      g.nodes.map((n) => n.key),
      ['a', 'b'],
    );
    assert.deepEqual(
      g.edges.map((e) => e.key),
      ['ab'],
    );
  });
  it('purges undo snapshots of what is gone, and renames what was renamed', () => {
    const snapshot = {
      nodes: [
        { key: 'a', attributes: { label: 'A' } },
        { key: 'b', attributes: { label: 'B' } },
        { key: 'c', attributes: { label: 'C' } },
      ],
      edges: [
        { key: 'ab', source: 'a', target: 'b' },
        { key: 'ac', source: 'a', target: 'c' },
      ],
    };
    const purged = purgeSnapshot(snapshot, { drop: ['b'], dropEdges: ['ac'] }, new Map([['a', 'A2']]));
    assert.deepEqual(purged, { nodes: [{ key: 'a', attributes: { label: 'A2' } }, snapshot.nodes[2]], edges: [] });
  });
  it('moves the address from an entity merged away to the merged one, and forgets steps on one rejected', () => {
    const view = {
      focus: SERGEY,
      steps: [
        { kind: 'expand' as const, id: SERGEY },
        { kind: 'expand' as const, id: 'place:oslo' },
      ],
    };
    assert.deepEqual(viewAfter(view, canvasStep(merge)), {
      focus: SERGEI,
      steps: [
        { kind: 'expand', id: SERGEI },
        { kind: 'expand', id: 'place:oslo' },
      ],
    });
    assert.deepEqual(viewAfter(view, { drop: ['place:oslo'], replaced: {} })!.steps, [{ kind: 'expand', id: SERGEY }]);
    assert.equal(viewAfter(null, canvasStep(merge)), null);
  });
});

describe('corrections in words', () => {
  it('says each correction in one sentence', () => {
    assert.equal(correctionText(merge), 'Merged Sergey Volkov into Sergei Volkov');
    assert.equal(
      correctionText(split, (id) => (id === SERGEI ? 'Sergei Volkov' : undefined)),
      'Split "Sergey Volkov" off Sergei Volkov as Sergey Volkov',
    );
    assert.equal(correctionText(rejectLink), 'Rejected the link Sergei Volkov → met → Anna Berg');
    assert.equal(correctionText({ action: 'reject', node: 'place:oslo', label: 'Oslo' }), 'Rejected Oslo');
    assert.equal(
      correctionText({
        action: 'edit',
        id: 'x',
        before: { name: 'Acme', category: 'person', kind: null },
        after: { name: 'Acme Ltd', category: 'institution', kind: 'company' },
      }),
      'Edited Acme: renamed to Acme Ltd, made an institution, kind set to company',
    );
    assert.equal(
      correctionText({ action: 'distinct', ids: ['a', 'b'] }, () => undefined),
      'Marked a and b as not the same',
    );
  });
  it('lists who, when and why, and offers Revert only while the correction holds', () => {
    const c: Correction = { id: 'c1', change: merge, reason: 'same man', by: 'Ana', at: '2025-05-01T14:03:27.120Z', reverted: null };
    assert.deepEqual(logEntry(c), {
      id: 'c1',
      what: 'Merged Sergey Volkov into Sergei Volkov',
      who: 'Ana, 2025-05-01 14:03 UTC',
      why: 'same man',
      reverted: null,
      revertable: true,
    });
    const undone = logEntry({ ...c, reverted: { by: 'Bo', at: '2025-05-02T09:00:00Z', reason: 'two men' } });
    assert.equal(undone.reverted, 'Reverted by Bo, 2025-05-02 09:00 UTC: two men');
    assert.equal(undone.revertable, false);
    assert.equal(when('not a time'), 'not a time');
  });
});
