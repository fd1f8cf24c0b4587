/**
 * Allegations: sentences whose wording presents a claim rather than a fact ("allegedly",
 * "accused of", "charged with", "suggesting", interference claims…). Who alleges it, against
 * whom, which outlet reports it and who denies it come from the entities in and around it.
 */
import type { Allegation, Sentence } from '../types.js';
import type { Token } from './nlp.js';
import type { Placed } from './resolve.js';
import { isHeadline } from './mentions.js';

/** Words that make a sentence an allegation; the first one found is reported as the hedge. */
const ALLEGATION_CUES = /\b(allegedly|alleged|alleging|alleges|allegations? that|accused|accusing|accuses|charged with|charged|charges|suggesting|said to|reportedly|purportedly|supposed|asserted|claims? that|meddling|interfere|interference|collusion|corruptly|corruption|misrepresented|deceptive|falsely|lied|spying|espionage|phone-hacking|investigating whether)\b/i;
/** Words that make a sentence report a denial of an earlier claim. */
const DENIAL_CUES = /\b(denied|denies|deny|denial|rejected|refuted|not guilty|didn[’']t know|did not know)\b/i;
/** Verbs whose subject is the one making the claim. */
const ALLEGER_VERBS = new Set(['alleges', 'alleged', 'alleging', 'accused', 'accuses', 'accusing', 'claims', 'claimed', 'asserted', 'cited', 'said', 'says', 'reported', 'identified', 'charged', 'sued', 'warned', 'told', 'emphasized', 'expressed']);
const REPORT_CUES = /\b(according to|reported|reports|report|as per|cited by)\b/i;

export function findAllegations(sentences: Sentence[], tokens: Token[][], placed: Placed[]): Allegation[] {
  const out: Allegation[] = [];
  const bySentence = new Map<number, Placed[]>();
  for (const p of placed) if (!p.modifier) bySentence.set(p.sentence, [...(bySentence.get(p.sentence) ?? []), p]);
  let lastPerson: string | null = null;
  const denials: { by: string[]; sentence: number; plea: boolean }[] = [];

  sentences.forEach((sent, s) => {
    const toks = tokens[s] ?? [];
    const ms = (bySentence.get(s) ?? []).sort((a, b) => a.first - b.first);
    const names = (pred: (p: Placed) => boolean): string[] => [...new Set(ms.filter(pred).map((p) => p.entity.name))];
    const isMedia = (p: Placed): boolean => p.entity.kind === 'media';
    const cue = ALLEGATION_CUES.exec(sent.text);
    const denial = DENIAL_CUES.exec(sent.text);
    const pronounSubject = /^\W*(he|she)\b/i.test(sent.text) || /\b(he|she) said\b/i.test(sent.text);

    if (denial) {
      let by = names((p) => !isMedia(p) && p.first < (toks.findIndex((t) => DENIAL_CUES.test(t.text)) + 1 || toks.length));
      if (by.length === 0 && pronounSubject && lastPerson) by = [lastPerson];
      denials.push({ by, sentence: s, plea: /not guilty/i.test(denial[0]) });
    }
    if (cue && !isHeadline(toks) && !(denial && !/alleg/i.test(cue[0]) && cue.index > denial.index)) {
      const reported = names(isMedia);
      const allegers: string[] = [];
      toks.forEach((t, k) => {
        if (!ALLEGER_VERBS.has(t.text.toLowerCase())) return;
        const subj = [...ms].reverse().find((p) => p.last < k && k - p.last <= 4 && !isMedia(p));
        if (subj) allegers.push(subj.entity.name);
        else if (k > 0 && /^(he|she)$/i.test(toks[k - 1]!.text) && lastPerson) allegers.push(lastPerson);
      });
      const against = names((p) => !isMedia(p) && !allegers.includes(p.entity.name));
      out.push({
        claim: claimOf(sent.text, cue.index),
        alleged_by: [...new Set(allegers)],
        against,
        reported_by: reported,
        denied_by: [],
        sentence: s,
        evidence: { start: sent.start, end: sent.end, text: sent.text },
        hedge: cue[0],
      });
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

  // Denials answer the claims just before them; a plea answers every claim against the pleader.
  for (const d of denials) {
    for (const a of out) {
      const near = a.sentence <= d.sentence && d.sentence - a.sentence <= 2;
      const plea = d.plea && d.by.some((b) => a.against.includes(b));
      if (near || plea) for (const b of d.by) if (!a.denied_by.includes(b)) a.denied_by.push(b);
    }
  }
  return out;
}

/** The clause around the cue: from the previous comma or sentence start to the next stop. */
function claimOf(text: string, at: number): string {
  const start = Math.max(0, text.lastIndexOf(',', at) + 1);
  const endRel = text.slice(at).search(/[.;]\s|[.;]$/);
  const end = endRel < 0 ? text.length : at + endRel;
  return text.slice(start, end).trim();
}
