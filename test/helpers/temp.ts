import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Temporary folders for one test file: `make()` one, `cleanup()` them all in `after`. */
export function tempDirs(prefix: string): { make: () => string; cleanup: () => void } {
  const made: string[] = [];
  return {
    make: () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
      made.push(dir);
      return dir;
    },
    cleanup: () => made.forEach((d) => rmSync(d, { recursive: true, force: true })),
  };
}
