/** The likely-link model: which pairs it weighs, what it knows of them, and what it adds to the rules' links. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract, ruleStages } from '../../../../../server/extract/rules/index.js';
import { LINK_FEATURES, candidatePairs, likelyLinks, linkProbability, type PairCandidate } from '../../../../../server/extract/rules/likely-links.js';
import { LINK_THRESHOLD, LINK_WEIGHTS } from '../../../../../server/extract/rules/likely-link-weights.js';

function candidates(text: string, withLinked = false): { st: ReturnType<typeof ruleStages>; cs: PairCandidate[] } {
  const st = ruleStages(text);
  return { st, cs: candidatePairs(st.tokens, st.placed, st.interactions, withLinked) };
}
const named = (c: PairCandidate): string => `${c.a.entity.name} ~ ${c.b.entity.name}`;

test('every pair of entities named in one sentence is a candidate, in reading order, once', () => {
  const { cs } = candidates('title: Court\nTobias Brandt and Lena Morrow appeared in court in Bristol on Monday, where Brandt and Morrow were charged.');
  assert.deepEqual(cs.map(named).sort(), ['Lena Morrow ~ Bristol', 'Tobias Brandt ~ Bristol', 'Tobias Brandt ~ Lena Morrow']);
});

test('a candidate knows the shape of what joins the two names', () => {
  const { cs } = candidates('title: Court\nTobias Brandt and Lena Morrow appeared in court in Bristol on Monday.');
  const pair = cs.find((c) => named(c) === 'Tobias Brandt ~ Lena Morrow')!;
  for (const f of ['kinds:pp', 'list', 'verbs0', 'prep-b:none', 'a-first-name', 'kinds:pp&list'])
    assert.ok(LINK_FEATURES.namesOf(pair.features).includes(f), `${f} in ${LINK_FEATURES.namesOf(pair.features).join(' ')}`);
  const place = cs.find((c) => named(c) === 'Lena Morrow ~ Bristol')!;
  for (const f of ['kinds:lp', 'prep-b:in', 'verbs1', 'spans-first-verb'])
    assert.ok(LINK_FEATURES.namesOf(place.features).includes(f), `${f} in ${LINK_FEATURES.namesOf(place.features).join(' ')}`);
  assert.equal(place.verb, 'appear');
});

test('pairs the rules linked are left to the rules, unless asked for (to fit the model on every pair)', () => {
  const text = 'title: Talks\nTobias Brandt met Lena Morrow in Bristol.';
  assert.ok(!candidates(text).cs.some((c) => named(c) === 'Tobias Brandt ~ Lena Morrow'));
  const all = candidates(text, true).cs.find((c) => named(c) === 'Tobias Brandt ~ Lena Morrow');
  assert.ok(all && LINK_FEATURES.namesOf(all.features).includes('rules-linked'));
});

test('the probability is the logistic of the weights of the features that hold', () => {
  const { cs } = candidates('title: Court\nTobias Brandt and Lena Morrow appeared in court.');
  const c = cs[0]!;
  assert.equal(linkProbability(c, LINK_FEATURES.vector({})), 0.5);
  assert.ok(Math.abs(linkProbability(c, LINK_FEATURES.vector({ bias: Math.log(3) })) - 0.75) < 1e-9);
  assert.ok(linkProbability(c, LINK_FEATURES.vector({ bias: 1, list: -5 })) < 0.05);
});

test('one link per pair, from its likeliest sentence, typed by the verb between the names or "associated_with"', () => {
  const { st, cs } = candidates('title: Deal\nTobias Brandt and Lena Morrow were seen together.\nLater Tobias Brandt sat at dinner, waiting for Lena Morrow.');
  const byVerb = likelyLinks(st.sentences, cs, LINK_FEATURES.vector({ bias: 1, verbs2: 2 }), 0.5);
  assert.deepEqual(
    byVerb.map((i) => [i.source, i.type, i.target, i.sentence]),
    [['Tobias Brandt', 'sat', 'Lena Morrow', 2]],
  );
  const byList = likelyLinks(st.sentences, cs, LINK_FEATURES.vector({ bias: 1, list: 2 }), 0.5);
  assert.deepEqual(
    byList.map((i) => [i.type, i.sentence]),
    [['associated_with', 1]],
  );
  assert.deepEqual(likelyLinks(st.sentences, cs, LINK_FEATURES.vector({ bias: -3 }), 0.5), []);
});

test('the fitted model holds weights of sentence shapes only, never a word of an article', () => {
  const unknown = Object.keys(LINK_WEIGHTS).filter((k) => !LINK_FEATURES.has(k));
  assert.deepEqual(unknown, []);
  for (const name of LINK_FEATURES.names) assert.match(name, /^[a-z-]+(:[a-z]+)?\d?(&[a-z-]+(:[a-z]+)?\d?)?$/, name);
  assert.ok(Object.keys(LINK_WEIGHTS).length > 20);
  assert.ok(LINK_THRESHOLD > 0 && LINK_THRESHOLD < 1);
});

test('extract adds the model’s links to the rules’ and never repeats a pair the rules linked', () => {
  const text =
    'title: Court\nTobias Brandt and Lena Morrow appeared in court in Bristol on Monday, charged with fraud.\nTobias Brandt met Lena Morrow in Leeds last year.';
  const rules = ruleStages(text).interactions.map((i) => `${i.source}|${i.target}`);
  const all = extract(text).interactions.map((i) => `${i.source}|${i.target}`);
  assert.deepEqual(all.slice(0, rules.length), rules);
  const pair = (k: string) => k.split('|').sort().join('|');
  const added = all.slice(rules.length).map(pair);
  assert.equal(new Set(added).size, added.length);
  for (const k of added) assert.ok(!rules.map(pair).includes(k), k);
});

test('only a verb of the clause the first name opens types the link, not one after "that" or "who"', () => {
  const { cs } = candidates('title: X\nA source quoted by Globex Corporation claims that it was Tobias Brandt who raised the issue with Lena Morrow.');
  const pair = cs.find((c) => named(c) === 'Globex Corporation ~ Lena Morrow');
  assert.ok(pair);
  assert.equal(pair.verb, undefined);
});

test('an outlet named with someone and no verb between them gets no link: it is the story’s source', () => {
  const { st, cs } = candidates('title: X\nThe source cited by the Harbour Gazette claims that it was Tobias Brandt who raised the issue.');
  const pair = cs.find((c) => named(c) === 'Harbour Gazette ~ Tobias Brandt');
  assert.ok(pair && LINK_FEATURES.namesOf(pair.features).includes('outlet'));
  assert.deepEqual(likelyLinks(st.sentences, cs, LINK_FEATURES.vector({ bias: 10 }), 0.5), []);
  const { st: st2, cs: cs2 } = candidates('title: X\nThe source cited by Globex Corporation claims that it was Tobias Brandt who raised the issue.');
  assert.equal(likelyLinks(st2.sentences, cs2, LINK_FEATURES.vector({ bias: 10 }), 0.5).length, 1);
});

test('a name past "that" is no object of the verb before it: such a link is "associated_with"', () => {
  const { st, cs } = candidates('Tobias Brandt assured Lena Morrow that Norway would stay out.');
  const all = likelyLinks(st.sentences, cs, LINK_FEATURES.vector({ bias: 5 }), 0.5);
  const typeOf = (b: string) => all.find((i) => i.source === 'Tobias Brandt' && i.target === b)?.type;
  assert.equal(typeOf('Norway'), 'associated_with');
});
