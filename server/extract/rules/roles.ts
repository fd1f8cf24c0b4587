/**
 * Relations stated by a person's title or by the words around a name, beyond the relation nouns:
 * - a title that names the body it belongs to: "Senator X" is a member of the Senate named in the
 *   article, "Councillor X" of the council, "Judge X" of the court;
 * - a possessive owner before a title: "Kurz's then vice-chancellor X" (deputy_of), "the party's
 *   treasurer X" (works_for); a place before a title only qualifies it ("Mexico's President X");
 * - "X from the far-right Freedom Party": membership.
 */
import { type Add, type Clause, type Memory, endingAt, startingAt } from './clause.js';
import { TITLE_WORDS } from './lexicons.js';
import type { Placed } from './aliases.js';
import { RELATION_NOUNS } from './vocabulary.js';

/** Titles that name the body their holder sits in: "Senator X" -> the Senate named in the article. */
const TITLE_BODIES: Record<string, string> = {
  senator: 'senate',
  congressman: 'congress',
  congresswoman: 'congress',
  councillor: 'council',
  councilor: 'council',
  councilman: 'council',
  councilwoman: 'council',
  assemblyman: 'assembly',
  assemblywoman: 'assembly',
  parliamentarian: 'parliament',
  legislator: 'legislature',
  commissioner: 'commission',
  judge: 'court',
};

export function roleRules(c: Clause, mem: Memory, add: Add): void {
  for (const m of c.ms) {
    if (m.entity.category !== 'person') continue;
    for (const r of m.entity.roles) {
      if (r.sentence !== c.s || r.institution) continue;
      const body = bodyOfTitle(c, mem, r.title.split(' ').at(-1)!.toLowerCase());
      if (body) add('member_of', m.entity.name, body);
    }
    possessiveTitle(c, m, add);
    fromBody(c, m, add);
  }
}

/** The institution named last whose name holds the body word of the title ("senator" -> "Senate of Kenya"). */
function bodyOfTitle(c: Clause, mem: Memory, title: string): string | null {
  const body = TITLE_BODIES[title];
  if (!body) return null;
  const fits = (p: Placed): boolean => p.entity.category === 'institution' && p.entity.name.toLowerCase().split(/\s+/).includes(body);
  return [...mem.recent, ...c.ms].filter(fits).at(-1)?.entity.name ?? null;
}

/** "Kurz's then vice-chancellor X", "the union's treasurer X": the owner is a person or a body, never a place. */
function possessiveTitle(c: Clause, m: Placed, add: Add): void {
  let k = m.first - 1;
  let title = '';
  while (k >= 0 && k >= m.first - 3 && !c.at[k] && /^[a-z-]+$/.test(c.low[k]!)) {
    if (!title && isTitleWord(c.low[k]!)) title = c.low[k]!;
    k--;
  }
  const owner = endingAt(c, k);
  if (!owner?.possessive || !title || RELATION_NOUNS[title] || owner.entity.category === 'place') return;
  add(/^(vice|deputy)/.test(title) ? 'deputy_of' : 'works_for', m.entity.name, owner.entity.name);
}

const isTitleWord = (w: string): boolean => TITLE_WORDS.has(w) || w.split('-').some((part) => TITLE_WORDS.has(part));

/** "X from the far-right Freedom Party", "X of the ruling party Y" is left to relation nouns. */
function fromBody(c: Clause, m: Placed, add: Add): void {
  if (c.low[m.last + 1] !== 'from') return;
  for (let k = m.last + 2; k < c.toks.length && k <= m.last + 5; k++) {
    const body = startingAt(c, k);
    if (body) {
      if (body.entity.category === 'institution' && !body.possessive) add('member_of', m.entity.name, body.entity.name);
      return;
    }
    if (!/^[a-z-]+$/.test(c.low[k]!)) return;
  }
}
