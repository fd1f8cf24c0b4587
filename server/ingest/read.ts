/** Reading article files from disk: the I/O in front of the pure extraction pipeline. */
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../errors.js';
import { toArticle, type Article } from '../extract/text/article.js';
import { decodeText } from '../extract/text/decode.js';

/** One article is held in memory whole; beyond this it is refused rather than risk the process. */
export const MAX_ARTICLE_BYTES = 10 * 1024 * 1024;

export type ReadResult = { file: string; ok: true; article: Article; bytes: number } | { file: string; ok: false; error: AppError };

export async function readArticleFile(file: string, maxBytes = MAX_ARTICLE_BYTES): Promise<ReadResult> {
  const fail = (code: 'NOT_FOUND' | 'BAD_INPUT', message: string): ReadResult => ({ file, ok: false, error: new AppError(code, message) });
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return fail('BAD_INPUT', `${file} is a folder; give the article files in it.`);
    size = info.size;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('NOT_FOUND', `${file}: no such file.`);
    return fail('BAD_INPUT', `${file} cannot be read (${code ?? String(err)}).`);
  }
  if (size > maxBytes) {
    return fail('BAD_INPUT', `${file} is ${(size / 2 ** 20).toFixed(1)} MB, over the ${(maxBytes / 2 ** 20).toFixed(0)} MB limit for one article; split it into articles.`);
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return fail('BAD_INPUT', `${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return fail('BAD_INPUT', `${file} skipped: ${decoded.reason}.`);
  return { file, ok: true, article: toArticle(file, decoded.text), bytes: bytes.length };
}
