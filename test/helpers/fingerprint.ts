/** A digest of the whole graph (labels, properties, relationships), to compare two loads exactly. */
import { createHash } from 'node:crypto';
import type { Database } from '../../server/db/database.js';

/** Properties that record when, not what. */
const VOLATILE = new Set(['loadedAt']);

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((k) => !VOLATILE.has(k))
      .sort()
      .map((k) => `${k}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface Fingerprint {
  nodes: number;
  relationships: number;
  digest: string;
}

export async function fingerprint(db: Database): Promise<Fingerprint> {
  return db.read(async (tx) => {
    const nodes = (await tx.run('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props')).records.map((r) =>
      stable({ labels: [...(r.get('labels') as string[])].sort(), props: r.get('props') }),
    );
    const rels = (await tx.run('MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props')).records.map((r) =>
      stable({ a: r.get('a'), type: r.get('type'), b: r.get('b'), props: r.get('props') }),
    );
    const digest = createHash('sha256').update([...nodes].sort().join('\n')).update('\n--\n').update([...rels].sort().join('\n')).digest('hex');
    return { nodes: nodes.length, relationships: rels.length, digest };
  });
}
