/**
 * Deterministic synthetic news articles for benchmarks and load tests: the same corpus on every run, in
 * any amount. Each article has a headline, a dateline lead and paragraphs of news prose (politics,
 * business, courts, crime, diplomacy, sport) about a cast of its own: people with titles and roles,
 * governments, companies, courts and outlets, countries and capitals from the world-countries package.
 * Articles are 2–5 KB, as most news articles are; some start with a `source:` line. Names are made up
 * from common given names and surnames, so entities repeat across articles about as often as in news.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import countriesModule from 'world-countries';
import type { Country } from 'world-countries';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// The package is CommonJS whose export is the array; typings describe an ES default export.
const allCountries: Country[] = Array.isArray(countriesModule)
  ? (countriesModule as Country[])
  : (countriesModule as unknown as { default: Country[] }).default;
/** Country names that take "the" in running text ("the Netherlands", "the United States"). */
const WITH_THE = /\b(Republic|Kingdom|States|Islands|Emirates)\b|^(Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles)$/;
const COUNTRIES = allCountries
  .filter((c) => c.independent && c.capital?.[0] && c.demonyms?.eng?.m)
  .map((c) => ({ name: WITH_THE.test(c.name.common) ? `the ${c.name.common}` : c.name.common, capital: c.capital[0]!, demonym: c.demonyms.eng!.m }));

const words = (s: string) => s.split(' ');
const GIVEN = {
  m: words(
    'James Ahmed Luis Daniel Kenji Ivan Samuel Omar Peter Mateo Ravi Thomas Kwame Andrei Yusuf Paul Hassan Marco Chen Tomasz Jorge David Emeka Lars Arjun Felipe Karim Michael Sergei Hiroshi',
  ),
  f: words(
    'Maria Aisha Sofia Elena Priya Grace Fatima Anna Ingrid Leila Carmen Yuki Olga Nadia Sarah Amara Lucia Mei Helen Zainab Rosa Claire Ama Irina Laura Noor Julia Beatriz Hana Emma',
  ),
};
const SURNAMES = words(
  'Okafor Martinez Novak Tanaka Haddad Kowalski Mensah Fischer Rossi Petrov Silva Nakamura Osei Larsen Dubois Kapoor Moreno Ibrahim Lindqvist Popescu Nguyen Adeyemi Schmidt Costa Yilmaz Horvat Mwangi Alvarez Bianchi Sato Kuznetsov Mahmoud Jensen Oliveira Wójcik Achebe Ferreira Gupta Herrera Varga',
);
const ROLES = words('minister spokesperson director chairman prosecutor adviser ambassador governor senator lawyer analyst economist');
const MINISTRIES = words('Finance Health Defence Justice Energy Interior Trade Education Agriculture Transport');
const COMPANY_ENDINGS = words('Holdings Group Energy Capital Mining Logistics Pharmaceuticals Telecom Motors Bank');
const OUTLET_FORMS = ['The {city} Times', '{country} Daily News', 'the {city} Herald', '{surname} Broadcasting', 'the {demonym} News Agency'];
const CHARGES = ['fraud', 'money laundering', 'bribery', 'tax evasion', 'abuse of office', 'embezzlement', 'insider trading', 'corruption'];
const TOPICS = [
  'energy prices',
  'border security',
  'a new trade agreement',
  'climate finance',
  'public sector wages',
  'water rights',
  'the housing shortage',
  'fishing quotas',
  'debt relief',
  'a ceasefire',
];
const DAYS = words('Monday Tuesday Wednesday Thursday Friday Saturday Sunday');
const MONTHS = words('January February March April May June July August September October November December');
const QUOTES = [
  'We have done nothing wrong and we will prove it in court',
  'This is a serious matter and it deserves a serious answer',
  'Our priority is to protect ordinary families from rising costs',
  'Nobody is above the law, whatever office they hold',
  'The talks were frank, and in places difficult, but they were useful',
  'We expect the full results of the audit within weeks',
  'It is too early to say what this will mean for jobs',
  'These accusations are politically motivated and entirely false',
];

interface Person {
  full: string;
  last: string;
  title: string;
  pronoun: string;
  role: string;
}
interface Cast {
  country: (typeof COUNTRIES)[number];
  other: (typeof COUNTRIES)[number];
  people: Person[];
  ministry: string;
  company: string;
  rival: string;
  outlet: string;
  court: string;
}

