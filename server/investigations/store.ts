/**
 * Saved investigations in Neo4j: (:NewsgraphInvestigation {id, name, notes, state (JSON), nodeCount, by,
 * at, updatedAt}), apart from the news graph like notes and tokens. The state is the explorer's own
 * (common/curate.ts, InvestigationState): the server keeps it whole and reads only its node list.
 */
import { randomUUID } from 'node:crypto';
import type { Investigation, InvestigationState, InvestigationSummary } from '../../common/curate.js';
import type { Database } from '../db/database.js';
import { INVESTIGATION_LABEL } from '../db/schema.js';
import { AppError } from '../errors.js';

export interface InvestigationInput {
  name: string;
  notes: string;
  state: InvestigationState;
}

const SUMMARY = `n.id AS id, n.name AS name, n.by AS by, n.at AS at, n.updatedAt AS updatedAt, n.nodeCount AS nodes`;

function toSummary(record: { get(key: string): unknown }): InvestigationSummary {
  return {
    id: record.get('id') as string,
    name: record.get('name') as string,
    by: record.get('by') as string,
    at: record.get('at') as string,
    updatedAt: record.get('updatedAt') as string,
    nodes: Number(record.get('nodes') ?? 0),
  };
}

function toInvestigation(record: { get(key: string): unknown }): Investigation {
  return { ...toSummary(record), notes: record.get('notes') as string, state: JSON.parse(record.get('state') as string) as InvestigationState };
}

const notFound = (id: string) => new AppError('NOT_FOUND', `No investigation with id ${id}.`);

export async function createInvestigation(db: Database, input: InvestigationInput & { by: string }): Promise<Investigation> {
  const at = new Date().toISOString();
  const props = {
    id: randomUUID(),
    name: input.name,
    notes: input.notes,
    state: JSON.stringify(input.state),
    nodeCount: input.state.nodes.length,
    by: input.by,
    at,
    updatedAt: at,
  };
  return db.write(async (tx) =>
    toInvestigation(
      (await tx.run(`CREATE (n:${INVESTIGATION_LABEL}) SET n = $props RETURN ${SUMMARY}, n.notes AS notes, n.state AS state`, { props })).records[0]!,
    ),
  );
}

/** Replaces its name, notes and state; who made it and when stay. */
export async function replaceInvestigation(db: Database, id: string, input: InvestigationInput): Promise<Investigation> {
  const record = await db.write(
    async (tx) =>
      (
        await tx.run(
          `MATCH (n:${INVESTIGATION_LABEL} {id: $id})
           SET n.name = $name, n.notes = $notes, n.state = $state, n.nodeCount = $nodeCount, n.updatedAt = $now
           RETURN ${SUMMARY}, n.notes AS notes, n.state AS state`,
          { id, name: input.name, notes: input.notes, state: JSON.stringify(input.state), nodeCount: input.state.nodes.length, now: new Date().toISOString() },
        )
      ).records[0],
  );
  if (!record) throw notFound(id);
  return toInvestigation(record);
}

export async function getInvestigation(db: Database, id: string): Promise<Investigation> {
  const record = await db.read(
    async (tx) => (await tx.run(`MATCH (n:${INVESTIGATION_LABEL} {id: $id}) RETURN ${SUMMARY}, n.notes AS notes, n.state AS state`, { id })).records[0],
  );
  if (!record) throw notFound(id);
  return toInvestigation(record);
}

export async function deleteInvestigation(db: Database, id: string): Promise<void> {
  const deleted = await db.write(
    async (tx) => (await tx.run(`MATCH (n:${INVESTIGATION_LABEL} {id: $id}) DELETE n RETURN count(*) AS n`, { id })).records[0]!.get('n') as number,
  );
  if (!deleted) throw notFound(id);
}

/** Every investigation, the most recently saved first. */
export async function listInvestigations(db: Database): Promise<InvestigationSummary[]> {
  return db.read(async (tx) => (await tx.run(`MATCH (n:${INVESTIGATION_LABEL}) RETURN ${SUMMARY} ORDER BY n.updatedAt DESC, n.id`)).records.map(toSummary));
}
