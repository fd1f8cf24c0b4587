/**
 * Server-sent events: one open response per listener. A comment line every little while keeps
 * proxies from closing a quiet stream, and whoever opened the stream is told when it goes away.
 */
import type { Request, Response } from 'express';

const KEEPALIVE_MS = 20_000;

export interface EventStream {
  send(event: string, data: unknown): void;
  end(): void;
}

export function openEventStream(req: Request, res: Response, onClose: () => void): EventStream {
  res.status(200).set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    // nginx and the like would hold the events back to fill a buffer.
    'X-Accel-Buffering': 'no',
  });
  res.flushHeaders();
  res.write('retry: 3000\n\n');
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
  keepalive.unref();
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    clearInterval(keepalive);
    onClose();
  };
  req.on('close', close);
  return {
    send(event, data) {
      if (open) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      close();
      res.end();
    },
  };
}
