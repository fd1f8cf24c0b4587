import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';

// Entities in business, court, crime, media and sport news; the sentences and names are invented.
const extract = (text: string) => ruleExtractor.extract(text);
const people = (text: string): string[] => extract(text).people.map((p) => p.name);
const places = (text: string): string[] => extract(text).places.map((p) => p.name);
const institutions = (text: string): string[] => extract(text).institutions.map((p) => p.name);

test('a surname that a lexicon lists as a person opens a sentence and stays in the name', () => {
  assert.deepEqual(people('Lee Min-ho, the group vice chairman, denied the charges.'), ['Lee Min-ho']);
});

test('an acronym in parentheses that spells the name before it is that body, not an outlet credited at a dateline', () => {
  const text = 'Cricket Ruritania (CR) has denied the claims. The Competition Commission of Ruritania (CCR) fined the firm.';
  assert.deepEqual(institutions(text).sort(), ['Competition Commission of Ruritania', 'Cricket Ruritania']);
  assert.equal(
    extract(text)
      .institutions.find((i) => i.name === 'Cricket Ruritania')
      ?.aliases.includes('CR'),
    true,
  );
});

test('a place inside a longer proper name names a company or club, not the place', () => {
  const text = 'Shares in Air Canada fell after Cathay Pacific and Real Madrid cut ties with Air France-KLM.';
  assert.deepEqual(institutions(text).sort(), ['Air Canada', 'Air France-KLM', 'Cathay Pacific', 'Real Madrid']);
  assert.deepEqual(places(text), []);
  assert.deepEqual(people(text), []);
  // Towns and events keep their place.
  assert.deepEqual(places('He moved from Mexico City to Gaza City before the Tokyo Olympics.').sort(), ['Gaza City', 'Mexico City', 'Tokyo']);
  assert.deepEqual(institutions('The Vienna Convention was cited.'), []);
  // A country's name that is also a given name, before a surname, is a person's.
  assert.deepEqual(people('Jordan Bardella won the vote and thanked Georgia Meloni.').sort(), ['Georgia Meloni', 'Jordan Bardella']);
  // A country's name that only qualifies a title, or names its currency, stands where a demonym could: no place.
  assert.deepEqual(places('U.S. District Judge Amy Berman ruled.'), []);
  assert.deepEqual(places('U.S. Attorney Paul Roe said the firm paid US$1.8 million, or 2 million U.S. dollars.'), []);
  assert.deepEqual(places('U.S. Attorney Paul Roe said the United States would appeal.'), ['United States']);
  // A city's or a region's name before a title is that place's office.
  assert.deepEqual(places('Shanghai Party Secretary Chen Jining met him.'), ['Shanghai']);
});

test('an unknown name listed with bodies is a body', () => {
  const text = 'Freight carrier Cargolux was fined, and Air Canada, Tarsenair and Volaris were also fined.';
  assert.deepEqual(institutions(text).sort(), ['Air Canada', 'Cargolux', 'Tarsenair', 'Volaris']);
  assert.deepEqual(people(text), []);
  // A name after a body and a comma, with no list going on, is an apposition.
  assert.deepEqual(institutions('The chairman of Acme Holdings, Brownlow, said he would resign.'), ['Acme Holdings']);
});

test('"X-based" is the longest place it ends with; "<Name> Area" is a place', () => {
  assert.deepEqual(places('Stephen Marsh, a New York-based lawyer, said so.'), ['New York']);
  assert.deepEqual(places('The offence was committed in Ikeru North Local Government Area of Ogun State.').sort(), [
    'Ikeru North Local Government Area',
    'Ogun State',
  ]);
});

test("a law's name and its acronym name no body", () => {
  const text = 'The offences contradicted Section 11 of the Customs and Excise Management Act (CEMA), the prosecutor said.';
  assert.deepEqual(institutions(text), []);
});

test("a country's long form that the gazetteer lacks is the country", () => {
  const text = 'It is punishable under the law of the Federation of Nigeria, the court heard.';
  assert.deepEqual(places(text), ['Nigeria']);
  assert.deepEqual(institutions(text), []);
});

test('letters inside a case number name no body', () => {
  assert.deepEqual(institutions('In suit number FHC/KD/21C/2022, the prosecutor said the offences were committed in May.'), []);
});

