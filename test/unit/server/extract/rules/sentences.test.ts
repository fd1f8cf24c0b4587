/**
 * The fast sentence split (nlp.ts) must give exactly what wink-nlp gives on the same line: it only
 * skips wink where wink's answer is known. Lines here are written for the test, in the shapes news
 * takes around a full stop: quotations, abbreviations, initials, numbers, brackets.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences, tokenize, winkLineSentences } from '../../../../../server/extract/rules/nlp.js';
import type { Sentence } from '../../../../../server/extract/types.js';

const LINES = [
  'The minister resigned on Monday. "We will appeal," his lawyer said.',
  'He said the deal was "dead." Then he left the room.',
  'She called it "a witch hunt". The board disagreed.',
  'The court heard that he had "no idea.” Prosecutors said otherwise.',
  '“We are innocent,” the company said. “The charges are baseless.”',
  "The coach said it was 'unacceptable.' The club fined him.",
  'He shouted "Stop!" Police then arrested him.',
  'She asked "Why now?" The judge did not answer.',
  'The firm, Acme Corp., denied it. Its shares fell 4.5 per cent.',
  'Mr. Smith met Dr. Jones in St. Louis on Sept. 4. They talked.',
  'The U.S. Justice Department said so. "It is over," he said.',
  'J. R. Ewing bought 5.3 million shares. The S.E.C. noticed.',
  'The player (who was not named.) was banned. He appealed.',
  'He left."We go," she said. The end.',
  'They won 2-1. "Great game," said the coach. "We deserved it."',
  'The report said: "Fraud." The company rejected it.',
  'It was over... The fans left.',
  'He said "no comment". he left.',
  'He said "go." he left at once.',
  'The firm said "no." its rival agreed.',
  'They met at "St." Mary church on Friday.',
  'The note was signed "Gen." Smith, the court heard.',
  'The bank was fined £20m. "We accept the ruling," it said.',
  'The Post reported it. ‘That is false,’ the spokesman said.',
];

for (const line of LINES) {
  test(`splits as wink does: ${line.slice(0, 60)}`, () => {
    const wink: Sentence[] = [];
    winkLineSentences(line, 0, wink);
    assert.deepEqual(splitSentences(line), wink);
  });
}

test('a dateline that opens a paragraph is a sentence of its own', () => {
  const text = (t: string) => splitSentences(t).map((s) => s.text);
  assert.deepEqual(text('LONDON (Reuters) - The bank was fined on Monday.'), ['LONDON (Reuters) -', 'The bank was fined on Monday.']);
  assert.deepEqual(text('HANOI, Vietnam (NBC) – Talks broke down.'), ['HANOI, Vietnam (NBC) –', 'Talks broke down.']);
  assert.deepEqual(text('NEW YORK, June 3 — Shares fell.'), ['NEW YORK, June 3 —', 'Shares fell.']);
  // Not a dateline: a short acronym before a dash, a lower-case word after it.
  assert.deepEqual(text('US - China talks ended.'), ['US - China talks ended.']);
  assert.deepEqual(text('LONDON - and elsewhere, prices rose.'), ['LONDON - and elsewhere, prices rose.']);
  const s = splitSentences('LONDON (Reuters) - The bank was fined.');
  assert.equal('LONDON (Reuters) - The bank was fined.'.slice(s[1]!.start, s[1]!.end), s[1]!.text);
});

test('a full stop after a bracket stays a token: it ends the sentence', () => {
  for (const line of ['He heads the Harbour Sailing Confederation (HSC).', 'The bank (a unit of Acme) was fined.']) {
    const [s] = splitSentences(line);
    assert.equal(tokenize(s!, 0).at(-1)!.text, '.', line);
  }
});

test('a hyphen with no space on either side joins a name; it is no dateline dash', () => {
  assert.deepEqual(
    splitSentences('Velmora-Kast was charged.\nPARIS - Officials said so.').map((s) => s.text),
    ['Velmora-Kast was charged.', 'PARIS -', 'Officials said so.'],
  );
});
