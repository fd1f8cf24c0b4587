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
