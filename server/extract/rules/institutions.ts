/**
 * Institutions: recognised by the shape of their names and by their context, not by a list of
 * names seen before. The shape is the head word ("… Commission", "Ministry of …", "… Times",
 * "… Ltd"); the context is what news writing says around an outlet or a company ("X reported",
 * "according to a X report", "(X) –" at a dateline, "newspaper X", "CEO of X") and a government
 * named with its country ("Indian government", "Mexico's government", "Government of France").
 * The only names held here are a few bodies that name shapes cannot find; compromise's lexicon
 * of organisations adds more.
 */
import countriesModule from 'world-countries';
import type { Country } from 'world-countries';
import type { InstitutionKind } from '../types.js';
import { FUNCTION_WORDS, isCommonWord, lex, lowerKey, memo } from './lexicons.js';
import { isCountryName, isDemonym, lookupPlace } from './places.js';
import type { Token } from './nlp.js';
import { isGivenName, isTitleWord, norm } from './people.js';
import { wordTable } from './words.js';

const countries: Country[] = Array.isArray(countriesModule) ? (countriesModule as Country[]) : (countriesModule as unknown as { default: Country[] }).default;

// ---------------------------------------------------------------- well-known bodies

export interface KnownInstitution {
  name: string;
  kind: InstitutionKind;
  aliases: string[];
}

/**
 * Bodies whose names have no institution shape and that context rarely types. Outlets and
 * companies are left to shape and context (and compromise's lexicon), so this stays short.
 */
const KNOWN: KnownInstitution[] = [
  ...[['Reuters'], ['Bloomberg'], ['Politico'], ['Axios'], ['Interfax'], ['Xinhua'], ['Yonhap'], ['Nikkei'], ['ProPublica']].map(([name, ...aliases]) => ({
    name: name!,
    kind: 'media' as const,
    aliases,
  })),
  ...[['White House'], ['Pentagon'], ['Downing Street'], ['Élysée']].map(([name, ...aliases]) => ({
    name: name!,
    kind: 'government' as const,
    aliases,
  })),
  ...[['CIA'], ['NSA'], ['IRS'], ['MI5'], ['MI6'], ['GCHQ'], ['KGB'], ['FSB'], ['Interpol'], ['Europol']].map(([name, ...aliases]) => ({
    name: name!,
    kind: 'agency' as const,
    aliases,
  })),
  ...[['United Nations', 'UN', 'U.N.'], ['NATO'], ['OPEC'], ['ASEAN'], ['World Bank']].map(([name, ...aliases]) => ({
    name: name!,
    kind: 'international' as const,
    aliases,
  })),
];

// ---------------------------------------------------------------- name shapes

/** Legal forms that end a company's name. */
const LEGAL_FORMS = new Set(['inc', 'co', 'corp', 'ltd', 'llc', 'llp', 'plc', 'ag', 'sa', 'nv', 'gmbh', 'spa', 'bv', 'pte', 'bhd', 'limited']);

/** Trade words that end firms' names only after a name of their own ("Kestrel Securities"). */
const PLAIN_TRADES = new Set([
  'securities',
  'markets',
  'trading',
  'finance',
  'insurance',
  'assurance',
  'reinsurance',
  'management',
  'advisors',
  'advisers',
  'brokers',
  'brokerage',
  'leasing',
  'payments',
  'realty',
  'retail',
  'stores',
  'airline',
  'hotels',
  'resorts',
  'aerospace',
  'automotive',
  'engineering',
  'manufacturing',
  'healthcare',
]);

/** Last word of an institution's name -> its kind. */
export const INSTITUTION_SUFFIX: Readonly<Record<string, InstitutionKind>> = wordTable({
  ministry: 'government',
  department: 'government',
  government: 'government',
  administration: 'government',
  committee: 'government',
  parliament: 'government',
  assembly: 'government',
  senate: 'government',
  congress: 'government',
  cabinet: 'government',
  office: 'government',
  treasury: 'government',
  embassy: 'government',
  consulate: 'government',
  council: 'agency',
  authority: 'government',
  commission: 'agency',
  bureau: 'agency',
  agency: 'agency',
  police: 'agency',
  service: 'agency',
  command: 'agency',
  board: 'agency',
  directorate: 'agency',
  force: 'agency',
  guard: 'agency',
  unit: 'agency',
  squad: 'agency', // "Serious Fraud Squad", "Flying Squad"
  prosecutors: 'agency',
  prosecution: 'agency', // "Public Prosecution", "Crown Prosecution
  inspectorate: 'agency',
  regulator: 'agency', // "the Pensions Regulator"
  secretariat: 'agency',
  trust: 'other', // "Wellcome Trust", "an NHS trust"
  fund: 'company', // "a pension fund" names none; "Acme Growth Fund" does
  exchange: 'company', // "Shanghai Stock Exchange"
  division: 'agency', // "Criminal Division", "Enforcement Division"
  court: 'court',
  courts: 'court',
  tribunal: 'court',
  party: 'party',
  inc: 'company',
  corp: 'company',
  corporation: 'company',
  co: 'company',
  ltd: 'company',
  limited: 'company', // "Acme Freight Limited": as a name's last word, the legal form spelt out
  llc: 'company',
  llp: 'company',
  plc: 'company',
  ag: 'company',
  sa: 'company',
  nv: 'company',
  gmbh: 'company',
  // Legal forms of other countries: "Airbus SE", "Eni SpA", "Nokia Oyj", "BHP Pty", "Tata Pvt".
  se: 'company',
  spa: 'company',
  bv: 'company',
  oyj: 'company',
  asa: 'company',
  pty: 'company',
  pvt: 'company',
  jsc: 'company',
  pjsc: 'company',
  tbk: 'company',
  srl: 'company',
  sarl: 'company',
  sas: 'company', // "Airbus SAS"
  kk: 'company',
  // Trades that end companies' names: "Brakel Logistics", "Kansai Electronics", "Harlow Analytics".
  analytics: 'company',
  research: 'company',
  oil: 'company', // "Harlan Oil", "Vessa Gas", "Norsk Steel"
  gas: 'company',
  steel: 'company',
  chemicals: 'company',
  cement: 'company',
  textiles: 'company',
  tobacco: 'company',
  software: 'company',
  metals: 'company',
  minerals: 'company',
  semiconductor: 'company',
  beverages: 'company',
  breweries: 'company',
  logistics: 'company',
  mining: 'company',
  resources: 'company',
  petroleum: 'company',
  telecom: 'company',
  telecoms: 'company',
  communications: 'company',
  electronics: 'company',
  investments: 'company',
  entertainment: 'company',
  studios: 'company',
  foods: 'company',
  shipping: 'company',
  construction: 'company',
  properties: 'company',
  enterprises: 'company',
  brands: 'company',
  therapeutics: 'company',
  biotechnology: 'company',
  biosciences: 'company',
  laboratories: 'company',
  productions: 'company',
  pictures: 'company',
  films: 'company',
  records: 'company',
  publishing: 'company',
  // Firms named for their trade: "Dunmore Consulting".
  consulting: 'company',
  solutions: 'company',
  // Finance, insurance and trade: "Kestrel Securities", "Orlin Assurance", "Vantor Asset Management"
  // (suffixKind asks for a name of their own before them).
  bancorp: 'company',
  ...Object.fromEntries([...PLAIN_TRADES].map((w) => [w, 'company' as const])),
  // Football clubs: "Blackburn Rovers", "Wigan Athletic".
  rovers: 'other',
  wanderers: 'other',
  rangers: 'other',
  town: 'other', // "Ipswich Town" (a town's own name, "Cape Town", is known as a place first)
  athletic: 'other',
  albion: 'other',
  racing: 'other', // "Red Bull Racing"
  watch: 'other', // "Human Rights Watch"
  athletics: 'other', // "World Athletics"
  bhd: 'company',
  berhad: 'company', // "Acme Holdings Berhad"
  pte: 'company', // "Acme (Singapore) Pte"
  group: 'company',
  holdings: 'company',
  holding: 'company', // "Koc Holding"
  company: 'company',
  pharma: 'company',
  pharmaceuticals: 'company',
  bank: 'company',
  airlines: 'company',
  airways: 'company',
  motors: 'company',
  partners: 'company',
  associates: 'company',
  international: 'company',
  industries: 'company',
  technologies: 'company',
  systems: 'company',
  networks: 'company',
  energy: 'company',
  capital: 'company',
  ventures: 'company',
  labs: 'company',
  media: 'company',
  newspapers: 'media',
  publications: 'media',
  association: 'other',
  foundation: 'other',
  institute: 'other',
  university: 'other',
  college: 'other',
  union: 'other',
  federation: 'other',
  confederation: 'other',
  consortium: 'company',
  cooperative: 'company',
  syndicate: 'other',
  coalition: 'other',
  academy: 'other',
  centre: 'other', // "the Carter Center", "Analysis Centre"
  center: 'other',
  society: 'other',
  club: 'other',
  united: 'other',
  fc: 'other',
  league: 'other',
  alliance: 'other',
  movement: 'other',
  front: 'other',
  organization: 'other',
  organisation: 'other',
  // News outlets are named for what they publish.
  network: 'media',
  times: 'media',
  post: 'media',
  news: 'media',
  herald: 'media',
  tribune: 'media',
  journal: 'media',
  gazette: 'media',
  observer: 'media',
  daily: 'media',
  press: 'media',
  tv: 'media',
  radio: 'media',
  television: 'media',
  telegraph: 'media',
  chronicle: 'media',
  echo: 'media',
  dispatch: 'media',
  bulletin: 'media',
  ledger: 'media',
  enquirer: 'media',
  globe: 'media',
  mail: 'media',
  mirror: 'media',
  courier: 'media',
  express: 'media', // "Daily Express", "Financial Express"
  inquirer: 'media',
  examiner: 'media',
  sentinel: 'media',
  broadcasting: 'media',
  magazine: 'media',
  weekly: 'media',
  online: 'media',
  digital: 'media',
});
/** Words that open an institution's name before "of", "for" or "on": "Ministry of …", "Conference on …". */
export const INSTITUTION_HEAD: Readonly<Record<string, InstitutionKind>> = wordTable({
  ministry: 'government',
  department: 'government',
  government: 'government',
  office: 'government',
  embassy: 'government',
  centers: 'agency',
  center: 'other',
  centre: 'other',
  bureau: 'agency',
  institute: 'other',
  university: 'other',
  bank: 'company',
  council: 'agency',
  court: 'court',
  division: 'court',
  board: 'agency',
  commission: 'agency',
  committee: 'government',
  agency: 'agency',
  federation: 'other',
  league: 'other',
  organization: 'other',
  organisation: 'other',
  conference: 'international',
  // "Movement for Democratic Change", "Alliance for Democracy", "Detective Branch of the … Police".
  movement: 'party',
  alliance: 'party',
  coalition: 'party',
  front: 'party',
  congress: 'party',
  forum: 'other',
  branch: 'agency',
  news: 'media',
  party: 'party',
  union: 'other',
  association: 'other',
  // "Confederation of African Football", "House of Lords", "Directorate for Priority Crime Investigation".
  confederation: 'other',
  courts: 'court', // "Royal Courts of Justice"
  house: 'government',
  authority: 'government',
  administration: 'government',
  assembly: 'government',
  chamber: 'other',
  directorate: 'agency',
  inspectorate: 'agency',
  secretariat: 'agency',
  tribunal: 'court',
  society: 'other',
  academy: 'other',
  foundation: 'other',
  college: 'other',
  fund: 'other',
  service: 'agency',
});
const knownBySurface = new Map<string, KnownInstitution>();
for (const k of KNOWN) for (const s of [k.name, ...k.aliases]) knownBySurface.set(lowerKey(s), k);
for (const [k, v] of Object.entries(lex)) {
  const tags = Array.isArray(v) ? v : v.split(',');
  if ((tags.includes('Organization') || tags.includes('SportsTeam')) && !knownBySurface.has(k) && k.length > 2) {
    const name = k.length <= 4 ? k.toUpperCase() : k.replace(/\b\p{L}/gu, (ch) => ch.toUpperCase());
    const words = k.split(' ');
    // Short acronyms there are agencies as often as companies ("FBI", "NHS").
    const kind: InstitutionKind = tags.includes('SportsTeam') ? 'other' : (suffixKind(words) ?? (k.length <= 4 ? 'other' : 'company'));
    knownBySurface.set(k, { name, kind, aliases: [] });
  }
}

