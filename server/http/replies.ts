/**
 * What the routes answer with 200, as zod schemas for the OpenAPI document (server/http/openapi.ts), so
 * that a tester checks each reply against it. The checks at the end hold them to the types the routes
 * send (common/api.ts): a field added to a reply type fits, one removed or changed does not compile.
 */
import { z } from 'zod';
import type {
  CypherNodeValue as CypherNodeValueType,
  CypherPathValue as CypherPathValueType,
  CypherRelationshipValue as CypherRelationshipValueType,
  CypherResult,
  DocumentDetails,
  DocumentSummary,
  EdgeEvidence,
  EntityDetails,
  Health,
  PathsResult,
  SearchHit,
  SessionInfo,
  TextSearchResult,
  Stats,
} from '../../common/api.js';
import type { Investigation, InvestigationSummary, Note } from '../../common/curate.js';
import type { SerializedGraph } from '../../common/graph.js';
import type { Job, NewDocument } from '../../common/ingest.js';
import type { Timeline } from '../../common/time.js';
import { ENTITY_CATEGORIES, type Correction, type CorrectionLog, type DuplicateList } from '../../common/curate.js';

const nullableText = z.string().nullable();
const counts = z.record(z.string(), z.number());

export const GraphReply = z
  .object({
    attributes: z.record(z.string(), z.unknown()),
    options: z.object({ type: z.literal('directed'), multi: z.literal(true), allowSelfLoops: z.literal(true) }),
    nodes: z.array(z.object({ key: z.string(), attributes: z.record(z.string(), z.unknown()) })),
    edges: z.array(
      z.object({
        key: z.string(),
        source: z.string(),
        target: z.string(),
        attributes: z
          .object({
            relType: z.string(),
            properties: z.record(z.string(), z.unknown()),
            corroboration: z
              .object({ documents: z.int().min(0), outlets: z.int().min(0) })
              .meta({ description: 'How many distinct documents, and distinct outlets among them (known from a source URL), back the relationship' }),
            firstSeen: z
              .string()
              .optional()
              .meta({ description: "the earliest publishedAt of the relationship's evidence documents; absent when none is dated" }),
            lastSeen: z.string().optional().meta({ description: "the latest publishedAt of the relationship's evidence documents" }),
            evidenceDates: z.array(z.string()).optional().meta({ description: 'every distinct publishedAt of its evidence documents, in order' }),
          })
          .loose(),
      }),
    ),
  })
  .meta({ description: "graphology's serialized JSON" });

export const HealthReply = z.object({
  status: z.enum(['ok', 'unavailable']),
  // With access control on, a caller without a token is told the status alone.
  neo4j: z
    .object({
      connected: z.boolean(),
      version: nullableText,
      edition: nullableText,
      uri: z.string(),
      embedded: z.boolean(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    })
    .optional(),
  schema: z.object({ state: z.enum(['pending', 'ready', 'refused']), error: z.object({ code: z.string(), message: z.string() }).optional() }).optional(),
});

export const SessionReply = z.object({
  auth: z.boolean(),
  role: z.enum(['reader', 'editor', 'admin']),
  name: nullableText,
  tokenId: nullableText,
});

export const StatsReply = z.object({ nodes: counts, relationships: counts });

export const SearchReply = z.object({
  results: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), aliases: z.array(z.string()), score: z.number() })),
});

const FacetCounts = z.array(z.object({ value: z.string(), count: z.int().min(1) }));
const Offsets = z.array(z.array(z.int().min(0)).length(2));
const Named = z.object({ id: z.string(), name: z.string() });

export const TextSearchReply = z.object({
  results: z.array(
    z.object({
      document: z.object({ id: z.string(), title: nullableText, url: nullableText, outlet: nullableText, publishedAt: nullableText, file: nullableText }),
      score: z.number(),
      titleHighlights: Offsets.meta({ description: '[start, end) of each match in the title' }),
      snippets: z.array(
        z.object({
          text: z.string(),
          start: z.int().min(0).meta({ description: "where the snippet starts in the document's text" }),
          highlights: Offsets.meta({ description: '[start, end) of each match in the snippet text' }),
          links: z.array(z.object({ type: z.string(), source: Named, target: Named })).meta({ description: 'links this sentence is the evidence of' }),
        }),
      ),
      entities: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
    }),
  ),
  facets: z.object({
    outlets: FacetCounts,
    kinds: FacetCounts,
    dates: FacetCounts.meta({ description: 'YYYY, or YYYY-MM when every dated hit is of one year' }),
  }),
  total: z.int().min(0),
  capped: z.boolean().meta({ description: 'more documents hold the words than the best ones counted' }),
});

const Evidence = z.object({
  sentence: z.string(),
  start: z.number(),
  end: z.number(),
  document: z.object({
    id: z.string(),
    title: nullableText,
    outlet: nullableText,
    url: nullableText,
    publishedAt: nullableText.meta({ description: 'when the document was published, ISO 8601 in UTC; null when not known' }),
  }),
});

