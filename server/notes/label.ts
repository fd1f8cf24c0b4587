/** How a note's target is named in lists. */

/** "Antony Blinken —MET→ Wang Yi". */
export function linkLabel(from: string, type: string, to: string): string {
  return `${from} —${type}→ ${to}`;
}

/** Lucene treats these as syntax (and `&&`, `||`); in a user's words they are only characters. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(word: string): string {
  return word.replace(LUCENE_SPECIAL, (c) => `\\${c}`);
}

/**
 * A user's words as a Lucene query over notes' text: every word must be there, whole or as the start of
 * a word ("sanct" finds "sanctions"). Special characters are escaped, not obeyed; a word with no letter or
 * digit is left out (the analyzer would drop it and the query then match nothing). Null when no word is left.
 */
export function notesQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .slice(0, 20);
  if (words.length === 0) return null;
  return words.map((w) => `(${escapeLucene(w)} OR ${escapeLucene(w)}*)`).join(' AND ');
}
