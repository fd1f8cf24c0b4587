/**
 * Alias resolution: raw mentions become entities. A bare surname or first name joins the one
 * fuller name it belongs to; when two people share it ("Wang" with Wang Yi and Wang Xiaohong)
 * it joins neither. Acronyms and short forms join their institution.
 */
import type { EntityCategory, InstitutionKind, Mention, Role, Sentence } from '../types.js';
import { isCommonWord } from './lexicons.js';
import { INSTITUTION_HEAD, isBodyWord, isSportsReport, lookupInstitution, teamContext } from './institutions.js';
import { isCountryName, isDemonym, lookupCity, lookupPlace } from './places.js';
import { CURRENCY_WORDS, INSTRUMENT_NOUNS, KIN_NOUNS, LAW_NAME_ENDS, insideLongerName, type RawMention } from './mentions.js';
import type { Token } from './nlp.js';
import { classOf } from './pos.js';
import { shortFormOf, titleBeforeName } from './people.js';

/** Last words of a football club's name after its town's: "Leeds United", "Derby County", "Bolton Wanderers". */
const CLUB_ENDINGS = new Set(['united', 'city', 'town', 'county', 'rovers', 'wanderers', 'athletic', 'albion', 'rangers', 'hotspur', 'fc', 'afc', 'forest']);

export interface Entity {
  category: EntityCategory;
  name: string;
  names: Map<string, number>; // candidate canonical names (title-free) -> token count
  aliases: Set<string>;
  kind?: InstitutionKind;
  roles: Role[];
  mentions: Mention[];
  /** Named beside the group whose name it opens with ("Acme and Acme International"). */
  sibling?: boolean;
}

export interface Placed {
  entity: Entity;
  sentence: number;
  first: number;
  last: number;
  modifier: boolean;
  possessive: boolean;
}

/** The placed mentions of each sentence, in reading order. */
export function placedBySentence(placed: readonly Placed[]): Map<number, Placed[]> {
  const out = new Map<number, Placed[]>();
  for (const p of placed) (out.get(p.sentence) ?? out.set(p.sentence, []).get(p.sentence)!).push(p);
  for (const ms of out.values()) ms.sort((a, b) => a.first - b.first);
  return out;
}

/**
 * A company's legal form or "Group" at the end of a name; dropped only after two words or more
 * ("Limited" alone is a name). No lookbehind for those words: it scanned back over the whole string
 * at every position, and a very long token took seconds.
 */
const LEGAL_FORM_KEY = /\s+(?:plc|ltd\.?|limited|inc\.?|co\.?|llc|ag|sa|se|spa|nv|bv|gmbh|group)$/;
const TWO_WORDS_BEFORE = /\S\s+\S+$/;
const STRICT_LEGAL_FORM = /^\s+(?:plc|ltd\.?|inc\.?|llc)$/;
/** "Department of Justice" = "Justice Department": a body's head word before "of" and its domain. */
const HEAD_OF_DOMAIN = /^(\p{L}+) of (?:the )?(\p{L}+(?: \p{L}+){0,2})$/u;
const keyUncached = (s: string): string => {
  let k = s
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/^the\s+/, '')
    .replace(/\bcorp\.?$/, 'corporation');
  // "Access Bank Plc", "Goldman Sachs Group Inc" and "Access Bank", "Goldman Sachs" are one company:
  // the legal form is no part of the key.
  // "Pfizer Inc." and "Pfizer": after one word only the forms that are never a name's own word.
  for (
    let legal = LEGAL_FORM_KEY.exec(k);
    legal && (TWO_WORDS_BEFORE.test(k.slice(0, legal.index)) || (STRICT_LEGAL_FORM.test(legal[0]) && /\S/.test(k.slice(0, legal.index))));
    legal = LEGAL_FORM_KEY.exec(k)
  )
    k = k.slice(0, legal.index);
  k = k.replace(/\./g, '').replace(/\s+/g, ' ').trim();
  const inverted = HEAD_OF_DOMAIN.exec(k);
  return inverted && INSTITUTION_HEAD[inverted[1]!] !== undefined ? `${inverted[2]} ${inverted[1]}` : k;
};
// key() is pure and called for every capitalised n-gram: memoised, bounded.
let keyCache = new Map<string, string>();
const key = (s: string): string => {
  let k = keyCache.get(s);
  if (k === undefined) {
    k = keyUncached(s);
    if (keyCache.size >= 100_000) keyCache = new Map();
    keyCache.set(s, k);
  }
  return k;
};
const WORD_START = /^[\p{L}\p{N}]/u;
/** An administrative word ending a place's name: "North West Province", "Kaduna State". */
const PLACE_HEAD = /\s+(province|state|region|county|district|territory|prefecture|governorate|oblast)$/i;
/** Whitespace other than a lone space. */
const ODD_SPACE = /[^\S ]| {2}/;
const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);
const initials = (s: string): string =>
  words(s)
    .filter((w) => !/^(of|and|the|for|to|&)$/i.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');
/** Initials that spell "of" too: "Department of Justice" is the DOJ. */
const initialsWithOf = (s: string): string =>
  words(s)
    .filter((w) => !/^(and|the|for|&)$/i.test(w))
    .map((w) => w[0]!.toUpperCase())
    .join('');
/** A company's legal form, which its initials leave out: "United Bank for Africa Plc" is the UBA. */
const LEGAL_FORM = /\s+(?:Plc|PLC|Ltd\.?|Limited|Inc\.?|Corp\.?|Co\.|LLC|S\.?A\.?|AG|N\.?V\.?|Bhd|Berhad)$/;
/**
 * The initials a body may go by: of its whole name, without its legal form, and without a
 * trailing country or place ("Diamond Trust Bank Kenya Ltd" is the DTB).
 */
const bodyInitials = (name: string): string[] => {
  const bare = name.replace(LEGAL_FORM, '');
  const ws = words(bare);
  const last = ws.at(-1) ?? '';
  const unplaced = ws.length > 2 && lookupPlace(last) ? ws.slice(0, -1).join(' ') : bare;
  // "Ruritania Football Association" is also "the FA": a leading country or demonym may go unspelt.
  const first = ws[0] ?? '';
  const national = ws.length > 2 && (lookupPlace(first) || isDemonym(first)) ? ws.slice(1).join(' ') : bare;
  // "World Anti-Doping Agency" is WADA: the capitalised parts of a hyphenated word count too.
  const hyphened = bare.includes('-') ? [initials(bare.replace(/-(?=\p{Lu})/gu, ' '))] : [];
  // "Department of Justice" is the DOJ, "Bank of Japan" the BOJ: US and central-bank usage spells the "of";
  // "Justice Department" is the DOJ as well, its head word put before its domain.
  const inverted = ws.length === 2 && INSTITUTION_HEAD[ws[1]!.toLowerCase()] !== undefined ? `${ws[1]} of ${ws[0]}` : bare;
  const withOf = /\sof\s/i.test(inverted) ? [initialsWithOf(inverted)] : [];
  return [...new Set([initials(name), initials(bare), initials(unplaced), initials(national), ...hyphened, ...withOf])];
};

/** Two words of one length that differ in one letter, not the last ("markus" and "marcus"; "maria" and "mario" are two people). */
function oneLetterApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b || a.at(-1) !== b.at(-1)) return false;
  let diff = 0;
  for (let k = 0; k < a.length && diff < 2; k++) if (a[k] !== b[k]) diff++;
  return diff === 1;
}