test('a single name that a company owns or speaks of as "it" is a company', () => {
  assert.deepEqual(institutions("Tarsen's chief executive, Mark Holloway, resigned on Tuesday."), ['Tarsen']);
  assert.deepEqual(institutions('Velmora said in a statement that it would cooperate.'), ['Velmora']);
  assert.deepEqual(institutions('On Monday, Kestrix said it would appeal the fine.'), ['Kestrix']);
  assert.deepEqual(people('On Monday, Kestrix said he would appeal the fine.'), ['Kestrix']);
});

test('a lower-case "district" or "region" after a name makes a place of it', () => {
  assert.deepEqual(places('Police in Thane district arrested the accused.'), ['Thane']);
});

test('"The X and Y" after which an outlet reports is two outlets when X is an acronym', () => {
  assert.deepEqual(institutions('The BBC and Sky News reported that Chelsea FC had been fined.').sort(), ['BBC', 'Chelsea FC', 'Sky News']);
});

test("companies' legal forms and trades from outside the English-speaking world end a company's name", () => {
  const text = 'Brakel Logistics SE and Orvano SpA were fined; Orvano said it would appeal.';
  assert.deepEqual(institutions(text).sort(), ['Brakel Logistics SE', 'Orvano SpA']);
  assert.deepEqual(people(text), []);
});

test('a short given name with the same surname is the person named in full', () => {
  assert.deepEqual(people('Daniel Korval sued the paper. Dan Korval said the story was false.'), ['Daniel Korval']);
  // Two people whose given names only share letters stay two.
  assert.deepEqual(people('Jon Korval met Joan Korval.').sort(), ['Joan Korval', 'Jon Korval']);
});

test("a day's name before an outlet's head word, and a club's AS, open a name", () => {
  assert.deepEqual(institutions('The interview ran in the Sunday Post on May 3.'), ['Sunday Post']);
  assert.deepEqual(institutions('He was sold to AS Monaco last year.'), ['AS Monaco']);
  assert.deepEqual(places('He was sold to AS Monaco last year.'), []);
});

test('one body under two forms of its name is one entity', () => {
  assert.deepEqual(institutions('The Department of Justice opened a probe. The Justice Department declined to comment.'), ['Department of Justice']);
  assert.deepEqual(institutions('Kansai Electronics Co. said its profit fell. Kansai Electronics shares rose.'), ['Kansai Electronics Co.']);
  assert.deepEqual(institutions('Goldman Sachs Group Inc agreed to pay. Goldman Sachs said it had cooperated.'), ['Goldman Sachs Group Inc']);
  const fa = extract('The Ghana Football Association fined the club on Monday. The FA said the decision was final.').institutions;
  assert.deepEqual(
    fa.map((i) => [i.name, i.aliases.includes('FA')]),
    [['Ghana Football Association', true]],
  );
});

test('particles in either case stay inside a name; honorifics and doers opening a sentence stay outside it', () => {
  assert.deepEqual(people('Mohammed bin Rashid Al Maktoum attended the launch.'), ['Mohammed bin Rashid Al Maktoum']);
  assert.deepEqual(people('The actor Robert De Niro was sued.'), ['Robert De Niro']);
  assert.deepEqual(people('Tan Sri Muhyiddin Yassin was charged in Kuala Lumpur.'), ['Muhyiddin Yassin']);
  assert.deepEqual(people('Striker Mohamed Salah scored twice.'), ['Mohamed Salah']);
  assert.deepEqual(people('Swimmer Ana Petrova was cleared.'), ['Ana Petrova']);
  assert.deepEqual(people('Inspector Maria Lopez Garcia said so.'), ['Maria Lopez Garcia']);
  assert.deepEqual(institutions('Goldman Sachs Group Inc agreed to pay.'), ['Goldman Sachs Group Inc']);
});

test('an unknown word after "in" that a known place qualifies or follows in a list is a place', () => {
  assert.deepEqual(places('He was arrested at his home in Chiswick, west London.').sort(), ['Chiswick', 'London']);
  assert.deepEqual(places('The factory in Hwaseong, south of Seoul, was searched.').sort(), ['Hwaseong', 'Seoul']);
  assert.deepEqual(places('Officers seized documents in Gurugram and Noida.').sort(), ['Gurugram', 'Noida']);
  assert.deepEqual(places('John Harlow, 45, of Kilburn, north London, was charged.').sort(), ['Kilburn', 'London']);
  // A stake in a company is no place.
  assert.deepEqual(places('The fund holds a stake in Tesla and Ford.'), []);
});

test('an acronym one letter longer than a name listed beside it in its sentence is no short form of it', () => {
  const text = 'Singapore Airlines was fined €75 million and SAS €70 million; SAS said it would appeal.';
  assert.deepEqual(institutions(text).sort(), ['SAS', 'Singapore Airlines']);
});

