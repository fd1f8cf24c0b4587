/** A worker thread of the extraction pool (pool.ts): its own extractor, one article per message. */
import { parentPort } from 'node:worker_threads';
import { defaultExtractor } from './index.js';
import type { PoolReply, PoolRequest } from './pool.js';

const port = parentPort;
if (!port) throw new Error('extract/worker.ts runs only as a worker thread');
port.on('message', ({ id, text }: PoolRequest) => {
  let reply: PoolReply;
  try {
    reply = { id, result: defaultExtractor.extract(text) };
  } catch (e) {
    reply = { id, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