// Asked of most capitalised runs, several times each: memoised by surface, which spares the lower-casing.
export const lookupInstitution = memo((surface: string): KnownInstitution | undefined => knownBySurface.get(lowerKey(surface)));

/** Lower-case nouns after a person's surname that name a body: "the Trump administration". */
export const PERSON_BODY_NOUNS: Readonly<Record<string, InstitutionKind>> = wordTable({
  administration: 'government',
  campaign: 'other',
  government: 'government',
  foundation: 'other',
  organization: 'other',
});
/** Connectors that may follow an institution's head word inside its name. */
const HEAD_CONNECTORS = new Set(['of', 'for', 'on', 'to']); // "Committee to Protect Journalists"
/** Head words that open bodies' names in French, Spanish, Italian and Portuguese, with and without accents. */
const ROMANCE_HEADS: Readonly<Record<string, InstitutionKind>> = wordTable({
  banco: 'company',
  banque: 'company',
  banca: 'company',
  compagnie: 'company',
  compañía: 'company',
  compania: 'company',
  companhia: 'company',
  société: 'company',
  societe: 'company',
  sociedad: 'company',
  società: 'company',
  groupe: 'company',
  grupo: 'company',
  gruppo: 'company',
  ministerio: 'government',
  ministère: 'government',
  ministere: 'government',
  ministero: 'government',
  ministério: 'government',
  conseil: 'government',
  consejo: 'government',
  consiglio: 'government',
  tribunal: 'court',
  tribunale: 'court',
  corte: 'court',
  cour: 'court',
  partido: 'party',
  parti: 'party',
  partito: 'party',
  club: 'other', // "Club América", "Club Brugge"
  // Police, prosecutors and leagues: "Guardia di Finanza", "Policía Nacional", "Procura di Milano", "Serie A".
  guardia: 'agency',
  polizia: 'agency',
  policía: 'agency',
  policia: 'agency',
  polícia: 'agency',
  procura: 'agency',
  fiscalía: 'agency',
  fiscalia: 'agency',
  serie: 'other',
  // Indonesian and Russian companies put their legal form first: "PT Garuda Indonesia", "OAO Rosbank".
  pt: 'company',
  oao: 'company',
  ooo: 'company',
  zao: 'company',
  pao: 'company',
  // Clubs named in Spanish, Portuguese, French and Italian: "Real Betis", "Atlético Mineiro", "Olympique Lyon".
  real: 'other',
  atlético: 'other',
  atletico: 'other',
  deportivo: 'other',
  sporting: 'other',
  olympique: 'other',
  dinamo: 'other',
  dynamo: 'other',
  agence: 'agency',
  agencia: 'agency',
  agenzia: 'agency',
  autorité: 'agency',
  autorite: 'agency',
  autoridad: 'agency',
  autorità: 'agency',
  comisión: 'agency',
  comision: 'agency',
  commissione: 'agency',
  fédération: 'other',
  federation: 'other',
  federación: 'other',
  federacion: 'other',
  federazione: 'other',
  federação: 'other',
  confédération: 'other',
  confederación: 'other',
  confederação: 'other',
  union: 'other',
  unión: 'other',
  unione: 'other',
  comité: 'other',
  comite: 'other',
  comitato: 'other',
  asociación: 'other',
  asociacion: 'other',
  associação: 'other',
  associazione: 'other',
  instituto: 'other',
  institut: 'other',
  istituto: 'other',
});
const ROMANCE_CONNECTORS = new Set(['de', 'del', 'des', 'du', 'di', 'della', 'do', 'da', 'dos', 'das']);
/** Title words before "of" make a role, not a body: "Commissioner of Police". */
const ROLE_BEFORE_OF = new Set([
  'minister',
  'secretary',
  'commissioner',
  'director',
  'chief',
  'head',
  'chairman',
  'chairperson',
  'chairwoman',
  'president',
  'governor',
  'member',
  'ceo',
  'officer',
  'attorney',
  'general',
]);

function suffixKind(words: string[]): InstitutionKind | undefined {
  if (words.length < 2) return undefined;
  const last = words[words.length - 1]!;
  // "U.S. Securities and …", "National Insurance": a trade word after places and English words only names no firm.
  if (PLAIN_TRADES.has(last)) {
    const named = words
      .slice(0, -1)
      .some((w) => !isCommonWord(w) && !/(?:al|ic|ive|ous|ary)$/.test(w) && lookupPlace(w) === undefined && !isDemonym(w) && !FUNCTION_WORDS.has(w));
    if (!named) return undefined;
  }
  return INSTITUTION_SUFFIX[last];
}

