import type { ApiError, DocumentDetails, EdgeEvidence, EntityDetails, SearchHit } from '../../common/api.js';
import type { SerializedGraph } from '../../common/graph.js';

export class ApiRequestError extends Error {
  constructor(readonly code: string, message: string, readonly status: number) {
    super(message);
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (body as Partial<ApiError> | null)?.error;
    throw new ApiRequestError(error?.code ?? 'HTTP_ERROR', error?.message ?? `${url} answered ${response.status}`, response.status);
  }
  return body as T;
}

export function fetchOverview(limit = 300): Promise<SerializedGraph> {
  return getJson<SerializedGraph>(`/api/graph?limit=${limit}`);
}

export async function searchEntities(q: string, limit = 8): Promise<SearchHit[]> {
  return (await getJson<{ results: SearchHit[] }>(`/api/search?q=${encodeURIComponent(q)}&limit=${limit}`)).results;
}

export function fetchEntity(id: string): Promise<EntityDetails> {
  return getJson<EntityDetails>(`/api/entities/${encodeURIComponent(id)}`);
}

export function fetchNeighbourhood(id: string, depth = 1): Promise<SerializedGraph> {
  return getJson<SerializedGraph>(`/api/entities/${encodeURIComponent(id)}/neighbourhood?depth=${depth}`);
}

export function fetchEvidence(edgeKey: string): Promise<EdgeEvidence> {
  return getJson<EdgeEvidence>(`/api/edges/${encodeURIComponent(edgeKey)}/evidence`);
}

export function fetchDocument(id: string): Promise<DocumentDetails> {
  return getJson<DocumentDetails>(`/api/documents/${encodeURIComponent(id)}`);
}
