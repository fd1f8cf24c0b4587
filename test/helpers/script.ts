/** Running a development script (scripts/*.ts) as a user runs it, and checking its one-line errors. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PROJECT_ROOT } from '../../server/paths.js';

export interface ScriptRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(file: string, args: string[]): ScriptRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Exit code 2 and a single `<name>: error[CODE]: …` line, no stack trace. */
export function assertOneLineError(run: ScriptRun, name: string, code: string, message: RegExp): void {
  assert.equal(run.code, 2, run.stderr);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0]!, new RegExp(`^${name}: error\\[${code}\\]: `));
  assert.match(lines[0]!, message);
}
