import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relationshipType } from '../../../../server/ingest/plan.js';
import { EntityIndex, slug } from '../../../../server/ingest/entity-index.js';

describe('EntityIndex', () => {
  it('joins a surname to the one full name known, and a full name to a known surname-only person', () => {
    const index = new EntityIndex();
    const full = index.resolve('person', 'Antony Blinken', ['Secretary Blinken', 'Blinken']);
    assert.equal(full.created, true);
    assert.equal(full.entity.id, 'person:antony-blinken');
    const bare = index.resolve('person', 'Blinken', ['Secretary Blinken']);
    assert.equal(bare.created, false);
    assert.equal(bare.entity.id, 'person:antony-blinken');

    const later = new EntityIndex();
    const first = later.resolve('person', 'Sackler', ['Dr. Sackler']);
    const second = later.resolve('person', 'Richard Sackler', []);
    assert.equal(second.entity.id, first.entity.id);
    assert.equal(second.entity.name, 'Richard Sackler');
    assert.ok(second.entity.aliases.includes('Sackler'));
  });

  it('never merges two people who share a surname, and leaves a bare ambiguous surname apart', () => {
    const index = new EntityIndex();
    const yi = index.resolve('person', 'Wang Yi', []).entity;
    const xiaohong = index.resolve('person', 'Wang Xiaohong', []).entity;
    assert.notEqual(yi.id, xiaohong.id);
    const wang = index.resolve('person', 'Wang', []);
    assert.equal(wang.created, true);
    assert.ok(![yi.id, xiaohong.id].includes(wang.entity.id));
    assert.equal(wang.entity.ambiguous, true);
    // A later full name does not swallow the ambiguous surname either.
    assert.notEqual(index.resolve('person', 'Wang Wei', []).entity.id, wang.entity.id);
    assert.equal(index.resolve('person', 'Wang', []).entity.id, wang.entity.id);
  });

  it('matches institutions and places by name or alias, ignoring case, dots and a leading "the"', () => {
    const index = new EntityIndex();
    const nyt = index.resolve('institution', 'The New York Times', ['NYT'], 'media').entity;
    assert.equal(index.resolve('institution', 'New York Times', []).entity.id, nyt.id);
    assert.equal(index.resolve('institution', 'the NYT', []).entity.id, nyt.id);
    const us = index.resolve('place', 'United States', ['U.S.']).entity;
    assert.equal(index.resolve('place', 'US', []).entity.id, us.id);
    // Same name, different category: different entities.
    assert.notEqual(index.resolve('place', 'New York Times', []).entity.id, nyt.id);
  });

  it('makes stable, readable ids', () => {
    assert.equal(slug('Xi Jinping'), 'xi-jinping');
    assert.equal(slug('Ministère des Affaires étrangères'), 'ministere-des-affaires-etrangeres');
    assert.equal(slug('王毅'), '王毅');
  });
});

describe('relationshipType', () => {
  it('turns the vocabulary into UPPER_SNAKE and refuses what cannot be a type', () => {
    assert.equal(relationshipType('met'), 'MET');
    assert.equal(relationshipType('spoke with'), 'SPOKE_WITH');
    assert.equal(relationshipType('allegedly_met'), 'ALLEGEDLY_MET');
    assert.equal(relationshipType('`) DETACH DELETE n //'), 'DETACH_DELETE_N');
    assert.equal(relationshipType('123'), null);
    assert.equal(relationshipType('mentioned in'), null);
  });
});
