/**
 * The file newsgraph writes when a graph is exported as JSON, from the explorer's canvas or from the
 * server: graphology's serialized graph (the one wire format, see graph.ts) in a versioned wrapper, so
 * a reader can tell the file apart from any other JSON and knows which shape it holds.
 */
import type { SerializedGraph } from './graph.js';

export const EXPORT_FORMAT = 'newsgraph';
/** Raised when the wrapper or the graph inside it changes shape; readers refuse versions they do not know. */
export const EXPORT_VERSION = 1;

/**
 * What was exported. `view`: the nodes the explorer was showing (those its filters let through) and the
 * links between them, with the positions they had on screen (x, y on each node). Server exports add
 * their own kinds here.
 */
export type ExportScope = { kind: 'view' };

export interface GraphExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  /** When the file was made, ISO 8601 in UTC. */
  exportedAt: string;
  scope: ExportScope;
  /** Node and edge attributes as the API sends them; a view export adds x and y to each node. */
  graph: SerializedGraph;
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
