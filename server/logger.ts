import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/**
 * JSON logs for machines; readable lines when a person watches a terminal. Standard output is written
 * asynchronously, lines arriving during a write joined into the next: on Linux a write to a pipe or
 * file is otherwise a blocking system call per line, which cost a sixth of the server's CPU under load
 * (bench:api). pino flushes what is left on exit.
 */
export function createLogger(level: string, stream: NodeJS.WritableStream = process.stdout): Logger {
  const tty = (stream as NodeJS.WriteStream).isTTY === true;
  if (tty) return pino({ level, base: undefined }, pretty({ colorize: true, destination: stream, ignore: 'pid,hostname' }));
  const destination = stream === process.stdout ? pino.destination({ dest: 1, sync: false }) : stream;
  return pino({ level, base: undefined }, destination);
}
