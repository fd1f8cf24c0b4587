/**
 * The whole of `newsgraph extract`'s work on one file, done where the pool runs it: read and decode
 * the file, extract, and write the contract document as JSON text. Done in a worker thread, this
 * leaves the caller's thread nothing but writing the text out: handing back the extraction as an
 * object cost a structured clone on each side and a JSON.stringify in the caller, which kept a third
 * thread busy beside two workers on a two-core machine.
 */
import type { ApiError } from '../../common/api.js';
import { readArticleFile } from '../article/read.js';
import { toContractDocument } from './contract.js';
import type { Extractor } from './types.js';

export type FileExtraction =
  | { file: string; ok: true; /** the contract document (contract.ts) as JSON text */ json: string; warnings: string[] }
  | { file: string; ok: false; error: ApiError['error'] };

export async function extractFile(file: string, extractor: Extractor): Promise<FileExtraction> {
  const read = await readArticleFile(file);
  if (!read.ok) return { file, ok: false, error: read.error.toJSON().error };
  const { title, text, warnings } = read.article;
  try {
    return { file, ok: true, json: JSON.stringify(toContractDocument(file, title, extractor.extract(text))), warnings };
  } catch (err) {
    // A bug met on one article must not end a run over thousands: that file is reported and skipped.
    const message = `${file} skipped: the extractor failed on it (${err instanceof Error ? err.message : String(err)}); please report this.`;
    return { file, ok: false, error: { code: 'INTERNAL', message } };
  }
}
