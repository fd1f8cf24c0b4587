import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';
import { allegationLinks } from '../../../../../server/extract/rules/allegation-links.js';
import type { ExtractedEntity } from '../../../../../server/extract/types.js';

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

test('a plural acronym ("MPs") describes people and accuses no one as the body it abbreviates', () => {
  const sentence = { start: 0, end: 40, text: 'Ann Lee will be questioned by MPs today.' };
  const mention = (surface: string, start: number) => ({ surface, start, end: start + surface.length, sentence: 0 });
  const entities: ExtractedEntity[] = [
    { category: 'institution' as const, name: 'Metropolitan Police', aliases: ['MPs'], mentions: [mention('MPs', 30)], kind: 'agency' as const },
    { category: 'person' as const, name: 'Ann Lee', aliases: [], mentions: [mention('Ann Lee', 0)] },
  ];
  const allegation = {
    claim: '',
    alleged_by: ['Metropolitan Police'],
    against: ['Ann Lee'],
    reported_by: [],
    denied_by: [],
    sentence: 0,
    evidence: sentence,
    hedge: null,
  };
  assert.deepEqual(allegationLinks([allegation], entities, []), []);
  const named = { ...entities[0]!, mentions: [mention('Metropolitan Police', 20)] };
  assert.equal(allegationLinks([allegation], [named, entities[1]!], []).length, 1);
});