/** The kind an institution's name shape gives, or null. `words` as written. */
export function institutionKindOf(written: string[]): InstitutionKind | null {
  if (written.length < 2) return null;
  // Runs are classified several times over (whole, parts, after stripping): memoised, bounded.
  const key = written.join(' ');
  let kind = kindCache.get(key);
  if (kind === undefined) {
    kind = institutionKindUncached(written);
    if (kindCache.size >= 50_000) kindCache = new Map();
    kindCache.set(key, kind);
  }
  return kind;
}
let kindCache = new Map<string, InstitutionKind | null>();

/** Endings of adjectives that open a body's name before "and" ("Economic and …", "Federal and …"). */
const ADJECTIVE_ENDING = /(?:ic|al|ive|ous|ary|ory|ern|ian|ese|ish|ful|less|able|ible|ant|ent)$/i;

function institutionKindUncached(written: string[]): InstitutionKind | null {
  const words = written.map(norm);
  // "Newcastle United, Portsmouth and Rangers": a list of names, whatever head word the last one has
  // (not "Culture, Media and Sport Committee": a list of plain words inside one name).
  const comma = words.indexOf(',');
  // "Jiangsu Acme Bank Co., Jiangsu Globex Bank Co.": a legal form ends one name; another after the comma is another
  // body (not "Sony Co., Ltd.": a second legal form after the comma).
  for (let k = words.indexOf(','); k > 0; k = words.indexOf(',', k + 1))
    if (LEGAL_FORMS.has(words[k - 1]!) && words[k + 1] !== undefined && !LEGAL_FORMS.has(words[k + 1]!) && k + 2 < words.length) return null;
  const andAfter = comma > 0 ? words.indexOf('and', comma) : -1;
  if (andAfter > comma + 1) {
    const next = words.slice(comma + 1, andAfter);
    const second = next.includes(',') ? next.slice(0, next.indexOf(',')) : next;
    if (second.length > 1 || !isCommonWord(second[0]!)) return null;
  }
  // "Apple Inc and Microsoft Corp", "Oxford University and Harvard University": two bodies when
  // both sides are names of bodies ("Centers for Disease Control and Prevention" is one).
  const and = words.indexOf('and');
  if (and > 0 && !words.slice(0, and).includes(',')) {
    const shapedSide = (side: string[]): boolean =>
      side.length > 0 && (isPartyPlural(side[side.length - 1]!) || (side.length >= 2 && institutionKindOf(side) !== null));
    if (shapedSide(written.slice(0, and)) && shapedSide(written.slice(and + 1))) return null;
    // "Acme Tobu and Globex Heavy Industries": a name of two or more uncommon words before "and" is
    // a body of its own ("Securities and Exchange Commission", "Trinidad and Tobago …" are one name).
    const left = written.slice(0, and);
    // "The BBC and Sky News": an acronym or a known body before "and" is a name of its own.
    const leftName = left[0] === 'The' ? left.slice(1) : left;
    if (leftName.length > 0 && (/^[A-Z]{2,6}$/.test(leftName.join(' ')) || lookupInstitution(leftName.join(' '))) && shapedSide(written.slice(and + 1)))
      return null;
    // So is one such word before a body's name of three words or more ("Ferrari and Red Bull Racing";
    // "Marks and Spencer Group", "Procter and Gamble Co" are one name).
    const right = written.slice(and + 1);
    const minLeft = right.length >= 3 ? 1 : 2;
    // "Economic and Financial Crimes Commission", "Radio and Television Supreme Council": an adjective or a
    // body's own head word alone before "and" opens one name.
    const adjectiveLike = left.length === 1 && (ADJECTIVE_ENDING.test(left[0]!) || INSTITUTION_SUFFIX[norm(left[0]!)] !== undefined);
    const nameLike = left.length >= minLeft && !adjectiveLike && left.every((w) => /^\p{Lu}/u.test(w) && !isCommonWord(w) && !isDemonym(w) && !lookupPlace(w));
    // "Bosnia and Herzegovina …": a place's name across "and" (of a few words: long runs stay linear).
    const placeAcross = left.length <= 3 && right.slice(0, 3).some((_, k) => lookupPlace([...left, 'and', ...right.slice(0, k + 1)].join(' ')) !== undefined);
    // "Acme Sales and Support Inc." is one name: a common word with only a legal form or trade after it names no body alone.
    const bareRight = right.length === 2 && isCommonWord(right[0]!) && suffixKind(right.map(norm)) === 'company';
    if (nameLike && !bareRight && !lookupPlace(left.join(' ')) && !placeAcross && shapedSide(right)) return null;
  }
  // "Southern District of Ohio": a federal court's district is named by its compass point and state.
  if (words.length >= 4 && words[1] === 'district' && words[2] === 'of' && /^(?:northern|southern|eastern|western|central|middle)$/.test(words[0]!))
    return 'court';
  if (words.length === 2 && /^(?:league|division|formula)$/.test(words[0]!) && /^(?:one|two|three|four)$/.test(words[1]!)) return 'other'; // "League Two"
  // "the Fourth Circuit", "the Federal Circuit": a US court of appeals named by its circuit.
  if (
    words.length === 2 &&
    words[1] === 'circuit' &&
    /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|federal|d\.?c\.?)$/.test(words[0]!)
  )
    return 'court';
  const of = words.indexOf('of');
  if (of > 0 && ROLE_BEFORE_OF.has(words[of - 1]!)) return null;
  // "Chief Clerk of the Ministry of Health", "Jane Roe of Acme Holdings Ltd": with no body word
  // before "of", the body is only what follows it; the words before are a person or a role.
  // ("City of London Police", "County of Kent Council": a place's long name before the body's head word is the body's.)
  const placeOf = of === 1 && PLACE_FORMS.has(words[0]!) && of + 2 < words.length && words.lastIndexOf('of') === of;
  if (of > 0 && !placeOf && !words.slice(0, of).some((w) => INSTITUTION_HEAD[w] !== undefined || INSTITUTION_SUFFIX[w] !== undefined)) return null;
  const bySuffix = suffixKind(words);
  if (bySuffix) return bySuffix;
  // "Herald Sun", "Tribune Review": a newspaper's head word need not end its name.
  if (words.length <= 3 && words.some((w) => NEWSPAPER_HEADS.has(w))) return 'media';
  // "Acme Bank UK", "Globex Corp USA": a country's short code after the name marks a national arm.
  const code = written[written.length - 1]!;
  if (words.length >= 3 && /^[A-Z]{2,3}$/.test(code) && lookupPlace(code)) {
    const arm = suffixKind(words.slice(0, -1));
    if (arm) return arm;
  }
  // "Union Cycliste Internationale", "Banco Santander", "Ministerio de Hacienda": names in French, Spanish,
  // Italian and Portuguese put the body's head word first, before a capitalised word or "de", "di", "du".
  // (Not across an English "and": "Real Betis and Valladolid" are two.)
  const romance = and < 0 ? ROMANCE_HEADS[words[0]!] : undefined;
  if (romance && (/^\p{Lu}/u.test(written[1]!) || (ROMANCE_CONNECTORS.has(words[1]!) && /^\p{Lu}/u.test(written[2] ?? '')))) return romance;
  if (words.length < 3) return null;
  for (let k = 0; k + 2 < words.length; k++) {
    const kind = INSTITUTION_HEAD[words[k]!];
    if (kind && HEAD_CONNECTORS.has(words[k + 1]!)) return kind;
  }
  return null;
}

/** Words that open a place's long name before "of": "City of London", "County of Kent". */
const PLACE_FORMS = new Set(['city', 'county', 'borough', 'province', 'municipality', 'state', 'district']);

const NEWSPAPER_HEADS = new Set(['herald', 'gazette', 'tribune', 'chronicle']);

/** Whether a capitalised word is an institution's head on its own: "the Senate", "Parliament". */
export function isBodyWord(word: string): boolean {
  return BODY_WORDS.has(word) || BODY_WORDS.has(norm(word));
}
/** Heads of legislatures and ministries that name one body alone; not "Office", "Committee" (one of many). */
const BODY_WORDS = new Set(
  Object.entries(INSTITUTION_SUFFIX)
    .filter(([w, k]) => k === 'government' && !['office', 'department', 'administration', 'committee', 'embassy', 'consulate', 'government'].includes(w))
    .map(([w]) => w),
);

