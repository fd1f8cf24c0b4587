/**
 * Denials: "X denied …", "X rejected the claims", "X pleaded not guilty", "the claims are false",
 * "politically motivated". A denial is a role (denied_by) on the claims it answers, never a claim.
 */
import { BE, CLAIM_NOUNS, CLAUSE_BREAKS, DENIAL_ADJECTIVES, DENIED_THINGS, DENY, OUTLET_NOUNS, REJECT } from './allegation-words.js';
import {
  type Clause,
  PREPOSITIONS,
  coordinatedAfter,
  inPrepPhrase,
  isMedia,
  isWrongdoing,
  mentionEndingAt,
  mentionStartingAt,
  qualifiesMembers,
  subjectBefore,
} from './allegation-clause.js';

const APPEAL = new Set(['appeal', 'appeals', 'appealed', 'appealing']);
/** Rulings one may appeal: "appealed against the ban", "will appeal the conviction". */
const RULINGS = new Set([
  'ban',
  'bans',
  'ruling',
  'rulings',
  'decision',
  'conviction',
  'convictions',
  'verdict',
  'sentence',
  'suspension',
  'charge',
  'charges',
]);

/** Every word that can open a denial (findDenial). */
export const DENIAL_WORDS = new Set([
  'appeal',
  'appeals',
  'appealed',
  'appealing',
  ...DENY,
  ...REJECT,
  ...DENIAL_ADJECTIVES,
  'guilty',
  'not-guilty',
  'politically',
  "didn't",
  'didn’t',
  'know',
  'merit',
  'wrong',
  'evidence',
  'crime',
  'anything',
  'by',
  'foundation',
  'acted',
  'complied',
]);
const COMPANY_WORDS = new Set(['company', 'firm', 'bank', 'group']);

/** What one who "acted" says to deny wrongdoing: "lawfully", "properly", "in accordance with the law". */
const LAWFUL = /^(lawfully|legally|properly|appropriately|in good faith|within the law|in accordance with)\b/;

/** Words that stand for a party already named: "they", "both companies", "the bank". */
const DESCRIBED_PARTIES = new Set([
  'they',
  'both',
  'all',
  'defendants',
  'company',
  'companies',
  'firm',
  'firms',
  'group',
  'bank',
  'club',
  'party',
  'government',
  'ministry',
  'men',
  'women',
  'pair',
  'duo',
  'trio',
]);

/**
 * A denial in this sentence: "X denied …", "X rejected the claims", "X pleaded not guilty",
 * "X called it politically motivated", "the denial of … by X". Who denies: the subject, the
 * one after "by", or the speaker of a quoted denial ("… ,” spokesman X said").
 */
