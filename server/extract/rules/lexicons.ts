/**
 * General word lists. Nothing here comes from a particular article: titles, honorifics,
 * well-known outlets and bodies and institution-name patterns (places are in places.ts).
 */
import compromise from 'compromise';
import type { InstitutionKind } from '../types.js';

export const lex = (compromise.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

/** compromise's lexicon tags of a word (lower-cased), none when it is not listed. */
export function tagsOf(word: string): string[] {
  const t = lex[word.toLowerCase()];
  return t === undefined ? [] : Array.isArray(t) ? t : t.split(',');
}

export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'rev', 'madam']);

/** Words that make up job titles; a run of them before a name is a role, not part of the name. */
export const TITLE_WORDS = new Set([
  'president',
  'vice',
  'secretary',
  'minister',
  'prime',
  'foreign',
  'deputy',
  'senator',
  'sen',
  'rep',
  'representative',
  'governor',
  'gov',
  'mayor',
  'attorney',
  'general',
  'speaker',
  'chief',
  'prosecutor',
  'senior',
  'counsel',
  'director',
  'commissioner',
  'assistant',
  'judge',
  'justice',
  'chancellor',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'chairman',
  'chairwoman',
  'chair',
  'ceo',
  'ambassador',
  'gen',
  'col',
  'lt',
  'sgt',
  'officer',
  'detective',
  'inspector',
  'superintendent',
  'leader',
  'premier',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'executive',
  'founder',
  'former',
  'ex',
  'congressman',
  'congresswoman',
  'lawmaker',
  'party',
  'state',
  'house',
  'acting',
  'interim',
  'emir',
  'sheikh',
  'crown',
  'defense',
  'defence',
  'finance',
  'interior',
  'health',
  'trade',
  'home',
  'transport',
  'agent',
  'special',
  'professor',
  'lawyer',
  'captain',
  'commander',
  'admiral',
  'lieutenant',
  'sergeant',
  'colonel',
  'major',
  'councillor',
  'councilman',
  'mp',
  'mep',
  'democrat',
  'republican',
  'sheriff',
  'constable',
  'treasurer',
  'envoy',
  'consul',
]);
/** Party labels before a name are titles that are not used as part of an alias. */
export const LABEL_WORDS = new Set(['democrat', 'republican', 'former', 'ex', 'acting', 'interim']);
/** Words that may follow "of" inside a title: "Minister of Public Security", "Secretary of State". */
export const TITLE_DOMAIN_WORDS = new Set([
  'state',
  'public',
  'security',
  'defense',
  'defence',
  'foreign',
  'affairs',
  'home',
  'justice',
  'finance',
  'trade',
  'commerce',
  'health',
  'education',
  'interior',
  'transport',
  'transportation',
  'energy',
  'labor',
  'labour',
  'agriculture',
  'treasury',
  'homeland',
  'internal',
  'external',
  'national',
  'economy',
  'industry',
  'culture',
  'media',
  'sport',
  'environment',
  'information',
  'staff',
  'the',
  'communications',
  'intelligence',
  'police',
  'investigation',
  'and',
  'relations',
  'development',
  'planning',
  'housing',
  'science',
  'technology',
  'veterans',
  'war',
  'operations',
]);

export const MONTHS_DAYS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'tomorrow',
  'yesterday',
]);

/** Closed-class words that are capitalised only because they start a sentence or a headline. */
export const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor so yet for of in on at by to from with without about into over under after before during ' +
    'since until as than that this these those there here it its he she they we i you him her them us our their his my ' +
    'your who whom whose which what when where why how all both each every some any no not none one two three many ' +
    'most more several such other another also even still then now however although though while if because despite ' +
    'according throughout recently meanwhile instead right is are was were be been being has have had do does did ' +
    'will would can could may might must shall should up down out off across between among against per via'
  ).split(' '),
);

const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName']);
const NOT_COMMON_TAGS = new Set([...NAME_TAGS, 'LastName', 'ProperNoun', 'Organization', 'City', 'Country', 'Place', 'Region', 'SportsTeam']);

/**
 * Memo for pure word -> answer functions over the static lexicons. Bounded: cleared when it
 * grows past `max` entries, so memory stays flat over any number of documents.
 */
export function memo<T>(fn: (word: string) => T, max = 50_000): (word: string) => T {
  let cache = new Map<string, T>();
  return (word: string): T => {
    let v = cache.get(word);
    if (v === undefined && !cache.has(word)) {
      v = fn(word);
      if (cache.size >= max) cache = new Map();
      cache.set(word, v);
    }
    return v as T;
  };
}