/**
 * Plural party names: "Democrats", "Republicans", "Social Democrats". Shape: a capitalised
 * plural of a political label (-crats, -icans) that is no demonym ("Americans").
 */
export function isPartyPlural(word: string): boolean {
  if (!word.endsWith('crats') && !word.endsWith('icans')) return false;
  return /^\p{Lu}\p{Ll}+(?:crats|icans)$/u.test(word) && !isDemonym(word);
}

/** Acronyms given in parentheses: "(EFCC)", "(SPOe)": a capital first, two capitals at least. */
export function isAcronymShape(word: string): boolean {
  return /^[A-Z][A-Za-z&.-]{1,9}$/.test(word) && (word.match(/[A-Z]/g)?.length ?? 0) >= 2 && !/^[A-Z][a-z]+$/.test(word);
}

/** Letters and digits that name a group: "G20", "M23", "MI5". */
export const ALNUM_GROUP = /^[A-Z]{1,3}\d{1,2}$/;

// ---------------------------------------------------------------- context

/** Lower-case nouns that say what a name next to them is: "newspaper X", "the X law firm", "X, a rights group". */
const BODY_NOUNS: Readonly<Record<string, InstitutionKind>> = wordTable({
  newspaper: 'media',
  daily: 'media',
  tabloid: 'media',
  broadcaster: 'media',
  outlet: 'media',
  website: 'media',
  portal: 'media',
  magazine: 'media',
  channel: 'media',
  paper: 'media',
  site: 'media',
  publisher: 'media',
  agency: 'agency', // "news agency X" is an outlet: see nounKind
  watchdog: 'agency',
  regulator: 'agency',
  media: 'media',
  company: 'company',
  app: 'company',
  platform: 'company',
  bank: 'company',
  airline: 'company',
  developer: 'company',
  manufacturer: 'company',
  supplier: 'company',
  contractor: 'company',
  provider: 'company',
  utility: 'company',
  operator: 'company',
  firm: 'company',
  maker: 'company',
  shipbuilder: 'company',
  distributor: 'company',
  exporter: 'company',
  refiner: 'company',
  chain: 'company',
  giant: 'company',
  conglomerate: 'company',
  business: 'company', // "X, a business listed on the Milan stock exchange"
  retailer: 'company',
  lender: 'company',
  insurer: 'company',
  carrier: 'company',
  startup: 'company',
  seller: 'company', // "short seller X"
  fund: 'company',
  auditor: 'company',
  broker: 'company',
  brokerage: 'company',
  consultancy: 'company',
  miner: 'company',
  subsidiary: 'company',
  client: 'company', // "the law firm's client Acme" (a person client is named in full first)
  group: 'other',
  club: 'other',
  collective: 'other', // "hacking collective X"
  consortium: 'company',
  syndicate: 'other',
  cartel: 'other',
  // "his then team X", "Spanish outfit X": sports teams.
  team: 'other',
  outfit: 'other',
  franchise: 'other',
  party: 'party',
  ngo: 'other',
  charity: 'other',
});
/** Plural nouns before a list of bodies of one trade: "banks such as X and Y", "the supermarkets: X, Y". */
const PLURAL_BODY_NOUNS: Readonly<Record<string, InstitutionKind>> = wordTable({
  companies: 'company',
  firms: 'company',
  banks: 'company',
  lenders: 'company',
  insurers: 'company',
  airlines: 'company',
  carriers: 'company',
  retailers: 'company',
  supermarkets: 'company',
  chains: 'company',
  brands: 'company',
  carmakers: 'company',
  automakers: 'company',
  miners: 'company',
  operators: 'company',
  clubs: 'other',
  teams: 'other',
  broadcasters: 'media',
  newspapers: 'media',
  websites: 'media',
  magazines: 'media',
  channels: 'media',
  outlets: 'media',
  publishers: 'media',
  tabloids: 'media',
});
/**
 * The kind a plural body noun before tokens[b] gives, across ":", "such as", "including", "like" and
 * the list's earlier items ("retailers: X, Y and Z").
 */
function listOpenerKind(tokens: Token[], b: number): InstitutionKind | undefined {
  let k = b;
  for (let items = 0; items < 12 && k > 0 && (tokens[k]!.cap || /^(?:,|and|&)$/.test(tokens[k]!.text)); items++) k--;
  if (/^(?::|including|like)$/.test(at(tokens, k))) k--;
  else if (at(tokens, k) === 'as' && at(tokens, k - 1) === 'such') k -= 2;
  if (at(tokens, k) === '”' || at(tokens, k) === '"') k--;
  const t = tokens[k];
  return t && (!t.cap || k === 0) ? PLURAL_BODY_NOUNS[t.text.toLowerCase()] : undefined;
}
/**
 * "the Press Gang and Cold Type websites", "the Acme and Globex banks": a plural body noun after two names
 * joined by "and" says what both are.
 */
function coordinatedBodyKind(tokens: Token[], first: number, last: number): InstitutionKind | undefined {
  if (tokens[last]!.possessive) return undefined;
  if (at(tokens, first - 1) === 'and' && tokens[first - 2]?.cap) return PLURAL_BODY_NOUNS[lowerAt(tokens, last + 1)];
  if (at(tokens, last + 1) !== 'and' || !tokens[last + 2]?.cap) return undefined;
  let k = last + 2;
  while (k < last + 7 && tokens[k]?.cap && !tokens[k]!.possessive) k++;
  return tokens[k - 1]?.possessive ? undefined : PLURAL_BODY_NOUNS[lowerAt(tokens, k)];
}
/** Lower-case words after a name that say it is an outlet: "a X report", "X journalist". */
const MEDIA_AFTER = new Set([
  'report',
  'reports',
  'reported',
  'reporting',
  'journalist',
  'journalists',
  'reporter',
  'reporters',
  'correspondent',
  'editor',
  'columnist',
  'newspaper',
  'website',
  'interview',
  'poll',
  // "a Daily Herald article", "a Channel 9 documentary": what an outlet publishes or airs.
  'article',
  'articles',
  'editorial',
  'op-ed',
  'documentary',
  'broadcast',
]);
/**
 * Officers after a name that make it a company's: "the Helvor chairman and founder", "a Vantorix co-founder".
 * Not before a name ("Leeds chairman Jane Roe" is a club's, as clubContext says).
 */
const COMPANY_OFFICERS_AFTER = new Set(['ceo', 'cfo', 'coo', 'chairman', 'chairwoman', 'founder', 'co-founder', 'cofounder']);
/** Lower-case words after a name that say it is a company: "X shares", "X's chief executive". */
const COMPANY_AFTER = new Set(['shares', 'stock', 'shareholders', 'subsidiary', 'executives', 'board']);
/**
 * Lower-case nouns between a name and a person's name that make the first name a club's: "Castlebury
 * striker Jane Roe", "Vellmark manager John Doe" (a country before them stays a place: "England captain").
 */
const CLUB_MEMBERS = new Set([
  'striker',
  'midfielder',
  'defender',
  'goalkeeper',
  'keeper',
  'forward',
  'winger',
  'full-back',
  'centre-back',
  'center-back',
  'playmaker',
  'captain',
  'skipper',
  'manager',
  'coach',
  'boss',
  'teammate',
  'chairman',
  // Baseball's, cricket's and American football's positions: "Brother Elephants pitcher X".
  'pitcher',
  'catcher',
  'outfielder',
  'infielder',
  'shortstop',
  'batter',
  'quarterback',
  'batsman',
  'bowler',
  'wicketkeeper',
  'player',
]);
/** Staff nouns after "ex-X": "an ex-Vantorix executive" (not "an ex-Trump aide"). */
export const STAFF_AFTER_EX: ReadonlySet<string> = new Set([
  'executive',
  'executives',
  'employee',
  'employees',
  'staffer',
  'staffers',
  'banker',
  'bankers',
  'trader',
  'traders',
  'manager',
  'director',
  'boss',
  'chief',
]);
/**
 * Words around tokens[first..last] that make the name a club's, even a town's name ("Leeds manager
 * John Doe", "played for Leeds", "joined Leeds from Derby"): "X striker Jane Roe", "signed for X".
 */
/** Results that a score is given for: "a 3-2 defeat at X". */
const RESULTS = new Set(['win', 'victory', 'defeat', 'loss', 'draw', 'triumph', 'thrashing', 'drubbing']);
const SCORE = /^\d{1,3}[-–]\d{1,3}$/;

