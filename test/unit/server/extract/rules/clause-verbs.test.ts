import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleStages } from '../../../../../server/extract/rules/index.js';
import { tagSentence } from '../../../../../server/extract/rules/pos.js';
import { splitSentences, tokenize } from '../../../../../server/extract/rules/nlp.js';

// The clause rules alone: the likely-link model's additions are tested in likely-links.test.ts.
const pairs = (text: string): string[] => ruleStages(text).interactions.map((i) => `${i.source} -${i.type}-> ${i.target}`);

test('any verb links its subject to the entity after its preposition; an apposition states ownership', () => {
  const got = pairs('Governor Maria Lopez colluded with Richard Olsen, owner of Nordic Shipping Group, to block the bill.');
  assert.ok(got.includes('Maria Lopez -colluded_with-> Richard Olsen'));
  assert.ok(got.includes('Richard Olsen -owner_of-> Nordic Shipping Group'));
});

test('a verb chain keeps its subject: "voted last week to impeach"', () => {
  assert.deepEqual(pairs('The Federal Senate voted last week to impeach President Carlos Mendes.'), ['Federal Senate -impeached-> Carlos Mendes']);
});

test('"the court" stands for the court named before, "his" for the person', () => {
  const got = pairs('Carlos Mendes appeared before the Constitutional Court on Monday. Despite his pleas, the court rejected his appeals.');
  assert.ok(got.includes('Carlos Mendes -appeared_before-> Constitutional Court'));
  assert.ok(got.includes('Constitutional Court -denied-> Carlos Mendes'));
});

test('"the court" is no description where it opens a name: "the Court of Arbitration for Sport"', () => {
  const got = pairs('Lawyers for Kestrel Mining said it would appeal to the Court of Appeal. WADA appealed to the Court of Arbitration for Sport.');
  assert.ok(got.includes('WADA -appealed_to-> Court of Arbitration for Sport'), got.join('; '));
  assert.ok(!got.includes('WADA -appealed_to-> Court of Appeal'), got.join('; '));
});

test('"they" stands for the group named before; a claim verb accuses the subject of the claim', () => {
  const got = pairs('Paul Green and opposition leader Sara White say they won. They contend Robert Black lost the vote.');
  assert.deepEqual(got.sort(), ['Paul Green -accused-> Robert Black', 'Sara White -accused-> Robert Black']);
});

test('a reporting verb does not link its speaker to what is reported', () => {
  // (An accusation reported so is an allegation, whose accuser allegation-links.ts links to the accused.)
  assert.deepEqual(pairs('Maria Lopez said that Richard Olsen had arrived early.'), []);
});

test('a place after "in" is linked only when the verb puts someone there', () => {
  assert.deepEqual(pairs('John Smith met Mary Jones in Berlin.'), ['John Smith -met-> Mary Jones']);
  assert.deepEqual(pairs('Peter Hall was arrested in Lagos on Friday.'), ['Peter Hall -arrested_in-> Lagos']);
});

test('roles: a title names its body, a possessive owns a title, "from" a party is membership', () => {
  assert.deepEqual(pairs('Senator Paula Reyes defended the decision of the Federal Senate.'), ['Paula Reyes -member_of-> Federal Senate']);
  assert.deepEqual(pairs("The Labour Party's treasurer Alan Brook resigned."), ['Alan Brook -works_for-> Labour Party']);
  assert.deepEqual(pairs('Alan Brook from the opposition Labour Party spoke.'), ['Alan Brook -member_of-> Labour Party']);
});

test('an accusation "that X …" accuses X', () => {
  assert.deepEqual(pairs("Canada's accusation that India ordered the killing angered officials."), ['Canada -accused-> India']);
});

test('the tagger tells verbs from nouns by the word before', () => {
  const [s] = splitSentences('The court also rejected his appeals and the sanctions.');
  const tags = tagSentence(tokenize(s!, 0));
  assert.deepEqual(tags.pos, ['DET', 'NOUN', 'ADV', 'VERB', 'DET', 'NOUN', 'CCONJ', 'DET', 'NOUN', 'PUNCT']);
  assert.equal(tags.lemma[3], 'reject');
});

test('"leader of a <union> state" does not lead the union; "the head of <company>" does', () => {
  assert.ok(!pairs('Viktor Orban, the leader of a European Union state, met Xi Jinping.').some((x) => x.includes('-leads->')));
  assert.ok(pairs('Maria Lopez, the head of Nordic Shipping Group, met Xi Jinping.').includes('Maria Lopez -leads-> Nordic Shipping Group'));
});

test('business and court verbs map onto the vocabulary; an acronym is a relation noun', () => {
  assert.deepEqual(pairs('Lena Morrow was fined by the Maritime Safety Authority.'), ['Maritime Safety Authority -fined-> Lena Morrow']);
  assert.deepEqual(pairs('Nordic Shipping Group CEO Tobias Brandt denied wrongdoing.'), ['Tobias Brandt -leads-> Nordic Shipping Group']);
  assert.ok(!pairs('Gavin Newsom, the governor of California, met Joe Biden.').some((x) => x.includes('California')));
});

test('a pair "at loggerheads" is in dispute; a reciprocal verb links the parties of its subject', () => {
  assert.deepEqual(pairs('Rwanda and Burundi have been at diplomatic loggerheads since May.'), ['Rwanda -dispute_with-> Burundi']);
  assert.deepEqual(pairs('Paul Green and Sara White clashed over the budget.'), ['Paul Green -clashed-> Sara White']);
});

test('a name ending in -ly is no adverb; a place inside a longer name is no object', () => {
  assert.deepEqual(pairs('Prosecutors said Owen Kelly helped Rafael Dumont hide his income.'), ['Owen Kelly -assisted-> Rafael Dumont']);
  assert.deepEqual(pairs('Rafael Dumont, who denies the charges, was detained at the Osaka Detention House.'), []);
});

test('"the paper" stands for the last outlet; a job "at" a body is work for it', () => {
  assert.ok(pairs("The Boston Globe published the report. The paper's editor Ben Carver defended it.").includes('Ben Carver -works_for-> Boston Globe'));
  assert.ok(
    pairs('Daniel Marsh, a former finance director at Nordic Shipping Group, sued.').includes('Daniel Marsh -formerly_worked_for-> Nordic Shipping Group'),
  );
});
