/**
 * The synthetic graph bench:api reads: newsgraph's own data model (docs/data-model.md) at a newsroom
 * archive's scale. Entities are reused with a Zipf-like skew, so a few are hubs with thousands of links
 * (a Blinken), most have a handful. Deterministic: the same graph on every run.
 *
 * The rows are generated here and sent as small lists of numbers (JavaScript numbers reach Cypher as
 * floats, hence toInteger); ids and names are assembled by the server from them, which keeps Bolt
 * encoding from dominating a build of a million nodes.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { Database } from '../server/db/database.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../server/db/embedded.js';
import { applySchema } from '../server/db/schema.js';
import { PROJECT_ROOT } from '../server/paths.js';
import { rng } from '../scripts/corpus.js';

export interface ApiGraphScale {
  entities: number;
  documents: number;
  mentionsPerDocument: number;
  interactionsPerDocument: number;
  /**
   * Documents with an article's worth of text (bench:search): about this many sentences each, written from
   * a vocabulary about the document's own entities, with the interactions' evidence sentences inside it at
   * their offsets, and a `publishedAt`. Without it a document's text is one line (bench:api, bench:curate).
   */
  sentencesPerDocument?: number;
}

export const INTERACTION_TYPES = ['MET', 'ASKED', 'WARNED', 'ACCUSED', 'SANCTIONED', 'CHARGED', 'DENIED', 'PRAISED', 'SUED', 'URGED'];

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'sa',
  'to',
  'vel',
  'dri',
  'an',
  'bo',
  'che',
  'du',
  'el',
  'fa',
  'gor',
  'ha',
  'is',
  'jun',
  'ki',
  'lan',
  'mo',
  'ne',
  'os',
  'pa',
  'qui',
  'ra',
  'si',
  'tu',
  'ul',
  'va',
  'wen',
  'ya',
  'zo',
  'bar',
  'cor',
  'dan',
];

