/**
 * Saved investigations: what was on the explorer's canvas (nodes, positions, filters, style) with a name
 * and the analyst's notes; listed and read by anyone, written by editors, exported as the newsgraph JSON
 * or evidence pack of its nodes with the investigation and its notes inside.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import { createInvestigation, deleteInvestigation, getInvestigation, listInvestigations, replaceInvestigation } from '../../investigations/store.js';
import { notesAmong } from '../../notes/store.js';
import { requireRole } from '../access.js';
import { authorOf } from '../author.js';
import { idParams, text } from '../params.js';
import { sendExport } from './export.js';

/**
 * Nodes an investigation may hold: as many as the explorer's largest overview. With ids of at most
 * NODE_ID_MAX characters, a list one over the bound still fits in the 1 MB body and is refused by its
 * count (400), as the document says, not by its size.
 */
export const INVESTIGATION_MAX_NODES = 5_000;
const NODE_ID_MAX = 150;
const NodeId = z.string().min(1).max(NODE_ID_MAX);
/** The state as stored, in characters of JSON; the request body (1 MB) is the real bound on the wire. */
export const INVESTIGATION_MAX_STATE = 1_000_000;
const NOTES_MAX = 10_000;

const Position = z.object({ x: z.number(), y: z.number() });

export const InvestigationStateSchema = z
  .object({
    view: z.unknown().meta({ description: "the address's view: {focus, steps}, or null for the overview" }),
    positions: z
      .record(NodeId, Position)
      .refine((p) => Object.keys(p).length <= INVESTIGATION_MAX_NODES, `at most ${INVESTIGATION_MAX_NODES} positions`)
      .meta({ description: 'node id → {x, y} on the canvas' }),
    filters: z.unknown().meta({ description: 'the filters, as the explorer keeps them' }),
    style: z.unknown().meta({ description: 'the style (colour, size, link width), as the explorer keeps it' }),
    nodes: z
      .array(NodeId)
      .min(1, 'an investigation holds at least one node')
      .max(INVESTIGATION_MAX_NODES, `an investigation holds at most ${INVESTIGATION_MAX_NODES} nodes`)
      .meta({ description: 'every node on the canvas' }),
  })
  .refine((state) => JSON.stringify(state).length <= INVESTIGATION_MAX_STATE, `the state is over ${INVESTIGATION_MAX_STATE} characters of JSON`);

export const InvestigationBody = z.object({
  name: text(200, 'a name in name', 'a name is at most 200 characters').meta({ description: 'what it is called, 1 to 200 characters' }),
  notes: z.string().max(NOTES_MAX, `notes are at most ${NOTES_MAX} characters`).default('').meta({ description: 'the analyst’s own words about it' }),
  state: InvestigationStateSchema,
});

export const InvestigationParams = idParams('investigation id', { max: 100 });

export const InvestigationExportQuery = z.strictObject({
  format: z.enum(['json', 'pack']).default('json').meta({
    description: 'json: the newsgraph JSON export of its nodes; pack: their evidence pack. Either with the investigation and its notes',
  }),
});

const EXPORT_FORMAT = { json: 'json', pack: 'evidence' } as const;

export function investigationRoutes(db: Database): Router {
  const router = Router();
  router.get('/investigations', async (_req, res) => {
    res.json({ investigations: await listInvestigations(db) });
  });
  router.post('/investigations', requireRole('editor'), async (req, res) => {
    const body = InvestigationBody.parse(req.body);
    res.status(201).json(await createInvestigation(db, { ...body, by: authorOf(res) }));
  });
  router.get('/investigations/:id', async (req, res) => {
    res.json(await getInvestigation(db, InvestigationParams.parse(req.params).id));
  });
  router.put('/investigations/:id', requireRole('editor'), async (req, res) => {
    const { id } = InvestigationParams.parse(req.params);
    res.json(await replaceInvestigation(db, id, InvestigationBody.parse(req.body)));
  });
  router.delete('/investigations/:id', requireRole('editor'), async (req, res) => {
    await deleteInvestigation(db, InvestigationParams.parse(req.params).id);
    res.status(204).end();
  });
  router.get('/investigations/:id/export', async (req, res) => {
    const { id } = InvestigationParams.parse(req.params);
    const { format } = InvestigationExportQuery.parse(req.query);
    const investigation = await getInvestigation(db, id);
    const { nodes, positions } = investigation.state;
    const notes = await notesAmong(db, nodes);
    await sendExport(
      db,
      res,
      EXPORT_FORMAT[format],
      { kind: 'nodes', ids: nodes },
      {
        positions: new Map(Object.entries(positions)),
        extra: { investigation, notes },
        name: `investigation-${investigation.name}`,
      },
    );
  });
  return router;
}