export const EntityReply = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  aliases: z.array(z.string()),
  properties: z.record(z.string(), z.unknown()),
  roles: z.array(z.object({ title: z.string(), institution: z.object({ id: z.string(), name: z.string() }) })),
  documents: z.array(z.object({ id: z.string(), title: nullableText, outlet: nullableText, mentions: z.number() })),
  degree: counts,
  evidence: z.array(Evidence),
  rejected: z.boolean().meta({ description: "hidden from the graph by an analyst's reject" }),
});

export const EvidenceReply = z.object({ id: z.string(), type: z.string(), source: z.string(), target: z.string(), evidence: z.array(Evidence) });

export const PathsReply = z.object({
  found: z.boolean(),
  paths: z.array(z.array(z.object({ edge: z.string(), relType: z.string(), source: z.string(), target: z.string(), evidence: z.array(Evidence) }))),
  graph: GraphReply,
});

const DocumentSummaryReply = z.object({
  id: z.string(),
  title: nullableText,
  outlet: nullableText,
  url: nullableText,
  file: nullableText,
  publishedAt: nullableText.meta({ description: 'When it was published, ISO 8601 in UTC with milliseconds (midnight for a date alone); null when unknown' }),
  byline: nullableText,
  entities: z.number(),
});

export const DocumentsReply = z.object({ total: z.number(), documents: z.array(DocumentSummaryReply) });

export const DocumentReply = DocumentSummaryReply.extend({
  text: z.string(),
  mentions: z.array(z.object({ entity: z.string(), name: z.string(), kind: z.string(), start: z.number(), end: z.number() })),
});

const CypherNodeValue = z
  .object({ node: z.string(), labels: z.array(z.string()), properties: z.record(z.string(), z.unknown()) })
  .meta({ description: 'A node; `node` is its key in `graph`' });
const CypherRelationshipValue = z
  .object({
    relationship: z.string(),
    type: z.string(),
    start: z.string().meta({ description: 'The key of the node it points from, also when the result does not return that node' }),
    end: z.string().meta({ description: 'The key of the node it points to' }),
    properties: z.record(z.string(), z.unknown()),
  })
  .meta({ description: 'A relationship; `relationship` is its edge key in `graph` when both its ends are there' });
const CypherPathValue = z
  .object({
    path: z.array(z.string()).meta({ description: "The keys of the path's nodes, in walking order" }),
    relationships: z.array(CypherRelationshipValue).meta({
      description: 'The i-th joins path[i] and path[i+1]: walked forwards when its start is path[i], backwards otherwise',
    }),
  })
  .meta({ description: 'A path' });

export const CypherReply = z.object({
  columns: z.array(z.string()),
  // Any JSON value can be a plain result: the graph values are listed for the reader, not to narrow it.
  rows: z.array(z.array(z.union([CypherNodeValue, CypherRelationshipValue, CypherPathValue, z.unknown()]))),
  graph: GraphReply,
  truncated: z.boolean(),
});

const Authorship = { by: z.string(), at: z.string() };

export const CorrectionSchema = z
  .object({
    id: z.string(),
    change: z.object({ action: z.enum(['merge', 'split', 'edit', 'reject', 'distinct']) }).loose(),
    reason: z.string(),
    ...Authorship,
    reverted: z.object({ ...Authorship, reason: z.string() }).nullable(),
    holds: z.boolean().nullable().optional().meta({ description: 'in the log: whether the graph shows it now; null when what it named is gone' }),
  })
  .meta({ description: 'A correction: what changed (change.action and its details), who, when and why; reverted once undone' });

export const CorrectionReply = z.object({ correction: CorrectionSchema });
export const CorrectionLogReply = z.object({ total: z.int().min(0), corrections: z.array(CorrectionSchema) });
export const EntityCorrectionReply = z.object({ entity: EntityReply, correction: CorrectionSchema });
// Pairs as arrays of two: zod writes a tuple as `items: [...]`, which OpenAPI 3.1's schema dialect does not take.
export const SplitReply = z.object({
  entities: z.array(EntityReply).length(2).meta({ description: 'the entity, then the new one' }),
  correction: CorrectionSchema,
});

const DuplicateSide = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  category: z.enum(ENTITY_CATEGORIES),
  kind: nullableText,
  documents: z.int().min(0).meta({ description: 'How many documents mention it' }),
  evidence: z
    .array(z.object({ sentence: z.string(), document: z.object({ id: z.string(), title: nullableText }) }))
    .meta({ description: 'A few sentences that name it, each with its document' }),
});

export const DuplicatesReply = z.object({
  suggestions: z.array(
    z.object({
      // Pairs as arrays of two (a tuple would be written as prefixItems, which not every OpenAPI tool reads).
      ids: z.array(z.string()).length(2),
      score: z.number().min(0).max(1),
      reasons: z.array(
        z.object({
          code: z.enum([
            'same-name',
            'spelling',
            'transliteration',
            'diacritics',
            'initials',
            'hyphenation',
            'shared-alias',
            'shared-neighbours',
            'contained-name',
          ]),
          text: z.string(),
        }),
      ),
      entities: z.array(DuplicateSide).length(2).meta({ description: 'The two sides, in the order of ids' }),
    }),
  ),
});

