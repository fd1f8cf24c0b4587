import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor } from '../../../../../server/extract/rules/index.js';

const pairs = (text: string): string[] => ruleExtractor.extract(text).interactions.map((i) => `${i.source} -${i.type}-> ${i.target}`);
const linked = (text: string, a: string, b: string): boolean =>
  ruleExtractor.extract(text).interactions.some((i) => (i.source === a && i.target === b) || (i.source === b && i.target === a));

test('a group description after any verb stands for the people named together', () => {
  const text = 'Harold Finch and Maria Lopez were charged with assault. District Judge Peter Gray remanded the pair on bail until June.';
  const got = pairs(text);
  assert.ok(got.includes('Peter Gray -remanded-> Harold Finch'), got.join('\n'));
  assert.ok(got.includes('Peter Gray -remanded-> Maria Lopez'), got.join('\n'));
});

test('"he and X were charged": "they" later stands for both', () => {
  const text =
    'Harold Finch resigned on Monday. Today he and former treasurer, Maria Lopez were charged with fraud. They will appear in Leeds Crown Court tomorrow.';
  const got = pairs(text);
  assert.ok(got.includes('Harold Finch -appeared_in-> Leeds Crown Court'), got.join('\n'));
  assert.ok(got.includes('Maria Lopez -appeared_in-> Leeds Crown Court'), got.join('\n'));
});

test('an opening "The president of X, Y" names Y without the closing comma', () => {
  assert.ok(pairs('The president of Riverside Rovers, Omar Haddad has apologised for the statement.').includes('Omar Haddad -leads-> Riverside Rovers'));
});

test('a possessed apposition may hold two titles', () => {
  const got = pairs('Prosecutors questioned Dana Fox, Globex Corporation’s former chief financial officer and Harold Finch’s top lieutenant, on Monday.');
  assert.ok(got.includes('Dana Fox -formerly_worked_for-> Globex Corporation'), got.join('\n'));
  assert.ok(got.includes('Dana Fox -works_for-> Harold Finch'), got.join('\n'));
});

test('"the defendants are A, B and C" after a suit names whom the plaintiff sued', () => {
  const text =
    'Maria Lopez has sued Northgate Media Group for wrongful dismissal. The defendants are Northgate Media Group, its owner Globex Corporation of Leeds and Peter Gray, the company’s news director.';
  const got = pairs(text);
  for (const x of ['Northgate Media Group', 'Globex Corporation', 'Peter Gray']) assert.ok(got.includes(`Maria Lopez -sued-> ${x}`), got.join('\n'));
  assert.ok(!got.includes('Maria Lopez -sued-> Leeds'), got.join('\n'));
});

test('a job held at a body, or writing for it, is working for it', () => {
  assert.ok(
    pairs('Maria Lopez sued Northgate Media Group. Lopez was a reporter and anchor at Northgate Media Group for six years.').includes(
      'Maria Lopez -formerly_worked_for-> Northgate Media Group',
    ),
  );
  assert.ok(linked('Harold Finch was also writing for Northgate Media Group, the report said.', 'Harold Finch', 'Northgate Media Group'));
});

test('a city’s or county’s name before a local office is the place the holder serves; a country’s is not', () => {
  const got = pairs('Harold Finch met Leeds Mayor Maria Lopez and Ohio Governor Peter Gray. Mexico’s President Omar Haddad was absent.');
  assert.ok(got.includes('Maria Lopez -leads-> Leeds'), got.join('\n'));
  assert.ok(got.includes('Peter Gray -leads-> Ohio'), got.join('\n'));
  assert.ok(!got.some((x) => x.includes('Omar Haddad -leads->')), got.join('\n'));
  assert.ok(pairs('Peter Gray, a Harris County commissioner, was indicted on Friday.').includes('Peter Gray -member_of-> Harris County'));
});

test('a later name in a list with its own title does not take the first one’s relation', () => {
  const got = pairs('Harold Finch lobbied Labour Party leader Maria Lopez, Ohio Governor Peter Gray and others.');
  assert.ok(!got.includes('Peter Gray -leads-> Labour Party'), got.join('\n'));
});

test('"received gifts from A and B"; "X’s People’s Party"; "Firm client Acme"', () => {
  const got = pairs('Prosecutors say Harold Finch received $50,000 in gifts, including wine, cigars, and watches, from Maria Lopez and Peter Gray.');
  assert.ok(got.includes('Harold Finch -received_from-> Maria Lopez'), got.join('\n'));
  assert.ok(got.includes('Harold Finch -received_from-> Peter Gray'), got.join('\n'));
  assert.ok(
    linked('The retailers are advised by big firms, and Baker Lyle Partners client Globex Corporation is one.', 'Baker Lyle Partners', 'Globex Corporation'),
  );
});

test('a penalty with no agent takes the official body whose act follows it; a ban imposed by X is on the story’s person', () => {
  const got = pairs('Cyclist Marco Rossi was handed a two-year ban on Tuesday after the Sports Appeals Tribunal upheld an appeal.');
  assert.ok(got.includes('Sports Appeals Tribunal -banned-> Marco Rossi'), got.join('\n'));
  const ban = pairs('Tennis player Marco Rossi lost his appeal. The court dismissed the challenge to a ban imposed by the Tennis Ethics Board.');
  assert.ok(ban.includes('Tennis Ethics Board -banned-> Marco Rossi'), ban.join('\n'));
});