test('a single name is a company by what is said of it around it', () => {
  assert.deepEqual(institutions('Brakwell, the German payments firm, collapsed in June.'), ['Brakwell']);
  assert.deepEqual(institutions("Vellmark's former finance chief was charged with fraud."), ['Vellmark']);
  assert.deepEqual(institutions('Torvane, which owns retail chains in Europe, has denied wrongdoing.'), ['Torvane']);
  assert.deepEqual(institutions('The short seller Kestrel Research accused the group of fraud.'), ['Kestrel Research']);
  // "who" is a person's.
  assert.deepEqual(institutions('Torvane, who owns a farm, denied it.'), []);
});

test('one word with a spokesman is a body unless a person of the article bears it', () => {
  assert.deepEqual(institutions('A spokesman for Vellmark said the company would cooperate.'), ['Vellmark']);
  assert.deepEqual(people('Mark Vellmark was charged. A spokesman for Vellmark said he was innocent.'), ['Mark Vellmark']);
});

test('one uncommon word before "and" and a body of three words is a body of its own', () => {
  assert.deepEqual(institutions('Ferrari and Red Bull Racing were fined by the FIA.').sort(), ['FIA', 'Ferrari', 'Red Bull Racing']);
  assert.deepEqual(institutions('The Bosnia and Herzegovina Football Federation fined him.'), ['Bosnia and Herzegovina Football Federation']);
  assert.deepEqual(institutions('The International Olympic Committee and World Athletics suspended him.').sort(), [
    'International Olympic Committee',
    'World Athletics',
  ]);
});

test('a name listed with a body and nothing that says person is a body', () => {
  assert.deepEqual(institutions('Goldman Sachs and Morgan Stanley advised on the deal.').sort(), ['Goldman Sachs', 'Morgan Stanley']);
  assert.deepEqual(people('Goldman Sachs and Morgan Stanley advised on the deal.'), []);
  // A body before a noun qualifies it; "who" says person.
  assert.deepEqual(people('Zee Post editor Sudhir Rao and Zee Business editor Samir Ahluwalia were arrested.').sort(), ['Samir Ahluwalia', 'Sudhir Rao']);
  assert.deepEqual(people('It thanked the African Union and Moussa Diallo who heads its commission.'), ['Moussa Diallo']);
  assert.deepEqual(institutions('Human Rights Watch said the arrests were arbitrary.'), ['Human Rights Watch']);
});

test('a name one plays or signs for, or joins from another, is a club or employer', () => {
  assert.deepEqual(institutions('He played for Galatasaray before moving on.'), ['Galatasaray']);
  assert.deepEqual(institutions('She joined Zanthe from Orbitel in 2019.').sort(), ['Orbitel', 'Zanthe']);
  assert.deepEqual(institutions('He joined Smith in calling for reform.'), []);
});

test('a given name spelt with one letter changed is the same person; a changed ending is another', () => {
  assert.deepEqual(people('Markus Jansen resigned. Marcus Jansen later denied it.'), ['Markus Jansen']);
  assert.deepEqual(people('Maria Lopez met Mario Lopez.').sort(), ['Maria Lopez', 'Mario Lopez']);
});

test('"Securities and Exchange Commission" and "National Insurance" keep their meaning', () => {
  assert.deepEqual(institutions('The U.S. Securities and Exchange Commission investigated 140 companies.'), ['U.S. Securities and Exchange Commission']);
  assert.deepEqual(institutions('The fraud concerned income tax and National Insurance payments.'), []);
});

test('both names after a plural title are people', () => {
  assert.deepEqual(people('The suspects inflicted injuries on Messrs Joseph and Echem during the raid.').sort(), ['Echem', 'Joseph']);
});

test("a name listed with a body is a body wherever else the article names it without a person's evidence", () => {
  const text = 'Jorge Prado of local contractor Velmora Setal paid kickbacks. Velmora Setal and Samsung Heavy Industries declined to comment.';
  assert.deepEqual(people(text), ['Jorge Prado']);
  assert.deepEqual(institutions(text).sort(), ['Samsung Heavy Industries', 'Velmora Setal']);
  // A contractor named in full with a given name stays a person.
  assert.deepEqual(people('The contractor John Smith said he was paid.'), ['John Smith']);
});

