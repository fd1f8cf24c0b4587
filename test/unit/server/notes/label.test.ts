import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeLucene, linkLabel, notesQuery } from '../../../../server/notes/label.js';
import { targetKey } from '../../../../server/notes/target.js';

describe('notes: keys, labels and search words', () => {
  it('keys a target by what it is, a relationship by its ends, type and title', () => {
    assert.equal(targetKey({ entity: 'person:a' }), 'entity:person:a');
    assert.equal(targetKey({ document: 'doc:1' }), 'document:doc:1');
    assert.equal(targetKey({ relationship: { source: 'a', type: 'MET', target: 'b' } }), 'rel:a|MET|b');
    assert.equal(targetKey({ relationship: { source: 'a', type: 'HOLDS_ROLE', target: 'b', title: 'Minister' } }), 'rel:a|HOLDS_ROLE|b|Minister');
    assert.equal(linkLabel('A', 'MET', 'B'), 'A —MET→ B');
  });

  it("takes the user's words literally: Lucene's syntax escaped, every word required, as a word or a prefix", () => {
    assert.equal(escapeLucene('a+b(c)"d:e\\f/g'), 'a\\+b\\(c\\)\\"d\\:e\\\\f\\/g');
    assert.equal(notesQuery('Munich  sanct'), '(munich OR munich*) AND (sanct OR sanct*)');
    assert.equal(notesQuery('AND (x'), '(and OR and*) AND (\\(x OR \\(x*)');
    assert.equal(notesQuery(' -- ** '), null);
  });
});
