/**
 * The dev corpus's gold annotations (shared/dev-corpus/README.md) and its counting rules: how a name
 * is normalised, which gold entity it names, which gold allegation an extracted one is. Shared by the
 * scorer (eval.ts) and the fitting of the extractor's models (fit/), so that both count alike.
 */
import { z } from 'zod';

export const goldEntity = z.object({ name: z.string(), aliases: z.array(z.string()), kind: z.string().optional() });
const names = z.array(z.string());
/** One document's annotations, in the form shared/dev-corpus/README.md documents ("gold.json"). */
export const goldDoc = z.object({
  file: z.string().min(1),
  people: z.array(goldEntity),
  institutions: z.array(goldEntity),
  places: z.array(goldEntity),
  allegations: z.array(z.object({ claim: z.string(), alleged_by: names, against: names, reported_by: names, denied_by: names, sentence: z.string() })),
  interactions: z.array(z.object({ a: z.string(), b: z.string(), type: z.string(), sentence: z.string() })),
});
export type GoldEntity = z.infer<typeof goldEntity>;
export type GoldDoc = z.infer<typeof goldDoc>;

/** Rule 1: trim, collapse spaces, ’ = ', no trailing possessive, case-insensitive; for relations also no leading "the" and no dots. */
export function norm(name: string, loose = false): string {
  let n = name.trim().replace(/\s+/g, ' ').replace(/[’‘]/g, "'").replace(/'s$/i, '').toLowerCase();
  if (loose) n = n.replace(/^the /, '').replace(/\./g, '');
  return n;
}

/** Which gold entity (index) a name denotes, in one category or across all. */
export function resolver(entities: GoldEntity[], loose = false): (name: string) => number {
  const index = new Map<string, number>();
  entities.forEach((e, i) => [e.name, ...e.aliases].forEach((a) => index.set(norm(a, loose), i)));
  return (name) => index.get(norm(name, loose)) ?? -1;
}

/** A name in relations and roles as the (loosely normalised) name of the gold entity it denotes, or as itself. */
export function canonicalName(gold: GoldDoc): (name: string) => string {
  const all = [...gold.people, ...gold.institutions, ...gold.places];
  const resolveAny = resolver(all);
  const resolveLoose = resolver(all, true);
  return (name) => {
    const i = resolveAny(name) >= 0 ? resolveAny(name) : resolveLoose(name);
    return i >= 0 ? norm(all[i]!.name, true) : norm(name, true);
  };
}

export function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** For each extracted allegation (by its sentence), the gold allegation it is, or -1: at least half the gold sentence's words, each gold allegation once. */
export function matchAllegations(sentences: string[], gold: GoldDoc['allegations']): number[] {
  const used = new Set<number>();
  return sentences.map((sentence) => {
    const own = new Set(words(sentence));
    const g = gold.findIndex((ga, i) => {
      if (used.has(i)) return false;
      const gw = words(ga.sentence);
      return gw.filter((w) => own.has(w)).length >= gw.length / 2;
    });
    if (g >= 0) used.add(g);
    return g;
  });
}
