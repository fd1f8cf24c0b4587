/** The prose of a Markdown article: markup, link targets, images and HTML dropped; one block per paragraph. */
import { Lexer, type Token, type Tokens } from 'marked';

function inline(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => {
      switch (t.type) {
        case 'image':
        case 'html':
          return '';
        case 'br':
          return '\n';
        case 'codespan':
          return (t as Tokens.Codespan).text;
        default:
          return 'tokens' in t && t.tokens ? inline(t.tokens) : 'text' in t ? String(t.text) : '';
      }
    })
    .join('');
}

function blocks(tokens: Token[]): string[] {
  return tokens.flatMap((t): string[] => {
    switch (t.type) {
      case 'heading':
      case 'paragraph':
        return [inline((t as Tokens.Heading | Tokens.Paragraph).tokens)];
      case 'text':
        return [(t as Tokens.Text).tokens ? inline((t as Tokens.Text).tokens) : (t as Tokens.Text).text];
      case 'blockquote':
        return blocks((t as Tokens.Blockquote).tokens);
      case 'list':
        return (t as Tokens.List).items.flatMap((item) => blocks(item.tokens));
      case 'table': {
        const table = t as Tokens.Table;
        return [table.header, ...table.rows].map((row) => row.map((cell) => inline(cell.tokens)).join(' | '));
      }
      case 'code':
        return [(t as Tokens.Code).text];
      default:
        return [];
    }
  });
}

export interface MarkdownText {
  title: string | null;
  text: string;
}

export function markdownToText(markdown: string): MarkdownText {
  const tokens = Lexer.lex(markdown);
  const heading = tokens.find((t): t is Tokens.Heading => t.type === 'heading' && (t as Tokens.Heading).depth === 1);
  return {
    title: heading ? inline(heading.tokens).trim() : null,
    text: blocks(tokens)
      .map((b) => b.trim())
      .filter(Boolean)
      .join('\n\n'),
  };
}