export const isFirstName = memo((word: string): boolean => tagsOf(word).some((t) => NAME_TAGS.has(t)));

/** A lower-case English word (in compromise's lexicon, possibly inflected) rather than a name. */
export const isCommonWord = memo(isCommonWordUncached);

function isCommonWordUncached(word: string): boolean {
  const w = word.toLowerCase();
  if (FUNCTION_WORDS.has(w) || MONTHS_DAYS.has(w)) return true;
  const forms = [
    w,
    w.replace(/s$/, ''),
    w.replace(/es$/, ''),
    w.replace(/ies$/, 'y'),
    w.replace(/ed$/, ''),
    w.replace(/ed$/, 'e'),
    w.replace(/ing$/, ''),
    w.replace(/ly$/, ''),
  ];
  for (const f of forms) {
    if (f.length < 2) continue;
    const tags = tagsOf(f);
    if (tags.length === 0) continue;
    if (tags.some((t) => NOT_COMMON_TAGS.has(t))) return false;
    return true;
  }
  return false;
}

const RIGHT_QUOTE = /’/g;
/** Lower-case lookup key; ’ and ' are the same. */
export const lowerKey = (surface: string): string => {
  const k = surface.toLowerCase();
  return k.includes('’') ? k.replace(RIGHT_QUOTE, "'") : k;
};

// ---------------------------------------------------------------- institutions

export interface KnownInstitution {
  name: string;
  kind: InstitutionKind;
  aliases: string[];
}

const KNOWN: KnownInstitution[] = [
  // Media outlets (general list of well-known outlets and wires).
  ...[
    ['The New York Times', 'New York Times', 'NYT', 'The NYT'],
    ['The Washington Post', 'Washington Post'],
    ['The Wall Street Journal', 'Wall Street Journal', 'WSJ'],
    ['The Hill'],
    ['CNN'],
    ['NBC', 'NBC News'],
    ['ABC', 'ABC News'],
    ['CBS', 'CBS News'],
    ['Fox News'],
    ['MSNBC'],
    ['BBC'],
    ['Reuters'],
    ['Associated Press', 'AP'],
    ['AFP', 'Agence France-Presse'],
    ['Bloomberg'],
    ['The Guardian', 'Guardian'],
    ['The Times'],
    ['The Telegraph'],
    ['Financial Times', 'FT'],
    ['The Straits Times', 'Straits Times'],
    ['McClatchy'],
    ['Politico'],
    ['Axios'],
    ['Al Jazeera', 'Aljazeera'],
    ['RIA Novosti', 'RIA-Novosti'],
    ['TASS'],
    ['Xinhua'],
    ['Global Times'],
    ['South China Morning Post', 'SCMP'],
    ['MENAFN'],
    ['Channel 4 News'],
    ['Sky News'],
    ['The Economist'],
    ['Newsweek'],
    ['USA Today'],
    ['Los Angeles Times', 'LA Times'],
    ['NPR'],
    ['PBS'],
    ['Daily Mail'],
    ['The Sun'],
    ['News of the World'],
    ['The Independent'],
    ['Kyodo'],
    ['Yonhap'],
    ['Asia News Network'],
    ['KQED'],
    ['Nikkei'],
    ['Le Monde'],
    ['Der Spiegel'],
    ['Deutsche Welle', 'DW'],
    ['The Atlantic'],
    ['The New Yorker'],
    ['Vox'],
    ['BuzzFeed News'],
    ['HuffPost'],
    ['Breitbart'],
    ['Newsmax'],
    ['The Daily Beast'],
    ['ProPublica'],
    ['Channel NewsAsia', 'CNA'],
    ['The Intercept'],
    ['Interfax'],
    ['Sputnik'],
    ['RT'],
    ['CCTV'],
  ].map(([name, ...aliases]) => ({ name: name!, kind: 'media' as const, aliases })),
  ...[
    ['Kremlin'],
    ['White House'],
    ['Pentagon'],
    ['Congress'],
    ['Senate'],
    ['State Department'],
    ['Justice Department', 'Department of Justice', 'DOJ'],
    ['Home Office'],
    ['Foreign Office'],
    ['Downing Street'],
    ['Parliament'],
    ['Supreme Court'],
  ].map(([name, ...aliases]) => ({ name: name!, kind: (name === 'Supreme Court' ? 'court' : 'government') as InstitutionKind, aliases })),
  ...[
    ['FBI', 'Federal Bureau of Investigation'],
    ['CIA', 'Central Intelligence Agency'],
    ['NSA', 'National Security Agency'],
    ['DEA'],
    ['FDA', 'Food and Drug Administration'],
    ['Centers for Disease Control and Prevention', 'CDC'],
    ['SEC', 'Securities and Exchange Commission'],
    ['IRS'],
    ['MI5'],
    ['MI6'],
    ['GCHQ'],
    ['KGB'],
    ['FSB'],
    ['Interpol'],
  ].map(([name, ...aliases]) => ({ name: name!, kind: 'agency' as const, aliases })),
  ...[
    ['United Nations', 'UN', 'U.N.'],
    ['NATO'],
    ['European Union', 'EU'],
    ['World Health Organization', 'WHO'],
    ['International Monetary Fund', 'IMF'],
    ['World Bank'],
    ['World Trade Organization', 'WTO'],
    ['OPEC'],
    ['ASEAN'],
    ['G7'],
    ['G20'],
    ['International Criminal Court', 'ICC'],
  ].map(([name, ...aliases]) => ({ name: name!, kind: 'international' as const, aliases })),
  ...[['Formula One', 'F1'], ['FIFA'], ['UEFA'], ['Premier League'], ['International Olympic Committee', 'IOC'], ['Red Cross']].map(([name, ...aliases]) => ({
    name: name!,
    kind: 'other' as const,
    aliases,
  })),
];
const knownBySurface = new Map<string, KnownInstitution>();
for (const k of KNOWN) for (const s of [k.name, ...k.aliases]) knownBySurface.set(s.toLowerCase(), k);
for (const [k, v] of Object.entries(lex)) {
  const tags = Array.isArray(v) ? v : v.split(',');
  if ((tags.includes('Organization') || tags.includes('SportsTeam')) && !knownBySurface.has(k) && k.length > 2) {
    const name = k.length <= 4 ? k.toUpperCase() : k.replace(/\b\p{L}/gu, (ch) => ch.toUpperCase());
    knownBySurface.set(k, { name, kind: tags.includes('SportsTeam') ? 'other' : 'company', aliases: [] });
  }
}

