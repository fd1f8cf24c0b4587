/**
 * GET /api/duplicates against the real Neo4j: two invented articles (test/fixtures/curation) go through
 * the loader, which keeps apart a person spelt two ways and an institution named in full in one and by
 * its acronym in the other; the suggestions find both pairs, with reasons and each side's evidence, and
 * leave alone two people who share only a surname. A "not the same" correction and a rejected entity
 * take their pair out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DuplicateList, DuplicateSuggestion } from '../../common/curate.js';
import { HARBOUR_ARTICLES } from '../helpers/curation.js';
import { apiSuite } from '../helpers/seeded.js';

describe('GET /api/duplicates on a real Neo4j', () => {
  const suite = apiSuite({ seeds: false, extraPaths: HARBOUR_ARTICLES });

  const list = async (query = ''): Promise<DuplicateList> => {
    const res = await fetch(`${suite.base}/api/duplicates${query}`);
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as DuplicateList;
  };
  const pairOf = (body: DuplicateList, a: string, b: string): DuplicateSuggestion | undefined =>
    body.suggestions.find((s) => {
      const names = s.entities.map((e) => e.name).sort();
      return names[0] === [a, b].sort()[0] && names[1] === [a, b].sort()[1];
    });

  it('suggests the person spelt two ways, with the reasons and the evidence of both sides', async () => {
    const body = await list();
    const pair = pairOf(body, 'Sergei Volkanov', 'Sergey Volkanov');
    assert.ok(pair, JSON.stringify(body, null, 1));
    const codes = pair.reasons.map((r) => r.code);
    assert.equal(codes[0], 'transliteration');
    assert.ok(codes.includes('shared-neighbours'), 'both met the same mayor and lead to the same company');
    assert.ok(pair.score > 0.8 && pair.score <= 1);
    for (const side of pair.entities) {
      assert.equal(side.category, 'person');
      assert.equal(side.documents, 1);
      assert.ok(side.evidence.length >= 1 && side.evidence.length <= 3);
      for (const e of side.evidence) {
        assert.ok(e.sentence.includes(side.name), `${e.sentence} names ${side.name}`);
        assert.match(e.document.id, /^doc:/);
        assert.match(e.document.title ?? '', /Inquiry opened|inquiry continues/);
      }
    }
    assert.notEqual(pair.entities[0].evidence[0]!.document.id, pair.entities[1].evidence[0]!.document.id);
  });

  it('suggests an institution named in full and by its acronym', async () => {
    const pair = pairOf(await list(), 'CMA', 'Competition and Markets Authority');
    assert.ok(pair);
    assert.equal(pair.reasons[0]!.code, 'initials');
    assert.match(pair.reasons[0]!.text, /CMA: the initials of Competition and Markets Authority/);
    assert.ok(pair.entities.every((e) => e.category === 'institution'));
  });

  it('never pairs two people who share only a surname', async () => {
    assert.equal(pairOf(await list(), 'Robert Ashcombe', 'Eleanor Ashcombe'), undefined);
  });

  it('keeps to the category and the limit asked, and refuses what it does not know', async () => {
    const institutions = await list('?category=institution');
    assert.ok(institutions.suggestions.length >= 1);
    assert.ok(institutions.suggestions.every((s) => s.entities.every((e) => e.category === 'institution')));
    assert.equal((await list('?limit=1')).suggestions.length, 1);
    for (const bad of ['?category=animal', '?limit=0', '?limit=201', '?limt=5']) {
      const res = await fetch(`${suite.base}/api/duplicates${bad}`);
      assert.equal(res.status, 400, bad);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'BAD_REQUEST');
    }
  });

  it('leaves out a pair marked not the same while the correction stands, and a rejected entity', async () => {
    const pair = pairOf(await list(), 'Sergei Volkanov', 'Sergey Volkanov')!;
    const change = JSON.stringify({ action: 'distinct', ids: [...pair.ids].sort() });
    await suite.db.write((tx) =>
      tx.run(
        `CREATE (:NewsgraphCorrection {id: 'test-distinct', seq: 1, action: 'distinct', change: $change, reason: 'two brothers', by: 'test', at: '2026-01-01T00:00:00Z'})`,
        { change },
      ),
    );
    assert.equal(pairOf(await list(), 'Sergei Volkanov', 'Sergey Volkanov'), undefined);
    assert.ok(pairOf(await list(), 'CMA', 'Competition and Markets Authority'), 'other pairs stay');

    await suite.db.write((tx) => tx.run(`MATCH (c:NewsgraphCorrection {id: 'test-distinct'}) SET c.revertedAt = '2026-01-02T00:00:00Z'`));
    assert.ok(pairOf(await list(), 'Sergei Volkanov', 'Sergey Volkanov'), 'a reverted correction no longer applies');
    await suite.db.write((tx) => tx.run(`MATCH (c:NewsgraphCorrection {id: 'test-distinct'}) DELETE c`));

    await suite.db.write((tx) => tx.run('MATCH (e:Newsgraph:Entity {id: $id}) SET e:NewsgraphRejected', { id: pair.ids[0] }));
    try {
      assert.equal(pairOf(await list(), 'Sergei Volkanov', 'Sergey Volkanov'), undefined);
    } finally {
      await suite.db.write((tx) => tx.run('MATCH (e:Newsgraph:Entity {id: $id}) REMOVE e:NewsgraphRejected', { id: pair.ids[0] }));
    }
  });
});
