/** A digest of the whole graph (labels, properties, relationships), to compare two loads exactly. */
import { createHash } from 'node:crypto';
import type { Database } from '../../server/db/database.js';

/** Properties that record when, not what. */
const VOLATILE = new Set(['loadedAt']);

export interface FingerprintOptions {
  /** Keep `loadedAt`: a copy of a graph (an export replayed) must have it too. */
  keepVolatile?: boolean;
  /** Count an empty list as no property: CSV writes both as an empty field. */
  emptyListsAsAbsent?: boolean;
}

function stable(value: unknown, options: FingerprintOptions): string {
  if (Array.isArray(value)) return `[${value.map((v) => stable(v, options)).join(',')}]`;
  if (value && typeof value === 'object') {
    // The constructor's name tells a datetime from a map or a string of the same text.
    return `${value.constructor.name}{${Object.entries(value)
      .filter(([k, v]) => (options.keepVolatile || !VOLATILE.has(k)) && !(options.emptyListsAsAbsent && Array.isArray(v) && v.length === 0))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}:${stable(v, options)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface Fingerprint {
  nodes: number;
  relationships: number;
  digest: string;
}

/** The digest, and the sorted lines it digests, which show what differs when two fingerprints do not match. */
export async function fingerprintLines(db: Database, options: FingerprintOptions = {}): Promise<{ nodes: string[]; relationships: string[] }> {
  return db.read(async (tx) => {
    // The marker says when newsgraph took the database on, not what the graph holds.
    const nodes = (await tx.run('MATCH (n) WHERE NOT n:NewsgraphMeta RETURN labels(n) AS labels, properties(n) AS props')).records.map((r) =>
      stable({ labels: [...(r.get('labels') as string[])].sort(), props: r.get('props') }, options),
    );
    const relationships = (await tx.run('MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props')).records.map((r) =>
      stable({ a: r.get('a'), type: r.get('type'), b: r.get('b'), props: r.get('props') }, options),
    );
    return { nodes: nodes.sort(), relationships: relationships.sort() };
  });
}

export async function fingerprint(db: Database, options: FingerprintOptions = {}): Promise<Fingerprint> {
  const { nodes, relationships } = await fingerprintLines(db, options);
  const digest = createHash('sha256').update(nodes.join('\n')).update('\n--\n').update(relationships.join('\n')).digest('hex');
  return { nodes: nodes.length, relationships: relationships.length, digest };
}
