/**
 * A company title with no company beside it: "former chief executive X", "Board member Y", "X,
 * former chief corporate counsel,". Business news names the company once and then gives its
 * people by title alone; the title is the link to the company the story is about. That company is
 * the last one named before the title, in this sentence or the ones before it (the title's own
 * sentence may name it later: "…, Acme's former controller"). Only titles that belong to a company
 * (not "president", "minister", "judge") and only companies: a political story's "director" or
 * "officer" has no company to fall back on.
 */
import { type Add, type Clause, type Memory, coordinatedAfter, endingAt, startingAt } from './clause.js';
import type { Placed } from './aliases.js';
import { HONORIFICS } from './lexicons.js';
import { BODY_DESCRIPTIONS, wordTable } from './words.js';

/** Title heads, right before the name or ending the apposition, and the link they state. */
const HEADS: Readonly<Record<string, 'leads' | 'works_for' | 'member_of'>> = wordTable({
  ceo: 'leads',
  executive: 'works_for',
  executives: 'works_for',
  chairman: 'leads',
  chairwoman: 'leads',
  chairperson: 'leads',
  founder: 'leads',
  'co-founder': 'leads',
  cofounder: 'leads',
  director: 'member_of',
  directors: 'member_of',
  cfo: 'works_for',
  coo: 'works_for',
  cto: 'works_for',
  officer: 'works_for',
  controller: 'works_for',
  treasurer: 'works_for',
  counsel: 'works_for',
  member: 'member_of',
});

/** Heads that are company titles only with a word before them: "chief financial officer", "general counsel", "board member". */
const NEEDS_BEFORE: Readonly<Record<string, RegExp>> = wordTable({
  officer: /^(chief|financial|operating|technology|information|compliance|marketing|executive|commercial|risk)$/,
  counsel: /^(general|corporate)$/,
  member: /^board$/,
});

/** Words a company title may be built of between "former" and its head. */
const TITLE_PART =
  /^(former|ex|then|longtime|long-standing|chief|senior|executive|financial|operating|technology|information|compliance|marketing|commercial|risk|purchasing|sales|finance|managing|non-executive|independent|general|corporate|board|group|company|founding|co|deputy|vice|human|resources|top)$/;

/** Lowercase words, or capitalised title words ("former Chief Financial Officer X"), from k back. */
function titleStart(c: Clause, m: Placed, last: number, limit: number): number {
  let k = last;
  while (k >= 0 && k > last - limit && (!c.at[k] || c.at[k] === m) && !c.toks[k]!.possessive && TITLE_PART.test(bare(c.low[k]!))) k--;
  return k + 1;
}

const bare = (w: string): string => w.replace(/^(ex|former)-/, '');

/** The head at k states a company title: the link it gives, else null. */
function headAt(c: Clause, k: number): 'leads' | 'works_for' | 'member_of' | null {
  const w = bare(c.low[k] ?? '');
  const rel = HEADS[w];
  if (!rel) return null;
  const need = NEEDS_BEFORE[w];
  if (need && !need.test(c.low[k - 1] ?? '')) return null;
  // "chief executive" leads; a plain "executive" works for the company.
  if (w === 'executive' && c.low[k - 1] === 'chief') return 'leads';
  return rel;
}

/** "former" anywhere in the title makes the link a past one. */
function isFormer(c: Clause, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (/^(former|ex)$/.test(c.low[k]!) || /^(ex|former)-/.test(c.low[k]!)) return true;
  return false;
}

/** Lowercase nouns of bodies that are not companies: a title near them may be theirs. */
const OTHER_BODIES = new Set([...BODY_DESCRIPTIONS].filter((w) => !/^(company|bank|firm|group)$/.test(w)));

const TYPES = {
  leads: ['leads', 'formerly_led'],
  works_for: ['works_for', 'formerly_worked_for'],
  member_of: ['member_of', 'formerly_member_of'],
} as const;

/** The company the story is about at person m: the last one named before it (here or earlier), else the next one in its sentence. */
function companyAt(c: Clause, mem: Memory, m: Placed): string | null {
  const isCompany = (p: Placed): boolean => p.entity.category === 'institution' && p.entity.kind === 'company';
  return (
    c.ms.filter((p) => p.last < m.first && isCompany(p)).at(-1)?.entity.name ??
    mem.lastCompany ??
    c.ms.find((p) => p.first > m.last && isCompany(p))?.entity.name ??
    null
  );
}

/** "former chief executive X (and former purchasing executive Y)", "X, former general counsel,": link X to the story's company. */
export function impliedEmployer(c: Clause, mem: Memory, m: Placed, add: Add): void {
  if (m.possessive) return;
  // "former general counsel Mr X": the honorific stands between the title and the name.
  let end = HONORIFICS.has(c.low[m.first - 1] ?? '') ? m.first - 2 : m.first - 1;
  // "former Chief Financial Officer X": a capitalised title the name's run took in ends at the last title word.
  for (let k = m.first; k < m.last && (HEADS[bare(c.low[k]!)] || TITLE_PART.test(c.low[k]!)); k++) end = k;
  let rel = headAt(c, end);
  let from = -1;
  let to = end;
  if (rel) {
    from = titleStart(c, m, end - 1, 5);
    // A body, a possessor or a possessive pronoun before the title says whose title it is: other rules read those.
    const before = from - 1;
    if (before >= 0 && (endingAt(c, before) || c.toks[before]!.possessive || /^(his|her|its|their)$/.test(c.low[before]!))) return;
  } else if (c.low[m.last + 1] === ',') {
    // "X, former chief corporate counsel, was charged": an apposition that is only the title.
    let k = m.last + 2;
    if (/^(a|an|the)$/.test(c.low[k] ?? '')) k++;
    let end = k;
    while (end < c.toks.length && end < k + 6 && !c.at[end] && TITLE_PART.test(bare(c.low[end]!))) end++;
    rel = headAt(c, end);
    if (!rel || !/^[,.;)]$/.test(c.low[end + 1] ?? '')) return;
    from = k;
    to = end;
  } else return;
  // "the interior ministry said former director X": a body described in the sentence, not the story's company, may be the employer.
  if (c.low.some((w, k) => k < m.first && OTHER_BODIES.has(w) && !c.at[k] && !c.toks[k]!.cap)) return;
  // "executive director Jane Roe of Amnesty": the body after the name is the employer, which other rules read.
  if (/^(of|at|from)$/.test(c.low[m.last + 1] ?? '') && startingAt(c, m.last + 2)?.entity.category === 'institution') return;
  const company = companyAt(c, mem, m);
  if (!company) return;
  const type = TYPES[rel][isFormer(c, from, to) ? 1 : 0];
  add(type, m.entity.name, company);
  // "former purchasing executives A and B": a plural title names everyone listed.
  if (/s$/.test(c.low[end] ?? '')) for (const x of coordinatedAfter(c, m)) if (x.entity.category === 'person') add(type, x.entity.name, company);
}
