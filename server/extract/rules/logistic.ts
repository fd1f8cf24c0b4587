/**
 * What the extractor's two small logistic models (likely-links.ts, likely-accused.ts) share: their
 * features by name and number, weights as a vector over those numbers, the probability, and the
 * helpers that make features of counts and of the preposition before a name. The
 * models are fitted by `scripts/fit/`; weights live in `*-weights.ts` files by feature name, so they
 * can be read, and are turned into vectors once, so that scoring a candidate is a sum over numbers.
 */
import type { Token } from './nlp.js';
import { PREPOSITIONS } from './words.js';

export class FeatureSpace {
  readonly names: readonly string[];
  private readonly ids: ReadonlyMap<string, number>;

  constructor(names: readonly string[]) {
    this.names = names;
    this.ids = new Map(names.map((n, i) => [n, i]));
  }

  id(name: string): number {
    const i = this.ids.get(name);
    if (i === undefined) throw new Error(`no feature named ${name}`);
    return i;
  }

  has(name: string): boolean {
    return this.ids.has(name);
  }

  /** Weights by feature name as a vector by feature number; names this space lacks weigh nothing. */
  vector(weights: Readonly<Record<string, number>>): Float64Array {
    const w = new Float64Array(this.names.length);
    for (const [name, v] of Object.entries(weights)) if (this.ids.has(name)) w[this.ids.get(name)!] = v;
    return w;
  }

  namesOf(features: readonly number[]): string[] {
    return features.map((f) => this.names[f]!);
  }
}

/** The logistic of the summed weights of the features that hold. */
export function probability(features: readonly number[], weights: Float64Array): number {
  let z = 0;
  for (const f of features) z += weights[f]!;
  return 1 / (1 + Math.exp(-z));
}

/** Names for n buckets of a count: "gap0" … "gap4". */
export const numbered = (name: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${name}${i}`);

/** Index of the bucket n falls in: edges are each bucket's greatest value. */
export function bucket(n: number, edges: readonly number[]): number {
  let i = 0;
  while (i < edges.length && n > edges[i]!) i++;
  return i;
}

/** The prepositions the models tell apart before a name; any other is "other", and "none" is none. */
export const PREPOSITION_NAMES = ['none', 'other', 'of', 'in', 'at', 'to', 'with', 'against', 'from', 'by', 'for', 'on'] as const;
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);

/** Index in PREPOSITION_NAMES of the preposition before tokens[first], over a determiner ("of the X", "with its X"). */
export function prepositionBefore(toks: Token[], first: number): number {
  let k = first - 1;
  if (DETERMINERS.has(toks[k]?.low ?? '')) k--;
  const w = toks[k]?.low ?? '';
  if (!PREPOSITIONS.has(w)) return 0;
  const i = (PREPOSITION_NAMES as readonly string[]).indexOf(w);
  return i > 1 ? i : 1;
}
