import type {
  ApiError,
  SessionInfo,
  CypherResult,
  DocumentDetails,
  DocumentSummary,
  EdgeEvidence,
  EntityDetails,
  PathsResult,
  SearchHit,
  TextSearchResult,
} from '../../common/api.js';
import type { Correction, CorrectionLog, DuplicateList, EntityCategory } from '../../common/curate.js';
import type { ExportFormatName, ExportScope } from '../../common/export.js';
import type { SerializedGraph } from '../../common/graph.js';

export class ApiRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

let unauthenticated: (() => void) | null = null;

/** What to do when the server answers 401 (no session, or its token revoked): main.ts shows the sign-in page. */
export function whenUnauthenticated(handler: () => void): void {
  unauthenticated = handler;
}

export async function getJson<T>(url: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {}): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  const body = (await response.json().catch(() => null)) as unknown;
  if (response.status === 401) unauthenticated?.();
  if (!response.ok) {
    const error = (body as Partial<ApiError> | null)?.error;
    throw new ApiRequestError(error?.code ?? 'HTTP_ERROR', error?.message ?? `${url} answered ${response.status}`, response.status);
  }
  return body as T;
}

/** POSTs `payload` as JSON; the reply and its errors are handled as getJson's. */
function postJson<T>(url: string, payload: unknown): Promise<T> {
  return sendJson<T>('POST', url, payload);
}

/** Sends `payload` (if any) as JSON with `method`; a 204 answers null. Errors as getJson's. */
export function sendJson<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<T> {
  return getJson<T>(url, {
    method,
    ...(payload === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) }),
  });
}

/** Who the explorer acts for; a 401 (ApiRequestError) when access control is on and nobody has signed in. */
export function fetchSession(): Promise<SessionInfo> {
  return getJson<SessionInfo>('/api/session');
}

/** Signs in: the server keeps the token in an HttpOnly cookie, out of this page's reach. */
export function signIn(token: string): Promise<SessionInfo> {
  return postJson<SessionInfo>('/api/session', { token });
}

export async function signOut(): Promise<void> {
  await fetch('/api/session', { method: 'DELETE' });
}

export function fetchOverview(limit = 300): Promise<SerializedGraph> {
  return getJson<SerializedGraph>(`/api/graph?limit=${limit}`);
}

export async function searchEntities(q: string, limit = 8): Promise<SearchHit[]> {
  return (await getJson<{ results: SearchHit[] }>(`/api/search?q=${encodeURIComponent(q)}&limit=${limit}`)).results;
}

/** The filters of a text search: the server's `outlet`, `kind`, `from` and `to`. */
export interface TextFilters {
  outlet?: string;
  kind?: string;
  from?: string;
  to?: string;
}

export async function searchText(q: string, filters: TextFilters = {}, limit = 20): Promise<TextSearchResult> {
  const params = new URLSearchParams({ in: 'text', q, limit: String(limit) });
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  return getJson<TextSearchResult>(`/api/search?${params.toString()}`);
}

export function fetchEntity(id: string): Promise<EntityDetails> {
  return getJson<EntityDetails>(`/api/entities/${encodeURIComponent(id)}`);
}

/** `page` asks for `limit` nodes from `offset` on (offset with depth 1 only); the server's default limit otherwise. */
export function fetchNeighbourhood(id: string, depth = 1, page: { limit?: number; offset?: number } = {}): Promise<SerializedGraph> {
  const paging = `${page.limit === undefined ? '' : `&limit=${page.limit}`}${page.offset ? `&offset=${page.offset}` : ''}`;
  return getJson<SerializedGraph>(`/api/entities/${encodeURIComponent(id)}/neighbourhood?depth=${depth}${paging}`);
}

export function fetchEvidence(edgeKey: string): Promise<EdgeEvidence> {
  return getJson<EdgeEvidence>(`/api/edges/${encodeURIComponent(edgeKey)}/evidence`);
}

export function fetchDocument(id: string): Promise<DocumentDetails> {
  return getJson<DocumentDetails>(`/api/documents/${encodeURIComponent(id)}`);
}

export function fetchDocuments(limit = 500, offset = 0): Promise<{ total: number; documents: DocumentSummary[] }> {
  return getJson<{ total: number; documents: DocumentSummary[] }>(`/api/documents?limit=${limit}&offset=${offset}`);
}

