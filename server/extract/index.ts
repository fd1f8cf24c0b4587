/** The extraction capability: the default extractor and the types other modules use. */
import { ruleExtractor } from './rules/index.js';
import type { Extractor } from './types.js';

export type { DocumentExtraction, Extractor } from './types.js';
/** The interaction vocabulary of the shipped extractor (lowercase; the graph stores it in UPPER_SNAKE). */
export { INTERACTION_TYPES, INTERACTION_VERBS } from './rules/interactions.js';

/** The shipped extractor: rules over wink-nlp tokens, no network and no model downloads. */
export const defaultExtractor: Extractor = ruleExtractor;
