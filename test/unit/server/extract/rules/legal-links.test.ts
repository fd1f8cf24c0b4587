import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleStages } from '../../../../../server/extract/rules/index.js';

// The clause rules alone: the likely-link model's additions are tested in likely-links.test.ts.
const pairs = (text: string): string[] => ruleStages(text).interactions.map((i) => `${i.source} -${i.type}-> ${i.target}`);
const linked = (text: string, a: string, b: string): boolean =>
  ruleStages(text).interactions.some((i) => (i.source === a && i.target === b) || (i.source === b && i.target === a));

test('a subject before a dashed apposition acts on the object after it', () => {
  const text = 'The Ontario Securities Commission -- the province’s market regulator -- has charged Harold Finch with fraud.';
  assert.ok(pairs(text).includes('Ontario Securities Commission -charged-> Harold Finch'));
  const dashes = 'The Ontario Securities Commission — the province’s market regulator — has charged Harold Finch with fraud.';
  assert.ok(pairs(dashes).includes('Ontario Securities Commission -charged-> Harold Finch'));
});

test('a name that qualifies a person’s title is not the object; one that qualifies a thing stands for its owner', () => {
  assert.ok(
    !linked('The Ontario Securities Commission fined Globex Corporation banker Harold Finch on Monday.', 'Ontario Securities Commission', 'Globex Corporation'),
  );
  assert.ok(
    linked('The Ontario Securities Commission fined Globex Corporation banker Harold Finch on Monday.', 'Ontario Securities Commission', 'Harold Finch'),
  );
});

test('"X of <body>" and "A and B, both of <body>" state who works where', () => {
  assert.ok(pairs('Maria Lopez of Globex Corporation said the deal was legal.').includes('Maria Lopez -works_for-> Globex Corporation'));
  const both = pairs('Harold Finch and Maria Lopez, both of Globex Corporation, were charged on Monday.');
  assert.ok(both.includes('Harold Finch -works_for-> Globex Corporation'));
  assert.ok(both.includes('Maria Lopez -works_for-> Globex Corporation'));
});

test('a body is based where "of <city>" or ", based in <city>" says', () => {
  assert.ok(pairs('Globex Corporation, based in Toronto, denied wrongdoing.').includes('Globex Corporation -based_in-> Toronto'));
});

test('a relation noun inside a phrase names no holder', () => {
  const got = pairs('Harold Finch is accused of securing a job for the daughter of Maria Lopez, the former chairman of Globex Corporation.');
  assert.ok(!got.some((x) => x.startsWith('Harold Finch -child_of->')));
  assert.ok(got.includes('Maria Lopez -formerly_led-> Globex Corporation'));
});

test('"under investigation by X" and "an investigation by X into Y"', () => {
  assert.ok(
    pairs('Harold Finch is under investigation by the Ontario Securities Commission.').includes('Ontario Securities Commission -investigated-> Harold Finch'),
  );
  assert.ok(
    pairs('An investigation by the Ontario Securities Commission into Globex Corporation began in May.').includes(
      'Ontario Securities Commission -investigated-> Globex Corporation',
    ),
  );
});

test('a coordinated verb shares the subject of the verb before it', () => {
  assert.ok(
    pairs('Harold Finch was sacked by Globex Corporation in June and later joined Initech Inc. as an adviser.').includes('Harold Finch -joined-> Initech Inc.'),
  );
  // "urged X to meet … and arrest him": the urger does not arrest.
  const got = pairs('Maria Lopez urged the Kenyan government to meet its obligations and arrest Harold Finch.');
  assert.ok(!got.some((x) => x.startsWith('Maria Lopez -arrested->')));
});

test('"the rider" and "the suspect" stand for the person the story is about', () => {
  const text = 'On Monday, cyclist Marco Rossi tested positive. The Swiss Cycling Federation banned the rider for two years.';
  assert.ok(pairs(text).includes('Swiss Cycling Federation -banned-> Marco Rossi'));
});

test('plural relation nouns introduce a list of holders', () => {
  const got = pairs('Acme Corp and two of its top executives, Keith Brown, 66, and Steve Lee, 60, were convicted.');
  assert.ok(got.includes('Keith Brown -works_for-> Acme Corp'));
  assert.ok(got.includes('Steve Lee -works_for-> Acme Corp'));
});

test('a name before a job noun ("a Milan judge") is not the actor of the verb after it', () => {
  assert.deepEqual(pairs('A Milan judge on Wednesday sent Globex Corporation and Initech Inc. to trial over the payments.'), []);
});

test('a verb that places its patient puts its object where "in" says, with or without a named actor', () => {
  assert.ok(pairs('Police arrested Harold Finch in Toronto on Monday.').includes('Harold Finch -arrested_in-> Toronto'));
});

