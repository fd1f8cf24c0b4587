import type { ApiError } from '../../common/api.js';
import type { ContractDocument } from '../extract/contract.js';
import { createExtractionPool, inOrder } from '../extract/pool.js';
import { loadConfig } from '../config.js';
import { articleFiles } from '../ingest/files.js';

function summary(doc: ContractDocument): string {
  const names = (list: { name: string; aliases: string[]; kind?: string }[]) =>
    list.map((e) => `${e.name}${e.kind ? ` [${e.kind}]` : ''}${e.aliases.length ? ` (also: ${e.aliases.join(', ')})` : ''}`).join('; ') || '—';
  const lines = [
    `${doc.file}${doc.title ? ` — ${doc.title}` : ''}`,
    `  People (${doc.people.length}): ${names(doc.people)}`,
    `  Institutions (${doc.institutions.length}): ${names(doc.institutions)}`,
    `  Places (${doc.places.length}): ${names(doc.places)}`,
    `  Interactions (${doc.interactions.length}):`,
    ...doc.interactions.map((i) => `    ${i.source} —${i.type}${i.hedged ? ' (hedged)' : ''}→ ${i.target}`),
    `  Allegations (${doc.allegations.length}):`,
    ...doc.allegations.flatMap((a) => [
      `    "${a.claim}"`,
      `      alleged by: ${a.alleged_by_all.join(', ') || '—'}; against: ${a.against_all.join(', ') || '—'}; reported by: ${a.reported_by_all.join(', ') || '—'}; denied by: ${a.denied_by_all.join(', ') || '—'}`,
    ]),
  ];
  return `${lines.join('\n')}\n\n`;
}

/**
 * Files are read, extracted and serialised on every core (extract/pool.ts) and written out in the
 * order given as they are done; at most a few per thread are in flight, so memory stays flat however
 * many files are given. A bad file is reported and skipped; the exit code is 1 if any was. A warning (a
 * source URL that is not http(s), left out) is reported and the file still extracted.
 */
export async function extractCommand(paths: string[], options: { json?: boolean }): Promise<void> {
  const out = process.stdout;
  const errors: { file: string; error: ApiError['error'] }[] = [];
  const warnings: { file: string; warning: ApiError['error'] }[] = [];
  const files: string[] = [];
  for await (const { path: file } of articleFiles(paths)) files.push(file);
  const pool = await createExtractionPool({ workers: loadConfig().extractWorkers, articles: files.length });
  let first = true;
  if (options.json) out.write('{"documents":[');
  try {
    // Four per thread in flight: a worker never waits for its next file while the others run.
    await inOrder(
      files,
      Math.max(2, pool.workers * 4),
      (file) => pool.extractFile(file),
      (done, file) => {
        if (!done.ok) {
          errors.push({ file, error: done.error });
          process.stderr.write(`newsgraph: warning[${done.error.code}]: ${done.error.message}\n`);
          return;
        }
        for (const warning of done.warnings) {
          const message = `${file}: ${warning}.`;
          warnings.push({ file, warning: { code: 'BAD_INPUT', message } });
          process.stderr.write(`newsgraph: warning[BAD_INPUT]: ${message}\n`);
        }
        if (options.json) {
          out.write(`${first ? '' : ','}\n${done.json}`);
          first = false;
        } else {
          out.write(summary(JSON.parse(done.json) as ContractDocument));
        }
      },
    );
  } finally {
    await pool.close();
  }
  if (options.json) out.write(`\n],"errors":${JSON.stringify(errors)},"warnings":${JSON.stringify(warnings)}}\n`);
  if (errors.length) {
    process.stderr.write(`newsgraph: ${errors.length} file(s) could not be extracted.\n`);
    process.exitCode = 1;
  }
}
