/**
 * What one article adds to the graph, as rows ready for parameterised UNWIND statements. Pure: takes
 * the extraction and the entity index (which it updates), returns data; write.ts sends it.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DocumentExtraction, EntityCategory, ExtractedEntity } from '../extract/types.js';
import type { Article } from '../article/article.js';
import type { EntityIndex } from './entity-index.js';

export const ENTITY_LABELS: Record<EntityCategory, string> = { person: 'Person', institution: 'Institution', place: 'Place' };

/** Relationship types the loader itself writes; interaction types never take these names. */
export const STRUCTURAL_TYPES = ['MENTIONED_IN', 'HOLDS_ROLE', 'ALLEGES', 'AGAINST', 'REPORTS', 'DENIES'] as const;

/** "spoke_with" → SPOKE_WITH; anything else that could not be a relationship type is refused. */
export function relationshipType(interaction: string): string | null {
  const type = interaction
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!/^[A-Z][A-Z0-9_]{0,63}$/.test(type) || (STRUCTURAL_TYPES as readonly string[]).includes(type)) return null;
  return type;
}

export interface DocumentMeta {
  id: string;
  file: string;
  title: string | null;
  url: string | null;
  outlet: string | null;
  /** When the article was published (`Date#toISOString()` form); null (the property absent) when unknown. */
  publishedAt: string | null;
  byline: string | null;
  format: string;
  sha256: string;
  text: string;
}

/** Evidence as parallel lists: Neo4j properties cannot hold lists of maps (docs/data-model.md). */
export interface Evidence {
  evDocs: string[];
  evSentences: string[];
  evStarts: number[];
  evEnds: number[];
}

export interface EntityRow {
  id: string;
  label: string;
  name: string;
  aliases: string[];
  kind: string | null;
  ambiguous: boolean;
}

export interface MentionRow {
  entity: string;
  count: number;
  starts: number[];
  ends: number[];
}

export interface InteractionRow extends Evidence {
  source: string;
  target: string;
  type: string;
  hedged: boolean[];
}

export interface RoleRow extends Evidence {
  person: string;
  institution: string;
  title: string;
}

export interface AllegationRow {
  id: string;
  claim: string;
  hedge: string | null;
  sentence: string;
  start: number;
  end: number;
  links: { entity: string; type: 'ALLEGES' | 'AGAINST' | 'REPORTS' | 'DENIES' }[];
}

export interface DocumentPlan {
  document: DocumentMeta;
  entities: EntityRow[];
  mentions: MentionRow[];
  interactions: InteractionRow[];
  roles: RoleRow[];
  allegations: AllegationRow[];
  /** Person titles with no institution named: kept on the person. */
  titles: { person: string; titles: string[] }[];
  newEntities: number;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What identifies a file's document when its article names no URL: its path from the working folder. */
export function fileIdentity(file: string, cwd = process.cwd()): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join('/');
}

/**
 * A document is the same document when it has the same source URL or, without one, the same
 * `identity` (a file's path relative to the working folder, see fileIdentity): reloading it replaces it
 * instead of adding a copy. What it stores as its `file` is `name` (articleFiles: the path inside the
 * folder given), never the absolute path.
 * The outlet is the URL's host, never the site name a page gives: corroboration counts distinct outlets,
 * and "Kestrel Valley Courier" beside "courier.example" would count one outlet twice.
 */
export function documentMeta(article: Article, { identity: given, name }: { identity: string; name: string }): DocumentMeta {
  const identity = article.url ?? given;
  let outlet: string | null = null;
  try {
    outlet = article.url ? new URL(article.url).hostname.replace(/^www\./, '') : null;
  } catch {
    outlet = null;
  }
  return {
    id: `doc:${sha256(identity).slice(0, 20)}`,
    file: name,
    title: article.title,
    url: article.url,
    outlet,
    publishedAt: article.publishedAt,
    byline: article.byline,
    format: article.format,
    sha256: sha256(article.text),
    text: article.text,
  };
}

