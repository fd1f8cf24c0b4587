import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';

const pairs = (text: string): string[] => ruleExtractor.extract(text).interactions.map((i) => `${i.source} -${i.type}-> ${i.target}`);

test('"X-based" places the body or person it describes, named after it or before the apposition', () => {
  const got = pairs(
    'The claims were rejected by Dublin-based lender Harbour Bank. Regulators fined Norwood Mining, a Perth-based company, last week. Lena Ortiz, Chicago-based defence attorney, said so.',
  );
  for (const want of ['Harbour Bank -based_in-> Dublin', 'Norwood Mining -based_in-> Perth', 'Lena Ortiz -based_in-> Chicago'])
    assert.ok(got.includes(want), `${want}\n--\n${got.join('\n')}`);
});

test('"fines imposed on A, B … by C": C fines everyone listed', () => {
  const got = pairs('The tribunal upheld fines imposed on Marlow Shipping, Brook Freight Ltd and two other firms by the Maritime Authority in 2019.');
  assert.ok(got.includes('Maritime Authority -fined-> Marlow Shipping'), got.join('\n'));
  assert.ok(got.includes('Maritime Authority -fined-> Brook Freight Ltd'), got.join('\n'));
});

test('a "who" right after a name opens a clause about that person', () => {
  assert.ok(pairs('The plan was backed by Ruth Kamau who heads the Tea Growers Association.').includes('Ruth Kamau -leads-> Tea Growers Association'));
});

test('"the banking regulator" stands for the last regulator; a verb series shares its subject; a title before ", X" names the object', () => {
  const got = pairs(
    "The Financial Markets Authority opened a review of lenders last year. The banking regulator fined Kestrel Bank £3m, barred it from taking deposits and imposed a penalty of £9,000 on the bank's former money laundering reporting officer, Ann Vickers.",
  );
  assert.ok(got.includes('Financial Markets Authority -fined-> Kestrel Bank'), got.join('\n'));
  assert.ok(got.includes('Financial Markets Authority -fined-> Ann Vickers'), got.join('\n'));
});

test('"by detectives from X": the body the staff come from is the agent; an agent works for the one whose agent they are', () => {
  assert.ok(
    pairs('Paul Dorsey was arrested on Monday by detectives from the National Crime Agency.').includes('National Crime Agency -arrested-> Paul Dorsey'),
  );
  assert.ok(
    pairs("Leon Baptiste was banned for two years. Baptiste's agent, Dele Hart, said the striker would appeal.").includes(
      'Dele Hart -works_for-> Leon Baptiste',
    ),
  );
});

test('facing charges is being charged by whoever reports or brought them', () => {
  const got = pairs(
    'Dana Pruitt and Colin Moss also face charges, the Regional Crime Agency said. Ann Vey faces charges brought by the Securities Commission. Tom Rudd faces fraud charges, according to reports.',
  );
  for (const want of [
    'Regional Crime Agency -charged-> Dana Pruitt',
    'Regional Crime Agency -charged-> Colin Moss',
    'Securities Commission -charged-> Ann Vey',
  ])
    assert.ok(got.includes(want), `${want}\n--\n${got.join('\n')}`);
  assert.ok(!got.some((x) => x.endsWith('Tom Rudd')), got.join('\n'));
});

test('a passive agent given as "Acme chief financial officer X" is X', () => {
  const got = pairs('Brian Hale heads Kestrel Bank. Hale is to be replaced by Kestrel chief financial officer Peter Kingsley as of Dec. 2.');
  assert.ok(got.includes('Peter Kingsley -replaced-> Brian Hale'), got.join('\n'));
  assert.ok(!got.some((x) => x.startsWith('Kestrel Bank -replaced->')), got.join('\n'));
});
