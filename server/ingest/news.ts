/**
 * The news that articles came in, for explorers that are open: whoever loaded them (an upload in this
 * server, `newsgraph load` from a terminal, another server on the same database), the database is
 * where they land, so that is where this looks. While anyone listens it asks every few seconds for
 * documents written since it last looked (one index seek on `loadedAt`); with nobody listening it
 * asks nothing.
 */
import type { DateTime, Integer } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { GraphNews, NewDocument } from '../../common/ingest.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';

export const NEWS_POLL_MS = 2000;
/** Documents named in one announcement; `total` counts the rest. */
export const NEWS_LISTED = 50;
/**
 * A batch's `loadedAt` is taken when its transaction runs, and it commits later: a load that began
 * before the last look can commit documents dated before it. Looking this far back, and leaving out
 * what was announced already, catches them.
 */
const LATE_COMMIT_MS = 60_000;

const LATEST = `
  MATCH (d:Newsgraph) WHERE d.loadedAt IS NOT NULL
  RETURN d.loadedAt AS at ORDER BY d.loadedAt DESC LIMIT 1`;

const SINCE = `
  MATCH (d:Newsgraph) WHERE d.loadedAt > $since AND d:Document
  RETURN d.id AS id, d.title AS title, d.loadedAt AS at,
         COUNT { (e:Newsgraph:Entity)-[:MENTIONED_IN]->(d) } AS entities
  ORDER BY d.loadedAt, d.id`;

type Listener = (news: GraphNews) => void;

export class News {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;
  /** Documents announced in the last LATE_COMMIT_MS, by id: the `loadedAt` each was announced with. */
  private announced = new Map<string, string>();
  private since: DateTime<number | Integer> | null = null;
  /** Counts stops: a look that began before one has nothing to say. */
  private generation = 0;
  private looking: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly options: { logger?: Logger; pollMs?: number } = {},
  ) {}

  /**
   * Marks where "new" starts, if nothing does yet: what is there now is not news. A stream awaits it
   * before it opens, so that an article its client sends the moment it opens is news to it.
   */
  async ready(): Promise<void> {
    if (!this.since) await this.look();
  }

  /** Calls `listener` with each announcement; the first listener starts the looking, the last one's leaving stops it. */
  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.timer = setInterval(() => void this.check(), this.options.pollMs ?? NEWS_POLL_MS);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.since = null;
    this.announced.clear();
    this.generation++;
  }

  /** Looks now (after an upload job, rather than at the next tick), if anyone listens. */
  check(): Promise<void> {
    if (this.listeners.size === 0) return Promise.resolve();
    return this.look().catch((err: unknown) => this.options.logger?.warn({ err }, 'could not look for new articles'));
  }

  /** One look at a time, each after the one before: a look asked for during one must still happen. */
  private look(): Promise<void> {
    const next = this.looking.then(() => this.lookNow());
    this.looking = next.catch(() => undefined);
    return next;
  }

  private async lookNow(): Promise<void> {
    const generation = this.generation;
    let since = this.since;
    const first = !since;
    if (!since) {
      const latest = await this.db.read(async (tx) => (await tx.run(LATEST)).records[0]?.get('at') as DateTime | undefined);
      since = latest ?? neo4j.DateTime.fromStandardDate(new Date(0));
    }
    const back = neo4j.DateTime.fromStandardDate(new Date(since.toStandardDate().getTime() - LATE_COMMIT_MS));
    const rows = await this.db.read(async (tx) => (await tx.run(SINCE, { since: back })).records);
    // Everyone stopped listening meanwhile: the next listener starts afresh.
    if (generation !== this.generation) return;
    const fresh: NewDocument[] = [];
    for (const row of rows) {
      const at = row.get('at') as DateTime;
      const loadedAt = at.toStandardDate().toISOString();
      const id = row.get('id') as string;
      if (this.announced.get(id) === loadedAt) continue;
      this.announced.set(id, loadedAt);
      if (!first) fresh.push({ id, title: row.get('title') as string | null, loadedAt, entities: neo4j.integer.toNumber(row.get('entities') as number) });
      if (at.toStandardDate() > since.toStandardDate()) since = at;
    }
    this.since = since;
    const cutoff = since.toStandardDate().getTime() - LATE_COMMIT_MS;
    for (const [id, loadedAt] of this.announced) if (Date.parse(loadedAt) < cutoff) this.announced.delete(id);
    if (first || fresh.length === 0) return;
    const news: GraphNews = { type: 'documents', documents: fresh.slice(0, NEWS_LISTED), total: fresh.length };
    for (const listener of this.listeners) listener(news);
  }
}

/** Documents shown by GET /api/events to a caller that does not ask for the stream: the latest written. */
export const RECENT_LISTED = 20;

const RECENT = `
  MATCH (d:Newsgraph) WHERE d.loadedAt IS NOT NULL AND d:Document
  WITH d ORDER BY d.loadedAt DESC LIMIT $limit
  RETURN d.id AS id, d.title AS title, d.loadedAt AS at,
         COUNT { (e:Newsgraph:Entity)-[:MENTIONED_IN]->(d) } AS entities`;

/** The documents written last, newest first. */
export async function recentDocuments(db: Database): Promise<NewDocument[]> {
  const rows = await db.read(async (tx) => (await tx.run(RECENT, { limit: neo4j.int(RECENT_LISTED) })).records);
  return rows.map((row) => ({
    id: row.get('id') as string,
    title: row.get('title') as string | null,
    loadedAt: (row.get('at') as DateTime).toStandardDate().toISOString(),
    entities: neo4j.integer.toNumber(row.get('entities') as number),
  }));
}
