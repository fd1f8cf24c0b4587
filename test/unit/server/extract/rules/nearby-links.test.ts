/** The loosest interaction rule on its own: neighbours in one clause, linked by the verb between them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolve } from '../../../../../server/extract/rules/aliases.js';
import { findMentions } from '../../../../../server/extract/rules/mentions.js';
import { nearbyLinks } from '../../../../../server/extract/rules/nearby-links.js';
import { splitSentences, tokenize } from '../../../../../server/extract/rules/nlp.js';

function nearby(text: string, alreadyLinked = false): string[] {
  const sentences = splitSentences(text);
  const tokens = sentences.map((s, i) => tokenize(s, i));
  const { placed } = resolve(
    text,
    sentences,
    tokens,
    tokens.flatMap((t, i) => findMentions(text, t, i)),
  );
  const found = alreadyLinked ? [{ type: 'met', source: 'Tobias Brandt', target: 'Lena Morrow', sentence: 0, evidence: sentences[0]!, hedged: false }] : [];
  return nearbyLinks(sentences, tokens, placed, found).map((i) => `${i.source} -${i.type}-> ${i.target}`);
}

test('two names a few words apart with a verb between them are linked by that verb', () => {
  assert.deepEqual(nearby('Tobias Brandt quietly wired Lena Morrow.'), ['Tobias Brandt -wired-> Lena Morrow']);
});

test('a pair an earlier rule linked in the sentence is left alone', () => {
  assert.deepEqual(nearby('Tobias Brandt quietly wired Lena Morrow.', true), []);
});

test('no link across a clause break, over a reporting verb, over a long gap, or without a verb', () => {
  for (const text of [
    'Tobias Brandt arrived on Monday while Lena Morrow left.',
    'Tobias Brandt said Lena Morrow was away.',
    'Tobias Brandt spent the whole long wet summer quietly abroad then phoned Lena Morrow.',
    'Tobias Brandt of the Lena Morrow.',
  ])
    assert.deepEqual(nearby(text), [], text);
});

test('a bare noun alone between two names names the second: no act, or the relation the noun states', () => {
  assert.deepEqual(nearby('The Northern League club Ashford Rovers sacked its manager.'), []);
  assert.deepEqual(nearby('He said NATO member Latvia would vote.'), ['Latvia -member_of-> NATO']);
});