const RelationshipRefReply = z.object({ source: z.string(), type: z.string(), target: z.string(), title: z.string().optional() });

export const NoteReply = z.object({
  id: z.string(),
  target: z.union([z.object({ entity: z.string() }), z.object({ relationship: RelationshipRefReply }), z.object({ document: z.string() })]),
  label: z.string().meta({ description: 'what the target is called: a name, "A —MET→ B", a document title' }),
  text: z.string(),
  by: z.string(),
  at: z.string(),
  updatedAt: z.string(),
});

export const NotesReply = z.object({ notes: z.array(NoteReply) });

export const InvestigationSummaryReply = z.object({
  id: z.string(),
  name: z.string(),
  by: z.string(),
  at: z.string(),
  updatedAt: z.string(),
  nodes: z.number().meta({ description: 'how many nodes it holds' }),
});

export const InvestigationsReply = z.object({ investigations: z.array(InvestigationSummaryReply) });

export const InvestigationReply = InvestigationSummaryReply.extend({
  notes: z.string(),
  state: z.object({
    view: z.unknown(),
    positions: z.record(z.string(), z.object({ x: z.number(), y: z.number() })),
    filters: z.unknown(),
    style: z.unknown(),
    nodes: z.array(z.string()),
  }),
});

const ErrorBody = z.object({ code: z.string(), message: z.string() });
const JobFileReply = z.object({
  name: z.string(),
  status: z.enum(['pending', 'new', 'replaced', 'unchanged', 'failed']),
  document: z.string().optional(),
  entities: z.number().optional(),
  error: ErrorBody.optional(),
});
export const JobReply = z.object({
  job: z.object({
    id: z.string(),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    by: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().optional(),
    total: z.number(),
    done: z.number(),
    files: z.array(JobFileReply),
    summary: z
      .object({
        documents: z.object({ new: z.number(), unchanged: z.number(), replaced: z.number(), failed: z.number() }),
        entitiesNew: z.number(),
        seconds: z.number(),
      })
      .optional(),
    error: ErrorBody.optional(),
  }),
});
export const RecentDocumentsReply = z.object({
  documents: z.array(z.object({ id: z.string(), title: nullableText, loadedAt: z.string(), entities: z.number() })),
});

const TimelineCount = z.int().min(0);

export const TimelineReply = z.object({
  unit: z.enum(['day', 'month']).meta({ description: 'months when the dated documents span more than half a year' }),
  buckets: z.array(
    z.object({
      date: z.string().meta({ description: "the bucket's first day, YYYY-MM-DD" }),
      documents: TimelineCount.meta({ description: 'documents published in it' }),
      links: TimelineCount.meta({ description: 'links with evidence published in it, each once' }),
    }),
  ),
  undated: z
    .object({ documents: TimelineCount, links: TimelineCount })
    .meta({ description: 'documents without a date; links none of whose documents has one' }),
});

/** `true` when every value of the type the route sends is one the schema accepts. */
type Fits<T, S extends z.ZodType> = [T] extends [z.output<S>] ? true : false;
const fits: [
  Fits<SerializedGraph, typeof GraphReply>,
  Fits<Timeline, typeof TimelineReply>,
  Fits<Health, typeof HealthReply>,
  Fits<Stats, typeof StatsReply>,
  Fits<{ results: SearchHit[] }, typeof SearchReply>,
  Fits<TextSearchResult, typeof TextSearchReply>,
  Fits<EntityDetails, typeof EntityReply>,
  Fits<EdgeEvidence, typeof EvidenceReply>,
  Fits<PathsResult, typeof PathsReply>,
  Fits<{ total: number; documents: DocumentSummary[] }, typeof DocumentsReply>,
  Fits<DocumentDetails, typeof DocumentReply>,
  Fits<CypherResult, typeof CypherReply>,
  Fits<CypherNodeValueType, typeof CypherNodeValue>,
  Fits<CypherRelationshipValueType, typeof CypherRelationshipValue>,
  Fits<CypherPathValueType, typeof CypherPathValue>,
  Fits<SessionInfo, typeof SessionReply>,
  Fits<{ correction: Correction }, typeof CorrectionReply>,
  Fits<CorrectionLog, typeof CorrectionLogReply>,
  Fits<DuplicateList, typeof DuplicatesReply>,
  Fits<Note, typeof NoteReply>,
  Fits<InvestigationSummary, typeof InvestigationSummaryReply>,
  Fits<Investigation, typeof InvestigationReply>,
  Fits<{ job: Job }, typeof JobReply>,
  Fits<{ documents: NewDocument[] }, typeof RecentDocumentsReply>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
void fits;
