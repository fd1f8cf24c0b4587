/**
 * Links an annotator makes on news from outlets the dev corpus does not hold: relation nouns in
 * coordinated, fronted and possessive appositions, body-to-body ownership, payments, and the
 * accused behind a title. Every sentence here is invented.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';

const extract = (text: string) => ruleExtractor.extract(text);
const pairs = (text: string): string[] => extract(text).interactions.map((i) => `${i.source} -${i.type}-> ${i.target}`);

test('a coordinated title shares its "of": "former CEO and majority shareholder of X"', () => {
  const got = pairs('Peter Grey, former CEO and majority shareholder of the shipping group Acme Holdings, faces charges.');
  assert.ok(got.includes('Peter Grey -formerly_led-> Acme Holdings'), got.join('; '));
});

test('"As chief executive of X, Y …" describes the name after the comma', () => {
  const got = pairs('As chief executive of Acme Holdings, Walter Brown presided over years of losses.');
  assert.ok(got.includes('Walter Brown -leads-> Acme Holdings'), got.join('; '));
});

test('"X, the parent company of Y" owns Y; "Y, a subsidiary of X" and "Y is a unit of X"', () => {
  assert.ok(pairs('Comcast, the parent company of Zenith Media, declined to comment.').includes('Comcast -owns-> Zenith Media'));
  assert.ok(pairs('Zenith Media, a subsidiary of Comcast, declined to comment.').includes('Zenith Media -subsidiary_of-> Comcast'));
  assert.ok(pairs('Zenith Media is a unit of Comcast.').includes('Zenith Media -subsidiary_of-> Comcast'));
  // A person in apposition is not a subsidiary.
  assert.ok(!pairs('Tom Baker, a unit of Comcast, spoke.').some((x) => x.includes('subsidiary_of')));
});

test('a job noun between a body and a person is a title, not a verb', () => {
  const got = pairs('The network sued MSNBC host Rachel Hart on Monday.');
  assert.ok(got.includes('Rachel Hart -works_for-> MSNBC'), got.join('; '));
  assert.ok(!got.includes('MSNBC -met-> Rachel Hart'));
});

test('"made payments to Y" and "offered bribes to Y" link the payer and the payee', () => {
  const got = pairs('Prosecutors say Tom Baker made disguised payments totalling $500,000 to Ann Smith.');
  assert.ok(got.includes('Tom Baker -paid-> Ann Smith'), got.join('; '));
  assert.ok(pairs('Acme Holdings offered bribes to Ann Smith.').includes('Acme Holdings -bribed-> Ann Smith'));
});

test('"Y, his lawyer," belongs to the person named before', () => {
  const got = pairs('Walter Forbes did not know about the fraud, said Brendan Sullivan, his lawyer.');
  assert.ok(got.includes('Brendan Sullivan -lawyer_for-> Walter Forbes'), got.join('; '));
  const its = pairs('Acme Holdings denied the report. Ann Lee, its spokeswoman, called it false.');
  assert.ok(its.includes('Ann Lee -spokesman_for-> Acme Holdings'), its.join('; '));
});

test('"the agent in charge of the X office" and "head of the X office" work for X', () => {
  const got = pairs('John Strong, the special agent in charge of the FBI office in Denver, said in a statement.');
  assert.ok(got.includes('John Strong -works_for-> FBI'), got.join('; '));
});

test('the accused is the title holder, not the body or place that qualifies the title', () => {
  const a = extract('A federal grand jury has indicted Louisiana congressman William Jefferson on bribery charges.').allegations;
  assert.deepEqual(a[0]?.against, ['William Jefferson']);
  const b = extract('The network filed a lawsuit against MSNBC host Rachel Hart over the broadcast.').allegations;
  assert.deepEqual(b[0]?.against, ['Rachel Hart']);
});
