/**
 * The rule-based extractor: sentences -> name mentions -> entities -> interactions and
 * allegations, then two small fitted models over what the rules found (likely-links.ts,
 * likely-accused.ts). Pure: no I/O, the wink model is loaded once when nlp.ts is imported.
 */
import type { DocumentExtraction, ExtractedEntity, Extractor } from '../types.js';
import { findAllegations } from './allegations.js';
import { allegationLinks } from './allegation-links.js';
import { caseRoleLinks } from './case-roles.js';
import { findInteractions } from './interactions.js';
import { findMentions, type RawMention } from './mentions.js';
import { nearbyLinks } from './nearby-links.js';
import { candidatePairs, likelyLinks } from './likely-links.js';
import { accusedCandidates, withLikelyAccused } from './likely-accused.js';
import { splitSentences, tokenize } from './nlp.js';
import { resolve, type Entity } from './aliases.js';

export { INTERACTION_VERBS } from './interactions.js';

function toExtracted(e: Entity): ExtractedEntity {
  const out: ExtractedEntity = { category: e.category, name: e.name, aliases: [...e.aliases].sort(), mentions: e.mentions };
  if (e.category === 'institution') out.kind = e.kind ?? 'other';
  if (e.category === 'person') out.roles = e.roles;
  return out;
}

/** Everything the rules find, before the two models add links and accused the rules left out (the models are fitted on this). */
export function ruleStages(text: string) {
  const sentences = splitSentences(text);
  const tokens = sentences.map((s, i) => tokenize(s, i));
  // A loop, not flatMap: V8's flatMap copies element by element through its generic path (1–2 % of the time here).
  const raws: RawMention[] = [];
  tokens.forEach((toks, i) => raws.push(...findMentions(text, toks, i)));
  const { entities, placed } = resolve(text, sentences, tokens, raws);
  const found = findInteractions(sentences, tokens, placed);
  const interactions = [...found, ...nearbyLinks(sentences, tokens, placed, found)];
  const allegations = findAllegations(sentences, tokens, placed);
  const by = (c: string) => entities.filter((e) => e.category === c).map(toExtracted);
  const people = by('person');
  const institutions = by('institution');
  const places = by('place');
  interactions.push(...caseRoleLinks(text, sentences, people, allegations, interactions));
  interactions.push(...allegationLinks(allegations, [...people, ...institutions, ...places], interactions));
  return { sentences, tokens, placed, people, institutions, places, interactions, allegations };
}

/** The rules, then the likely-link and likely-accused models over what they found. */
export function extract(text: string): DocumentExtraction {
  const { sentences, tokens, placed, people, institutions, places, interactions, allegations } = ruleStages(text);
  interactions.push(...likelyLinks(sentences, candidatePairs(tokens, placed, interactions)));
  const weighed = withLikelyAccused(allegations, accusedCandidates(tokens, placed, allegations));
  return { sentences, people, institutions, places, interactions, allegations: weighed };
}

export const ruleExtractor: Extractor = { name: 'rules', extract };