test('a team position makes its holder a member of the club', () => {
  assert.ok(pairs('Riverside Rovers defender Marco Rossi, 24, was charged.').includes('Marco Rossi -member_of-> Riverside Rovers'));
});

test('a legal team’s lawyers act for its owner; an adviser to a body works for it', () => {
  const got = pairs('Harold Finch arrived at court on Monday. He came with his legal team, which includes Senior Counsel Maria Lopez, and did not comment.');
  assert.ok(got.includes('Maria Lopez -lawyer_for-> Harold Finch'), got.join('\n'));
  assert.ok(pairs('Tom Whitfield, an adviser to Unilever, was arrested.').includes('Tom Whitfield -works_for-> Unilever'));
});

test('a verb outside the vocabulary is typed by its past tense, an irregular one too', () => {
  const got = pairs('Tom Whitfield left Unilever in 2019. Maria Lopez colluded with Harold Finch.');
  assert.ok(got.includes('Tom Whitfield -left-> Unilever'), got.join('\n'));
  assert.ok(got.includes('Maria Lopez -colluded_with-> Harold Finch'), got.join('\n'));
});

test('"indicted" and "suspended" are their own types', () => {
  assert.ok(pairs('The Ruritania Athletics Federation suspended Marco Rossi on Monday.').includes('Ruritania Athletics Federation -suspended-> Marco Rossi'));
  assert.ok(pairs('District Attorney Maria Lopez indicted Harold Finch on fraud charges.').includes('Maria Lopez -indicted-> Harold Finch'));
});

test('a plural apposition title describes everyone listed before it', () => {
  const got = pairs('Tom Whitfield and Maria Lopez, both former Unilever executives, were charged.');
  assert.ok(got.includes('Tom Whitfield -formerly_worked_for-> Unilever'), got.join('\n'));
  assert.ok(got.includes('Maria Lopez -formerly_worked_for-> Unilever'), got.join('\n'));
});

test('a body the story introduced as a charity is not what "the club" stands for later', () => {
  const text =
    'Riverside Rovers defended its manager. Among the critics is the domestic abuse charity Haven Trust. The club’s president, Omar Haddad, apologised.';
  const got = pairs(text);
  assert.ok(!got.some((x) => x.startsWith('Omar Haddad') && x.endsWith('Haven Trust')), got.join('\n'));
});

test('"the company and two of its executives, A and B" lists A and B as objects too', () => {
  const got = pairs('The Serious Fraud Office charged Unilever and two of its former executives, Tom Whitfield and Maria Lopez.');
  for (const x of ['Unilever', 'Tom Whitfield', 'Maria Lopez']) assert.ok(got.includes(`Serious Fraud Office -charged-> ${x}`), got.join('\n'));
  // "owner of" is no counted part: the list stops there.
  assert.ok(
    !pairs('Harold Finch colluded with Maria Lopez, owner of Northgate Media Group, to block the bill.').some((x) => x.includes('colluded_with-> Northgate')),
  );
});

test('"joined X from Y": the one who moved was with Y before', () => {
  const got = pairs('Marco Rossi, 27, joined Riverside Rovers in July in a $20 million move from Northgate Athletic.');
  assert.ok(got.includes('Marco Rossi -joined-> Riverside Rovers'), got.join('\n'));
  assert.ok(got.includes('Marco Rossi -formerly_member_of-> Northgate Athletic'), got.join('\n'));
  assert.ok(pairs('Tom Whitfield joined Unilever from Procter & Gamble in 2019.').includes('Tom Whitfield -formerly_worked_for-> Procter & Gamble'));
});

test('"represented by attorney Y" is a lawyer acting for a client', () => {
  assert.ok(pairs('Lisa Marr is represented by attorney Joshua Gruen.').includes('Joshua Gruen -lawyer_for-> Lisa Marr'));
});

test('a head’s title leads the body it names; a deputy’s works for it', () => {
  assert.ok(pairs('Kestrel Bank chief executive officer Brian Hale was given notice.').includes('Brian Hale -leads-> Kestrel Bank'));
  const got = pairs('Former Unilever Chief Executive Tom Whitfield pleaded not guilty. Unilever Deputy Chairman John Hale left.');
  assert.ok(got.includes('Tom Whitfield -formerly_led-> Unilever'), got.join('\n'));
  assert.ok(got.includes('John Hale -works_for-> Unilever'), got.join('\n'));
});

test('"Chief Constable A and Deputy Chief Constable B, both of Y": the head leads Y, the deputy works for it', () => {
  const got = pairs('Chief Constable Sean Prince and Deputy Chief Constable Derek Bonn, both of Northshire Police, have been suspended.');
  assert.ok(got.includes('Sean Prince -leads-> Northshire Police'), got.join('\n'));
  assert.ok(got.includes('Derek Bonn -works_for-> Northshire Police'), got.join('\n'));
});
