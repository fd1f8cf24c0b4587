/** The likely-link model (server/extract/rules/likely-links.ts): pairs named in one sentence, linked or not in the gold. */
import { LINK_FEATURES, candidatePairs, likelyLinks, type PairCandidate } from '../../server/extract/rules/likely-links.js';
import type { Interaction } from '../../server/extract/types.js';
import { norm } from '../gold.js';
import { prf, type Annotated, type AnnotatedSet, type Model } from './common.js';

interface LinkDoc {
  doc: Annotated;
  rules: Interaction[];
  candidates: { c: PairCandidate; features: number[]; label: boolean }[];
}

const key = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
const RULES_LINKED = LINK_FEATURES.id('rules-linked');

export const linkModel: Model<LinkDoc[]> = {
  space: LINK_FEATURES,
  // Every pair, the rules' ones too (marked "rules-linked"): what a link looks like is learned from all of them.
  samples: (set: AnnotatedSet) =>
    set.docs.map((doc) => {
      const st = doc.stages;
      const linked = new Set(doc.gold.interactions.map((g) => key(norm(g.a, true), norm(g.b, true))));
      const candidates = candidatePairs(st.tokens, st.placed, st.interactions, true).map((c) => ({
        c,
        features: c.features,
        label: linked.has(key(doc.canon(c.a.entity.name), doc.canon(c.b.entity.name))),
      }));
      return { doc, rules: st.interactions, candidates };
    }),
  training: (docs) => docs.flatMap((d) => d.candidates),
  // Interaction P/R/F1 as scripts/eval.ts counts them, for the rules' links plus the model's.
  score: (docs, weights, threshold) => {
    let tp = 0;
    let found = 0;
    let gold = 0;
    for (const { doc, rules, candidates } of docs) {
      const open = candidates.filter((x) => !x.c.features.includes(RULES_LINKED)).map((x) => x.c);
      const links = weights ? [...rules, ...likelyLinks(doc.stages.sentences, open, weights, threshold)] : rules;
      const used = new Set<number>();
      for (const x of links) {
        const k = key(doc.canon(x.source), doc.canon(x.target));
        const g = doc.gold.interactions.findIndex((gi, i) => !used.has(i) && key(norm(gi.a, true), norm(gi.b, true)) === k);
        if (g >= 0) used.add(g);
      }
      tp += used.size;
      found += links.length;
      gold += doc.gold.interactions.length;
    }
    return prf(tp, found, gold);
  },
  thresholds: [0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7],
  file: 'server/extract/rules/likely-link-weights.ts',
  constants: { threshold: 'LINK_THRESHOLD', weights: 'LINK_WEIGHTS' },
};
