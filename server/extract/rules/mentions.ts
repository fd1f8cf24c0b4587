/**
 * Finding candidate names: runs of capitalised tokens, classified as person, institution,
 * place, or an unresolved single word that aliases.ts may attach to a fuller name later.
 */
import type { InstitutionKind } from '../types.js';
import { FUNCTION_WORDS, MONTHS_DAYS, isCommonWord, isDemonym, isFirstName, lookupPlace } from './lexicons.js';
import {
  ALNUM_GROUP,
  INSTITUTION_HEAD,
  INSTITUTION_SUFFIX,
  PERSON_BODY_NOUNS,
  abbreviatesCommonWords,
  countryBody,
  countryBodyAt,
  institutionContext,
  isCountryBodyNoun,
  singleInstitutionHint,
  institutionKindOf,
  isAcronymShape,
  isBodyWord,
  isPartyPlural,
  lookupInstitution,
} from './institutions.js';
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
  /** Single words: the context says this is a body of this kind unless it is a person's name. */
  institutionHint?: InstitutionKind;
  /** An acronym defined by lower-case words, "first information report (FIR)": no body anywhere in the article. */
  commonAbbreviation?: boolean;
}

const BASED = /-based$/i;
const CONNECTORS = new Set(['of', 'the', 'and', 'for', '&', 'de', 'von', 'van', 'al', 'bin', 'du', 'la']);
const SPEECH_AFTER = new Set(['said', 'says', 'told', 'added', 'stated', 'wrote', 'tweeted', 'argued', 'insisted', 'denied', 'claimed', 'who', 'whose']);
const PERSON_NOUNS_AFTER = new Set(['investigation', 'probe', 'inquiry', 'testimony', 'presidency']);
const COMMON_SHAPE = /(?:tion|sion|ment|ness|ity|ies|ors|ers|ists|ance|ence|ship|ism|ings|ants|ents|ives|als)$/i;

function isNameToken(t: Token): boolean {
  if (!t.cap) return false;
  if (/\d/.test(t.text)) return false;
  const w = norm(t.text);
  if (MONTHS_DAYS.has(w)) return false;
  if (FUNCTION_WORDS.has(w) && w !== 'the' && !t.text.includes('.')) return false; // "U.S." is no "us"
  return true;
}

/** "People's Party", "President's Office": a common word's possessive before an institution's head word stays inside. */
function bodyAfter(tokens: Token[], k: number): boolean {
  const next = tokens[k + 1];
  return (
    !!next?.cap && INSTITUTION_SUFFIX[norm(next.text)] !== undefined && isCommonWord(tokens[k]!.text) && INSTITUTION_SUFFIX[norm(tokens[k]!.text)] === undefined // "the Treasury's Office …" is two bodies
  );
}

/** A run of name tokens ends at a possessive ’s and after "London-based" (the place and the body it qualifies are two names). */
function endsRun(text: string, tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  return (t.possessive && /s/i.test(text[t.end + 1] ?? '') && !bodyAfter(tokens, k)) || BASED.test(t.text);
}

function spacedAfter(text: string, tokens: Token[], k: number): boolean {
  return /^\s+$/.test(text.slice(tokens[k]!.end, tokens[k + 1]!.start));
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
  return toks.length < 2 ? null : institutionKindOf(toks.map((t) => t.text));
}

