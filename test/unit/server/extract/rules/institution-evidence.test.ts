/** Bodies told by general evidence: initials, laws' acronyms, predicates, officers, lists (sentences written for these tests). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';

const extract = (text: string) => ruleExtractor.extract(text);
const institutionNames = (text: string): string[] => extract(text).institutions.map((i) => i.name);

test('an acronym that spells "of" joins the body it abbreviates, even written first', () => {
  const doc = extract('DOJ probe widens. The Department of Justice said on Monday that the Verlane unit had paid bribes.');
  const bodies = doc.institutions.filter((i) => /Justice|DOJ/.test(i.name));
  assert.equal(bodies.length, 1);
  assert.ok(bodies[0]!.aliases.includes('DOJ'));
  // "Justice Department" is the DOJ too: its head word after its domain.
  const inverted = extract('The Justice Department charged two traders. The DOJ said more charges could follow.');
  assert.equal(inverted.institutions.filter((i) => /Justice|DOJ/.test(i.name)).length, 1);
});

test("a law's initials name the law, not a body", () => {
  const names = institutionNames('The Trade Secrets Protection Act was passed in 2004. Prosecutors said the firm broke the TSPA twice.');
  assert.ok(!names.includes('TSPA'), names.join(', '));
});

test('"X is the fifth listed company …", "X, another Y firm": the predicate or apposition names a body', () => {
  assert.ok(institutionNames('Dravotel is the fifth listed company to be fined by the regulator this year.').includes('Dravotel'));
  assert.ok(institutionNames('Investors also targeted Quorvex, another mainland chemicals firm, last year.').includes('Quorvex'));
});

test('an officer after a name makes it a company: "former X chairman and founder"', () => {
  const doc = extract('Former Pellmora chairman and founder Mr Oskar Brandt pleaded not guilty on Tuesday.');
  assert.ok(doc.institutions.some((i) => i.name === 'Pellmora'));
  assert.ok(doc.people.some((p) => p.name === 'Oskar Brandt'));
});

test('"The X collapse" at a sentence start is X, without "The"', () => {
  const names = institutionNames('Former Pellmora chairman Oskar Brandt was charged. "The Pellmora collapse was a tragedy," he said.');
  assert.ok(names.includes('Pellmora'), names.join(', '));
  assert.ok(!names.includes('The Pellmora'));
});

test('a name first in a list of bodies is a body: "X, Acme Communications and Y"', () => {
  const names = institutionNames('Regulators pursued fraud cases like those of Vortell, Harwick Communications and Brisbey.');
  assert.ok(names.includes('Vortell'), names.join(', '));
});

test('a common word and a legal form after "and" end one company\'s name', () => {
  const names = institutionNames('Dunmore Aviation Sales and Support Inc. paid $2 million to settle the case.');
  assert.ok(names.includes('Dunmore Aviation Sales and Support Inc.'), names.join(', '));
});

test('a person before "and" a party officer is no body', () => {
  const doc = extract('Former minister Daniel Morgan and Labour Party treasurer Anna Clarke were indicted by a special court.');
  assert.ok(doc.people.some((p) => p.name === 'Daniel Morgan'));
  assert.ok(!doc.institutions.some((i) => i.name === 'Daniel Morgan'));
});

test('"X was fined … and its former chief executive …": the subject that owns the officer is a company', () => {
  const names = institutionNames('Coastal Salvage was fined £90,000 and its former chief executive, Peter Hollis, £10,000.');
  assert.ok(names.includes('Coastal Salvage'), names.join(', '));
  assert.ok(!institutionNames('Peter Hollis was fined £9,000 and his lawyer said he would appeal.').includes('Peter Hollis'));
});

test("a company's short forms join its full name, which may open with its province", () => {
  const doc = extract(
    "Hunan Kelvaro Steel Structure Co., a builder, said it was fined. Kelvaro said it would appeal. The fine was twice Kelvaro Steel's profit.",
  );
  const bodies = doc.institutions.filter((i) => i.name.includes('Kelvaro'));
  assert.equal(bodies.length, 1, bodies.map((b) => b.name).join(', '));
  assert.equal(bodies[0]!.name, 'Hunan Kelvaro Steel Structure Co.');
});

test('"Jane Roe of the Justice Department\'s Criminal Division": a person, the body and its division', () => {
  const doc = extract("Assistant Attorney General Mark Halden of the Justice Department's Criminal Division said so today.");
  const names = doc.institutions.map((i) => i.name);
  assert.ok(names.includes('Justice Department'), names.join(', '));
  assert.ok(names.includes('Criminal Division'), names.join(', '));
  assert.ok(doc.people.some((p) => p.name === 'Mark Halden'));
  const plain = extract('Nora Delacroix of the Justice Department declined to comment.');
  assert.ok(plain.people.some((p) => p.name === 'Nora Delacroix'));
  assert.ok(plain.institutions.some((i) => i.name === 'Justice Department'));
});

test('a court\'s name goes on over "for the": "District Court for the District of Columbia"', () => {
  const names = institutionNames('Charges were unsealed in the U.S. District Court for the District of Columbia on Monday.');
  assert.ok(names.includes('U.S. District Court for the District of Columbia'), names.join(', '));
  // Not after a company's name: "paid by Acme Holdings for the Kelvaro Group" is two.
  const two = institutionNames('The fee was paid by Acme Holdings for the Kelvaro Group last year.');
  assert.ok(two.includes('Acme Holdings') && two.includes('Kelvaro Group'), two.join(', '));
});

test('capitals that spell an English word are initials in lower-case text: "The SEC said"', () => {
  const names = institutionNames('The SEC said on Monday that it had fined Acme Holdings. Jane Roe, a former SEC attorney, agreed.');
  assert.ok(names.includes('SEC'), names.join(', '));
  assert.ok(!institutionNames('He did NOT know about the payments, Jane Roe said.').includes('NOT'));
});

test('a plural body noun after two names joined by "and" types both: "the X and Y websites"', () => {
  const names = institutionNames('The article ran on the Quillery and Brass Lantern websites last week.');
  assert.ok(names.includes('Quillery') && names.includes('Brass Lantern'), names.join(', '));
  const people = extract('Jane Roe and Mark Smith were charged on Monday.').institutions;
  assert.equal(people.length, 0);
});

test('where staff work: "a partner at X", "an analyst with X", "the law firm of X"', () => {
  const names = institutionNames('Anna Lee, an analyst at Kestrow, agreed. Tom Marsh, a partner at the law firm of Dellory Vance, said the case was weak.');
  assert.ok(names.includes('Kestrow'), names.join(', '));
  assert.ok(names.includes('Dellory Vance'), names.join(', '));
});

test("in a sports report, a team's context makes a town or a given name a club", () => {
  const doc = extract(
    'The referee sent the striker off in the first half. Hollinsby were awarded a penalty after the break. ' +
      "Dunmore's Harry Vale said he would appeal after the defeat by Kelbrook. The ban rules him out against Norwich.",
  );
  const names = doc.institutions.map((i) => i.name);
  for (const club of ['Dunmore', 'Kelbrook', 'Norwich']) assert.ok(names.includes(club), `${club}: ${names.join(', ')}`);
  assert.ok(doc.people.some((p) => p.name === 'Harry Vale'));
  // A town after a preposition of place stays the place, even before a plural verb.
  const fans = extract('The referee and the striker were praised. Fans in Leeds were arrested after the match.');
  assert.ok(fans.places.some((p) => p.name === 'Leeds'));
  // Not in other news: "against Norwich" in a council story stays a place.
  const council = extract('The council voted against Norwich on Monday, Jane Roe said.');
  assert.ok(!council.institutions.some((i) => i.name === 'Norwich'));
});

test('"the FA" beside "FA Commission" is the parent body; a town in capitals in a credit line is a place', () => {
  const doc = extract('The FA charged the club. An FA Commission will hear the case in April, the FA said.');
  const names = doc.institutions.map((i) => i.name);
  assert.ok(names.includes('FA') && names.includes('FA Commission'), names.join(', '));
  const credit = extract('AP, PERTH, Australia\nThe bank chief executive resigned on Tuesday.');
  assert.ok(credit.places.some((p) => p.name.toLowerCase() === 'perth'));
  assert.ok(!credit.institutions.some((i) => i.name === 'PERTH'));
});

test('a capital "All" inside a sentence opens a name; "X-based" before a person\'s role is no company', () => {
  assert.ok(institutionNames('She founded the All Ruritania Farmers Party in 2010.').includes('All Ruritania Farmers Party'));
  const doc = extract('Leeds-based Oskar Brandt, founder of Vellmark Jewellery group, was arrested on Monday.');
  assert.ok(!doc.institutions.some((i) => i.name === 'Oskar Brandt'));
  assert.ok(institutionNames('Munich-based Kelvaro, a payments firm, fell 5%.').includes('Kelvaro'));
});

test('a company\'s unit, a legal form after a comma, a circuit court, camel-case initials, "Committee to …"', () => {
  const names = institutionNames(
    'Harlow Pharma lost a verdict over its Brenlow unit. Dorsey v. Quintara Biologics, Inc. was heard. ' +
      'The Fourth Circuit affirmed. FinCEN fined the bank. The Committee to Protect Farmers (CPF) said so.',
  );
  for (const body of ['Brenlow', 'Quintara Biologics', 'Fourth Circuit', 'FinCEN', 'Committee to Protect Farmers'])
    assert.ok(names.includes(body), `${body}: ${names.join(', ')}`);
  assert.ok(!names.includes('CPF'), 'the acronym joins the committee');
  // English words before "unit" describe it: "the ICC's Anti-Corruption unit" is no company.
  assert.ok(!institutionNames("They referred it to the ICC's Anti-Corruption unit.").includes('Anti-Corruption'));
});

test('"Company executives" at a sentence start names no body; "Acme Inc." and "Acme" are one company', () => {
  assert.ok(!institutionNames('Company executives gauge their standing from verdicts.').includes('Company'));
  const doc = extract('Among the losers was Pellmora Inc. The drugmaker Pellmora lost two verdicts.');
  assert.equal(doc.institutions.filter((i) => i.name.startsWith('Pellmora')).length, 1);
});

test('a court\'s kind in lower case after its place is one court: "Horseferry Road magistrates\' court"', () => {
  const doc = extract("The two men appeared at Kelmscott Road magistrates' court today. He was jailed at Dunmore crown court.");
  const names = doc.institutions.map((i) => i.name);
  assert.ok(names.includes("Kelmscott Road magistrates' court"), names.join(', '));
  assert.ok(names.includes('Dunmore crown court'), names.join(', '));
  assert.ok(institutionNames('An offshoot of hacking collective Quorvane says the firm is a fraud.').includes('Quorvane'));
});

test('"a X spokesman", "X Trust", "the Pensions Regulator" are bodies; "a California appeals court" is a description', () => {
  const names = institutionNames('A Pellmora spokesman declined to comment. Marlowe Trust said it would cooperate. The Pensions Regulator fined it.');
  for (const body of ['Pellmora', 'Marlowe Trust', 'Pensions Regulator']) assert.ok(names.includes(body), `${body}: ${names.join(', ')}`);
  assert.ok(!institutionNames('A California appeals court overturned the verdict.').some((n) => n.includes('appeals court')));
  const person = extract('Donald Trump left early. A Trump spokesman said he was tired.');
  assert.ok(!person.institutions.some((i) => i.name === 'Trump'));
});