function word(n: number, syllables: number): string {
  let w = '';
  for (let i = 0; i < syllables; i++) {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return w[0]!.toUpperCase() + w.slice(1);
}

/** Given names and surnames the server combines into an entity's name: 600 × 40,000 distinct pairs. */
export const GIVEN_NAMES = Array.from({ length: 600 }, (_, i) => word(i * 7 + 3, 2));
export const SURNAMES = Array.from({ length: 40_000 }, (_, i) => word(i * 13 + 5, 3));

/** The name of entity i, as the server builds it (bench:api searches for parts of it). */
export function entityName(i: number): string {
  return `${GIVEN_NAMES[i % GIVEN_NAMES.length]} ${SURNAMES[Math.floor(i / GIVEN_NAMES.length) % SURNAMES.length]}`;
}

/**
 * Words of news prose, most frequent first. Text is drawn from these with a Zipf-like skew, followed by a
 * long tail of made-up words, so a search word may be in most documents ("said"), in some thousands
 * ("pipeline") or in a handful (a tail word), as in a real archive.
 */
export const NEWS_WORDS = (
  'said government minister officials talks year people country president police court report state security week ' +
  'election party former public money deal leader agency company support trade policy foreign military law ' +
  'statement spokesperson investigation evidence campaign office meeting council budget ministry energy border ' +
  'sanctions prosecutors parliament allegations interference contract bank funds payments documents witnesses ' +
  'protest vote crisis talks agreement health water prices market workers union strike election board inquiry ' +
  'corruption fraud bribery lawyers judge trial appeal charges ruling verdict ambassador embassy summit treaty ' +
  'ceasefire refugees aid donors pipeline mining licence tender subsidy tariffs exports imports shipping port ' +
  'airline railway housing schools hospital vaccine outbreak drought floods harvest fishing quotas emissions ' +
  'climate coal nuclear reactor grid blackout satellite hackers leak surveillance intelligence spy dossier ' +
  'laundering offshore shell accounts auditors regulator watchdog scandal resignation reshuffle coalition ' +
  'opposition referendum constitution amendment senate governor mayor province district village capital ' +
  'journalists newspaper broadcaster editor interview whistleblower testimony subpoena warrant raid arrest ' +
  'detention bail sentence prison pardon amnesty extradition asylum visa passport customs smuggling cartel ' +
  'militia rebels troops drones missiles airstrike convoy checkpoint negotiators mediators envoy delegation'
).split(' ');
export const TAIL_WORDS = Array.from({ length: 20_000 }, (_, i) => word(i * 17 + 11, 3).toLowerCase());
const VOCABULARY = [...NEWS_WORDS, ...TAIL_WORDS];
const FUNCTION_WORDS = ['the', 'a', 'of', 'in', 'on', 'to', 'for', 'with', 'about', 'after', 'before', 'over', 'and'];
const VERBS = ['met', 'warned', 'asked', 'accused', 'praised', 'urged', 'criticised', 'called', 'thanked', 'told'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A sentence and its offsets inside a document's text. */
export interface GeneratedSentence {
  text: string;
  start: number;
  end: number;
}

/**
 * A document's text about `names` (its entities'), from `random`: sentences of 8–25 words drawn from the
 * vocabulary, each about one or two of the names; `links` asks for one sentence per interaction ("A met B
 * …"), returned with its offsets so the evidence points into the text as the loader's does.
 */
export function documentText(
  random: () => number,
  title: string,
  names: string[],
  links: [number, number][],
  sentences: number,
): { text: string; evidence: GeneratedSentence[] } {
  const pickWord = () => VOCABULARY[Math.min(VOCABULARY.length - 1, Math.floor(VOCABULARY.length * random() ** 4))]!;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const clause = (n: number) => {
    const out: string[] = [];
    for (let k = 0; k < n; k++) out.push(k % 3 === 1 ? pick(FUNCTION_WORDS) : pickWord());
    return out.join(' ');
  };
  const parts: string[] = [title + '.'];
  let length = parts[0]!.length;
  const evidence: GeneratedSentence[] = [];
  const add = (sentence: string) => {
    const start = length + 1;
    parts.push(sentence);
    length += sentence.length + 1;
    return { text: sentence, start, end: start + sentence.length };
  };
  const linkAt = new Set(links.map((_, k) => Math.floor(((k + 0.5) * sentences) / Math.max(1, links.length))));
  let nextLink = 0;
  const total = Math.max(sentences, links.length);
  for (let s = 0; s < total; s++) {
    if (nextLink < links.length && (linkAt.has(s) || total - s <= links.length - nextLink)) {
      const [a, b] = links[nextLink++]!;
      evidence.push(add(`${names[a]} ${pick(VERBS)} ${names[b]} on ${pick(DAYS)} about the ${clause(2 + Math.floor(random() * 6))}.`));
      continue;
    }
    const subject = names.length && random() < 0.6 ? pick(names) : `The ${pickWord()}`;
    const body = clause(6 + Math.floor(random() * 18));
    add(`${subject} ${random() < 0.5 ? 'said' : pick(VERBS)} ${body}.`);
  }
  return { text: parts.join(' '), evidence };
}

const STATEMENTS = {
  entities: `
    UNWIND range($from, $to - 1) AS i
    CREATE (e:Newsgraph:Entity {id: 'e:' + i, aliases: [], ambiguous: false,
                      name: $given[i % size($given)] + ' ' + $surnames[(i / size($given)) % size($surnames)]})
    FOREACH (_ IN CASE WHEN i % 10 < 6 THEN [1] ELSE [] END | SET e:Person, e.kind = 'person')
    FOREACH (_ IN CASE WHEN i % 10 IN [6, 7, 8] THEN [1] ELSE [] END | SET e:Institution, e.kind = 'institution')
    FOREACH (_ IN CASE WHEN i % 10 = 9 THEN [1] ELSE [] END | SET e:Place, e.kind = 'place')`,
  documents: `
    UNWIND range($from, $to - 1) AS i
    CREATE (:Newsgraph:Document {id: 'd:' + i, title: 'Report ' + i, outlet: 'outlet' + (i % 40) + '.example', format: 'text',
                       sha256: toString(i), text: 'Report ' + i + '. Officials met and spoke about the talks.'})`,
  documentsWithText: `
    UNWIND $documents AS doc
    WITH doc, toInteger(doc[0]) AS i
    CREATE (:Newsgraph:Document {id: 'd:' + i, title: 'Report ' + i, outlet: 'outlet' + (i % 40) + '.example', format: 'text',
                       sha256: toString(i), text: doc[1], publishedAt: doc[2]})`,
  mentions: `
    UNWIND $pairs AS p
    MATCH (e:Newsgraph {id: 'e:' + toInteger(p[0])}), (d:Newsgraph {id: 'd:' + toInteger(p[1])})
    CREATE (e)-[:MENTIONED_IN {count: 1, starts: [0], ends: [6]}]->(d)`,
};

/**
 * One CREATE per relationship type: the rows are unique per (source, type, target), like the loader's.
 * A row is [source, target, document] and, for documents with text, [sentence, start, end] of its evidence.
 */
function interactionStatement(type: string): string {
  return `
    UNWIND $rows AS p
    WITH p, toInteger(p[2]) AS d
    MATCH (a:Newsgraph {id: 'e:' + toInteger(p[0])}), (b:Newsgraph {id: 'e:' + toInteger(p[1])})
    CREATE (a)-[:${type} {documents: 1, evDocs: ['d:' + d], evSentences: [coalesce(p[3], 'Report ' + d + '.')],
                          evStarts: [toInteger(coalesce(p[4], 0))], evEnds: [toInteger(coalesce(p[5], 9))],
                          evHedged: [false], hedged: false}]->(b)`;
}

/** A date from 2015 to 2024, midnight UTC, as the loader writes `publishedAt`. */
function publishedAt(random: () => number): string {
  return new Date(Date.UTC(2015, 0, 1) + Math.floor(random() * 3653) * 86_400_000).toISOString();
}

const BATCH = 20_000;

/** Writes the graph into an empty database, reporting progress; returns the counts written. */
export async function buildApiGraph(
  db: Database,
  scale: ApiGraphScale,
  progress: (message: string) => void,
): Promise<{ nodes: number; relationships: number }> {
  const params = { given: GIVEN_NAMES, surnames: SURNAMES };
  let nodes = 0;
  const ranges = async (total: number, statement: string, label: string) => {
    for (let from = 0; from < total; from += BATCH * 5) {
      const to = Math.min(total, from + BATCH * 5);
      const result = await db.write((tx) => tx.run(statement, { ...params, from: neo4j.int(from), to: neo4j.int(to) }));
      nodes += result.summary.counters.updates().nodesCreated ?? 0;
      progress(`  ${label}: ${to.toLocaleString('en')} / ${total.toLocaleString('en')}`);
    }
  };
  await ranges(scale.entities, STATEMENTS.entities, 'entities');
  const withText = Boolean(scale.sentencesPerDocument);
  // With text, each document is written with its text just before its mentions (the text is about them).
  if (!withText) await ranges(scale.documents, STATEMENTS.documents, 'documents');

  const random = rng(2026);
  // The text has its own generator, so the graph's structure is the same with text as without.
  const textRandom = rng(2027);
  let documents: unknown[][] = [];
  // Zipf-like: entity 0 is the biggest hub, the tail is mentioned about once.
  const pick = () => Math.min(scale.entities - 1, Math.floor(scale.entities * random() ** 2.2));
  const seen = new Set<string>();
  let pairs: number[][] = [];
  const byType = new Map<string, (string | number)[][]>();
  let relationships = 0;
  const flush = async (force: boolean, d: number) => {
    const interactionRows = [...byType.values()].reduce((n, rows) => n + rows.length, 0);
    if (!force && pairs.length < BATCH && interactionRows < BATCH) return;
    relationships += await db.write(async (tx) => {
      if (documents.length) nodes += (await tx.run(STATEMENTS.documentsWithText, { documents })).summary.counters.updates().nodesCreated ?? 0;
      let created = (await tx.run(STATEMENTS.mentions, { pairs })).summary.counters.updates().relationshipsCreated ?? 0;
      for (const [type, rows] of byType) created += (await tx.run(interactionStatement(type), { rows })).summary.counters.updates().relationshipsCreated ?? 0;
      return created;
    });
    pairs = [];
    documents = [];
    byType.clear();
    progress(`  relationships: ${relationships.toLocaleString('en')} (documents ${(d + 1).toLocaleString('en')} / ${scale.documents.toLocaleString('en')})`);
  };
  for (let d = 0; d < scale.documents; d++) {
    const members = [...new Set(Array.from({ length: scale.mentionsPerDocument }, pick))];
    for (const e of members) pairs.push([e, d]);
    const rows: [string, (string | number)[]][] = [];
    for (let k = 0; k < scale.interactionsPerDocument; k++) {
      const a = members[Math.floor(random() * members.length)]!;
      const b = members[Math.floor(random() * members.length)]!;
      const type = INTERACTION_TYPES[Math.floor(random() * INTERACTION_TYPES.length)]!;
      const key = `${a}|${type}|${b}`;
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      rows.push([type, [a, b, d]]);
    }
    if (withText) {
      const names = members.map(entityName);
      const links = rows.map(([, [a, b]]) => [members.indexOf(a as number), members.indexOf(b as number)] as [number, number]);
      const { text, evidence } = documentText(textRandom, `Report ${d}`, names, links, scale.sentencesPerDocument!);
      documents.push([d, text, publishedAt(textRandom)]);
      rows.forEach(([, row], k) => row.push(evidence[k]!.text, evidence[k]!.start, evidence[k]!.end));
    }
    for (const [type, row] of rows) {
      if (!byType.has(type)) byType.set(type, []);
      byType.get(type)!.push(row);
    }
    await flush(false, d);
  }
  await flush(true, scale.documents - 1);
  return { nodes, relationships };
}

/** Bump when the generator changes, so a cached store of the old shape is not reused. */
const GRAPH_VERSION = 1;

/**
 * The embedded Neo4j holding the graph at this scale: the store cached under bench/.cache/ when a
 * build finished there before (`fresh` builds it anew), else built now (about 250 s at the default scale).
 */
export async function openApiGraph(
  scale: ApiGraphScale,
  { fresh = false, log }: { fresh?: boolean; log: (message: string) => void },
): Promise<{ home: string; neo4j: EmbeddedNeo4j; db: Database; built: { nodes: number; relationships: number; seconds: number } }> {
  const text = scale.sentencesPerDocument ? `-text${scale.sentencesPerDocument}` : '';
  const home = path.join(PROJECT_ROOT, 'bench', '.cache', `api-graph-v${GRAPH_VERSION}-${scale.entities}-${scale.documents}${text}`);
  const complete = path.join(home, 'complete.json');
  if (fresh || !existsSync(complete)) rmSync(home, { recursive: true, force: true });
  mkdirSync(home, { recursive: true });
  const neo4j = await startEmbeddedNeo4j({ home, boltPort: 0, heap: '2g', pageCache: '2g', onProgress: log });
  const db = new Database({ uri: neo4j.uri, user: neo4j.user, password: neo4j.password, embedded: true });
  await applySchema(db);
  if (existsSync(complete)) {
    const built = JSON.parse(readFileSync(complete, 'utf8')) as { nodes: number; relationships: number; seconds: number };
    log(`Reusing the graph in ${home} (${built.nodes} nodes, ${built.relationships} relationships).`);
    return { home, neo4j, db, built };
  }
  log(`Building the synthetic graph in ${home}…`);
  const start = performance.now();
  const counts = await buildApiGraph(db, scale, log);
  // The full-text index fills in the background; search is measured once it is complete.
  await db.write((tx) => tx.run('CALL db.awaitIndexes(1800)'));
  const built = { ...counts, seconds: (performance.now() - start) / 1000 };
  writeFileSync(complete, JSON.stringify(built));
  log(`Built in ${built.seconds.toFixed(0)} s.`);
  return { home, neo4j, db, built };
}
