/**
 * Text out to a stream, in chunks of about 64 kB, waiting whenever the reader is slower (a slow disk,
 * a slow download) so that memory stays flat however large the export.
 */
import type { Writable } from 'node:stream';
import { AppError } from '../errors.js';

const CHUNK = 64 * 1024;

/** Resolves once `out` can take more; rejects if it is closed or fails first (a download cancelled). */
export function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (err?: unknown) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = (err?: unknown) => done(err ?? new AppError('EXPORT_INTERRUPTED', 'The export was cancelled: its reader went away.'));
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onClose);
  });
}

export class TextSink {
  private chunks: string[] = [];
  private size = 0;

  /** `onFirstWrite` learns when output first leaves, after which the export cannot start over. */
  constructor(
    private readonly out: Writable,
    private readonly onFirstWrite: () => void = () => {},
  ) {}

  async write(text: string): Promise<void> {
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    const chunk = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    if (this.out.destroyed) throw new AppError('EXPORT_INTERRUPTED', 'The export was cancelled: its reader went away.');
    this.onFirstWrite();
    if (!this.out.write(chunk)) await drained(this.out);
  }
}