test('"charges brought by X" are X’s charges against the clause’s subject', () => {
  const got = pairs('Globex Corporation agreed to pay $5 million to settle charges brought by the Securities and Exchange Commission.');
  assert.ok(got.includes('Securities and Exchange Commission -charged-> Globex Corporation'));
});

test('"banned its manager, X" acts on X', () => {
  const got = pairs('The Premier League fined Riverside United and banned its manager, Harold Finch, for six matches.');
  assert.ok(got.includes('Premier League -banned-> Harold Finch'));
  assert.ok(got.includes('Harold Finch -works_for-> Riverside United'));
});

test('a relative clause and an "as" phrase state who leads a body', () => {
  assert.ok(pairs('Harold Finch, who heads Globex Corporation, denied the allegations.').includes('Harold Finch -leads-> Globex Corporation'));
  assert.ok(pairs('Harold Finch stepped down as Globex Corporation’s chief executive last year.').includes('Harold Finch -leads-> Globex Corporation'));
});

test('a job noun between a club and a player is a title, not a verb that makes a claim', () => {
  const got = pairs('The Football Association charged Riverside United midfielder Harold Finch with misconduct.');
  assert.ok(got.includes('Football Association -charged-> Harold Finch'));
  assert.ok(!got.some((x) => x.startsWith('Football Association') && x.endsWith('Riverside United')));
});

test('"the regulator" and "the club" stand for the last body of that kind', () => {
  const text = 'The Financial Conduct Authority said it had fined Globex Corporation. The regulator also banned Harold Finch from the industry.';
  assert.ok(pairs(text).includes('Financial Conduct Authority -banned-> Harold Finch'));
  assert.ok(pairs('Riverside United signed Harold Finch in June. The club later sacked Maria Lopez.').includes('Riverside United -fired-> Maria Lopez'));
});

test('a verb outside the vocabulary adds no second edge to a pair the document already links', () => {
  const text = 'The Court of Appeal fined Harold Finch in May. The Court of Appeal later upheld the ruling against Harold Finch.';
  const got = pairs(text).filter((x) => x.includes('Harold Finch'));
  assert.deepEqual(got, ['Court of Appeal -fined-> Harold Finch']);
});

test('a participle coordinated with an irregular passive keeps its "by" agent', () => {
  const got = pairs('Maria Lopez was found guilty of fraud and sentenced to four years in prison by the Seoul Central District Court.');
  assert.ok(got.includes('Seoul Central District Court -sentenced-> Maria Lopez'));
});

test('"X, Acme’s former chief operating officer," formerly worked for Acme', () => {
  const got = pairs('Harold Finch, Globex Corporation’s former chief operating officer, was arrested at his home in Sydney.');
  assert.ok(got.includes('Harold Finch -formerly_worked_for-> Globex Corporation'));
});

test('an official body reporting an agentless legal act is its actor; an outlet is not', () => {
  assert.ok(pairs('Harold Finch was arrested on Monday, the Australian Federal Police said.').includes('Australian Federal Police -arrested-> Harold Finch'));
  assert.ok(
    pairs('The Australian Federal Police said Harold Finch had been charged with bribery.').includes('Australian Federal Police -charged-> Harold Finch'),
  );
  assert.deepEqual(pairs('Harold Finch was charged on Monday, the Daily Courier said.'), []);
  const custody = pairs('Maria Lopez and Harold Finch were taken into custody, the Serious Fraud Office said.');
  assert.ok(custody.includes('Serious Fraud Office -arrested-> Maria Lopez'));
  assert.ok(custody.includes('Serious Fraud Office -arrested-> Harold Finch'));
});

test('"allegations made by Y" are Y’s; rejecting them denies Y', () => {
  const got = pairs('Globex Corporation rejected the allegations made by Hindsight Partners, calling them baseless.');
  assert.ok(got.includes('Hindsight Partners -accused-> Globex Corporation'));
  assert.ok(got.includes('Globex Corporation -denied-> Hindsight Partners'));
});

test('a document’s "-ing" clause speaks for its author, or for no one when an unnamed possessor wrote it', () => {
  assert.ok(pairs('The Daily Courier published a report accusing Globex Corporation of fraud.').includes('The Daily Courier -accused-> Globex Corporation'));
  const got = pairs('The Court of Appeal refused to hear the senators’ petition seeking a ruling on Harold Finch.');
  assert.ok(!got.some((x) => x.startsWith('Court of Appeal') && x.endsWith('Harold Finch')));
});

