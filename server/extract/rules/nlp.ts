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
  /** text in lower case, made once here: every rule looks words up by it. */
  low: string;
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
      // Only the text's first "title:" opens a title line. Looked for only on a line that starts with it:
      // searching every article for it took 2 % of the extractor's time.
      if (titleMatch && text.indexOf('title:') === lineStart) {
        body = line.slice(titleMatch[0].length);
        bodyStart += titleMatch[0].length;
      } else {
        // "LONDON (Reuters) - X sued Y": the dateline is a sentence of its own, so that its place is
        // no subject and its dash no apposition.
        const dateline = DATELINE.exec(body);
        if (dateline) {
          const head = dateline[0].trimEnd();
          out.push({ start: bodyStart, end: bodyStart + head.length, text: head });
          const rest = dateline[0].length + (body.length - dateline[0].length - body.slice(dateline[0].length).trimStart().length);
          body = body.slice(rest);
          bodyStart += rest;
        }
      }
      addLineSentences(body, bodyStart, out);
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/**
 * A dateline that opens a paragraph: a place in capitals, maybe its country or state, a date and an
 * outlet's credit in parentheses, then a dash: "NEW YORK -", "HANOI, Vietnam (NBC) –",
 * "LONDON, June 3 (Reuters) —". A capitalised sentence must follow. A hyphen with no space on
 * either side joins a name ("Rolls-Royce was sued").
 */
