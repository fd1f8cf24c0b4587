/** A worker thread of the extraction pool (pool.ts): its own extractor, one article or file per message. */
import { parentPort } from 'node:worker_threads';
import { extractFile } from './file-job.js';
import { defaultExtractor } from './index.js';
import type { PoolReply, PoolRequest } from './pool.js';

const port = parentPort;
if (!port) throw new Error('extract/worker.ts runs only as a worker thread');
port.on('message', (request: PoolRequest) => {
  void answer(request).then((reply) => port.postMessage(reply));
});

async function answer(request: PoolRequest): Promise<PoolReply> {
  try {
    if ('file' in request) return { id: request.id, file: await extractFile(request.file, defaultExtractor) };
    return { id: request.id, result: defaultExtractor.extract(request.text) };
  } catch (e) {
    return { id: request.id, error: e instanceof Error ? e.message : String(e) };
  }
}
