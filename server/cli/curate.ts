/**
 * `newsgraph curate …`: the corrections of the API from the command line, straight to the database (as
 * `load` writes it), each recorded in the log under the name of the machine's user.
 */
import os from 'node:os';
import type { Correction, EntityCategory } from '../../common/curate.js';
import { editEntity, markDistinct, mergeEntities, reject, restore, revertCorrection, splitEntity, type Author } from '../curate/corrections.js';
import { duplicateSuggestions } from '../curate/duplicates-read.js';
import { listCorrections } from '../curate/log.js';
import type { Database } from '../db/database.js';
import { entityNamed } from '../graph/search.js';
import { withDatabase } from './database.js';
import { progress } from './output.js';

export interface CurateOptions {
  reason: string;
  json?: boolean;
}

function author(reason: string): Author {
  return { by: `${os.userInfo().username} (command line)`, reason };
}

/** An entity by id or by a name as written ("Sergey Lavrov"): AMBIGUOUS or NOT_FOUND say which. */
async function idOf(db: Database, entity: string): Promise<string> {
  return (await entityNamed(db, entity)).id;
}

/** One line for a correction, as the log lists it. */
export function describeCorrection(c: Correction): string {
  const ch = c.change;
  const what =
    ch.action === 'merge'
      ? `merged ${ch.ids.join(', ')} into ${ch.into} ("${ch.name}")`
      : ch.action === 'split'
        ? `split ${ch.aliases.map((a) => `"${a}"`).join(', ')} off ${ch.from} into ${ch.into}`
        : ch.action === 'edit'
          ? `edited ${ch.id}: ${Object.entries(ch.after)
              .map(([k, v]) => `${k} → ${v === null ? 'none' : String(v)}`)
              .join(', ')}`
          : ch.action === 'reject'
            ? `rejected ${ch.label}`
            : `not the same: ${ch.ids.join(' / ')}`;
  const reverted = c.reverted
    ? ` [reverted ${c.reverted.at} by ${c.reverted.by}]`
    : c.holds === false
      ? ' [does not hold: please report]'
      : c.holds === null
        ? ' [what it named is gone]'
        : '';
  return `${c.id}  ${c.at}  ${c.by}  ${what} — ${c.reason}${reverted}`;
}

function report(correction: Correction, options: { json?: boolean }): void {
  if (options.json) process.stdout.write(`${JSON.stringify({ correction }, null, 2)}\n`);
  else process.stdout.write(`${describeCorrection(correction)}\n`);
}

export async function mergeCommand(entities: string[], options: CurateOptions & { name?: string }): Promise<void> {
  const correction = await withDatabase(async (db) => {
    const ids = [];
    for (const e of entities) ids.push(await idOf(db, e));
    return mergeEntities(db, ids, options.name, author(options.reason));
  });
  report(correction, options);
}

export async function splitCommand(entity: string, options: CurateOptions & { alias: string[]; name?: string }): Promise<void> {
  report(await withDatabase(async (db) => splitEntity(db, await idOf(db, entity), options.alias, options.name, author(options.reason))), options);
}

export async function editCommand(entity: string, options: CurateOptions & { name?: string; category?: EntityCategory; kind?: string }): Promise<void> {
  const after: { name?: string; category?: EntityCategory; kind?: string | null } = {};
  if (options.name !== undefined) after.name = options.name;
  if (options.category !== undefined) after.category = options.category;
  if (options.kind !== undefined) after.kind = options.kind === '' ? null : options.kind;
  report(await withDatabase(async (db) => editEntity(db, await idOf(db, entity), after, author(options.reason))), options);
}

/** What a reject names: an id as given (an entity's, an allegation's, or a link's element id from the API), else a name. */
async function targetOf(db: Database, target: string): Promise<string> {
  return /^[a-z]+:\S/.test(target) || /^\d+:[0-9a-f-]+:\d+$/.test(target) ? target : idOf(db, target);
}

export async function rejectCommand(target: string, options: CurateOptions): Promise<void> {
  report(await withDatabase(async (db) => reject(db, await targetOf(db, target), author(options.reason))), options);
}

export async function restoreCommand(target: string, options: CurateOptions): Promise<void> {
  report(await withDatabase(async (db) => restore(db, await targetOf(db, target), author(options.reason))), options);
}

export async function distinctCommand(a: string, b: string, options: CurateOptions): Promise<void> {
  report(await withDatabase(async (db) => markDistinct(db, [await idOf(db, a), await idOf(db, b)], author(options.reason))), options);
}

export async function revertCommand(id: string, options: CurateOptions): Promise<void> {
  report(await withDatabase((db) => revertCorrection(db, id, author(options.reason))), options);
}

export async function logCommand(options: { json?: boolean; limit: number }): Promise<void> {
  const log = await withDatabase((db) => db.read((tx) => listCorrections(tx, options.limit, 0)));
  if (options.json) {
    process.stdout.write(`${JSON.stringify(log, null, 2)}\n`);
    return;
  }
  if (!log.total) progress('No corrections yet.');
  for (const c of log.corrections) process.stdout.write(`${describeCorrection(c)}\n`);
  if (log.total > log.corrections.length) progress(`${log.corrections.length} of ${log.total} shown; --limit shows more.`);
}

export async function duplicatesCommand(options: { category?: EntityCategory; limit?: number; json?: boolean }): Promise<void> {
  const list = await withDatabase((db) => duplicateSuggestions(db, { category: options.category, limit: options.limit }));
  if (options.json) {
    process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    return;
  }
  if (!list.suggestions.length) progress('No suggested duplicates.');
  for (const s of list.suggestions) {
    const [a, b] = s.entities;
    process.stdout.write(`${a.name} (${a.id})  ~  ${b.name} (${b.id})   score ${s.score.toFixed(2)}\n`);
    for (const r of s.reasons) process.stdout.write(`    ${r.text}\n`);
  }
  if (list.suggestions.length)
    progress('Merge a pair with `newsgraph curate merge A B --reason …`, or say it is not one with `curate distinct A B --reason …`.');
}
