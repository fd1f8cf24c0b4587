/** What every format writer is given, and what it is: a function from a source to bytes on a stream. */
import type { Writable } from 'node:stream';
import type { ExportSource, ServerScope } from './source.js';

export interface ExportContext {
  scope: ServerScope;
  /** ISO 8601, UTC. */
  exportedAt: string;
  /** Called as output first leaves (see TextSink). */
  onFirstWrite: () => void;
  /** More top-level fields of a JSON file or evidence pack, written after the graph (an investigation and its notes). */
  extra?: Record<string, unknown>;
}

/** Writes the whole file to `out` and resolves when the last byte is handed over; does not end `out`. */
export type FormatWriter = (source: ExportSource, out: Writable, context: ExportContext) => Promise<void>;
