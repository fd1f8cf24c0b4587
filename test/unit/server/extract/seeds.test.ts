/** The example, end to end through the shipped extractor: the two seed articles. */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { defaultExtractor } from '../../../../server/extract/index.js';
import { toArticle } from '../../../../server/article/article.js';
import type { DocumentExtraction } from '../../../../server/extract/types.js';
import { SEEDS_DIR } from '../../../../server/paths.js';

const seeds: DocumentExtraction[] = readdirSync(SEEDS_DIR)
  .sort()
  .map((f) => defaultExtractor.extract(toArticle(f, readFileSync(path.join(SEEDS_DIR, f), 'utf8')).text));

describe('the seed articles', () => {
  it('link Antony Blinken to Wang Yi, Wang Xiaohong, Chen Jining and Xi Jinping, each with its sentence', () => {
    const partners = new Set<string>();
    for (const doc of seeds) {
      for (const i of doc.interactions) {
        if (i.source === 'Antony Blinken') partners.add(i.target);
        if (i.target === 'Antony Blinken') partners.add(i.source);
        assert.ok(i.evidence.text.length > 0);
      }
    }
    for (const name of ['Wang Yi', 'Wang Xiaohong', 'Chen Jining', 'Xi Jinping'])
      assert.ok(partners.has(name), `Blinken ↔ ${name}; found ${[...partners].join(', ')}`);
  });

  it('hold the allegation of fake pro-Trump accounts against China, reported by The New York Times', () => {
    const all = seeds.flatMap((d) => d.allegations);
    const fake = all.find((a) => /fake social media accounts|pro-Trump/.test(a.evidence.text + a.claim));
    assert.ok(fake, 'the fake-accounts allegation');
    assert.ok(fake.against.includes('China'), `against: ${fake.against.join(', ')}`);
    assert.ok(
      fake.reported_by.some((r) => /New York Times|The Hill/.test(r)),
      `reported by: ${fake.reported_by.join(', ')}`,
    );
    assert.ok(fake.hedge, 'hedged');
  });

  it('hold no allegation against its own accuser', () => {
    for (const a of seeds.flatMap((d) => d.allegations)) {
      const both = a.alleged_by.filter((n) => a.against.includes(n));
      assert.deepEqual(both, [], `"${a.claim}": ${both.join(', ')} both alleges and is accused`);
    }
  });

  it('do not accuse Blinken of seeking a commitment: a hedged diplomatic act is no accusation', () => {
    const sought = seeds.flatMap((d) => d.allegations).filter((a) => /sought a similar commitment/.test(a.evidence.text));
    for (const a of sought) assert.ok(!a.against.includes('Antony Blinken'), `against: ${a.against.join(', ')}`);
  });

  it('hold the denial of election interference by Beijing', () => {
    const denied = seeds.flatMap((d) => d.allegations).filter((a) => a.denied_by.some((d) => d === 'Beijing' || d === 'China'));
    assert.ok(denied.length > 0, 'an allegation denied by Beijing');
    assert.ok(denied.some((a) => /interfer/i.test(a.evidence.text)));
  });
});
