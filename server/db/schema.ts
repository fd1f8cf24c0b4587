/**
 * Constraints and indexes every capability relies on. Each statement is idempotent
 * (IF NOT EXISTS), so applying the schema on every start is safe.
 */
import type { Logger } from '../logger.js';
import type { Database } from './database.js';

export const FULLTEXT_ENTITY_INDEX = 'entity_names';

export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE',
  'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE',
  'CREATE CONSTRAINT allegation_id IF NOT EXISTS FOR (a:Allegation) REQUIRE a.id IS UNIQUE',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)',
  'CREATE INDEX document_sha256 IF NOT EXISTS FOR (d:Document) ON (d.sha256)',
  // A changed document's allegations are found and replaced by the document they came from.
  'CREATE INDEX allegation_doc IF NOT EXISTS FOR (a:Allegation) ON (a.docId)',
  // Names and aliases (a list of strings) in one full-text index: search finds "Blinken" and "Secretary Blinken".
  `CREATE FULLTEXT INDEX ${FULLTEXT_ENTITY_INDEX} IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases]`,
];

export async function applySchema(db: Database): Promise<void> {
  // Schema commands cannot share a transaction with each other; one managed transaction each.
  for (const statement of SCHEMA_STATEMENTS) {
    await db.write((tx) => tx.run(statement));
  }
}

/**
 * Applies the schema now, or, while Neo4j is unreachable, keeps trying in the background so a
 * server started before its database still ends up with the schema. Returns a stop function.
 */
export function keepSchemaApplied(db: Database, logger: Logger, retryMs = 5_000): { applied: Promise<void>; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const applied = new Promise<void>((resolve) => {
    const attempt = () => {
      if (stopped) return;
      applySchema(db).then(
        () => {
          logger.info('Neo4j schema applied');
          resolve();
        },
        (err: unknown) => {
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
