/**
 * The invented articles the curation tests load (test/fixtures/curation): one person spelt two ways,
 * "Sergei Volkov" and "Sergey Volkov", in two articles (corrections, curate CLI, curation e2e); a
 * company's chief spelt two ways and an institution named in full and by its acronym (duplicates).
 * Each test loads the files it names, since one folder holds both sets.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../server/paths.js';

export const CURATION_FIXTURES = path.join(PROJECT_ROOT, 'test/fixtures/curation');

const fixture = (file: string): string => readFileSync(path.join(CURATION_FIXTURES, file), 'utf8');

const VOLKOV_FILES = ['volkov-energy-talks.txt', 'volkov-leak-row.txt'] as const;

/** Sergei Volkov meets Anna Berg (the first article), Sergey Volkov accuses Maria Lind (the second). */
export const VOLKOV = {
  one: fixture(VOLKOV_FILES[0]),
  two: fixture(VOLKOV_FILES[1]),
  sergei: 'person:sergei-volkov',
  sergey: 'person:sergey-volkov',
};

/** The second article with a sentence added: loading it again changes the document. */
export const VOLKOV_TWO_CHANGED = `${VOLKOV.two}Sergey Volkov met Peter Holm in Bergen on Friday.\n`;

/** The two Volkov articles as files, for a test that loads them as they are. */
export const VOLKOV_ARTICLES = VOLKOV_FILES.map((file) => path.join(CURATION_FIXTURES, file));

/** The two articles the duplicates suggestions are tested on. */
export const HARBOUR_ARTICLES = ['harbour-inquiry-1.txt', 'harbour-inquiry-2.txt'].map((file) => path.join(CURATION_FIXTURES, file));
