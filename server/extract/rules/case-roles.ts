/**
 * Who acts in a case by title alone. Court reports name the accused in one sentence and the
 * prosecutor or the defence counsel in another ("Prosecutor X told the court …", "the defence
 * counsel, Y, asked for bail"): the title is the link. A prosecutor prosecutes the case's accused,
 * defence counsel acts for them. Runs after the allegations, which say who is accused.
 */
import type { Allegation, ExtractedEntity, Interaction, Sentence } from '../types.js';
import { pairKey } from './vocabulary.js';

/** Titles of the two sides of a case, right before a name or in an apposition after it. */
const PROSECUTOR = /\bprosecutor$/;
const DEFENCE = /\bdefen[cs]e (?:counsel|lawyer|attorney|barrister|solicitor)$/;
/** Words allowed between the title and the name: "the custom's prosecutor, Mr X". */
const BEFORE_NAME = /(?:,|\s)*(?:(?:mr|ms|mrs|dr)\.?\s+)?$/;
/** A case with more accused than this is a story about many cases: no one side is theirs. */
const MAX_ACCUSED = 4;

export function caseRoleLinks(text: string, sentences: Sentence[], people: ExtractedEntity[], allegations: Allegation[], found: Interaction[]): Interaction[] {
  const personNames = new Set(people.map((p) => p.name));
  // The case's accused are those of its first claim against people: later claims name others too
  // (a witness, a lawyer quoted on a point of law).
  const accused = allegations.map((a) => a.against.filter((n) => personNames.has(n))).find((list) => list.length > 0) ?? [];
  if (accused.length === 0 || accused.length > MAX_ACCUSED) return [];
  const linked = new Set(found.map((i) => pairKey(i.source, i.target)));
  const out: Interaction[] = [];
  for (const p of people) {
    if (accused.includes(p.name)) continue;
    for (const m of p.mentions) {
      const side = sideOf(text, m.start, m.end, p.roles?.some((r) => r.sentence === m.sentence && /prosecutor/i.test(r.title)) ?? false);
      if (!side) continue;
      const sent = sentences[m.sentence]!;
      for (const x of accused) {
        if (linked.has(pairKey(p.name, x))) continue;
        linked.add(pairKey(p.name, x));
        out.push({
          type: side,
          source: p.name,
          target: x,
          sentence: m.sentence,
          evidence: { start: sent.start, end: sent.end, text: sent.text },
          hedged: false,
        });
      }
      break;
    }
  }
  return out;
}

/** "Prosecutor X", "the prosecutor, X", "X, the lead prosecutor,": which side of a case the title at this mention puts X on. */
function sideOf(text: string, start: number, end: number, titled: boolean): 'prosecuted' | 'lawyer_for' | null {
  if (titled) return 'prosecuted';
  const before = text
    .slice(Math.max(0, start - 60), start)
    .toLowerCase()
    .replace(BEFORE_NAME, '');
  if (PROSECUTOR.test(before)) return 'prosecuted';
  if (DEFENCE.test(before)) return 'lawyer_for';
  const after = /^,\s+(?:the|a|an)\s+((?:[\w-]+\s+){0,3}?[\w-]+)\s*[,.]/i.exec(text.slice(end, end + 60))?.[1]?.toLowerCase() ?? '';
  if (PROSECUTOR.test(after)) return 'prosecuted';
  if (DEFENCE.test(after)) return 'lawyer_for';
  return null;
}
