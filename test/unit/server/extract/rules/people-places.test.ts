import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';
import { lookupCity, lookupPlace } from '../../../../../server/extract/rules/places.js';

const people = (text: string): string[] => ruleExtractor.extract(text).people.map((p) => p.name);
const places = (text: string): string[] => ruleExtractor.extract(text).places.map((p) => p.name);
const institutions = (text: string): string[] => ruleExtractor.extract(text).institutions.map((p) => p.name);

test('particles and a glued "al-" stay inside a name', () => {
  assert.deepEqual(people('The court heard Luiz Carlos da Rocha on Monday.'), ['Luiz Carlos da Rocha']);
  assert.deepEqual(people('The minister Pieter van der Meer spoke first.'), ['Pieter van der Meer']);
  assert.deepEqual(people('Officials said Omar al-Rashidi was detained. Al-Rashidi denied it.'), ['Omar al-Rashidi']);
  // Romance particles need a given name first: a body's name is no person.
  assert.deepEqual(people('Deposits at Banco de la Plata grew.'), []);
});

test('world honorifics are titles, not parts of the name', () => {
  assert.deepEqual(people('The panel questioned Tan Sri Ahmad Zulkifli on Tuesday.'), ['Ahmad Zulkifli']);
  assert.deepEqual(people('Datuk Seri Rahim Osman said the audit was complete.'), ['Rahim Osman']);
  assert.deepEqual(people('The motion was moved by Cllr Peter Hollins.'), ['Peter Hollins']);
});

test('the end of one longer name joins it', () => {
  const got = people('Ana María Ruiz Tagle won the vote. Ruiz Tagle thanked her supporters.');
  assert.deepEqual(got, ['Ana María Ruiz Tagle']);
});

test('a short English noun before a name word is a surname; a Title Case work is no person', () => {
  assert.deepEqual(people('The minister met Ma Jiarui in the capital.'), ['Ma Jiarui']);
  assert.deepEqual(people('She went to see Harry Potter And The Goblet Of Fire twice.'), []);
});

test('a body noun next to an unknown name makes it an institution', () => {
  const text = 'The figures come from Veritas Lumen, a local human rights group. The newspaper Dagblad Noord agreed.';
  assert.deepEqual(people(text), []);
  assert.deepEqual(institutions(text).sort(), ['Dagblad Noord', 'Veritas Lumen']);
  assert.deepEqual(people('He met Ivan Horvat, owner of Kestrel Vantor, on Friday.'), ['Ivan Horvat']);
});

test('country names: plural names, long official names, ambiguous short forms', () => {
  assert.deepEqual(places('The talks were held in the Maldives.'), ['Maldives']);
  assert.equal(lookupPlace('Republic of the Gambia'), 'Gambia');
  assert.equal(lookupPlace('Island'), undefined);
  assert.equal(lookupPlace('Thai'), undefined);
  assert.deepEqual(places('Envoys from the Republic of the Gambia arrived.'), ['Gambia']);
  assert.deepEqual(places('The ship sank in the Indian Ocean.'), ['Indian Ocean']);
  // A town in capitals alone before a dateline's dash.
  assert.deepEqual(places('RUSTENBURG – Two former ministers were charged with fraud.'), ['Rustenburg']);
  // A short form of two words that the article uses names the place; the data's common name stays an alias.
  const czech = ruleExtractor.extract('Police in the Czech Republic arrested him.').places;
  assert.deepEqual(
    czech.map((p) => [p.name, p.aliases.includes('Czechia')]),
    [['Czech Republic', true]],
  );
});

test('towns from GeoNames after "in", "from"; capitals alone; never a common word', () => {
  assert.ok(lookupCity('Eldoret'));
  assert.deepEqual(places('The lawyer filed the case in Eldoret.'), ['Eldoret']);
  assert.deepEqual(places('Bamako summoned the envoy.'), ['Bamako']);
  assert.deepEqual(places('The ruling came as a surprise to Reading fans.'), []);
  // A person who bears the name wins.
  const text = 'Defense Secretary Lloyd Austin spoke. Austin said the plan was ready.';
  assert.deepEqual(places(text), []);
  assert.deepEqual(people(text), ['Lloyd Austin']);
});

