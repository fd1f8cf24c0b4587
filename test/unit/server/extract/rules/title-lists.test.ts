import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleStages } from '../../../../../server/extract/rules/index.js';

// The clause rules alone: the likely-link model's additions are tested in likely-links.test.ts.
const pairs = (text: string): string[] => ruleStages(text).interactions.map((i) => `${i.source} -${i.type}-> ${i.target}`);

test('names listed after long titles and "as well as" are all objects of the act', () => {
  const got = pairs(
    "The Markets Authority filed civil insider trading charges against former finance director Jo Park and former group sales vice president Ali Khan, as well as Orbis Holdings' former chief operating officer Ben Fox.",
  );
  for (const x of ['Jo Park', 'Ali Khan', 'Ben Fox']) assert.ok(got.includes(`Markets Authority -charged-> ${x}`), got.join('\n'));
});

test('words after "and" that hold no title do not continue a list of objects', () => {
  const got = pairs('Mayor Jo Park met Ann Lee and soon thanked Ali Khan.');
  assert.ok(got.includes('Jo Park -met-> Ann Lee'), got.join('\n'));
  assert.ok(!got.includes('Jo Park -met-> Ali Khan'), got.join('\n'));
});
