/**
 * bench:export's references, each run by bench/export.ts as a process of its own (so that its peak RSS is
 * its own), through the project's Database (the same driver and settings as the export), in one read
 * transaction, each record taken from the stream and dropped, nothing in it read: the driver has decoded
 * it all the same.
 *
 * - `plain`: the baseline the targets are judged against, a plain driver read of the whole graph
 *   (`MATCH (n) RETURN n`, then `MATCH ()-[r]->() RETURN r`), as a user of the driver would write it.
 * - `statements`: the export's own statements (allStatements in server/export/source.ts, after the schema
 *   read they need): the floor the export's reading stands on, so that its writing shows apart.
 *
 * Reads NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD; `node --import tsx bench/export-baseline.ts plain|statements`;
 * prints one JSON line: counts and the read's own time.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { Database } from '../server/db/database.js';
import { allStatements, readGraphSchema } from '../server/export/source.js';

const uri = process.env.NEO4J_URI;
const password = process.env.NEO4J_PASSWORD;
const mode = process.argv[2];
if (!uri || !password) throw new Error('export-baseline: set NEO4J_URI and NEO4J_PASSWORD');
if (mode !== 'plain' && mode !== 'statements') throw new Error('export-baseline: say plain or statements');

type Statement = { text: string; parameters: Record<string, unknown> };
const PLAIN = { nodes: { text: 'MATCH (n) RETURN n', parameters: {} }, edges: { text: 'MATCH ()-[r]->() RETURN r', parameters: {} } };

async function statementsFor(tx: ManagedTransaction): Promise<{ nodes: Statement; edges: Statement }> {
  return mode === 'plain' ? PLAIN : allStatements(await readGraphSchema(tx));
}

const db = new Database({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password });
const started = performance.now();
try {
  const counts = await db.read(async (tx) => {
    const statements = await statementsFor(tx);
    let nodes = 0;
    let edges = 0;
    for await (const _record of tx.run(statements.nodes.text, statements.nodes.parameters)) nodes++;
    const nodesDone = performance.now();
    for await (const _record of tx.run(statements.edges.text, statements.edges.parameters)) edges++;
    return { nodes, edges, nodeSeconds: (nodesDone - started) / 1000 };
  });
  // performance.now() counts from the process's start: what came before `started` is loading modules.
  process.stdout.write(`${JSON.stringify({ ...counts, readSeconds: (performance.now() - started) / 1000, startupSeconds: started / 1000 })}\n`);
} finally {
  await db.close();
}
