/** Text as XML 1.0 can carry it, in element content and in attribute values. */

/**
 * Characters XML 1.0 cannot hold even as references (most C0 controls, lone surrogates, U+FFFE/FFFF)
 * become U+FFFD, the replacement character: a reader would refuse the whole file otherwise.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const CONTENT = /[&<>\r]/g;
const ATTRIBUTE = /[&<>"\r\n\t]/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;', '\n': '&#10;', '\t': '&#9;' };

/** Element content; a carriage return is written as a reference, which readers keep (a raw one they drop). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(CONTENT, (c) => ENTITIES[c]!);
}

/** An attribute value: line breaks and tabs as references too, or readers turn them into spaces. */
export function xmlAttribute(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(ATTRIBUTE, (c) => ENTITIES[c]!);
}
