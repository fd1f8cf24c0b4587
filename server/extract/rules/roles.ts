/**
 * Relations stated by a person's title or by the words around a name, beyond the relation nouns:
 * - a title that names the body it belongs to: "Senator X" is a member of the Senate named in the
 *   article, "Councillor X" of the council, "Judge X" of the court;
 * - a possessive owner before a title: "Kurz's then vice-chancellor X" (deputy_of), "the party's
 *   treasurer X" (works_for); a place before a title only qualifies it ("Mexico's President X");
 * - "X from the far-right Freedom Party": membership.
 */
import { type Add, type Clause, type Memory, beforeNoun, coordinatedBefore, endingAt, startingAt } from './clause.js';
import { HONORIFICS, TITLE_WORDS } from './lexicons.js';
import type { Placed } from './aliases.js';
import { impliedEmployer } from './employer.js';
import { RELATION_NOUNS } from './vocabulary.js';
import { AUXILIARIES, DETERMINERS, JOB_NOUNS, PREPOSITIONS, wordTable } from './words.js';
import { classOf } from './pos.js';

/** Titles that name the body their holder sits in: "Senator X" -> the Senate named in the article. */
const TITLE_BODIES: Readonly<Record<string, string>> = wordTable({
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
});

export function roleRules(c: Clause, mem: Memory, add: Add): void {
  for (const m of c.ms) {
    if (m.entity.category !== 'person') continue;
    for (const r of m.entity.roles) {
      if (r.sentence !== c.s || r.institution) continue;
      const body = bodyOfTitle(c, mem, r.title.split(' ').at(-1)!.toLowerCase());
      if (body) add('member_of', m.entity.name, body);
    }
    possessiveTitle(c, m, add);
    bodyBeforeTitle(c, m, add);
    fromBody(c, m, add);
    jobAtBody(c, m, add);
    placeOffice(c, m, add);
    impliedEmployer(c, mem, m, add);
  }
  ownershipNouns(c, add);
  basedIn(c, add);
}

/** Nouns that tie one body to another: "X, the parent company of Y" (owns), "X, a unit of Y" (subsidiary_of). */
const OWNER_NOUNS = new Set(['parent', 'owner', 'owners']);
const OWNED_NOUNS = new Set(['subsidiary', 'unit', 'division', 'arm', 'affiliate', 'offshoot']);

/**
 * "Comcast, the parent company of MSNBC", "Acme, a subsidiary of Globex", "Acme is a unit of Globex":
 * the body in apposition to (or the subject of "is") the description, and the body after "of".
 */
function ownershipNouns(c: Clause, add: Add): void {
  for (let v = 1; v < c.toks.length; v++) {
    const w = c.low[v]!;
    const owner = OWNER_NOUNS.has(w);
    if (!owner && !OWNED_NOUNS.has(w)) continue;
    // "the parent company of", "the parent group of": the noun after "parent" names what kind of body.
    const of = c.low[v + 1] === 'of' ? v + 1 : owner && c.low[v + 2] === 'of' && /^(company|group|firm)$/.test(c.low[v + 1]!) ? v + 2 : -1;
    if (of < 0) continue;
    const other = startingAt(c, of + 1) ?? (c.low[of + 1] === 'the' ? startingAt(c, of + 2) : undefined);
    const head = describedBody(c, v);
    if (!other || !head || other.possessive || other.entity.category !== 'institution' || head.entity === other.entity) continue;
    if (owner) add('owns', head.entity.name, other.entity.name);
    else add('subsidiary_of', head.entity.name, other.entity.name);
  }
}

