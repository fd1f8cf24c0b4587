/**
 * Corrections: merge, split, edit, reject and restore, "not the same", the log and its reverts. Every
 * change needs the editor role; the reply says what the graph now holds and which correction did it.
 */
import { Router } from 'express';
import { z } from 'zod';
import { ENTITY_CATEGORIES } from '../../../common/curate.js';
import { editEntity, markDistinct, MAX_MERGE, mergeEntities, reject, restore, revertCorrection, splitEntity } from '../../curate/corrections.js';
import { listCorrections } from '../../curate/log.js';
import type { Database } from '../../db/database.js';
import { entityDetails } from '../../graph/entity.js';
import { requireRole } from '../access.js';
import { authorOf } from '../author.js';
import { EXAMPLE_IDS, Id, idParams, text, wholeNumber } from '../params.js';
import { EntityParams } from './graph.js';

const reason = text(2000, 'a reason in reason').meta({ description: 'why: kept in the corrections log' });
const name = text(300, 'a name').meta({ description: 'the canonical name' });

export const MergeBody = z.strictObject({
  ids: z
    .array(Id)
    .min(2)
    .max(MAX_MERGE)
    .meta({ description: 'the entities to merge, all of one kind; the first keeps its id', examples: [[EXAMPLE_IDS.person, EXAMPLE_IDS.other]] }),
  reason,
  name: name.optional(),
});

export const SplitBody = z.strictObject({
  aliases: z
    .array(text(300, 'a name in aliases'))
    .min(1)
    .max(100)
    .meta({ description: 'names of the entity that become a new entity, with what was written with them' }),
  reason,
  name: name.optional().meta({ description: "the new entity's name; the first alias by default" }),
});

export const EditBody = z
  .strictObject({
    name: name.optional(),
    category: z.enum(ENTITY_CATEGORIES).optional().meta({ description: 'person, institution or place' }),
    kind: text(100, 'a kind').nullable().optional().meta({ description: "an institution's kind (government, company, …); null clears it" }),
    reason,
  })
  .refine((b) => b.name !== undefined || b.category !== undefined || b.kind !== undefined, { message: 'give name, category or kind to change' });

export const RejectBody = z.strictObject({
  id: Id.meta({ description: 'an entity or allegation id, or an edge key from a graph payload' }),
  reason,
});

export const DistinctBody = z.strictObject({
  ids: z.array(Id).length(2).meta({ description: 'two entities a suggestion took for one' }),
  reason,
});

export const RevertBody = z.strictObject({ reason });

export const CorrectionsQuery = z.strictObject({
  limit: wholeNumber(1, 500, 50, 'corrections at most'),
  offset: wholeNumber(0, 10_000_000, 0, 'corrections to skip'),
});

export const CorrectionParams = idParams('correction id from the log');

export function curateRoutes(db: Database): Router {
  const router = Router();
  router.get('/corrections', async (req, res) => {
    const { limit, offset } = CorrectionsQuery.parse(req.query);
    res.json(await db.read((tx) => listCorrections(tx, limit, offset)));
  });

  const editor = requireRole('editor');
  router.post('/entities/merge', editor, async (req, res) => {
    const { ids, reason, name } = MergeBody.parse(req.body);
    const correction = await mergeEntities(db, ids, name, { by: authorOf(res), reason });
    res.json({ entity: await entityDetails(db, ids[0]!), correction });
  });
  router.post('/entities/:id/split', editor, async (req, res) => {
    const { id } = EntityParams.parse(req.params);
    const { aliases, reason, name } = SplitBody.parse(req.body);
    const correction = await splitEntity(db, id, aliases, name, { by: authorOf(res), reason });
    const into = correction.change.action === 'split' ? correction.change.into : id;
    res.json({ entities: [await entityDetails(db, id), await entityDetails(db, into)], correction });
  });
  router.patch('/entities/:id', editor, async (req, res) => {
    const { id } = EntityParams.parse(req.params);
    const { reason, ...after } = EditBody.parse(req.body);
    const correction = await editEntity(db, id, after, { by: authorOf(res), reason });
    res.json({ entity: await entityDetails(db, id), correction });
  });
  router.post('/reject', editor, async (req, res) => {
    const { id, reason } = RejectBody.parse(req.body);
    res.json({ correction: await reject(db, id, { by: authorOf(res), reason }) });
  });
  router.post('/restore', editor, async (req, res) => {
    const { id, reason } = RejectBody.parse(req.body);
    res.json({ correction: await restore(db, id, { by: authorOf(res), reason }) });
  });
  router.post('/duplicates/distinct', editor, async (req, res) => {
    const { ids, reason } = DistinctBody.parse(req.body);
    res.json({ correction: await markDistinct(db, [ids[0]!, ids[1]!], { by: authorOf(res), reason }) });
  });
  router.post('/corrections/:id/revert', editor, async (req, res) => {
    const { id } = CorrectionParams.parse(req.params);
    const { reason } = RevertBody.parse(req.body);
    res.json({ correction: await revertCorrection(db, id, { by: authorOf(res), reason }) });
  });
  return router;
}
