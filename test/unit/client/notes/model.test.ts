import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { destinationOf, edgeFor, noteMeta, notesUrl, noteTextProblem, searchLine } from '../../../../client/src/notes/model.js';

describe('notes model', () => {
  it('asks for a target’s notes by entity, document or edge key', () => {
    assert.equal(notesUrl({ entity: 'person:antony-blinken' }), '/api/notes?entity=person%3Aantony-blinken');
    assert.equal(notesUrl({ document: 'doc:1' }), '/api/notes?document=doc%3A1');
    assert.equal(notesUrl({ edge: '5:ab:12' }), '/api/notes?edge=5%3Aab%3A12');
  });

  it('says what is wrong with a text before sending it', () => {
    assert.equal(noteTextProblem('  '), 'Write something first.');
    assert.match(noteTextProblem('x'.repeat(10_001))!, /at most 10,000 characters; this one has 10,001/);
    assert.equal(noteTextProblem(' fine '), null);
  });

  it('reads author and date, and says when a note was edited', () => {
    assert.equal(noteMeta({ by: 'ann', at: '2026-05-12T14:02:00Z', updatedAt: '2026-05-12T14:02:00Z' }).split(' · ')[0], 'ann');
    assert.match(noteMeta({ by: 'ann', at: '2026-05-12T14:02:00Z', updatedAt: '2026-05-13T09:00:00Z' }), /\(edited 13 May 2026, \d\d:\d\d\)$/);
  });

  it('opens what a note is on, and finds a link note’s edge on the canvas', () => {
    assert.deepEqual(destinationOf({ entity: 'a' }), { kind: 'entity', id: 'a' });
    const link = destinationOf({ relationship: { source: 'a', type: 'HOLDS_ROLE', target: 'b', title: 'Minister' } });
    assert.equal(link.kind, 'link');
    const edges = [
      { key: 'e1', source: 'a', target: 'b', relType: 'HOLDS_ROLE', title: 'Envoy' },
      { key: 'e2', source: 'a', target: 'b', relType: 'HOLDS_ROLE', title: 'Minister' },
    ];
    assert.equal(edgeFor(edges, link as Extract<typeof link, { kind: 'link' }>), 'e2');
    assert.equal(edgeFor([], link as Extract<typeof link, { kind: 'link' }>), null);
    assert.deepEqual(searchLine({ text: 'a\n\nb  c', label: 'X' }), { text: 'a b c', on: 'X' });
    assert.equal(searchLine({ text: 'x'.repeat(100), label: 'X' }).text.length, 80);
  });
});
