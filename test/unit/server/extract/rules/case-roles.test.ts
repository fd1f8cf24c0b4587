import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';

const pairs = (text: string): string[] => ruleExtractor.extract(text).interactions.map((i) => `${i.source} -${i.type}-> ${i.target}`);

test('a prosecutor prosecutes the accused and defence counsel acts for them, by title alone', () => {
  const got = pairs(
    'Ann Carter was charged with fraud on Monday.\nProsecutor Helen Dunmore told the court that Carter stole millions.\nThe defence counsel, Tom Greaves, asked for bail.\nJim Hart, the lead prosecutor, disagreed.',
  );
  assert.ok(got.includes('Helen Dunmore -prosecuted-> Ann Carter'), got.join('\n'));
  assert.ok(got.includes('Tom Greaves -lawyer_for-> Ann Carter'), got.join('\n'));
  assert.ok(got.includes('Jim Hart -prosecuted-> Ann Carter'), got.join('\n'));
  // No one is accused: a title links no one.
  assert.ok(!pairs('Prosecutor Helen Dunmore met Ann Carter’s family.').some((x) => x.includes('-prosecuted->')));
});