export function planDocument(meta: DocumentMeta, x: DocumentExtraction, index: EntityIndex): DocumentPlan {
  const ids = new Map<string, string>();
  const entities = new Map<string, EntityRow>();
  const mentions: MentionRow[] = [];
  let newEntities = 0;
  const add = (e: ExtractedEntity) => {
    const { entity, created } = index.resolve(e.category, e.name, e.aliases, e.kind);
    if (created) newEntities++;
    ids.set(`${e.category}:${e.name}`, entity.id);
    ids.set(e.name, ids.get(e.name) ?? entity.id);
    entities.set(entity.id, {
      id: entity.id,
      label: ENTITY_LABELS[e.category],
      name: entity.name,
      aliases: entity.aliases,
      kind: entity.kind ?? null,
      ambiguous: entity.ambiguous ?? false,
    });
    const existing = mentions.find((m) => m.entity === entity.id);
    const row = existing ?? { entity: entity.id, count: 0, starts: [], ends: [] };
    for (const m of e.mentions) {
      row.starts.push(m.start);
      row.ends.push(m.end);
    }
    row.count = row.starts.length;
    if (!existing) mentions.push(row);
  };
  [...x.people, ...x.institutions, ...x.places].forEach(add);
  const idOf = (name: string | null | undefined) => (name ? ids.get(name) : undefined);

  const interactions = new Map<string, InteractionRow>();
  for (const i of x.interactions) {
    const [source, target, type] = [idOf(i.source), idOf(i.target), relationshipType(i.type)];
    if (!source || !target || !type) continue;
    const key = `${source}|${type}|${target}`;
    const row = interactions.get(key) ?? { source, target, type, hedged: [], evDocs: [], evSentences: [], evStarts: [], evEnds: [] };
    pushEvidence(row, meta.id, i.evidence);
    row.hedged.push(i.hedged);
    interactions.set(key, row);
  }

  const roles = new Map<string, RoleRow>();
  const titles = new Map<string, Set<string>>();
  for (const person of x.people) {
    const pid = idOf(`${person.category}:${person.name}`) ?? idOf(person.name)!;
    for (const role of person.roles ?? []) {
      const iid = idOf(role.institution);
      if (!iid) {
        if (!titles.has(pid)) titles.set(pid, new Set());
        titles.get(pid)!.add(role.title);
        continue;
      }
      const key = `${pid}|${role.title}|${iid}`;
      const row = roles.get(key) ?? { person: pid, institution: iid, title: role.title, evDocs: [], evSentences: [], evStarts: [], evEnds: [] };
      const sentence = x.sentences[role.sentence];
      if (sentence) pushEvidence(row, meta.id, sentence);
      roles.set(key, row);
    }
  }

  const allegations = x.allegations.map((a, n): AllegationRow => {
    const links: AllegationRow['links'] = [];
    const link = (names: string[], type: AllegationRow['links'][number]['type']) => {
      for (const name of names) {
        const entity = idOf(name);
        if (entity && !links.some((l) => l.entity === entity && l.type === type)) links.push({ entity, type });
      }
    };
    link(a.alleged_by, 'ALLEGES');
    link(a.against, 'AGAINST');
    link(a.reported_by, 'REPORTS');
    link(a.denied_by, 'DENIES');
    return { id: `${meta.id}:allegation:${n}`, claim: a.claim, hedge: a.hedge, sentence: a.evidence.text, start: a.evidence.start, end: a.evidence.end, links };
  });

  return {
    document: meta,
    entities: [...entities.values()],
    mentions,
    interactions: [...interactions.values()],
    roles: [...roles.values()],
    allegations,
    titles: [...titles].map(([person, t]) => ({ person, titles: [...t] })),
    newEntities,
  };
}

function pushEvidence(row: Evidence, doc: string, sentence: { text: string; start: number; end: number }): void {
  row.evDocs.push(doc);
  row.evSentences.push(sentence.text);
  row.evStarts.push(sentence.start);
  row.evEnds.push(sentence.end);
}
