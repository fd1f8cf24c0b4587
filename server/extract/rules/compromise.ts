/**
 * The two parts of compromise the extractor uses: its lexicon (word -> tags) and its verb conjugator.
 * Both come from the package's prebuilt one-file "two" build (tokenizer, lexicon, tagger), loaded
 * through `require`: its default ES entry is the package's source, some hundreds of modules with the
 * third-level plugins, and took 0.26–0.36 s to import in every extraction thread against 0.17 s for
 * this build, whose lexicon and conjugations are the same (test/unit/server/extract/rules/compromise.test.ts).
 */
import { createRequire } from 'node:module';

export interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
}
interface VerbForms {
  toInfinitive: (word: string, model: CompromiseModel, tense?: string) => string;
  conjugate: (word: string, model: CompromiseModel) => { PastTense?: string };
}
interface Compromise {
  model: () => CompromiseModel;
  methods: () => { two: { transform: { verb: VerbForms } } };
}

const compromise = createRequire(import.meta.url)('compromise/two') as Compromise;

export const compromiseModel: CompromiseModel = compromise.model();
export const verbForms: VerbForms = compromise.methods().two.transform.verb;
