/** How every command reports: progress to stderr, failures as `error[CODE]: message` (or JSON). */
import { SingleBar } from 'cli-progress';
import { toAppError } from '../errors.js';

export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Prints the error in the shared vocabulary and sets a failing exit code; never a stack trace. */
export function reportError(err: unknown, json = false): void {
  const e = toAppError(err);
  if (json) process.stderr.write(`${JSON.stringify(e.toJSON())}\n`);
  else process.stderr.write(`newsgraph: error[${e.code}]: ${e.message}\n`);
  if (e.code === 'INTERNAL' && process.env.NEWSGRAPH_DEBUG) process.stderr.write(`${String((e.cause as Error)?.stack ?? e.cause)}\n`);
  process.exitCode = 1;
}

export interface ProgressView<P> {
  /** cli-progress's format, e.g. 'Loading [{bar}] {value}/{total} documents'; payload fields by name. */
  bar: string;
  total(p: P): number;
  value(p: P): number;
  payload(p: P): Record<string, unknown>;
  /** The line written instead of a bar where stderr is not a terminal (logs, CI). */
  line(p: P): string;
}

/** A bar at a terminal; a line every two seconds, and the last one, elsewhere. */
export function progressReporter<P>(view: ProgressView<P>): { update: (p: P) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({ format: view.bar, stream: process.stderr, hideCursor: true });
    let started = false;
    return {
      update: (p) => {
        if (!started) bar.start(view.total(p), 0, view.payload(p));
        started = true;
        bar.update(view.value(p), view.payload(p));
      },
      stop: () => started && bar.stop(),
    };
  }
  let last = 0;
  return {
    update: (p) => {
      if (Date.now() - last < 2_000 && view.value(p) < view.total(p)) return;
      last = Date.now();
      progress(view.line(p));
    },
    stop: () => {},
  };
}