export function findDenial(c: Clause): { by: string[]; at: number; objectEnd: number; appeal?: boolean } | null {
  const { w } = c;
  for (let k = 0; k < w.length; k++) {
    const x = w[k]!;
    if (!DENIAL_WORDS.has(x) || c.inName.has(k)) continue;
    let isDenial = false;
    let objectEnd = k;
    // "appealed against the ban", "will appeal the conviction": who contests a ruling against them denies it.
    // (Only as a denial of the claims against the appellant: a prosecutor or an agency appeals too.)
    let appeal = false;
    if (APPEAL.has(x) && w.slice(k + 1, k + 6).some((y) => RULINGS.has(y))) isDenial = appeal = true;
    else if (DENY.has(x) && !DENIED_THINGS.has(w[k + 1] ?? '') && !DENIED_THINGS.has(w[k + 2] ?? '')) isDenial = true;
    else if (REJECT.has(x)) {
      const j = w.slice(k + 1, k + 5).findIndex((y) => CLAIM_NOUNS.has(y));
      isDenial = j >= 0 && !w.slice(k + 1, k + 1 + j).some((y) => PREPOSITIONS.has(y) && y !== 'as' && !(y === 'with' && x.startsWith('disagre')));
    } else if (x === 'guilty' && w[k - 1] === 'not') isDenial = true;
    // "entered a not-guilty plea for him"
    else if (x === 'not-guilty' && /^pleas?$/.test(w[k + 1] ?? '')) isDenial = true;
    else if (x === 'politically' && /^(motivated|driven)$/.test(w[k + 1] ?? '')) isDenial = true;
    else if (
      DENIAL_ADJECTIVES.has(x) &&
      (BE.has(w[k - 1] ?? '') ||
        x === 'innocence' ||
        x === 'witch-hunt' ||
        /^(as|them|it)$/.test(w[k - 1] ?? '') ||
        (/^[‘“"']$/.test(w[k - 1] ?? '') && !quotedBeforeNoun(w, k)))
    )
      isDenial = true;
    // "called the arrest outrageous", "calling the charges baseless"
    else if (DENIAL_ADJECTIVES.has(x) && w[k - 2] === 'the' && /^(called|calling|calls|termed|described)$/.test(w[k - 3] ?? '')) isDenial = true;
    // "malicious accusations", "baseless claims", "and unfounded allegations": what the claim is called.
    else if (DENIAL_ADJECTIVES.has(x) && CLAIM_NOUNS.has(w[k + 1] ?? '') && /^[a-z]+s$/.test(w[k + 1]!) && w[k + 1] !== 'reports') isDenial = true;
    // "The paper said it stood by its reporting": an outlet denies the claim against its story.
    else if (
      x === 'by' &&
      /^(stand|stands|stood|standing)$/.test(w[k - 1] ?? '') &&
      /^(reporting|story|stories|article|articles|report|coverage|journalism)$/.test(w[k + 2] ?? w[k + 1] ?? '')
    )
      isDenial = true;
    // "did not do anything wrong", "didn't do anything that warranted his arrest"
    else if (x === 'anything' && w[k - 1] === 'do' && /^(not|didn't|didn’t|never)$/.test(w[k - 2] ?? '')) isDenial = true;
    else if (/^(didn't|didn’t)$/.test(x) && w[k + 1] === 'know') isDenial = true;
    // "without merit", "without foundation", "did nothing wrong"
    else if (((x === 'merit' || x === 'foundation') && /^(without|no)$/.test(w[k - 1] ?? '')) || (x === 'wrong' && w[k - 1] === 'nothing')) isDenial = true;
    // "had always acted lawfully", "acted in accordance with the law", "complied with all regulations"
    else if (x === 'acted' && LAWFUL.test(w.slice(k + 1, k + 5).join(' '))) isDenial = true;
    else if (x === 'complied' && w[k + 1] === 'with' && /^(all|the|applicable|relevant)$/.test(w[k + 2] ?? '')) isDenial = true;
    else if (x === 'know' && w[k - 1] === 'not' && w[k - 2] === 'did') isDenial = true;
    // "contained no evidence of wrongdoing", "has committed no crime"
    else if (x === 'evidence' && (w[k - 1] === 'no' || w[k - 2] === 'no') && wrongdoingNear(c, k) > 0) isDenial = true;
    else if (x === 'crime' && w[k - 1] === 'no' && /^(committed|commit|done)$/.test(w[k - 2] ?? '')) isDenial = true;
    if (!isDenial) continue;
    // The claim nouns right after the denial ("denied the allegations") are its object, not a new claim.
    while (objectEnd + 1 < w.length && objectEnd - k < 5 && !CLAUSE_BREAKS.has(w[objectEnd + 1]!) && w[objectEnd + 1] !== ',') objectEnd++;
    // "no evidence whatsoever which links X to securities fraud": the wrongdoing it denies is its object too.
    if (x === 'evidence') objectEnd = Math.max(objectEnd, wrongdoingNear(c, k));
    const by = denierOf(c, k);
    return { by, at: k, objectEnd, appeal };
  }
  return null;
}

/** "made “false and defamatory” statements": a quoted adjective that qualifies the noun after the quote describes, it does not deny. */
function quotedBeforeNoun(w: string[], k: number): boolean {
  const close = w.findIndex((y, j) => j > k && j - k <= 6 && /^[’”"']$/.test(y));
  const next = close > 0 ? (w[close + 1] ?? '') : '';
  return /^[a-z]+$/.test(next) && !PREPOSITIONS.has(next) && !BE.has(next) && !/^(and|or|but|said|says|he|she|it|they|we)$/.test(next);
}

/** Where a word of wrongdoing follows within a clause's few words: "no evidence of wrongdoing", "no evidence which links X to fraud"; else -1. */
function wrongdoingNear(c: Clause, k: number): number {
  for (let j = k + 1; j < c.w.length && j <= k + 10 && !/^[,;.:]$/.test(c.w[j]!); j++) if (c.wrong[j] || isWrongdoing(c.w[j]!)) return j;
  return -1;
}

function denierOf(c: Clause, k: number): string[] {
  const { w } = c;
  // "X's lawyer entered a not-guilty plea for him": the one the plea is for, else the lawyer's client.
  if (w[k] === 'not-guilty') {
    const forAt = w.indexOf('for', k + 1);
    if (forAt > k && forAt - k <= 3) {
      const m = mentionStartingAt(c, forAt + 1);
      const pron = /^(him|her)$/.test(w[forAt + 1] ?? '') ? c.ms.findLast((p) => p.last < k && p.entity.category === 'person')?.entity.name : undefined;
      if (m) return [m.entity.name];
      if (pron) return [pron];
    }
    const client = c.ms.findLast((p) => p.last < k && p.possessive && REPRESENTATIVES.has(w[p.last + 1] ?? ''));
    if (client) return [client.entity.name];
  }
  // "the denial of vote rigging by X and Y"
  if (/^denials?$/.test(w[k]!)) {
    const by = w.indexOf('by', k + 1);
    if (by > k && by - k <= 6) {
      const m = c.ms.find((p) => p.first > by && p.first - by <= 2);
      if (m) return coordinatedAfter(c, m);
    }
  }
  const speakers: string[] = [];
  // A verdict ("the claims are baseless", "did not do anything wrong") is its speaker's denial too,
  // when the verb of saying comes first ("Defense attorney X says Y did not do anything wrong");
  // a denying verb ("X said Y denied …") is its subject's alone.
  const verdict = !DENY.has(w[k]!) && !REJECT.has(w[k]!);
  for (let j = verdict ? 0 : k; j < w.length; j++) {
    if (!/^(said|says|added|told)$/.test(w[j]!)) continue;
    // "X said", "X's lawyer, Y, said": the speaker, also after an apposition's closing comma.
    const m = mentionEndingAt(c, j - 1) ?? (w[j - 1] === ',' ? mentionEndingAt(c, j - 2) : undefined);
    if (m && m.entity.category === 'person') speakers.push(m.entity.name);
    const after = j > k ? mentionStartingAt(c, j + 1) : undefined;
    if (after && after.entity.category === 'person') speakers.push(after.entity.name);
    // "…,” it said": the company.
    if (w[j - 1] === 'it' && j > k) speakers.push(...companyBefore(c, k));
    // "His lawyer said the claims were baseless": the one the lawyer speaks for.
    const client = REPRESENTATIVES.has(w[j - 1] ?? '') ? w[j - 2] : REPRESENTATIVES.has(w[j - 2] ?? '') ? w[j - 3] : undefined;
    if (client === 'his' || client === 'her') {
      const person = c.ms.findLast((p) => p.last < j && p.entity.category === 'person')?.entity.name ?? c.lastPerson;
      if (person) speakers.push(person);
    } else if (client === 'its') speakers.push(...companyBefore(c, j));
  }
  // "I am innocent", "we deny": the speaker.
  if (/^(i|we)$/.test(w[k - 1] ?? '') || /^(i|we)$/.test(w[k - 2] ?? '')) return speakers.length ? speakers : c.lastPerson ? [c.lastPerson] : [];
  let subject = subjectBefore(c, k, 10);
  // "Prosecutor X said Y took bribes. He denied the charges.": "he" who denies is the one accused, not the accuser named first.
  const pronoun = [w[k - 1], w[k - 2], w[k - 3]].find((x) => x === 'he' || x === 'she');
  if (
    pronoun &&
    subject.length === 1 &&
    c.lastAccused.length === 1 &&
    !c.lastAccused.includes(subject[0]!) &&
    !c.ms.some((p) => p.first < k && p.entity.name === subject[0])
  )
    subject = [...c.lastAccused];
  // "They deny …", "Both companies denied …", "The bank rejected the claims": the last accused.
  if (subject.length === 0 && !c.ms.some((p) => p.first < k) && w.slice(0, k).some((x) => DESCRIBED_PARTIES.has(x))) {
    // "The company said it acted properly" when a person was accused: the company speaks for itself.
    const companyWord = w.slice(0, k).some((x) => COMPANY_WORDS.has(x));
    if (companyWord && c.lastCompany && !c.lastAccused.includes(c.lastCompany)) return [c.lastCompany, ...speakers];
    return [...c.lastAccused, ...speakers];
  }
  const it = /^(it|they)$/.test(w[k - 1] ?? '') || /^(it|they)$/.test(w[k - 2] ?? '');
  // "X said it disagreed with the findings", "it rejected the claims": the body "it" stands for.
  const itSubject = subject.length === 0 && (w[k - 1] === 'it' || w[k - 2] === 'it') ? companyBefore(c, k) : [];
  const deniers = [...(subject.length ? subject : it ? itSubject : firstPartyBefore(c, k)), ...speakers, ...outletDescribedBefore(c, k)];
  return [...new Set([...deniers, ...deniers.flatMap((name) => clientOf(c, name))])];
}

/** "X editor Y said the paper stood by its story": "the paper" (or station, network…) that denies is the outlet named before it. */
function outletDescribedBefore(c: Clause, k: number): string[] {
  for (let j = k - 1; j >= 1 && k - j <= 4; j--) {
    if (!OUTLET_NOUNS.has(c.w[j]!) || c.w[j - 1] !== 'the') continue;
    const outlet = c.ms.findLast((p) => p.last < j && isMedia(p));
    return outlet ? [outlet.entity.name] : [];
  }
  return [];
}

/**
 * "His lawyer, Y, said …", "Acme's spokeswoman Y said …": a representative who denies answers for the
 * one they speak for, who denies too.
 */
function clientOf(c: Clause, name: string): string[] {
  const m = c.ms.find((p) => p.entity.name === name && p.entity.category === 'person');
  if (!m) return [];
  const rep = c.w[m.first - 1] === ',' ? m.first - 2 : m.first - 1;
  if (!REPRESENTATIVES.has(c.w[rep] ?? '')) return [];
  const owner = c.w[rep - 1];
  if (owner === 'his' || owner === 'her') {
    const person = c.ms.findLast((p) => p.last < rep - 1 && p.entity.category === 'person')?.entity.name ?? c.lastPerson;
    return person && person !== name ? [person] : [];
  }
  if (owner === 'its') return companyBefore(c, rep);
  const possessor = mentionEndingAt(c, rep - 1);
  return possessor?.possessive ? [possessor.entity.name] : [];
}

/** What "it" stands for in a denial: the body (an outlet too) named before it in the sentence, else the last company, else the last accused. */
function companyBefore(c: Clause, k: number): string[] {
  const body = c.ms.findLast((p) => p.last < k && p.entity.category === 'institution' && !inPrepPhrase(c, p));
  if (body) return [body.entity.name];
  if (c.lastCompany) return [c.lastCompany];
  return [...c.lastAccused];
}

/** The first party named before k: outside a prepositional phrase, or the one a spokesman or lawyer speaks "for". */
function firstPartyBefore(c: Clause, k: number): string[] {
  // An outlet is a party when it speaks for itself: "the paper said the lawsuit was without merit".
  const before = c.ms.filter((p) => p.first < k && (!isMedia(p) || /^(said|says)$/.test(c.w[p.last + 1] ?? '')) && !qualifiesMembers(c, p));
  const free = before.find((p) => !inPrepPhrase(c, p));
  // "a lawyer for (Mr) Y", "a spokesman of Y".
  const represented = before.find((p) => {
    const at = /^(mr|mrs|ms|dr)\.?$/.test(c.w[p.first - 1] ?? '') ? p.first - 1 : p.first;
    return /^(for|of)$/.test(c.w[at - 1] ?? '') && REPRESENTATIVES.has(c.w[at - 2] ?? '');
  });
  // "X, a lawyer for Y, said …": the lawyer denies, and so does the one he speaks for.
  return [...new Set([free, represented].filter((m) => m !== undefined).map((m) => m.entity.name))];
}
const REPRESENTATIVES = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'lawyer',
  'lawyers',
  'attorney',
  'attorneys',
  'counsel',
  'representative',
  'representatives',
]);
