/** The API's OpenAPI 3.1 description, served at /api/openapi.json; a test checks it against the routes. */
import { EXPORT_FORMATS } from '../../common/export.js';
import { packageVersion } from '../paths.js';

const error = { $ref: '#/components/responses/Error' };
const graph = { $ref: '#/components/schemas/Graph' };
const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const query = (name: string, schema: object, description: string, required = false) => ({ name, in: 'query', required, schema, description });
const pathId = (description: string) => ({ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description });
const ok = (description: string, schema: object = { type: 'object' }) => ({ 200: { description, ...json(schema) }, 400: error, 404: error, 503: error });

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: { title: 'newsgraph API', version: packageVersion(), description: 'Explore an evidence-linked graph of people, institutions, places and allegations extracted from news.' },
    paths: {
      '/api/health': { get: { summary: 'Neo4j connectivity, version and edition', responses: { 200: { description: 'connected', ...json({ type: 'object' }) }, 503: error } } },
      '/api/stats': { get: { summary: 'Node counts by label, relationship counts by type', responses: ok('counts') } },
      '/api/graph': { get: { summary: 'Overview: the best-connected nodes and the links among them', parameters: [query('limit', { type: 'integer', minimum: 1, maximum: 5000, default: 300 }, 'nodes at most')], responses: ok('a graph', graph) } },
      '/api/search': {
        get: {
          summary: 'Entities by name or alias, prefix and fuzzy, ranked',
          parameters: [
            query('q', { type: 'string', minLength: 1, maxLength: 200 }, 'the words to look for', true),
            query('type', { type: 'string', enum: ['Person', 'Institution', 'Place'] }, 'only this kind'),
            query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 10 }, 'results at most'),
          ],
          responses: ok('ranked results'),
        },
      },
      '/api/entities/{id}': { get: { summary: 'An entity: aliases, roles, documents, degree by relationship type', parameters: [pathId('entity id, e.g. person:antony-blinken')], responses: ok('the entity') } },
      '/api/entities/{id}/neighbourhood': {
        get: {
          summary: 'The entity and the nodes within depth links, nearest and best-connected first, a page of them, each with hiddenNeighbours and neighbourCount',
          parameters: [
            pathId('entity id'),
            query('depth', { type: 'integer', minimum: 1, maximum: 3, default: 1 }, 'links away'),
            query('types', { type: 'string' }, 'comma-separated relationship types, e.g. MET,ACCUSED'),
            query('limit', { type: 'integer', minimum: 1, maximum: 5000, default: 300 }, 'nodes at most'),
            query('offset', { type: 'integer', minimum: 0, maximum: 1000000, default: 0 }, 'nodes of the ranked order to skip: the next page of direct neighbours (depth=1 only, else 400 BAD_REQUEST)'),
          ],
          responses: ok('a graph', graph),
        },
      },
      '/api/paths': {
        get: {
          summary: 'Shortest paths between two entities with the evidence of each hop',
          parameters: [
            query('from', { type: 'string' }, 'entity id', true),
            query('to', { type: 'string' }, 'entity id', true),
            query('maxLength', { type: 'integer', minimum: 1, maximum: 6, default: 4 }, 'links at most'),
          ],
          responses: ok('paths, hops and a graph'),
        },
      },
      '/api/edges/{id}/evidence': { get: { summary: 'The sentences and documents behind a relationship', parameters: [pathId('edge key from a graph payload')], responses: ok('evidence') } },
      '/api/documents': {
        get: {
          summary: 'Loaded documents',
          parameters: [query('limit', { type: 'integer', minimum: 1, maximum: 500, default: 50 }, 'page size'), query('offset', { type: 'integer', minimum: 0, default: 0 }, 'skip')],
          responses: ok('a page of documents'),
        },
      },
      '/api/documents/{id}': { get: { summary: 'A document: text and the spans of its entity mentions', parameters: [pathId('document id')], responses: ok('the document') } },
      '/api/cypher': {
        post: {
          summary: 'Read-only Cypher: planned and checked first, then run read-only with a timeout and a row cap',
          requestBody: { required: true, ...json({ type: 'object', required: ['query'], properties: { query: { type: 'string', maxLength: 10000 }, params: { type: 'object' } } }) },
          responses: { ...ok('columns, rows, graph, truncated'), 403: error, 408: error, 429: error },
        },
      },
      '/api/export': {
        get: {
          summary: 'A subgraph as a file, streamed, named by Content-Disposition: the whole graph, a neighbourhood, paths, a read-only query result, or given nodes',
          parameters: [
            query('format', { type: 'string', enum: [...EXPORT_FORMATS] }, 'json (newsgraph JSON), evidence (JSON with evidence items and documents), graphml, gexf (1.3), csv (zip for neo4j-admin import), cypher (a script that re-creates it)', true),
            query('scope', { type: 'string', enum: ['all', 'neighbourhood', 'path', 'cypher', 'nodes'] }, 'what to export', true),
            query('id', { type: 'string' }, 'scope=neighbourhood: the entity or allegation id'),
            query('depth', { type: 'integer', minimum: 1, maximum: 3, default: 1 }, 'scope=neighbourhood: links away'),
            query('from', { type: 'string' }, 'scope=path: entity id'),
            query('to', { type: 'string' }, 'scope=path: entity id'),
            query('maxLength', { type: 'integer', minimum: 1, maximum: 6, default: 4 }, 'scope=path: links at most'),
            query('query', { type: 'string', maxLength: 10000 }, 'scope=cypher: a read query (the read-only guard of /api/cypher; more than 100000 rows is refused)'),
            query('ids', { type: 'string' }, 'scope=nodes: comma-separated node ids; the links among them come along'),
          ],
          responses: { 200: { description: 'the file, in the media type of its format' }, 400: error, 403: error, 404: error, 408: error, 429: error, 503: error },
        },
        post: {
          summary: 'The same, with the scope as JSON: for long id lists, query parameters, and the layout (positions) of the explorer',
          requestBody: {
            required: true,
            ...json({
              type: 'object',
              required: ['format', 'scope'],
              properties: {
                format: { type: 'string', enum: [...EXPORT_FORMATS] },
                scope: { type: 'object', description: "{kind:'all'} | {kind:'neighbourhood', id, depth} | {kind:'path', from, to, maxLength} | {kind:'cypher', query, params} | {kind:'nodes', ids}" },
                positions: { type: 'object', description: 'node id → [x, y], written as x and y (GEXF: viz:position)' },
              },
            }),
          },
          responses: { 200: { description: 'the file, in the media type of its format' }, 400: error, 403: error, 404: error, 408: error, 429: error, 503: error },
        },
      },
      // Access control (issue 15); the generated document takes these over.
      '/api/session': {
        get: { summary: 'Who the caller is: role, token name and id, whether access control is on', responses: { 200: { description: 'the session', ...json({ type: 'object' }) }, 401: error, 503: error } },
        post: {
          summary: 'Sign in: checks a token and sets it as an HttpOnly, SameSite=Strict cookie',
          requestBody: { required: true, ...json({ type: 'object', required: ['token'], properties: { token: { type: 'string', minLength: 1, maxLength: 200 } } }) },
          responses: { 200: { description: 'signed in', ...json({ type: 'object' }) }, 400: error, 401: error, 503: error },
        },
        delete: { summary: 'Sign out: clears the cookie', responses: { 204: { description: 'signed out' } } },
      },
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1', ...json({ type: 'object' }) } } } },
    },
    components: {
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } } },
        Graph: {
          type: 'object',
          description: "graphology's serialized JSON",
          required: ['attributes', 'nodes', 'edges'],
          properties: { attributes: { type: 'object' }, options: { type: 'object' }, nodes: { type: 'array', items: { type: 'object' } }, edges: { type: 'array', items: { type: 'object' } } },
        },
      },
      responses: { Error: { description: 'an error: {error:{code,message}}', ...json({ $ref: '#/components/schemas/Error' }) } },
    },
  };
}
