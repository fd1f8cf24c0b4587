/** The visible text of an HTML page: scripts, styles and tags dropped, entities decoded, blocks on their own lines. */
import { Parser } from 'htmlparser2';

const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul',
]);

export interface HtmlText {
  title: string | null;
  text: string;
}

export function htmlToText(html: string): HtmlText {
  const out: string[] = [];
  let hiddenDepth = 0;
  let inTitle = false;
  let title = '';
  let h1 = '';
  let inH1 = false;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (name === 'title') inTitle = true;
        if (name === 'h1') inH1 = true;
        if (HIDDEN.has(name)) hiddenDepth++;
        else if (BLOCK.has(name)) out.push('\n');
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'h1') inH1 = false;
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (BLOCK.has(name)) out.push('\n');
      },
      ontext(data) {
        if (inTitle) title += data;
        if (hiddenDepth > 0) return;
        if (inH1) h1 += data;
        out.push(data);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const text = out
    .join('')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n[ \n]*/g, (m) => (m.split('\n').length > 2 ? '\n\n' : '\n'))
    .trim();
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  return { title: clean(h1) || clean(title) || null, text };
}