/** Mentions in one sentence. `tokens` are that sentence's tokens. */
export function findMentions(text: string, tokens: Token[], sentence: number): RawMention[] {
  const out: RawMention[] = [];
  if (isHeadline(tokens)) return out; // aliases.ts matches known names in headlines afterwards
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokens[i]!)) {
      // "G20", "M23": letters and digits name a group (not "Q3", "H1": quarters and halves).
      const t = tokens[i]!;
      if (ALNUM_GROUP.test(t.text) && !/^[QH]\d$/.test(t.text)) out.push(mention('institution', text, [t], i, sentence, { kind: 'other' }));
      i++;
      continue;
    }
    // Build the longest run, allowing lower-case connectors between capitalised words.
    let j = i;
    while (j + 1 < tokens.length && !endsRun(text, tokens, j)) {
      const next = tokens[j + 1]!;
      // Names continue only across spaces ("U.S.-North Korea" is two names).
      if (next.text !== ',' && !/^(?:['’]s?)?\s+$/.test(text.slice(tokens[j]!.end, next.start))) break;
      if (isNameToken(next)) {
        j++;
        continue;
      }
      const headOn = next.text === 'on' && INSTITUTION_HEAD[norm(tokens[j]!.text)] !== undefined; // "Conference on …"
      // "News of the World", "Conference on the Great Lakes Region".
      if (
        (next.text === 'of' || headOn) &&
        tokens[j + 2]?.text === 'the' &&
        j + 3 < tokens.length &&
        isNameToken(tokens[j + 3]!) &&
        spacedAfter(text, tokens, j + 1) &&
        spacedAfter(text, tokens, j + 2)
      ) {
        j += 3;
        continue;
      }
      if ((CONNECTORS.has(next.text) || headOn) && j + 2 < tokens.length && isNameToken(tokens[j + 2]!)) {
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
  // Leading words of an institution's name stay: "National Electoral Council", "African Union".
  const after = tokens[offset + run.length];
  const shaped =
    institutionKind(run) !== null ||
    isPartyPlural(run[run.length - 1]!.text) ||
    (after !== undefined && !after.cap && (after.text === 'party' || after.text === 'parties'));
  // Sentence-initial common words ("Both", "Prosecutors", "Court documents").
  const knownPrefix = (sp: Token[]): boolean =>
    sp.some(
      (_, k) => k > 0 && (lookupPlace(textOf(text, sp.slice(0, k + 1))) !== undefined || lookupInstitution(textOf(text, sp.slice(0, k + 1))) !== undefined),
    );
  // A shaped name keeps its leading words, except a common word before a lower-case connector
  // ("Later the Senate", "Members of the … party"); "Ministry of …" keeps its head.
  while (
    span.length > 0 &&
    (!shaped || looseStart(span)) &&
    atSentenceStart(tokens, base) &&
    !knownPrefix(span) &&
    !lookupPlace(span[0]!.text) &&
    !lookupInstitution(span[0]!.text) &&
    !isTitleWord(span[0]!) &&
    span[0]!.text !== 'The' &&
    (isCommonWord(span[0]!.text) || (shaped && COMMON_SHAPE.test(span[0]!.text)))
  ) {
    span = span.slice(1);
    base++;
  }
  while (span.length > 0 && !span[0]!.cap && CONNECTORS.has(span[0]!.text)) {
    span = span.slice(1);
    base++;
  }
  // A demonym before a body's name is part of it ("African Union"), unless it qualifies another
  // demonym or comes with a prefix ("pro-Russian Georgian Dream").
  const bodyFirst = shaped || (span.length > 1 && isDemonym(span[0]!.text) && institutionKind(headSegmentOf(span)) !== null);
  while (
    span.length > 1 &&
    isDemonym(span[0]!.text) &&
    !isTitleWord(span[1]!) &&
    (!bodyFirst || isDemonym(span[1]!.text) || text[span[0]!.start - 1] === '-') &&
    !countryBodyAt(tokens, base, span)
  ) {
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
  // "University of Oxford and Harvard University": the parts joined by "and" are names of their own.
  const andAt = span.findIndex((t, k) => k > 0 && (t.text === 'and' || t.text === ','));
  if (andAt > 0 && andAt + 1 < span.length) {
    classifyRun(text, tokens, base, span.slice(0, andAt), sentence, out);
    classifyRun(text, tokens, base + andAt + 1, span.slice(andAt + 1), sentence, out);
    return;
  }
  // "Chairperson of the International Conference on …", "CEO of Acme Holdings": a body after "of".
  for (let k = 1; k + 1 < span.length; k++) {
    if (norm(span[k]!.text) !== 'of' || INSTITUTION_HEAD[norm(span[k - 1]!.text)] !== undefined) continue;
    const from = norm(span[k + 1]!.text) === 'the' ? k + 2 : k + 1;
    const body = span.slice(from);
    const kind = body.length >= 2 ? institutionKind(body) : null;
    if (!kind) continue;
    classifyRun(text, tokens, base, span.slice(0, k), sentence, out);
    out.push(mention('institution', text, body, base + from, sentence, { kind, ...acronymOf(tokens, base + span.length - 1) }));
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
  if (a?.text === '(' && b && c?.text === ')' && isAcronymShape(b.text)) return b.text;
  return undefined;
}

function acronymOf(tokens: Token[], lastIdx: number): { acronym?: string } {
  const acronym = acronymAfter(tokens, lastIdx);
  return acronym ? { acronym } : {};
}

/** The name's tokens before its first connector or comma. */
function headSegmentOf(span: Token[]): Token[] {
  const k = span.findIndex((t) => CONNECTORS.has(norm(t.text)) || t.text === ',');
  return span.slice(0, Math.max(1, k));
}

function looseStart(sp: Token[]): boolean {
  return sp.length > 1 && !sp[1]!.cap && CONNECTORS.has(sp[1]!.text) && INSTITUTION_HEAD[norm(sp[0]!.text)] === undefined;
}

/** Whole-span classification; null when the span should be split at its connectors. */
function classifySpan(text: string, tokens: Token[], base: number, span0: Token[], sentence: number): RawMention[] | null {
  let span = span0;
  let b = base;
  const lastIdx = base + span0.length - 1;
  const acronym = acronymAfter(tokens, lastIdx);
  const withThe = textOf(text, span);
  const known0 = lookupInstitution(withThe);
  // What the words around say the name is: "McClatchy reported", "according to The Hill".
  // (Asked only where it changes the answer: a known name, or one that opens with "The".)
  const ctx = known0 || span[0]!.text === 'The' ? institutionContext(tokens, base, lastIdx) : undefined;
  const media = ctx === 'media' ? { kind: 'media' as const } : {};
  if (known0 && span[0]!.text === 'The')
    return [mention('institution', text, span, b, sentence, { name: withThe, kind: known0.kind, ...media, ...(acronym ? { acronym } : {}) })];
  if (ctx === 'media' && span[0]!.text === 'The' && span.length >= 2 && !lookupPlace(withThe) && !lookupPlace(textOf(text, span.slice(1))))
    return [mention('institution', text, span, b, sentence, { name: withThe, kind: 'media' })];
  if (norm(span[0]!.text) === 'the') {
    span = span.slice(1);
    b++;
  }
  if (span.length === 0) return [];
  const s = textOf(text, span);
  const known = lookupInstitution(s);
  if (known) {
    const outlet = (ctx ?? institutionContext(tokens, base, lastIdx)) === 'media' ? { kind: 'media' as const } : {};
    return [mention('institution', text, span, b, sentence, { kind: known.kind, ...outlet, ...(acronym ? { acronym } : {}) })];
  }
  // A government named with its country: "Mexican Embassy", "the Indian government", "Mexico's government".
  const after = tokens[lastIdx + 1];
  const last = span[span.length - 1]!;
  const named =
    span.length >= 2 && isCountryBodyNoun(last.text)
      ? countryBody(
          span.slice(0, -1).map((t) => t.text),
          last.text,
          after?.text,
        )
      : undefined;
  if (named) return [mention('institution', text, span, b, sentence, { name: named.canonical, kind: named.kind })];
  const lowerBody =
    after && !after.cap && isCountryBodyNoun(after.text)
      ? countryBody(
          span.map((t) => t.text),
          after.text,
          tokens[lastIdx + 2]?.text,
        )
      : undefined;
  if (lowerBody) return [mention('institution', text, [...span, after!], b, sentence, { name: lowerBody.canonical, kind: lowerBody.kind })];
  // "London's Old Bailey court", "the Georgian Dream party": a lower-case institution word after the name.
  if (after && !after.cap && /^(?:court|party|parties)$/.test(after.text) && !lookupPlace(s) && !span.every((t) => isDemonym(t.text))) {
    const kind = after.text === 'court' ? 'court' : 'party';
    // A single word may be a person's name ("the Smith court"): aliases.ts decides.
    if (span.length === 1)
      return isCommonWord(last.text) || COMMON_SHAPE.test(last.text) || atSentenceStart(tokens, b)
        ? []
        : [mention('single', text, span, b, sentence, { institutionHint: kind })];
    return [mention('institution', text, span, b, sentence, { kind })];
  }
  const place = lookupPlace(s);
  if (place) return [mention('place', text, span, b, sentence, { name: place })];
  // Leading demonyms qualify, they are not names: "Russian President Vladimir Putin".
  while (
    span.length > 0 &&
    (isDemonym(span[0]!.text) || (span.length > 1 && isDemonym(`${span[0]!.text} ${span[1]!.text}`))) &&
    institutionKind(span) === null
  ) {
    const two = span.length > 1 && isDemonym(`${span[0]!.text} ${span[1]!.text}`) ? 2 : 1;
    span = span.slice(two);
    b += two;
  }
  if (span.length === 0) return [];
  // "Democrats", "Social Democrats": a party named for its members.
  if (isPartyPlural(span[span.length - 1]!.text) && !span.some((t) => t.text === 'and' || t.text === ','))
    return [mention('institution', text, span, b, sentence, { kind: 'party', ...(acronym ? { acronym } : {}) })];
  const kind = institutionKind(span);
  if (kind) {
    // "The Straits Times": an outlet's name keeps its article.
    const withArticle = kind === 'media' && span0[0]!.text === 'The' && span0.length === span.length + 1;
    return [
      withArticle
        ? mention('institution', text, span0, base, sentence, { kind, ...(acronym ? { acronym } : {}) })
        : mention('institution', text, span, b, sentence, { kind, ...(acronym ? { acronym } : {}) }),
    ];
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
    const afterThe = prev !== undefined && norm(prev.text) === 'the';
    const bodyContext = institutionContext(tokens, base, base); // "Paris-based Acme said": no person
    const evidence =
      !bodyContext &&
      !start &&
      !common &&
      // "the Kremlin's", "the Bundesrat said": a person is no "the" (but "the Mueller probe" is his).
      (!afterThe || (next !== undefined && !next.cap && PERSON_NOUNS_AFTER.has(next.text))) &&
      !isBodyWord(t.text) &&
      !/^[A-Z]+$/.test(t.text) &&
      (t.possessive ||
        (next !== undefined && SPEECH_AFTER.has(next.text)) ||
        (prev !== undefined && (prev.text === 'said' || prev.text === 'says')) ||
        (next !== undefined && !next.cap && PERSON_NOUNS_AFTER.has(next.text)) ||
        (prev !== undefined && /^(?:pro|anti)$/.test(prev.text)) ||
        (text[t.start - 1] === '-' && /[a-z]/.test(text[t.start - 2] ?? '')));
    const hint = evidence
      ? undefined
      : singleInstitutionHint(tokens, base, { afterThe, atStart: start, articleAtStart: atSentenceStart(tokens, base - 1), common });
    return [
      mention('single', text, span, base, sentence, {
        ...(evidence ? { personEvidence: true } : {}),
        ...(afterThe ? { afterThe: true } : {}),
        ...(hint ? { institutionHint: hint } : {}),
        ...(abbreviatesCommonWords(tokens, base) ? { commonAbbreviation: true } : {}),
        ...(/^[A-Z][A-Z&]{1,7}$/.test(t.text) && isCommonWord(w) === false ? {} : {}),
      }),
    ];
  }
  const first = span[0]!;
  // "rival newspaper Israel Hayom", "owner of Acme Widgets": the context names a body.
  const ctx = institutionContext(tokens, base, base + span.length - 1);
  if (ctx && !isFirstName(first.text)) return [mention('institution', text, span, base, sentence, { kind: ctx })];
  // "Singapore GP", "Harry Potter …": place words inside an unknown run stand alone.
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
