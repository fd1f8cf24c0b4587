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
  mentions: `
    UNWIND $pairs AS p
    MATCH (e:Newsgraph {id: 'e:' + toInteger(p[0])}), (d:Newsgraph {id: 'd:' + toInteger(p[1])})
    CREATE (e)-[:MENTIONED_IN {count: 1, starts: [0], ends: [6]}]->(d)`,
};

/** One CREATE per relationship type: the rows are unique per (source, type, target), like the loader's. */
function interactionStatement(type: string): string {
  return `
    UNWIND $rows AS p
    WITH p, toInteger(p[2]) AS d
    MATCH (a:Newsgraph {id: 'e:' + toInteger(p[0])}), (b:Newsgraph {id: 'e:' + toInteger(p[1])})
    CREATE (a)-[:${type} {documents: 1, evDocs: ['d:' + d], evSentences: ['Report ' + d + '.'], evStarts: [0], evEnds: [9],
                          evHedged: [false], hedged: false}]->(b)`;
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
  await ranges(scale.documents, STATEMENTS.documents, 'documents');

  const random = rng(2026);
  // Zipf-like: entity 0 is the biggest hub, the tail is mentioned about once.
  const pick = () => Math.min(scale.entities - 1, Math.floor(scale.entities * random() ** 2.2));
  const seen = new Set<string>();
  let pairs: number[][] = [];
  const byType = new Map<string, number[][]>();
  let relationships = 0;
  const flush = async (force: boolean, d: number) => {
    const interactionRows = [...byType.values()].reduce((n, rows) => n + rows.length, 0);
    if (!force && pairs.length < BATCH && interactionRows < BATCH) return;
    relationships += await db.write(async (tx) => {
      let created = (await tx.run(STATEMENTS.mentions, { pairs })).summary.counters.updates().relationshipsCreated ?? 0;
      for (const [type, rows] of byType) created += (await tx.run(interactionStatement(type), { rows })).summary.counters.updates().relationshipsCreated ?? 0;
      return created;
    });
    pairs = [];
    byType.clear();
    progress(`  relationships: ${relationships.toLocaleString('en')} (documents ${(d + 1).toLocaleString('en')} / ${scale.documents.toLocaleString('en')})`);
  };
  for (let d = 0; d < scale.documents; d++) {
    const members = [...new Set(Array.from({ length: scale.mentionsPerDocument }, pick))];
    for (const e of members) pairs.push([e, d]);
    for (let k = 0; k < scale.interactionsPerDocument; k++) {
      const a = members[Math.floor(random() * members.length)]!;
      const b = members[Math.floor(random() * members.length)]!;
      const type = INTERACTION_TYPES[Math.floor(random() * INTERACTION_TYPES.length)]!;
      const key = `${a}|${type}|${b}`;
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      if (!byType.has(type)) byType.set(type, []);
      byType.get(type)!.push([a, b, d]);
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
  const home = path.join(PROJECT_ROOT, 'bench', '.cache', `api-graph-v${GRAPH_VERSION}-${scale.entities}-${scale.documents}`);
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
