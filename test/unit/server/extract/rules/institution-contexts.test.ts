/** Institutions in business, court and sport news: context that says body, not person or place (sentences written for these tests). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';

const extracted = (text: string) => ruleExtractor.extract(text);
const names = (xs: { name: string }[]): string[] => xs.map((x) => x.name).sort();

test('a possessive alone yields to what other mentions say: the body its shares and parent role make it', () => {
  const x = extracted(
    'Regulators fined the retailer’s parent company Vantorix. The probe followed Vantorix’s 2019 restatement. Vantorix shares fell by a third.',
  );
  assert.deepEqual(names(x.institutions), ['Vantorix']);
  assert.deepEqual(names(x.people), []);
});

test('what owns a person named in full is a body, not another person', () => {
  const x = extracted('The panel banned Quillmere’s Daniel Okoro for six games after the match.');
  assert.deepEqual(names(x.institutions), ['Quillmere']);
  assert.deepEqual(names(x.people), ['Daniel Okoro']);
});

test('a name before a player’s or client’s role and a person’s name is a club or a firm; a country stays a place', () => {
  const x = extracted(
    'The panel punished Harrowgate striker Tomas Reyes. Pellbright Anstey client Corvane lost the case. The Wales captain Aled Morgan was cleared.',
  );
  assert.deepEqual(names(x.institutions), ['Corvane', 'Harrowgate', 'Pellbright Anstey']);
  assert.ok(names(x.places).includes('Wales'));
  assert.ok(!names(x.people).includes('Pellbright Anstey'));
});

test('a club named after its town goes by the town’s name; after "in" the town is the place', () => {
  const x = extracted('Leeds United sacked its coach on Monday. Leeds lost 3-0 at home on Saturday, and fans gathered in Leeds to protest.');
  const club = x.institutions.find((i) => i.name === 'Leeds United');
  assert.ok(club?.aliases.includes('Leeds'));
  assert.deepEqual(names(x.places), ['Leeds']);
  assert.equal(x.places[0]!.mentions.length, 1);
});

test('a town in capitals opening a sentence is a dateline place', () => {
  const x = extracted('LAGOS : Police arrested three suspects on Monday.');
  assert.deepEqual(names(x.places), ['Lagos']);
});

test('a station’s call sign after a title is the employer, not a titled person; its bare letters are the same station', () => {
  const x = extracted(
    'Former WQRX-TV reporter Dana Pruitt sued the station on Monday. WQRX-TV said it would fight the suit. Pruitt worked at WQRX for ten years.',
  );
  assert.deepEqual(names(x.people), ['Dana Pruitt']);
  assert.deepEqual(
    x.institutions.map((i) => [i.name, i.kind]),
    [['WQRX-TV', 'media']],
  );
});

test('outlets listed with "the": each is a paper of its own, not a short form of another in the list', () => {
  const x = extracted('The leaflet reached staff at Calder Radio, Harbour News, the Courier and the Sunday Courier.');
  assert.deepEqual(names(x.institutions), ['Calder Radio', 'Courier', 'Harbour News', 'Sunday Courier']);
});

test('a number inside a body’s name stays in it ("Channel 9 News"), not in a score line', () => {
  const x = extracted('The clip aired on Channel 9 News on Friday. Harrowgate 2 Wexley 1 was the final score.');
  assert.ok(names(x.institutions).includes('Channel 9 News'));
  assert.ok(!names(x.institutions).some((n) => /\d/.test(n) && n !== 'Channel 9 News'));
});

test('a federal court named by its compass point and state is one court, not a region and a state', () => {
  const x = extracted('The complaint was filed in the Eastern District of Missouri on Tuesday.');
  assert.deepEqual(
    x.institutions.map((i) => [i.name, i.kind]),
    [['Eastern District of Missouri', 'court']],
  );
  assert.deepEqual(names(x.places), []);
});

test('bodies by their last word or the noun before them: prosecution services, research firms, teams; no currency codes', () => {
  const x = extracted(
    'The Public Prosecution appealed. Grayling Analytics and Tern Research published reports. He rode for his former team Corvalis Bianchetti. He was accused of taking AED 40,000.',
  );
  assert.deepEqual(names(x.institutions), ['Corvalis Bianchetti', 'Grayling Analytics', 'Public Prosecution', 'Tern Research']);
  assert.deepEqual(names(x.people), []);
});

test('a body’s name without the town that opens it is the same body', () => {
  const x = extracted('The Harare Court of Appeal freed the banker on Monday. Prosecutors had asked the Court of Appeal to keep him in custody.');
  assert.deepEqual(names(x.institutions), ['Harare Court of Appeal']);
});

test('outlets by what they publish and a capital "One" opening a name; sporting events are no bodies', () => {
  const x = extracted(
    'The claim first ran in a Morning Lantern article last week. The channel One Vista News Network denied it. She won bronze at the 2022 World Championships.',
  );
  assert.deepEqual(x.institutions.map((i) => [i.name, i.kind]).sort(), [
    ['Morning Lantern', 'media'],
    ['One Vista News Network', 'media'],
  ]);
  assert.deepEqual(names(x.people), []);
});

test('an acronym after a body’s lower-case head word names that body; after other lower-case words it names none', () => {
  const x = extracted(
    'Ruritania’s cycling federation (RCF) banned him. He filed a first information report (FIR) and was treated in the intensive care unit (ICU).',
  );
  assert.deepEqual(names(x.institutions), ['RCF']);
});

test('"X-listed" names the place X, as "X-based" does, and the company after it', () => {
  const x = extracted('The Oslo-listed Norvane said it would appeal. The Lima-listed Peruvian firm went bankrupt.');
  assert.deepEqual(names(x.places), ['Lima', 'Oslo']);
  assert.deepEqual(names(x.institutions), ['Norvane']);
});

test('a dateline town in capitals with an abbreviation’s stop is one place, not two acronyms', () => {
  const x = extracted('ST. PETERSBURG, June 3 (Wire) - A jury convicted the contractor on Friday.');
  assert.deepEqual(names(x.places), ['ST. PETERSBURG']);
  assert.ok(!names(x.institutions).includes('ST'));
  assert.ok(!names(x.institutions).includes('PETERSBURG'));
});

test('where a story ran is an outlet: "first reported in The X"; a town there stays a place', () => {
  const x = extracted('As first reported in The Quillon last week, the deal collapsed. It was also reported in Madrid on Monday.');
  assert.deepEqual(
    x.institutions.map((i) => [i.name, i.kind]),
    [['The Quillon', 'media']],
  );
  assert.deepEqual(names(x.places), ['Madrid']);
});

test('names opening a list after a plural trade noun are bodies of that trade', () => {
  const x = extracted('The market is led by the big three retailers: Ollamere, Brisk and Kettleby. Broadcasters such as Corran were fined.');
  assert.deepEqual(x.institutions.map((i) => [i.name, i.kind]).sort(), [
    ['Brisk', 'company'],
    ['Corran', 'media'],
    ['Kettleby', 'company'],
    ['Ollamere', 'company'],
  ]);
});

test('a company by its officers and former staff: "the X chief executive", "an ex-X executive" (not "an ex-X aide")', () => {
  const x = extracted('An ex-Vantorix executive was arrested on Monday. The Helvor chief executive resigned. An ex-Mallory aide testified.');
  assert.deepEqual(names(x.institutions), ['Helvor', 'Vantorix']);
  assert.deepEqual(names(x.people), ['Mallory']);
});

test('clubs by their endings and by whom an athlete competes for; towns stay places', () => {
  const x = extracted(
    'He left Bristow Athletic to join Morland Town. The Crestwood Rangers owner was fined. Kemp, who swims for Dellmont, denied it. She flew to Cape Town.',
  );
  assert.deepEqual(names(x.institutions), ['Bristow Athletic', 'Crestwood Rangers', 'Dellmont', 'Morland Town']);
  assert.deepEqual(names(x.places), ['Cape Town']);
});

test('trades and papers by the last word of their names; a paper one writes in', () => {
  const x = extracted('Regulators fined Harlan Oil on Friday. The claims ran in the Eastbridge Echo. Writing in the Halcyon Review, he disagreed.');
  assert.deepEqual(x.institutions.map((i) => [i.name, i.kind]).sort(), [
    ['Eastbridge Echo', 'media'],
    ['Halcyon Review', 'media'],
    ['Harlan Oil', 'company'],
  ]);
  assert.deepEqual(names(x.people), []);
});

test('a town’s name that a club goes by: "Leeds manager John Doe", then "Leeds lost"; "in Leeds" stays the place', () => {
  const x = extracted('Leeds manager Jesse Marsh was sacked on Monday. Leeds lost 3-0 at home. Fans gathered in Leeds. He scored for England.');
  const club = x.institutions.find((i) => i.name === 'Leeds');
  assert.equal(club?.mentions.length, 2);
  assert.deepEqual(names(x.places), ['England', 'Leeds']);
});

test('"the X, the Y": a common word after "the" in a list of "the" names is a body too', () => {
  const x = extracted('Copies went to Calder Radio, the Lantern, the Beacon and the Sunday Courier.');
  assert.deepEqual(names(x.institutions), ['Beacon', 'Calder Radio', 'Lantern', 'Sunday Courier']);
});

test('a substance one tests positive for and a code after a reference word are no bodies', () => {
  const x = extracted('The rider tested positive for EPO last year. He was charged under Rule E3 and Section K12 of the code. Rebels of the M23 advanced.');
  assert.deepEqual(names(x.institutions), ['M23']);
});

test('a league or series numbered in words keeps its number', () => {
  const x = extracted('The League Two club appealed. She raced in Formula Two last season. Two officials resigned.');
  assert.deepEqual(names(x.institutions), ['Formula Two', 'League Two']);
});

test('"client X": a single name a firm acts for is a company; a person client is a person', () => {
  const x = extracted('The firm acts for its client Corvane’s board. Joshua Penn spoke for his client Lisa Marr. His client Marr denies it.');
  assert.deepEqual(names(x.institutions), ['Corvane']);
  assert.deepEqual(names(x.people), ['Joshua Penn', 'Lisa Marr']);
});
