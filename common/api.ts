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
