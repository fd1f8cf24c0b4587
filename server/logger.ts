import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** JSON logs for machines; readable lines when a person watches a terminal. */
export function createLogger(level: string, stream: NodeJS.WritableStream = process.stdout): Logger {
  const tty = (stream as NodeJS.WriteStream).isTTY === true;
  const destination = tty ? pretty({ colorize: true, destination: stream, ignore: 'pid,hostname' }) : stream;
  return pino({ level, base: undefined }, destination);
}
