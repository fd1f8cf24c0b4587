/** The visible text of an HTML page: scripts, styles and tags dropped, entities decoded, blocks on their own lines. */
import { Parser, Tokenizer } from 'htmlparser2';

const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas']);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
/** Elements that never have content or a closing tag (htmlparser2's list). */
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/**
 * Deepest nesting read with the element structure, as deep as browsers nest (Chromium stops at 512).
 * htmlparser2 keeps its open elements in an array it shifts and unshifts at the front, so every tag
 * costs as much as the depth: 200,000 nested <div>s took 32 s. A page nested deeper is read again by
 * `flatText`, which keeps no element stack.
 */
export const MAX_HTML_DEPTH = 512;

class TooDeep extends Error {}

export interface HtmlText {
  title: string | null;
  text: string;
}

/** What both readings collect: the text pieces, and the first <h1>, the og:title and the <title> text. */
class Collector {
  /** A page's own headline for sharing (`<meta property="og:title">`): without the site name <title> often adds. */
  ogTitle = '';
  readonly out: string[] = [];
  private hiddenDepth = 0;
  private inTitle = false;
  private inH1 = false;
  private title = '';
  private h1 = '';

  open(name: string): void {
    if (name === 'title') this.inTitle = true;
    if (name === 'h1') this.inH1 = true;
    if (HIDDEN.has(name)) this.hiddenDepth++;
    else if (BLOCK.has(name)) this.out.push('\n');
  }

  close(name: string): void {
    if (name === 'title') this.inTitle = false;
    if (name === 'h1') this.inH1 = false;
    if (HIDDEN.has(name)) this.hiddenDepth = Math.max(0, this.hiddenDepth - 1);
    else if (BLOCK.has(name)) this.out.push('\n');
  }

  text(data: string): void {
    if (this.inTitle) this.title += data;
    if (this.hiddenDepth > 0) return;
    if (this.inH1) this.h1 += data;
    this.out.push(data);
  }

  result(): HtmlText {
    const text = this.out
      .join('')
      .replace(/[ \t\f\v\u00a0]+/g, ' ')
      .replace(/ *\n[ \n]*/g, (m) => (m.split('\n').length > 2 ? '\n\n' : '\n'))
      .trim();
    const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
    return { title: clean(this.h1) || clean(this.ogTitle) || clean(this.title) || null, text };
  }

  /** A <meta> element's attributes: the og:title, when it is one. */
  meta(attributes: Record<string, string>): void {
    const key = attributes.property ?? attributes.name;
    if (key?.toLowerCase() === 'og:title' && !this.ogTitle) this.ogTitle = attributes.content ?? '';
  }
}

/** htmlparser2's reading, with its implied closes (a <p> ends the open <p>), up to MAX_HTML_DEPTH. */
function structuredText(html: string): HtmlText & { elements: number } {
  const collect = new Collector();
  // The parser reports every element it closes, implied closes too, so this is the length of its stack.
  let depth = 0;
  let elements = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        elements++;
        if (++depth > MAX_HTML_DEPTH) throw new TooDeep();
        collect.open(name);
      },
      onopentag(name, attributes) {
        if (name === 'meta') collect.meta(attributes);
      },
      onclosetag(name) {
        depth--;
        collect.close(name);
      },
      ontext: (data) => collect.text(data),
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return { ...collect.result(), elements };
}

/**
 * One pass over htmlparser2's tokenizer with no element stack, so linear however deep the nesting:
 * the same visible text, with a line break wherever a block tag stands but no implied closes.
 * Hidden elements are counted by name, and <body> ends an unclosed <head>.
 */
function flatText(html: string): HtmlText {
  const collect = new Collector();
  const hidden = new Map<string, number>();
  const open = (name: string) => {
    if (name === 'body') for (let n = hidden.get('head') ?? 0; n > 0; n--) close('head');
    if (HIDDEN.has(name)) hidden.set(name, (hidden.get(name) ?? 0) + 1);
    collect.open(name);
    if (VOID.has(name)) collect.close(name);
  };
  const close = (name: string) => {
    if (HIDDEN.has(name)) {
      const n = hidden.get(name) ?? 0;
      if (n === 0) return;
      hidden.set(name, n - 1);
    }
    collect.close(name);
  };
  let tag = '';
  let attribute = '';
  let value = '';
  let attributes: Record<string, string> = {};
  const noop = () => {};
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = html.slice(start, end).toLowerCase();
        attributes = {};
        open(tag);
      },
      onopentagend() {
        if (tag === 'meta') collect.meta(attributes);
      },
      // <svg/> and the like: a hidden element that closes itself.
      onselfclosingtag() {
        if (HIDDEN.has(tag)) close(tag);
      },
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        if (!VOID.has(name)) close(name);
      },
      ontext: (start, end) => collect.text(html.slice(start, end)),
      ontextentity: (codepoint) => collect.text(String.fromCodePoint(codepoint)),
      // Attributes are read for <meta> alone (its og:title).
      onattribname(start, end) {
        attribute = html.slice(start, end).toLowerCase();
        value = '';
      },
      onattribdata(start, end) {
        if (tag === 'meta') value += html.slice(start, end);
      },
      onattribentity(codepoint) {
        if (tag === 'meta') value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (tag === 'meta') attributes[attribute] = value;
      },
      oncdata: noop,
      oncomment: noop,
      ondeclaration: noop,
      onend: noop,
      onprocessinginstruction: noop,
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return collect.result();
}

export function htmlToText(html: string): HtmlText {
  const structured = htmlTextWithinDepth(html);
  return structured ? { title: structured.title, text: structured.text } : flatText(html);
}

/**
 * The structured reading and how many elements the page has, or null when it nests deeper than
 * MAX_HTML_DEPTH (then no DOM should be built of it).
 */
export function htmlTextWithinDepth(html: string): (HtmlText & { elements: number }) | null {
  try {
    return structuredText(html);
  } catch (err) {
    if (err instanceof TooDeep) return null;
    throw err;
  }
}

/** For tests: the stack-free reading on its own. */
export const flatHtmlText = flatText;