/** "X's 3-2 defeat at Y", "a 2-0 win over Y": the sides of a match by its score, teams (a nation's are places, known first). */
function scoreLine(tokens: Token[], first: number, last: number): boolean {
  if (tokens[last]!.possessive && SCORE.test(at(tokens, last + 1)) && RESULTS.has(lowerAt(tokens, last + 2))) return true;
  const b = at(tokens, first - 1) === 'the' ? first - 2 : first - 1;
  return /^(?:at|to|against|over|with|by)$/.test(lowerAt(tokens, b)) && RESULTS.has(lowerAt(tokens, b - 1)) && SCORE.test(at(tokens, b - 2));
}

export function clubContext(tokens: Token[], first: number, last: number): boolean {
  const after = lowerAt(tokens, last + 1);
  if (CLUB_MEMBERS.has(after) && tokens[last + 2]?.cap && !tokens[last]!.possessive) return true;
  let b = first - 1;
  if (at(tokens, b) === 'the') b--;
  const before = lowerAt(tokens, b);
  if (
    before === 'for' &&
    /^(?:played|plays|playing|signed|signs|signing|swims|swam|swimming|rides|rode|riding|races|raced|competes|competed|competing)$/.test(at(tokens, b - 1))
  )
    return true;
  if (/^(?:joined|joins|joining)$/.test(before) && at(tokens, last + 1) === 'from') return true;
  // "pitcher for the NC Dinos", "striker for X", "under contract with the X".
  if (before === 'for' && CLUB_MEMBERS.has(lowerAt(tokens, b - 1)) && !isCountryName(at(tokens, first))) return true;
  if (before === 'with' && lowerAt(tokens, b - 1) === 'contract') return true;
  // "players of X", "fans of X", "the game between X and Y".
  if (before === 'of' && /^(?:players|fans|supporters|squad)$/.test(lowerAt(tokens, b - 1))) return true;
  if (before === 'between' && MATCH_WORDS.test(lowerAt(tokens, b - 1))) return true;
  // "players of X and Y": the second of two names shares the first's context.
  if (before === 'and' && tokens[b - 1]?.cap) {
    let start = b - 1;
    while (start > 0 && tokens[start - 1]!.cap) start--;
    return clubContext(tokens, start, b - 1);
  }
  return before === 'from' && /^(?:joined|joins|joining)$/.test(at(tokens, b - 2)) && !!tokens[b - 1]?.cap;
}
const MATCH_WORDS = /^(?:game|games|match|matches|fixture|fixtures|clash|tie|derby)$/;

/** Verbs of running a business: "X, which owns …", "X, which makes …". */
const BUSINESS_VERBS = new Set([
  'owns',
  'operates',
  'runs',
  'employs',
  'makes',
  'sells',
  'produces',
  'manufactures',
  'publishes',
  'supplies',
  'builds',
  'controls',
]);
/** "Torvane, which owns retail chains": what "which" (never "who") says a name does is a company's business. */
function runsBusiness(tokens: Token[], last: number): boolean {
  if (at(tokens, last + 1) !== ',' || at(tokens, last + 2) !== 'which') return false;
  const k = /^(?:also|now|still)$/.test(at(tokens, last + 3)) ? last + 4 : last + 3;
  return BUSINESS_VERBS.has(at(tokens, k));
}

/** What "X's" is followed by when X is a company: "Acme's chief executive", "Acme's board", "Acme's CEO". */
const COMPANY_POSSESSIONS = new Set([
  'ceo',
  'cfo',
  'coo',
  'chairman',
  'chairwoman',
  'board',
  'founder',
  'co-founder',
  'shares',
  'shareholders',
  'subsidiary',
  'auditor',
  'auditors',
]);
function ownedByCompany(tokens: Token[], last: number): boolean {
  let k = last + 1;
  if (/^(?:former|new|interim|then)$/.test(at(tokens, k))) k++; // "Acme's former finance chief"
  const w = norm(at(tokens, k));
  const next = at(tokens, k + 1);
  return (
    COMPANY_POSSESSIONS.has(w) || (w === 'chief' && /^(?:executive|financial|operating)$/.test(next)) || (w === 'finance' && /^(?:chief|director)$/.test(next))
  );
}

/**
 * "Acme was fined £90,000 and its former chief executive £10,000": a sentence's subject that "its" officer
 * or board belongs to, with no other name between them, is a company (a person's would be "his" or "her").
 */
export function subjectOwnsOfficer(tokens: Token[], first: number, last: number): boolean {
  const start = first === 0 || (first === 1 && /^the$/i.test(at(tokens, 0)));
  if (!start || tokens[last]!.possessive) return false;
  for (let k = last + 1; k < last + 16 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.cap || /^(?:[.;:]|he|she|his|her|they|their|who)$/.test(t.text)) return false;
    if (t.text === 'its') return ownedByCompany(tokens, k);
  }
  return false;
}

/**
 * "Acme said it would appeal", "Acme said in a statement": a single name that says "it" or "its"
 * of itself, or speaks in a statement, is a body; a person would be "he" or "she" and is named in full first.
 */
export function speaksAsBody(tokens: Token[], idx: number): boolean {
  if (!/^(?:said|says|added|announced|confirmed|denied|stated)$/.test(at(tokens, idx + 1))) return false;
  const a = at(tokens, idx + 2);
  const b = at(tokens, idx + 3);
  if (a === 'it' || a === 'its') return true;
  return a === 'in' && (b === 'its' || (/^(?:a|an)$/.test(b) && /^(?:statement|filing|release)$/.test(at(tokens, idx + 4))));
}

/** "<title> of X": X is the body the title belongs to; these titles belong to companies. */
const COMPANY_ROLES = new Set([
  'ceo',
  'cfo',
  'coo',
  'chairman',
  'chairwoman',
  'founder',
  'co-founder',
  'shareholder',
  'shareholders',
  'shares',
  'stake',
  'owner',
  'owners',
  'subsidiary',
  'executive',
  'executives',
  'employees',
]);
/** Roles of people set after a name: "X, founder of Acme", "X, the chairman of …". */
const PERSON_ROLES_AFTER = new Set(['founder', 'co-founder', 'chairman', 'chairwoman', 'owner', 'director', 'president', 'chief', 'head', 'ceo', 'boss']);
function personRoleAfter(tokens: Token[], last: number): boolean {
  if (at(tokens, last + 1) !== ',') return false;
  const k = /^(?:a|an|the|its|former)$/.test(at(tokens, last + 2)) ? last + 3 : last + 2;
  return PERSON_ROLES_AFTER.has(lowerAt(tokens, k));
}
/** Staff of a firm before "at" or "with" and its name: "a partner at X", "an analyst with X". */
const STAFF_AT = new Set([
  'partner',
  'partners',
  'analyst',
  'analysts',
  'economist',
  'economists',
  'strategist',
  'strategists',
  'associate',
  'associates',
  'consultant',
  'consultants',
  'banker',
  'bankers',
  'trader',
  'traders',
]);
/** Nouns right after a name that make it a body only in that order ("the X law firm"), not before it. */
const AFTER_ONLY = new Set([
  'group',
  'firm',
  'company',
  'party',
  'movement',
  'alliance',
  'coalition',
  'organisation',
  'organization',
  'chain',
  'conglomerate',
  'lender',
  'insurer',
  'airline',
  'broadcaster',
  'newspaper',
  'daily',
  'weekly',
  'tabloid',
  'portal',
  'outlet',
  'site',
]);

/** "the Sme daily", "the Kestrel law firm": a body noun right after the name makes "the" before it an article. */
export const bodyNounAfter = (tokens: Token[], last: number): boolean =>
  (AFTER_ONLY.has(lowerAt(tokens, last + 1)) || WORK_AFTER.has(lowerAt(tokens, last + 1))) && !tokens[last]!.possessive;
/** What an outlet publishes, after its name: "the Rappler report", "the Kestrel article". */
const WORK_AFTER = new Set(['report', 'article', 'story', 'editorial', 'documentary', 'investigation']);

/** The kind a lower-case noun at tokens[k] names: "newspaper", "news agency", "drugmaker". */
function nounKind(tokens: Token[], k: number): InstitutionKind | undefined {
  const w = tokens[k]!.text;
  const kind = BODY_NOUNS[w] ?? (w.length > 5 && w.endsWith('maker') ? 'company' : undefined);
  return kind === 'agency' && at(tokens, k - 1) === 'news' ? 'media' : kind;
}

