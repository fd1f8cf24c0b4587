/**
 * A CSV field as both CSV writers write it: the export's nodes.csv and relationships.csv, and
 * `newsgraph query --format csv`. One module, so the two never disagree about what is safe.
 *
 * Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula when a
 * spreadsheet opens the file (CSV injection), so it is written with a `'` in front, as OWASP advises;
 * spreadsheets show the text without it. Text that already starts with `'`s and then one of those is
 * given one `'` more, so that taking one `'` off again (`restoreFormulaText`) gives back every text
 * exactly: neo4j-admin and LOAD CSV read the `'`, and the export's README.txt says how to take it off.
 * Numbers, booleans and temporals are never prefixed: `-5` stays a number.
 */

const FORMULA = /^'*[=+\-@\t\r]/;
const PREFIXED = /^'+[=+\-@\t\r]/;

/** Text a spreadsheet would run as a formula, with a `'` in front; other text as it is. */
export function neutraliseFormula(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

/** `neutraliseFormula` undone. */
export function restoreFormulaText(text: string): string {
  return PREFIXED.test(text) ? text.slice(1) : text;
}

/** RFC 4180: quoted when it holds a comma, quote or line break, or would lose surrounding spaces. */
export function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A text value as a field: neutralised, then quoted as needed. */
export function csvText(text: string): string {
  return csvField(neutraliseFormula(text));
}