export function fetchPaths(from: string, to: string, maxLength: number): Promise<PathsResult> {
  return getJson<PathsResult>(`/api/paths?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&maxLength=${maxLength}`);
}

export function runCypher(query: string, params: Record<string, unknown> = {}): Promise<CypherResult> {
  return postJson<CypherResult>('/api/cypher', { query, params });
}

/** The file name a Content-Disposition header gives: the UTF-8 `filename*` if any, else `filename`; null if neither. */
export function contentDispositionName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // A malformed encoding: the plain name below still serves.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  return name || null;
}

/**
 * An export file from POST /api/export (see common/export.ts), read whole: its bytes and the name the
 * server gave it (null if none). Errors are ApiRequestErrors with the server's message.
 */
export async function exportFile(
  format: ExportFormatName,
  scope: ExportScope,
  positions?: Record<string, [number, number]>,
  signal?: AbortSignal,
  range?: { from: string; to: string },
): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await fetch('/api/export', {
    method: 'POST',
    headers: { accept: 'application/json, */*', 'content-type': 'application/json' },
    body: JSON.stringify({ format, scope, ...(positions ? { positions } : {}), ...(range ?? {}) }),
    signal,
  });
  if (response.status === 401) unauthenticated?.();
  if (!response.ok) {
    const error = ((await response.json().catch(() => null)) as Partial<ApiError> | null)?.error;
    throw new ApiRequestError(error?.code ?? 'HTTP_ERROR', error?.message ?? `The export answered ${response.status}`, response.status);
  }
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch (err) {
    if (signal?.aborted) throw err;
    // The server cuts the stream when the database fails part-way: a partial file must not pass for a whole one.
    throw new ApiRequestError('EXPORT_INTERRUPTED', 'The export was cut short before the file was complete; try again.', response.status);
  }
  return { blob, fileName: contentDispositionName(response.headers.get('content-disposition')) };
}

// ---- curation (#18): each change needs the editor role and a reason, and answers with its correction ----

/** Suggested duplicates, best first: every category, or one. */
export function fetchDuplicates(category?: EntityCategory, limit = 50): Promise<DuplicateList> {
  return getJson<DuplicateList>(`/api/duplicates?limit=${limit}${category ? `&category=${category}` : ''}`);
}

/** Merges `ids` (the first keeps its id) into one entity, named `name` if given. */
export function mergeEntities(ids: string[], reason: string, name?: string): Promise<{ entity: EntityDetails; correction: Correction }> {
  return postJson('/api/entities/merge', { ids, reason, ...(name ? { name } : {}) });
}

/** Splits the names `aliases` of `id` off into a new entity. */
export function splitEntity(id: string, aliases: string[], reason: string): Promise<{ entities: [EntityDetails, EntityDetails]; correction: Correction }> {
  return postJson(`/api/entities/${encodeURIComponent(id)}/split`, { aliases, reason });
}

export function editEntity(
  id: string,
  change: { name?: string; category?: EntityCategory; kind?: string | null; reason: string },
): Promise<{ entity: EntityDetails; correction: Correction }> {
  return sendJson('PATCH', `/api/entities/${encodeURIComponent(id)}`, change);
}

/** Hides an entity, an allegation or a link (an edge key) from the graph. */
export function reject(id: string, reason: string): Promise<{ correction: Correction }> {
  return postJson('/api/reject', { id, reason });
}

export function restore(id: string, reason: string): Promise<{ correction: Correction }> {
  return postJson('/api/restore', { id, reason });
}

/** Two entities a suggestion took for one are not the same: never suggested again. */
export function markDistinct(ids: [string, string], reason: string): Promise<{ correction: Correction }> {
  return postJson('/api/duplicates/distinct', { ids, reason });
}

export function fetchCorrections(limit = 50, offset = 0): Promise<CorrectionLog> {
  return getJson<CorrectionLog>(`/api/corrections?limit=${limit}&offset=${offset}`);
}

export function revertCorrection(id: string, reason: string): Promise<{ correction: Correction }> {
  return postJson(`/api/corrections/${encodeURIComponent(id)}/revert`, { reason });
}
