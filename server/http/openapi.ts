/**
 * The API's OpenAPI 3.1 description, served at /api/openapi.json. Each operation's parameters and body
 * are written from the very zod schemas its route validates with (as JSON Schema of their input), so the
 * document cannot promise more or less than the server takes. A unit test checks that it lists exactly
 * the routes served, and schemathesis runs against it in the test suite (test/integration/schemathesis.test.ts).
 */
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '../../common/api.js';
import { EXPORT_FILES } from '../../common/export.js';
import { AppError } from '../errors.js';
import { packageVersion } from '../paths.js';
import {
  CorrectionLogReply,
  CorrectionReply,
  CypherReply,
  EntityCorrectionReply,
  SplitReply,
  DocumentReply,
  DocumentsReply,
  JobReply,
  RecentDocumentsReply,
  DuplicatesReply,
  EntityReply,
  EvidenceReply,
  GraphReply,
  HealthReply,
  InvestigationReply,
  InvestigationsReply,
  NoteReply,
  NotesReply,
  PathsReply,
  SearchReply,
  SessionReply,
  TextSearchReply,
  StatsReply,
  TimelineReply,
} from './replies.js';
import { SignIn } from './routes/session.js';
import { CorrectionParams, CorrectionsQuery, DistinctBody, EditBody, MergeBody, RejectBody, RevertBody, SplitBody } from './routes/curate.js';
import { CypherBody } from './routes/cypher.js';
import { ExportBody, ExportQuery } from './routes/export.js';
import { DuplicatesQuery } from './routes/duplicates.js';
import { DocumentsBody, JobParams } from './routes/documents.js';
import { InvestigationBody, InvestigationExportQuery, InvestigationParams } from './routes/investigations.js';
import { NoteBody, NoteParams, NotePatch, NotesQuery } from './routes/notes.js';
import {
  DocumentParams,
  DocumentsQuery,
  EdgeParams,
  EntityParams,
  NeighbourhoodQuery,
  OverviewQuery,
  PathsQuery,
  SearchQuery,
  TimelineQuery,
} from './routes/graph.js';

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of what a zod schema accepts, without the `$schema` line (the document's dialect is
 * 2020-12). zod leaves out a default set after a preprocess (its value is of the output type); for a
 * query's whole number the two are the same, and a reader wants to know it.
 */
export function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def as { type: string; defaultValue?: unknown };
      if (def.type === 'default' && jsonSchema.default === undefined) jsonSchema.default = def.defaultValue as never;
    },
  }) as JsonSchema;
  return rest;
}

/**
 * A route's query or path schema as OpenAPI parameters: one per field of an object; a union (a query
 * whose fields depend on each other) as one form-exploded object, the form that lets OpenAPI say "these
 * fields together, or those".
 */
function parameters(schema: z.ZodType, where: 'query' | 'path'): JsonSchema[] {
  const json = inputSchema(schema);
  const properties = json.properties as Record<string, JsonSchema> | undefined;
  if (json.type === 'object' && properties) {
    const required = new Set((json.required as string[] | undefined) ?? []);
    return Object.entries(properties).map(([name, { description, ...property }]) => ({
      name,
      in: where,
      required: where === 'path' || required.has(name),
      ...(description ? { description } : {}),
      schema: property,
    }));
  }
  const { title, description, ...union } = json;
  const anyRequired = ((union.anyOf ?? union.oneOf) as JsonSchema[]).every((branch) => ((branch.required as string[] | undefined) ?? []).length > 0);
  return [{ name: title as string, in: where, required: anyRequired, style: 'form', explode: true, description, schema: union }];
}

const jsonContent = (schema: JsonSchema) => ({ 'application/json': { schema } });
const ref = (status: number) => ({ $ref: `#/components/responses/${status}` });

/** Codes by the status they are answered with; a few are also answered by Node's parser or by a proxy-facing check. */
function codesFor(status: number): ErrorCode[] {
  const extra: Partial<Record<number, ErrorCode[]>> = { 408: ['BAD_REQUEST'], 431: ['PAYLOAD_TOO_LARGE'] };
  return [...ERROR_CODES.filter((code) => new AppError(code, '').httpStatus === status), ...(extra[status] ?? [])];
}

