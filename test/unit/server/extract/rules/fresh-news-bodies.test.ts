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
