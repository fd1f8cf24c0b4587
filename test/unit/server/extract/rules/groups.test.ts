import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor, ruleStages } from '../../../../../server/extract/rules/index.js';

// The clause rules alone: the likely-link model's additions are tested in likely-links.test.ts.
const pairs = (text: string): string[] => ruleStages(text).interactions.map((i) => `${i.source} -${i.type}-> ${i.target}`);

test('"the suspects" and "they" stand for the people named together before', () => {
  const got = pairs(
    'Police arrested Ann Carter and Robert Millane on Monday.\nThe suspects were later charged by the Serious Fraud Office.\nThey were arraigned before the Leeds Crown Court on Tuesday.',
  );
  for (const x of ['Ann Carter', 'Robert Millane']) {
    assert.ok(got.includes(`Serious Fraud Office -charged-> ${x}`), got.join('\n'));
    assert.ok(got.includes(`Leeds Crown Court -arraigned-> ${x}`), got.join('\n'));
  }
});

test('a counted group must have that many people', () => {
  const text = 'Police arrested Ann Carter and Robert Millane on Monday.\nThe three men were charged by the Serious Fraud Office.';
  assert.ok(!pairs(text).some((x) => x.startsWith('Serious Fraud Office -charged->')));
  const two = 'Police arrested Ann Carter and Robert Millane on Monday.\nThe two men were charged by the Serious Fraud Office.';
  assert.equal(pairs(two).filter((x) => x.startsWith('Serious Fraud Office -charged->')).length, 2);
});

test('"their lawyer, X" is the lawyer of each of them; "charged them" charges each', () => {
  const got = pairs(
    'Jorvik Mensah and Alan Pratt were convicted in the Accra High Court on Friday.\nTheir lawyer, Kofi Baidoo, said they would appeal.\nThe Economic Crimes Office had charged them in 2021.',
  );
  for (const x of ['Jorvik Mensah', 'Alan Pratt']) {
    assert.ok(got.includes(`Accra High Court -convicted-> ${x}`), got.join('\n'));
    assert.ok(got.includes(`Kofi Baidoo -lawyer_for-> ${x}`), got.join('\n'));
    assert.ok(got.includes(`Economic Crimes Office -charged-> ${x}`), got.join('\n'));
  }
});

test('the group of the last claim is who "the two" are accused of acting', () => {
  const [claim] = ruleExtractor
    .extract('Ann Carter and Robert Millane were arrested on Monday.\nProsecutors say the two had stolen millions from Harlow Systems.')
    .allegations.filter((a) => a.sentence === 1);
  assert.deepEqual([...(claim?.against ?? [])].sort(), ['Ann Carter', 'Robert Millane']);
});

test('a place before a plural title qualifies the people named after it: "charged Pakistan players A and B"', () => {
  const got = pairs('title: Players charged\nThe International Cricket Council has charged Pakistan players Amir Khan and Salman Ali with spot-fixing.');
  assert.ok(got.includes('International Cricket Council -charged-> Amir Khan'), got.join('\n'));
  assert.ok(got.includes('International Cricket Council -charged-> Salman Ali'), got.join('\n'));
  assert.ok(!got.some((x) => x.endsWith('-> Pakistan')), got.join('\n'));
});

test('"the companies", "the two countries" stand for the bodies or places listed together; "each other" links a joint subject', () => {
  const text =
    'title: Trial\nA judge ordered Petrola Group and Marine Energy Corp to stand trial.\nProsecutors allege that the companies paid bribes to officials.\nIndia and Canada expelled each other’s diplomats on Monday.\nThe two countries have accused each other of interference.';
  const { allegations, interactions } = ruleExtractor.extract(text);
  const bribes = allegations.find((a) => a.claim.includes('bribes'));
  assert.deepEqual(bribes?.against, ['Petrola Group', 'Marine Energy Corp']);
  const got = interactions.map((i) => `${i.source} -${i.type}-> ${i.target}`);
  assert.ok(got.includes('India -expelled-> Canada'), got.join('\n'));
  assert.ok(got.includes('India -accused-> Canada'), got.join('\n'));
});

test('people listed with descriptions between them are one group: "A and suspended police commissioner B"', () => {
  const got = pairs(
    'title: x\nPolice charged former prime minister Ann Carter and suspended police commissioner Bob Lane with abuse of office.\nThey will appear in Suva Magistrates Court tomorrow.',
  );
  assert.ok(
    got.some((x) => x.startsWith('Ann Carter -') && x.endsWith('-> Suva Magistrates Court')),
    got.join('\n'),
  );
  assert.ok(
    got.some((x) => x.startsWith('Bob Lane -') && x.endsWith('-> Suva Magistrates Court')),
    got.join('\n'),
  );
  // A verb between two names makes no list: "Ann Carter met Bob Lane. They …" is not read as a group of two.
  const met = pairs('title: x\nAnn Carter met Bob Lane on Monday.\nThey will appear in Suva Magistrates Court tomorrow.');
  assert.ok(!met.some((x) => x.endsWith('-> Suva Magistrates Court')), met.join('\n'));
});