test('what a company officer heads is a company; its national arm is not the group', () => {
  const text = 'Vantor abused its dominant position, the regulator said. "We disagree," Jane Roe, CEO of Vantor Norway, said. Vantor may appeal.';
  assert.deepEqual(institutions(text).sort(), ['Vantor', 'Vantor Norway']);
  assert.deepEqual(places(text), []);
  // An agent noun of the arm's name is no group: "Whistleblowers UK … Whistleblowers play a role".
  assert.deepEqual(institutions('Jane Roe of campaign group Whistleblowers UK spoke. Whistleblowers play an important role.'), ['Whistleblowers UK']);
});

test('a title before "of the" and a body\'s name that ends in a region is a body, no place', () => {
  const text = 'Joao Lourenco, who chairs it, is Chairperson of the International Conference on the Great Lakes Region.';
  assert.deepEqual(institutions(text), ['International Conference on the Great Lakes Region']);
  assert.deepEqual(places(text), []);
});

test('bodies named by a title\'s possessive, a head before "for", "the … newspaper" or their chief', () => {
  assert.deepEqual(institutions("He is investigated by the Prosecutor's Office."), ["Prosecutor's Office"]);
  assert.deepEqual(institutions('They claim the ruling Democratic Coalition for Change has lost faith in him.'), ['Democratic Coalition for Change']);
  assert.deepEqual(institutions('The Detective Branch of Ruritania Police arrested him.'), ['Detective Branch of Ruritania Police']);
  // No person's name takes "the", though a given name opens it.
  assert.deepEqual(institutions('Jane Roe told the Solomon Star newspaper that they had quit.'), ['Solomon Star']);
  assert.deepEqual(institutions('Treasury chief Sajid Javid backed him.'), ['Treasury']);
  assert.deepEqual(institutions('Ex-finance chief Michael Resnick denied fraud.'), []);
  // One body written with and without a plural "s".
  assert.deepEqual(institutions('The Guardians Council cleared eight men. An unelected Guardian Council barred the rest.'), ['Guardians Council']);
});

test("a title that ends a run before a comma and a name is that name's; the words before it only qualify it", () => {
  const text = 'The agency is investigating former Imo Governor, Emeka Ihedioha, over his tenure.';
  assert.deepEqual(people(text), ['Emeka Ihedioha']);
  const state = 'The agency is investigating former Imo State Governor, Emeka Ihedioha, over his tenure.';
  assert.deepEqual(people(state), ['Emeka Ihedioha']);
  assert.deepEqual(places(state), ['Imo State']);
});

test('capitalised words between two people of one list name a person, though they hold an English word', () => {
  const text = 'The accused are Tebogo van Wyk, Nothando Dube, Sipho Levy Phiri, and Thabang Mohlokoleng.';
  assert.deepEqual(people(text), ['Tebogo van Wyk', 'Nothando Dube', 'Sipho Levy Phiri', 'Thabang Mohlokoleng']);
  // Not a place or a body named between them.
  assert.deepEqual(people('Jane Roe, New York City, and John Doe were named.').sort(), ['Jane Roe', 'John Doe']);
});

test('", reports X." credits an outlet, and a word with digits glued on may be its name', () => {
  assert.deepEqual(institutions('The four suspects were arrested at the airport, reports News24.'), ['News24']);
  // Not a person reported: no comma before "reported".
  assert.deepEqual(institutions('The clerk reported Jones.'), []);
});

test("a ministry written in lower case after its country's demonym is a body", () => {
  assert.deepEqual(institutions('French foreign ministry spokesman Philippe Lalliot urged Iran to act.'), ['French foreign ministry']);
  assert.deepEqual(institutions('The French foreign policy was unchanged.'), []);
});

test("a body's board is that body", () => {
  const text = 'The Capital Markets Authority (CMA) fined Acme Holdings. The CMA Board disqualified its directors.';
  assert.deepEqual(institutions(text).sort(), ['Acme Holdings', 'Capital Markets Authority']);
});

test('"in <place> <given name> <surname>" is a place and a person; "Mr. Lee\'s party" names no party', () => {
  const text = 'She sought a meeting with the British High Commissioner in Dhaka Robert Gibson.';
  assert.deepEqual(places(text), ['Dhaka']);
  assert.deepEqual(people(text), ['Robert Gibson']);
  assert.deepEqual(institutions('Lee Jae-myung was indicted. Parliament, where Mr. Lee’s party holds a majority, voted down a motion.'), []);
});

test('"the X board" makes X a company', () => {
  assert.deepEqual(institutions('Munich prosecutors said the Wirecard board had lied.'), ['Wirecard']);
});
