/** The extraction capability: the default extractor and the types other modules use. */
import { ruleExtractor } from './rules/index.js';
import type { Extractor } from './types.js';

export type { DocumentExtraction, Extractor } from './types.js';

/** The shipped extractor: rules over wink-nlp tokens, no network and no model downloads. */
export const defaultExtractor: Extractor = ruleExtractor;
