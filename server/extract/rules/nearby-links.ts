/**
 * The last, loosest interaction rule: two entities named next to each other in one clause, with a
 * verb between them, are linked by that verb, when no earlier rule linked them in this sentence.
 * The clause rules miss links whose subject or object sits behind a construction they do not read
 * (a long apposition, a participle, a list); this rule trades some precision for that recall, and
 * only within a short, unbroken span of words, and never for a name after a preposition.
 */
import type { Interaction, Sentence } from '../types.js';
import type { Placed } from './aliases.js';
import type { Token } from './nlp.js';
import { pastTense, tagsOf } from './pos.js';
import { RELATION_NOUNS, VERB_TYPE, pairKey } from './vocabulary.js';
import { CLAUSE_END, JOB_NOUNS, PREPOSITIONS, REPORTING_VERBS } from './words.js';
import { TITLE_WORDS } from './lexicons.js';
import { GROUP_NOUNS } from './groups.js';

/** Most words between the two names. */
const MAX_GAP = 6;
const BREAKS = new Set([
  ...CLAUSE_END,
  ';',
  '(',
  ')',
  '“',
  '”',
  '"',
  'and',
  'or',
  'but',
  'who',
  'which',
  'after',
  'before',
  'when',
  'while',
  'because',
  'if',
  'yet',
  'so',
  'than',
  ',',
]);
const NO_LINK = new Set(['be', 'have', 'say', 'tell', 'add', 'report', 'include', 'do', 'become', 'call', 'name']);

export function nearbyLinks(sentences: Sentence[], tokens: Token[][], placed: Placed[], found: Interaction[]): Interaction[] {
  const linked = new Set(found.map((i) => `${i.sentence}|${pairKey(i.source, i.target)}`));
  const bySentence = new Map<number, Placed[]>();
  for (const p of placed) if (!p.modifier) (bySentence.get(p.sentence) ?? bySentence.set(p.sentence, []).get(p.sentence)!).push(p);
  const out: Interaction[] = [];
  for (const [s, ms] of bySentence) {
    if (ms.length < 2) continue;
    ms.sort((a, b) => a.first - b.first);
    const toks = tokens[s]!;
    let tags: ReturnType<typeof tagsOf> | undefined;
    for (let i = 0; i + 1 < ms.length; i++) {
      const a = ms[i]!;
      const b = ms[i + 1]!;
      if (a.entity === b.entity || a.possessive || b.first - a.last - 1 > MAX_GAP || b.first <= a.last) continue;
      // A name after a preposition is a circumstance ("met in Paris", "charged in Texas") or an object
      // the clause rules read with its verb; a name inside one ("the head of X") is no actor.
      if (PREPOSITIONS.has(toks[b.first - 1]?.low ?? '') || PREPOSITIONS.has(toks[a.first - 1]?.low ?? '')) continue;
      const k = `${s}|${pairKey(a.entity.name, b.entity.name)}`;
      if (linked.has(k)) continue;
      // "fined Acme banker X": a name before a job noun describes the person the verb acts on.
      const after = toks[b.last + 1];
      if (after && !after.cap && isJobWord(after.low)) continue;
      tags ??= tagsOf(toks);
      // "a Milan judge sent X": a name that qualifies the noun after it is not the actor.
      if (tags.pos[a.last + 1] === 'NOUN' && !toks[a.last + 1]!.cap) continue;
      let verb: string | undefined;
      let broken = false;
      for (let t = a.last + 1; t < b.first && !broken; t++) {
        const low = toks[t]!.low;
        if (BREAKS.has(low)) broken = true;
        else if (verb === undefined && tags.pos[t] === 'VERB') verb = tags.lemma[t];
      }
      if (broken || !verb || NO_LINK.has(verb) || REPORTING_VERBS.has(verb)) continue;
      // "the Premier League club X", "EU member Romania": a bare word alone between two names is a
      // noun naming the second, which holds the relation it names, if any, to the first.
      const noun = b.first === a.last + 2 && toks[a.last + 1]!.low === verb;
      const relation = noun ? RELATION_NOUNS[verb] : undefined;
      if (noun && !relation) continue;
      linked.add(k);
      const sent = sentences[s]!;
      out.push({
        type: relation ?? VERB_TYPE.get(verb) ?? pastTense(verb),
        source: (relation ? b : a).entity.name,
        target: (relation ? a : b).entity.name,
        sentence: s,
        evidence: { start: sent.start, end: sent.end, text: sent.text },
        hedged: false,
      });
    }
  }
  return out;
}

const isJobWord = (w: string): boolean => JOB_NOUNS.has(w) || TITLE_WORDS.has(w) || RELATION_NOUNS[w] !== undefined || GROUP_NOUNS.has(w);
