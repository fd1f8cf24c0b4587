/** The likely-accused model (server/extract/rules/likely-accused.ts): each entity of an article, against each matched allegation or not. */
import { ACCUSED_FEATURES, accusedCandidates, withLikelyAccused, type AccusedCandidate } from '../../server/extract/rules/likely-accused.js';
import { matchAllegations, norm } from '../gold.js';
import { prf, type Annotated, type AnnotatedSet, type Model, type Sample } from './common.js';

interface AccusedDoc {
  doc: Annotated;
  /** Index of the gold allegation each allegation matches, or -1. */
  matched: number[];
  candidates: (AccusedCandidate & Sample)[];
}

export const accusedModel: Model<AccusedDoc[]> = {
  space: ACCUSED_FEATURES,
  samples: (set: AnnotatedSet) =>
    set.docs.map((doc) => {
      const st = doc.stages;
      const matched = matchAllegations(
        st.allegations.map((a) => a.evidence.text || a.claim),
        doc.gold.allegations,
      );
      const against = matched.map((g) => new Set(g < 0 ? [] : doc.gold.allegations[g]!.against.map((n) => norm(n, true))));
      const candidates = accusedCandidates(st.tokens, st.placed, st.allegations, true)
        .filter((c) => matched[c.allegation]! >= 0)
        .map((c) => ({ ...c, label: against[c.allegation]!.has(doc.canon(c.entity)) }));
      return { doc, matched, candidates };
    }),
  training: (docs) => docs.flatMap((d) => d.candidates),
  // "allegation against" as scripts/eval.ts counts it: sets of names on matched allegations.
  score: (docs, weights, threshold) => {
    let tp = 0;
    let found = 0;
    let gold = 0;
    for (const { doc, matched, candidates } of docs) {
      const allegations = weights ? withLikelyAccused(doc.stages.allegations, candidates, weights, threshold) : doc.stages.allegations;
      allegations.forEach((a, i) => {
        const g = matched[i]!;
        if (g < 0) return;
        const theirs = new Set(doc.gold.allegations[g]!.against.map((n) => norm(n, true)));
        const mine = new Set(a.against.map(doc.canon));
        gold += theirs.size;
        found += mine.size;
        tp += [...mine].filter((n) => theirs.has(n)).length;
      });
    }
    return prf(tp, found, gold);
  },
  thresholds: [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6],
  file: 'server/extract/rules/likely-accused-weights.ts',
  constants: { threshold: 'ACCUSED_THRESHOLD', weights: 'ACCUSED_WEIGHTS' },
};
