/**
 * A multipart/form-data upload read into memory, file by file, within limits: a file over the
 * article limit is cut off and named as refused (the others still load), and a request past the
 * file count or the total size is refused whole before anything is loaded.
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { MAX_ARTICLE_BYTES } from '../article/read.js';
import { AppError } from '../errors.js';
import { refusal, uploadName } from '../ingest/sources.js';

export const MAX_UPLOAD_FILES = 5000;
export const MAX_UPLOAD_BYTES = 200 * 2 ** 20;

export interface Upload {
  files: { name: string; bytes: Buffer }[];
  refused: { name: string; message: string }[];
}

export function isMultipart(req: Request): boolean {
  return /^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '');
}

export function readMultipart(req: Request): Promise<Upload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: MAX_ARTICLE_BYTES, files: MAX_UPLOAD_FILES, fields: 100, parts: MAX_UPLOAD_FILES + 100 } });
    } catch (err) {
      reject(new AppError('BAD_REQUEST', `The upload is not readable multipart/form-data (${err instanceof Error ? err.message : String(err)}).`));
      return;
    }
    const upload: Upload = { files: [], refused: [] };
    let total = 0;
    let failed = false;
    const fail = (err: AppError) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.resume();
      reject(err);
    };
    parser.on('file', (_field, stream, info) => {
      const name = uploadName(info.filename ?? '');
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        total += chunk.length;
        if (total > MAX_UPLOAD_BYTES) {
          fail(new AppError('PAYLOAD_TOO_LARGE', `The upload is over ${MAX_UPLOAD_BYTES / 2 ** 20} MB; send it in parts.`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => {
        // busboy stops a file at the limit and says so: the whole file was larger.
        const why = refusal(name, stream.truncated ? MAX_ARTICLE_BYTES + 1 : size);
        if (why) upload.refused.push({ name, message: why });
        else upload.files.push({ name, bytes: Buffer.concat(chunks, size) });
      });
    });
    parser.on('filesLimit', () => fail(new AppError('PAYLOAD_TOO_LARGE', `The upload has more than ${MAX_UPLOAD_FILES} files; send it in parts.`)));
    parser.on('error', (err: Error) => fail(new AppError('BAD_REQUEST', `The upload is not readable multipart/form-data (${err.message}).`)));
    parser.on('close', () => {
      if (failed) return;
      if (upload.files.length + upload.refused.length === 0)
        fail(new AppError('BAD_REQUEST', 'The upload holds no file: send article files in multipart/form-data.'));
      else resolve(upload);
    });
    req.pipe(parser);
  });
}
