/** What the two logistic models share: the feature space, weight vectors, buckets and the preposition before a name. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FeatureSpace, bucket, numbered, prepositionBefore, probability, PREPOSITION_NAMES } from '../../../../../server/extract/rules/logistic.js';
import { splitSentences, tokenize } from '../../../../../server/extract/rules/nlp.js';

test('a feature space numbers its names, refuses unknown ones, and makes a vector of named weights', () => {
  const space = new FeatureSpace(['bias', ...numbered('gap', 3)]);
  assert.deepEqual(space.names, ['bias', 'gap0', 'gap1', 'gap2']);
  assert.equal(space.id('gap1'), 2);
  assert.throws(() => space.id('gap9'), /gap9/);
  const w = space.vector({ bias: 1, gap2: -2, unknown: 5 });
  assert.deepEqual([...w], [1, 0, 0, -2]);
  assert.equal(probability([0, 3], w), 1 / (1 + Math.exp(1)));
  assert.deepEqual(space.namesOf([3, 0]), ['gap2', 'bias']);
});

test('buckets: each edge is its bucket’s greatest value', () => {
  assert.deepEqual(
    [0, 1, 3, 4, 8, 9, 100].map((n) => bucket(n, [0, 3, 8])),
    [0, 1, 1, 2, 2, 3, 3],
  );
});

test('the preposition before a name, over a determiner; an unnamed one is "other"', () => {
  const text = 'He spoke with the Harbour Board, about Acme and to its owner Globex.';
  const [toks] = splitSentences(text).map((s, i) => tokenize(s, i));
  const at = (w: string) => toks!.findIndex((t) => t.text === w);
  const name = (k: number) => PREPOSITION_NAMES[prepositionBefore(toks!, k)];
  assert.equal(name(at('Harbour')), 'with');
  assert.equal(name(at('Acme')), 'other');
  assert.equal(name(at('owner')), 'to');
  assert.equal(name(at('Globex')), 'none');
  assert.equal(name(at('He')), 'none');
});