/** Words that end an apposition's noun phrase: "X, a telecoms company based in …". */
const PARTICIPLE = /ed$/;

/**
 * "Foro Verde, a local rights group, said", "Acme, another Chinese firm", "Acme is the seventh listed company
 * to …": the head noun of an apposition or of a predicate after the name.
 */
function appositionKind(tokens: Token[], last: number): InstitutionKind | undefined {
  const link = at(tokens, last + 1);
  // "X, one of 12 leading European clubs": the plural noun after "one of" names what X is.
  if (link === ',' && at(tokens, last + 2) === 'one' && at(tokens, last + 3) === 'of') {
    for (let k = last + 4; k < last + 9 && k < tokens.length; k++) {
      const kind = PLURAL_BODY_NOUNS[lowerAt(tokens, k)];
      if (kind) return kind;
      if (FUNCTION_WORDS.has(at(tokens, k)) && at(tokens, k) !== 'the') break;
    }
    return undefined;
  }
  if ((link !== ',' && !/^(?:is|was)$/.test(link)) || !/^(?:a|an|the|another)$/.test(at(tokens, last + 2))) return undefined;
  let head = -1;
  for (let k = last + 3; k < last + 9 && k < tokens.length; k++) {
    const t = tokens[k]!;
    // "X, the German payments firm", "X, a Munich-based lender": a demonym or "-based" place qualifies the noun.
    if (t.cap && (isDemonym(t.text) || /-(?:based|listed|headquartered|registered)$/.test(t.text))) continue;
    if (t.cap || !/^\p{Ll}[\p{Ll}-]*$/u.test(t.text) || FUNCTION_WORDS.has(t.text)) break;
    // "a telecoms company based in …" ends at the participle; "the seventh quoted company" goes on over it.
    if (head >= 0 && PARTICIPLE.test(t.text) && nounKind(tokens, head)) break;
    head = k;
  }
  return head >= 0 ? nounKind(tokens, head) : undefined;
}

/**
 * "He sold the marketing company, Bonus Sports Marketing, to …", "its lender, Vantor Bank.": a name set off by
 * commas right after a body's noun that an article or possessive opens is that body.
 */
function nounBeforeComma(tokens: Token[], first: number, last: number): InstitutionKind | undefined {
  const noun = tokens[first - 2];
  if (at(tokens, first - 1) !== ',' || !noun || noun.cap || !/^[,.;)]$/.test(at(tokens, last + 1) || '.')) return undefined;
  const kind = nounKind(tokens, first - 2);
  if (!kind) return undefined;
  for (let k = first - 3; k >= Math.max(0, first - 5); k--) {
    const w = at(tokens, k).toLowerCase();
    if (/^(?:the|a|an|its|their|his|her)$/.test(w)) return kind;
    if (!w || tokens[k]!.cap || FUNCTION_WORDS.has(w)) return undefined;
  }
  return undefined;
}

const at = (tokens: Token[], k: number): string => tokens[k]?.text ?? '';

/** Lower-case words that a body's initials leave out: "Competition Commission of India" is the CCI. */
const INITIALS_SKIP = new Set(['of', 'and', 'the', 'for', 'on', '&']);

/**
 * "Cricket Ruritania (CR)", "Competition Commission of India (CCI)": the acronym in parentheses at
 * tokens[first] spells the initials of the capitalised words just before it, so it abbreviates them
 * and is no outlet credited at a dateline ("HANOI, Vietnam (NBC) –").
 */
function abbreviatesNameBefore(tokens: Token[], first: number): boolean {
  const acronym = at(tokens, first);
  let initials = '';
  for (let k = first - 2; k >= 0 && initials.length < acronym.length; k--) {
    const t = tokens[k]!;
    // "Anti-Doping Agency of Kenya (ADAK)": each part of a hyphenated word gives its letter.
    if (t.cap)
      initials =
        t.text
          .split('-')
          .map((p) => p.charAt(0).toUpperCase())
          .join('') + initials;
    else if (!INITIALS_SKIP.has(t.text)) break;
  }
  return initials.length >= 2 && initials.endsWith(acronym.toUpperCase());
}
/** The token's text if it is lower case, else "". */
const lowerAt = (tokens: Token[], k: number): string => (tokens[k] && !tokens[k].cap ? tokens[k].text : '');

/**
 * What the words around tokens[first..last] say the name is: an outlet, a company or another
 * body; undefined when they say nothing. `strong` context holds for any name; the weak one
 * ("according to X", "told X") only for a name shaped like an outlet's (an acronym, "The …").
 */
export function institutionContext(tokens: Token[], first: number, last: number): InstitutionKind | undefined {
  let b = first - 1;
  if (at(tokens, b) === 'the' || at(tokens, b) === 'The') b--;
  const before = lowerAt(tokens, b);
  const after = lowerAt(tokens, last + 1);
  const beforeKind = before ? nounKind(tokens, b) : undefined;
  if (beforeKind && !tokens[b]!.possessive) return beforeKind;
  // "his club side Flamengo": the side is the club.
  if (before === 'side' && lowerAt(tokens, b - 1) === 'club') return 'other';
  if (scoreLine(tokens, first, last)) return 'other';
  const listKind = listOpenerKind(tokens, first - 1);
  if (listKind) return listKind;
  const apposed = appositionKind(tokens, last) ?? nounBeforeComma(tokens, first, last);
  if (apposed) return apposed;
  if (MEDIA_AFTER.has(after) && !tokens[last]!.possessive) return 'media';
  // "its Wyeth unit", "Acme's Globex subsidiary": a name between an owner and a part of a company.
  const owned = at(tokens, first - 1) === 'its' || at(tokens, first - 1) === 'their' || !!tokens[first - 1]?.possessive;
  // (Not "the ICC's Anti-Corruption unit": English words there describe the unit, they name no company.)
  const properName = tokens.slice(first, last + 1).some((t) => !isCommonWord(t.text) && !/^(?:anti|pro|counter|non)-/i.test(t.text));
  if (owned && properName && /^(?:unit|subsidiary|arm|affiliate|division|brand)$/.test(after) && !tokens[last]!.possessive) return 'company';
  // "Puma Biotechnology, Inc.": a legal form after a comma.
  if (at(tokens, last + 1) === ',' && /^(?:Inc|Inc\.|LLC|Ltd|Ltd\.|Corp|Corp\.|L\.P\.|LP|PLC|plc)$/.test(at(tokens, last + 2))) return 'company';
  const coordinated = coordinatedBodyKind(tokens, first, last);
  if (coordinated) return coordinated;
  if (COMPANY_AFTER.has(after)) return 'company';
  // "a Pellmora spokesman said": one whose spokesman speaks is a body (a person with one is named in full before).
  // So is one that issues "a Kremlin statement".
  if (/^(?:a|an)$/i.test(at(tokens, first - 1)) && /^(?:spokes(?:man|woman|person)|statement)$/.test(after) && !tokens[last]!.possessive) return 'other';
  // "the Helvor chief executive", "former Helvor chairman and founder Jane Roe": a company's officer after its name.
  if (after === 'chief' && /^(?:executive|financial|operating|technology)$/.test(at(tokens, last + 2))) return 'company';
  if (COMPANY_OFFICERS_AFTER.has(after) && !tokens[last]!.possessive && !tokens[last + 2]?.cap) return 'company';
  if (after === 'client' && tokens[last + 2]?.cap && !tokens[last]!.possessive) return 'company'; // "Hallam Pryce client Acme"
  if (clubContext(tokens, first, last)) return 'other';
  if (runsBusiness(tokens, last)) return 'company';
  // "played for Galatasaray", "signed for Boca Juniors", "joined Zanthe from Orbitel": clubs and employers.
  // "a spokesman for Vellmark said": one word that has a spokesman and no person's name is a body.
  if (first === last && before === 'for' && /^spokes(?:man|woman|person)$/.test(at(tokens, b - 1))) return 'other';
  if (tokens[last]!.possessive && ownedByCompany(tokens, last)) return 'company';
  if (subjectOwnsOfficer(tokens, first, last)) return 'company';
  // "Paris-based Acme", "Oslo-listed Acme" (not "Kerala-based MM Ramchandran, founder of …": a person's role follows).
  if (/-(?:based|listed|headquartered|registered)$/i.test(at(tokens, first - 1)) && !personRoleAfter(tokens, last)) return 'company';
  if ((before === 'of' || before === 'in') && COMPANY_ROLES.has(norm(at(tokens, b - 1)))) return 'company';
  // "a partner at Hallam Pryce", "an analyst with Vantorix", "the law firm of Hallam Pryce": where staff work.
  if ((before === 'at' || before === 'with') && STAFF_AT.has(norm(at(tokens, b - 1)))) return 'company';
  if (before === 'of' && /^(?:firm|firms)$/.test(at(tokens, b - 1))) return 'company';
  // "the Hallam Pryce law firm", "the Kestrel militant group": a body noun after the name, one word between at most.
  if (!tokens[last]!.possessive) {
    for (let k = last + 1; k <= last + 2; k++) {
      const w = lowerAt(tokens, k);
      if (!w || FUNCTION_WORDS.has(w) || PARTICIPLE.test(w) || !/^\p{L}/u.test(w)) break; // not over "X, company director"
      if (AFTER_ONLY.has(w) && at(tokens, k + 1) !== 'of') return BODY_NOUNS[w];
    }
  }
  // A programme or channel someone speaks on: "he said on JoyNews", "speaking on Radio Ruritania".
  // One word shaped like a brand, camel-cased or an acronym ("said on Christmas", "spoke on Capitol Hill" are not).
  const brandShaped = first === last && /\p{Ll}\p{Lu}|^[A-Z]{2,6}$/u.test(at(tokens, first)) && !lookupPlace(at(tokens, first));
  if (brandShaped && before === 'on' && /^(?:said|says|speaking|spoke|appeared|appearing|interviewed)$/.test(lowerAt(tokens, b - 1) ?? '')) return 'media';
  // "first reported in The Lantern", "an op-ed published in the Courier": where a story ran.
  if (before === 'in' && /^(?:reported|published|appeared|printed|ran|writing|wrote)$/i.test(at(tokens, b - 1)) && !lookupPlace(at(tokens, first)))
    return 'media';
  // Sources of news: "per the AP", "cited by X", "as reported by X".
  if (before === 'per' || (before === 'by' && /^(?:cited|reported|published|broadcast|aired)$/.test(at(tokens, b - 1)))) return 'media';
  // A credit in parentheses at a dateline: "HANOI, Vietnam (NBC) –", "31 (X) In …".
  if (at(tokens, first - 1) === '(' && first <= 8 && !abbreviatesNameBefore(tokens, first)) {
    const open = tokens[first - 2];
    // Not a ticker after a company's legal form: "Acme SA (ACME)'s unit".
    const ticker = !!open && (/^(?:SA|AG|NV|SE|PLC|LLC|INC|LTD|SPA|ASA|AB|OAO|PJSC)$/.test(open.text) || !!tokens[last + 1]?.possessive);
    if (!ticker && (!open || open.text === ',' || /\d/.test(open.text) || lookupPlace(open.text) || /^\p{Lu}+$/u.test(open.text))) return 'media';
  }
  // "according to The Hill", "told CNN" (not "according to the FBI": "the" before an acronym is no outlet's).
  const outletShape = tokens[first]!.text === 'The' || (first === last && /^[A-Z]{2,6}$/.test(at(tokens, first)) && at(tokens, first - 1) !== 'the');
  if (!outletShape) return undefined;
  if ((before === 'to' && /^according$/i.test(at(tokens, b - 1))) || before === 'told') return 'media';
  // "The Sun published allegations", "The Clarion reported": a "The" name that publishes, no body word or title in it.
  const named = tokens.slice(first + 1, last + 1);
  if (
    /^(?:reported|published|revealed|wrote|reports|publishes|reveals|writes)$/.test(lowerAt(tokens, last + 1)) &&
    named.length > 0 &&
    named.every((t) => INSTITUTION_SUFFIX[norm(t.text)] === undefined && INSTITUTION_HEAD[norm(t.text)] === undefined && !isTitleWord(t) && !isDemonym(t.text))
  )
    return 'media';
  return undefined;
}