const ERROR_RESPONSES: Record<number, string> = {
  400: 'a client mistake: a bad parameter or body (BAD_REQUEST), a malformed % in the path, or a Cypher query Neo4j rejects as written (CYPHER_INVALID)',
  401: 'no valid token or session, when access control is on (UNAUTHENTICATED)',
  403: "the token's role may not do this (FORBIDDEN), or a query the read-only guard refuses (CYPHER_REFUSED)",
  404: 'no such entity, document, relationship or path (NOT_FOUND)',
  405: 'the path exists, but not with this method (METHOD_NOT_ALLOWED); Allow lists the methods it has',
  408: 'the query ran past its time limit (CYPHER_TIMEOUT), or the request did not arrive in time',
  409: 'a name that fits several entities (AMBIGUOUS), or a database holding data newsgraph did not write (FOREIGN_DATABASE)',
  413: 'a request body over 1 MB (PAYLOAD_TOO_LARGE), or a result larger than a reply may carry (RESULT_TOO_LARGE)',
  421: 'a Host header this server does not answer to (HOST_NOT_ALLOWED)',
  422: 'the query needs more memory than one transaction may have (CYPHER_MEMORY)',
  429: 'too many requests of this kind from this address (RATE_LIMITED)',
  431: 'a request line and headers over 16 KB (PAYLOAD_TOO_LARGE): send long lists in a POST body',
  500: 'a fault inside newsgraph (INTERNAL); the server log has the details',
  502: 'Neo4j failed the request (NEO4J_ERROR)',
  503: 'Neo4j is unreachable or refuses our credentials, or too many queries are running (NEO4J_UNAVAILABLE, NEO4J_AUTH_FAILED, BUSY)',
};

/** What any request may be answered with, before or around its route: input, access control, size, faults. */
const EVERY_ROUTE = [400, 401, 403, 413, 421, 431, 500];
const NEO4J = [502, 503];

interface Operation {
  summary: string;
  path?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Other media types the body may come in, beside JSON (file uploads). */
  bodyAlso?: Record<string, { schema: JsonSchema }>;
  /** What success is answered with: 200 with `ok`, 201 (created) or 202 (accepted) with `ok`, or 204 with no body. */
  ok: { description: string; content?: Record<string, { schema: JsonSchema }> };
  status?: 200 | 201 | 202 | 204;
  errors: number[];
}

function operation({ summary, path, query, body, bodyAlso, ok, status = 200, errors }: Operation): JsonSchema {
  const statuses = [...new Set([...EVERY_ROUTE, ...errors])].sort((a, b) => a - b);
  return {
    summary,
    ...(path || query ? { parameters: [...(path ? parameters(path, 'path') : []), ...(query ? parameters(query, 'query') : [])] } : {}),
    ...(body ? { requestBody: { required: true, content: { ...jsonContent(inputSchema(body)), ...bodyAlso } } } : {}),
    responses: { [status]: ok, ...Object.fromEntries(statuses.map((s) => [s, ref(s)])) },
  };
}

const object = { type: 'object' };
const graph = { $ref: '#/components/schemas/Graph' };
const health = { $ref: '#/components/schemas/Health' };
const ok = (description: string, schema: JsonSchema = object) => ({ description, content: jsonContent(schema) });
/** A route that streams server-sent events to a client that accepts them, and answers anyone else with JSON. */
const eventsOr = (description: string, schema: JsonSchema) => ({
  description: `${description}; with \`Accept: text/event-stream\`, server-sent events instead`,
  content: { ...jsonContent(schema), 'text/event-stream': { schema: { type: 'string' } } },
});
const uploads = {
  'multipart/form-data': {
    schema: {
      type: 'object',
      properties: {
        files: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' }, description: 'article files: .txt, .md, .html' },
      },
    },
  },
};
const file = {
  description: 'the file, in the media type of its format, named by Content-Disposition',
  content: Object.fromEntries(
    [...new Set(Object.values(EXPORT_FILES).map((f) => f.mediaType))].map((type) => [
      type,
      { schema: type === 'application/json' ? object : { type: 'string' } },
    ]),
  ),
};