test('lists: subjects with acronyms in brackets or ages, objects after a dash', () => {
  const got = pairs(
    'The Financial Conduct Authority (FCA) and the Prudential Regulation Authority (PRA) fined Globex Bank chief executive Harold Finch £640,000 on Friday.',
  );
  assert.ok(got.includes('Financial Conduct Authority -fined-> Harold Finch'));
  assert.ok(got.includes('Prudential Regulation Authority -fined-> Harold Finch'));
  const dash = pairs('The International Cricket Council charged three players — Harold Finch, Maria Lopez and Tom Reed — with breaching its code.');
  assert.equal(dash.filter((x) => x.startsWith('International Cricket Council -charged->')).length, 3);
  const ages = pairs('Harold Finch, 48, and Maria Lopez, 52, were arrested in Munich on Tuesday.');
  assert.ok(ages.includes('Harold Finch -arrested_in-> Munich'));
  assert.ok(ages.includes('Maria Lopez -arrested_in-> Munich'));
});

test('"the force’s former head of legal services X": the possessor owns the role the name after the phrase holds', () => {
  const got = pairs('Sean Coyle, of Riverside Police, was suspended. The force’s head of legal services Jane Doe was also in custody.');
  assert.ok(got.includes('Jane Doe -works_for-> Riverside Police'));
  assert.ok(!got.some((x) => x.endsWith('-> Jane Doe')));
});

test('"X, head of legal affairs at Acme," works for Acme', () => {
  assert.ok(pairs('Harold Finch, head of legal affairs at Globex Corporation, declined to comment.').includes('Harold Finch -works_for-> Globex Corporation'));
});

test('a leading "It" before an act stands for the body that opened the sentence before; an empty "it" does not', () => {
  const acts = pairs('The Financial Conduct Authority opened an inquiry in March. It has fined Harold Finch £640,000.');
  assert.ok(acts.includes('Financial Conduct Authority -fined-> Harold Finch'));
  assert.deepEqual(pairs('The Financial Conduct Authority opened an inquiry in March. It is believed that Harold Finch will appeal.'), []);
  const thing = pairs('A High Court judge ruled on Monday. It was also sent to Sky News and the Daily Courier.');
  assert.ok(!thing.some((x) => x.startsWith('High Court')));
});

test('a ban or a fine handed, imposed or slapped on someone is the body banning or fining them', () => {
  assert.ok(
    pairs('Maria Lopez was handed a four-year ban by the Court of Arbitration for Sport on Friday.').includes(
      'Court of Arbitration for Sport -banned-> Maria Lopez',
    ),
  );
  assert.ok(pairs('The Football Association imposed a six-match ban on Harold Finch.').includes('Football Association -banned-> Harold Finch'));
});

test('a time phrase between a subject and its verb: "X and Y on Friday fined Z"', () => {
  const got = pairs(
    'title: Fined\nThe Financial Conduct Authority and the Prudential Regulation Authority on Friday fined Northgate Bank chief executive Tom Ellery £640,000.',
  );
  assert.ok(got.includes('Financial Conduct Authority -fined-> Tom Ellery'), got.join('\n'));
  assert.ok(got.includes('Prudential Regulation Authority -fined-> Tom Ellery'), got.join('\n'));
});

test('the gerund of a legal act’s reason links the accused to whom it names, past an apposition', () => {
  const got = pairs(
    'title: Heir indicted\nProsecutors indicted Kim Dae-ho, the heir to the Hanbit Group conglomerate, on charges of bribing former president Choi Mi-ran.',
  );
  assert.ok(got.includes('Kim Dae-ho -bribed-> Choi Mi-ran'), got.join('\n'));
  assert.ok(pairs('title: Fraud\nAnn Carter was charged with defrauding Harlow Systems.').includes('Ann Carter -defrauded-> Harlow Systems'));
});

test('a penalty "imposed by X on Y" (either order) links X to Y', () => {
  assert.ok(
    pairs('title: x\nThe court upheld a ban imposed by the Ruritanian Tennis Federation on Karl Mahler.').includes(
      'Ruritanian Tennis Federation -banned-> Karl Mahler',
    ),
  );
  const fines = pairs('title: x\nThe court overturned fines imposed on Northgate Bank and Harlow Systems by the European Commission in 2010.');
  assert.ok(fines.includes('European Commission -fined-> Northgate Bank'), fines.join('\n'));
  assert.ok(fines.includes('European Commission -fined-> Harlow Systems'), fines.join('\n'));
});

test('"<place>-based" says where the one it describes is based', () => {
  const got = pairs(
    'title: x\nStephen Ascher, a New York-based criminal defense attorney, said the verdict was fair.\nThe Leeds-based lender Northgate Bank collapsed.',
  );
  assert.ok(got.includes('Stephen Ascher -based_in-> New York'), got.join('\n'));
  assert.ok(got.includes('Northgate Bank -based_in-> Leeds'), got.join('\n'));
});
