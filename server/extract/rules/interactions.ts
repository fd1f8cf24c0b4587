/**
 * Interactions: who did what to whom, one sentence at a time. Endpoints are entities found in
 * the sentence (people, institutions or places: a capital used as an actor stays a place).
 */
import type { Interaction, Sentence } from '../types.js';
import type { Token } from './nlp.js';
import type { Placed } from './resolve.js';

/**
 * The documented verb vocabulary: interaction type -> word forms that express it.
 * Nominal forms ("meeting", "talks") count when followed by "with"/"between".
 */
export const INTERACTION_VERBS: Record<string, readonly string[]> = {
  met: ['meet', 'meets', 'met', 'meeting', 'meetings', 'summit', 'visited', 'visits', 'hosted'],
  spoke_with: ['spoke', 'speaks', 'talked', 'talks', 'discussed', 'called', 'phoned'],
  asked: ['asked', 'asks', 'sought', 'requested', 'pressed'],
  urged: ['urged', 'urges'],
  assured: ['assured', 'assures', 'pledged', 'pledges', 'reassured'],
  promised: ['promised', 'promises', 'promise'],
  warned: ['warned', 'warns'],
  told: ['told', 'tells'],
  accused: ['accused', 'accuses', 'accusing', 'blamed', 'cited', 'lied'],
  confronted: ['confronted', 'confronts', 'challenged'],
  criticized: ['criticized', 'criticised', 'condemned', 'slammed', 'attacked'],
  denied: ['denied', 'denies', 'deny', 'rejected', 'dismissed'],
  praised: ['praised', 'praising', 'praises', 'thanked', 'commended'],
  trusts: ['trust', 'trusts', 'trusted'],
  sanctioned: ['sanctioned', 'sanctions', 'sanctioning'],
  charged: ['charged', 'charges', 'charge', 'indicted'],
  sued: ['sued', 'sues', 'sue', 'suing'],
  arrested: ['arrested', 'arrests', 'detained'],
  investigated: ['investigated', 'investigating', 'investigation', 'investigates', 'probed', 'probe', 'scrutiny'],
  prosecuted: ['prosecuted', 'prosecuting', 'prosecution'],
  summoned: ['summoned', 'summonses', 'subpoenaed'],
  questioned: ['questioned', 'quizzed', 'interviewed', 'grilled', 'grilling'],
  referred: ['referred'],
  approached: ['approached'],
  assisted: ['assisted', 'helped', 'aided'],
  funded: ['funneled', 'funnelled', 'funded', 'paid', 'donated'],
  employed: ['employed', 'hired', 'employment'],
  testified_before: ['testified', 'appear', 'appeared', 'face'],
};

/** Relations stated with a noun: "X's lawyer Y", "an ally of X", "spokesman for X". */
const RELATION_NOUNS: Record<string, string> = {
  lawyer: 'lawyer_for', attorney: 'lawyer_for', counsel: 'lawyer_for', spokesman: 'spokesman_for', spokeswoman: 'spokesman_for',
  spokesperson: 'spokesman_for', ally: 'ally_of', member: 'member_of', president: 'leads', chief: 'leads', bosses: 'leads',
  boss: 'leads', chairman: 'leads', head: 'leads', leader: 'leads', founder: 'leads', executive: 'works_for', director: 'works_for',
  son: 'child_of', father: 'father_of', daughter: 'child_of', wife: 'spouse_of', husband: 'spouse_of', adviser: 'works_for',
  aide: 'works_for', colleague: 'colleague_of', journalist: 'works_for', employee: 'works_for',
};

const VERB_TYPE = new Map<string, string>();
for (const [type, forms] of Object.entries(INTERACTION_VERBS)) for (const f of forms) VERB_TYPE.set(f, type);

export const HEDGES = /\b(allegedly|alleged|reportedly|purportedly|supposedly|supposed|apparently|suspected|said to|claims?|according to|suggesting|possible|possibly|may have|might have|arguably)\b/i;
const CLAUSE_END = new Set([';', 'that', 'which', 'while', 'but', 'although', 'whether', 'because', 'so', 'after', 'before', '“', '"', 'who', 'whom']);
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'be', 'is', 'are', 'being', 'got']);
const SUBJECT_PRONOUNS = new Set(['he', 'she']);

