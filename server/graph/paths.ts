/** "Why are these two connected?": shortest paths between two entities, with the evidence of each hop. */
import type { Node, Path } from 'neo4j-driver';
import type { EvidenceItem, Hop, PathsResult } from '../../common/api.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { GraphBuilder, nodeKey } from './serialize.js';
import { isRangeSet } from '../../common/time.js';
import { linkInRange, rangeAttributes, rangeParameters, type TimeRange } from './time.js';

export type { Hop, PathsResult };

export const MAX_PATH_LENGTH = 6;

/**
 * The bound of a variable-length pattern must be a literal: one prepared statement per allowed length,
 * without a time range and with one (every link of the path has evidence in it).
 */
const shortest = (inRange: string) =>
  Array.from(
    { length: MAX_PATH_LENGTH },
    (_, i) => `
    MATCH (a:Newsgraph:Entity {id: $from}), (b:Newsgraph:Entity {id: $to})
    OPTIONAL MATCH p = allShortestPaths((a)-[*..${i + 1}]-(b))
    WHERE none(r IN relationships(p) WHERE r:MENTIONED_IN OR coalesce(r.rejected, false)) AND all(n IN nodes(p) WHERE n:Newsgraph AND NOT n:NewsgraphRejected)${inRange}
    WITH a, b, p LIMIT 10
    RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound, collect(p) AS paths`,
  );
const SHORTEST_BY_LENGTH = shortest('');
const SHORTEST_IN_RANGE = shortest(` AND all(r IN relationships(p) WHERE ${linkInRange('r')})`);

const DOCUMENTS =
  'UNWIND $ids AS id MATCH (d:Newsgraph:Document {id: id}) RETURN d.id AS id, d.title AS title, d.outlet AS outlet, d.url AS url, d.publishedAt AS publishedAt';

/** Shortest paths from `from` to `to`, over links with evidence in `range` when one is given. */
export async function shortestPaths(db: Database, from: string, to: string, maxLength = 4, range?: TimeRange | null): Promise<PathsResult> {
  return db.read(async (tx) => {
    if (from === to) {
      // The shortest path from an entity to itself is the empty one: the entity alone, no hop.
      const self = (await tx.run('MATCH (a:Entity {id: $from}) RETURN a', { from })).records[0];
      if (!self) throw new AppError('NOT_FOUND', `No entity with id ${from}.`);
      const graph = new GraphBuilder();
      graph.addNode(self.get('a') as Node);
      return { found: true, paths: [[]], graph: await graph.finish(tx, { scope: 'paths', from, to, ...rangeAttributes(range) }) };
    }
    const statements = isRangeSet(range) ? SHORTEST_IN_RANGE : SHORTEST_BY_LENGTH;
    const record = (await tx.run(statements[maxLength - 1]!, { from, to, ...rangeParameters(range) })).records[0];
    if (!record) {
      const which = await tx.run(
        'UNWIND [$from, $to] AS id OPTIONAL MATCH (e:Newsgraph:Entity {id: id}) WITH id, e WHERE e IS NULL RETURN collect(id) AS missing',
        { from, to },
      );
      throw new AppError('NOT_FOUND', `No entity with id ${(which.records[0]?.get('missing') as string[]).join(' or ')}.`);
    }
    const paths = (record.get('paths') as Path[]).filter(Boolean);
    const docIds = [...new Set(paths.flatMap((p) => p.segments.flatMap((s) => (s.relationship.properties.evDocs as string[] | undefined) ?? [])))];
    const docs = new Map((await tx.run(DOCUMENTS, { ids: docIds })).records.map((r) => [r.get('id') as string, r.toObject() as EvidenceItem['document']]));
    const graph = new GraphBuilder();
    const hops = paths.map((p) => {
      graph.addNode(p.start);
      return p.segments.map((s): Hop => {
        graph.addNode(s.end);
        graph.addRelationship(s.relationship);
        const r = s.relationship.properties as { evDocs?: string[]; evSentences?: string[]; evStarts?: number[]; evEnds?: number[] };
        const forward = s.relationship.startNodeElementId === s.start.elementId;
        return {
          edge: s.relationship.elementId,
          relType: s.relationship.type,
          source: nodeKey(forward ? s.start : s.end),
          target: nodeKey(forward ? s.end : s.start),
          evidence: (r.evDocs ?? []).map((d, i) => ({
            sentence: r.evSentences?.[i] ?? '',
            // Offsets let the reader put the sentence in focus, as for a link's own evidence.
            start: r.evStarts?.[i] ?? 0,
            end: r.evEnds?.[i] ?? 0,
            document: docs.get(d) ?? { id: d, title: null, outlet: null, url: null, publishedAt: null },
          })),
        };
      });
    });
    // The documents read for the hops' evidence carry their outlets and dates: corroboration needs no second look-up.
    const facts = new Map([...docs].map(([id, d]) => [id, { outlet: d.outlet, publishedAt: d.publishedAt }]));
    return { found: hops.length > 0, paths: hops, graph: graph.build({ scope: 'paths', from, to, ...rangeAttributes(range) }, facts) };
  });
}
