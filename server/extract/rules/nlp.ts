/**
 * Sentences and tokens with character offsets into the original text.
 * wink-nlp finds sentence boundaries (it knows "U.S.", "Mr.", "Sept." and initials);
 * tokens inside a sentence come from our own small tokenizer because we need exact
 * offsets and name-friendly tokens ("S'pore", "Jong-un", "Magistrates'").
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Sentence } from '../types.js';

// Only sentence boundary detection: the full pipeline (POS, NER) costs time and
// wink tags every capitalised word PROPN anyway.
const nlp = winkNLP(model, ['sbd']);

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Index of the sentence in the document. */
  sentence: number;
  /** Followed by a possessive ’s / 's (which is not part of text). */
  possessive: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
}

/**
 * Split into sentences. Newlines always end a sentence (headlines, datelines, paragraphs).
 * A leading `source:` line is metadata of the article files, not text; it is skipped.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const isSourceLine = lineStart === 0 && /^source:\s/.test(line);
    if (!isSourceLine && line.trim() !== '') {
      let body = line;
      let bodyStart = lineStart;
      const titleMatch = /^title:\s*/.exec(line);
      if (lineStart === text.indexOf('title:') && titleMatch) {
        body = line.slice(titleMatch[0].length);
        bodyStart += titleMatch[0].length;
      }
      addLineSentences(body, bodyStart, out);
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

function addLineSentences(line: string, offset: number, out: Sentence[]): void {
  const doc = nlp.readDoc(line);
  let cursor = 0;
  const pieces: string[] = [];
  doc.sentences().each((s: { out(): string }) => {
    pieces.push(s.out());
  });
  for (const piece of pieces) {
    const trimmed = piece.trim();
    if (!trimmed) continue;
    const at = line.indexOf(trimmed, cursor);
    if (at < 0) {
      // wink normalised something; fall back to the rest of the line as one sentence.
      const rest = line.slice(cursor);
      const lead = rest.length - rest.trimStart().length;
      const t = rest.trim();
      if (t) out.push({ start: offset + cursor + lead, end: offset + cursor + lead + t.length, text: t });
      return;
    }
    out.push({ start: offset + at, end: offset + at + trimmed.length, text: trimmed });
    cursor = at + trimmed.length;
  }
}

const ABBREV_WITH_DOT = /^(?:[A-Z]|[A-Z]\.[A-Z](?:\.[A-Z])*|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Sen|Rep|Gov|Prof|Rev|Corp|Inc|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Mt|Ft)$/;
const TOKEN_RE = /[\p{L}\p{N}][\p{L}\p{N}.'’&-]*|[^\s\p{L}\p{N}]/gu;
const UPPER = /^\p{Lu}/u;
const HYPHEN_NAME = /^(.*?[.a-z])-(\p{Lu}.*)$/u;
const LOWER_WORD = /^[a-z]+$/;
/** - ' ’ & */
const GLUED_END = new Set([45, 39, 0x2019, 38]);
/** Ends in s' or s’ (lower-case s). */
const pluralPossessive = (w: string): boolean => {
  const last = w.charCodeAt(w.length - 1);
  return (last === 39 || last === 0x2019) && w.charCodeAt(w.length - 2) === 115;
};
/** Starts with an upper-case letter. */
const isUpperStart = (w: string): boolean => {
  const c = w.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return UPPER.test(w);
};

/** Tokens of one sentence, offsets into the full text. */
export function tokenize(s: Sentence, sentenceIndex: number): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(s.text))) {
    let word = m[0];
    let start = s.start + m.index;
    let possessive = false;
    // Trailing punctuation glued on by the regex.
    while (GLUED_END.has(word.charCodeAt(word.length - 1)) && !pluralPossessive(word)) word = word.slice(0, -1);
    const last = word.charCodeAt(word.length - 1);
    const prev = word.charCodeAt(word.length - 2);
    if ((last === 115 || last === 83) && (prev === 39 || prev === 0x2019) && word.length > 2) { // 's / ’s (any case)
      word = word.slice(0, -2);
      possessive = true;
    } else if (pluralPossessive(word)) {
      word = word.slice(0, -1);
      possessive = true;
    }
    let stop: Token | null = null;
    if (word.endsWith('.')) {
      const bare = word.slice(0, -1);
      if (!ABBREV_WITH_DOT.test(bare)) {
        word = bare.replace(/\.+$/, '');
        // The full stop stays a token: clause and headline checks look for it.
        stop = mk('.', start + word.length, s, sentenceIndex, false);
      }
    }
    if (!word) continue;
    // "U.S.-North", "pro-Trump": the capitalised part after the hyphen is a name on its own.
    const hy = word.includes('-') ? HYPHEN_NAME.exec(word) : null;
    if (hy && hy[1] && hy[2] && (hy[1].endsWith('.') || LOWER_WORD.test(hy[1]))) {
      const left = hy[1];
      if (left.endsWith('.')) tokens.push(mk(left, start, s, sentenceIndex, false));
      start += left.length + 1;
      word = hy[2];
    }
    tokens.push(mk(word, start, s, sentenceIndex, possessive));
    if (stop) tokens.push(stop);
  }
  return tokens;
}

function mk(text: string, start: number, _s: Sentence, sentence: number, possessive: boolean): Token {
  return { text, start, end: start + text.length, sentence, possessive, cap: isUpperStart(text) };
}