test('"X-based" mentions X; a place naming a treaty, plan or body is no place', () => {
  assert.deepEqual(places('A Lyon-based lawyer filed the suit.'), ['Lyon']);
  assert.deepEqual(places('Members must respect the Kyoto Protocol.'), []);
  assert.deepEqual(places('Both sides backed the Minsk agreements.'), []);
  assert.deepEqual(places('The Aarhus Convention on Access to Information applies.'), []);
  assert.deepEqual(people('The Aarhus Convention on Access to Information applies.'), []);
  assert.deepEqual(places('He chairs the Commission on the South China Sea Region.'), []);
});

test('named sites and regions', () => {
  assert.deepEqual(places('Tankers crossed the Strait of Gibraltar.'), ['Strait of Gibraltar']);
  assert.deepEqual(places('The virus spread across West Africa and Latin America.').sort(), ['Latin America', 'West Africa']);
  assert.deepEqual(places('The concert at Carnegie Hall was sold out.'), ['Carnegie Hall']);
});

test('a long official name with a possessive is that country, not another', () => {
  assert.deepEqual(places('The Lao People’s Democratic Republic protested.'), ['Laos']);
  assert.deepEqual(places('Delegates from the Republic of Korea arrived.'), ['South Korea']);
});

test('federal states and sites named with a lower-case head', () => {
  assert.deepEqual(places('He was arrested in Kaduna State on Monday.'), ['Kaduna State']);
  assert.deepEqual(places('He spent the night at the Evin prison.'), ['Evin prison']);
});

test('an acronym inside a name makes a company; a form of address is a title', () => {
  assert.deepEqual(people('Workers at Marcus DLX walked out.'), []);
  assert.deepEqual(people('Barrister Gohar Ali said the appeal was filed.'), ['Gohar Ali']);
});

test('"the city of X" makes X a place everywhere in the article; plural titles before names', () => {
  const text = 'The strike hit the southern city of Deir Hanna. Residents of Deir Hanna fled.';
  assert.deepEqual(places(text), ['Deir Hanna']);
  assert.deepEqual(people(text), []);
  assert.deepEqual(people('Senators Maria Lopez and Tom Hart voted no.').sort(), ['Maria Lopez', 'Tom Hart']);
});

test('a company named before a corporate title or before "law firm" is no person', () => {
  const text = 'Former Zentrix CFO Laura Bevan was charged. Zentrix’s shares fell, said Omar Reid of the Hallam Pryce law firm.';
  assert.deepEqual(people(text).sort(), ['Laura Bevan', 'Omar Reid']);
  assert.deepEqual(institutions(text).sort(), ['Hallam Pryce', 'Zentrix']);
});

test('a month that is also a given name opens a name when nothing makes it a date', () => {
  const people = (t: string): string[] => ruleExtractor.extract(`title: x\n${t}`).people.map((p) => p.name);
  assert.deepEqual(people('The company’s former chief operating officer, Jan Marsal, is on the run.'), ['Jan Marsal']);
  assert.deepEqual(people('Shares fell in May as Peter Ross resigned.'), ['Peter Ross']);
  assert.deepEqual(people('On Jan 3 Peter Ross resigned.'), ['Peter Ross']);
});

test('first-level divisions come from general data and read as places where the context says so', () => {
  const places = (text: string): string[] => ruleExtractor.extract(text).places.map((p) => p.name);
  assert.deepEqual(places('Its executives looted money from elderly people in Limpopo.'), ['Limpopo']);
  assert.deepEqual(places('He lives in Akwa Ibom.'), ['Akwa Ibom']);
});

test('a Turkish dotted capital "İ" reads as "I" in the gazetteer, and the place keeps the text\'s spelling', () => {
  assert.deepEqual(
    ruleExtractor.extract('Their questioning by an İstanbul prosecutor ended.').places.map((p) => p.name),
    ['İstanbul'],
  );
});
