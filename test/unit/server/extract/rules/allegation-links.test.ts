import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';

const pairs = (text: string): string[] => ruleExtractor.extract(text).interactions.map((i) => `${i.source} -${i.type}-> ${i.target}`);

test('whoever makes an allegation is linked to those it is against', () => {
  const got = pairs(
    'Police arrested Dana Pruitt and Colin Moss on Monday. U.S. Attorney Laura Whitfield said the pair took kickbacks from a paving contractor.',
  );
  assert.ok(got.includes('Laura Whitfield -accused-> Dana Pruitt'), got.join('\n'));
  assert.ok(got.includes('Laura Whitfield -accused-> Colin Moss'), got.join('\n'));
});

test('an allegation links no one its sentence neither names nor stands for', () => {
  const got = pairs(
    'Federal prosecutors charged Nora Bell with fraud.\nLegal analyst Tim Cole said regulators pursuing such cases often fail to win convictions.',
  );
  assert.ok(!got.some((x) => x.startsWith('Tim Cole')), got.join('\n'));
});
