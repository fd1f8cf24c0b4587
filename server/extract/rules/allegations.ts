/**
 * Allegations: sentences whose wording presents a claim rather than a fact ("allegedly",
 * "accused of", "charged with", "suggesting", interference claims…). Who alleges it, against
 * whom, which outlet reports it and who denies it come from the entities in and around it.
 */
import type { Allegation, Sentence } from '../types.js';
import type { Token } from './nlp.js';
import type { Placed } from './aliases.js';
import { isHeadline } from './mentions.js';

/** Words that make a sentence an allegation; the first one found is reported as the hedge. */
const ALLEGATION_CUES =
  /\b(allegedly|alleged|alleging|alleges|allegations? that|accused|accusing|accuses|charged\b[^.;]{0,30}\bwith|suggesting|said to|reportedly|purportedly|supposed|asserted|claims? that|meddling|interfere|interference|collusion|corruptly|corruption|misrepresented|deceptive|falsely|lied|spying|espionage|phone-hacking|investigating whether)\b/i;
/**
 * Cues that name a topic ("interference", "corruption") rather than present a claim: they make an
 * allegation only when an entity is tied to them (as accuser or accused). "Concerns about foreign
 * interference" is context, "interference by China" or "X asserted that … meddling" is a claim.
 */
const TOPICAL_CUES = /^(meddling|interfere|interference|collusion|corruption|spying|espionage|phone-hacking)$/i;
/** Nouns of denial that take the denier with "by": "the denial of interference by Beijing". */
const DENIAL_BY = /\b(denials?) of\b/i;
const PREPOSITIONS = new Set([
  'of',
  'for',
  'from',
  'to',
  'with',
  'in',
  'at',
  'by',
  'into',
  'about',
  'against',
  'on',
  'over',
  'between',
  'among',
  'like',
  'during',
  'under',
  'within',
  'through',
  'including',
  'as',
]);
/** Two sentences that share most words state the same claim (a lead repeating the headline). */
const SAME_CLAIM = 0.6;
/** Words that make a sentence report a denial of an earlier claim. */
const DENIAL_CUES = /\b(denied|denies|deny|denial|rejected|refuted|not guilty|didn[’']t know|did not know)\b/i;
/** Verbs whose subject is the one making the claim. */
const ALLEGER_VERBS = new Set([
  'alleges',
  'alleged',
  'alleging',
  'accused',
  'accuses',
  'accusing',
  'claims',
  'claimed',
  'asserted',
  'cited',
  'said',
  'says',
  'reported',
  'identified',
  'charged',
  'sued',
  'warned',
  'told',
  'emphasized',
  'expressed',
]);
/** Verbs whose objects are the accused: "X accused Y and Z of …". */
const ACCUSING_VERBS = new Set(['accused', 'accuses', 'accusing', 'charged', 'sued', 'sues', 'indicted']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const REPORT_CUES = /\b(according to|reported|reports|report|as per|cited by)\b/i;

export function findAllegations(sentences: Sentence[], tokens: Token[][], placed: Placed[]): Allegation[] {
  const out: Allegation[] = [];
  const bySentence = new Map<number, Placed[]>();
  for (const p of placed) if (!p.modifier) bySentence.set(p.sentence, [...(bySentence.get(p.sentence) ?? []), p]);
  let lastPerson: string | null = null;
  const denials: { by: string[]; sentence: number; general: boolean }[] = [];

  sentences.forEach((sent, s) => {
    const toks = tokens[s] ?? [];
    const ms = (bySentence.get(s) ?? []).sort((a, b) => a.first - b.first);
    const names = (pred: (p: Placed) => boolean): string[] => [...new Set(ms.filter(pred).map((p) => p.entity.name))];
    const isMedia = (p: Placed): boolean => p.entity.kind === 'media';
    const cue = ALLEGATION_CUES.exec(sent.text);
    const denial = DENIAL_CUES.exec(sent.text);
    const pronounSubject = /^\W*(he|she)\b/i.test(sent.text) || /\b(he|she) said\b/i.test(sent.text);
    const denialBy = denialAgents(sent.text, toks, ms);

    if (denial) {
      const at = toks.findIndex((t) => DENIAL_CUES.test(t.text));
      let by = denialBy.length ? denialBy : names((p) => !isMedia(p) && p.first < (at + 1 || toks.length) && !inPrepPhrase(toks, p));
      if (by.length === 0 && pronounSubject && lastPerson) by = [lastPerson];
      // The speaker quoted with a denial denies too: "… deny the allegations," spokesman X said.
      by = [...new Set([...by, ...speakersAfter(toks, ms, at)])];
      // "deny the allegations" answers every claim against the denier, not only the last one.
      denials.push({ by, sentence: s, general: /not guilty|allegations|charges|claims/i.test(sent.text.slice(denial.index)) });
    }
    const claimCue = cue && !(denial && !/alleg/i.test(cue[0]) && cue.index > denial.index && denialBy.length === 0);
    if ((claimCue || denialBy.length) && !isHeadline(toks)) {
      const hedge = cue ?? denial!;
      let reported = names(isMedia);
      // "These operations allegedly …" right after "reports from X suggesting …" is still X's report.
      const prev = out.at(-1);
      if (reported.length === 0 && prev && s - prev.sentence === 1 && /^\W*(these|this|those|they|such)\b/i.test(sent.text)) reported = [...prev.reported_by];
      const allegers = allegersIn(toks, ms, lastPerson);
      // "These operations allegedly …": a description that points back carries the last claim's target.
      const anaphoric = /^\W*(these|this|those|they|such)\b/i.test(sent.text);
      let against = accusedIn(toks, ms, hedge.index, sent, !anaphoric).filter((n) => !allegers.includes(n));
      if (denialBy.length) against = [...new Set([...against, ...denialBy])];
      if (against.length === 0 && anaphoric) against = [...(out.findLast((a) => a.against.length)?.against ?? [])];
      const topical = TOPICAL_CUES.test(hedge[0]) && allegers.length === 0 && against.length === 0;
      const sentWords = wordsOf(sent.text);
      const repeated = out.some((a) => overlap(claimWords(a), sentWords) >= SAME_CLAIM);
      if (!topical && !repeated) {
        out.push({
          claim: claimOf(sent.text, hedge.index),
          alleged_by: allegers,
          against,
          reported_by: reported,
          denied_by: [],
          sentence: s,
          evidence: { start: sent.start, end: sent.end, text: sent.text },
          hedge: hedge[0],
        });
      }
    }
    const firstPerson = ms.find((m) => m.entity.category === 'person');
    if (firstPerson) lastPerson = firstPerson.entity.name;
  });

  // Outlets that the article cites as its source report every claim in it.
  const sources = new Set<string>();
  sentences.forEach((sent, s) => {
    if (!REPORT_CUES.test(sent.text)) return;
    for (const p of bySentence.get(s) ?? []) if (p.entity.kind === 'media') sources.add(p.entity.name);
  });
  for (const a of out) if (a.reported_by.length === 0 && sources.size === 1) a.reported_by = [...sources];

  // Denials answer the claims just before them; a general denial or a plea answers every claim against the denier.
  for (const d of denials) {
    for (const a of out) {
      const near = a.sentence <= d.sentence && d.sentence - a.sentence <= 2;
      const general = d.general && d.by.some((b) => a.against.includes(b));
      if (near || general || a.sentence === d.sentence) for (const b of d.by) if (!a.denied_by.includes(b)) a.denied_by.push(b);
    }
  }
  return out;
}

/** A mention inside a prepositional phrase ("in California", "ally of Russian President X"). */
function inPrepPhrase(toks: Token[], m: Placed): boolean {
  for (let k = m.first - 1; k >= 0 && k >= m.first - 3; k--) {
    const w = toks[k]!.text.toLowerCase();
    if (PREPOSITIONS.has(w)) return !(w === 'of' && toks[k - 1]?.cap); // "Secretary of State X" is a title
    if (!toks[k]!.cap && w !== 'the' && !toks[k]!.possessive) return false;
  }
  return false;
}

/** Who makes the claim: the subject of an active claim verb ("X accused", "X said", "United States officials … accusing"). */
function allegersIn(toks: Token[], ms: Placed[], lastPerson: string | null): string[] {
  const out: string[] = [];
  toks.forEach((t, k) => {
    const w = t.text.toLowerCase();
    if (!ALLEGER_VERBS.has(w)) return;
    if (toks[k - 1]?.possessive || /^(the|a|an|its|his|her|their)$/i.test(toks[k - 1]?.text ?? '')) return; // "China's alleged attempts": an adjective
    if (BE.has(toks[k - 1]?.text.toLowerCase() ?? '') || BE.has(toks[k - 2]?.text.toLowerCase() ?? '')) return; // passive: "Iswaran was charged"
    const subj = [...ms].reverse().find((p) => p.last < k && k - p.last <= 6 && p.entity.kind !== 'media' && !p.possessive && !inPrepPhrase(toks, p));
    if (subj) out.push(subj.entity.name);
    else if (k > 0 && /^(he|she)$/i.test(toks[k - 1]!.text) && lastPerson) out.push(lastPerson);
  });
  return [...new Set(out)];
}

/**
 * Who is accused: the objects of an accusing verb ("accused Purdue and its former president, X"),
 * the owner of the alleged act ("China's alleged attempts", "interference by China"), or the
 * subject of the hedged clause ("Iswaran had allegedly obtained"). "collusion between A and B" names both.
 */
function accusedIn(toks: Token[], ms: Placed[], cueChar: number, sent: Sentence, fallback: boolean): string[] {
  const out: string[] = [];
  const free = (p: Placed): boolean => p.entity.kind !== 'media' && !inPrepPhrase(toks, p);
  const cueAt = toks.findIndex((t) => t.start - sent.start >= cueChar);
  toks.forEach((t, k) => {
    if (!ACCUSING_VERBS.has(t.text.toLowerCase()) || BE.has(toks[k - 1]?.text.toLowerCase() ?? '')) return;
    // Objects up to "of"/"with"/"for" or the end of the clause.
    for (const p of ms) {
      if (p.first <= k) continue;
      const between = toks.slice(k + 1, p.first).map((x) => x.text.toLowerCase());
      if (between.some((w) => /^(of|with|for|that|;|who|which)$/.test(w))) break;
      out.push(p.entity.name);
    }
  });
  if (out.length || cueAt < 0) return [...new Set(out)];
  const cueWord = toks[cueAt]!.text.toLowerCase();
  const owner = ms.find((p) => p.possessive && p.last >= cueAt - 2 && p.last < cueAt);
  if (owner) return [owner.entity.name];
  const next = toks[cueAt + 1]?.text.toLowerCase();
  if (next === 'by' || next === 'between') {
    const list = ms.filter((p) => p.first > cueAt + 1 && p.first <= cueAt + 8 && p.entity.kind !== 'media');
    if (list.length) return [...new Set(list.slice(0, next === 'between' ? 2 : 3).map((p) => p.entity.name))];
  }
  // The subject of the hedged clause: the nearest free entity before the cue, within its clause.
  for (let k = cueAt - 1; k >= 0 && cueAt - k <= 8; k--) {
    const w = toks[k]!.text.toLowerCase();
    if (/^(;|that|which|who|,|“|")$/.test(w) && !ms.some((p) => p.last === k - 1 && w === ',')) break;
    const m = ms.find((p) => p.last === k);
    if (m && free(m) && !m.possessive) return [m.entity.name];
  }
  void cueWord;
  // Otherwise the entities the sentence is about: those outside prepositional phrases.
  if (!fallback) return [];
  return [...new Set(ms.filter((p) => free(p) && !p.possessive).map((p) => p.entity.name))];
}

/** "the denial of election interference by Beijing and Moscow": the deniers named after "by". */
function denialAgents(text: string, toks: Token[], ms: Placed[]): string[] {
  const d = DENIAL_BY.exec(text);
  if (!d) return [];
  const at = toks.findIndex((t) => /^denials?$/i.test(t.text));
  const by = toks.findIndex((t, k) => k > at && k - at <= 6 && t.text === 'by');
  if (at < 0 || by < 0) return [];
  const out: string[] = [];
  for (const p of ms) {
    if (p.first <= by) continue;
    const gap = toks.slice(out.length ? 0 : by + 1, p.first);
    if (!out.length && gap.length > 2) break;
    out.push(p.entity.name);
    if (toks[p.last + 1]?.text !== 'and' && toks[p.last + 1]?.text !== ',') break;
  }
  return out;
}

/** Speakers after k: "…,” company spokesman Robert Josephson said". */
function speakersAfter(toks: Token[], ms: Placed[], k: number): string[] {
  const out: string[] = [];
  for (let j = Math.max(0, k); j < toks.length; j++) {
    if (!/^(said|says|added)$/i.test(toks[j]!.text)) continue;
    const m = ms.find((p) => p.last === j - 1);
    if (m && m.entity.category === 'person') out.push(m.entity.name);
  }
  return out;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Each allegation's words, split once: comparing every new sentence with every earlier claim is the hot path. */
const claimWordSets = new WeakMap<object, Set<string>>();
function claimWords(a: { evidence: { text: string } }): Set<string> {
  let set = claimWordSets.get(a);
  if (!set) claimWordSets.set(a, (set = new Set(wordsOf(a.evidence.text))));
  return set;
}

/** Share of the shorter sentence's words found in the other one. */
function overlap(wa: Set<string>, wb: string[]): number {
  if (wb.length === 0) return 0;
  return wb.filter((w) => wa.has(w)).length / Math.min(wa.size || 1, wb.length);
}

/** The clause around the cue: from the previous comma or sentence start to the next stop. */
function claimOf(text: string, at: number): string {
  const start = Math.max(0, text.lastIndexOf(',', at) + 1);
  const endRel = text.slice(at).search(/[.;]\s|[.;]$/);
  const end = endRel < 0 ? text.length : at + endRel;
  return text.slice(start, end).trim();
}
