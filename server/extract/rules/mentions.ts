/**
 * Finding candidate names: runs of capitalised tokens, classified as person, institution,
 * place, or an unresolved single word that aliases.ts may attach to a fuller name later.
 */
import type { InstitutionKind } from '../types.js';
import {
  FUNCTION_WORDS,
  INSTITUTION_HEAD,
  INSTITUTION_SUFFIX,
  MONTHS_DAYS,
  PARTIES,
  PERSON_BODY_NOUNS,
  isCommonWord,
  isDemonym,
  isFirstName,
  lookupInstitution,
  lookupPlace,
} from './lexicons.js';
import type { Token } from './nlp.js';
import { aliasTitle, isHonorific, isTitleWord, norm, parseTitle, roleTitle } from './people.js';

export type MentionCategory = 'person' | 'institution' | 'place' | 'single';

export interface RawMention {
  category: MentionCategory;
  /** Name as written, title stripped. */
  name: string;
  /** Surface forms to keep as aliases ("Secretary Blinken"). */
  aliases: string[];
  start: number;
  end: number;
  sentence: number;
  /** Index in the sentence's token list of the name's first and last token. */
  first: number;
  last: number;
  kind?: InstitutionKind;
  role?: { title: string; institution: string | null };
  /** An acronym given in parentheses right after the name. */
  acronym?: string;
  /** Single words: something in the context says this is a person. */
  personEvidence?: boolean;
  /** A place used only to qualify a title ("Shanghai Party Secretary"): not an actor. */
  modifier?: boolean;
  /** Single words: "the Met", "the Sacklers". */
  afterThe?: boolean;
  /** Name of an institution owning this mention ("the Met's Director …", "Police's Command"). */
  ownerBefore?: RawMention;
}

const CONNECTORS = new Set(['of', 'the', 'and', 'for', '&', 'de', 'von', 'van', 'al', 'bin', 'du', 'la']);
const SPEECH_AFTER = new Set(['said', 'says', 'told', 'added', 'stated', 'wrote', 'tweeted', 'argued', 'insisted', 'denied', 'claimed', 'who', 'whose']);
const PERSON_NOUNS_AFTER = new Set(['investigation', 'probe', 'inquiry', 'testimony', 'presidency']);
const COMMON_SHAPE = /(?:tion|sion|ment|ness|ity|ies|ors|ers|ists|ance|ence|ship|ism|ings|ants|ents|ives|als)$/i;

function isNameToken(t: Token): boolean {
  if (!t.cap) return false;
  if (/\d/.test(t.text)) return false;
  const w = norm(t.text);
  if (MONTHS_DAYS.has(w)) return false;
  if (FUNCTION_WORDS.has(w) && w !== 'the') return false;
  return true;
}

