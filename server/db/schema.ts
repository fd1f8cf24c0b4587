/**
 * newsgraph's place in a Neo4j it may share with other data: its nodes carry the label `Newsgraph`
 * beside their kind labels, its constraints and indexes are on that label only (so they neither
 * constrain nor index anyone else's nodes), and a `NewsgraphMeta` node marks a database it has taken
 * on. A database holding nodes newsgraph did not write is left untouched until told (`--init`).
 * Each schema statement is idempotent (IF NOT EXISTS), so applying the schema on every start is safe.
 */
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Database } from './database.js';

/** On every node newsgraph writes; every query newsgraph runs keeps to nodes that carry it. */
export const NEWSGRAPH_LABEL = 'Newsgraph';
/** The marker: one node, not labelled Newsgraph, so no graph query ever meets it. */
export const META_LABEL = 'NewsgraphMeta';
/** Bumped when the schema or the labelling changes in a way an existing database must be migrated for. */
export const SCHEMA_VERSION = 2;

export const FULLTEXT_ENTITY_INDEX = 'newsgraph_entity_names';
export const PUBLISHED_AT_INDEX = 'newsgraph_published_at';
/** Documents' titles and text, for text search (server/graph/text-search.ts). */
export const FULLTEXT_DOCUMENTS_INDEX = 'newsgraph_documents_text';
/** Analysts' notes and saved investigations: newsgraph's own records beside the graph, not `:Newsgraph`, so graph reads never meet them. */
export const NOTE_LABEL = 'NewsgraphNote';
export const INVESTIGATION_LABEL = 'NewsgraphInvestigation';
export const FULLTEXT_NOTES_INDEX = 'newsgraph_notes';

/**
 * Names carry a `newsgraph_` prefix so that IF NOT EXISTS never mistakes another application's index
 * of the same name for ours. Ids are unique across kinds (`doc:…`, `person:…`, `doc:…:allegation:n`),
 * so one constraint serves documents, entities and allegations: `(n:Newsgraph:Entity {id: $id})` is
 * one index seek, then a label check.
 */
export const SCHEMA_STATEMENTS: readonly string[] = [
  `CREATE CONSTRAINT newsgraph_id IF NOT EXISTS FOR (n:${NEWSGRAPH_LABEL}) REQUIRE n.id IS UNIQUE`,
  `CREATE INDEX newsgraph_name IF NOT EXISTS FOR (n:${NEWSGRAPH_LABEL}) ON (n.name)`,
  // A changed document's allegations are found and replaced by the document they came from.
  `CREATE INDEX newsgraph_doc_id IF NOT EXISTS FOR (n:${NEWSGRAPH_LABEL}) ON (n.docId)`,
  // Documents by when they were written: the news of new articles (server/ingest/news.ts) is one seek.
  `CREATE INDEX newsgraph_loaded_at IF NOT EXISTS FOR (n:${NEWSGRAPH_LABEL}) ON (n.loadedAt)`,
  // Names and aliases (a list of strings) in one full-text index: search finds "Blinken" and "Secretary Blinken".
  // Only entities have either property, so only they are indexed.
  `CREATE FULLTEXT INDEX ${FULLTEXT_ENTITY_INDEX} IF NOT EXISTS FOR (n:${NEWSGRAPH_LABEL}) ON EACH [n.name, n.aliases]`,
  // Documents by publication date (ISO strings of one length, so a range is a string range): only they have it.
  `CREATE RANGE INDEX ${PUBLISHED_AT_INDEX} IF NOT EXISTS FOR (n:${NEWSGRAPH_LABEL}) ON (n.publishedAt)`,
  // Documents' words: only documents have `title` or `text`. Case and accents folded, English stop words left
  // out, no stemming: a search finds the words as written, which is what the highlights can then show.
  // A database of an earlier version gains it on the next start (IF NOT EXISTS) and Neo4j fills it in the background.
  `CREATE FULLTEXT INDEX ${FULLTEXT_DOCUMENTS_INDEX} IF NOT EXISTS FOR (n:${NEWSGRAPH_LABEL}) ON EACH [n.title, n.text]
     OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'standard-folding'}}`,
  // Notes: found by id, listed by what they are about, searched by their words.
  `CREATE CONSTRAINT newsgraph_note_id IF NOT EXISTS FOR (n:${NOTE_LABEL}) REQUIRE n.id IS UNIQUE`,
  `CREATE INDEX newsgraph_note_target IF NOT EXISTS FOR (n:${NOTE_LABEL}) ON (n.targetKey)`,
  `CREATE FULLTEXT INDEX ${FULLTEXT_NOTES_INDEX} IF NOT EXISTS FOR (n:${NOTE_LABEL}) ON EACH [n.text]`,
  `CREATE CONSTRAINT newsgraph_investigation_id IF NOT EXISTS FOR (n:${INVESTIGATION_LABEL}) REQUIRE n.id IS UNIQUE`,
];

