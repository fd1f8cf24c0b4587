/** How every command reports: progress to stderr, failures as `error[CODE]: message` (or JSON). */
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
