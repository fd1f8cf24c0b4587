/** scripts/fit run as a user runs it: bad input is one clear line and exit code 2; a small set is fitted and reported. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../../server/paths.js';
import { assertOneLineError as assertScriptError, runScript, type ScriptRun } from '../../helpers/script.js';
import { tempDirs } from '../../helpers/temp.js';

const FIT = path.join(PROJECT_ROOT, 'scripts', 'fit', 'index.ts');

const fitRun = (args: string[]) => runScript(FIT, args);
const assertOneLineError = (run: ScriptRun, code: string, message: RegExp) => assertScriptError(run, 'fit', code, message);

describe('scripts/fit', () => {
  const temps = tempDirs('newsgraph-fit');
  let dir: string;
  before(() => {
    dir = temps.make();
    writeFileSync(
      path.join(dir, 'a.txt'),
      'title: Court\nTobias Brandt and Lena Morrow were charged with fraud by the Serious Fraud Office.\nThey paid bribes to officials in Bristol, prosecutors allege.\n',
    );
    writeFileSync(path.join(dir, 'not-json.json'), 'not json');
    const entity = (name: string) => ({ name, aliases: [name] });
    writeFileSync(
      path.join(dir, 'gold.json'),
      JSON.stringify([
        {
          file: 'a.txt',
          people: ['Tobias Brandt', 'Lena Morrow'].map(entity),
          institutions: [{ ...entity('Serious Fraud Office'), kind: 'agency' }],
          places: [entity('Bristol')],
          interactions: [{ a: 'Tobias Brandt', b: 'Lena Morrow', type: 'associated_with', sentence: 'x' }],
          allegations: [
            {
              claim: 'bribes',
              sentence: 'They paid bribes to officials in Bristol, prosecutors allege.',
              alleged_by: [],
              against: ['Tobias Brandt', 'Lena Morrow'],
              reported_by: [],
              denied_by: [],
            },
          ],
        },
      ]),
    );
  });
  after(() => temps.cleanup());

  it('names the model and the sets it needs', () => {
    assertOneLineError(fitRun([]), 'BAD_REQUEST', /links\|accused/);
    assertOneLineError(fitRun(['shapes', `${dir}:${dir}/gold.json`]), 'BAD_REQUEST', /usage/);
    assertOneLineError(fitRun(['links', 'no-colon']), 'BAD_REQUEST', /DIR:GOLD/);
  });

  it('says which file is missing or unreadable, and why', () => {
    assertOneLineError(fitRun(['links', `${dir}:${dir}/missing.json`]), 'NOT_FOUND', /missing\.json/);
    assertOneLineError(fitRun(['links', `${dir}:${dir}/not-json.json`]), 'BAD_INPUT', /not-json\.json.*JSON/);
    assertOneLineError(fitRun(['links', `${dir}:${dir}/gold.json:(`]), 'BAD_INPUT', /regular expression/);
  });

  it('fits each model on a set, reports it held out and by threshold, and writes nothing without --write', () => {
    for (const model of ['links', 'accused']) {
      const run = fitRun([model, `@${dir}:${dir}/gold.json`, `${dir}:${dir}/gold.json`]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /held out in turn/);
      assert.match(run.stdout, /mean of @ sets/);
      assert.match(run.stdout, /threshold \d/);
      assert.doesNotMatch(run.stdout, /wrote/);
    }
  });
});
