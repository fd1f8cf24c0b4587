/**
 * The read-only guard for user Cypher. Defence in depth, each layer enough on its own for writes:
 * 0. before Neo4j sees it, the text is checked for size, nesting and unbounded values (bounds.ts);
 * 1. Neo4j plans the query (EXPLAIN, nothing runs): anything it cannot plan, admin commands included,
 *    is refused; the plan's query type must be read-only ('r');
 * 2. the plan must hold no LOAD CSV, no CALL { } IN TRANSACTIONS, and only allowlisted procedures;
 * 3. the query then runs in a READ access-mode transaction, where Neo4j itself refuses any write,
 *    under a deadline and caps on rows and bytes (run.ts).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { AppError } from '../errors.js';

/** Read-only procedures a newsroom colleague may call. Everything else (dbms.*, db.create*, …) is refused. */
export const ALLOWED_PROCEDURES = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.index.fulltext.queryNodes',
  'db.index.fulltext.queryRelationships',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
]);

const FORBIDDEN_OPERATORS: Record<string, string> = {
  LoadCSV: 'LOAD CSV reads files and URLs; it is not allowed here',
  TransactionApply: 'CALL { } IN TRANSACTIONS is not allowed here',
  TransactionForeach: 'CALL { } IN TRANSACTIONS is not allowed here',
};

/** SHOW commands that only describe the schema and the allowed vocabulary. */
const SAFE_COMMANDS = new Set(['ShowIndexes', 'ShowConstraints', 'ShowFunctions', 'ShowProcedures']);

interface PlanNode {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: PlanNode[];
}

function operators(plan: PlanNode): PlanNode[] {
  return [plan, ...plan.children.flatMap(operators)];
}

/** "ProcedureCall@neo4j" → "ProcedureCall". */
function operatorName(op: PlanNode): string {
  return op.operatorType.split('@')[0]!;
}

export { MAX_QUERY_LENGTH } from './bounds.js';

/** Plans the query and refuses it unless it is a plain read. Returns nothing; throws AppError. */
export async function assertReadOnly(tx: ManagedTransaction, query: string, params: Record<string, unknown>): Promise<void> {
  // What Neo4j cannot plan fails here with its own code, which the caller maps (toQueryError).
  const summary = (await tx.run(`EXPLAIN ${query}`, params)).summary;
  if (summary.queryType !== 'r') {
    throw new AppError('CYPHER_REFUSED', 'Only read queries run here: this one would write or change the schema.');
  }
  const plan = summary.plan as unknown as PlanNode | false;
  if (!plan) throw new AppError('CYPHER_REFUSED', 'The query could not be checked (no plan).');
  for (const op of operators(plan)) {
    const name = operatorName(op);
    // SHOW and TERMINATE commands plan as reads, but can end other users' work or reveal their queries.
    if (/^(Terminate|Show)/.test(name) && !SAFE_COMMANDS.has(name)) {
      throw new AppError('CYPHER_REFUSED', `Administration commands are not allowed here (${name}).`);
    }
    const forbidden = FORBIDDEN_OPERATORS[name];
    if (forbidden) throw new AppError('CYPHER_REFUSED', forbidden + '.');
    if (name === 'ProcedureCall' || name === 'ProcedureCallEager') {
      const details = String(op.arguments.Details ?? op.arguments.Signature ?? '');
      const procedure = /^([\w.]+)\s*\(/.exec(details)?.[1] ?? details;
      if (!ALLOWED_PROCEDURES.has(procedure)) {
        throw new AppError('CYPHER_REFUSED', `The procedure ${procedure || '(unknown)'} is not allowed here; allowed: ${[...ALLOWED_PROCEDURES].join(', ')}.`);
      }
    }
  }
}
