/**
 * The extractor loads compromise's prebuilt "two" build for speed (server/extract/rules/compromise.ts);
 * these check it holds the same lexicon and conjugates as the package's full default entry would.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import full from 'compromise';
import { compromiseModel, verbForms } from '../../../../../server/extract/rules/compromise.js';

type Lexicon = Record<string, string | string[]>;
const fullModel = full.model() as unknown as { one: { lexicon: Lexicon } };
const fullVerbs = (full as unknown as { methods: () => { two: { transform: { verb: typeof verbForms } } } }).methods().two.transform.verb;

test('the "two" build has the full package’s lexicon, word for word and tag for tag', () => {
  const mine = compromiseModel.one.lexicon;
  const theirs = fullModel.one.lexicon;
  assert.ok(Object.keys(mine).length > 10_000);
  assert.deepEqual(Object.keys(mine).sort(), Object.keys(theirs).sort());
  const differ = Object.keys(theirs).filter((w) => JSON.stringify(mine[w]) !== JSON.stringify(theirs[w]));
  assert.deepEqual(differ, []);
});

test('the "two" build conjugates verbs as the full package does', () => {
  for (const word of ['indicted', 'charged', 'sued', 'held', 'fought', 'met', 'paid', 'fined', 'colluded', 'bribes', 'denies', 'arrest']) {
    assert.equal(verbForms.toInfinitive(word, compromiseModel), fullVerbs.toInfinitive(word, fullModel), word);
    assert.equal(verbForms.toInfinitive(word, compromiseModel, 'PastTense'), fullVerbs.toInfinitive(word, fullModel, 'PastTense'), word);
  }
  for (const lemma of ['hold', 'meet', 'sue', 'collude', 'pay', 'fight', 'accuse']) {
    assert.deepEqual(verbForms.conjugate(lemma, compromiseModel), fullVerbs.conjugate(lemma, fullModel), lemma);
  }
});
