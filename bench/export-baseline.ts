/**
 * bench:export's baseline, run by bench/export.ts as a process of its own (so that its peak RSS is its own):
 * the whole graph read through the driver with the very statements the export streams (ALL_STATEMENTS),
 * in one read transaction, through the project's Database (the same driver and settings as the export).
 * Each record is taken from the stream and dropped, nothing in it read: the driver has decoded it all the
 * same, which is the floor any export of the same data stands on.
 *
 * Reads NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD; prints one JSON line: counts and the read's own time.
 */
import { Database } from '../server/db/database.js';
import { ALL_STATEMENTS } from '../server/export/source.js';

const uri = process.env.NEO4J_URI;
const password = process.env.NEO4J_PASSWORD;
if (!uri || !password) throw new Error('export-baseline: set NEO4J_URI and NEO4J_PASSWORD');

const db = new Database({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password });
const started = performance.now();
try {
  const counts = await db.read(async (tx) => {
    let nodes = 0;
    let edges = 0;
    for await (const _record of tx.run(ALL_STATEMENTS.nodes)) nodes++;
    const nodesDone = performance.now();
    for await (const _record of tx.run(ALL_STATEMENTS.edges)) edges++;
    return { nodes, edges, nodeSeconds: (nodesDone - started) / 1000 };
  });
  // performance.now() counts from the process's start: what came before `started` is loading modules.
  process.stdout.write(`${JSON.stringify({ ...counts, readSeconds: (performance.now() - started) / 1000, startupSeconds: started / 1000 })}\n`);
} finally {
  await db.close();
}
