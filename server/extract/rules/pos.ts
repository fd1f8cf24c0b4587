/**
 * Part-of-speech tags and lemmas for the tokens of one sentence, from wink-nlp's tagger, aligned
 * with our own tokens by character offset. Tagging costs time, so callers ask for it only for the
 * sentences that can hold an interaction (two entities, or one and a pronoun or description).
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence } from '../types.js';
import type { Token } from './nlp.js';

const tagger = winkNLP(model, ['pos']);
const its = tagger.its;

export interface Tags {
  /** Universal POS tag of token k ("VERB", "AUX", "NOUN", "ADP", …), "" where wink splits differently. */
  pos: string[];
  /** wink's lemma of token k, lowercase ("colluded" -> "collude"). */
  lemma: string[];
}

export function tagSentence(sentence: Sentence, toks: Token[]): Tags {
  const doc = tagger.readDoc(sentence.text);
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const posOut = doc.tokens().out(its.pos) as string[];
  // wink's typings describe lemma as needing model addons; the lite model has them built in.
  const lemmaOut = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
  // wink tokens carry their preceding spaces, so their offsets add up; resync with indexOf if not.
  const byOffset = new Map<number, number>();
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    at += spaces[i]?.length ?? 0;
    if (!sentence.text.startsWith(v, at)) {
      const found = sentence.text.indexOf(v, at);
      if (found < 0) continue;
      at = found;
    }
    byOffset.set(at, i);
    at += v.length;
  }
  const pos: string[] = [];
  const lemma: string[] = [];
  for (const t of toks) {
    const i = byOffset.get(t.start - sentence.start);
    pos.push(i === undefined ? '' : posOut[i]!);
    lemma.push(i === undefined ? t.text.toLowerCase() : lemmaOut[i]!.toLowerCase());
  }
  return { pos, lemma };
}