/** Article-writing helpers over one random stream: picks, numbers, dates. */
function writer(random: () => number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const money = () => `${pick(['$', '€', '£'])}${int(2, 950)} ${pick(['million', 'million', 'billion'])}`;
  const date = () => `${int(1, 28)} ${pick(MONTHS)}`;
  const shuffled = <T>(list: readonly T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { pick, int, money, date, shuffled, random };
}
type Writer = ReturnType<typeof writer>;

function castOf(w: Writer): Cast {
  const country = w.pick(COUNTRIES);
  let other = w.pick(COUNTRIES);
  if (other === country) other = COUNTRIES[(COUNTRIES.indexOf(country) + 1) % COUNTRIES.length]!;
  const people = Array.from({ length: w.int(3, 6) }, (): Person => {
    const female = w.random() < 0.5;
    const last = w.pick(SURNAMES);
    return { full: `${w.pick(female ? GIVEN.f : GIVEN.m)} ${last}`, last, title: female ? 'Ms' : 'Mr', pronoun: female ? 'she' : 'he', role: w.pick(ROLES) };
  });
  const outlet = w
    .pick(OUTLET_FORMS)
    .replace('{city}', country.capital)
    .replace('{country}', country.name)
    .replace('{surname}', w.pick(SURNAMES))
    .replace('{demonym}', country.demonym);
  return {
    country,
    other,
    people,
    ministry: `the ${country.demonym} Ministry of ${w.pick(MINISTRIES)}`,
    company: `${w.pick(SURNAMES)} ${w.pick(COMPANY_ENDINGS)}`,
    rival: `${country.name.replace(/^the /, '')} ${w.pick(COMPANY_ENDINGS)}`,
    outlet,
    court: w.pick(['the High Court', 'the Supreme Court', `a court in ${country.capital}`, 'the Constitutional Court']),
  };
}

type Sentence = (c: Cast, w: Writer, a: Person, b: Person) => string;

const SENTENCES: Sentence[] = [
  (c, w, a, b) => `${a.full} met ${b.full} in ${c.other.capital} on ${w.pick(DAYS)} to discuss ${w.pick(TOPICS)}, according to a statement from ${c.ministry}.`,
  (c, w, a) => `"${w.pick(QUOTES)}," ${a.last} told ${c.outlet} in an interview.`,
  (c, w, a) =>
    `Prosecutors allege that ${a.full} took part in a scheme to divert ${w.money()} from public contracts between ${w.int(2012, 2018)} and ${w.int(2019, 2025)}.`,
  (c, w, a) => `${a.title} ${a.last}, who denies any wrongdoing, was charged with ${w.pick(CHARGES)} and is due to appear before ${c.court} next month.`,
  (c, w) =>
    `${c.company} said its revenue rose ${w.int(2, 40)} per cent to ${w.money()} in the ${w.pick(['first', 'second', 'third', 'fourth'])} quarter, ahead of analysts' forecasts.`,
  (c, w, a, b) =>
    `The agreement, signed by ${a.last} and ${b.last} in ${c.country.capital}, commits both governments to ${w.pick(TOPICS)} over the next ${w.int(2, 10)} years.`,
  (c, w, a) => `${c.rival} accused ${c.company} of breaking competition rules, a claim ${a.last}'s office called "politically motivated".`,
  (c) => `Officials in ${c.other.capital} declined to comment, and ${c.ministry} did not respond to a request for comment.`,
  (c, w, a, b) => `${b.full}, a lawyer for ${a.last}, said ${a.pronoun} would plead not guilty and accused investigators of leaking documents to the press.`,
  (c, w) =>
    `According to ${c.outlet}, ${w.int(3, 90)} people were arrested in ${c.country.capital} after protests over ${w.pick(TOPICS)} turned violent on ${w.pick(DAYS)}.`,
  (c, w, a) => `The ${c.country.demonym} government has faced mounting criticism over ${w.pick(TOPICS)} since ${a.last} took office in ${w.int(2015, 2025)}.`,
  (c, w, a) => `Speaking at a news conference in ${c.country.capital}, ${a.title} ${a.last} said the government would publish its plans by ${w.date()}.`,
  (c, w) => `The competition authority fined ${c.company} ${w.money()} on ${w.pick(DAYS)} for failing to disclose payments to a consultant in ${c.other.name}.`,
  (c) => `In a statement, ${c.ministry} said it was "deeply concerned" by the reports and called for an independent investigation.`,
  (c, w) =>
    `Analysts said the decision could ${w.pick(['delay the budget', 'weaken the currency', 'push up borrowing costs', 'strain relations with neighbouring states'])} and warned that investors were watching closely.`,
  (c, w, a) =>
    `${a.full} resigned as ${a.role} on ${w.pick(DAYS)}, citing ${w.pick(['personal reasons', 'differences over strategy', 'ill health', 'the investigation'])}.`,
  (c, w, a) => `${a.full} was arrested in ${c.other.capital} on suspicion of ${w.pick(CHARGES)} and later released on bail, police said.`,
  (c, w, a, b) =>
    `${a.last} criticised ${b.last} for ${w.pick(['ignoring the warnings', 'delaying the vote', 'refusing to meet the unions', 'the cost of the project'])}, saying the plan would hurt small businesses.`,
  (c, w) =>
    `Under the deal, ${c.company} will buy a ${w.int(5, 60)} per cent stake in ${c.rival} for ${w.money()}, subject to approval by regulators in ${c.other.name}.`,
  (c, w, a) => `"${w.pick(QUOTES)}," ${a.title} ${a.last} said. "We will keep working with our partners in ${c.other.name}."`,
  (c, w) => `A report published on ${w.date()} found that ${w.int(10, 80)} per cent of households in ${c.country.name} had cut spending on food.`,
  (c, w, a) => `${a.last} visited ${c.other.capital} last week, the first visit by a ${c.country.demonym} ${a.role} since ${w.int(1998, 2020)}.`,
  (c, w, a, b) =>
    `${c.country.name} beat ${c.other.name} ${w.int(2, 4)}-${w.int(0, 1)} in ${c.country.capital} on ${w.pick(DAYS)}, with ${a.full} scoring twice after the break and ${b.last} sent off late on.`,
  (c, w, a) => `${a.title} ${a.last}, ${w.int(38, 71)}, has served as ${a.role} since ${w.int(2010, 2024)} and was previously an adviser to the central bank.`,
  (c, w) => `Talks between ${c.country.name} and ${c.other.name} are expected to resume in ${w.pick(MONTHS)}, two diplomats familiar with the matter said.`,
];

function headlineOf(c: Cast, w: Writer): string {
  const a = c.people[0]!;
  return w.pick([
    `${a.last} denies ${w.pick(CHARGES)} charges`,
    `${c.country.name} and ${c.other.name} agree to talks on ${w.pick(TOPICS)}`,
    `${c.company} profit jumps as demand recovers`,
    `Protests spread in ${c.country.capital} over ${w.pick(TOPICS)}`,
    `${c.country.demonym} ${a.role} resigns amid investigation`,
  ]);
}

const capitalised = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** A function that returns a new article on each call: same seed, same articles in the same order. */
export function articleMaker(seed = 42): () => string {
  const w = writer(rng(seed));
  let n = 0;
  return () => {
    const c = castOf(w);
    const person = () => w.pick(c.people);
    // Sentence forms are dealt like cards, so an article repeats one only after using them all.
    let deck: Sentence[] = [];
    const sentence = () => {
      if (!deck.length) deck = w.shuffled(SENTENCES);
      const a = person();
      let b = person();
      if (b === a) b = c.people[(c.people.indexOf(a) + 1) % c.people.length]!;
      return capitalised(deck.pop()!(c, w, a, b));
    };
    const lead = c.people[0]!;
    lead.role = `${w.pick(['finance', 'foreign', 'trade', 'health', 'energy'])} minister`;
    const header = w.random() < 0.3 ? `source: https://news.example.com/${w.int(2020, 2026)}/article-${++n}\n` : '';
    const paragraphs = [
      capitalised(headlineOf(c, w)),
      `${c.country.capital.toUpperCase()} — ${lead.full}, the ${c.country.demonym} ${lead.role}, said on ${w.pick(DAYS)} that ${w.pick(TOPICS)} would top the agenda when ministers meet in ${c.other.capital} next month. ${sentence()}`,
    ];
    const target = 2000 + w.random() * 3000;
    let bytes = paragraphs.join('\n\n').length;
    while (bytes < target) {
      const paragraph = Array.from({ length: w.int(1, 3) }, sentence).join(' ');
      paragraphs.push(paragraph);
      bytes += paragraph.length + 2;
    }
    return `${header}${paragraphs.join('\n\n')}\n`;
  };
}

/** Writes `count` articles as .txt files under `dir` (1,000 per sub-folder); returns their bytes. */
export function writeCorpus(dir: string, count: number, seed = 42): number {
  const make = articleMaker(seed);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const text = make();
    writeFileSync(path.join(sub, `${String(i).padStart(6, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
