/**
 * People on news the extractor has not seen: bodies that look like people, one person under two
 * forms of the name. Sentences invented for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';
import { shortFormOf } from '../../../../../server/extract/rules/people.js';

const people = (text: string): string[] =>
  ruleExtractor
    .extract(text)
    .people.map((p) => p.name)
    .sort();

test('"former" dates an office; the word after it is no titled person', () => {
  assert.deepEqual(people('Former Brixtell chairman Owen Marsh was charged on Monday.'), ['Owen Marsh']);
  assert.deepEqual(people('Former Brixtell Inc. Chief Executive Owen Marsh denied the charges.'), ['Owen Marsh']);
});

test('a possessive is weak evidence: a body in its other mentions, or before a name, is no person', () => {
  const text =
    "Prosecutors charged two managers at the retailer's parent company Valdora. The inquiry into Valdora's 2019 accounts is closed. Valdora shares fell.";
  assert.deepEqual(people(text), []);
  assert.deepEqual(people("The panel banned Rovanto's Ian Keble for six games."), ['Ian Keble']);
  // Alone, a possessive still says person.
  assert.deepEqual(people("The offer was rejected, and Tiernan's lawyers will appeal."), ['Tiernan']);
});

test('a short or pet form of the given name with the same surname is the same person', () => {
  const text = 'Bartholomew Quist pleaded not guilty. "We never doubted Bart Quist," his lawyer said. Joe Farrand and Joseph Farrand are one.';
  assert.deepEqual(people(text), ['Bartholomew Quist', 'Joseph Farrand']);
  assert.deepEqual(people('Kenneth Dorsay resigned. Kenny Dorsay had led the firm since 2001.'), ['Kenneth Dorsay']);
  // Two given names that are not short forms of each other are two people.
  assert.deepEqual(people('Mark Tillet and Mary Tillet were both charged.'), ['Mark Tillet', 'Mary Tillet']);
});

test('shortFormOf: prefixes, pet endings and common irregular forms', () => {
  assert.ok(shortFormOf('dan', 'daniel'));
  assert.ok(shortFormOf('bernie', 'bernard'));
  assert.ok(shortFormOf('kenny', 'kenneth'));
  assert.ok(shortFormOf('dave', 'david'));
  assert.ok(shortFormOf('bill', 'william'));
  assert.ok(!shortFormOf('jo', 'john'));
  assert.ok(!shortFormOf('mary', 'mark'));
  assert.ok(!shortFormOf('joseph', 'joe'));
});

test('a surname misspelt once is the one person who bears it', () => {
  const text = 'A jury convicted Harold Penwarden on Tuesday. Prosecutors said Penwardan hid the losses.';
  assert.deepEqual(people(text), ['Harold Penwarden']);
});

test('a word named as kin or by its surname is a person, even a place name; a quoted nickname is nobody new', () => {
  assert.deepEqual(people('Dorian Pell is accused of striking his wife, Florence, at their home.'), ['Dorian Pell', 'Florence']);
  assert.deepEqual(people('He arrived with daughter Savannah beside him.'), ['Savannah']);
  assert.deepEqual(people('Officers said the driver, surnamed Quan, was held overnight.'), ['Quan']);
  assert.deepEqual(people('Colleagues who called her "Iron Maggie" were surprised when Margit Olund resigned.'), ['Margit Olund']);
});

test('a named upland is a place, not a person', () => {
  assert.deepEqual(people('The ring went missing at a resort in Corvan Highlands last week.'), []);
});

test('a team or a firm named for its trade is no person', () => {
  assert.deepEqual(people('He was dropped by his then team Corvo Lanza in May.'), []);
  assert.deepEqual(people('A report by Halvern Analytics questioned the accounts.'), []);
});

test('the title of a show is no person, in the headline either', () => {
  assert.deepEqual(
    people("Regulator fines broadcaster over Silver Kettle blunder\nThe watchdog fined it for a rigged vote on the children's show Silver Kettle."),
    [],
  );
  assert.deepEqual(people('Records show Alan Brisk paid the fee.'), ['Alan Brisk']);
});

test('two capitals before a lone surname after a title are initials', () => {
  assert.deepEqual(people('The counsel told Justice OK Adebayo-Lawal that the law was clear.'), ['OK Adebayo-Lawal']);
  assert.deepEqual(people('Acting ACP Rupeni Tawake confirmed the arrest.'), ['Rupeni Tawake']);
});

test('a listed given name that is also an English word still opens a name', () => {
  assert.deepEqual(people('Two consultants, Dana Whitlow and Christian Bexley, paid the fees.'), ['Christian Bexley', 'Dana Whitlow']);
  assert.deepEqual(people('He sued website editor Paddy Black for libel.'), ['Paddy Black']);
  assert.deepEqual(people('Grant Halloway said the club would appeal.'), ['Grant Halloway']);
  // Two English words and nothing that says person: no name.
  assert.deepEqual(people('The report cited Christian Aid figures.'), []);
});

test('a month is a name after a given name or before a surname, not after a date word', () => {
  assert.deepEqual(people('Reporter April Dunleavy asked about it in May.'), ['April Dunleavy']);
  assert.deepEqual(people("The firm's lawyer, Jan Kowalczyk, said it would appeal on Jan 5."), ['Jan Kowalczyk']);
  assert.ok(!people('Since June Ferris has led the inquiry.').includes('June Ferris'));
});

test("a doer's noun opening the sentence before a given name is no part of the name", () => {
  assert.deepEqual(people('Fundraiser Emma Delacourt said she paid him. Contractor Bobby Harwell was convicted.'), ['Bobby Harwell', 'Emma Delacourt']);
});

test('a verb form after a title in a headline is no name', () => {
  assert.deepEqual(people('Ex-Mayor Convicted Of Fraud\nThe former mayor, Alma Quist, was convicted.'), ['Alma Quist']);
  assert.deepEqual(people('Prime Minister Says No To Talks'), []);
  assert.deepEqual(people('Mayor Bing spoke first.'), ['Bing']);
});

test('the bare surname whose relative is named in full is another person', () => {
  const text = "Prosecutors accused Quenby of bribery. Quenby's father, Bernard Quenby, was convicted of a tax count.";
  assert.deepEqual(people(text), ['Bernard Quenby', 'Quenby']);
});

test('an age or a person noun in apposition makes a lone surname a person; a body noun does not', () => {
  assert.deepEqual(people('Prosecutors accused Quarmby, 42, of fraud. The court heard from Ellery, a retired teacher, on Monday.'), ['Ellery', 'Quarmby']);
  assert.deepEqual(people('The deal with Velmar, a Swedish retailer, collapsed.'), []);
});

test('a single capital without a dot is an initial, no demonym', () => {
  assert.deepEqual(people('He met S Okafor there.'), ['S Okafor']);
});

test('names joined by "&" are one firm, not two people; two places stay places', () => {
  const got = ruleExtractor.extract('The bank hired Pellow & Barnes to audit it. Talks with Trinidad & Tobago went on.');
  assert.deepEqual(
    got.people.map((p) => p.name),
    [],
  );
  assert.deepEqual(
    got.institutions.map((i) => i.name),
    ['Pellow & Barnes'],
  );
});

test('a role noun before, or "of <body>" after, makes two capitalised words a person', () => {
  assert.deepEqual(people('England forward Tariq Sterling scored twice.'), ['Tariq Sterling']);
  assert.deepEqual(people('The takedown was led by Carson Block of Orwell Waters Research.'), ['Carson Block']);
  assert.deepEqual(people('Fund manager Zentrix Capital said no.'), []);
});

test('police ranks, peers and letters after a name', () => {
  assert.deepEqual(people('DCI Mark Pelham led the inquiry. PC Tom Reaney was injured.'), ['Mark Pelham', 'Tom Reaney']);
  assert.deepEqual(people('Recorder Jane Bellamy QC sentenced him, and Tom Weldon KC said so.'), ['Jane Bellamy', 'Tom Weldon']);
  assert.deepEqual(people('Baroness Mallory denied it. Lord Sugar sued.'), ['Mallory', 'Sugar']);
  assert.deepEqual(people('A bench of Arun Mehra J., held that detention served no purpose.'), ['Arun Mehra']);
  assert.deepEqual(people('The DC office and PC World were closed.'), []);
});

test('a name without its middle name or initial is the one person who has it', () => {
  assert.deepEqual(people('Kwabena M. Ashford was convicted. Kwabena Ashford appealed, and Ashford denied it.'), ['Kwabena M. Ashford']);
  assert.deepEqual(people('Anna Maria Lopez testified. Anna Lopez said she was paid.'), ['Anna Maria Lopez']);
});

test('court officers are titles, not parts of the name', () => {
  assert.deepEqual(people('Chief Magistrate Olufemi Ade-Bello adjourned the case. Senior Coroner Jane Hollis ruled.'), ['Jane Hollis', 'Olufemi Ade-Bello']);
});

test("a plural doer's noun opening the sentence is no part of the first name", () => {
  assert.deepEqual(people('Bowlers Umar Gulzar and Wahab Riazi were questioned.'), ['Umar Gulzar', 'Wahab Riazi']);
});

test('an abstract noun after a title word is no surname', () => {
  assert.deepEqual(people('They hoped to win the General Election by a wide margin. Senator Sanders agreed.'), ['Sanders']);
});

test("a nickname in quotes inside a name is left out of it; a saint's name is no person", () => {
  assert.deepEqual(people('Boxing trainer Brian “BoMac” McIntosh was arrested. McIntosh, 53, denied it.'), ['Brian McIntosh']);
  assert.deepEqual(people("Police hunted Joaquín 'El Gordo' Guzmán for years."), ['Joaquín Guzmán']);
  assert.deepEqual(people('He trained at St Joseph’s gym in Old St Mellons.'), []);
});

test("a listed given name opens a name with a Romance particle; a body's name stays no person", () => {
  assert.deepEqual(people("Eamon de Varela's grandson spoke. Deposits at Banco de la Plata grew."), ['Eamon de Varela']);
});

test('a name may open with a word that is also English ("Do Thi Lan"), but not after a sentence opener ("With Tom Hale …")', () => {
  assert.deepEqual(people('Prosecutors charged Do Thi Lan with fraud.'), ['Do Thi Lan']);
  assert.deepEqual(people('Do Thi Lan, chairwoman of the Zentrix Group, was charged with fraud.'), ['Do Thi Lan']);
  assert.deepEqual(people('With Tom Hale serving as chairman, the firm grew.'), ['Tom Hale']);
  assert.deepEqual(people('Do Americans care about it?'), []);
});

test('a capitalised "Al" between two names is part of an Arabic name, whatever the given name', () => {
  assert.deepEqual(people('He said Zayed Al Kharousi would appeal the verdict.'), ['Zayed Al Kharousi']);
});

test('a nickname in single curly quotes between names, its closing quote glued on, is no part of the name', () => {
  assert.deepEqual(people('The accused are Tamsin ‘Fitty’ Hakula, 38, and Pius ‘Taxa’ Mwatelo, 31.').sort(), ['Pius Mwatelo', 'Tamsin Hakula']);
});

test('an ending stripped off a past form or after a plain consonant makes no English word: "Ates" is a surname', () => {
  assert.deepEqual(people('Prosecutors are seeking 240 years for Kemal Ates, the chief executive of the bank.'), ['Kemal Ates']);
});

test('a listed given name opening a sentence and a list keeps its surname: "Joy Sakari and X told …"', () => {
  assert.deepEqual(people('Joy Sakari and Francisca Koki Manunga told reporters they were asked for a bribe.').sort(), [
    'Francisca Koki Manunga',
    'Joy Sakari',
  ]);
});