/** The body a description at v stands for: "X, the parent …" (apposition) or "X is a unit …" (copula). */
function describedBody(c: Clause, v: number): Placed | undefined {
  let k = v - 1;
  while (k > 0 && k >= v - 3 && !c.at[k] && /^[a-z-]+$/.test(c.low[k]!) && !/^(is|was|are|were|becomes|became)$/.test(c.low[k]!)) k--;
  if (c.low[k] !== ',' && !/^(is|was|are|were|becomes|became)$/.test(c.low[k]!)) return undefined;
  const m = endingAt(c, k - 1);
  return m && m.entity.category === 'institution' && !m.possessive ? m : undefined;
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

/**
 * "Acme chief financial officer X", "former Acme chairman and founder X", "Rovers defender X": a
 * body named right before a lowercase title employs its holder; a title of leadership makes it leads.
 * A place there only qualifies the title ("Mexico's president"), and a possessor is possessiveTitle's.
 */
function bodyBeforeTitle(c: Clause, m: Placed, add: Add): void {
  let k = m.first - 1;
  // "Acme chief executive Mr X": an honorific outside the name stands between the title and the name.
  if (HONORIFICS.has(c.low[k] ?? '')) k--;
  let head = '';
  let leads = false;
  while (k >= 0 && k >= m.first - 5 && !c.at[k] && /^[a-z-]+$/.test(c.low[k]!) && !c.toks[k]!.possessive) {
    const w = c.low[k]!;
    if (isTitleWord(w) || JOB_NOUNS.has(w)) {
      head ||= w;
      // "chief executive officer" leads as "chief executive" does.
      const chiefExecutive = w === 'chief' && (head === 'executive' || c.low[k + 1] === 'executive');
      if (RELATION_NOUNS[w] === 'leads' && (w !== 'chief' || chiefExecutive)) leads = true;
    } else if (
      w !== 'and' &&
      w !== 'chief' &&
      !/^(financial|operating|technology|compliance|general|managing|senior|vice|deputy|assistant|board|group|non-executive)$/.test(w) &&
      !(head && qualifiesJob(w))
    )
      return;
    k--;
  }
  // "Acme (ACME) chief executive X": a bracketed ticker or acronym after the body's name.
  if (c.low[k] === ')' && c.low[k - 2] === '(') k -= 3;
  const body = endingAt(c, k);
  if (!head || !body || body.possessive || body.entity.category !== 'institution') return;
  // "Justice Department special counsel X": a counsel named after a body need not work for it.
  if (/^(counsel|lawyer|attorney|prosecutor)$/.test(head)) return;
  if (body.entity.kind === 'party') return add('member_of', m.entity.name, body.entity.name);
  // "former Acme chairman X": the "former" before the body belongs to the title.
  const former = /^(former|ex)$/.test(c.low[body.first - 1] ?? '');
  // "Rovers defender X": a player is a member of the team.
  if (SPORT_POSITIONS.has(head)) return add(former ? 'formerly_member_of' : 'member_of', m.entity.name, body.entity.name);
  if (leads) add(former ? 'formerly_led' : 'leads', m.entity.name, body.entity.name);
  else add(former ? 'formerly_worked_for' : 'works_for', m.entity.name, body.entity.name);
}

/** Titles of the head of a body: "Chief Executive", "Chairman", "Chief Constable", "Commissioner". */
const HEAD_TITLES =
  /(^|\s)(ceo|chairman|chairwoman|chairperson|president|founder|commissioner|chief executive|chief executive officer|chief constable|managing director)$/;

/** A lowercase title of the head of a body, not of a deputy: "chief constable", not "deputy chief constable". */
export const isHeadTitle = (title: string): boolean => HEAD_TITLES.test(title) && !/\b(deputy|vice|assistant|acting)\b/.test(title);

/** Places in a team: their holders are members of the club, not its staff. */
export const SPORT_POSITIONS = new Set(['defender', 'goalkeeper', 'striker', 'midfielder', 'forward', 'winger', 'player', 'footballer', 'captain']);

/** A noun or adjective that narrows a job ("finance manager", "news director"), no verb form, preposition or determiner. */
function qualifiesJob(w: string): boolean {
  if (/(ed|ing)$/.test(w) || PREPOSITIONS.has(w) || DETERMINERS.has(w) || AUXILIARIES.has(w)) return false;
  const word = classOf(w);
  return (word.noun || word.adjective) && !(word.verb && !word.noun);
}

const isTitleWord = (w: string): boolean => TITLE_WORDS.has(w) || w.split('-').some((part) => TITLE_WORDS.has(part));

/**
 * "X from the far-right Freedom Party", "X of Greenberg Traurig": a person followed by a body after
 * "from" or "of" belongs to it; "A and B, both of Acme": every person listed before "both of".
 * A party makes its people members; any other body employs them.
 */
function fromBody(c: Clause, m: Placed, add: Add): void {
  let k = m.last + 1;
  const both = c.low[k] === ',' && /^(both|all)$/.test(c.low[k + 1] ?? '') && c.low[k + 2] === 'of';
  if (both) k += 2;
  const prep = c.low[k];
  if (prep !== 'from' && prep !== 'of') return;
  for (let j = k + 1; j < c.toks.length && j <= k + 4; j++) {
    const body = startingAt(c, j);
    if (body) {
      if (body.entity.category !== 'institution' || body.possessive) return;
      // "of" takes the body itself, not a description of it ("of the party's youth wing" is no "of Acme").
      if (prep === 'of' && (beforeNoun(c, body.last + 1) || j > k + 2)) return;
      // "Chief Constable A and Deputy Chief Constable B, both of Y": the head leads Y.
      const head = (x: string): boolean =>
        c.ms.some((p) => p.entity.name === x && p.entity.roles.some((r) => r.sentence === c.s && !r.institution && isHeadTitle(r.title.toLowerCase())));
      const type = prep === 'from' || body.entity.kind === 'party' ? 'member_of' : 'works_for';
      for (const name of both ? [...coordinatedBefore(c, m), m.entity.name] : [m.entity.name])
        add(type === 'works_for' && head(name) ? 'leads' : type, name, body.entity.name);
      return;
    }
    if (!/^[a-z-]+$/.test(c.low[j]!)) return;
  }
}

/**
 * Offices of a city, county or province, which its name before the title states: "Leeds Mayor X",
 * "the Ohio governor, X", "X, a Harris County commissioner". A country's name before "President" or
 * "Prime Minister" only says which one it is, so national offices are not here.
 */
const LOCAL_OFFICES: Readonly<Record<string, string>> = wordTable({ mayor: 'leads', governor: 'leads', commissioner: 'member_of', sheriff: 'leads' });

/** The local office whose last word is at k ("Chief Minister" ends at k too), and where its words start. */
function localOfficeEndingAt(c: Clause, k: number): { type: string; first: number } | null {
  const w = c.low[k] ?? '';
  if (w === 'minister' && c.low[k - 1] === 'chief') return { type: 'leads', first: k - 1 };
  const type = LOCAL_OFFICES[w];
  if (!type) return null;
  return { type, first: /^(deputy|vice|county|city)$/.test(c.low[k - 1] ?? '') && !c.at[k - 1] ? k - 1 : k };
}

/** "Leeds Mayor X", "Chicago's mayor X", "X, a Harris County commissioner,": X holds an office of the place. */
function placeOffice(c: Clause, m: Placed, add: Add): void {
  if (m.possessive) return;
  const before = HONORIFICS.has(c.low[m.first - 1] ?? '') ? m.first - 2 : m.first - 1;
  let office = localOfficeEndingAt(c, before);
  if (!office && c.low[m.last + 1] === ',' && /^(a|the)$/.test(c.low[m.last + 2] ?? '')) {
    // The apposition: "X, a Harris County commissioner," — the place opens it, the office closes it.
    const place = c.modifiers?.find((p) => p.first === m.last + 3) ?? startingAt(c, m.last + 3);
    office = place && /^[,.;]$/.test(c.low[place.last + 2] ?? '.') ? localOfficeEndingAt(c, place.last + 1) : null;
    if (office && place!.entity.category === 'place' && !place!.possessive) add(office.type, m.entity.name, place!.entity.name);
    return;
  }
  if (!office) return;
  // A place before a title is kept out of the clause's endpoints, as it only qualifies the title.
  const end = office.first - 1;
  const place = c.modifiers?.find((p) => p.last === end) ?? endingAt(c, end);
  if (place?.entity.category === 'place') add(office.type, m.entity.name, place.entity.name);
}

/** Forms of "write" that, with "for", say whom a journalist works for. */
const WRITES = /^(writes|wrote|writing|write)$/;

/**
 * "X was a reporter and anchor at Acme", "X is a partner at Acme", "X was also writing for Acme":
 * a person said to hold a job at a body, or to write for it, works for it; "was" makes it a past job.
 */
function jobAtBody(c: Clause, m: Placed, add: Add): void {
  if (m.possessive) return;
  let k = m.last + 1;
  const copula = c.low[k] ?? '';
  if (!/^(is|was|are|were)$/.test(copula)) return;
  k++;
  if (c.low[k] === 'also') k++;
  let job = false;
  let former = copula === 'was' || copula === 'were';
  if (WRITES.test(c.low[k] ?? '')) {
    job = true;
    former = false;
    k++;
  } else {
    if (/^(a|an|the)$/.test(c.low[k] ?? '')) k++;
    for (const end = k + 8; k < end && k < c.toks.length && !c.at[k]; k++) {
      const w = c.low[k]!;
      if (w === 'at' || w === 'for' || w === 'with') break;
      if (isTitleWord(w) || JOB_NOUNS.has(w) || w.split('-').some((part) => JOB_NOUNS.has(part))) job = true;
      else if (!/^([a-z-]+|,)$/.test(w) || PREPOSITIONS.has(w)) return;
      if (w === 'former') former = true;
    }
  }
  if (!job || !/^(at|for|with)$/.test(c.low[k] ?? '')) return;
  const body = startingAt(c, k + 1) ?? (c.low[k + 1] === 'the' ? startingAt(c, k + 2) : undefined);
  if (!body || body.entity.category !== 'institution' || body.possessive || beforeNoun(c, body.last + 1)) return;
  add(former ? 'formerly_worked_for' : 'works_for', m.entity.name, body.entity.name);
}

/**
 * Where a body sits: "Acme Co of Azusa", "Acme, based in Leeds,", "the Leeds-based Acme". A person
 * "of" a place is left alone (it is often only where they come from).
 */
export function basedIn(c: Clause, add: Add): void {
  hyphenBased(c, add);
  for (const m of c.ms) {
    if (m.entity.category !== 'institution' || m.possessive) continue;
    const k = m.last + 1;
    let place: Placed | undefined;
    if (c.low[k] === 'of') place = startingAt(c, k + 1);
    else if (c.low[k] === ',' && c.low[k + 1] === 'based' && c.low[k + 2] === 'in')
      place = startingAt(c, k + 3) ?? (c.low[k + 3] === 'the' ? startingAt(c, k + 4) : undefined);
    if (place?.entity.category === 'place' && !place.possessive && !beforeNoun(c, place.last + 1)) add('based_in', m.entity.name, place.entity.name);
  }
}

/**
 * "Qatar-based broadcaster Al Jazeera", "Acme, a Leeds-based company,", "X, New York-based defence
 * attorney,": the place before "-based" is where the body or person it describes sits, whether
 * that one is named right after a few lowercase words or stands before the apposition.
 */
function hyphenBased(c: Clause, add: Add): void {
  for (const p of c.ms) {
    if (p.entity.category !== 'place' || !/-based$/i.test(c.toks[p.last]!.text)) continue;
    let k = p.last + 1;
    while (k < c.toks.length && k <= p.last + 3 && !c.at[k] && /^[a-z-]+$/.test(c.low[k]!)) k++;
    const after = startingAt(c, k);
    if (after && after.entity.category !== 'place' && !after.possessive) {
      add('based_in', after.entity.name, p.entity.name);
      continue;
    }
    // The description is an apposition: "Acme, a San Jose-based company", "X, New York-based attorney,".
    let j = p.first - 1;
    if (/^(a|an|the)$/.test(c.low[j] ?? '')) j--;
    if (c.low[j] !== ',') continue;
    const head = endingAt(c, j - 1);
    if (head && head.entity.category !== 'place' && !head.possessive) add('based_in', head.entity.name, p.entity.name);
  }
}