/** What versions before the Newsgraph label created, on the kind labels; dropped once such a database is migrated. */
const LEGACY_CONSTRAINTS = ['entity_id', 'document_id', 'allegation_id'];
const LEGACY_INDEXES = ['entity_name', 'document_sha256', 'allegation_doc', 'entity_names'];
/** The kinds earlier versions wrote, unlabelled. */
const LEGACY_KINDS = ['Document', 'Entity', 'Allegation'] as const;

/**
 * - empty: no nodes but newsgraph's own bookkeeping;
 * - newsgraph: the marker is there, or every node is newsgraph's;
 * - legacy: written by a version before the Newsgraph label (the embedded database, which only newsgraph
 *   writes, or one holding nothing but documents, entities and allegations under that version's schema);
 * - foreign: it holds nodes newsgraph did not write.
 */
export type Ownership = 'empty' | 'newsgraph' | 'legacy' | 'foreign';

export interface SchemaOutcome {
  /** What the database was found to be, before anything was written. */
  found: Ownership;
  /** Nodes given the Newsgraph label by the migration of a legacy database. */
  migrated: number;
}

/** Where a Database stands, for /api/health: set by applySchema and keepSchemaApplied. */
export interface SchemaState {
  state: 'pending' | 'ready' | 'refused';
  error?: { code: 'FOREIGN_DATABASE'; message: string };
}
const states = new WeakMap<Database, SchemaState>();

export function schemaState(db: Database): SchemaState | undefined {
  return states.get(db);
}

/** A label of newsgraph's own bookkeeping or data: Newsgraph, NewsgraphMeta and any other Newsgraph… label. */
const OURS = (n: string) => `any(l IN labels(${n}) WHERE l STARTS WITH '${NEWSGRAPH_LABEL}')`;

/** The labels of one node newsgraph did not write, or null when there is none. */
export async function foreignNode(db: Database): Promise<string[] | null> {
  return db.read(async (tx) => {
    // From the count store first: when every node is Newsgraph or the marker, nothing is scanned.
    const counts = await tx.run(
      `CALL () { MATCH (n) RETURN count(n) AS total }
       CALL () { MATCH (n:${NEWSGRAPH_LABEL}) RETURN count(n) AS ours }
       CALL () { MATCH (n:${META_LABEL}) RETURN count(n) AS meta }
       RETURN total, ours, meta`,
    );
    const c = counts.records[0]!.toObject() as { total: number; ours: number; meta: number };
    if (c.total === c.ours + c.meta) return null;
    const found = await tx.run(`MATCH (n) WHERE NOT ${OURS('n')} RETURN labels(n) AS labels LIMIT 1`);
    return (found.records[0]?.get('labels') as string[] | undefined) ?? null;
  });
}

async function hasMarker(db: Database): Promise<boolean> {
  return db.read(async (tx) => (await tx.run(`MATCH (m:${META_LABEL}) RETURN count(m) > 0 AS marked`)).records[0]!.get('marked') as boolean);
}

/** An external database an earlier version wrote: its schema, and no node of any other kind. */
async function looksLegacy(db: Database): Promise<boolean> {
  const constraint = await db.read(
    async (tx) =>
      (
        await tx.run(
          "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties WHERE name = 'entity_id' AND labelsOrTypes = ['Entity'] AND properties = ['id'] RETURN count(*) AS n",
        )
      ).records[0]!.get('n') as number,
  );
  if (constraint === 0) return false;
  const other = await db.read(
    async (tx) =>
      (await tx.run(`MATCH (n) WHERE NOT (${LEGACY_KINDS.map((k) => `n:${k}`).join(' OR ')} OR ${OURS('n')}) RETURN count(n) > 0 AS found`)).records[0]!.get(
        'found',
      ) as boolean,
  );
  return !other;
}

/** Decides, writing nothing, whose database this is. `example` is a foreign node's labels, for the message. */
export async function ownershipOf(db: Database): Promise<{ ownership: Ownership; example: string[] | null }> {
  if (await hasMarker(db)) return { ownership: 'newsgraph', example: null };
  const example = await foreignNode(db);
  if (!example) {
    const any = await db.read(async (tx) => (await tx.run(`MATCH (n:${NEWSGRAPH_LABEL}) RETURN count(n) > 0 AS any`)).records[0]!.get('any') as boolean);
    return { ownership: any ? 'newsgraph' : 'empty', example: null };
  }
  // The embedded Neo4j is newsgraph's alone: its unlabelled documents, entities and allegations are ours.
  if (db.embedded || (await looksLegacy(db))) return { ownership: 'legacy', example };
  return { ownership: 'foreign', example };
}