// ---------------------------------------------------------------- governments named with their country

const countryByDemonym = new Map<string, string>();
const countryByCapital = new Map<string, string>();
for (const c of countries) {
  const dem = c.demonyms?.eng;
  if (dem) for (const d of [dem.m, dem.f]) if (d && !countryByDemonym.has(d.toLowerCase())) countryByDemonym.set(d.toLowerCase(), c.name.common);
  for (const cap of c.capital ?? []) countryByCapital.set(cap.toLowerCase(), c.name.common);
}

/** Bodies a country's name or demonym may stand before: "the Indian government", "Mexican Embassy". */
const COUNTRY_BODIES: Readonly<Record<string, string>> = wordTable({
  government: 'Government',
  govt: 'Government',
  embassy: 'Embassy',
  consulate: 'Consulate',
});
export function isCountryBodyNoun(word: string): boolean {
  return COUNTRY_BODIES[word] !== undefined || COUNTRY_BODIES[word.toLowerCase()] !== undefined;
}
/** Nouns after "X government" that make it a modifier: "Russian government officials". */
const MODIFIED_NOUNS = new Set([
  'official',
  'officials',
  'source',
  'sources',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'forces',
  'troops',
  'ministers',
  'employees',
  'agencies',
  'bonds',
  'debt',
  'data',
  'figures',
  'staff',
  'buildings',
  'building',
  'contracts',
  'funding',
  'website',
  'policy',
  'minister',
]);

/**
 * A government body named with its country: the country's name, capital or demonym (`words`)
 * and the body noun after it. Returns the canonical name ("Government of India") and the kind,
 * or undefined when the words are no country or the noun modifies another ("… officials").
 */
export function countryBody(words: string[], noun: string, nextWord: string | undefined): { canonical: string; kind: InstitutionKind } | undefined {
  const body = COUNTRY_BODIES[noun.toLowerCase()];
  if (!body) return undefined;
  if (nextWord !== undefined && MODIFIED_NOUNS.has(nextWord.toLowerCase())) return undefined;
  const surface = words.join(' ');
  const k = surface.toLowerCase();
  const country = countryByDemonym.get(k) ?? countryByCapital.get(k) ?? (lookupPlace(surface) && !isCommonWord(surface) ? lookupPlace(surface) : undefined);
  if (!country) return undefined;
  return { canonical: `${body} of ${country}`, kind: 'government' };
}

/** "Mexican Embassy", "Indian Government": a demonym or country before a government body's noun. */
export function countryBodyAt(tokens: Token[], base: number, span: Token[]): boolean {
  const last = span[span.length - 1]!;
  if (!isCountryBodyNoun(last.text)) return false;
  return !!countryBody(
    span.slice(0, -1).map((t) => t.text),
    last.text,
    tokens[base + span.length]?.text,
  );
}

// ---------------------------------------------------------------- single words

/** Abbreviations of common nouns and titles, not of bodies. */
const GENERAL_ABBREVIATIONS = new Set([
  'PM',
  'MP',
  'CEO',
  'CFO',
  'COO',
  'CTO',
  'GDP',
  'TV',
  'AI',
  'ID',
  'DNA',
  'HIV',
  'VAT',
  'IPO',
  'OK',
  'AM',
  'AIDS',
  'PIN',
  'CCTV',
  'GPS',
  'SUV',
  'ATM',
  'PDF',
  'SMS',
  'USB',
  'DVD',
  'LED',
]);
const COMPASS = /^(?:north|south|east|west)(?:ern)?$/i;
/** Roles after "the X's" that make X a body: "the Kremlin's representative". */
const BODY_ROLES = new Set('representative representatives spokesman spokeswoman spokesperson envoy envoys chief head director officials statement'.split(' '));
/** Verbs of speech after "the X" that make X a speaking body. */
const BODY_SPEECH = new Set(
  'said says say told tells announced announces added stated denied denies confirmed confirms rejected rejects warned warns accused accuses claimed claims insisted declined responded replied urged issued'.split(
    ' ',
  ),
);

/** Lower-case head words of bodies that an acronym after them names: "the athletics federation (RFEA)". */
const ACRONYM_BODY_HEADS = new Set(
  Object.entries(INSTITUTION_SUFFIX)
    .filter(
      ([w, k]) =>
        k !== 'media' &&
        k !== 'company' &&
        ![
          'unit',
          'group',
          'force',
          'service',
          'guard',
          'front',
          'movement',
          'command',
          'watch',
          'racing',
          'athletic',
          'athletics',
          'united',
          'league',
          'club',
        ].includes(w),
    )
    .map(([w]) => w),
);

/**
 * "first information report (FIR)": an acronym defined by lower-case words names no body; but one
 * after a body's head word names that body ("Spain's athletics federation (RFEA)", "the regulator (FCA)").
 */
