import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor, ruleStages } from '../../../../../server/extract/rules/index.js';

const pairs = (text: string): string[] => ruleExtractor.extract(text).interactions.map((i) => `${i.source} -${i.type}-> ${i.target}`);

test('a company title with no company beside it links its holder to the company the story is about', () => {
  const got = pairs(
    'Police raided the offices of Brindle Logistics on Tuesday. Former chief executive Paul Harker and former purchasing executives Tina Rowe and Omar Said were arrested.\nMr Leo Vance, former general counsel, was also charged. Board member Jean Okafor resigned.',
  );
  for (const want of [
    'Paul Harker -formerly_led-> Brindle Logistics',
    'Tina Rowe -formerly_worked_for-> Brindle Logistics',
    'Omar Said -formerly_worked_for-> Brindle Logistics',
    'Leo Vance -formerly_worked_for-> Brindle Logistics',
    'Jean Okafor -member_of-> Brindle Logistics',
  ])
    assert.ok(got.includes(want), `${want}\n--\n${got.join('\n')}`);
});

test('a title near another body, or with no company in the story, links to no company', () => {
  const got = pairs('Halcyon Industries was fined on Monday.\nThe interior ministry said former director Ana Soto had resigned.');
  assert.ok(!got.some((x) => x.startsWith('Ana Soto')), got.join('\n'));
  assert.deepEqual(pairs('Former director Ana Soto said the minister had resigned.'), []);
});

test('"Former" opens a title, not a company name, and an honorific may stand between title and name', () => {
  const x = ruleExtractor.extract('Former Halcyon Industries chief executive Mr Dan Ferris was charged with fraud.');
  assert.deepEqual(
    x.institutions.map((i) => i.name),
    ['Halcyon Industries'],
  );
  assert.ok(x.interactions.some((i) => i.source === 'Dan Ferris' && i.type === 'formerly_led' && i.target === 'Halcyon Industries'));
});

test('a capitalised title the name took in, a controller, and a company named "Networks"', () => {
  const got = pairs(
    "Police searched the offices of Garnet Networks on Monday. Aside from former Chief Financial Officer Rita Moss, Ian Cole, Garnet's former corporate controller, was questioned.",
  );
  assert.ok(got.includes('Rita Moss -formerly_worked_for-> Garnet Networks'), got.join('\n'));
  assert.ok(got.includes('Ian Cole -formerly_worked_for-> Garnet Networks'), got.join('\n'));
});

test('"Acme board chairman X" leads Acme', () => {
  assert.ok(
    pairs('Amid the turmoil, Kestrel Bank board chairman Lindsay Marsh announced that he would retire.').includes('Lindsay Marsh -leads-> Kestrel Bank'),
  );
});

test('"X, the FCA\'s director of enforcement," works for the possessor; a place possessor owns no job', () => {
  // The rules alone: the likely-links model may join any two names of one sentence.
  const got = ruleStages(
    "Mark Stein, the FCA's director of enforcement and market oversight said that the fine was fair. Ann Roe, Kenya's minister of finance, resigned.",
  ).interactions.map((i) => `${i.source} -${i.type}-> ${i.target}`);
  assert.ok(got.includes('Mark Stein -works_for-> FCA'), got.join('\n'));
  assert.ok(!got.some((x) => x.startsWith('Ann Roe')), got.join('\n'));
});

test('a title whose holder is named "of" a body belongs to that body, not to the story\'s company', () => {
  const got = pairs('Orion Bank was fined. Executive director Jane Roe of Amnesty International criticised the bank.');
  assert.ok(got.includes('Jane Roe -works_for-> Amnesty International'), got.join('\n'));
  assert.ok(!got.includes('Jane Roe -member_of-> Orion Bank'), got.join('\n'));
});
