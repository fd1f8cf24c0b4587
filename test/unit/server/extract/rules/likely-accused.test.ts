/** The likely-accused model: what it knows of each entity for each claim, and what it adds to the rules' picks. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extract, ruleStages } from '../../../../../server/extract/rules/index.js';
import { ACCUSED_FEATURES, accusedCandidates, withLikelyAccused } from '../../../../../server/extract/rules/likely-accused.js';
import { ACCUSED_THRESHOLD, ACCUSED_WEIGHTS } from '../../../../../server/extract/rules/likely-accused-weights.js';

const CASE = 'title: Fraud case\nTobias Brandt and Lena Morrow were charged with fraud by the Serious Fraud Office on Monday.\n';

function weigh(text: string) {
  const st = ruleStages(text);
  const cs = accusedCandidates(st.tokens, st.placed, st.allegations);
  const features = (allegation: number, entity: string): string[] =>
    ACCUSED_FEATURES.namesOf(cs.find((c) => c.allegation === allegation && c.entity === entity)!.features);
  return { st, cs, features };
}

test('every entity of the article is weighed for every claim, with where and how it is named', () => {
  const { st, cs, features } = weigh(`${CASE}Prosecutors allege that they paid bribes to officials in Bristol.`);
  assert.equal(st.allegations.length, 2);
  assert.equal(cs.length, 2 * 4);
  const brandt = features(0, 'Tobias Brandt');
  for (const f of ['rule', 'rule-first', 'in-sentence', 'before-verb', 'first-in-sentence', 'listed', 'kind:person'])
    assert.ok(brandt.includes(f), `${f}: ${brandt}`);
  const office = features(0, 'Serious Fraud Office');
  for (const f of ['accuser', 'after-verb', 'prep:by', 'kind:institution']) assert.ok(office.includes(f), `${f}: ${office}`);
  const they = features(1, 'Lena Morrow');
  for (const f of ['prev-sentence', 'stand-in', 'listed&group', 'accused-elsewhere1', 'orphan&prev-sentence']) assert.ok(they.includes(f), `${f}: ${they}`);
  assert.ok(features(1, 'Bristol').includes('prep:in'));
});

test('names listed with one the rules accuse are marked as listed with the accused; a name after a preposition is no part of the list', () => {
  const { features } = weigh(
    'title: Court\nTobias Brandt, Lena Morrow and Karl Vance, alongside two companies, Globex Corporation and Acme Holdings, appeared in court in Bristol.\nTobias Brandt was charged with fraud.',
  );
  for (const name of ['Lena Morrow', 'Karl Vance', 'Globex Corporation', 'Acme Holdings']) assert.ok(features(0, name).includes('listed-with-accused'), name);
  assert.ok(!features(0, 'Bristol').includes('listed-with-accused'));
});

test('the model adds after the rules’ picks, never drops them, and never names a claim’s accuser', () => {
  const { st, cs } = weigh(`${CASE}Millions were allegedly lost to fraud at the pension fund of Globex Corporation.`);
  const none = ACCUSED_FEATURES.vector({ bias: -10 });
  assert.deepEqual(
    withLikelyAccused(st.allegations, cs, none, 0.5).map((a) => a.against),
    st.allegations.map((a) => a.against),
  );
  const everyone = ACCUSED_FEATURES.vector({ bias: 10 });
  const all = withLikelyAccused(st.allegations, cs, everyone, 0.5);
  assert.deepEqual(all[0]!.against.slice(0, 2), st.allegations[0]!.against);
  for (const a of all) for (const n of a.alleged_by) assert.ok(!a.against.includes(n), `${n} accused of ${a.claim}`);
  const inSentence = withLikelyAccused(st.allegations, cs, ACCUSED_FEATURES.vector({ bias: -5, 'in-sentence': 10 }), 0.5);
  assert.ok(inSentence[1]!.against.includes('Globex Corporation'), inSentence[1]!.against.join());
});

test('a claim that names no one is against the ones the story accuses; a hedged ordinary act accuses no one', () => {
  const { allegations } = extract(`${CASE}Millions were allegedly siphoned from a pension fund over a decade.`);
  const siphoned = allegations.find((a) => a.claim.includes('siphoned'));
  assert.deepEqual(siphoned?.against, ['Tobias Brandt', 'Lena Morrow']);
  const asked = extract(`${CASE}Tobias Brandt allegedly asked Lena Morrow for a meeting in Leeds.`).allegations.find((a) => a.claim.includes('asked'));
  assert.deepEqual(asked?.against ?? [], []);
});

test('the fitted model holds weights of features only, never a word of an article', () => {
  assert.deepEqual(
    Object.keys(ACCUSED_WEIGHTS).filter((k) => !ACCUSED_FEATURES.has(k)),
    [],
  );
  for (const name of ACCUSED_FEATURES.names) assert.match(name, /^[a-z-]+(:[a-z]+)?\d?(&[a-z-]+(:[a-z]+)?\d?)?$/, name);
  assert.ok(Object.keys(ACCUSED_WEIGHTS).length > 20);
  assert.ok(ACCUSED_THRESHOLD > 0 && ACCUSED_THRESHOLD < 1);
});

test('the model may not add an outlet, the claim’s source or a dateline’s place, however likely it rates them', () => {
  const { cs } = weigh(
    'PERTH (Wire Daily) — A former executive was arrested over bribes paid abroad, the Harbour Gazette reported. Police said Daniel Morgan, 63, is accused of conspiring to pay bribes.',
  );
  const open = new Set(cs.filter((c) => c.open).map((c) => c.entity));
  assert.ok(open.has('Daniel Morgan'), [...open].join('; '));
  for (const name of ['Perth', 'Wire Daily', 'Harbour Gazette']) assert.ok(!open.has(name), `${name}: ${[...open]}`);
});
