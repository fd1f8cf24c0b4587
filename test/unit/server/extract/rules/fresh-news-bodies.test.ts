import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';

// Errors seen on regulator, court and business news from outside the dev corpus; the sentences and names are invented.
const extract = (text: string) => ruleExtractor.extract(text);
const institutionsWithAliases = (text: string): string[] =>
  extract(text)
    .institutions.map((e) => [e.name, ...e.aliases].join(' | '))
    .sort();

test("a company's legal form is no part of its initials nor of its name", () => {
  const text =
    'The regulator fined Kestrel Bank for Farmers Plc on Monday. Harbour Trust Bank Uganda Ltd was fined too. KBF paid first. ' +
    'HTB said it would appeal. Kestrel Bank for Farmers was also warned.';
  assert.deepEqual(institutionsWithAliases(text), ['Harbour Trust Bank Uganda Ltd | HTB', 'Kestrel Bank for Farmers Plc | KBF | Kestrel Bank for Farmers']);
});

test('a lone surname that a gazetteer knows as a town is the person named in full', () => {
  const text = 'Prosecutors charged former mayor Tomas Medina with fraud. Medina is being held in a prison in Monterrey.';
  const result = extract(text);
  assert.deepEqual(
    result.people.map((e) => [e.name, ...e.aliases].join(' | ')),
    ['Tomas Medina | Medina'],
  );
  assert.deepEqual(
    result.places.map((e) => e.name),
    ['Monterrey'],
  );
  // After a preposition of place it stays the town.
  const town = extract('Tomas Medina was born in Medina.');
  assert.deepEqual(
    town.places.map((e) => e.name),
    ['Medina'],
  );
});

test('a letter glued to a number with a thousands comma is an amount, not a body', () => {
  assert.deepEqual(institutionsWithAliases('Bail was fixed at P60,000 by the court. The G20, meeting in Rome, agreed.'), ['G20']);
});

test('what a capitalised title\'s "of" leads to is a body, not a person', () => {
  const text = 'Kwame Boateng, the National Chairman of the Progressive Unity Congress, spoke on Monday.';
  const result = extract(text);
  assert.deepEqual(
    result.people.map((e) => e.name),
    ['Kwame Boateng'],
  );
  assert.deepEqual(
    result.institutions.map((e) => e.name),
    ['Progressive Unity Congress'],
  );
  // A title with a domain is still a title: "Minister of Public Security X".
  assert.deepEqual(
    extract('Minister of Public Security Ali Musa spoke.').people.map((e) => e.name),
    ['Ali Musa'],
  );
});

test('an ombudsman is a title before a name, and the Office of the Ombudsman a body', () => {
  const result = extract('Acting Ombudsman Maria Delos Santos ordered charges. The Office of the Ombudsman said the mayor failed to pay.');
  assert.deepEqual(
    result.people.map((e) => e.name),
    ['Maria Delos Santos'],
  );
  assert.deepEqual(institutionsWithAliases('The Office of the Ombudsman filed charges. The Ombudsman said he failed to pay.'), [
    'Office of the Ombudsman | Ombudsman',
  ]);
});

test('a brand-shaped name someone speaks on is an outlet, not a person', () => {
  const result = extract('"I did nothing wrong," Kofi Mensah said on KestrelNews on Thursday. He said on Christmas that he would appeal.');
  assert.deepEqual(
    result.people.map((e) => e.name),
    ['Kofi Mensah'],
  );
  assert.deepEqual(
    result.institutions.map((e) => [e.name, e.kind]),
    [['KestrelNews', 'media']],
  );
});

test("an acronym whose letters are the run's initials keeps the whole name of the body", () => {
  const text = 'Amina Said, a director of the state-run Prevention and Combating of Smuggling Bureau (PCSB), told reporters.';
  assert.deepEqual(institutionsWithAliases(text), ['Prevention and Combating of Smuggling Bureau | PCSB']);
});

test('an acronym set off by ", or" after a body is its alias', () => {
  const text = 'Tomas Medina, a member of the ruling Progressive Unity Party, or PUP, said he was innocent. The PUP denied it.';
  assert.deepEqual(institutionsWithAliases(text), ['Progressive Unity Party | PUP']);
});