function build(): Record<string, unknown> {
  const exportSummary = 'A subgraph as a file, streamed: the whole graph, a neighbourhood, paths, a read-only query result, or given nodes';
  const exportErrors = [404, 408, 422, 429, ...NEO4J];
  return {
    openapi: '3.1.0',
    info: {
      title: 'newsgraph API',
      version: packageVersion(),
      description:
        'Explore an evidence-linked graph of people, institutions, places and allegations extracted from news. ' +
        'Every error is {error:{code,message}} with a stable code. A method a path does not list is answered 405 METHOD_NOT_ALLOWED with an Allow header; OPTIONS lists them.',
    },
    paths: {
      '/api/health': { get: operation({ summary: 'Neo4j connectivity, version and edition', ok: ok('connected', health), errors: [] }) },
      '/api/stats': {
        get: operation({ summary: 'Node counts by label, relationship counts by type', ok: ok('counts', inputSchema(StatsReply)), errors: NEO4J }),
      },
      '/api/graph': {
        get: operation({
          summary: 'Overview: the best-connected nodes and the links among them; with from/to, of the links with evidence published in that range',
          query: OverviewQuery,
          ok: ok('a graph', graph),
          errors: NEO4J,
        }),
      },
      '/api/timeline': {
        get: operation({
          summary: 'Documents and links over time, by day (by month over a long span), with the undated apart: for a timeline',
          query: TimelineQuery,
          ok: ok('buckets of counts', inputSchema(TimelineReply)),
          errors: NEO4J,
        }),
      },
      '/api/search': {
        get: operation({
          summary:
            'Entities by name or alias, prefix and fuzzy, ranked (in=names, the default); or documents by the words of their text, ' +
            'with highlighted sentences, the entities they mention and facets (in=text)',
          query: SearchQuery,
          ok: ok('ranked results: entities (in=names) or documents (in=text)', inputSchema(z.union([SearchReply, TextSearchReply]))),
          errors: NEO4J,
        }),
      },
      '/api/entities/{id}': {
        get: operation({
          summary: 'An entity: aliases, roles, documents, degree by relationship type',
          path: EntityParams,
          ok: ok('the entity', inputSchema(EntityReply)),
          errors: [404, ...NEO4J],
        }),
        patch: operation({
          summary: "Edit an entity's canonical name, category or institution kind; needs the editor role",
          path: EntityParams,
          body: EditBody,
          ok: ok('the entity and the correction', inputSchema(EntityCorrectionReply)),
          errors: [404, ...NEO4J],
        }),
      },
      '/api/entities/merge': {
        post: operation({
          summary: 'Merge entities of one kind into the first: every name, mention and link with its evidence kept; needs the editor role',
          body: MergeBody,
          ok: ok('the merged entity and the correction', inputSchema(EntityCorrectionReply)),
          errors: [404, ...NEO4J],
        }),
      },
      '/api/entities/{id}/split': {
        post: operation({
          summary: 'Split names off an entity into a new one, with the mentions and evidence written with them; needs the editor role',
          path: EntityParams,
          body: SplitBody,
          ok: ok('both entities and the correction', inputSchema(SplitReply)),
          errors: [404, ...NEO4J],
        }),
      },
      '/api/reject': {
        post: operation({
          summary: 'Reject a false entity, allegation or link: hidden from the graph, never deleted; needs the editor role',
          body: RejectBody,
          ok: ok('the correction', inputSchema(CorrectionReply)),
          errors: [404, ...NEO4J],
        }),
      },
      '/api/restore': {
        post: operation({
          summary: 'Undo the reject of an entity, allegation or link; needs the editor role',
          body: RejectBody,
          ok: ok('the reverted correction', inputSchema(CorrectionReply)),
          errors: [404, ...NEO4J],
        }),
      },
      '/api/duplicates/distinct': {
        post: operation({
          summary: 'Two entities are not the same: the pair is never suggested again; needs the editor role',
          body: DistinctBody,
          ok: ok('the correction', inputSchema(CorrectionReply)),
          errors: [404, ...NEO4J],
        }),
      },
      '/api/corrections': {
        get: operation({
          summary: 'The corrections log, newest first: merges, splits, edits, rejects, "not the same", each with who, when, why',
          query: CorrectionsQuery,
          ok: ok('a page of the log', inputSchema(CorrectionLogReply)),
          errors: NEO4J,
        }),
      },
      '/api/corrections/{id}/revert': {
        post: operation({
          summary: 'Revert a correction: the graph as if it had not been made; it stays in the log, marked; needs the editor role',
          path: CorrectionParams,
          body: RevertBody,
          ok: ok('the reverted correction', inputSchema(CorrectionReply)),
          errors: [404, ...NEO4J],
        }),
      },
      '/api/entities/{id}/neighbourhood': {
        get: operation({
          summary:
            'The entity and the nodes within depth links, nearest and best-connected first, a page of them, each with hiddenNeighbours and neighbourCount',
          path: EntityParams,
          query: NeighbourhoodQuery,
          ok: ok('a graph', graph),
          errors: [404, ...NEO4J],
        }),
      },
      '/api/paths': {
        get: operation({
          summary: 'Shortest paths between two entities with the evidence of each hop',
          query: PathsQuery,
          ok: ok('paths, hops and a graph', inputSchema(PathsReply)),
          errors: [404, ...NEO4J],
        }),
      },
      '/api/edges/{id}/evidence': {
        get: operation({
          summary: 'The sentences and documents behind a relationship',
          path: EdgeParams,
          ok: ok('evidence', inputSchema(EvidenceReply)),
          errors: [404, ...NEO4J],
        }),
      },
      '/api/documents': {
        get: operation({ summary: 'Loaded documents', query: DocumentsQuery, ok: ok('a page of documents', inputSchema(DocumentsReply)), errors: NEO4J }),
        post: operation({
          summary:
            'Adds articles (editor role): files as multipart/form-data, or JSON text; answered at once with a job whose progress GET /api/jobs/{id} and its events follow',
          body: DocumentsBody,
          bodyAlso: uploads,
          status: 202,
          ok: ok('the job, queued; Location names it', inputSchema(JobReply)),
          errors: [],
        }),
      },
      '/api/documents/{id}/graph': {
        get: operation({
          summary: 'What an article put into the graph: the entities it mentions, its allegations, and the links its sentences are evidence for',
          path: DocumentParams,
          ok: ok('the graph', graph),
          errors: [404, ...NEO4J],
        }),
      },
      '/api/jobs/{id}': {
        get: operation({
          summary: 'An upload job: its state, progress and what became of each file',
          path: JobParams,
          ok: ok('the job', inputSchema(JobReply)),
          errors: [404],
        }),
      },
      '/api/jobs/{id}/events': {
        get: operation({
          summary:
            "An upload job's progress as server-sent events: `job` (as it stands), then `state`, `progress`, `file` (each file's outcome) and `end` (the finished job)",
          path: JobParams,
          ok: eventsOr('the job as it stands', inputSchema(JobReply)),
          errors: [404],
        }),
      },
      '/api/events': {
        get: operation({
          summary: 'News of articles loaded by anyone (uploads, `newsgraph load`) as server-sent events named `documents`',
          ok: eventsOr('the documents written last, newest first', inputSchema(RecentDocumentsReply)),
          errors: NEO4J,
        }),
      },
      '/api/documents/{id}': {
        get: operation({
          summary: 'A document: text and the spans of its entity mentions',
          path: DocumentParams,
          ok: ok('the document', inputSchema(DocumentReply)),
          errors: [404, ...NEO4J],
        }),
      },
      '/api/duplicates': {
        get: operation({
          summary:
            'Suggested duplicates: pairs of entities of one category that are likely one (spelling, transliteration, accents, initials, acronyms, shared aliases and neighbours), best first, each with its reasons and the evidence of both sides; pairs marked not the same are left out',
          query: DuplicatesQuery,
          ok: ok('ranked pairs', inputSchema(DuplicatesReply)),
          errors: NEO4J,
        }),
      },
      '/api/cypher': {
        post: operation({
          summary: 'Read-only Cypher: planned and checked first, then run read-only with a timeout and a row cap',
          body: CypherBody,
          ok: ok('columns, rows, graph, truncated', inputSchema(CypherReply)),
          errors: [408, 422, 429, ...NEO4J],
        }),
      },
      '/api/export': {
        get: operation({ summary: exportSummary, query: ExportQuery, ok: file, errors: exportErrors }),
        post: operation({
          summary: `${exportSummary}; the scope as JSON, for long id lists, query parameters and the explorer's layout`,
          body: ExportBody,
          ok: file,
          errors: exportErrors,
        }),
      },
      '/api/session': {
        get: operation({
          summary: 'Who is signed in: the role and token name (with access control off, the local user as admin)',
          ok: ok('the session', inputSchema(SessionReply)),
          errors: [503],
        }),
        post: operation({
          summary: 'Sign in with an access token; the reply sets an HttpOnly, SameSite=Strict cookie that later requests carry',
          body: SignIn,
          ok: ok('signed in', inputSchema(SessionReply)),
          errors: [503],
        }),
        delete: {
          ...operation({ summary: 'Sign out: the cookie is cleared', ok: ok('signed out'), errors: [] }),
          responses: { 204: { description: 'signed out' }, ...Object.fromEntries(EVERY_ROUTE.map((s) => [s, ref(s)])) },
        },
      },
      '/api/notes': {
        get: operation({
          summary: 'Notes on an entity or allegation, a document or a link (by edge key), notes holding some words (q), or the latest',
          query: NotesQuery,
          ok: ok('notes with their targets, oldest first; by relevance for q; newest first when listing the latest', inputSchema(NotesReply)),
          errors: [404, ...NEO4J],
        }),
        post: operation({
          summary: 'Adds a note (editor role); a link given by its edge key is kept as the relationship it names, so the note survives a reload',
          body: NoteBody,
          status: 201,
          ok: ok('the note', inputSchema(NoteReply)),
          errors: [404, ...NEO4J],
        }),
      },
      '/api/notes/{id}': {
        patch: operation({
          summary: "Changes a note's text (editor role)",
          path: NoteParams,
          body: NotePatch,
          ok: ok('the note', inputSchema(NoteReply)),
          errors: [404, ...NEO4J],
        }),
        delete: operation({ summary: 'Deletes a note (editor role)', path: NoteParams, status: 204, ok: { description: 'deleted' }, errors: [404, ...NEO4J] }),
      },
      '/api/investigations': {
        get: operation({
          summary: 'Saved investigations, the most recently saved first',
          ok: ok('summaries', inputSchema(InvestigationsReply)),
          errors: NEO4J,
        }),
        post: operation({
          summary: "Saves an investigation (editor role): a name, notes, and the explorer's state (nodes, positions, filters, style)",
          body: InvestigationBody,
          status: 201,
          ok: ok('the investigation', inputSchema(InvestigationReply)),
          errors: NEO4J,
        }),
      },
      '/api/investigations/{id}': {
        get: operation({
          summary: 'An investigation',
          path: InvestigationParams,
          ok: ok('the investigation', inputSchema(InvestigationReply)),
          errors: [404, ...NEO4J],
        }),
        put: operation({
          summary: 'Replaces its name, notes and state (editor role)',
          path: InvestigationParams,
          body: InvestigationBody,
          ok: ok('the investigation', inputSchema(InvestigationReply)),
          errors: [404, ...NEO4J],
        }),
        delete: operation({
          summary: 'Deletes an investigation (editor role)',
          path: InvestigationParams,
          status: 204,
          ok: { description: 'deleted' },
          errors: [404, ...NEO4J],
        }),
      },
      '/api/investigations/{id}/export': {
        get: operation({
          summary:
            'The investigation as a file: the JSON export or evidence pack of its nodes at their saved positions, with the investigation and the notes on its nodes and links',
          path: InvestigationParams,
          query: InvestigationExportQuery,
          ok: { description: 'the file, named by Content-Disposition', content: jsonContent(object) },
          errors: [404, ...NEO4J],
        }),
      },
      '/api/openapi.json': { get: operation({ summary: 'This document', ok: ok('OpenAPI 3.1'), errors: [] }) },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string', enum: [...ERROR_CODES] }, message: { type: 'string' } },
            },
          },
        },
        Graph: inputSchema(GraphReply),
        Health: inputSchema(HealthReply),
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([status, description]) => {
          const codes = codesFor(Number(status));
          const schema = { allOf: [{ $ref: '#/components/schemas/Error' }, { properties: { error: { properties: { code: { enum: codes } } } } }] };
          const headers =
            status === '405' ? { headers: { Allow: { required: true, description: 'the methods this path answers', schema: { type: 'string' } } } } : {};
          // Health answers 503 with its own body, which says why.
          const content = status === '503' ? jsonContent({ oneOf: [schema, health] }) : jsonContent(schema);
          return [status, { description, ...headers, content }];
        }),
      ),
    },
  };
}

let document: Record<string, unknown> | undefined;

/** The document, built once: it depends on nothing but the code. */
export function openApiDocument(): Record<string, unknown> {
  document ??= build();
  return document;
}
