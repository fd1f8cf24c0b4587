/**
 * An allegation states a link: whoever makes it acts on whoever it is against. "Prosecutors said X
 * took bribes" with the prosecutor named, "the regulator found the bank failed to report …": the
 * allegation rules already read who alleges and who is accused, often through constructions the
 * interaction rules do not follow (a reported clause, a pronoun speaker, a list of the accused).
 * So each accuser–accused pair of an allegation is an interaction unless the pair is linked already.
 * The type is the legal act the evidence sentence names ("charged", "fined", "sued"), else "accused".
 * Runs after the allegations.
 */
import type { Allegation, ExtractedEntity, Interaction } from '../types.js';
import { GROUP_NOUNS, GROUP_SIZES } from './groups.js';
import { pairKey } from './vocabulary.js';

/** An allegation against more than this many is about a whole sector: each listed party is not singled out. */
const MAX_ACCUSED = 4;

/** Legal acts an accuser performs, by the words that name them in the evidence sentence. */
const ACTS: readonly [RegExp, string][] = [
  [/\b(?:indict(?:s|ed|ment)?)\b/i, 'indicted'],
  [/\b(?:charg(?:es|ed|ing))\b/i, 'charged'],
  [/\b(?:fin(?:es|ed|ing)|penalty|penalised|penalized)\b/i, 'fined'],
  [/\b(?:sue[sd]?|suing|lawsuit)\b/i, 'sued'],
  [/\b(?:suspend(?:s|ed)?|suspension)\b/i, 'suspended'],
  [/\b(?:ban(?:s|ned)?)\b/i, 'banned'],
  [/\b(?:arrest(?:s|ed)?)\b/i, 'arrested'],
  [/\b(?:investigat(?:es|ed|ing|ion)|probe[sd]?)\b/i, 'investigated'],
];

/** Words that stand for people named before: "he said", "the duo", "the three executives". */
const STANDS_FOR_PEOPLE = new RegExp(`\\b(?:he|she|him|her|they|them|(?:the|both)(?: (two|three|four))? (?:${[...GROUP_NOUNS].join('|')}))\\b`, 'i');

/** The sentence stands for the accused with a word, and a number in it ("the three men") counts them right. */
function standsFor(text: string, accused: number): boolean {
  const m = STANDS_FOR_PEOPLE.exec(text);
  return m !== null && (m[1] === undefined || GROUP_SIZES[m[1].toLowerCase()] === accused);
}

const PLURAL_ACRONYM = /^[A-Z]{2,}s$/;

export function allegationLinks(allegations: Allegation[], entities: ExtractedEntity[], found: Interaction[]): Interaction[] {
  // A pair linked in the same sentence, or with the same type anywhere, is stated already.
  const linked = new Set(found.flatMap((i) => [`${i.sentence}|${pairKey(i.source, i.target)}`, `${i.type}|${pairKey(i.source, i.target)}`]));
  const sentencesOf = new Map(entities.map((e) => [e.name, new Set(e.mentions.map((m) => m.sentence))]));
  // "quizzed by MPs", "CEOs said": a plural acronym describes people, it names no body that accuses.
  const describedOnly = (name: string, s: number): boolean => {
    const here = entities.find((e) => e.name === name)?.mentions.filter((m) => m.sentence === s) ?? [];
    return here.length > 0 && here.every((m) => PLURAL_ACRONYM.test(m.surface));
  };
  const out: Interaction[] = [];
  for (const a of allegations) {
    if (a.against.length > MAX_ACCUSED) continue;
    const type = ACTS.find(([re]) => re.test(a.evidence.text))?.[1] ?? 'accused';
    for (const by of a.alleged_by) {
      if (describedOnly(by, a.sentence)) continue;
      for (const x of a.against) {
        if (by === x || linked.has(`${a.sentence}|${pairKey(by, x)}`) || linked.has(`${type}|${pairKey(by, x)}`)) continue;
        // An accused carried over from earlier sentences must be named or stood for in this one.
        if (!sentencesOf.get(x)?.has(a.sentence) && !standsFor(a.evidence.text, a.against.length)) continue;
        linked.add(`${a.sentence}|${pairKey(by, x)}`).add(`${type}|${pairKey(by, x)}`);
        out.push({ type, source: by, target: x, sentence: a.sentence, evidence: a.evidence, hedged: false });
      }
    }
  }
  return out;
}
