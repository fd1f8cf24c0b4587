/**
 * Fits the extractor's logistic models on annotated articles and (with --write) writes their
 * weights; see scripts/fit/common.ts for the sets' form and how the threshold is chosen.
 *
 *   npm run fit -- links|accused [--write] [@]DIR:GOLD[:FILE_REGEX] ...
 */
import { AppError } from '../../server/errors.js';
import { fitAndReport, loadSets, type AnnotatedSet } from './common.js';
import { accusedModel } from './accused.js';
import { linkModel } from './links.js';

const MODELS: Record<string, (sets: AnnotatedSet[], write: boolean) => void> = {
  links: (sets, write) => fitAndReport(linkModel, sets, write),
  accused: (sets, write) => fitAndReport(accusedModel, sets, write),
};
const [which, ...rest] = process.argv.slice(2);
const model = MODELS[which ?? ''];
try {
  if (!model || rest.length === 0)
    throw new AppError('BAD_REQUEST', `usage: npm run fit -- ${Object.keys(MODELS).join('|')} [--write] [@]DIR:GOLD[:FILE_REGEX] ...`);
  model(await loadSets(rest.filter((a) => a !== '--write')), rest.includes('--write'));
} catch (err) {
  // Bad input is one line in the CLI's vocabulary; anything else is a bug and keeps its stack.
  if (!(err instanceof AppError)) throw err;
  process.stderr.write(`fit: error[${err.code}]: ${err.message}\n`);
  process.exitCode = 2;
}