/** A line in Title Case: capitals there say nothing about names. */
export function isHeadline(tokens: Token[]): boolean {
  // Title Case capitalises ordinary words ("Plans To Charge … Over Alleged Spying"); prose does not.
  const lastTok = tokens[tokens.length - 1];
  if (lastTok && /^[.!?”"]$/.test(lastTok.text)) return false; // headlines carry no full stop
  let commonCaps = 0;
  let lower = 0;
  tokens.forEach((t, i) => {
    if (!/^\p{L}{2,}/u.test(t.text) || i === 0) return;
    if (t.cap && isCommonWord(t.text) && !isTitleWord(t)) commonCaps++;
    else if (!t.cap && t.text.length >= 4 && !FUNCTION_WORDS.has(t.text)) lower++;
  });
  return commonCaps >= 2 && lower * 4 <= commonCaps;
}

function textOf(text: string, toks: Token[]): string {
  const a = toks[0]!;
  const b = toks[toks.length - 1]!;
  const s = text.slice(a.start, b.end);
  // Only single spaces: the replacement would change nothing.
  return ODD_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s;
}
/** Whitespace other than a lone space. */
const ODD_SPACE = /[^\S ]| {2}/;

function institutionKind(toks: Token[]): InstitutionKind | null {
  if (toks.length < 2) return null;
  const last = norm(toks[toks.length - 1]!.text);
  const first = norm(toks[0]!.text);
  return INSTITUTION_SUFFIX[last] ?? (toks.length >= 3 ? INSTITUTION_HEAD[first] : undefined) ?? null;
}

/** Mentions in one sentence. `tokens` are that sentence's tokens. */
export function findMentions(text: string, tokens: Token[], sentence: number): RawMention[] {
  const out: RawMention[] = [];
  if (isHeadline(tokens)) return out; // aliases.ts matches known names in headlines afterwards
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens[i]!)) {
      i++;
      continue;
    }
    // Build the longest run, allowing lower-case connectors between capitalised words.
    let j = i;
    const endsRun = (t: Token): boolean => t.possessive && /s/i.test(text[t.end + 1] ?? '');
    while (j + 1 < tokens.length && !endsRun(tokens[j]!)) {
      const next = tokens[j + 1]!;
      // Names continue only across spaces ("U.S.-North Korea" is two names).
      if (next.text !== ',' && !/^['’]?\s+$/.test(text.slice(tokens[j]!.end, next.start))) break;
      if (isNameToken(next)) {
        j++;
        continue;
      }
      if (CONNECTORS.has(next.text) && j + 2 < tokens.length && isNameToken(tokens[j + 2]!)) {
        j += 2;
        continue;
      }
      if (next.text === ',' && j + 2 < tokens.length && isNameToken(tokens[j + 2]!)) {
        // "Culture, Media and Sport Committee": a comma list that ends in an institution word.
        let k = j + 2;
        let sawAnd = false;
        while (
          k + 1 < tokens.length &&
          (isNameToken(tokens[k + 1]!) || (tokens[k + 1]!.text === 'and' && k + 2 < tokens.length && isNameToken(tokens[k + 2]!)))
        ) {
          if (tokens[k + 1]!.text === 'and') {
            sawAnd = true;
            k++;
          }
          k++;
        }
        if (sawAnd && INSTITUTION_SUFFIX[norm(tokens[k]!.text)]) {
          j = k;
          continue;
        }
      }
      break;
    }
    // Plural possessive "Magistrates' Court" continues; "’s" ends the run.
    const span = tokens.slice(i, j + 1);
    classifyRun(text, tokens, i, span, sentence, out);
    i = j + 1;
  }
  linkCoordinatedFirstNames(tokens, out);
  return out;
}

function atSentenceStart(tokens: Token[], idx: number): boolean {
  for (let k = idx - 1; k >= 0; k--) {
    const t = tokens[k]!.text;
    if (/^[“"‘'([–—-]$/.test(t)) continue;
    return t === ':' || t === '.';
  }
  return true;
}

function classifyRun(text: string, tokens: Token[], offset: number, run: Token[], sentence: number, out: RawMention[]): void {
  let span = run;
  let base = offset;
  // Sentence-initial common words ("Both", "Prosecutors", "Court documents").
  const knownPrefix = (sp: Token[]): boolean =>
    sp.some(
      (_, k) => k > 0 && (lookupPlace(textOf(text, sp.slice(0, k + 1))) !== undefined || lookupInstitution(textOf(text, sp.slice(0, k + 1))) !== undefined),
    );
  while (
    span.length > 0 &&
    atSentenceStart(tokens, base) &&
    !knownPrefix(span) &&
    !lookupPlace(span[0]!.text) &&
    !lookupInstitution(span[0]!.text) &&
    !isTitleWord(span[0]!) &&
    span[0]!.text !== 'The' &&
    isCommonWord(span[0]!.text)
  ) {
    span = span.slice(1);
    base++;
  }
  while (span.length > 1 && isDemonym(span[0]!.text) && !isTitleWord(span[1]!)) {
    span = span.slice(1);
    base++;
  }
  if (span.length === 0) return;
  // Split on connectors unless the whole run is a known or institution-shaped name.
  const whole = classifySpan(text, tokens, base, span, sentence);
  if (whole) {
    out.push(...whole);
    return;
  }
  let start = 0;
  for (let k = 0; k <= span.length; k++) {
    const t = span[k];
    const isBreak = !t || (CONNECTORS.has(norm(t.text)) && !(norm(t.text) === 'of' && k > 0 && isTitleWord(span[k - 1]!))) || t.text === ',';
    if (!isBreak) continue;
    // "Secretary of State X": keep "of" inside title runs.
    if (t && norm(t.text) === 'the' && t.cap && k === start) {
      start = k + 1;
      continue;
    }
    if (k > start) {
      const sub = span.slice(start, k);
      const res = classifySpan(text, tokens, base + start, sub, sentence) ?? fallback(text, tokens, base + start, sub, sentence);
      out.push(...res);
    }
    start = k + 1;
  }
}

function mention(category: MentionCategory, text: string, toks: Token[], firstIdx: number, sentence: number, extra: Partial<RawMention> = {}): RawMention {
  return {
    category,
    name: textOf(text, toks),
    aliases: [],
    start: toks[0]!.start,
    end: toks[toks.length - 1]!.end,
    sentence,
    first: firstIdx,
    last: firstIdx + toks.length - 1,
    ...extra,
  };
}

function acronymAfter(tokens: Token[], lastIdx: number): string | undefined {
  const a = tokens[lastIdx + 1];
  const b = tokens[lastIdx + 2];
  const c = tokens[lastIdx + 3];
  if (a?.text === '(' && b && c?.text === ')' && /^[A-Z][A-Z&.-]{1,9}$/.test(b.text)) return b.text;
  return undefined;
}

/** Whole-span classification; null when the span should be split at its connectors. */
function classifySpan(text: string, tokens: Token[], base: number, span0: Token[], sentence: number): RawMention[] | null {
  let span = span0;
  let b = base;
  const lastIdx = base + span0.length - 1;
  const acronym = acronymAfter(tokens, lastIdx);
  const withThe = textOf(text, span);
  const known0 = lookupInstitution(withThe);
  if (known0 && span[0]!.text === 'The')
    return [mention('institution', text, span, b, sentence, { name: withThe, kind: known0.kind, ...(acronym ? { acronym } : {}) })];
  if (norm(span[0]!.text) === 'the') {
    span = span.slice(1);
    b++;
  }
  if (span.length === 0) return [];
  const s = textOf(text, span);
  const known = lookupInstitution(s);
  if (known) return [mention('institution', text, span, b, sentence, { kind: known.kind, ...(acronym ? { acronym } : {}) })];
  const place = lookupPlace(s);
  if (place) return [mention('place', text, span, b, sentence, { name: place })];
  // Leading demonyms qualify, they are not names: "Russian President Vladimir Putin".
  while (span.length > 0 && (isDemonym(span[0]!.text) || (span.length > 1 && isDemonym(`${span[0]!.text} ${span[1]!.text}`)))) {
    const two = span.length > 1 && isDemonym(`${span[0]!.text} ${span[1]!.text}`) ? 2 : 1;
    span = span.slice(two);
    b += two;
  }
  if (span.length === 0) return [];
  const party = span.length === 1 ? PARTIES[norm(span[0]!.text)] : undefined;
  if (party) return [mention('institution', text, span, b, sentence, { name: party, aliases: [span[0]!.text], kind: 'party' })];
  const kind = institutionKind(span);
  if (kind) return [mention('institution', text, span, b, sentence, { kind, ...(acronym ? { acronym } : {}) })];
  // "London's Old Bailey court": a lower-case institution word after the name.
  const after = tokens[base + span0.length];
  if (after && !after.cap && (after.text === 'court' || after.text === 'party') && span.length >= 1 && !lookupPlace(s)) {
    return [mention('institution', text, span, b, sentence, { kind: after.text === 'court' ? 'court' : 'party' })];
  }
  if (span.some((t) => t.text === 'and' || t.text === ',')) return null; // "X and Y": two names
  const tp = parseTitle(span);
  if (tp) {
    const res: RawMention[] = [];
    const nameFirst = b + tp.prefix.length + tp.title.length;
    let owner: RawMention | null = null;
    if (tp.prefix.length > 0) {
      const pre = classifySpan(text, tokens, b, tp.prefix, sentence) ?? [];
      for (const p of pre) {
        if (p.category === 'place') p.modifier = true;
        if (p.category === 'institution') owner = p;
        if (p.category !== 'single' && p.category !== 'person') res.push(p);
      }
    }
    const at = aliasTitle(tp.title);
    const nameText = textOf(text, tp.name);
    const aliases = at ? [`${at.text} ${nameText}`] : [];
    const roleT = roleTitle(tp.title);
    const m = mention(tp.name.length === 1 ? 'single' : 'person', text, tp.name, nameFirst, sentence, {
      aliases,
      personEvidence: true,
      ...(roleT && !tp.title.every(isHonorific) ? { role: { title: roleT, institution: owner ? owner.name : null } } : {}),
    });
    res.push(m);
    return res;
  }
  return null;
}

/** Spans that are neither known nor institution-shaped nor titled. */
function fallback(text: string, tokens: Token[], base: number, span: Token[], sentence: number): RawMention[] {
  if (span.length === 1) {
    const t = span[0]!;
    const prev = tokens[base - 1];
    const next = tokens[base + 1];
    const w = norm(t.text);
    if (t.text.length < 2 || /^[A-Z]{2,}s$/.test(t.text)) return [];
    if (next && !next.cap && PERSON_BODY_NOUNS[next.text] && !t.possessive) {
      return [{ ...mention('institution', text, [t, next], base, sentence), kind: PERSON_BODY_NOUNS[next.text]! }];
    }
    const start = atSentenceStart(tokens, base);
    const common = isCommonWord(t.text) || COMMON_SHAPE.test(t.text);
    const evidence =
      !start &&
      !common &&
      !/^[A-Z]+$/.test(t.text) &&
      (t.possessive ||
        (next !== undefined && SPEECH_AFTER.has(next.text)) ||
        (prev !== undefined && (prev.text === 'said' || prev.text === 'says')) ||
        (next !== undefined && !next.cap && PERSON_NOUNS_AFTER.has(next.text)) ||
        (prev !== undefined && /^(?:pro|anti)$/.test(prev.text)) ||
        (text[t.start - 1] === '-' && /[a-z]/.test(text[t.start - 2] ?? '')));
    return [
      mention('single', text, span, base, sentence, {
        ...(evidence ? { personEvidence: true } : {}),
        ...(prev && norm(prev.text) === 'the' ? { afterThe: true } : {}),
        ...(/^[A-Z][A-Z&]{1,7}$/.test(t.text) && isCommonWord(w) === false ? {} : {}),
      }),
    ];
  }
  // "Singapore GP", "Harry Potter …": place words inside an unknown run stand alone.
  const first = span[0]!;
  if (isFirstName(first.text) || /^[A-Z]\.$/.test(first.text)) return [mention('person', text, span, base, sentence)];
  if (span.some((t) => lookupPlace(t.text) || /^[A-Z]{2,}$/.test(t.text))) {
    return span.flatMap((t, k) => (lookupPlace(t.text) ? [mention('place', text, [t], base + k, sentence, { name: lookupPlace(t.text)! })] : []));
  }
  if (span.length <= 4 && span.every((t) => !isCommonWord(t.text) && !COMMON_SHAPE.test(t.text) && !/^[A-Z]{2,}$/.test(t.text))) {
    return [mention('person', text, span, base, sentence)];
  }
  return [];
}

/** "Rupert and James Murdoch": the first name alone shares the surname that follows. */
function linkCoordinatedFirstNames(tokens: Token[], out: RawMention[]): void {
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k]!;
    const b = out[k + 1]!;
    if (a.category !== 'single' || b.category !== 'person') continue;
    if (b.first !== a.last + 2 || tokens[a.last + 1]?.text !== 'and') continue;
    if (!isFirstName(a.name)) continue;
    const surname = b.name.split(' ').slice(1).join(' ');
    if (!surname) continue;
    a.category = 'person';
    a.aliases = [a.name];
    a.name = `${a.name} ${surname}`;
  }
}
