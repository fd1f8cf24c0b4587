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

/** Room for a chunk and the piece that fills it; a piece too big for what is left starts a buffer of its own. */
const BUFFER = 2 * CHUNK;
const EMPTY = Buffer.alloc(0);

/**
 * Text is encoded into a buffer piece by piece as it comes, not gathered as strings and joined: one curly
 * quote in a chunk would make the joined string two bytes a character, to be encoded again on the way out.
 */
export class TextSink {
  /** What is ready to go: whole buffers, then `buffer` up to `used`; `size` bytes in all. */
  private full: Buffer[] = [];
  private buffer: Buffer = EMPTY;
  private used = 0;
  private size = 0;

  /** `onFirstWrite` learns when output first leaves, after which the export cannot start over. */
  constructor(
    private readonly out: Writable,
    private readonly onFirstWrite: () => void = () => {},
  ) {}

  async write(text: string): Promise<void> {
    if (this.push(text)) await this.flush();
  }

  /**
   * `write` without a promise for each piece, for writers that emit one piece per element: adds the text
   * and says whether a chunk is full. The caller awaits `flushIfFull()` every so often (after each batch of
   * elements), so at most a batch's text is held beyond a chunk.
   */
  push(text: string): boolean {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit: with that much room left the text fits whole.
    if (text.length * 3 > this.buffer.length - this.used) {
      if (this.used > 0) this.full.push(this.buffer.subarray(0, this.used));
      this.buffer = Buffer.allocUnsafe(Math.max(BUFFER, text.length * 3));
      this.used = 0;
    }
    const bytes = this.buffer.write(text, this.used);
    this.used += bytes;
    this.size += bytes;
    return this.size >= CHUNK;
  }

  async flushIfFull(): Promise<void> {
    if (this.size >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.size === 0) return;
    if (this.used > 0) this.full.push(this.buffer.subarray(0, this.used));
    const chunk = this.full.length === 1 ? this.full[0]! : Buffer.concat(this.full);
    // A fresh buffer for what follows: `out` may hold on to this one until it is written.
    this.full = [];
    this.buffer = EMPTY;
    this.used = 0;
    this.size = 0;
    if (this.out.destroyed) throw new AppError('EXPORT_INTERRUPTED', 'The export was cancelled: its reader went away.');
    this.onFirstWrite();
    if (!this.out.write(chunk)) await drained(this.out);
  }
}
