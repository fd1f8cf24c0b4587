/** Shapes of the HTTP API's replies, shared by server and client. */
import type { SerializedGraph } from './graph.js';

/** Stable error codes: clients and scripts branch on these, never on messages. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'BAD_INPUT',
  'CYPHER_REFUSED',
  'CYPHER_TIMEOUT',
  'RATE_LIMITED',
  'BAD_CONFIG',
  'NOT_FOUND',
  'AMBIGUOUS',
  'EXPORT_INTERRUPTED',
  'NEO4J_UNAVAILABLE',
  'NEO4J_AUTH_FAILED',
  'NEO4J_ERROR',
  'JAVA_MISSING',
  'LAUNCHER_BUILD_FAILED',
  'NEO4J_START_FAILED',
  'ALREADY_RUNNING',
  'PORT_IN_USE',
  'INTERNAL',
  // Hardening (issue 15): each code is the contract for one kind of refusal.
  /** A Cypher query Neo4j rejects as written: syntax, a missing parameter, 1/0, a type error. */
  'CYPHER_INVALID',
  /** The query needs more memory than one transaction may have (db.memory.transaction.max). */
  'CYPHER_MEMORY',
  /** The result is larger than a reply may carry (rows or bytes). */
  'RESULT_TOO_LARGE',
  /** Too many queries are running at once: try again in a moment. */
  'BUSY',
  /** No valid token or session: sign in. */
  'UNAUTHENTICATED',
  /** Signed in, but the token's role may not do this. */
  'FORBIDDEN',
  /** The request's Host header is not one this server answers to (DNS rebinding). */
  'HOST_NOT_ALLOWED',
  /** The route exists but not with this method. */
  'METHOD_NOT_ALLOWED',
  /** The request body or headers are larger than allowed. */
  'PAYLOAD_TOO_LARGE',
  /** Listening off loopback without access control, or another unsafe setting: refused at start. */
  'AUTH_REQUIRED',
  /** The database holds data newsgraph did not write; nothing is changed until `--init`. */
  'FOREIGN_DATABASE',
  /**
   * A page given by URL could not be fetched: no such host, refused or cut connection, no answer in time,
   * too many redirects, or the site's own error (5xx, 4xx other than 404). A page that is refused for what it
   * is (a private address, too large, not HTML or text) is BAD_INPUT; a 404 or 410 is NOT_FOUND.
   */
  'FETCH_FAILED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  error: { code: ErrorCode; message: string };
}

/** GET /api/health. With access control on, a caller without a token gets `{status}` alone. */
export interface Health {
  status: 'ok' | 'unavailable';
  neo4j: {
    connected: boolean;
    version: string | null;
    edition: string | null;
    /** The server newsgraph talks to, without credentials. */
    uri: string;
    embedded: boolean;
    error?: { code: ErrorCode; message: string };
  };
  /**
   * newsgraph's schema in that Neo4j, when this server applies it: pending until applied; refused (with
   * FOREIGN_DATABASE and how to proceed) in a database holding other data, until `--init`.
   */
  schema?: { state: 'pending' | 'ready' | 'refused'; error?: { code: ErrorCode; message: string } };
}

export interface Stats {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
}

/** GET /api/search */
export interface SearchHit {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  score: number;
}

/** GET /api/search?in=text: a document whose title or text holds the words. */
export interface TextSearchHit {
  document: { id: string; title: string | null; url: string | null; outlet: string | null; publishedAt: string | null; file: string | null };
  score: number;
  /** Where the words stand in the title: [start, end) offsets into `document.title`. */
  titleHighlights: [number, number][];
  /** Sentences of the text that hold the words, in text order. */
  snippets: TextSnippet[];
  /** Entities the document mentions (none an analyst rejected), most-mentioned first, at most 12. */
  entities: { id: string; name: string; kind: string }[];
}