export function findInteractions(sentences: Sentence[], tokens: Token[][], placed: Placed[]): Interaction[] {
  const out: Interaction[] = [];
  const seen = new Set<string>();
  const bySentence = new Map<number, Placed[]>();
  for (const p of placed) if (!p.modifier) bySentence.set(p.sentence, [...(bySentence.get(p.sentence) ?? []), p]);
  let lastPerson: string | null = null;

  const add = (type: string, source: string, target: string, s: number): void => {
    if (source === target) return;
    const k = `${type}|${source}|${target}`;
    if (seen.has(k)) return;
    seen.add(k);
    const ev = sentences[s]!;
    out.push({ type, source, target, sentence: s, evidence: { start: ev.start, end: ev.end, text: ev.text }, hedged: HEDGES.test(ev.text) });
  };

  sentences.forEach((_, s) => {
    const toks = tokens[s] ?? [];
    const ms = (bySentence.get(s) ?? []).sort((a, b) => a.first - b.first);
    const inMention = new Set<number>();
    for (const m of ms) for (let k = m.first; k <= m.last; k++) inMention.add(k);
    const before = (idx: number): Placed | string | null => {
      // Nearest actor before idx in the clause; a closer "he"/"she" stands for the last person.
      for (let k = idx - 1; k >= 0 && idx - k <= 25; k--) {
        const t = toks[k]!.text;
        if (t === ';' || t === '.') break;
        const m = ms.find((x) => x.last === k);
        if (m) return m;
        if (SUBJECT_PRONOUNS.has(t.toLowerCase()) && lastPerson) return lastPerson;
      }
      return null;
    };
    const after = (idx: number, limit = 30): Placed[] => {
      const res: Placed[] = [];
      for (let k = idx + 1; k < toks.length && k - idx <= limit; k++) {
        const t = toks[k]!.text.toLowerCase();
        if (CLAUSE_END.has(t) && !inMention.has(k)) break;
        if (t === 'by' && res.length === 0) break;
        const m = ms.find((x) => x.first === k);
        if (m) res.push(m);
      }
      return res;
    };
    const nameOf = (x: Placed | string): string => (typeof x === 'string' ? x : x.entity.name);

    toks.forEach((tok, v) => {
      if (inMention.has(v)) return;
      const w = tok.text.toLowerCase();
      const type = VERB_TYPE.get(w);
      if (type) {
        const next = toks[v + 1]?.text.toLowerCase();
        if (next === 'between') {
          const pair = after(v + 1, 12);
          if (pair.length >= 2) add(type, pair[0]!.entity.name, pair[1]!.entity.name, s);
          else if (pair.length === 1) { const subj = before(v); if (subj) add(type, nameOf(subj), pair[0]!.entity.name, s); }
          return;
        }
        const aux = toks.slice(Math.max(0, v - 3), v).some((t) => PASSIVE_AUX.has(t.text.toLowerCase()));
        const byIdx = toks.findIndex((t, k) => k > v && k - v <= 12 && t.text === 'by');
        if (aux && byIdx > 0) {
          const agent = ms.find((x) => x.first > byIdx && x.first - byIdx <= 3);
          const patient = before(v);
          if (agent && patient) add(type, agent.entity.name, nameOf(patient), s);
          return;
        }
        const subj = before(v);
        if (!subj) return;
        for (const obj of after(v)) add(type, nameOf(subj), obj.entity.name, s);
        return;
      }
      const rel = tok.cap ? undefined : RELATION_NOUNS[w];
      if (rel) {
        // "X's lawyer, Y" / "X bosses Y" / "an ally of X" / "Y, X's spokesman".
        const prevM = ms.find((x) => x.last >= v - 3 && x.last < v);
        const nextM = ms.find((x) => x.first > v && x.first <= v + 3);
        if (toks[v + 1]?.text === 'of' || toks[v + 1]?.text === 'for') {
          const owner = ms.find((x) => x.first > v + 1 && x.first <= v + 4);
          const holder = [...ms].reverse().find((x) => x.last < v && x.entity.category === 'person');
          if (owner && holder) add(rel, holder.entity.name, owner.entity.name, s);
        } else if (prevM && nextM && nextM.entity.category === 'person') {
          add(rel, nextM.entity.name, prevM.entity.name, s);
        } else if (nextM && nextM.entity.category === 'person' && /^(his|her)$/.test(toks[v - 1]?.text ?? '') || /^(his|her)$/.test(toks[v - 2]?.text ?? '')) {
          // "his former lawyer Michael Cohen": "his" is the clause's subject.
          const subj = before(v);
          if (subj && nextM) add(rel, nextM.entity.name, nameOf(subj), s);
        }
      }
    });

    // Stated outright by the name's own shape: "Metropolitan Police's Counter Terrorism Command",
    // "the Met's Director … Dick Fedorcio", "Davinder Singh from Davinder Singh Chambers".
    for (let k = 0; k + 1 < ms.length; k++) {
      const a = ms[k]!;
      const b = ms[k + 1]!;
      if (a.possessive && a.entity.category === 'institution' && b.first - a.last <= 6) {
        if (b.entity.category === 'institution') add('part_of', b.entity.name, a.entity.name, s);
        if (b.entity.category === 'person') add('works_for', b.entity.name, a.entity.name, s);
      }
      if (a.entity.category === 'person' && b.entity.category === 'institution' && b.first === a.last + 2 && toks[a.last + 1]?.text === 'from') {
        add('member_of', a.entity.name, b.entity.name, s);
      }
    }
    for (const m of ms) {
      if (m.entity.category !== 'person') continue;
      for (const r of m.entity.roles) if (r.sentence === s && r.institution) add('works_for', m.entity.name, r.institution, s);
    }
    const firstPerson = ms.find((m) => m.entity.category === 'person');
    if (firstPerson) lastPerson = firstPerson.entity.name;
  });
  return out;
}
