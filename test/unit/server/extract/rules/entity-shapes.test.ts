/**
 * Shapes of names in court, regulator and sport news that the rules read from the words around
 * them: legal forms, second names, post-nominals, job labels, clubs by their results, initials of
 * lower-case words. Sentences written for these tests; names invented.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';

const extract = (text: string) => ruleExtractor.extract(text);
const names = (list: { name: string; aliases: string[] }[]): string[] => list.map((e) => e.name);

test('"<Name> Limited" is a company, even after a given name', () => {
  const d = extract('The court dismissed a contempt application by Andy Freight Limited against the regulator.');
  assert.deepEqual(names(d.institutions), ['Andy Freight Limited']);
  assert.deepEqual(names(d.people), []);
  assert.deepEqual(names(extract('The offer was for a Limited time only.').institutions), []);
});

test('"X, also known as Y", "X (alias Y)", "X aka Y" are one person', () => {
  for (const text of [
    'Police said Ravi Menon, also known as Raju Menon, was arrested on Monday. Raju Menon denied the charge.',
    'The gang leader Ravi Menon (alias Raju Menon) fled.',
    'The rapper Ravi Menon aka Raju Menon was charged.',
  ]) {
    const d = extract(text);
    assert.equal(d.people.length, 1, text);
    assert.equal(d.people[0]!.name, 'Ravi Menon');
    assert.ok(d.people[0]!.aliases.includes('Raju Menon'), text);
  }
});

test('a body by its new and its old name ("X, formerly Y", "when X was called Y") is one body; a person "called" something is not', () => {
  for (const text of [
    'Harwell Mining Corp, formerly known as Tessel Resources, won the contract in March.',
    'The bribes were paid back when Harwell Mining Corp was called Tessel Resources Ltd, police said.',
  ]) {
    const bodies = extract(text).institutions;
    assert.equal(bodies.length, 1, `${text}: ${names(bodies).join(', ')}`);
    assert.ok(
      [bodies[0]!.name, ...bodies[0]!.aliases].some((n) => n.startsWith('Tessel')),
      text,
    );
  }
  const d = extract('Ravi Menon was called Raju Menon by his friends at Harwell Mining Corp.');
  assert.ok(d.people.length >= 1);
  assert.ok(!d.institutions.some((b) => b.aliases.some((a) => a.includes('Menon'))));
});

test('letters after a name set off by commas ("Jane Bell, SC,") are no body', () => {
  const d = extract('Peter Vance, SC, counsel for the minister, argued the case.');
  assert.deepEqual(names(d.people), ['Peter Vance']);
  assert.deepEqual(names(d.institutions), []);
});

test('the plural of a job before names labels them: "Linesmen X and Y", "Referees X and Y"', () => {
  assert.deepEqual(names(extract('Linesmen Omar Haddad and Karim Nassar were handed ten-year bans.').people), ['Omar Haddad', 'Karim Nassar']);
  assert.deepEqual(names(extract('Referees Omar Haddad and Karim Nassar were suspended.').people), ['Omar Haddad', 'Karim Nassar']);
});

test('clubs by their side and their results; "X\'s 3-2 defeat at Y" is a match between them, not Y inside X', () => {
  assert.deepEqual(names(extract('The striker returned to play for his club side Valverde.').institutions), ['Valverde']);
  const d = extract("He scored in Valverde's 3-2 defeat at Marisco on Sunday.");
  assert.deepEqual(names(d.institutions), ['Valverde', 'Marisco']);
  assert.deepEqual(
    d.interactions.map((i) => `${i.source} ${i.type} ${i.target}`),
    ['Valverde played Marisco'],
  );
  // A nation's team is its country, a place.
  assert.deepEqual(names(extract("Peru's 2-1 win over Brazil was a surprise.").places), ['Peru', 'Brazil']);
});

test('initials of lower-case words are no body, even with a body\'s word among them: "superintendent of police (SP)"', () => {
  const d = extract('The district superintendent of police (SP) John Doe said the men apologised. The SP said more would be questioned.');
  assert.deepEqual(names(d.institutions), []);
  assert.deepEqual(names(d.people), ['John Doe']);
  // A body's own name, capitalised, keeps its initials.
  assert.deepEqual(names(extract('The Central Bureau of Investigation (CBI) filed a case.').institutions), ['Central Bureau of Investigation']);
});

test('initials joined by "&" stand for the name whose words they begin: "M&G" is the "Mail&Guardian"', () => {
  const d = extract('She sued the Post&Courier newspaper. The P&C said it would appeal.');
  assert.equal(d.institutions.length, 1);
  assert.equal(d.institutions[0]!.name, 'Post&Courier');
  assert.ok(d.institutions[0]!.aliases.includes('P&C'));
});

test('bodies named in French, Spanish, Italian or Portuguese open with their head word', () => {
  assert.deepEqual(names(extract('The Union Cycliste Valdorienne banned the rider.').institutions), ['Union Cycliste Valdorienne']);
  assert.deepEqual(names(extract('The Ministerio de Hacienda said it would appeal.').institutions), ['Ministerio de Hacienda']);
  const bank = extract('Banco Rivadavia was fined by the regulator.');
  assert.deepEqual(
    bank.institutions.map((i) => [i.name, i.kind]),
    [['Banco Rivadavia', 'company']],
  );
  assert.deepEqual(names(bank.people), []);
});

test('a business named with its "\'s" before a verb ("Sainsbury\'s said") is a company, not a possessive', () => {
  assert.deepEqual(names(extract("Pellworth's said profits fell.").institutions), ['Pellworth']);
  const pair = extract("Tesco and Pellworth's were fined by the regulator.");
  assert.deepEqual(names(pair.institutions), ['Tesco', 'Pellworth']);
  assert.deepEqual(names(pair.people), []);
  // A participle after the possessive may be an adjective: "Putin's announced visit" stays his.
  assert.deepEqual(names(extract("After Vance's announced visit, Ruritania recalled its ambassador.").institutions), []);
});

test('a listed given name before a common word is a person when ", who" follows: "Michal Dan, who lost an appeal"', () => {
  assert.deepEqual(names(extract('Three players were banned, while Michal Dan, who lost an appeal, was barred for 18 months.').people), ['Michal Dan']);
});

test('initials of a law ("under IPC sections", "booked under the UAPA") are no body; a body\'s hold ("under NAB investigation") keeps its initials', () => {
  assert.deepEqual(names(extract("The journalists were charged under IPC sections 120B and 34 along with UAPA's Section 39.").institutions), []);
  assert.deepEqual(names(extract('He was booked under the UAPA on Monday.').institutions), []);
  assert.deepEqual(names(extract('Acme is under NAB investigation.').institutions), ['NAB']);
});

test('"<Name> District of <Name> County" is two places; "District of Columbia" stays one', () => {
  assert.deepEqual(names(extract('The land is in Bade District of Tarvo County, officials said.').places), ['Bade District', 'Tarvo County']);
  assert.deepEqual(names(extract('He lives in the District of Columbia.').places), ['District of Columbia']);
});

test('"the X and Y provinces" and "Y Province" are one place; a state and its capital of one name stay two', () => {
  const d = extract('They were arrested in the Gauteng and North West provinces. The capital of North West Province is Mahikeng.');
  assert.ok(names(d.places).includes('North West Province'));
  assert.ok(!names(d.places).includes('North West'));
  assert.deepEqual(names(extract('Kaduna State governor Nasir Ahmed said Kaduna was calm.').places), ['Kaduna State', 'Kaduna']);
});
