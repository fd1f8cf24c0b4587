import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Database } from '../../server/db/database.js';
import { apiRouter } from '../../server/http/app.js';
import { openApiDocument } from '../../server/http/openapi.js';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** "GET /api/entities/{id}" for every route the Express router really has. */
function routesOf(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = `/api${layer.route.path}`.replace(/:(\w+)/g, '{$1}');
      return Object.keys(layer.route.methods).filter((m) => m !== '_all').map((m) => `${m.toUpperCase()} ${path}`);
    }
    return layer.handle?.stack ? routesOf(layer.handle.stack) : [];
  });
}

describe('OpenAPI document', () => {
  it('describes exactly the routes the API serves', async () => {
    // No query runs: the driver connects lazily, and only the router's shape is read.
    const db = new Database({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'unused-here' });
    const served = routesOf((apiRouter(db) as unknown as { stack: Layer[] }).stack).sort();
    const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    assert.ok(served.length >= 12, served.join('\n'));
    assert.deepEqual(served, documented);
    assert.equal(doc.openapi, '3.1.0');
    await db.close();
  });
});