const DATELINE =
  /^\p{Lu}[\p{Lu}.'’-]{2,}(?: \p{Lu}[\p{Lu}.'’-]*)*(?:, \p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)*)?(?:, \p{Lu}\p{Ll}{2,8}\.? \d{1,2}(?:, \d{4})?)?(?: ?\([^()\n]{2,40}\))?(?: ?(?:--|—|–) ?| - ?|- )(?=[\p{Lu}“"‘'])/u;

function addLineSentences(line: string, offset: number, out: Sentence[]): void {
  if (!fastLineSentences(line, offset, out)) winkLineSentences(line, offset, out);
}

/** wink's own split of a line: what the fast path must always agree with (exported for that test). */
export function winkLineSentences(line: string, offset: number, out: Sentence[]): void {
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

// ---------------------------------------------------------------- fast sentence split
// wink costs about as much as all our rules together. Most lines are plain prose whose every
// "." / "!" / "?" either sits inside a number or ends a word that wink treats as an ordinary
// word before a full stop; such lines are split here, with the same result wink gives.
// Anything else (initials, abbreviations, quotes or brackets around the stop, "?!", "...",
// URLs, non-Latin scripts) goes to wink as before.

/** Next words for probing how wink ends a sentence after a word: abbreviations react to some. */
const PROBE_NEXT = ['The', 'President', 'He', 'Smith', 'I', 'Mr', 'New', 'In', 'But', 'It'];
let plainEndCache = new Map<string, boolean>();

/**
 * `word` + `stop` ("." "!" "?") ends a sentence before any capitalised word, as wink sees it. The
 * probes go to wink as one text, a paragraph each (wink never joins sentences across a blank line):
 * one call instead of ten, the same answers (checked on the ~1,000 sentence-final words of the corpora).
 */
function endsPlainly(word: string, stop: string): boolean {
  const k = word + stop;
  let v = plainEndCache.get(k);
  if (v === undefined) {
    const doc = nlp.readDoc(PROBE_NEXT.map((next) => `a ${word}${stop} ${next} b`).join('\n\n'));
    const toks = (doc.tokens().out() as string[]).filter((t) => t.trim() !== '');
    const sents: string[] = [];
    doc.sentences().each((x: { out(): string }) => {
      sents.push(x.out().trim());
    });
    v =
      toks.length === 5 * PROBE_NEXT.length &&
      sents.length === 2 * PROBE_NEXT.length &&
      PROBE_NEXT.every(
        (next, i) => toks[5 * i + 1] === word && toks[5 * i + 2] === stop && sents[2 * i] === `a ${word}${stop}` && sents[2 * i + 1] === `${next} b`,
      );
    if (plainEndCache.size >= 50_000) plainEndCache = new Map();
    plainEndCache.set(k, v);
  }
  return v;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 13 || c === 0xa0;
/** Characters the fast path accepts: Latin script, ASCII punctuation and common typography. */
const isPlainChar = (c: number): boolean =>
  c < 0x250 || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d || c === 0x2013 || c === 0x2014 || c === 0x20ac;

/** Letters, digits, . ! ? ' ’ & - and quotation marks: a chunk wink sees without brackets. */
const isChunkChar = (c: number): boolean =>
  isAsciiAlnum(c) ||
  c === 46 ||
  c === 33 ||
  c === 63 ||
  c === 39 ||
  c === 0x2019 ||
  c === 38 ||
  c === 45 ||
  c === 34 ||
  c === 0x201c ||
  c === 0x201d ||
  c === 0x2018;

/** A plain word with its stop and quotation marks around either: `said."`, `"go".`, `it.”`. */
const QUOTED_STOP = /^(["“‘']?)([A-Za-z0-9]{2,})(["”’']?)([.!?])(["”’']*)$/;
/** A capitalised word, maybe after an opening quotation mark: `"We`, `“The`, `Police`. */
const QUOTED_START = /^(["“‘']?)[A-Z][a-z]*$/;

/**
 * The chunks as wink's probe should see them. Around a stop after a word that ends a sentence
 * plainly, wink's answer depends on the quotation marks only, so the word becomes one stand-in
 * ("word") and so does the capitalised word after it ("The"): one probe per shape, not per pair
 * of words. Anything else is probed as it is.
 */
function chunkShapes(chunk: string, next: string): [string, string] {
  const q = QUOTED_STOP.exec(chunk);
  if (!q || q[1]! + q[3]! + q[5]! === '' || !endsPlainly(q[2]!, q[4]!)) return [chunk, next];
  const n = QUOTED_START.exec(next);
  return [`${q[1]}word${q[3]}${q[4]}${q[5]}`, n ? `${n[1]}The` : next];
}
let pairCache = new Map<string, number>();

/**
 * How wink splits `a <chunk> <next> b` (next may be empty: end of line): 0 no break,
 * 1 a break right after chunk, -1 anything else.
 */
function chunkBreak(chunk: string, next: string): number {
  const k = `${chunk} ${next}`;
  let v = pairCache.get(k);
  if (v === undefined) {
    // A next chunk with stops of its own ends the probe: its own break is decided separately.
    const tail = /[.!?]/.test(next) ? '' : ' b';
    const probe = next ? `a ${chunk} ${next}${tail}` : `a ${chunk}`;
    const sents: string[] = [];
    nlp
      .readDoc(probe)
      .sentences()
      .each((x: { out(): string }) => {
        sents.push(x.out().trim());
      });
    if (sents.length === 1 && sents[0] === probe) v = 0;
    else if (next && sents.length === 2 && sents[0] === `a ${chunk}` && sents[1] === `${next}${tail}`) v = 1;
    else v = -1;
    if (pairCache.size >= 50_000) pairCache = new Map();
    pairCache.set(k, v);
  }
  return v;
}

/** Splits a plain line into `out`; false (nothing added) when wink must decide. */
function fastLineSentences(line: string, offset: number, out: Sentence[]): boolean {
  const ends: number[] = [];
  const n = line.length;
  for (let i = 0; i < n; i++) {
    const c = line.charCodeAt(i);
    if (!isPlainChar(c) || (c < 32 && c !== 9 && c !== 13)) return false;
    if (c !== 46 && c !== 33 && c !== 63) continue; // . ! ?
    if (c === 46 && i > 0 && isDigit(line.charCodeAt(i - 1)) && i + 1 < n && isDigit(line.charCodeAt(i + 1))) continue; // 5.5
    // Plain case: a word of letters or digits, the stop, then spaces and a capitalised word or the end.
    let k = i;
    while (k > 0 && isAsciiAlnum(line.charCodeAt(k - 1))) k--;
    let j = i + 1;
    while (j < n && isSpace(line.charCodeAt(j))) j++;
    const next = j < n ? line.charCodeAt(j) : 0;
    if (i - k >= 2 && (k === 0 || isSpace(line.charCodeAt(k - 1))) && (j === n || (j > i + 1 && next >= 65 && next <= 90))) {
      if (!endsPlainly(line.slice(k, i), line[i]!)) return false;
      ends.push(i + 1);
      continue;
    }
    // Otherwise ask wink about this whitespace-delimited chunk and the one after it ("U.S. The").
    k = i;
    while (k > 0 && !isSpace(line.charCodeAt(k - 1))) k--;
    let e = i;
    while (e < n && !isSpace(line.charCodeAt(e))) e++;
    for (let q = k; q < e; q++) if (!isChunkChar(line.charCodeAt(q))) return false;
    j = e;
    while (j < n && isSpace(line.charCodeAt(j))) j++;
    let e2 = j;
    while (e2 < n && !isSpace(line.charCodeAt(e2))) e2++;
    for (let q = j; q < e2; q++) if (!isChunkChar(line.charCodeAt(q))) return false;
    const brk = chunkBreak(...chunkShapes(line.slice(k, e), line.slice(j, e2)));
    if (brk < 0) return false;
    if (brk === 1) ends.push(e);
    i = e - 1; // the chunk's other stops are decided with it
  }
  let from = 0;
  ends.push(n);
  for (const end of ends) {
    if (end <= from) continue;
    const piece = line.slice(from, end);
    const trimmed = piece.trim();
    if (trimmed) {
      const at = from + piece.indexOf(trimmed);
      out.push({ start: offset + at, end: offset + at + trimmed.length, text: trimmed });
    }
    from = end;
  }
  return true;
}

const ABBREV_WITH_DOT =
  /^(?:[A-Z]|[A-Z]\.[A-Z](?:\.[A-Z])*|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Sen|Rep|Gov|Prof|Rev|Corp|Inc|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Mt|Ft)$/;
// Tokens are TOKEN_RE matches: /[\p{L}\p{N}][\p{L}\p{N}.'’&-]*|[^\s\p{L}\p{N}]/gu (scanned by hand below).
const LN_Y = /[\p{L}\p{N}]/uy;
const CONT_Y = /[\p{L}\p{N}.'’&-]/uy;
const SPACE_Y = /\s/uy;
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
  // A hand-rolled TOKEN_RE scan: ASCII by char code, other characters through sticky regexes.
  const t = s.text;
  const n = t.length;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    let ln: boolean;
    let step = 1;
    if (c < 128) {
      if (c === 32 || (c >= 9 && c <= 13)) {
        i++;
        continue;
      }
      ln = isAsciiAlnum(c);
    } else {
      SPACE_Y.lastIndex = i;
      if (SPACE_Y.test(t)) {
        i = SPACE_Y.lastIndex;
        continue;
      }
      LN_Y.lastIndex = i;
      ln = LN_Y.test(t);
      if (ln) step = LN_Y.lastIndex - i;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) step = 2;
    }
    let j = i + step;
    if (ln) {
      while (j < n) {
        const d = t.charCodeAt(j);
        if (d < 128) {
          if (isAsciiAlnum(d) || d === 46 || d === 39 || d === 38 || d === 45) {
            j++;
            continue;
          }
          break;
        }
        if (d === 0x2019) {
          j++;
          continue;
        }
        CONT_Y.lastIndex = j;
        if (!CONT_Y.test(t)) break;
        j = CONT_Y.lastIndex;
      }
    }
    let word = t.slice(i, j);
    let start = s.start + i;
    i = j;
    let possessive = false;
    // Trailing punctuation glued on by the regex.
    while (GLUED_END.has(word.charCodeAt(word.length - 1)) && !pluralPossessive(word)) word = word.slice(0, -1);
    const last = word.charCodeAt(word.length - 1);
    const prev = word.charCodeAt(word.length - 2);
    if ((last === 115 || last === 83) && (prev === 39 || prev === 0x2019) && word.length > 2) {
      // 's / ’s (any case)
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
    if (!word) {
      // A full stop on its own, after ")" or a closing quote: it still ends the sentence.
      if (stop) tokens.push(stop);
      continue;
    }
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
  return { text, low: text.toLowerCase(), start, end: start + text.length, sentence, possessive, cap: isUpperStart(text) };
}
