/** Names in business and court copy: titles before a name, tickers in brackets, regions. Sentences written for these tests. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';

const links = (text: string): string[] => ruleExtractor.extract(text).interactions.map((i) => `${i.source} ${i.type} ${i.target}`);

test('a chief executive officer leads the body named before the title, also across a bracketed ticker', () => {
  assert.deepEqual(links('Acme Corp Chief Executive Officer Jo Park resigned.'), ['Jo Park leads Acme Corp']);
  assert.deepEqual(links('Nordvik Motors (NVM) chief executive officer Lars Eide resigned.'), ['Lars Eide leads Nordvik Motors']);
});

test('"his lawyer" is the lawyer of the person, not of the company that opens the sentence', () => {
  assert.ok(
    links('Nordvik Motors (NVM) Chief Executive Officer Lars Eide faces seven years in prison if convicted, his lawyer, Dmitry Orlov, said by phone.').includes(
      'Dmitry Orlov lawyer_for Lars Eide',
    ),
  );
});

test('a ticker in brackets after a company is the company, not an outlet credited at a dateline', () => {
  const bodies = (text: string): string[] => ruleExtractor.extract(text).institutions.map((e) => `${e.name}:${e.kind ?? ''}`);
  assert.deepEqual(bodies("The head of Vantor Bank SA (VTB)'s Polish unit was charged. Shares of VTB fell 2 percent."), ['Vantor Bank SA:company']);
  assert.ok(bodies('WARSAW (AFP) - The head of Vantor Bank SA was charged.').includes('AFP:media'));
});

test('names coordinated before a plural region noun are regions: "the Gauteng and North West provinces"', () => {
  const d = ruleExtractor.extract('They were arrested in the Gauteng and North West provinces late last week.');
  assert.deepEqual(
    d.places.map((p) => p.name),
    ['Gauteng', 'North West'],
  );
  assert.deepEqual(d.people, []);
});

test('a currency prefix ("NT$40 million", "HK$5 million") names no body', () => {
  const d = ruleExtractor.extract('The firm paid NT$40 million and HK$5 million to officials.');
  assert.deepEqual(d.institutions, []);
});