export function foreignDatabaseError(db: Database, example: string[] | null): AppError {
  const labels = example?.length ? ` (for one, a node labelled ${example.map((l) => `:${l}`).join('')})` : '';
  return new AppError(
    'FOREIGN_DATABASE',
    `The Neo4j at ${db.uri} holds data newsgraph did not write${labels}; newsgraph has changed nothing in it. ` +
      `To use it beside that data, run \`newsgraph serve --init\` (or \`newsgraph load --init <paths>\`) once: newsgraph then adds ` +
      `its own constraints and indexes, on the :${NEWSGRAPH_LABEL} label only, keeps to nodes with that label, and never loads the example ` +
      `articles there. Or point NEO4J_URI at an empty database.`,
  );
}

/** Adds the Newsgraph label to a legacy database's documents, entities and allegations, in bounded transactions. */
async function labelLegacyNodes(db: Database): Promise<number> {
  let total = 0;
  for (const kind of LEGACY_KINDS) {
    for (;;) {
      const labelled = await db.write(
        async (tx) =>
          (await tx.run(`MATCH (n:${kind}) WHERE NOT n:${NEWSGRAPH_LABEL} WITH n LIMIT 10000 SET n:${NEWSGRAPH_LABEL} RETURN count(*) AS n`)).records[0]!.get(
            'n',
          ) as number,
      );
      total += labelled;
      if (labelled === 0) break;
    }
  }
  return total;
}

export interface ApplySchemaOptions {
  /** Take on a database that holds data newsgraph did not write (`--init`). */
  init?: boolean;
}

/**
 * Makes the database newsgraph's to use: refuses (FOREIGN_DATABASE, nothing written) a database with
 * other data unless `init`; migrates a legacy one; then the schema and the marker.
 */
export async function applySchema(db: Database, options: ApplySchemaOptions = {}): Promise<SchemaOutcome> {
  const { ownership, example } = await ownershipOf(db);
  if (ownership === 'foreign' && !options.init) {
    const error = foreignDatabaseError(db, example);
    states.set(db, { state: 'refused', error: { code: 'FOREIGN_DATABASE', message: error.message } });
    throw error;
  }
  const migrated = ownership === 'legacy' ? await labelLegacyNodes(db) : 0;
  // Earlier versions stored the server's absolute path as a document's `file`, which the API and exports
  // hand to anyone; keep only the file's name until the folder is loaded again (ids do not depend on it).
  if (ownership === 'legacy') {
    await db.write((tx) => tx.run(`MATCH (d:${NEWSGRAPH_LABEL}:Document) WHERE d.file STARTS WITH '/' SET d.file = last(split(d.file, '/'))`));
  }
  // Schema commands cannot share a transaction with each other; one managed transaction each.
  for (const statement of SCHEMA_STATEMENTS) {
    await db.write((tx) => tx.run(statement));
  }
  // The embedded Neo4j is newsgraph's alone: an old schema there is ours even with no node left (an earlier `load --reset`).
  if (ownership === 'legacy' || (ownership === 'empty' && db.embedded)) {
    for (const name of LEGACY_CONSTRAINTS) await db.write((tx) => tx.run(`DROP CONSTRAINT ${name} IF EXISTS`));
    for (const name of LEGACY_INDEXES) await db.write((tx) => tx.run(`DROP INDEX ${name} IF EXISTS`));
  }
  await db.write((tx) =>
    tx.run(
      `MERGE (m:${META_LABEL}) ON CREATE SET m.initializedAt = datetime()
       SET m.schemaVersion = $version`,
      { version: SCHEMA_VERSION },
    ),
  );
  states.set(db, { state: 'ready' });
  return { found: ownership, migrated };
}

/**
 * Applies the schema now, or, while Neo4j is unreachable, keeps trying in the background so a
 * server started before its database still ends up with the schema. A database with other data is
 * not retried: it stays untouched until someone runs `--init`. `applied` gives the outcome, or null
 * when the database was refused. Returns a stop function.
 */
export function keepSchemaApplied(
  db: Database,
  logger: Logger,
  options: ApplySchemaOptions & { retryMs?: number } = {},
): { applied: Promise<SchemaOutcome | null>; stop: () => void } {
  const retryMs = options.retryMs ?? 5_000;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  states.set(db, { state: 'pending' });
  const applied = new Promise<SchemaOutcome | null>((resolve) => {
    const attempt = () => {
      if (stopped) return;
      applySchema(db, { init: options.init }).then(
        (outcome) => {
          if (outcome.migrated) logger.info(`Labelled ${outcome.migrated} nodes of an earlier newsgraph version :${NEWSGRAPH_LABEL}`);
          logger.info('Neo4j schema applied');
          resolve(outcome);
        },
        (err: unknown) => {
          if (err instanceof AppError && err.code === 'FOREIGN_DATABASE') {
            logger.warn(err.message);
            resolve(null);
            return;
          }
          logger.warn({ err: err instanceof Error ? err.message : err }, `Neo4j schema not applied yet; retrying in ${retryMs / 1000} s`);
          timer = setTimeout(attempt, retryMs);
          timer.unref();
        },
      );
    };
    attempt();
  });
  return {
    applied,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
