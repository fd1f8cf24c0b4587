import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { Database } from '../../../../server/db/database.js';
import { apiRouter } from '../../../../server/http/app.js';
import { inputSchema, openApiDocument } from '../../../../server/http/openapi.js';
import { wholeNumber } from '../../../../server/http/params.js';
import { CypherBody } from '../../../../server/http/routes/cypher.js';
import { DocumentsBody } from '../../../../server/http/routes/documents.js';
import { ExportQuery } from '../../../../server/http/routes/export.js';
import { NeighbourhoodQuery, PathsQuery, SearchQuery } from '../../../../server/http/routes/graph.js';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** "GET /api/entities/{id}" for every route the Express router really has. */
function routesOf(stack: Layer[]): string[] {
  return stack.flatMap((layer) => {
    if (layer.route) {
      const path = `/api${layer.route.path}`.replace(/:(\w+)/g, '{$1}');
      return Object.keys(layer.route.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${path}`);
    }
    return layer.handle?.stack ? routesOf(layer.handle.stack) : [];
  });
}

type Operation = {
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: object }[];
  requestBody?: { content: Record<string, { schema: object }> };
  responses: Record<string, unknown>;
};
const doc = openApiDocument() as { openapi: string; paths: Record<string, Record<string, Operation>>; components: Record<string, Record<string, unknown>> };
const input = inputSchema;

describe('OpenAPI document', () => {
  it('describes exactly the routes the API serves', async () => {
    // No query runs: the driver connects lazily, and only the router's shape is read.
    const db = new Database({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'unused-here' });
    const served = routesOf((apiRouter(db) as unknown as { stack: Layer[] }).stack).sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    assert.ok(served.length >= 12, served.join('\n'));
    assert.deepEqual(served, documented);
    assert.equal(doc.openapi, '3.1.0');
    await db.close();
  });

  it('takes each parameter and body from the zod schema its route validates with', () => {
    const paths = doc.paths['/api/paths']!.get!;
    const pathsSchema = input(PathsQuery) as { properties: Record<string, { description?: string }>; required: string[] };
    assert.deepEqual(
      paths.parameters!.map((p) => p.name),
      Object.keys(pathsSchema.properties),
    );
    for (const p of paths.parameters!) {
      const { description: _d, ...schema } = pathsSchema.properties[p.name]!;
      assert.deepEqual(p.schema, schema, p.name);
      assert.equal(p.required, pathsSchema.required.includes(p.name), p.name);
    }
    // Search by names or by text: one object, a branch each, so the text filters are documented with in=text only.
    const [search] = doc.paths['/api/search']!.get!.parameters!;
    const { title: _st, description: _sd, ...searchBranches } = input(SearchQuery);
    assert.deepEqual(search, {
      name: 'search',
      in: 'query',
      required: true,
      style: 'form',
      explode: true,
      description: search!.description,
      schema: searchBranches,
    });
    assert.deepEqual(doc.paths['/api/cypher']!.post!.requestBody!.content['application/json']!.schema, input(CypherBody));
    // Articles come as JSON or as files.
    const upload = doc.paths['/api/documents']!.post!.requestBody!.content;
    assert.deepEqual(upload['application/json']!.schema, input(DocumentsBody));
    assert.ok(upload['multipart/form-data'], 'files as multipart/form-data');
    // Fields that depend on each other are one form-exploded object with a branch each.
    const [page] = doc.paths['/api/entities/{id}/neighbourhood']!.get!.parameters!.filter((p) => p.in === 'query');
    const { title: _t, description: _d, ...branches } = input(NeighbourhoodQuery);
    assert.deepEqual(page, { name: 'page', in: 'query', required: false, style: 'form', explode: true, description: page!.description, schema: branches });
    const [exportQuery] = doc.paths['/api/export']!.get!.parameters!;
    assert.equal(exportQuery!.required, true);
    // One branch per scope, told apart by `scope`.
    const scopes = (input(ExportQuery).oneOf as { properties: { scope: { const: string } } }[]).map((b) => b.properties.scope.const);
    assert.ok(scopes.length >= 4 && new Set(scopes).size === scopes.length, scopes.join());
    assert.deepEqual(exportQuery!.schema, (({ title: _t, description: _d, ...rest }) => rest)(input(ExportQuery)));
  });

  it('documents, for every operation, the statuses any request may get, each with the codes it carries', () => {
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        // Signing out and deleting answer 204 with no body, creating 201, accepting an upload 202; every other operation 200.
        const success = Object.keys(operation.responses).find((s) => s.startsWith('2'))!;
        assert.ok(['200', '201', '202', '204'].includes(success), `${method} ${path}: ${success}`);
        assert.equal(Object.keys(operation.responses).filter((s) => s.startsWith('2')).length, 1, `${method} ${path}: one success`);
        for (const status of [success, '400', '401', '403', '413', '421', '431', '500'])
          assert.ok(status in operation.responses, `${method} ${path}: ${status}`);
        for (const [status, response] of Object.entries(operation.responses)) {
          if (status === success) continue;
          assert.deepEqual(response, { $ref: `#/components/responses/${status}` }, `${method} ${path}: ${status}`);
          assert.ok(status in doc.components.responses!, `${status} is described`);
        }
      }
    }
    const codes = (status: string) =>
      (
        doc.components.responses![status] as {
          content: Record<string, { schema: { allOf: { properties?: { error: { properties: { code: { enum: string[] } } } } }[] } }>;
        }
      ).content['application/json']!.schema.allOf[1]!.properties!.error.properties.code.enum;
    assert.deepEqual(codes('405'), ['METHOD_NOT_ALLOWED']);
    assert.deepEqual(codes('413').sort(), ['PAYLOAD_TOO_LARGE', 'RESULT_TOO_LARGE']);
    assert.deepEqual(codes('431'), ['PAYLOAD_TOO_LARGE']);
    assert.ok(codes('400').includes('CYPHER_INVALID'));
    assert.ok('Allow' in (doc.components.responses!['405'] as { headers: object }).headers);
    for (const status of ['404', '502', '503']) assert.ok(status in doc.paths['/api/entities/{id}']!.get!.responses);
    for (const status of ['408', '422', '429']) assert.ok(status in doc.paths['/api/cypher']!.post!.responses, status);
  });

  it('reads a whole number from a query string as the document says: digits only, within bounds', () => {
    const limit = z.object({ limit: wholeNumber(1, 100, 10, 'results at most') });
    assert.deepEqual(limit.parse({ limit: '42' }), { limit: 42 });
    assert.deepEqual(limit.parse({}), { limit: 10 });
    for (const bad of ['', ' 5', '5 ', '1e1', '0x10', '5.0', '+5', '0', '101', '99999999999999999999', 'abc']) {
      assert.equal(limit.safeParse({ limit: bad }).success, false, JSON.stringify(bad));
    }
    assert.deepEqual(input(limit), {
      type: 'object',
      properties: { limit: { description: 'results at most', default: 10, type: 'integer', minimum: 1, maximum: 100 } },
    });
    assert.equal(
      (z.toJSONSchema(limit, { io: 'input' }).properties!.limit as { default?: unknown }).default,
      undefined,
      'zod alone leaves it out: inputSchema puts it back',
    );
  });
});
