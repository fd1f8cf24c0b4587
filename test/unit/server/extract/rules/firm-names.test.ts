/** Names of firms and public bodies in business, court and sport copy. Sentences written for these tests. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';

const bodies = (text: string): string[] =>
  ruleExtractor
    .extract(text)
    .institutions.map((e) => e.name)
    .sort();
const places = (text: string): string[] => ruleExtractor.extract(text).places.map((e) => e.name);

test("a trade word ends a firm's name after a name of its own, not after places or plain words", () => {
  assert.deepEqual(bodies('The regulator fined Kestrel Asset Management and Orlin Assurance on Monday.'), ['Kestrel Asset Management', 'Orlin Assurance']);
  assert.deepEqual(bodies('He joined Vantor Capital Markets in 2004.'), ['Vantor Capital Markets']);
  assert.deepEqual(bodies('The fraud concerned income tax and National Insurance payments.'), []);
});

test('a list of names before "and" is several bodies, a list of plain words inside one name is one', () => {
  assert.deepEqual(bodies('Kestrel United, Vantor and Orlin Rovers are believed to be the three clubs involved.').includes('Kestrel United'), true);
  assert.ok(!bodies('Kestrel United, Vantor and Orlin Rovers are believed to be involved.').some((b) => b.includes(',')));
  assert.deepEqual(bodies('The Culture, Media and Sport Committee met on Monday.'), ['Culture, Media and Sport Committee']);
});

test("a country named in another tongue inside a name is part of a firm's name, no place", () => {
  assert.deepEqual(bodies('Shares in Credit Suisse fell on Monday.'), ['Credit Suisse']);
  assert.deepEqual(places('Credit Suisse said it would appeal.'), []);
  assert.deepEqual(bodies('Nippon Life said it would appeal.'), ['Nippon Life']);
});

test('an acronym before a word that is no English one names a firm; a police rank before a surname does not', () => {
  assert.deepEqual(bodies('Regulators fined BNP Paribas on Monday.'), ['BNP Paribas']);
  assert.deepEqual(bodies('ASP Musa said the suspects were in custody.'), []);
});

test('a body\'s head word before "of" or "for" opens its name', () => {
  assert.deepEqual(bodies('Lawyers for the Confederation of Nordic Football said it was over.'), ['Confederation of Nordic Football']);
  assert.deepEqual(bodies('The House of Lords allowed his appeal.'), ['House of Lords']);
  assert.deepEqual(bodies('Officers of the Directorate for Priority Crime Investigation arrested him.'), ['Directorate for Priority Crime Investigation']);
  assert.deepEqual(bodies('He watched House of Cards all night.'), []);
});

test('"City of X Police" is one body', () => {
  assert.deepEqual(bodies('A City of Kestrel Police spokesman said the raid was over.'), ['City of Kestrel Police']);
});

test("a name set off by commas after a body's noun is that body", () => {
  assert.deepEqual(bodies('He sold the marketing company, Bonus Sports Marketing, to a friend.'), ['Bonus Sports Marketing']);
  assert.deepEqual(bodies('He sold the firm, Vantor Widgets, to a friend.'), ['Vantor Widgets']);
});

test("a country's plural possessive before a body's name is the place, and the body is named without it", () => {
  const d = ruleExtractor.extract("He was arrested after pressure by the United States' Drug Enforcement Administration.");
  assert.deepEqual(
    d.institutions.map((e) => e.name),
    ['Drug Enforcement Administration'],
  );
  assert.deepEqual(
    d.places.map((e) => e.name),
    ['United States'],
  );
});

test('a court written in lower case after its town is that court', () => {
  assert.deepEqual(bodies('The group appeared in the Kestrel Ridge regional court on Thursday.'), ['Kestrel Ridge regional court']);
});

test('time zones, "HQ" and a title in capitals alone name no body', () => {
  assert.deepEqual(bodies('Police arrived at about 7am (23:00 GMT on Wednesday) and raided the HQ.'), []);
  assert.deepEqual(bodies('Amid reports, Jana Veld — the CEO — sought to play down the concerns.'), []);
});

test('"Radio and Television Supreme Council": a head word alone before "and" opens one name', () => {
  assert.deepEqual(bodies('The Radio and Television Supreme Council has imposed fines.'), ['Radio and Television Supreme Council']);
});

test('"the X newspaper": the article is the noun\'s, not the name\'s', () => {
  assert.deepEqual(bodies('The Thanh Nien newspaper said 84 defendants were sentenced.'), ['Thanh Nien']);
});

test('a town in capitals opening a dateline with a colon is a place, though its first word ends in "-ing"', () => {
  assert.deepEqual(
    places('PETALING JAYA: The regulator fined two banks.').map((p) => p.toLowerCase()),
    ['petaling jaya'],
  );
});

test('"X, company director for Y": the noun after the comma is his job, not a body\'s name', () => {
  const d = ruleExtractor.extract('Three men were charged - Pita Vanua, company director for Kestrel Holdings Ltd, and Josefa Tapa.');
  assert.ok(d.people.some((p) => p.name === 'Pita Vanua'));
  assert.ok(!d.institutions.some((e) => e.name === 'Pita Vanua'));
});

test('"The X published" names an outlet; a body word or title after "The" does not', () => {
  assert.deepEqual(bodies('The Clarion published allegations of bribe-taking against him.'), ['The Clarion']);
  assert.deepEqual(bodies('The Government published a report.'), []);
});

test('"a Kremlin statement": what issues a statement is a body', () => {
  assert.deepEqual(bodies('The claims are lies, read a Kestrelgrad statement issued today.'), ['Kestrelgrad']);
});

test('a legal form set off by a comma names nothing alone', () => {
  assert.deepEqual(bodies("The fraud at Vantor's, Inc., cost investors millions."), ['Vantor']);
});

test('an acronym before an abstract noun ("SDT Decision") names no firm', () => {
  assert.ok(!bodies('In March the federation appealed the SDT Decision.').includes('SDT Decision'));
});

test('an acronym in brackets after a name with hyphenated words abbreviates that name, no outlet', () => {
  // A country before the brackets looks like a dateline's credit ("HANOI, Vietnam (NBC)").
  assert.deepEqual(bodies('The club appealed. The Anti-Doping Agency of Norway (ADAN) and the club joined the appeal.'), ['Anti-Doping Agency of Norway']);
});

test('"Royal Courts of Justice", "Daily Express", "Serious Fraud Squad": head words of courts, outlets and police units', () => {
  assert.deepEqual(bodies('The two men met in the Royal Courts of Justice yesterday.'), ['Royal Courts of Justice']);
  assert.deepEqual(bodies('He is the publisher of the Daily Express.'), ['Daily Express']);
  assert.deepEqual(bodies("Police studied them with the help of NZ's Serious Fraud Squad."), ['Serious Fraud Squad']);
  assert.deepEqual(places("Police studied them with the help of NZ's Serious Fraud Squad."), ['New Zealand']);
});

test("an editor's title before a name is no part of it", () => {
  const people = ruleExtractor
    .extract('The paper confirmed Editor-in-Chief Ryan Lau and Deputy Chief Editor Chan Puiman had been arrested.')
    .people.map((p) => p.name);
  assert.deepEqual(people.sort(), ['Chan Puiman', 'Ryan Lau']);
});

test('"the Hawks investigation": a plural after "the" names a group, no person', () => {
  assert.deepEqual(ruleExtractor.extract('These are the first arrests since the Hawks investigation started.').people, []);
});

test('teams: "pitcher for the X", "X pitcher Jane Roe", "of the X" with a plural name', () => {
  assert.deepEqual(bodies('Lee Tae-yang, pitcher for the NC Dinos, has been indicted.'), ['NC Dinos']);
  assert.deepEqual(bodies('Prosecutors said Brother Elephants pitcher Tsao Chin-hui was charged.'), ['Brother Elephants']);
  assert.deepEqual(bodies('The six others are Hsieh Chia-hsien of the Sinon Bulls, Wang Chun-tai and Liu Yu-chan.'), ['Sinon Bulls']);
  assert.deepEqual(
    ruleExtractor
      .extract('The six others are Hsieh Chia-hsien of the Sinon Bulls, Wang Chun-tai and Liu Yu-chan.')
      .people.map((p) => p.name)
      .sort(),
    ['Hsieh Chia-hsien', 'Liu Yu-chan', 'Wang Chun-tai'],
  );
});

test('"the Panama Papers": a leak named with a plural is no team and no body', () => {
  assert.deepEqual(bodies('Police raided the bank over the Panama Papers on Tuesday.'), []);
});

test('"former auditor Hideo Yamada": a noun firms and people share leaves a plain two-word name to the person rules', () => {
  const d = ruleExtractor.extract('The firm charged its ex-chairman Tsuyoshi Kikukawa and former auditor Hideo Yamada with fraud.');
  assert.deepEqual(d.people.map((p) => p.name).sort(), ['Hideo Yamada', 'Tsuyoshi Kikukawa']);
  assert.deepEqual(d.institutions, []);
});

test('"Prosecutors said" names no body; "Copyright X, 2010" credits X', () => {
  assert.deepEqual(bodies('Prosecutors said they have telephone records.'), []);
  assert.deepEqual(bodies('Copyright Agence France-Presse, 2010'), ['Agence France-Presse']);
});

test('a nickname in double quotes inside a name of two surnames; "Club X"; a regulation or an event after a title word', () => {
  assert.deepEqual(
    ruleExtractor.extract('Former team president Guillermo "Billy" Álvarez Cuevas was arrested on Thursday.').people.map((p) => p.name),
    ['Guillermo Álvarez Cuevas'],
  );
  assert.deepEqual(bodies('It played the final against Club Kestrel in May.'), ['Club Kestrel']);
  const d = ruleExtractor.extract('The regulator said the firm breached the General Data Protection Regulation at the National Senior Championships.');
  assert.deepEqual([...d.people, ...d.places], []);
});

test('a court written in lower case after its town, with up to three words of its kind', () => {
  assert.deepEqual(bodies('The case will proceed to the Kestrel high court in September.'), ['Kestrel high court']);
  assert.deepEqual(bodies('They appeared in the Kestrel specialised commercial crimes court on Monday.'), ['Kestrel specialised commercial crimes court']);
  assert.deepEqual(bodies('She sued the firm in a California federal court.'), []);
});

test('a legal form, a comma, then another name: two companies ("Sony Co., Ltd." stays one)', () => {
  assert.deepEqual(bodies('He manipulated the shares of three companies, Kestrel Rural Bank Co., Vantor Rural Bank Co. and Orlin Steel Co.'), [
    'Kestrel Rural Bank Co.',
    'Orlin Steel Co.',
    'Vantor Rural Bank Co.',
  ]);
  assert.deepEqual(bodies('Shares of Kestrel Co., Ltd. fell.'), ['Kestrel Co.']);
});
