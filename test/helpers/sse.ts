/** Server-sent events read the way a browser's EventSource reads them, for API tests. */

export interface ServerEvent {
  event: string;
  data: unknown;
}

export interface EventReader {
  /** The next event of this name (events of other names before it are kept in `seen`); fails after `timeoutMs`. */
  next(event: string, timeoutMs?: number): Promise<ServerEvent>;
  /** Every event read so far. */
  readonly seen: ServerEvent[];
  close(): void;
}

export async function readEvents(url: string, headers: Record<string, string> = {}): Promise<EventReader> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  if (!response.ok || !/^text\/event-stream/.test(response.headers.get('content-type') ?? '')) {
    throw new Error(`${url}: ${response.status} ${response.headers.get('content-type')} ${await response.text()}`);
  }
  const seen: ServerEvent[] = [];
  const waiting: { event: string; from: number; resolve: (e: ServerEvent) => void }[] = [];
  let ended = false;
  const settle = () => {
    for (const w of [...waiting]) {
      const found = seen.slice(w.from).find((e) => e.event === w.event);
      if (found) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(found);
      }
    }
  };
  let consumed = 0;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const name = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (name && data !== undefined) seen.push({ event: name, data: JSON.parse(data) as unknown });
        }
        settle();
      }
    } catch {
      // Closed by us.
    }
    ended = true;
  })();
  return {
    seen,
    next(event, timeoutMs = 30_000) {
      const from = consumed;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`no "${event}" event within ${timeoutMs} ms${ended ? ' (the stream ended)' : ''}; saw ${JSON.stringify(seen.map((e) => e.event))}`),
            ),
          timeoutMs,
        );
        waiting.push({
          event,
          from,
          resolve: (e) => {
            clearTimeout(timer);
            consumed = seen.indexOf(e) + 1;
            resolve(e);
          },
        });
        settle();
      });
    },
    close: () => abort.abort(),
  };
}
