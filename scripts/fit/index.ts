/**
 * Fits the extractor's logistic models on annotated articles and (with --write) writes their
 * weights; see scripts/fit/common.ts for the sets' form and how the threshold is chosen.
 *
 *   npm run fit -- links|accused [--write] [@]DIR:GOLD[:FILE_REGEX] ...
 */
import { fitAndReport, loadSets, type AnnotatedSet } from './common.js';
import { accusedModel } from './accused.js';
import { linkModel } from './links.js';

const MODELS: Record<string, (sets: AnnotatedSet[], write: boolean) => void> = {
  links: (sets, write) => fitAndReport(linkModel, sets, write),
  accused: (sets, write) => fitAndReport(accusedModel, sets, write),
};
const [which, ...rest] = process.argv.slice(2);
const model = MODELS[which ?? ''];
if (!model || rest.length === 0) {
  console.error(`usage: npm run fit -- ${Object.keys(MODELS).join('|')} [--write] [@]DIR:GOLD[:FILE_REGEX] ...`);
  process.exit(2);
}
const write = rest.includes('--write');
model(await loadSets(rest.filter((a) => a !== '--write')), write);
