/** Allegations from ordinary legal and reporting language, each role right. Sentences written for these tests. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleExtractor, ruleStages } from '../../../../../server/extract/rules/index.js';
import type { Allegation } from '../../../../../server/extract/types.js';

const allegations = (text: string): Allegation[] => ruleExtractor.extract(text).allegations;
// The rules alone, before the likely-accused model adds whom it rates likely (tested in likely-accused.test.ts).
const ruleAllegations = (text: string): Allegation[] => ruleStages(text).allegations;

test('legal language makes an allegation against the one charged, with no accuser when none is named', () => {
  for (const text of [
    'Prosecutors indicted Dana Whitfield on bribery charges on Monday.',
    'Dana Whitfield was charged with fraud in March.',
    'Dana Whitfield faces 12 charges of embezzlement.',
    'Police arrested the former chief executive, Dana Whitfield, on suspicion of fraud on Tuesday.',
    'Dana Whitfield was convicted of perjury last year.',
  ]) {
    const [a, ...rest] = allegations(text);
    assert.ok(a, text);
    assert.equal(rest.length, 0, text);
    assert.deepEqual(a.against, ['Dana Whitfield'], text);
    assert.deepEqual(a.alleged_by, [], text);
  }
});

test('the accuser is the subject of "accused", "sued" or "according to", never also the accused', () => {
  const [a] = allegations('Attorney General Mark Ellison accused Lena Osei of defrauding pension funds.');
  assert.ok(a);
  assert.deepEqual(a.alleged_by, ['Mark Ellison']);
  assert.deepEqual(a.against, ['Lena Osei']);

  const [b] = allegations('Mayor Lisa Brandt sued Tom Reyes for defamation.');
  assert.ok(b);
  assert.deepEqual(b.alleged_by, ['Lisa Brandt']);
  assert.deepEqual(b.against, ['Tom Reyes']);
  for (const x of [a, b]) for (const n of x.alleged_by) assert.ok(!x.against.includes(n));
});

test('a verb of saying makes an allegation only with a word of wrongdoing', () => {
  const [a, ...rest] = allegations('Senator Ruth Adler said Governor Paul Grant took bribes from builders.');
  assert.ok(a);
  assert.equal(rest.length, 0);
  assert.deepEqual(a.alleged_by, ['Ruth Adler']);
  assert.deepEqual(a.against, ['Paul Grant']);
  assert.deepEqual(allegations('Senator Ruth Adler said Governor Paul Grant will visit the harbour on Monday.'), []);
});

test('negated and merely topical wording is no allegation', () => {
  for (const text of [
    'Senator Paul Grant was not accused of any crime.',
    'No charges were filed against Daniel Reed.',
    'Concerns about election interference grew in Norway last year.',
    'The anti-corruption agency hired Daniel Reed as its spokesman.',
  ])
    assert.deepEqual(allegations(text), [], text);
});

test('a hedged report of an ordinary act accuses nobody', () => {
  const found = allegations('Foreign Minister Lena Berg allegedly asked Daniel Reed for a meeting in Oslo.');
  for (const a of found) assert.deepEqual(a.against, []);
});

test('an outlet reports the claims it is named as the source of, not every claim in the article', () => {
  const [a, b] = allegations(
    'According to Reuters, Harlow Bank allegedly laundered money for a cartel. ' +
      'The weather in Oslo was cold. Separately, Daniel Reed was charged with tax evasion.',
  );
  assert.ok(a && b);
  assert.deepEqual(a.reported_by, ['Reuters']);
  assert.deepEqual(a.against, ['Harlow Bank']);
  assert.deepEqual(b.reported_by, []);
});

test('a denial is a role on the claim it answers, pronouns resolved, not a new allegation', () => {
  const found = allegations('Maria Lopez was charged with fraud in March. She pleaded not guilty.');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]!.denied_by, ['Maria Lopez']);

  const [a, ...rest] = allegations('Prosecutors accused Tom Reyes of bribery. Reyes denied the allegations.');
  assert.ok(a);
  assert.equal(rest.length, 0);
  assert.deepEqual(a.denied_by, ['Tom Reyes']);
});

test('a headline repeating the body adds no second allegation', () => {
  const text = 'title: Mayor charged with fraud\n\nMayor John Hale was charged with fraud on Friday, prosecutors said.';
  const found = allegations(text);
  assert.equal(found.length, 1);
  assert.match(found[0]!.evidence.text, /^Mayor John Hale/);
});

test('the claim reads as a label: pronouns resolved, cut at a word boundary', () => {
  const second = 'He was charged with embezzling public funds meant for schools, hospitals and roads in three northern provinces.';
  const [a] = allegations(`Tom Reyes was arrested in May. ${second}`);
  assert.ok(a);
  assert.ok(a.claim.length <= 81, a.claim);
  const resolved = second.replace(/^He/, 'Tom Reyes');
  const label = a.claim.replace(/…$/, '');
  assert.ok(resolved.startsWith(label), a.claim);
  assert.match(resolved.slice(label.length), /^[\s,.]/, 'cut between words');
});

test('a penalty names its reason: "fined … over" accuses the one fined, by the one who fines', () => {
  const [a] = allegations('The Harbour Authority fined Nora Quist £40,000 over late safety reports.');
  assert.ok(a);
  assert.deepEqual(a.against, ['Nora Quist']);
  assert.deepEqual(a.alleged_by, ['Harbour Authority']);
});

test('"the claims were false" in a denial is no new claim, and the denier is the accused', () => {
  const found = allegations(
    'Tom Reyes, the former finance chief of Brightwater Holdings, was charged with fraud on Friday. Reyes told Reuters the claims were false.',
  );
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]!.against, ['Tom Reyes']);
  assert.deepEqual(found[0]!.denied_by, ['Tom Reyes']);
});

test('pleas, verdicts, sentences and trials accuse the one they concern', () => {
  for (const text of [
    'Carl Jensen pleaded guilty to fraud on Monday.',
    'A court in Oslo sentenced Carl Jensen to five years in prison for embezzlement.',
    'A judge ordered Carl Jensen to stand trial over alleged bribery.',
  ]) {
    const [a] = allegations(text);
    assert.ok(a, text);
    assert.deepEqual(a.against, ['Carl Jensen'], text);
  }
});

test('"both" or "they" in a denial stand for the last accused', () => {
  const [a] = allegations('Prosecutors charged Hanna Berg and Ole Dahl with insider trading. Both have denied wrongdoing.');
  assert.ok(a);
  assert.deepEqual(a.against, ['Hanna Berg', 'Ole Dahl']);
  assert.deepEqual(a.denied_by, ['Hanna Berg', 'Ole Dahl']);
});

test('the same charge told again is one allegation', () => {
  const found = allegations('Dana Whitfield was charged with fraud on Monday. Whitfield was formally charged at a hearing in Leeds.');
  assert.equal(found.length, 1);
});

test('a spokesman denies for the party he speaks for', () => {
  const [a] = allegations(
    'Regulators accused Brightwater Holdings of hiding losses. A spokesman for Brightwater Holdings said the company rejects the allegations.',
  );
  assert.ok(a);
  assert.deepEqual(a.against, ['Brightwater Holdings']);
  assert.ok(a.denied_by.includes('Brightwater Holdings'), `denied by: ${a.denied_by.join(', ')}`);
});

test('a dateline or a place that describes the prosecutors is no accuser', () => {
  const [a] = allegations(
    'OSLO (Reuters) - Norwegian prosecutors on Monday arrested Klaus Vetter, the former chief executive of a payments firm, on suspicion of fraud.',
  );
  assert.ok(a);
  assert.deepEqual(a.against, ['Klaus Vetter']);
  assert.deepEqual(a.alleged_by, []);
  const [b] = allegations('The Bergen prosecutors said Klaus Vetter had laundered money.');
  assert.ok(b);
  assert.deepEqual(b.alleged_by, []);
  assert.deepEqual(b.against, ['Klaus Vetter']);
});

test('a plea of not guilty or a denial that names new charges is itself the claim, against the denier', () => {
  for (const text of [
    'Marta Lindqvist, the former chief executive of a shipping group, pleaded not guilty to fraud charges on Monday.',
    'Property developer Marta Lindqvist has denied bribery charges brought in Stockholm.',
  ]) {
    const [a, ...rest] = allegations(text);
    assert.ok(a, text);
    assert.equal(rest.length, 0, text);
    assert.deepEqual(a.against, ['Marta Lindqvist'], text);
    assert.deepEqual(a.denied_by, ['Marta Lindqvist'], text);
  }
  // "denied the charges" answers a claim told before: still one allegation.
  const found = allegations('Marta Lindqvist was charged with fraud in May. Lindqvist denied the charges on Friday.');
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]!.denied_by, ['Marta Lindqvist']);
});

test('a penalty names its imposer as accuser and every one it falls on as accused', () => {
  const [a] = allegations(
    'The Harbour Markets Authority fined the bank’s former treasurer, Ivo Marsh, £12,000, and its former auditor, Gail Penrose, £8,000, for misleading inspectors.',
  );
  assert.ok(a);
  assert.deepEqual(a.alleged_by, ['Harbour Markets Authority']);
  assert.deepEqual(a.against, ['Ivo Marsh', 'Gail Penrose']);
});

test('an arrest warrant is against the one it is issued for', () => {
  const [a] = allegations('Arrest warrants were issued for Piet Oduya and two of his former partners.');
  assert.ok(a);
  assert.deepEqual(a.against, ['Piet Oduya']);
});

test('"the company" and "the former chief executive" stand for the company and the person named before', () => {
  const [a] = ruleAllegations('Brightwater Holdings was once worth billions. Regulators accused the shipping company of hiding losses.');
  assert.ok(a);
  assert.deepEqual(a.against, ['Brightwater Holdings']);
  const [b] = ruleAllegations('Kenneth Marlow ran Brightwater Holdings for a decade. On Monday the former chief executive was charged with fraud.');
  assert.ok(b);
  assert.deepEqual(b.against, ['Kenneth Marlow']);
  // An object description is no subject: the one who sues is not "the company" sued.
  const [d] = allegations('Brightwater Holdings grew fast. The state sued the shipping company, alleging it hid losses.');
  assert.ok(d);
  assert.ok(!d.alleged_by.includes('Brightwater Holdings'), d.alleged_by.join(', '));
});

test('a headline passive ("X accused of …") accuses X, and a closing "…, police say" is about the clause before it', () => {
  const [a] = allegations('Former treasurer Guillermo Rivas accused of embezzling $50,000 from a youth league');
  assert.ok(a);
  assert.deepEqual(a.against, ['Guillermo Rivas']);
  assert.deepEqual(a.alleged_by, []);
  const [b] = allegations('Each month, the treasurer Kenneth Marlow gave the board fraudulent statements, police say.');
  assert.ok(b);
  assert.deepEqual(b.against, ['Kenneth Marlow']);
});

test('"it was sued" stands for the company, and "charges against the businessman" for the person named before', () => {
  const [a] = allegations('Brightwater Holdings faced a new blow on Tuesday, when it was sued by rival firm Kestrel Networks over call routing.');
  assert.ok(a);
  assert.deepEqual(a.against, ['Brightwater Holdings']);
  assert.deepEqual(a.alleged_by, ['Kestrel Networks']);
  const [b] = allegations('Kenneth Marlow offered sweets to Anil Rao. Police filed charges against the businessman for bribery.');
  assert.ok(b);
  assert.deepEqual(b.against, ['Kenneth Marlow']);
});

test('a lawyer saying there is no evidence of wrongdoing denies, for himself and his client', () => {
  const [a, ...rest] = allegations(
    'Attorney general Drew Halvorsen filed fraud charges against Kenneth Marlow. Reid Walters, a lawyer for Mr Marlow, said the charges contained no evidence of wrongdoing.',
  );
  assert.ok(a);
  assert.equal(rest.length, 0);
  assert.deepEqual(a.denied_by, ['Reid Walters', 'Kenneth Marlow']);
  const [b] = allegations('Kenneth Marlow was charged with fraud. “Kenneth Marlow has committed no crime,” his lawyer said.');
  assert.ok(b);
  assert.ok(b.denied_by.includes('Kenneth Marlow'), b.denied_by.join(', '));
});

test('a plea in the lead is its own claim even when the headline told it first', () => {
  const found = allegations(
    'Marlow pleads not guilty\n\nKenneth Marlow, the former chairman of Brightwater Holdings, has pleaded not guilty to fraud charges.',
  );
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]!.against, ['Kenneth Marlow']);
  assert.deepEqual(found[0]!.denied_by, ['Kenneth Marlow']);
});

test('"sued by rival firm X" names the accuser after a short description; "no evidence which links X to fraud" is a denial, not a claim', () => {
  const [a] = allegations('Northgate Telecom had a bad week. On Tuesday it was sued by rival telecoms firm Kestrel Networks over call routing.');
  assert.ok(a);
  assert.deepEqual(a.alleged_by, ['Kestrel Networks']);
  const found = allegations(
    'Kenneth Marlow was charged with fraud. “We know of no evidence whatsoever which links Kenneth Marlow to securities fraud,” his lawyer said.',
  );
  assert.equal(found.length, 1);
});

test('a not-guilty plea entered by a lawyer is the client’s denial and makes him the accused; a place near a plea pleads nothing', () => {
  const [a] = allegations('A county prosecutor said Bryce Halloran’s attorney entered a not-guilty plea for him on a charge of assault.');
  assert.ok(a);
  assert.deepEqual(a.against, ['Bryce Halloran']);
  assert.deepEqual(a.denied_by, ['Bryce Halloran']);
  const [b] = allegations(
    'Piet Oduya, who coached at two clubs and is now 63, appeared via videolink from a prison in northwest England and pleaded not guilty to all the charges.',
  );
  assert.ok(b);
  assert.deepEqual(b.against, ['Piet Oduya']);
});

test('a description names the person who held that title before: "the former prime minister", "the champion"', () => {
  const text =
    'Former prime minister Tomas Brandt and former finance minister Ilse Varga were indicted on Monday. ' +
    'The indictment stated that the former prime minister and finance minister took bribes from a builder. ' +
    'Swimmer Maren Holt was banned for four years. The agency had accused the three-time world champion of evading a test.';
  // The rules alone: the likely-accused model may add those accused elsewhere in the story.
  const [, second, , fourth] = ruleStages(text).allegations;
  assert.deepEqual(second?.against.slice().sort(), ['Ilse Varga', 'Tomas Brandt']);
  assert.deepEqual(fourth?.against, ['Maren Holt']);
});

test('a possessor right before a name only qualifies it, and an outlet sued is accused', () => {
  const [a] = allegations("Short seller Kestrel Research on Tuesday accused Norway's Fjell Group of accounting fraud.");
  assert.deepEqual(a?.alleged_by, ['Kestrel Research']);
  assert.deepEqual(a?.against, ['Fjell Group']);
  const [b] = allegations('Former anchor Dana Price filed a lawsuit against broadcaster KXTV and its news director, Paul Hart, on Tuesday.');
  assert.deepEqual(b?.against, ['KXTV', 'Paul Hart']);
});

test('"the group" in what a company alleges is the company it accused, and a penalty falls on the person, not the body in their title', () => {
  const found = allegations(
    'Kestrel Research accused Fjell Group of accounting fraud on Tuesday. In a report, Kestrel alleged that the group used shell companies to inflate its profits.',
  );
  assert.deepEqual(found[1]?.against, ['Fjell Group']);
  const [fine] = allegations('The Financial Conduct Authority fined the former chief executive of Harbour Bank, James Ellery, for misconduct.');
  assert.deepEqual(fine?.against, ['James Ellery']);
});

test('two bodies that say it together both allege; an outlet is accused of its own wrongdoing; a closing "…, prosecutor X said" alleges', () => {
  const [a] = allegations('Acme Corp and Bolt Corp said Jes Palmer had committed fraud.');
  assert.deepEqual(a?.alleged_by, ['Acme Corp', 'Bolt Corp']);
  assert.deepEqual(a?.against, ['Jes Palmer']);
  const [b] = allegations('In the lawsuit, Greg Lowell claims the Harbor Times defamed him in a series of articles.');
  assert.deepEqual(b?.against, ['Harbor Times']);
  const [c] = allegations('Paylux AG inflated its revenue by billions of euros, the Munich prosecutor Anna Roth said.');
  assert.deepEqual(c?.alleged_by, ['Anna Roth']);
  assert.deepEqual(c?.against, ['Paylux AG']);
});

test('"arrested the former chairman of X, Y" accuses Y; players only qualified by their country do not make it the accused', () => {
  const [a] = allegations('Prosecutors on Monday arrested the former chairman of carmaker Hoshida Motor, Kenji Ota, on suspicion of tax evasion.');
  assert.deepEqual(a?.against, ['Kenji Ota']);
  const [b] = allegations('The International Cricket Council has charged three Bangladesh players with corruption.');
  assert.ok(!b?.against.includes('Bangladesh'));
});

test('a lead that describes before it names ("arrested the former chief executive of X") accuses the one named with that title later', () => {
  const found = ruleAllegations(
    'Prosecutors arrested the former chief executive of payments company Paylux on Wednesday on suspicion of fraud. Former CEO Anton Berger, 50, was released on bail.',
  );
  assert.deepEqual(found[0]?.against, ['Anton Berger']);
  // Who says he will go "following accusations that …" does not make them.
  const [a] = allegations('Karl Stenberg, the chief executive of Nordbank, said he would resign following accusations that the bank laundered money.');
  assert.ok(!a?.alleged_by.includes('Karl Stenberg'));
});

test('who settles charges or allegations is their accused', () => {
  const found = allegations(
    'Acme Holdings paid $2.9 billion in 2020 to settle charges over its role in the scandal. Bolt Corp agreed to settle allegations that it misled investors.',
  );
  assert.deepEqual(
    found.map((a) => a.against),
    [['Acme Holdings'], ['Bolt Corp']],
  );
});

test('a lawyer or spokesman who denies answers for the one they speak for, on every claim against them', () => {
  const found = allegations(
    'Prosecutors charged Park Min-ho with bribery on Tuesday. Park is also accused of hiding assets abroad. His lawyer, Choi Dae-sung, said the charges were unfounded.',
  );
  for (const a of found) assert.deepEqual(a.denied_by.slice().sort(), ['Choi Dae-sung', 'Park Min-ho']);
});

test('"X is suing Y" makes X the author of what "the suit" alleges later', () => {
  const found = allegations('Dana Price is suing the station over her dismissal. The suit alleges that Paul Hart harassed her for months.');
  assert.deepEqual(found.at(-1)?.alleged_by, ['Dana Price']);
  assert.deepEqual(found.at(-1)?.against, ['Paul Hart']);
});

test("\"X announced that it has fined Y … and banned him\" is X's claim against Y, not a claim of Y's, and the body in Y's title is not fined", () => {
  const [a] = allegations(
    'The Financial Services Authority announced that it has fined Peter Cummings, former executive director of Halden Bank, £500,000 and banned him from holding any senior position, for actions that the regulator found amounted to a breach of its principles.',
  );
  assert.deepEqual(a?.alleged_by, ['Financial Services Authority']);
  assert.deepEqual(a?.against, ['Peter Cummings']);
});

test('lists of the accused read across titles, "as well as" and ages; a parenthetical "authorities alleged," and "X\'s indictment" name the accused', () => {
  const [a] = allegations(
    'Federal prosecutors filed fraud charges against former chief executive Gregory Reyes and former human resources vice president Stephanie Jensen on Monday.',
  );
  assert.deepEqual(a?.against, ['Gregory Reyes', 'Stephanie Jensen']);
  const [b] = allegations('From 2000 to 2004, authorities alleged, Brocade Communications hid millions of dollars in expenses from investors.');
  assert.deepEqual(b?.against, ['Brocade Communications']);
  const [c] = allegations("The charges add to Dennis Kozlowski's earlier indictment for allegedly evading sales tax on art purchases.");
  assert.deepEqual(c?.against, ['Dennis Kozlowski']);
  assert.deepEqual(c?.alleged_by, []);
});

test('"a former Premier League footballer" is no charge against the league, and "X, 38, who played …, is accused" accuses X', () => {
  const found = allegations(
    'A former Premier League footballer has been charged with fraud, police said. Daniel Okafor, 38, who played for three top-flight clubs, is accused of persuading former teammates to invest in developments that were never built.',
  );
  assert.deepEqual(
    found.map((a) => a.against),
    [['Daniel Okafor'], ['Daniel Okafor']],
  );
});

test('"the accused" is the one accused before, and a lawyer named in apposition who speaks a denial denies with the client', () => {
  const found = ruleAllegations(
    "Brian Molefe and three other former executives are accused of corruption. The investigators said the accused had colluded to inflate the value of the contract. Molefe's lawyer, Themba Langa, said his client would plead not guilty.",
  );
  assert.deepEqual(found[1]?.against, ['Brian Molefe']);
  for (const a of found) assert.deepEqual(a.denied_by.slice().sort(), ['Brian Molefe', 'Themba Langa']);
});

test('"X appealed …, arguing that Y violated …" is X\'s claim; concealing and under-reporting are wrongdoing', () => {
  const [a] = allegations('The World Anti-Doping Agency appealed to the Court of Arbitration for Sport, arguing that Li Wen had violated anti-doping rules.');
  assert.deepEqual(a?.alleged_by, ['World Anti-Doping Agency']);
  assert.deepEqual(a?.against, ['Li Wen']);
  const [b] = allegations('Nordvik Motors said that its former chairman, Lars Eide, had under-reported his pay for years.');
  assert.deepEqual(b?.against, ['Lars Eide']);
});

test('"the former chairman\'s misconduct" is the misconduct of the one named with that title', () => {
  const found = allegations(
    "Former Hoshida Motor chairman Kenji Ota was arrested on Thursday on suspicion of breach of trust. Hoshida Motor has said the former chairman's misconduct was found by an internal investigation.",
  );
  assert.deepEqual(found[1]?.against, ['Kenji Ota']);
});

test('a lead with a number ("Three … cricketers have been charged …, the CPS said on Friday") names its accused in the next claim, not their country', () => {
  const [lead] = allegations(
    'Three Bangladesh cricketers have been charged with conspiracy to accept corrupt payments, the Crown Prosecution Service said on Friday. ' +
      'Former captain Rafiq Hasan and bowlers Imran Alam and Nasir Uddin will appear in court next month. ' +
      'A newspaper alleged that Rafiq Hasan, Imran Alam and Nasir Uddin took bribes from a bookmaker.',
  );
  assert.deepEqual(lead?.alleged_by, ['Crown Prosecution Service']);
  assert.deepEqual(lead?.against, ['Rafiq Hasan', 'Imran Alam', 'Nasir Uddin']);
});

test('a lawsuit against an outlet: "It says …" is the suit\'s claim, a quoted adjective before a noun is no denial, and "the paper stood by the story" is the paper\'s denial', () => {
  const found = allegations(
    'Greg Lowell has sued the weekly Harbor Times for defamation, claiming an article portrayed him as a fraud. ' +
      'The lawsuit, filed in federal court, seeks $2 million in damages. ' +
      'It says the article made "false and defamatory" statements about his business dealings. ' +
      'Harbor Times editor Tom Reyes said the paper stood by the story.',
  );
  assert.equal(found.length, 2);
  for (const a of found) {
    assert.deepEqual(a.alleged_by, ['Greg Lowell']);
    assert.deepEqual(a.denied_by.slice().sort(), ['Harbor Times', 'Tom Reyes']);
  }
});

test('"A former manager at X has accused the company of …" names its accuser next; "an investigation into the allegations" is against the accused before', () => {
  const found = allegations(
    'A former finance manager at Brightwater Beverages has accused the company of rigging a marketing test, according to a lawsuit filed on Friday. ' +
      'Matthew Whitlow, who was fired in March, is seeking $44 million in damages. ' +
      'The Justice Department has opened an investigation into the allegations.',
  );
  assert.deepEqual(found[0]?.alleged_by, ['Matthew Whitlow']);
  assert.deepEqual(found[0]?.against, ['Brightwater Beverages']);
  assert.deepEqual(found.at(-1)?.against, ['Brightwater Beverages']);
});

test('"sanctions on Thursday against Ruritania\'s interior minister" are against the one the story names with that title', () => {
  const [a] = allegations(
    "Two governments imposed sanctions on Thursday against Ruritania's interior minister for his role in a violent crackdown on protesters. The measures include travel bans on Interior Minister Boris Vadek.",
  );
  assert.deepEqual(a?.against, ['Boris Vadek']);
});

test('"X has filed a complaint against Y, accusing him of …" is X\'s claim against Y; assault is wrongdoing, a victim "reportedly assaulted" accuses no one', () => {
  const [a] = allegations('Harbour Bank has filed a criminal complaint against its former chief executive, Jo Ellery, accusing him of embezzling $3 million.');
  assert.deepEqual(a?.alleged_by, ['Harbour Bank']);
  assert.deepEqual(a?.against, ['Jo Ellery']);
  const [b] = allegations('In a complaint to police, actress Mira Stone said the producer Dan Hale had sexually assaulted her in 2015.');
  assert.deepEqual(b?.alleged_by, ['Mira Stone']);
  assert.deepEqual(b?.against, ['Dan Hale']);
  assert.equal(allegations('Some demonstrators have reportedly been assaulted, often by masked gangs.').length, 0);
});

test('penalties handed, given or received: "X was handed a ban after testing positive", "the federation handed X a ban", "X received a record fine"', () => {
  for (const text of [
    'Cyclist Tom Vance was handed a four-year ban by the Cycling Federation after testing positive for EPO.',
    'The Cycling Federation handed Tom Vance a four-year ban for doping.',
  ]) {
    const [a] = allegations(text);
    assert.deepEqual(a?.alleged_by, ['Cycling Federation'], text);
    assert.deepEqual(a?.against, ['Tom Vance'], text);
  }
  const [fine] = allegations('Halden Bank received a record fine for money laundering failures.');
  assert.deepEqual(fine?.against, ['Halden Bank']);
  assert.deepEqual(fine?.alleged_by, []);
  assert.equal(allegations('Tom Vance has never tested positive for a banned substance, his lawyer said.').filter((a) => a.against.length).length, 0);
});

test('the one told ("told the BBC that …", "told reporters …") is no part of the claim', () => {
  for (const text of ['Mira Stone told the BBC that Dan Hale had harassed her for years.', 'Mira Stone told reporters Dan Hale had harassed her for years.']) {
    const [a] = allegations(text);
    assert.deepEqual(a?.alleged_by, ['Mira Stone'], text);
    assert.deepEqual(a?.against, ['Dan Hale'], text);
  }
});

test('"Oregon\'s attorney general … sued" is the attorney general the story names', () => {
  const [a] = allegations(
    "Oregon's attorney general on Monday sued the drug maker Acme Pharma, alleging it falsely promoted a painkiller. State Attorney General Xavier Vela said the company misled doctors.",
  );
  assert.deepEqual(a?.alleged_by, ['Xavier Vela']);
  assert.deepEqual(a?.against, ['Acme Pharma']);
});

test('"the DPP" is the Director of Public Prosecutions the story named', () => {
  const found = allegations(
    'The charges were sanctioned by the Director of Public Prosecutions Mr Colin Hartwell. The DPP says Tomas Brandt and Ilse Varga allegedly abused the authority of their offices.',
  );
  assert.deepEqual(found.at(-1)?.alleged_by, ['Colin Hartwell']);
  assert.deepEqual(found.at(-1)?.against, ['Tomas Brandt', 'Ilse Varga']);
});

test('a lead that describes before it names: "A former energy executive must face charges", "The head of X\'s unit was charged", "a businessman who was alleged to …"', () => {
  const first = (text: string): Allegation | undefined => allegations(text)[0];
  assert.deepEqual(
    first(
      'A former energy executive must face charges that he committed securities fraud. Ronald Keane was chief executive of Volt Energy. Keane denies the charges.',
    )?.against,
    ['Ronald Keane'],
  );
  assert.deepEqual(
    first(
      'Bank unit chief charged with bribery as Ivan Petrov urges freedom\nThe head of Nordbank’s Russian unit was charged with commercial bribery on Monday. Chief executive Oleg Marin faces seven years in prison if convicted. Marin denies any wrongdoing.',
    )?.against,
    ['Oleg Marin'],
  );
  assert.deepEqual(
    first(
      'The article criticised a wealthy businessman who was alleged to have bought homes meant as affordable housing. Businessman Gareth Lowndes sued. Lowndes said the article was defamatory.',
    )?.against,
    ['Gareth Lowndes'],
  );
});

test('"The accused are A, B and C, alongside two companies, D and E" lists every accused; "Millions were allegedly syphoned" tells on the last accused', () => {
  const found = allegations(
    'The accused are Lerato Mokoena, Sizwe Ndlovu and Kagiso Sithole, alongside two companies, Kestrel Holdings and Orbis Holdings. Millions were allegedly stolen from public coffers.',
  );
  const all = ['Lerato Mokoena', 'Sizwe Ndlovu', 'Kagiso Sithole', 'Kestrel Holdings', 'Orbis Holdings'];
  assert.deepEqual(found[0]?.against, all);
  assert.deepEqual(found[1]?.against, all);
});

test('who appeals a ruling against them denies the claims against them, and only those', () => {
  const found = allegations('Swimmer Li Wen was banned for eight years for doping. Li appealed against the ban to the Swiss Federal Tribunal.');
  assert.deepEqual(found[0]?.denied_by, ['Li Wen']);
  const [claim] = allegations('Dana Whitfield was charged with fraud on Monday. The World Anti-Doping Agency appealed the decision to clear Li Wen of doping.');
  assert.deepEqual(claim?.denied_by, []);
  // The appeal's object stays a claim: against the appellant, who denies it.
  const [conviction] = allegations('Dana Whitfield appealed against his conviction for fraud.');
  assert.deepEqual(conviction?.against, ['Dana Whitfield']);
  assert.deepEqual(conviction?.denied_by, ['Dana Whitfield']);
});
