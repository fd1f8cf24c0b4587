/**
 * What the extractor's two small logistic models (likely-links.ts, likely-accused.ts) share: their
 * features by name and number, weights as a vector over those numbers, and the probability. The
 * models are fitted by `scripts/fit/`; weights live in `*-weights.ts` files by feature name, so they
 * can be read, and are turned into vectors once, so that scoring a candidate is a sum over numbers.
 */
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