export function lookupInstitution(surface: string): KnownInstitution | undefined {
  return knownBySurface.get(lowerKey(surface));
}

/** Last word of an institution's name -> its kind. */
export const INSTITUTION_SUFFIX: Record<string, InstitutionKind> = {
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
  prosecutors: 'agency',
  inspectorate: 'agency',
  court: 'court',
  courts: 'court',
  tribunal: 'court',
  party: 'party',
  inc: 'company',
  'inc.': 'company',
  corp: 'company',
  'corp.': 'company',
  corporation: 'company',
  ltd: 'company',
  llc: 'company',
  plc: 'company',
  group: 'company',
  holdings: 'company',
  company: 'company',
  pharma: 'company',
  pharmaceuticals: 'company',
  bank: 'company',
  airlines: 'company',
  motors: 'company',
  chambers: 'company',
  partners: 'company',
  associates: 'company',
  international: 'company',
  media: 'company',
  industries: 'company',
  technologies: 'company',
  systems: 'company',
  energy: 'company',
  capital: 'company',
  ventures: 'company',
  labs: 'company',
  association: 'other',
  foundation: 'other',
  institute: 'other',
  university: 'other',
  college: 'other',
  union: 'other',
  federation: 'other',
  society: 'other',
  club: 'other',
  united: 'other',
  fc: 'other',
  league: 'other',
  network: 'media',
  times: 'media',
  post: 'media',
  news: 'media',
  herald: 'media',
  tribune: 'media',
  journal: 'media',
  gazette: 'media',
};
/** First word that makes a name an institution: "Centers for …", "Ministry of …". */
export const INSTITUTION_HEAD: Record<string, InstitutionKind> = {
  ministry: 'government',
  department: 'government',
  office: 'government',
  centers: 'agency',
  center: 'other',
  centre: 'other',
  bureau: 'agency',
  institute: 'other',
  university: 'other',
  bank: 'company',
  council: 'agency',
  court: 'court',
  board: 'agency',
  commission: 'agency',
  committee: 'government',
  agency: 'agency',
  federation: 'other',
  league: 'other',
  organization: 'other',
  organisation: 'other',
};
/** Lower-case nouns after a person's surname that name a body: "the Trump administration". */
export const PERSON_BODY_NOUNS: Record<string, InstitutionKind> = {
  administration: 'government',
  campaign: 'other',
  government: 'government',
  foundation: 'other',
  organization: 'other',
};
/** Plural party names. */
export const PARTIES: Record<string, string> = {
  democrats: 'Democratic Party',
  republicans: 'Republican Party',
  conservatives: 'Conservative Party',
  tories: 'Conservative Party',
};
