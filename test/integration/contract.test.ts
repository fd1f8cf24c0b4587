/**
 * The red team's contract findings (issue 15), one by one, against the real server over the seed graph:
 * the server takes exactly what /api/openapi.json says, answers client mistakes 4xx with a code, and every
 * status it answers is one the document lists for that operation.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { openApiDocument } from '../../server/http/openapi.js';
import { apiSuite } from '../helpers/seeded.js';

type Operation = { responses: Record<string, unknown> };
const paths = openApiDocument().paths as Record<string, Record<string, Operation>>;

interface Reply {
  status: number;
  headers: Headers;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
}

describe('the API contract', () => {
  const api = apiSuite();

  /** A request, its JSON reply, and a check that the document lists its status for `operation`. */
  async function call(operation: [string, string] | null, path: string, init: RequestInit = {}): Promise<Reply> {
    const response = await fetch(`${api.base}${path}`, init);
    const text = await response.text();
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/, `${path}: ${text.slice(0, 200)}`);
    assert.doesNotMatch(text, /at .*\.(js|ts):\d+/, 'no stack trace');
    if (operation) {
      const [template, method] = operation;
      assert.ok(String(response.status) in paths[template]![method]!.responses, `${method.toUpperCase()} ${template} documents ${response.status}`);
    }
    return { status: response.status, headers: response.headers, body: JSON.parse(text) as Reply['body'] };
  }

  const refused = async (operation: [string, string], path: string, pattern: RegExp) => {
    const reply = await call(operation, path);
    assert.equal(reply.status, 400, `${path}: ${JSON.stringify(reply.body)}`);
    assert.equal(reply.body.error?.code, 'BAD_REQUEST', path);
    assert.match(reply.body.error!.message, pattern, path);
  };

  it('answers a malformed % in a path 400 BAD_REQUEST, not 500', async () => {
    for (const path of ['/api/entities/%E0%A4%A', '/api/entities/%E0%A4%A/neighbourhood', '/api/documents/%ZZ', '/api/edges/%/evidence']) {
      const template = path.includes('neighbourhood')
        ? '/api/entities/{id}/neighbourhood'
        : path.startsWith('/api/entities')
          ? '/api/entities/{id}'
          : path.startsWith('/api/documents')
            ? '/api/documents/{id}'
            : '/api/edges/{id}/evidence';
      const reply = await call([template, 'get'], path);
      assert.equal(reply.status, 400, path);
      assert.equal(reply.body.error?.code, 'BAD_REQUEST');
      assert.match(reply.body.error!.message, /percent-encoding/);
    }
  });

  it('answers an unlisted method on a known path 405 METHOD_NOT_ALLOWED with Allow, and OPTIONS with the methods', async () => {
    const cases: [string, string, string][] = [
      ['/api/graph', 'DELETE', 'GET, HEAD, OPTIONS'],
      ['/api/cypher', 'GET', 'POST, OPTIONS'],
      ['/api/cypher', 'PUT', 'POST, OPTIONS'],
      ['/api/export', 'PATCH', 'GET, POST, HEAD, OPTIONS'],
      ['/api/entities/person:antony-blinken', 'POST', 'GET, PATCH, HEAD, OPTIONS'],
      ['/api/entities/merge', 'GET', 'POST, OPTIONS'],
      ['/api/entities/person:antony-blinken/neighbourhood/', 'DELETE', 'GET, HEAD, OPTIONS'],
      ['/api/openapi.json', 'POST', 'GET, HEAD, OPTIONS'],
    ];
    for (const [path, method, allow] of cases) {
      const reply = await call(null, path, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      assert.equal(reply.status, 405, `${method} ${path}`);
      assert.equal(reply.body.error?.code, 'METHOD_NOT_ALLOWED');
      assert.equal(reply.headers.get('allow'), allow, `${method} ${path}`);
    }
    const options = await fetch(`${api.base}/api/cypher`, { method: 'OPTIONS' });
    assert.ok(options.status < 300);
    assert.match(options.headers.get('allow') ?? '', /POST/);
    // A path the API does not have stays 404.
    assert.equal((await call(null, '/api/nothing-here', { method: 'DELETE' })).status, 404);
  });

  it('refuses what the document refuses: empty and blank text, empty from/to, types off the pattern, numbers that are not digits, offsets past the bound', async () => {
    const search: [string, string] = ['/api/search', 'get'];
    await refused(search, '/api/search?q=', /q: give the text/);
    await refused(search, '/api/search?q=%20%20', /q: give the text/);
    await refused(search, '/api/search?q=wang&limit=1e1', /limit: expected a whole number/);
    await refused(search, '/api/search?q=wang&limit=0x10', /limit/);
    await refused(search, '/api/search?q=wang&limit=%205', /limit/);
    await refused(search, '/api/search?q=wang&limt=5', /Unrecognized key/);
    const pathsOp: [string, string] = ['/api/paths', 'get'];
    await refused(pathsOp, '/api/paths?from=&to=person:wang-yi', /from/);
    await refused(pathsOp, '/api/paths?from=person:wang-yi&to=', /to/);
    const documents: [string, string] = ['/api/documents', 'get'];
    await refused(documents, '/api/documents?limit=289&offset=', /offset: expected a whole number/);
    await refused(documents, '/api/documents?offset=99999999999999999999', /offset/);
    const around: [string, string] = ['/api/entities/{id}/neighbourhood', 'get'];
    const blinken = '/api/entities/person:antony-blinken/neighbourhood';
    await refused(around, `${blinken}?types=met;DROP`, /types are relationship types/);
    await refused(around, `${blinken}?types=MET,`, /types/);
    await refused(around, `${blinken}?types=MET,%20ACCUSED`, /types/);
    await refused(around, `${blinken}?offset=1000001`, /offset/);
    await refused(around, `${blinken}?depth=2&offset=3`, /use it with depth=1/);
    await refused(around, `${blinken}?limit=`, /limit: expected a whole number/);
    const exportOp: [string, string] = ['/api/export', 'get'];
    await refused(exportOp, '/api/export?format=json&scope=neighbourhood', /id: missing/);
    await refused(exportOp, '/api/export?format=json&scope=nodes&ids=a,,b', /ids are node ids/);
    await refused(exportOp, '/api/export?format=json&scope=all&id=x', /Unrecognized key/);
    await refused(['/api/graph', 'get'], '/api/graph?limit=', /limit/);

    // …and takes what it promises.
    assert.equal((await call(around, `${blinken}?types=MET,ACCUSED&limit=289&offset=0`)).status, 200);
    assert.equal((await call(around, `${blinken}?depth=3&offset=0`)).status, 200);
    assert.equal((await call(around, `${blinken}?offset=2&limit=2`)).status, 200);
    assert.equal((await call(documents, '/api/documents?limit=500&offset=10000000')).status, 200);
    assert.equal((await call(search, '/api/search?q=%20wang%20&type=Person&limit=100')).status, 200);
  });

  it('answers paths from an entity to itself with the entity alone, and an unknown one 404', async () => {
    const self = await call(['/api/paths', 'get'], '/api/paths?from=person:antony-blinken&to=person:antony-blinken');
    assert.equal(self.status, 200);
    assert.equal(self.body.found, true);
    assert.deepEqual(self.body.paths, [[]]);
    assert.deepEqual(
      (self.body.graph as { nodes: { key: string }[] }).nodes.map((n) => n.key),
      ['person:antony-blinken'],
    );
    assert.equal((await call(['/api/paths', 'get'], '/api/paths?from=person:nobody&to=person:nobody')).status, 404);
  });

  it('answers body mistakes 400 and a body over the limit 413 PAYLOAD_TOO_LARGE', async () => {
    const cypher: [string, string] = ['/api/cypher', 'post'];
    const post = (body: string, type = 'application/json') => call(cypher, '/api/cypher', { method: 'POST', headers: { 'content-type': type }, body });
    const notJson = await post('{nope');
    assert.deepEqual([notJson.status, notJson.body.error?.code], [400, 'BAD_REQUEST']);
    assert.match(notJson.body.error!.message, /not valid JSON/);
    const wrongType = await post('query=RETURN 1', 'application/x-www-form-urlencoded');
    assert.deepEqual([wrongType.status, wrongType.body.error?.code], [400, 'BAD_REQUEST']);
    assert.match(wrongType.body.error!.message, /Content-Type: application\/json/);
    const blank = await post(JSON.stringify({ query: ' \n ' }));
    assert.deepEqual([blank.status, blank.body.error?.code], [400, 'BAD_REQUEST']);
    const big = await post(JSON.stringify({ query: 'RETURN 1', params: { x: 'a'.repeat(2 * 1024 * 1024) } }));
    assert.deepEqual([big.status, big.body.error?.code], [413, 'PAYLOAD_TOO_LARGE']);
    const exportBig = await call(['/api/export', 'post'], '/api/export', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'json', scope: { kind: 'nodes', ids: Array(200_000).fill('person:antony-blinken') } }),
    });
    assert.equal(exportBig.status, 413);
  });

  it('answers headers over 16 KB 431 in the error vocabulary, not a bare status line', async () => {
    const { status, type, body } = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const req = request(`${api.base}/api/graph?limit=${'9'.repeat(20_000)}`, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'] ?? '', body: text }));
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(status, 431);
    assert.ok('431' in paths['/api/graph']!.get!.responses);
    assert.match(type, /^application\/json/);
    assert.equal((JSON.parse(body) as Reply['body']).error?.code, 'PAYLOAD_TOO_LARGE');
  });
});
