/** Shapes of the HTTP API's replies, shared by server and client. */

/** Stable error codes: clients and scripts branch on these, never on messages. */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'BAD_INPUT',
  'CYPHER_REFUSED',
  'CYPHER_TIMEOUT',
  'RATE_LIMITED',
  'BAD_CONFIG',
  'NOT_FOUND',
  'NEO4J_UNAVAILABLE',
  'NEO4J_AUTH_FAILED',
  'NEO4J_ERROR',
  'JAVA_MISSING',
  'LAUNCHER_BUILD_FAILED',
  'NEO4J_START_FAILED',
  'ALREADY_RUNNING',
  'PORT_IN_USE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  error: { code: ErrorCode; message: string };
}

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
}

/** GET /api/edges/:id/evidence */
export interface EvidenceItem {
  sentence: string;
  start: number;
  end: number;
  document: { id: string; title: string | null; outlet: string | null; url: string | null };
}

export interface EdgeEvidence {
  id: string;
  type: string;
  source: string;
  target: string;
  evidence: EvidenceItem[];
}

/** GET /api/documents, /api/documents/:id */
export interface DocumentSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  file: string | null;
  entities: number;
}

export interface DocumentDetails extends DocumentSummary {
  text: string;
  /** Character spans of entity mentions in `text`, in reading order. */
  mentions: { entity: string; name: string; kind: string; start: number; end: number }[];
}