export interface TextSnippet {
  /** A sentence of the document's text, cut around the words when long ("…" marks a cut). */
  text: string;
  /** Where `text` starts in the document's text (after a leading "…", when there is one). */
  start: number;
  /** [start, end) offsets into `text` of each word or phrase searched for: the client marks them. */
  highlights: [number, number][];
  /** Links this sentence is the evidence of: the graph's reading of it. */
  links: { type: string; source: { id: string; name: string }; target: { id: string; name: string } }[];
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface TextSearchResult {
  results: TextSearchHit[];
  /** Counted over every hit (not only this page): outlets, kinds of entity mentioned (Person, Institution, Place), and publication years, or months when every dated hit is of one year. */
  facets: { outlets: FacetCount[]; kinds: FacetCount[]; dates: FacetCount[] };
  /** Hits in all, among the best `window` documents Lucene returned. */
  total: number;
  /** True when Lucene returned a full window: more documents hold the words than were counted. */
  capped: boolean;
}

/** GET /api/entities/:id */
export interface EntityDetails {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  properties: Record<string, unknown>;
  roles: { title: string; institution: { id: string; name: string } }[];
  documents: { id: string; title: string | null; outlet: string | null; mentions: number }[];
  /** Relationships by type, mentions in documents aside. */
  degree: Record<string, number>;
  /** The sentences it rests on: an allegation's own evidence (entities' evidence is on their links). */
  evidence: EvidenceItem[];
  /** Hidden from the graph by an analyst's reject (see common/curate.ts); restore brings it back. */
  rejected: boolean;
}

/** GET /api/edges/:id/evidence */
export interface EvidenceItem {
  sentence: string;
  start: number;
  end: number;
  /** `publishedAt`: when the document was published (ISO 8601, UTC), null when not known. */
  document: { id: string; title: string | null; outlet: string | null; url: string | null; publishedAt: string | null };
}

export interface EdgeEvidence {
  id: string;
  type: string;
  source: string;
  target: string;
  evidence: EvidenceItem[];
}

/** One link of a path from GET /api/paths: `source` and `target` as the relationship points, not as the path walks. */
export interface Hop {
  edge: string;
  relType: string;
  source: string;
  target: string;
  evidence: EvidenceItem[];
}

/** GET /api/paths: every shortest path (up to 10) as hops in walking order, and all of them as one graph. */
export interface PathsResult {
  found: boolean;
  paths: Hop[][];
  graph: SerializedGraph;
}

/** GET /api/documents, /api/documents/:id */
export interface DocumentSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  file: string | null;
  /** When it was published: `2024-01-31T00:00:00.000Z` form (midnight UTC for a date alone); null when unknown. */
  publishedAt: string | null;
  byline: string | null;
  entities: number;
}

export interface DocumentDetails extends DocumentSummary {
  text: string;
  /** Character spans of entity mentions in `text`, in reading order. */
  mentions: { entity: string; name: string; kind: string; start: number; end: number }[];
}

/** POST /api/cypher: a read query's rows, and every node, relationship and path in them as one graph. */
export interface CypherResult {
  columns: string[];
  /** Plain values as JSON; graph values as the references below, keyed into `graph`. */
  rows: unknown[][];
  graph: SerializedGraph;
  /** More rows matched than the server returns. */
  truncated: boolean;
}

/** How a node, relationship or path appears in a row of a CypherResult. */
export interface CypherNodeValue {
  node: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface CypherRelationshipValue {
  relationship: string;
  type: string;
  /** The keys of the nodes it points from and to, whether or not the result returns those nodes. */
  start: string;
  end: string;
  properties: Record<string, unknown>;
}
export interface CypherPathValue {
  /** The keys of the path's nodes, in walking order. */
  path: string[];
  /**
   * `relationships[i]` joins `path[i]` and `path[i + 1]`; it points the way the path walks when its
   * `start` is `path[i]`, and against it otherwise (a path may follow a relationship backwards).
   */
  relationships: CypherRelationshipValue[];
}

/** GET and POST /api/session: who the explorer acts for. */
export interface SessionInfo {
  /** Whether access control is on; when off, everyone on this machine is `admin`. */
  auth: boolean;
  role: 'reader' | 'editor' | 'admin';
  name: string | null;
  tokenId: string | null;
}
