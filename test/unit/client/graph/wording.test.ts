import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { corroborationText, groupHeading, linkSentence, phraseOf, shortLabel, singleSource } from '../../../../client/src/graph/wording.js';

describe('relationships in plain words', () => {
  it('reads a type as words and a link the way it points', () => {
    assert.equal(phraseOf('LAWYER_FOR'), 'lawyer for');
    assert.equal(phraseOf('FORMERLY_WORKED_FOR'), 'formerly worked for');
    assert.equal(phraseOf('HOLDS_ROLE'), 'holds a role at');
    assert.equal(linkSentence('Michael Cohen', 'LAWYER_FOR', 'Donald Trump'), 'Michael Cohen → lawyer for → Donald Trump');
  });

  it('heads a group with the entity on the side the links leave from or point at', () => {
    const trump = { name: 'Donald Trump', kind: 'Person' };
    assert.equal(groupHeading('LAWYER_FOR', false, trump), '→ lawyer for → Donald Trump');
    assert.equal(groupHeading('MET', true, trump), 'Donald Trump → met →');
    assert.equal(groupHeading('ALLEGES', true, trump), 'Alleges');
    assert.equal(groupHeading('AGAINST', false, trump), 'Allegations against it');
  });

  it('names the roles around an allegation', () => {
    const claim = { name: 'ran fake accounts', kind: 'Allegation' };
    assert.equal(groupHeading('ALLEGES', false, claim), 'Alleged by');
    assert.equal(groupHeading('AGAINST', true, claim), 'Against');
    assert.equal(groupHeading('REPORTS', false, claim), 'Reported by');
    assert.equal(groupHeading('DENIES', false, claim), 'Denied by');
  });

  it('says how many documents and outlets back a link, and marks a single source', () => {
    assert.equal(corroborationText({ documents: 3, outlets: 2 }), '3 documents, 2 outlets');
    assert.equal(corroborationText({ documents: 1, outlets: 1 }), '1 document, 1 outlet');
    assert.equal(corroborationText({ documents: 2, outlets: 0 }), '2 documents');
    assert.ok(singleSource({ documents: 1, outlets: 1 }));
    assert.ok(!singleSource({ documents: 2, outlets: 1 }));
  });

  it('shortens a claim at a word, never mid-word', () => {
    const claim = 'were charged with conspiracy to defraud the United States government';
    const short = shortLabel(claim, 40);
    assert.equal(short, 'were charged with conspiracy to defraud…');
    assert.ok(claim.startsWith(short.slice(0, -1)));
    assert.equal(shortLabel('Antony Blinken', 40), 'Antony Blinken');
    assert.equal(shortLabel('x'.repeat(60), 40).length, 40);
  });
});