export function abbreviatesCommonWords(tokens: Token[], idx: number): boolean {
  const before = tokens[idx - 2];
  if (tokens[idx - 1]?.text !== '(' || tokens[idx + 1]?.text !== ')' || !before || before.cap || !/^\p{L}+$/u.test(before.text)) return false;
  // "superintendent of police (SP)": lower-case words that the letters spell, though one is a body's word.
  if (lowerInitials(tokens, idx - 2, tokens[idx]!.text.length) === tokens[idx]!.text) return true;
  return (
    !ACRONYM_BODY_HEADS.has(before.text) &&
    !(BODY_NOUNS[before.text] !== undefined && BODY_NOUNS[before.text] !== 'media' && before.text !== 'group' && before.text !== 'fund')
  );
}

/** The initials, in capitals, of the `count` lower-case words ending at `end` ("of", "and", "the", "for" unspelt). */
function lowerInitials(tokens: Token[], end: number, count: number): string {
  let out = '';
  for (let k = end; k >= 0 && out.length < count; k--) {
    const w = tokens[k]!.text;
    if (!/^[a-z][a-z-]*$/.test(w)) return '';
    if (!/^(of|and|the|for)$/.test(w)) out = w[0]!.toUpperCase() + out;
  }
  return out;
}

/** Words written in capitals for emphasis, not as initials: "he did NOT", "ALL of them". */
const EMPHASIS = new Set(['not', 'all', 'never', 'now', 'yes', 'must', 'any', 'only', 'very', 'more', 'most', 'stop', 'help', 'free', 'new', 'sale']);
/**
 * "The SEC said", "a former SEC attorney", "appealed to CAS": capitals that spell an English word ("sec",
 * "cas") are initials when the words around are written in lower case (not in a headline in capitals).
 */
function acronymOfCommonWord(tokens: Token[], idx: number): boolean {
  const w = at(tokens, idx);
  if (!/^[A-Z]{3,5}$/.test(w) || GENERAL_ABBREVIATIONS.has(w) || EMPHASIS.has(w.toLowerCase()) || FUNCTION_WORDS.has(w.toLowerCase())) return false;
  for (let k = Math.max(0, idx - 3); k <= idx + 3 && k < tokens.length; k++) if (k !== idx && /\p{Ll}/u.test(tokens[k]!.text)) return true;
  return false;
}

/**
 * A single word (tokens[idx]) that is a body unless it turns out to be a person's name: an outlet or company
 * by its context, "the Senate", "the Kremlin" (an unknown name after "the"), an acronym.
 */
export function singleInstitutionHint(
  tokens: Token[],
  idx: number,
  where: { afterThe: boolean; atStart: boolean; articleAtStart: boolean; common: boolean },
): InstitutionKind | undefined {
  const { afterThe, atStart, articleAtStart, common } = where;
  const t = tokens[idx]!;
  // "Company executives said", "Bank shares fell": a noun for bodies, capitalised at a sentence's start, names none.
  const lower = t.text.toLowerCase();
  if (atStart && !afterThe && (BODY_NOUNS[lower] !== undefined || PLURAL_BODY_NOUNS[lower] !== undefined)) return undefined;
  const ctx = institutionContext(tokens, idx, idx);
  if (ctx) return ctx;
  if (isBodyWord(t.text) && (!atStart || afterThe)) return 'government';
  // "…, reports News24.": a name after "reports" that ends the sentence is the outlet reporting it.
  if (
    /^(?:reports|reported)$/.test(at(tokens, idx - 1)) &&
    /^[,”"]$/.test(at(tokens, idx - 2)) &&
    (idx === tokens.length - 1 || /^[.;]$/.test(at(tokens, idx + 1))) &&
    !isGivenName(t.text)
  )
    return 'media';
  // "Treasury chief Sajid Javid", "Fed boss Jane Roe": what a named chief heads is a body.
  if (
    /^(?:chief|boss)$/.test(at(tokens, idx + 1)) &&
    tokens[idx + 2]?.cap &&
    !t.possessive &&
    !/^(?:ex|former)-/i.test(t.text) &&
    !isGivenName(t.text) &&
    !lookupPlace(t.text)
  )
    return 'other';
  if ((common && !acronymOfCommonWord(tokens, idx)) || isTitleWord(t)) return undefined;
  // "tested positive for EPO": a substance, not a body.
  const substance = at(tokens, idx - 1) === 'for' && /^(?:positive|negative)$/.test(at(tokens, idx - 2));
  if (/^[A-Z][A-Z&]{1,5}$/.test(t.text)) return GENERAL_ABBREVIATIONS.has(t.text) || abbreviatesCommonWords(tokens, idx) || substance ? undefined : 'other';
  // "FinCEN", "FinRA": an abbreviation whose last letters are capitals.
  if (/^[A-Z][a-z]{1,4}[A-Z]{2,5}$/.test(t.text) && !substance) return 'other';
  // A broadcaster's call sign: "KTVX-TV", "WJZY-FM" (not "US-UK": two places).
  const callSign = /^[A-Z]{3,5}-(TV|FM|AM|DT)$/.exec(t.text);
  if (callSign) return 'media';
  // "the Kremlin said", "according to the Pentagon": a name after "the" that speaks is a body (not
  // "the Danube", nor "The Hague": a capital "The" inside a sentence belongs to the name).
  const article = tokens[idx - 1]?.text;
  if (afterThe && (article === 'the' || (article === 'The' && articleAtStart)) && !COMPASS.test(t.text)) {
    const next = tokens[idx + 1];
    const speaks = next !== undefined && (t.possessive ? BODY_ROLES.has(next.text) : BODY_SPEECH.has(next.text));
    const source = tokens[idx - 2]?.text === 'to' && /^according$/i.test(tokens[idx - 3]?.text ?? '');
    if (speaks || source) return 'other';
  }
  return undefined;
}

// ---------------------------------------------------------------- teams in sports reports

/** Words only sports reports use much: a document with two of them is a match or a league's story. */
const SPORTS_WORDS = new Set(
  'football footballer footballers referee referees striker midfielder defender goalkeeper fixture fixtures relegation relegated promoted touchline cricket cricketer cricketers wicket wickets innings batsman bowler rugby midfield penalties semi-final quarter-final baseball pitcher pitchers inning basketball hockey umpire quarterback'.split(
    ' ',
  ),
);
/** Whether the sentences read as sports news: two different words of the game at least. */
export function isSportsReport(tokens: Token[][]): boolean {
  const seen = new Set<string>();
  for (const toks of tokens) for (const t of toks) if (!t.cap && SPORTS_WORDS.has(t.text) && seen.add(t.text).size >= 2) return true;
  return false;
}
/** Verbs and nouns of a result before "by", "over", "to", "with" and a team: "defeat by X", "win over X". */
const RESULT_BEFORE: Readonly<Record<string, RegExp>> = {
  by: /^(?:defeat|defeated|beaten|thrashed|held|knocked)$/,
  over: /^(?:win|wins|victory|victories|triumph)$/,
  to: /^(?:lost|lose|loses|losing|loss|defeat|defeats)$/,
  with: /^(?:draw|drew|drawn|draws)$/,
};
/**
 * In a sports report, what the words around tokens[first..last] say of a team: "against X", "defeat by X",
 * "X were awarded a penalty", "X's John Terry", "X footballers". A town's or a given name there is a club's.
 */
export function teamContext(tokens: Token[], first: number, last: number): boolean {
  const before = at(tokens, first - 1);
  if (/^(?:against|beat|beating|beats|versus|vs)$/.test(before)) return true;
  const result = RESULT_BEFORE[before];
  if (result && result.test(at(tokens, first - 2))) return true;
  const t = tokens[last]!;
  const next = tokens[last + 1];
  if (t.possessive) return !!next?.cap && !isTitleWord(next) && !next.possessive; // "Liverpool's Luis Suarez", "Everton's Moyes"
  if (/^(?:footballers|players|cricketers|squad)$/.test(next?.text ?? '')) return true;
  // "West Bromwich were awarded a penalty": British reports put a team's name with a plural verb (not "fans in
  // Leeds were arrested": a town after a preposition of place is the place).
  if (/^(?:in|at|from|to|near|of|into|outside|around)$/i.test(before)) return false;
  return /^(?:were|have)$/.test(next?.text ?? '') && !!tokens[last + 2] && !tokens[last + 2]!.cap;
}
