/**
 * What newsgraph exports, shared by server, CLI and explorer: the formats, the scopes a subgraph is
 * cut by, and the JSON file itself — graphology's serialized graph (the one wire format, see graph.ts)
 * in a versioned wrapper, so a reader can tell the file apart from any other JSON and knows its shape.
 */
import type { Correction, Investigation, Note } from './curate.js';
import type { SerializedGraph } from './graph.js';
import type { TimeRange } from './time.js';

export const EXPORT_FORMAT = 'newsgraph';
/** Raised when the wrapper or the graph inside it changes shape; readers refuse versions they do not know. */
export const EXPORT_VERSION = 1;

/**
 * The file formats the server writes. `evidence`: the JSON file with, on every edge and allegation,
 * its evidence items and, beside the graph, the documents they come from. Images (PNG, SVG) are drawn
 * by the explorer, which alone knows the view.
 */
export const EXPORT_FORMATS = ['json', 'evidence', 'graphml', 'gexf', 'csv', 'cypher'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

/** File extension and media type of each format. */
export const EXPORT_FILES: Record<ExportFormatName, { extension: string; mediaType: string }> = {
  json: { extension: 'json', mediaType: 'application/json' },
  evidence: { extension: 'evidence.json', mediaType: 'application/json' },
  graphml: { extension: 'graphml', mediaType: 'application/graphml+xml' },
  gexf: { extension: 'gexf', mediaType: 'application/gexf+xml' },
  csv: { extension: 'csv.zip', mediaType: 'application/zip' },
  cypher: { extension: 'cypher', mediaType: 'application/x-cypher-query' },
};

/**
 * What was exported.
 * - `all`: every node and relationship, documents and mentions included;
 * - `neighbourhood`: an entity or allegation and what lies within `depth` links of it (documents aside);
 * - `path`: the shortest paths between two entities;
 * - `cypher`: the nodes and relationships a read-only query returns;
 * - `nodes`: the given nodes and the links among them (the explorer's view or selection);
 * - `view`: the explorer's canvas as it was drawn, exported in the browser.
 *
 * Any scope the server cuts may carry a time `range` (common/time.ts, bounds as ISO strings): only links
 * with evidence published in it, the nodes they reach, and documents published in it.
 */
export type ExportScope = (
  | { kind: 'all' }
  | { kind: 'neighbourhood'; id: string; depth: 1 | 2 | 3 }
  | { kind: 'path'; from: string; to: string; maxLength: number }
  | { kind: 'cypher'; query: string; params?: Record<string, unknown> }
  | { kind: 'nodes'; ids: string[] }
  | { kind: 'view' }
) & { range?: TimeRange };

/** A document that evidence points to, as an evidence pack lists it. */
export interface ExportedDocument {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  file: string | null;
  publishedAt: string | null;
  byline: string | null;
}

/** One piece of evidence on an edge or allegation of an evidence pack: a sentence of a document. */
export interface ExportedEvidence {
  document: string;
  sentence: string;
  /** Character offsets of the sentence in the document's text. */
  start: number;
  end: number;
}

export interface GraphExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** When the file was made, ISO 8601 in UTC. */
  exportedAt: string;
  scope: ExportScope;
  /**
   * Node and edge attributes as the API sends them; a view export adds x and y to each node. In an
   * evidence pack, edges and allegations also carry `evidence: ExportedEvidence[]`.
   */
  graph: SerializedGraph;
  /** Evidence packs only: every document the evidence cites, by id. */
  documents?: Record<string, ExportedDocument>;
  /**
   * Evidence packs only: the corrections (reverted ones too) that name one of its nodes or a link's end:
   * what analysts merged, split, renamed or rejected, with who, when and why.
   */
  corrections?: Correction[];
  /** An investigation's export (JSON or evidence pack): the investigation itself, its nodes at their saved positions. */
  investigation?: Investigation;
  /** With `investigation`: the notes on its nodes, documents and the links among them, oldest first. */
  notes?: Note[];
}

/** True when `value` is a newsgraph export of a version this code reads. */
export function isGraphExport(value: unknown): value is GraphExport {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<GraphExport>;
  return (
    file.format === EXPORT_FORMAT &&
    file.version === EXPORT_VERSION &&
    typeof file.exportedAt === 'string' &&
    typeof file.scope?.kind === 'string' &&
    Array.isArray(file.graph?.nodes) &&
    Array.isArray(file.graph?.edges)
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A file name that says what is in the file and when it was made, in local time, sortable by name:
 * newsgraph-neighbourhood-person-antony-blinken-20261123-2215.graphml. `name` says what it is instead
 * of the scope (an investigation's export: investigation-sanctions).
 */
export function exportFileName(scope: ExportScope, extension: string, at = new Date(), name?: string): string {
  const what = name ?? (scope.kind === 'neighbourhood' ? `${scope.kind}-${scope.id}` : scope.kind === 'path' ? `path-${scope.from}-${scope.to}` : scope.kind);
  const slug = what
    .normalize('NFKD')
    // Accents go (Ō → O); letters of every script stay.
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
    .toLowerCase();
  const day = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  return `newsgraph-${slug}-${day}-${pad(at.getHours())}${pad(at.getMinutes())}.${extension}`;
}
