/** scripts/eval.ts run as a user runs it: bad input is one clear line and exit code 2; --only picks documents. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROJECT_ROOT } from '../../../server/paths.js';
import { assertOneLineError as assertScriptError, runScript, type ScriptRun } from '../../helpers/script.js';
import { tempDirs } from '../../helpers/temp.js';

const EVAL = path.join(PROJECT_ROOT, 'scripts', 'eval.ts');

const evalRun = (args: string[]) => runScript(EVAL, args);
const assertOneLineError = (run: ScriptRun, code: string, message: RegExp) => assertScriptError(run, 'eval', code, message);

const entity = (name: string) => ({ name, aliases: [name] });
const doc = (file: string, people: string[], places: string[]) => ({
  file,
  people: people.map(entity),
  institutions: [],
  places: places.map(entity),
  allegations: [],
  interactions: [],
});

describe('scripts/eval.ts', () => {
  const temps = tempDirs('newsgraph-eval');
  let dir: string;
  let gold: string;
  const goldFile = (name: string, content: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  before(() => {
    dir = temps.make();
    writeFileSync(path.join(dir, '01-harbour.txt'), 'Harbour talks resume\n\nNora Lind met Piet Maas in Rotterdam on Tuesday.\n');
    writeFileSync(path.join(dir, '02-mine.txt'), 'Mine reopens\n\nOwen Pryce visited Cardiff last week.\n');
    writeFileSync(path.join(dir, '12-river.txt'), 'River report\n\nIda Holm spoke in Uppsala.\n');
    gold = goldFile(
      'gold.json',
      JSON.stringify([
        doc('01-harbour.txt', ['Nora Lind', 'Piet Maas'], ['Rotterdam']),
        doc('02-mine.txt', ['Owen Pryce'], ['Cardiff']),
        doc('12-river.txt', ['Ida Holm'], ['Uppsala']),
      ]),
    );
  });
  after(() => temps.cleanup());

  it('names a gold article that is in neither the folder nor seeds/', () => {
    const file = goldFile('missing.json', JSON.stringify([doc('01-harbour.txt', [], []), doc('03-absent.txt', [], [])]));
    assertOneLineError(evalRun([dir, file]), 'NOT_FOUND', /article 03-absent\.txt .*neither in .* nor in seeds\//);
  });

  it('says where gold that is not JSON goes wrong', () => {
    const file = goldFile('broken.json', '[\n  {"file": "01-harbour.txt"\n   "people": []}\n]');
    assertOneLineError(evalRun([dir, file]), 'BAD_INPUT', /broken\.json is not valid JSON, line 3/);
  });

  it('names the document and field of gold in the wrong form', () => {
    const wrong = { ...doc('02-mine.txt', [], []), people: [{ name: 'Owen Pryce', aliases: 'Pryce' }] };
    const file = goldFile('shape.json', JSON.stringify([doc('01-harbour.txt', [], []), wrong]));
    assertOneLineError(evalRun([dir, file]), 'BAD_INPUT', /shape\.json, document 2 \(02-mine\.txt\): people\[0\]\.aliases: expected array/);
    assertOneLineError(evalRun([dir, goldFile('object.json', '{"file": "01-harbour.txt"}')]), 'BAD_INPUT', /must hold a JSON array/);
  });

  it('refuses a missing gold file, a missing folder, a bad --only and unknown options', () => {
    assertOneLineError(evalRun([dir, path.join(dir, 'nope.json')]), 'NOT_FOUND', /nope\.json: no such file/);
    assertOneLineError(evalRun([path.join(dir, 'nowhere'), gold]), 'NOT_FOUND', /articles folder .*nowhere: no such folder/);
    assertOneLineError(evalRun([dir, gold, '--only', '^(0[']), 'BAD_REQUEST', /--only '\^\(0\[' is not a valid regular expression/);
    assertOneLineError(evalRun([dir, gold, '--only', '^9']), 'BAD_REQUEST', /matches none of the 3 documents/);
    assertOneLineError(evalRun([dir, gold, '--frobnicate']), 'BAD_REQUEST', /Unknown option '--frobnicate'/);
    assertOneLineError(evalRun([dir]), 'BAD_REQUEST', /usage: npm run eval/);
  });

  it('scores only the documents --only picks, by prefix or by regular expression', () => {
    const out = path.join(dir, 'scores.json');
    const byPrefix = evalRun([dir, gold, '--only', '0', '--verbose', '--out', out]);
    assert.equal(byPrefix.code, 0, byPrefix.stderr);
    assert.match(byPrefix.stdout, /^All \(2 documents\)/m);
    assert.match(byPrefix.stdout, /^01-harbour\.txt$/m);
    assert.doesNotMatch(byPrefix.stdout, /12-river/);
    assert.deepEqual((JSON.parse(readFileSync(out, 'utf8')) as { files: string[] }).files, ['01-harbour.txt', '02-mine.txt']);

    const byRegex = evalRun([dir, gold, '--only', '^(01|12)-', '--verbose']);
    assert.equal(byRegex.code, 0, byRegex.stderr);
    assert.match(byRegex.stderr, /scoring 2 of 3 documents/);
    assert.match(byRegex.stdout, /^12-river\.txt$/m);
    assert.doesNotMatch(byRegex.stdout, /02-mine/);
  });
});
