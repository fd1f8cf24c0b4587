import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';

test('empty text gives an empty result', () => {
  const r = ruleExtractor.extract('');
  assert.deepEqual(r, { sentences: [], people: [], institutions: [], places: [], interactions: [], allegations: [] });
});

test("words that name Object's own members are ordinary words, not lookups that crash", () => {
  // Every word of a text is looked up in word tables; a plain object would answer these with functions.
  const words = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', '__defineGetter__'];
  for (const w of words) {
    const text = `Mary Jones, the ${w} of Acme Holdings, met John Smith in London. The ${w} payments to Smith were a bribe, prosecutors alleged. ${w[0]!.toUpperCase()}${w.slice(1)} ${w}s ${w} Jones.`;
    const r = ruleExtractor.extract(text);
    assert.ok(
      r.people.some((p) => p.name === 'Mary Jones'),
      w,
    );
    assert.ok(
      r.places.some((p) => p.name === 'London'),
      w,
    );
  }
});

test('a long list of names in one sentence is read as names, not as one name too deep to read', () => {
  // A run of thousands of capitalised tokens once overflowed the stack while being split.
  const list = Array.from({ length: 1500 }, (_, i) => `Anna Berg${i}`).join(' and ');
  const r = ruleExtractor.extract(`Police questioned ${list} and Carl Dahl in Oslo.`);
  assert.ok(r.places.some((p) => p.name === 'Oslo'));
  assert.ok(r.people.length > 0);
  const initials = ruleExtractor.extract('Mr. A. B. '.repeat(2000));
  assert.ok(Array.isArray(initials.people));
});

test('a meeting: two people, a place and a met interaction with evidence offsets', () => {
  const text = 'Secretary Blinken met Foreign Minister Wang Yi in Beijing. Antony Blinken left.';
  const r = ruleExtractor.extract(text);
  const blinken = r.people.find((p) => p.name === 'Antony Blinken');
  assert.ok(blinken);
  assert.ok(blinken.aliases.includes('Secretary Blinken'));
  const wang = r.people.find((p) => p.name === 'Wang Yi');
  assert.ok(wang);
  assert.equal(wang.roles?.[0]?.title, 'Foreign Minister');
  assert.deepEqual(
    r.places.map((p) => p.name),
    ['Beijing'],
  );
  const met = r.interactions.find((i) => i.type === 'met');
  assert.ok(met);
  assert.equal(met.source, 'Antony Blinken');
  assert.equal(met.target, 'Wang Yi');
  assert.equal(text.slice(met.evidence.start, met.evidence.end), met.evidence.text);
  for (const s of r.sentences) assert.equal(text.slice(s.start, s.end), s.text);
});

test('people sharing a surname are not merged, and an ambiguous bare surname joins neither', () => {
  const text = 'Secretary Blinken met Foreign Minister Wang Yi and Minister of Public Security Wang Xiaohong. Wang said nothing.';
  const r = ruleExtractor.extract(text);
  const names = r.people.map((p) => p.name).sort();
  assert.deepEqual(names, ['Blinken', 'Wang Xiaohong', 'Wang Yi']);
  for (const p of r.people) assert.ok(!p.aliases.includes('Wang'));
});

test('possessives are not aliases and U.S. is the United States', () => {
  const r = ruleExtractor.extract('President Joe Biden spoke in the U.S. on Monday. Biden’s aides agreed.');
  const biden = r.people.find((p) => p.name === 'Joe Biden');
  assert.ok(biden);
  assert.ok(!biden.aliases.some((a) => /’s$|'s$/.test(a)));
  assert.deepEqual(
    r.places.map((p) => p.name),
    ['United States'],
  );
});

test('an allegation with its reporter and a denial', () => {
  const text = 'According to CNN, Senator John Smith allegedly received bribes from Acme Corporation. Smith denied the allegations.';
  const r = ruleExtractor.extract(text);
  assert.equal(r.allegations.length, 1);
  const a = r.allegations[0]!;
  assert.deepEqual(a.reported_by, ['CNN']);
  assert.ok(a.against.includes('John Smith'));
  assert.deepEqual(a.denied_by, ['John Smith']);
  assert.equal(a.hedge, 'allegedly');
  assert.ok(r.institutions.some((i) => i.name === 'CNN' && i.kind === 'media'));
});