const ARTICLE_PREFIX = /^(?:al|el|ad|an|ar|as|ash|at|az|ud|ul)-(?=\p{L})/u;
/** A surname as written and without a glued Arabic article. */
const lastWordForms = (w: string): string[] => (ARTICLE_PREFIX.test(w) ? [w, w.replace(ARTICLE_PREFIX, '')] : [w]);

export function resolve(text: string, sentences: Sentence[], tokens: Token[][], raws: RawMention[]): { entities: Entity[]; placed: Placed[] } {
  const entities: Entity[] = [];
  const byKey = new Map<string, Entity>(); // category:key -> entity
  const placed: Placed[] = [];

  const get = (category: EntityCategory, name: string): Entity => {
    const k = `${category}:${key(name)}`;
    let e = byKey.get(k);
    if (!e) {
      e = { category, name, names: new Map(), aliases: new Set(), roles: [], mentions: [] };
      entities.push(e);
      byKey.set(k, e);
    }
    return e;
  };
  const outlets = new Map<string, Entity>();
  /** An outlet whose acronym another body of the article shares: an entity of its own. */
  const outlet = (name: string): Entity => {
    let e = outlets.get(name);
    if (!e) {
      e = { category: 'institution', name, names: new Map(), aliases: new Set(), roles: [], mentions: [], kind: 'media' };
      entities.push(e);
      outlets.set(name, e);
    }
    return e;
  };
  const alias = (e: Entity, surface: string): void => {
    e.aliases.add(surface);
    const k = `${e.category}:${key(surface)}`;
    if (!byKey.has(k)) byKey.set(k, e);
  };
  const attach = (e: Entity, m: RawMention): void => {
    const raw = text.slice(m.start, m.end);
    const surface = ODD_SPACE.test(raw) ? raw.replace(/\s+/g, ' ') : raw;
    alias(e, surface);
    for (const a of m.aliases) alias(e, a);
    e.mentions.push({ start: m.start, end: m.end, surface, sentence: m.sentence });
    if (m.sibling) e.sibling = true;
    if (m.role) e.roles.push({ ...m.role, sentence: m.sentence });
    const tok = tokens[m.sentence]?.[m.last];
    placed.push({ entity: e, sentence: m.sentence, first: m.first, last: m.last, modifier: !!m.modifier, possessive: !!tok?.possessive });
  };

  // 1. Places, institutions and multi-word person names.
  // "García Márquez" after "Gabriel García Márquez", "Tengku Adnan" before "Tengku Adnan Tengku
  // Mansor": the end or start of one longer name joins it.
  const personNames = [...new Set(raws.filter((m) => m.category === 'person').map((m) => m.name))];
  const longerName = new Map<string, string>();
  const personKeys = personNames.map(key);
  // The loops below compare every name with every other: each name's words and the key of all but
  // its first word are made once here, not once per pair.
  const personWords = personNames.map(words);
  const personRestKeys = personWords.map((ws) => key(ws.slice(1).join(' ')));
  for (const n of personNames) {
    if (!n.includes(' ')) continue;
    const kn = key(n);
    const asEnd = ` ${kn}`;
    const asStart = `${kn} `;
    const ends = personNames.filter((o, i) => o.length > n.length && (personKeys[i]!.endsWith(asEnd) || personKeys[i]!.startsWith(asStart)));
    if (new Set(ends.map(key)).size === 1) longerName.set(key(n), ends[0]!);
  }
  // "Kwame Kilpatrick" beside "Kwame M. Kilpatrick", "Anna Lopez" beside "Anna Maria Lopez": the same
  // first and last words with the middle name left out are the one person who has them all.
  for (const n of personNames) {
    const ws = words(n);
    if (ws.length !== 2 || longerName.has(key(n))) continue;
    const [first, last] = [key(ws[0]!), key(ws[1]!)];
    const fits = personNames.filter((o, i) => {
      const os = personWords[i]!;
      return os.length > 2 && key(os[0]!) === first && key(os.at(-1)!) === last;
    });
    if (new Set(fits.map(key)).size === 1) longerName.set(key(n), fits[0]!);
  }
  // "V. Kumar" or "V Kumar" after "Varinder Kumar": an initial for the one given name that fits.
  for (const n of personNames) {
    const initial = /^(\p{Lu})\.?\s+(.+)$/u.exec(n);
    if (!initial) continue;
    const rest = ` ${key(initial[2]!)}`;
    const wordCount = words(n).length;
    const fits = personNames.filter(
      (o, i) => o !== n && o.startsWith(initial[1]!) && !/^\p{Lu}\.?\s/u.test(o) && personKeys[i]!.endsWith(rest) && personWords[i]!.length === wordCount,
    );
    if (new Set(fits.map(key)).size === 1) longerName.set(key(n), fits[0]!);
  }
  // "Dan Snyder", "Bernie Ebbers" or "Joe Nacchio" after "Daniel Snyder", "Bernard Ebbers", "Joseph
  // Nacchio": a short or pet form of the given name with the same surname is the one person who has it in full.
  for (const n of personNames) {
    const ws = words(n);
    if (ws.length < 2 || ws[0]!.length < 2 || longerName.has(key(n))) continue;
    const short = ws[0]!.toLowerCase();
    const rest = key(ws.slice(1).join(' '));
    const fits = personNames.filter((o, i) => {
      const os = personWords[i]!;
      return os.length === ws.length && personRestKeys[i] === rest && shortFormOf(short, os[0]!.toLowerCase());
    });
    if (new Set(fits.map(key)).size === 1) longerName.set(key(n), fits[0]!);
  }
  // "Marcus Roe" beside "Markus Roe": a given name of five letters or more spelt with one letter
  // changed (not its last: "Maria", "Mario"), and the same surname, is the first spelling's person.
  for (let i = 0; i < personNames.length && i < 200; i++) {
    const n = personNames[i]!;
    const ws = words(n);
    if (ws.length < 2 || ws[0]!.length < 5 || longerName.has(key(n))) continue;
    const rest = key(ws.slice(1).join(' '));
    for (let j = 0; j < i; j++) {
      const os = personWords[j]!;
      if (os.length === ws.length && personRestKeys[j] === rest && oneLetterApart(os[0]!.toLowerCase(), ws[0]!.toLowerCase())) {
        longerName.set(key(n), personNames[j]!);
        break;
      }
    }
  }
  const workKeys = new Set(raws.filter((m) => m.work).map((m) => key(m.name)));
  const placeKeys = new Set(raws.filter((m) => m.category === 'place').map((m) => key(m.name)));
  const institutionKeys = new Set(raws.filter((m) => m.category === 'institution').map((m) => key(m.name)));
  // "Rodrigo Medina … Medina is being held": a lone surname of one person named in full is that
  // person, though a gazetteer knows a town by it, unless a preposition of place comes before it.
  const fullNameBySurname = new Map<string, string | null>();
  for (const n of personNames) {
    const ws = words(n);
    if (ws.length < 2) continue;
    const k = key(ws.at(-1)!);
    const had = fullNameBySurname.get(k);
    fullNameBySurname.set(k, had === undefined || had === n ? n : null);
  }
  const LOCATIVE = /^(?:in|at|from|to|into|near|across|outside|inside|of|around|toward|towards)$/i;
  const surnameOwner = (m: RawMention): string | undefined => {
    // A country is too often in the news to yield its name to a surname ("Jordan's king").
    if (m.first !== m.last || isCountryName(m.name)) return undefined;
    const owner = fullNameBySurname.get(key(m.name));
    if (!owner) return undefined;
    const before = tokens[m.sentence]?.[m.first - 1]?.text ?? '';
    return LOCATIVE.test(before) ? undefined : owner;
  };
  /** A raw institution right before (", X", "and X") or after ("X and") a mention in one sentence. */
  const listedWithBody = (m: RawMention): boolean => {
    const toks = tokens[m.sentence] ?? [];
    const before = toks[m.first - 1]?.text;
    const after = toks[m.last + 1]?.text;
    // Not after a comma: "The chairman of Acme Holdings, Jane Roe, resigned" is an apposition.
    const sepBefore = before === 'and' || before === '&' || before === 'or';
    const sepAfter = after === 'and' || after === '&' || after === 'or';
    if ((!sepBefore && !sepAfter) || /^(?:who|whose)$/.test(after ?? '')) return false;
    // "… and Acme News editor Jane Roe": a body before a lower-case noun qualifies it; it is no item of the list.
    const qualifiesNoun = (r: RawMention): boolean => {
      const next = toks[r.last + 1];
      if (!next || next.cap || !/^\p{Ll}+$/u.test(next.text)) return false;
      const c = classOf(next.text);
      // "Labour Party treasurer", "Acme spokesman": an agent noun is a noun here, though the tagger also knows it as a verb.
      return c.noun && (!c.verb || /(?:er|or|man|woman|person|ist)$/.test(next.text));
    };
    return raws.some(
      (r) =>
        r.sentence === m.sentence &&
        r.category === 'institution' &&
        ((sepBefore && r.last === m.first - 2) || (sepAfter && r.first === m.last + 2 && !qualifiesNoun(r))),
    );
  };
  // "Toyo Setal and Samsung Heavy Industries declined … Julio Camargo of Toyo Setal": a name that one
  // sentence lists with a body is a body's wherever else the article names it without a person's evidence.
  for (const m of raws) if (m.category === 'person' && !m.personEvidence && listedWithBody(m)) institutionKeys.add(key(m.name));
  // "the Lagos High Court … the High Court": a body's name without the place that opens it is that body,
  // when one body alone has it.
  const placedBody = new Map<string, string | null>();
  for (const m of raws) {
    if (m.category !== 'institution') continue;
    const ws = words(m.name);
    if (ws.length < 3) continue;
    for (const n of [1, 2]) {
      const rest = ws.slice(n);
      if (rest.length < 2 || !(lookupPlace(ws.slice(0, n).join(' ')) || (n === 1 && isDemonym(ws[0]!)))) continue;
      const k = key(rest.join(' '));
      const had = placedBody.get(k);
      placedBody.set(k, had === undefined || had === m.name ? m.name : null);
    }
  }
  // "Newcastle United … Newcastle's 2-0 loss": a club named after its town goes by the town's name alone.
  const clubByTown = new Map<string, string>();
  for (const m of raws) {
    if (m.category !== 'institution') continue;
    const ws = words(m.name);
    if (ws.length === 2 && CLUB_ENDINGS.has(ws[1]!.toLowerCase()) && lookupPlace(ws[0]!) && !isCountryName(ws[0]!)) clubByTown.set(key(ws[0]!), m.name);
    // "Leeds manager John Doe": a club the context named by its town alone.
    else if (lookupCity(m.name) && !isCountryName(m.name) && !clubByTown.has(key(m.name))) clubByTown.set(key(m.name), m.name);
  }
  // In a sports report, "against Norwich", "Liverpool's Luis Suarez", "defeat by Arsenal": a town's name, or a
  // single name with no person's evidence, that a team's context surrounds is a club's.
  const teamTowns = new Set<string>(); // towns of several words a team's context names ("West Bromwich were …")
  if (isSportsReport(tokens)) {
    for (const m of raws) {
      const toks = tokens[m.sentence] ?? [];
      if (m.category === 'place' && !isCountryName(m.name) && lookupCity(m.name) && teamContext(toks, m.first, m.last)) {
        if (!clubByTown.has(key(m.name))) clubByTown.set(key(m.name), m.name);
        teamTowns.add(key(m.name));
      } else if (m.category === 'single' && !m.personEvidence && !m.institutionHint && !isCountryName(m.name) && teamContext(toks, m.first, m.last))
        m.institutionHint = 'other';
    }
  }
  /** The club a town's name stands for here: not after a preposition of place, nor in a dateline ("LEEDS –"). */
  const clubOf = (m: RawMention): string | undefined => {
    if (clubByTown.size === 0 || (m.first !== m.last && !teamTowns.has(key(m.name)))) return undefined;
    const club = clubByTown.get(key(text.slice(m.start, m.end)));
    if (!club) return undefined;
    const toks = tokens[m.sentence] ?? [];
    const before = toks[m.first - 1]?.text ?? '';
    const after = toks[m.last + 1]?.text ?? '';
    if (LOCATIVE.test(before) || /^\p{Lu}{3,}$/u.test(toks[m.first]!.text) || /^[–—:-]$/.test(after)) return undefined;
    return club;
  };
  for (const m of raws) {
    const owner = m.category === 'place' ? surnameOwner(m) : undefined;
    const club = m.category === 'place' ? clubOf(m) : undefined;
    if (owner) attach(byKey.get(`person:${key(owner)}`) ?? get('person', owner), m);
    else if (club) attach(get('institution', club), m);
    else if (m.category === 'place') attach(get('place', m.name), m);
    else if (m.category === 'institution') {
      const known = lookupInstitution(m.name);
      const longer = placedBody.get(key(m.name));
      const e = longer ? get('institution', longer) : get('institution', known ? known.name : m.name);
      if (known) for (const a of known.aliases) byKey.set(`institution:${key(a)}`, e);
      // Context that says "outlet" ("X reported") outweighs a lexicon's default kind.
      e.kind = m.kind === 'media' ? 'media' : (e.kind ?? known?.kind ?? m.kind ?? 'other');
      if (m.acronym) alias(e, m.acronym);
      attach(e, m);
    } else if (m.category === 'person') {
      // "the show Blue Peter … over Blue Peter blunder": the title of a work, here too.
      if (workKeys.size > 0 && workKeys.has(key(m.name))) continue;
      // A name the article also calls a place ("the city of X … in X") is that place.
      if (placeKeys.has(key(m.name))) {
        attach(get('place', m.name), m);
        continue;
      }
      // Likewise a name the article gives a body ("contractor X … X and Y declined"), or one listed
      // with a body and nothing that says person ("Goldman Sachs and Morgan Stanley"): no person's.
      if (!m.personEvidence && (institutionKeys.has(key(m.name)) || listedWithBody(m))) {
        attach(byKey.get(`institution:${key(m.name)}`) ?? get('institution', m.name), m);
        continue;
      }
      const target = longerName.get(key(m.name)) ?? m.name;
      const e = byKey.get(`person:${key(target)}`) ?? get('person', target);
      e.names.set(m.name, words(m.name).length);
      attach(e, m);
    }
  }
  // Multi-word names contained at the end of a longer one ("Paul Stephenson" / "Sir Paul …").
  const people = () => entities.filter((e) => e.category === 'person');
  // "Zawahiri" is also the last word of "Ayman al-Zawahiri".
  // "Revilla" is also the surname of "Ramon Revilla Jr.": a generation after it does not count.
  const surnameOf = (n: string): string => {
    const ws = words(n);
    return (ws.length > 2 && /^(?:II|III|IV|Jr\.?|Sr\.?)$/.test(ws.at(-1)!) ? ws.at(-2) : ws.at(-1))!;
  };
  const lastTok = (e: Entity): Set<string> =>
    new Set([...e.names.keys()].filter((n) => words(n).length > 1).flatMap((n) => lastWordForms(surnameOf(n).toLowerCase())));
  const firstTok = (e: Entity): Set<string> => new Set([...e.names.keys()].filter((n) => words(n).length > 1).map((n) => words(n)[0]!.toLowerCase()));
  /** word -> people (in entity order) whose multi-word names end / start with it. */
  const indexPeople = (tokOf: (e: Entity) => Set<string>): Map<string, Entity[]> => {
    const idx = new Map<string, Entity[]>();
    for (const e of people()) {
      for (const t of tokOf(e)) {
        const list = idx.get(t);
        if (list) list.push(e);
        else idx.set(t, [e]);
      }
    }
    return idx;
  };

  // 2. Single words, strongest evidence first.
  // No person entity is created and no name changes in this step: the people indexes hold
  // throughout. Institutions may be added ("the Sacklers"); `insts` follows `entities`.
  const byLastTok = indexPeople(lastTok);
  const surnameSpeltLike = (w: string): Entity | undefined => {
    let found: Entity | undefined;
    for (const [surname, es] of byLastTok) {
      if (!oneLetterApart(surname, w)) continue;
      if (found || es.length > 1) return undefined;
      found = es[0];
    }
    return found;
  };
  const byFirstTok = indexPeople(firstTok);
  const none: Entity[] = [];
  interface InstInfo {
    e: Entity;
    initials: string[];
    first: string;
    last: string;
    multi: boolean;
    /** "Telenor Norway": a company's name before a country's, its national arm (as a sibling named beside it is, Entity.sibling). */
    arm: boolean;
  }
  const insts: InstInfo[] = [];
  let instSeen = 0;
  const singles = raws.filter((m) => m.category === 'single' && !m.work && (workKeys.size === 0 || !workKeys.has(key(m.name))));
  // "Roe's father, Frank Roe": the bare surname there is another person than the relative named in full.
  const relativeOf = new Map<string, string>(); // surname -> key of the relative's full name
  for (const m of singles) {
    const toks = tokens[m.sentence] ?? [];
    const kin = toks[m.last + 1];
    if (!toks[m.last]?.possessive || !kin || !KIN_NOUNS.has(kin.low)) continue;
    const at = toks[m.last + 2]?.text === ',' ? m.last + 3 : m.last + 2;
    const relative = raws.find((r) => r.sentence === m.sentence && r.category === 'person' && r.first === at);
    if (relative && key(surnameOf(relative.name)) === key(m.name)) {
      relativeOf.set(key(m.name), key(relative.name));
      m.personEvidence = true; // whose father it is: a person
    }
  }
  const definedAcronyms = new Set(raws.flatMap((m) => (m.category === 'institution' && m.acronym ? [m.acronym] : [])));
  const pending: RawMention[] = [];
  for (const m of singles) {
    const w = m.name;
    const lw = w.toLowerCase();
    const club = clubOf(m);
    if (club) {
      attach(get('institution', club), m);
      continue;
    }
    // "LEEDS : …", "HANOI –": a town's name in capitals opening a sentence is a dateline, a place.
    // So is one before a comma and its country in a credit line ("AP, PERTH, Australia").
    const sentToks = tokens[m.sentence] ?? [];
    const placeAfterComma = sentToks[m.last + 1]?.text === ',' && !!lookupPlace(sentToks[m.last + 2]?.text ?? '');
    // A town in capitals alone before the dateline's dash or credit ("RUSTENBURG –", "SYDNEY (AP) —") is one the
    // gazetteer knows in any case.
    const dashAfter = m.first === 0 && /^[–—:(-]$/.test(sentToks[m.last + 1]?.text ?? ''); // "SYDNEY (AP) —" too
    const town = (): string | undefined => (dashAfter ? lookupCity(w.charAt(0) + w.slice(1).toLowerCase())?.name : undefined);
    const dateline = (m.first === 0 || placeAfterComma) && /^\p{Lu}{3,}$/u.test(w) ? (lookupPlace(w) ?? (placeAfterComma ? m.city : town())) : undefined;
    if (dateline) {
      attach(get('place', dateline), m);
      continue;
    }
    for (; instSeen < entities.length; instSeen++) {
      const e = entities[instSeen]!;
      if (e.category !== 'institution') continue;
      const ws = words(e.name);
      // "Zhejiang Acme Steel Co." is "Acme" too: a company's name may open with its province or town.
      const opener = ws.length >= 3 && e.kind === 'company' && lookupPlace(ws[0]!) ? ws[1]! : ws[0];
      const arm = ws.length > 1 && isCountryName(lookupPlace(ws.slice(1).join(' ')) ?? '');
      insts.push({ e, initials: bodyInitials(e.name), first: (opener ?? '').toLowerCase(), last: (ws.at(-1) ?? '').toLowerCase(), multi: ws.length > 1, arm });
    }
    // An acronym credited as an outlet ("(AFP) –") is not the police force it also abbreviates.
    // But "according to ACC" after "Anti-Corruption Commission (ACC)" is that body, as defined.
    const inParens = tokens[m.sentence]?.[m.first - 1]?.text === '(';
    const outletAcronym = m.institutionHint === 'media' && /^[A-Z]{2,6}$/.test(w) && (inParens || !definedAcronyms.has(w));
    // "KTVX" after "KTVX-TV": a station's call sign without its band.
    const station = /^[A-Z]{3,5}$/.test(w) ? ['tv', 'fm', 'am', 'dt'].map((band) => byKey.get(`institution:${lw}-${band}`)).find(Boolean) : undefined;
    const exact = byKey.get(`institution:${key(w)}`) ?? station ?? byKey.get(`person:${key(w)}`) ?? byKey.get(`place:${key(w)}`);
    if (exact && !(outletAcronym && exact.category === 'institution' && exact.kind !== 'media')) {
      attach(exact, m);
      continue;
    }
    if (exact) {
      pending.push(m);
      continue;
    }
    if (/^[A-Z]{2,6}$/.test(w) && !outletAcronym) {
      // "Federal Capital Territory (FCT)": a place of several words may go by its initials too.
      const placeHit = insts.some((x) => x.initials.includes(w))
        ? []
        : entities.filter((e) => e.category === 'place' && words(e.name).length > 1 && initials(e.name) === w);
      if (placeHit.length === 1) {
        attach(placeHit[0]!, m);
        continue;
      }
      const hit = insts.filter((x) => x.initials.includes(w));
      const loose = hit.length
        ? hit
        : // "Metropolitan Police" is the MPS: an acronym may spell one word more than the name. Not a name listed
          // beside it in its own sentence ("Singapore Airlines €75 million, SAS €70 million").
          insts.filter(
            (x) =>
              x.initials[0]!.length >= 2 &&
              w.length === x.initials[0]!.length + 1 &&
              w.startsWith(x.initials[0]!) &&
              !x.e.mentions.some((mm) => mm.sentence === m.sentence),
          );
      if (loose.length === 1) {
        attach(loose[0]!.e, m);
        continue;
      }
    }
    const byLast = byLastTok.get(lw) ?? none;
    if (byLast.length > 1) continue; // shared surname: belongs to neither
    if (byLast.length === 1 && relativeOf.get(key(w)) === key(byLast[0]!.name)) {
      pending.push(m);
      continue;
    }
    if (byLast.length === 1) {
      attach(byLast[0]!, m);
      continue;
    }
    // "the FA" beside "FA Commission": an acronym opening a body's name other than a company's or an outlet's is
    // the parent body, not that commission or unit ("HSBC" is "HSBC Holdings", "CBS" is "CBS News").
    const parentAcronym = /^[A-Z]{2,6}$/.test(w);
    // "Telenor" beside "Telenor Norway": a national arm is not the group.
    const prefixed = insts.filter(
      (x) =>
        x.multi &&
        !x.arm &&
        !x.e.sibling &&
        !(parentAcronym && x.e.kind !== 'company' && x.e.kind !== 'media') &&
        (x.first === lw || (m.afterThe && lw.length >= 3 && x.first.startsWith(lw) && !x.e.mentions.some((mm) => mm.sentence === m.sentence))),
    );
    // "Acme" after "Acme Corp." and "Acme Task Force": the bare name is the company's own.
    const companies = prefixed.length > 1 ? prefixed.filter((x) => x.e.kind === 'company') : prefixed;
    if (companies.length === 1) {
      attach(companies[0]!.e, m);
      continue;
    }
    const arm = insts.find((x) => (x.arm || x.e.sibling) && x.first === lw);
    if (arm && !m.personEvidence && !isCommonWord(w) && !/(?:ers|ors|ists)$/.test(lw)) {
      // not "Whistleblowers" of "Whistleblowers UK"
      const group = get('institution', w);
      group.kind ??= arm.e.kind;
      attach(group, m);
      continue;
    }
    // "the Senate" after "Kenya's Senate": a body's head word alone names the one body it ends.
    // Not one named beside it in the same sentence: "the Times, the Sunday Times" are two papers.
    // "Rosbank" after "OAO Rosbank": a company's word names the company whose name it ends.
    const companyWord = m.institutionHint === 'company';
    if (m.afterThe || isBodyWord(w) || companyWord) {
      const heads = insts.filter(
        (x) => x.multi && x.last === lw && (!companyWord || x.e.kind === 'company') && !x.e.mentions.some((mm) => mm.sentence === m.sentence),
      );
      if (heads.length === 1) {
        attach(heads[0]!.e, m);
        continue;
      }
    }
    const byFirst = byFirstTok.get(lw) ?? none;
    if (byFirst.length > 1) continue;
    if (byFirst.length === 1) {
      attach(byFirst[0]!, m);
      continue;
    }
    const stem = lw.replace(/s$/, '');
    const family = byLastTok.get(stem) ?? none;
    if (lw.endsWith('s') && family.length >= 1) {
      if (m.afterThe) {
        const e = get('institution', `${family[0]!.name.split(' ').at(-1)} family`);
        e.kind ??= 'other';
        attach(e, m);
      }
      continue;
    }
    // "Nocchio" in an article about Joseph Nacchio: a misspelt surname (one letter changed, not the
    // last) of the one person who bears it, when no body or place has the word.
    const misspelt = lw.length >= 5 && !m.institutionHint && !m.city ? surnameSpeltLike(lw) : undefined;
    if (misspelt) {
      attach(misspelt, m);
      continue;
    }
    pending.push(m);
  }
  // 3. Single words with their own evidence become people; the rest join them or are dropped.
  // "parent company Acme … Acme's admission", "Ahold's 2003 admission … Ahold shares": a possessive is
  // no evidence against what another mention's context says the word is. A person's name would have
  // been written in full first.
  const hintByName = new Map<string, InstitutionKind>();
  for (const o of singles) if (o.institutionHint && !hintByName.has(key(o.name))) hintByName.set(key(o.name), o.institutionHint);
  const strongPerson = new Set(singles.filter((m) => m.personEvidence && !m.possessiveOnly).map((m) => key(m.name)));
  // "the cement giant Lafarge", "Lafarge chief executive X", "… Lafarge said": a word the article gives a
  // body's context more often than a person's is a body ("X said" is said of firms too).
  const tally = (f: (m: RawMention) => boolean): Map<string, number> => {
    const n = new Map<string, number>();
    for (const m of singles) if (f(m)) n.set(key(m.name), (n.get(key(m.name)) ?? 0) + 1);
    return n;
  };
  const hinted = tally((m) => !!m.institutionHint && !m.personEvidence);
  const evidenced = tally((m) => !!m.personEvidence && !m.namedPerson);
  const mostlyBody = (name: string): boolean => (hinted.get(key(name)) ?? 0) >= 2 && (hinted.get(key(name)) ?? 0) > (evidenced.get(key(name)) ?? 0);
  const personLike = (p: RawMention): boolean =>
    !!p.personEvidence && !(p.possessiveOnly && hintByName.has(key(p.name)) && !strongPerson.has(key(p.name))) && (!!p.namedPerson || !mostlyBody(p.name));
  for (const m of pending.filter((p) => p.namedPerson || (personLike(p) && !isCommonWord(p.name) && !lookupPlace(p.name)))) {
    const e = byKey.get(`person:${key(m.name)}`) ?? get('person', m.name);
    e.names.set(m.name, 1);
    attach(e, m);
  }
  /** The institution placed right before (", X" / "and X") or right after ("X and", "X,") a mention in one list. */
  const LIST_SEPARATORS = new Set([',', 'and', 'or', '&']);
  /** Set by listedInstitution: the name and the item before it both follow "the" ("the Guardian, the Times"). */
  let listedAfterThe = false;
  const listedInstitution = (m: RawMention): Entity | undefined => {
    listedAfterThe = false;
    const toks = tokens[m.sentence] ?? [];
    // "Sky News, LBC, the Guardian": an article may stand between the separator and the name.
    const article = toks[m.first - 1]?.text === 'the' ? 1 : 0;
    let before = toks[m.first - 1 - article]?.text;
    const after = toks[m.last + 1]?.text;
    // After a comma only where the list goes on ("Acme Holdings, JAL, LAN …"): "Acme Holdings, Brown, said" is an apposition.
    const nextItem = toks[m.last + 2]?.text === 'the' ? toks[m.last + 3] : toks[m.last + 2];
    if (before === ',' && !(after === 'and' || after === 'or' || (after === ',' && nextItem?.cap))) before = undefined;
    for (let k = placed.length - 1; k >= 0; k--) {
      const p = placed[k]!;
      if (p.sentence !== m.sentence || p.entity.category !== 'institution') continue;
      if (before !== undefined && LIST_SEPARATORS.has(before) && p.last === m.first - 2 - article) {
        listedAfterThe = article === 1 && toks[p.first - 1]?.text === 'the';
        return p.entity;
      }
      // "Enron, Adelphia Communications and Worldcom": after a comma only where the list goes on past the body.
      const listGoesOn = after !== ',' || /^(?:,|and|or)$/.test(toks[p.last + 1]?.text ?? '');
      if (after !== undefined && LIST_SEPARATORS.has(after) && p.first === m.last + 2 && listGoesOn) return p.entity;
    }
    return undefined;
  };
  // Acronyms that abbreviate lower-case words or a title ("the DPP" after "Director of Public Prosecutions") name no body.
  const commonAbbreviations = new Set(singles.filter((m) => m.commonAbbreviation).map((m) => m.name));
  for (const m of raws) if (m.role && words(m.role.title).length > 1) commonAbbreviations.add(initials(m.role.title));
  // "Foreign Corrupt Practices Act … violating the FCPA": a law's initials name the law, no body.
  for (const toks of tokens)
    toks.forEach((t, k) => {
      if (!LAW_NAME_ENDS.has(t.text)) return;
      let from = k;
      while (from > 0 && (toks[from - 1]!.cap || /^(?:of|and|the|on|for)$/.test(toks[from - 1]!.text))) from--;
      while (from < k && !toks[from]!.cap) from++;
      if (k - from >= 2)
        commonAbbreviations.add(
          initials(
            toks
              .slice(from, k + 1)
              .map((x) => x.text)
              .join(' '),
          ),
        );
    });
  const bodyHint = (m: RawMention): InstitutionKind | undefined => m.institutionHint ?? (m.possessiveOnly ? hintByName.get(key(m.name)) : undefined);
  for (const m of pending.filter((p) => !personLike(p))) {
    const e = byKey.get(`person:${key(m.name)}`);
    const hint = bodyHint(m);
    if (e) attach(e, m);
    else if (hint && !lookupPlace(m.name) && !commonAbbreviations.has(m.name)) {
      // Not a person's name after all: the body its context says it is ("McClatchy reported").
      const same = byKey.get(`institution:${key(m.name)}`);
      const inst = same && same.kind !== 'media' && hint === 'media' ? outlet(m.name) : get('institution', m.name);
      inst.kind = hint === 'media' ? 'media' : (inst.kind ?? hint);
      const callSign = /^([A-Z]{3,5})-(?:TV|FM|AM|DT)$/.exec(m.name);
      if (callSign && !byKey.has(`institution:${key(callSign[1]!)}`)) byKey.set(`institution:${key(callSign[1]!)}`, inst);
      attach(inst, m);
    }
    // A town's name that no person here bears: a place ("in Eldoret").
    else if (m.city) attach(get('place', m.city), m);
    else {
      // "Air Canada, JAL, Martinair and Qantas": an unknown name listed with bodies is one too.
      // "the Guardian, the Times and …": among outlets, or after another "the X", "the" and a common word name a body too.
      const listed = listedInstitution(m);
      const listedWith = !isCommonWord(m.name) || (m.afterThe && (listed?.kind === 'media' || listedAfterThe)) ? listed : undefined;
      if (listedWith) {
        const inst = get('institution', m.name);
        inst.kind ??= listedWith.kind === 'company' || listedWith.kind === 'media' ? listedWith.kind : 'other';
        attach(inst, m);
      }
    }
  }

  // 4. Known names again everywhere (headlines, sentence starts we skipped).
  // coveredTok[s][i]: token i of sentence s is inside a placed mention.
  const coveredTok: Uint8Array[] = tokens.map((toks) => new Uint8Array(toks.length));
  for (const p of placed) {
    const row = coveredTok[p.sentence];
    if (row) for (let k = p.first; k <= p.last; k++) row[k] = 1;
  }
  const lookup = new Map<string, Entity>();
  for (const e of entities) {
    lookup.set(key(e.name), e);
    for (const a of e.aliases) lookup.set(key(a), e);
  }
  const surnameCount = indexPeople(lastTok);
  for (const [t, es] of surnameCount) if (es.length === 1 && !lookup.has(t) && !relativeOf.has(t)) lookup.set(t, es[0]!);
  tokens.forEach((toks, s) => {
    const row = coveredTok[s]!;
    for (let i = 0; i < toks.length; i++) {
      if (!toks[i]!.cap || row[i]) continue;
      // Candidate n-grams must not reach a covered token.
      let free = 1;
      const maxN = Math.min(6, toks.length - i);
      while (free < maxN && !row[i + free]) free++;
      for (let n = free; n >= 1; n--) {
        if (n > 1 && !WORD_START.test(toks[i + n - 1]!.text)) continue; // "Kremlin ." is no name, though its key is
        const surface = text.slice(toks[i]!.start, toks[i + n - 1]!.end);
        // "US$1.8 million", "U.S. dollars": the money, not the place, though the article names the place elsewhere.
        if (CURRENCY_WORDS.has(toks[i + n]?.low ?? '') && lookupPlace(surface)) continue;
        let e = lookup.get(key(surface));
        if (!e) {
          // "Kyoto Protocol", "the Minsk agreements": the place only names the instrument.
          let pl = lookupPlace(surface);
          if (pl && (INSTRUMENT_NOUNS.has(toks[i + n]?.low ?? '') || insideLongerName(toks, i))) pl = undefined;
          const inst = n > 1 || /^[A-Z]{2,}$/.test(surface) ? lookupInstitution(surface) : undefined;
          if (pl) e = get('place', pl);
          else if (inst) {
            e = get('institution', inst.name);
            e.kind ??= inst.kind;
          }
        }
        if (!e) continue;
        const m: RawMention = {
          category: e.category,
          name: surface,
          aliases: [],
          start: toks[i]!.start,
          end: toks[i + n - 1]!.end,
          sentence: s,
          first: i,
          last: i + n - 1,
        };
        if (e.category === 'place' && titleBeforeName(toks, i + n)) m.modifier = true;
        attach(e, m);
        for (let d = 0; d < n; d++) row[i + d] = 1;
        i += n - 1;
        break;
      }
    }
  });

  /** Entity `a` was another name of `into`: its mentions and places move there (an entity left without mentions is dropped). */
  const mergeInto = (a: Entity, into: Entity): void => {
    for (const s of [a.name, ...a.aliases]) into.aliases.add(s);
    into.mentions.push(...a.mentions);
    into.roles.push(...a.roles);
    for (const p of placed) if (p.entity === a) p.entity = into;
    a.mentions = [];
    a.roles = [];
  };
  // 5. "DOJ" in a headline before "Department of Justice" in the text: an acronym that became a body of its
  // own joins the one body of several words whose initials it spells (an outlet only an outlet).
  // "M&G" is the "Mail&Guardian", "AT&T" the "American Telephone & Telegraph": an ampersand joins two words.
  const spaced = (s: string): string => s.replace(/&/g, ' & ');
  const multiWordBodies = entities.filter(
    (e) => e.category === 'institution' && e.mentions.length > 0 && /\p{Ll}/u.test(e.name) && words(spaced(e.name)).length > 1,
  );
  let initialsOf: string[][] | undefined; // computed once, and only when some acronym stands alone
  for (const a of entities) {
    if (a.category !== 'institution' || !/^[A-Z](?:&?[A-Z]){1,5}$/.test(a.name) || a.mentions.length === 0 || multiWordBodies.length === 0) continue;
    initialsOf ??= multiWordBodies.map((e) => bodyInitials(spaced(e.name)));
    const letters = a.name.replace(/&/g, '');
    const spelt = multiWordBodies.filter((e, i) => initialsOf![i]!.includes(letters) && (a.kind !== 'media' || e.kind === 'media'));
    if (spelt.length !== 1) continue;
    mergeInto(a, spelt[0]!);
  }

  // 6. "X, also known as Y", "X (alias Y)", "X aka Y": one person or body by two names.
  for (const b of placed) {
    const toks = tokens[b.sentence] ?? [];
    let k = b.first - 1;
    if (!/^(as|alias|aka|a\.k\.a\.?)$/.test(toks[k]?.low ?? '')) continue;
    if (toks[k]!.low === 'as') {
      if (toks[k - 1]?.low !== 'known') continue;
      k -= /^(also|better|popularly|widely|commonly|locally|otherwise)$/.test(toks[k - 2]?.low ?? '') ? 2 : 1;
    }
    if (/^[,(]$/.test(toks[k - 1]?.low ?? '')) k--;
    const a = placed.find((p) => p.sentence === b.sentence && p.last === k - 1);
    if (a && a.entity !== b.entity && a.entity.category === b.entity.category && a.entity.category !== 'place') mergeInto(b.entity, a.entity);
  }

  // "Acme, formerly Beta Corp", "Acme (previously known as Beta)", "back when Acme was called Beta": one
  // body by its new and its old name. Bodies only: a person "was called" many things.
  for (const b of placed) {
    if (b.entity.category !== 'institution') continue;
    const toks = tokens[b.sentence] ?? [];
    const low = (i: number) => toks[i]?.low ?? '';
    let k = b.first - 1;
    const verb = low(k) === 'as' && low(k - 1) === 'known' ? 2 : /^(called|named)$/.test(low(k)) ? 1 : 0;
    k -= verb;
    const adverb = /^(formerly|previously)$/.test(low(k)) || (verb > 0 && low(k) === 'once') ? 1 : 0;
    k -= adverb;
    const was = verb > 0 && low(k) === 'was' ? 1 : 0;
    k -= was;
    if (!adverb && !was) continue;
    if (/^[,(]$/.test(low(k))) k--;
    const a = placed.find((p) => p.sentence === b.sentence && p.last === k);
    if (a && a.entity !== b.entity && a.entity.category === 'institution') mergeInto(b.entity, a.entity);
  }

  // "The CMA Board disqualified them", "the Board of Acme Holdings": a body's board acts as that body.
  for (const e of entities) {
    if (e.category !== 'institution' || e.mentions.length === 0) continue;
    const board = /^(.+) Board$/.exec(e.name)?.[1] ?? /^Board of (?:the )?(.+)$/.exec(e.name)?.[1];
    const owner = board ? byKey.get(`institution:${key(board)}`) : undefined;
    if (owner && owner !== e && owner.mentions.length > 0) mergeInto(e, owner);
  }

  // "the Guardians Council … an unelected Guardian Council": one body's name written with and without a plural "s".
  const bodiesBySingular = new Map<string, Entity>();
  for (const e of entities) {
    if (e.category !== 'institution' || e.mentions.length === 0 || words(e.name).length < 2) continue;
    const singular = words(e.name)
      .map((w) => key(w).replace(/(?<=\p{L}{3})s$/u, ''))
      .join(' ');
    const other = bodiesBySingular.get(singular);
    if (other) mergeInto(e, other);
    else bodiesBySingular.set(singular, e);
  }

  // 7. "North West Province" and "the Gauteng and North West provinces": one place, written once with its
  // administrative word in lower case after it (not "Kaduna State" and "Kaduna", a state and its capital).
  const placesByKey = new Map(entities.filter((e) => e.category === 'place' && e.mentions.length > 0).map((e) => [key(e.name), e]));
  for (const e of placesByKey.values()) {
    const bare = PLACE_HEAD.exec(e.name);
    const short = bare ? placesByKey.get(key(e.name.slice(0, bare.index))) : undefined;
    if (!short || short === e || short.mentions.length === 0) continue;
    const head = bare![1]!.toLowerCase();
    const headed = placed.filter((p) => p.entity === short).every((p) => tokens[p.sentence]?.[p.last + 1]?.low.startsWith(head));
    if (headed) mergeInto(short, e);
  }

  // "Acme", "Acme Steel" beside "Zhejiang Acme Steel Structure Co.": the opening words of one company's
  // longer name, or those after its first word (a province or town it may open with), are that company.
  const companies = entities.filter((e) => e.category === 'institution' && e.kind === 'company' && e.mentions.length > 0);
  const companyWords = companies.map((e) => words(e.name.replace(LEGAL_FORM, '')).map((w) => key(w)));
  for (const a of entities) {
    if (a.category !== 'institution' || a.mentions.length === 0 || companies.length < 2) continue;
    const aw = words(a.name).map((w) => key(w));
    if (aw.length === 1 && (isCommonWord(a.name) || /^[A-Z]{2,6}$/.test(a.name) || lookupPlace(a.name))) continue;
    const opens = (ew: string[], at: number): boolean => ew.length - at > aw.length && aw.every((w, k) => ew[at + k] === w);
    // Not "Acme International" named beside "Acme" as a body of its own (Entity.sibling).
    const longer = companies.filter((e, i) => e !== a && !e.sibling && words(e.name).length >= 3 && (opens(companyWords[i]!, 0) || opens(companyWords[i]!, 1)));
    if (longer.length === 1) mergeInto(a, longer[0]!);
  }

  // Canonical names: the fullest form used.
  for (const e of entities) {
    if (e.category === 'person' && e.names.size) {
      let best = e.name;
      let bestLen = 0;
      for (const [n, len] of e.names)
        if (len > bestLen || (len === bestLen && n.length > best.length)) {
          best = n;
          bestLen = len;
        }
      e.name = best;
    }
    if (e.category === 'institution' && !e.name.endsWith(' family')) {
      // The fullest form written in the article, not the lexicon's spelling; acronyms only if nothing else.
      const used = [...new Set(e.mentions.map((m) => m.surface))];
      // "The Enron collapse" at a sentence's start beside "Enron": "The" belongs to outlets' names only.
      const full = used.filter((u) => !/^[A-Z]{2,}$/.test(u) && !(e.kind !== 'media' && u.startsWith('The ') && used.includes(u.slice(4))));
      const pool = full.length ? full : used;
      const best = pool.reduce(
        (a, b) => (words(b).length > words(a).length || (words(b).length === words(a).length && b.length > a.length) ? b : a),
        pool[0] ?? e.name,
      );
      e.aliases.add(e.name);
      e.name = best;
    }
    // "Czech Republic" in the text, "Czechia" in the data: the article's own short form of two words names
    // the place, and the data's stays an alias (other articles find it under that). Long official forms
    // ("Republic of the Gambia") give way to the common name.
    if (e.category === 'place') {
      const used = [...new Set(e.mentions.map((m) => m.surface))];
      const own = used.filter((u) => words(u).length === 2 && !u.includes('.') && !/^[A-Z]+$/.test(u.replace(/\s/g, '')));
      if (own.length && !used.some((u) => key(u) === key(e.name))) {
        e.aliases.add(e.name);
        e.name = own.reduce((a, b) => (b.length > a.length ? b : a));
      }
    }
    e.aliases.delete(e.name);
    e.mentions.sort((a, b) => a.start - b.start);
  }
  // "U.S. Attorney Jane Roe", "U.S. District Judge John Doe": a country's name that only ever qualifies a
  // title stands where its demonym could ("the American attorney"); like a demonym, it names no place here.
  // (A city's or a region's does: "Shanghai Party Secretary X" is Shanghai's.)
  const titleOnly = new Set(entities.filter((e) => e.category === 'place' && isCountryName(e.name)));
  for (const p of placed) if (!p.modifier) titleOnly.delete(p.entity);
  return {
    entities: entities.filter((e) => e.mentions.length > 0 && !titleOnly.has(e)),
    placed: titleOnly.size ? placed.filter((p) => !titleOnly.has(p.entity)) : placed,
  };
}
