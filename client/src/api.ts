import type { ApiError } from '../../common/api.js';
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
