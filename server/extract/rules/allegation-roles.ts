/**
 * The roles of an allegation, from the clause around its cue words: who alleges it (a party of the
 * legal act, a speaker, a document's author), against whom, and which outlet reports it. Split
 * from allegations.ts, which finds the claims and calls these.
 */
import type { Placed } from './aliases.js';
import {
  ACCUSE,
  ALLEGE,
  BE,
  CHARGE,
  CLAUSE_BREAKS,
  INVESTIGATE,
  LEGAL_NOUNS,
  REPORTING,
  SOURCE_PREPOSITIONS,
  SUE,
  WARRANT,
  FINDING,
  SETTLE,
  SUING,
  VICTIM_PARTICIPLES,
} from './allegation-words.js';
import {
  ACCUSING,
  type Clause,
  PREPOSITIONS,
  clauseSubjectAt,
  coordinatedAfter,
  describedAt,
  titledAfter,
  inPrepPhrase,
  isActive,
  isMedia,
  isWrongdoing,
  LEGAL_BODIES,
  MEMBER_NOUNS,
  mentionEndingAt,
  mentionStartingAt,
  namedAfterPossessor,
  negated,
  groupAt,
  pronounAt,
  qualifiesMembers,
  subjectBefore,
  wrongdoingIn,
} from './allegation-clause.js';
import { TITLE_WORDS } from './lexicons.js';
import { RELATION_NOUNS } from './vocabulary.js';
import { DETERMINERS, JOB_NOUNS } from './words.js';

import { ALLEGING, type Cue } from './allegation-clause.js';
import { DOCUMENTS, FACE, PASSIVE_ACCUSED, PENALTY, PUBLISHING } from './allegation-words.js';

const AMOUNT_OR_WORD = /^([a-z-]+|\$|£|€|\d[\d.,]*|[a-z]{0,3}\$?\d[\d.,]*(?:-?[a-z]+)?)$/; // "r3-million", "us$5m"

/** "X published a 67-page report", "X filed a lawsuit": X is the author of the latest document of that kind. */
export function rememberAuthors(c: Clause, authors: Map<string, string[]>): void {
  const { w } = c;
  for (let k = 0; k < w.length; k++) {
    // "X is suing the station over …": what "the suit" alleges later, X alleges.
    if (SUING.has(w[k]!) && isActive(c, k) && !c.inName.has(k)) {
      const subject = subjectBefore(c, k, 6);
      if (subject.length) authors.set('suit', subject);
      continue;
    }
    const kind = DOCUMENTS.get(w[k]!);
    if (!kind || c.inName.has(k)) continue;
    for (let v = k - 1; v >= 0 && k - v <= 6; v--) {
      if (!PUBLISHING.has(w[v]!)) continue;
      const subject = subjectBefore(c, v, 6);
      if (subject.length) authors.set(kind, subject);
      break;
    }
  }
}

/**
 * The author of a document that makes this claim: "the lawsuit (further) accuses", "the report
 * claims", "according to the indictment", when that document's author was named before.
 */
export function documentAuthor(c: Clause, authors: Map<string, string[]>): string[] {
  const { w } = c;
  for (let k = 1; k < w.length; k++) {
    const kind = DOCUMENTS.get(w[k]!);
    if (!kind || c.inName.has(k) || !/^(the|this|that|its|their)$/.test(w[k - 1]!)) continue;
    const next = w[k + 1] === 'further' || w[k + 1] === 'also' ? w[k + 2] : w[k + 1];
    const cited = w[k - 2] === 'to' && w[k - 3] === 'according';
    if (cited || (next !== undefined && ALLEGING.has(next))) return authors.get(kind) ?? [];
  }
  return [];
}

// ------------------------------------------------------------------ roles

/**
 * Who makes the claim. Named parties of the legal act come first: "X's accusation", "an X arrest
 * warrant", "a complaint … by X", "X accused", "X imposed sanctions", "according to X". Only
 * when there are none is the speaker the accuser ("The court says X is responsible for …").
 */
export function allegersIn(c: Clause, cues: Cue[]): { parties: string[]; speakers: string[] } {
  const parties: string[] = [];
  const speakers: string[] = [];
  const { w } = c;
  const cueAt = new Set(cues.map((q) => q.at));
  for (let k = 0; k < w.length; k++) {
    const x = w[k]!;
    if (!(ALLEGING.has(x) || LEGAL_NOUNS.has(x) || x === 'according' || x === 'per' || cueAt.has(k)) || c.inName.has(k)) continue;
    // "fined X £5m and banned him": the second verb shares the first one's subject, not its object.
    const first = w[k - 1] === 'and' ? w.findLastIndex((y, j) => j < k - 1 && (PENALTY.has(y) || ACCUSING.has(y) || FINDING.has(y)) && !c.inName.has(j)) : -1;
    const verb = first >= 0 ? first : k;
    // "The federation handed X a four-year ban": who hands the penalty imposes it; "X received a fine": not X.
    const given = givenAt(c, k);
    if (
      ALLEGING.has(x) &&
      (REPORTING.has(x) || cueAt.has(k)) &&
      isActive(c, k) &&
      !(x.startsWith('call') && /^(on|for|upon)$/.test(w[k + 1] ?? '')) &&
      given < 0
    ) {
      const speech = REPORTING.has(x) ? speakers : parties;
      // "the lawsuit (further) accuses": a document is the subject, its author the accuser (documentAuthor).
      const ofDocument = DOCUMENTS.has(w[k - 1] ?? '') || (/^(further|also)$/.test(w[k - 1] ?? '') && DOCUMENTS.has(w[k - 2] ?? ''));
      if (!ofDocument && (speech === parties || governsClaim(c, k, cues))) {
        const subj = participleSubject(c, k) ?? subjectBefore(c, verb, 8);
        // "Russia has denounced the move as a bid to … and accused the president of …": a second verb far
        // from its subject shares the one that opens the sentence.
        if (!subj.length && w[k - 1] === 'and') subj.push(...openingSubject(c, k));
        // "An independent report by X, an accounting firm, alleged …": the document's author.
        if (!subj.length) subj.push(...authorOfDocumentBefore(c, verb));
        if (subj.length) speech.push(...subj);
        else if (/^(said|says|added|wrote|told)$/.test(x) && /^[,”"]$/.test(w[k - 1] ?? '')) {
          const after = mentionStartingAt(c, k + 1); // "…,” said X"
          if (after && !isMedia(after)) speech.push(after.entity.name);
        }
      }
    }
    // "The regulator fined X for …": who imposes a penalty for wrongdoing alleges it.
    if (PENALTY.has(x) && cueAt.has(k) && isActive(c, k) && given < 0) parties.push(...subjectBefore(c, verb, 8));
    if (given >= 0 && cueAt.has(k) && /^(handed|given)$/.test(w[given]!) && !BE.has(w[given - 1] ?? '')) parties.push(...subjectBefore(c, given, 6));
    // "according to X", "as per X" (outlets are sources, handled by sourcesIn).
    if ((x === 'according' && w[k + 1] === 'to') || (x === 'per' && k > 0)) {
      // "according to Turkey's state-run Anadolu Agency": the body the possessor qualifies.
      // "according to Prosecutor General Jane Roe": capitalised title words may stand before the name.
      const first = c.ms.find((p) => p.first > k && (p.first - k <= 3 || (p.first - k <= 6 && c.toks.slice(k + 2, p.first).every((t) => t.cap))));
      const m = first?.possessive ? c.ms.find((p) => p.first > first.last && p.first - first.last <= 4) : first;
      if (m && !isMedia(m) && m.entity.category !== 'place') parties.push(m.entity.name);
    }
    if (!LEGAL_NOUNS.has(x) && !cueAt.has(k)) continue;
    // "X's accusation", "an X arrest warrant", "an International Court (IC) arrest warrant".
    let j = k - 1;
    if (w[j] === 'arrest') j--;
    if (w[j] === ')' && w[j - 2] === '(') j -= 3;
    let before = mentionEndingAt(c, j) ?? (mentionEndingAt(c, j - 1)?.possessive ? mentionEndingAt(c, j - 1) : undefined); // "X's broad probe"
    // "a Football Association (FA) misconduct charge", "an SEC fraud investigation": a body that
    // brings the charge may name it before its offence; a person or a company there is its accused.
    if (!before && LEGAL_NOUNS.has(x)) {
      let b = j;
      while (b >= 0 && j - b < 2 && /^[a-z][a-z-]*$/.test(w[b]!) && !c.inName.has(b) && !DETERMINERS.has(w[b]!) && !PREPOSITIONS.has(w[b]!) && !BE.has(w[b]!))
        b--;
      if (w[b] === ')' && w[b - 2] === '(') b -= 3;
      const body = b < j ? mentionEndingAt(c, b) : undefined;
      if (body && body.entity.category === 'institution' && body.entity.kind !== 'company' && !body.possessive) before = body;
    }
    // "X's indictment", "X's trial": the owner of what befalls the accused is no accuser.
    const ownable = ((LEGAL_NOUNS.has(x) && x !== 'claims') || (x === 'claims' && w[k + 1] === 'that')) && !SUFFERED.has(x);
    const owner = ownable ? before : undefined;
    if (owner && !isMedia(owner) && (owner.possessive || (LEGAL_NOUNS.has(x) && !c.toks[k]!.cap))) parties.push(owner.entity.name);
    // "charged by X", "a complaint laid with police by X"; not "says the article by X …", whose author is no party.
    let by = -1;
    if (!REPORTING.has(x)) for (let j = k + 1; j < w.length && j - k <= 6 && by < 0 && !CLAUSE_BREAKS.has(w[j]!); j++) if (w[j] === 'by') by = j;
    // "alleged 58 offences committed by X": who does the wrong, not who alleges it.
    if (by > k && DOING.has(w[by - 1]!)) by = -1;
    if (by > k) {
      // "sued by rival telecoms firm X": a few lowercase words may describe the party first.
      // "charged by Slovakia's National Crime Agency": the body the possessor names.
      const first = c.ms.find((p) => p.first > by && p.first - by <= 5 && w.slice(by + 1, p.first).every((y) => /^[a-z-]+$/.test(y) && !PREPOSITIONS.has(y)));
      const m = first && namedAfterPossessor(c, first);
      if (m && !isMedia(m) && m.entity.category !== 'place') parties.push(m.entity.name);
    }
    // "X imposed sanctions", "X opened an investigation", "X filed a $10 million lawsuit", "X brought charges".
    // Beyond three words back, only amounts and plain words may stand between: "filed a $10 million lawsuit".
    let plain = true;
    for (let v = k - 1; v >= 0 && k - v <= 7; v--) {
      const y = w[v + 1]!;
      if (v + 1 < k) plain &&= AMOUNT_OR_WORD.test(y) && !PREPOSITIONS.has(y) && !CLAUSE_BREAKS.has(y);
      if (k - v > 3 && !plain) break;
      if (
        /^(imposed|imposes|impose|imposing|opened|opens|open|filed|files|file|launched|launches|brought|brings|bring|laid|lays|lodged|lodges|levelled|leveled|pressed|issued|issues|issue|announced|announce|announces|sought|seeks|seek|requested|requests|pursued|pursuing|pursues|pursue)$/.test(
          w[v]!,
        )
      ) {
        const subject = subjectBefore(c, v, 6);
        // An outlet is a source when it reports, but a party when it files a lawsuit: "the network X (“XN”) filed …".
        const outlet = subject.length
          ? undefined
          : (mentionEndingAt(c, v - 1) ?? (w[v - 1] === ')' ? mentionEndingAt(c, w.lastIndexOf('(', v - 1) - 1) : undefined));
        parties.push(...(outlet && isMedia(outlet) && SUE.has(x) ? [outlet.entity.name] : subject));
        break;
      }
    }
  }
  return { parties: [...new Set(parties)], speakers: [...new Set(speakers)] };
}

/** "A report by X (, an accounting firm,) alleged …": the author of a document that is the subject of the verb at k. */
function authorOfDocumentBefore(c: Clause, k: number): string[] {
  for (let j = k - 1; j > 0 && k - j <= 12; j--) {
    if (CLAUSE_BREAKS.has(c.w[j]!) || BE.has(c.w[j]!)) return [];
    if (c.w[j] !== 'by' || !DOCUMENTS.has(c.w[j - 1]!)) continue;
    const m = mentionStartingAt(c, j + 1);
    return m && !isMedia(m) && m.entity.category !== 'place' ? coordinatedAfter(c, m) : [];
  }
  return [];
}

/** The name that opens the sentence as its subject ("Russia has …", "The ministry said …"), when no clause break comes before k. */
function openingSubject(c: Clause, k: number): string[] {
  const m = c.ms.find((p) => p.first <= 1 && !p.possessive);
  if (!m || isMedia(m) || c.toks[m.last + 1]?.cap || c.toks[m.last + 1]?.text === ',') return [];
  for (let j = m.last + 1; j < k; j++) if (CLAUSE_BREAKS.has(c.w[j]!) || c.w[j] === 'that' || c.w[j] === 'who') return [];
  return [m.entity.name];
}

/**
 * ", alleging that …", ", accusing it of …", ", saying …" after a comma: the participle's subject is
 * that of the verb before the comma ("X sued Y on Monday, alleging that the company misled"), not
 * the name nearest to it (Y, the object).
 */
function participleSubject(c: Clause, k: number): string[] | null {
  const { w } = c;
  if (!w[k]!.endsWith('ing') || w[k - 1] !== ',') return null;
  for (let v = k - 2; v >= 0 && k - v <= 16; v--) {
    if (CLAUSE_BREAKS.has(w[v]!)) return null;
    if (ALLEGING.has(w[v]!) && !c.inName.has(v) && isActive(c, v)) return subjectBefore(c, v, 8);
  }
  // "X appealed to the court, arguing that …": the name that opens the sentence, before its verb.
  const head = c.ms[0];
  const verb = /^(has|have|had|is|was|were|are|will|would)$/.test(w[head ? head.last + 1 : 0] ?? '') ? w[head!.last + 2] : w[head ? head.last + 1 : 0];
  if (head && head.first <= 1 && !head.possessive && !isMedia(head) && /^[a-z]+ed$/.test(verb ?? '')) return coordinatedAfter(c, head);
  return null;
}

/**
 * A verb of saying makes its subject the accuser when the claim follows it in its clause
 * ("X said Y took bribes") or when it closes a quote ("“… a conspiracy …”, it added").
 */
function governsClaim(c: Clause, k: number, cues: Cue[]): boolean {
  const { w } = c;
  // "“She lied to us …,” Governor X said": a quote closes within the few words before the verb.
  for (let j = k - 1; j >= 0 && k - j <= 5; j--) if (/^[”"]$/.test(w[j]!) && (wrongdoingIn(c, 0, j) || cues.some((q) => q.at < j))) return true;
  // "X inflated its revenue, prosecutor Y said": an attribution closing the sentence governs the clause before it.
  if (trailingAttribution(c, k) && wrongdoingIn(c, 0, w.lastIndexOf(',', k))) return true;
  for (let j = k + 1; j < w.length; j++) {
    if (j > k + 1 && CLAUSE_BREAKS.has(w[j]!) && w[j] !== '“' && w[j] !== '”' && w[j] !== '"' && w[j] !== 'that') return false;
    // "said he would resign following accusations that X …": the claim is the accusations', not the speaker's.
    if (/^(accusations|allegations|claims)$/.test(w[j]!) && w[j + 1] === 'that') return false;
    if (c.wrong[j] || cues.some((q) => q.at === j && q.kind !== 'reporting')) return true;
  }
  return false;
}

/**
 * Who is accused: the objects of an accusing verb ("accused Acme and its former chairman, X,
 * of"), the subject of a passive or hedged one ("X was charged", "X allegedly took"), the subject of
 * a reported clause ("prosecutors allege X received"), "charges against X", the owner of the act
 * ("Ruritania's alleged attempts", "interference by Ruritania"), or, for a charge, the sentence's subject.
 */
export function accusedIn(c: Clause, cues: Cue[], allegers: string[]): string[] {
  const out: string[] = [];
  const { w } = c;
  for (const { at: k, kind } of cues) {
    const x = w[k]!;
    // Objects of an active accusing verb.
    if (ACCUSING.has(x) && isActive(c, k) && !/(ion|ions|ment|ments|suit|suits)$/.test(x)) {
      // "sued the newspaper X", "arrested the former chief executive, X, on suspicion of …"
      const found = c.ms.find(
        (p) => p.first > k && p.first - k <= 7 && !c.w.slice(k + 1, p.first).some((y) => PREPOSITIONS.has(y) || CLAUSE_BREAKS.has(y) || BE.has(y)),
      );
      // "arrested the former chairman of carmaker X, Y, on suspicion …": the one named after the description.
      const obj = (found && namedAfterPossessor(c, found)) ?? namedAfterDescription(c, k);
      // "sued the network's host", "sued the MSNBC host": the body only qualifies the one accused.
      const qualifier = obj && qualifiesMembers(c, obj) ? obj : undefined;
      // "charged Ruritania players A and B", "charged three Ruritania players": the country only
      // qualifies the players, named or not.
      if (obj?.entity.category === 'place' && MEMBER_NOUNS.has(w[obj.last + 1] ?? '')) out.push(...(titleHoldersAfter(c, obj.entity.name) ?? []));
      else if (obj && !qualifier) out.push(...coordinatedAfter(c, obj));
      // "accused the (telecoms) company of …", "charged the former chief executive with …"
      const described =
        w[k + 1] === 'the' && (!obj || qualifier)
          ? qualifier
            ? describedAt(c, qualifier.last + 1, false)
            : (describedAt(c, k + 2, false) ?? describedAt(c, k + 3, false) ?? describedAt(c, k + 4, false))
          : null;
      const pron = pronounAt(c, k + 1) ?? described;
      if (pron) out.push(pron);
      // "arrested three former board members of X, including former chief executive Y": the named ones.
      if (!obj && !pron) out.push(...(includedAfter(c, k).length ? includedAfter(c, k) : groupObject(c, k)));
    }
    // Passive: "X was charged", "who has been accused", "Yesterday she and Y were charged".
    // "X, the banker sentenced to four years …": a participle in an apposition describes its head.
    const apposed = DETERMINERS.has(w[k - 2] ?? '') && w[k - 3] === ',' && !isActive(c, k);
    if (
      PASSIVE_ACCUSED.has(x) &&
      (BE.has(w[k - 1] ?? '') || BE.has(w[k - 2] ?? '') || w[k + 1] === 'of' || w[k + 1] === 'with' || reducedPassive(c, k) || apposed)
    ) {
      const subject = subjectBefore(c, k, 12);
      out.push(...subject);
      // "it was sued by a rival", "it has been fined": a company is what "it" is accused as, in business news.
      if (subject.length === 0 && (w[k - 2] === 'it' || w[k - 3] === 'it')) {
        const company = c.ms.findLast((p) => p.last < k && (p.entity.kind === 'company' || p.entity.kind === 'other'))?.entity.name ?? c.lastCompany;
        if (company) out.push(company);
      }
    }
    // "X was among 10 people charged in the case".
    const among = PASSIVE_ACCUSED.has(x) ? w.lastIndexOf('among', k - 1) : -1;
    if (among > 0 && k - among <= 4 && BE.has(w[among - 1] ?? '')) out.push(...subjectBefore(c, among - 1, 6));
    // "The accused are A, B and C", "the defendants include A and B".
    if (/^(accused|defendants|suspects)$/.test(x) && w[k - 1] === 'the' && /^(are|were|include|included)$/.test(w[k + 1] ?? '')) {
      const first = mentionStartingAt(c, k + 2);
      if (first) out.push(...coordinatedAfter(c, first));
    }
    // "The company is under investigation by …", "X is under criminal investigation for …".
    if (INVESTIGATE.has(x) && (w[k - 1] === 'under' || w[k - 2] === 'under')) out.push(...subjectBefore(c, w.lastIndexOf('under', k), 6));
    // "A jury found X guilty of fraud": the one found guilty.
    if (x === 'guilty' && w[k - 1] !== 'found' && w.slice(Math.max(0, k - 5), k).includes('found')) {
      const m = mentionEndingAt(c, k - 1);
      if (m && !isMedia(m)) out.push(m.entity.name);
    }
    // "The Justice Department opened an investigation into X".
    if (/^(investigation|investigations|probe|inquiry)$/.test(x) && w[k + 1] === 'into') {
      const m = mentionStartingAt(c, k + 2) ?? (w[k + 2] === 'the' ? mentionStartingAt(c, k + 3) : undefined);
      if (m && !isMedia(m) && m.entity.category !== 'place' && !m.possessive) out.push(...coordinatedAfter(c, m));
      // "an investigation into the company", "into the former chief executive".
      const described = !m && w[k + 2] === 'the' ? (describedAt(c, k + 3, false) ?? describedAt(c, k + 4, false)) : null;
      if (described) out.push(described);
      // "an investigation into the allegations": into the last claim, against its accused.
      else if (!m && /^(the|these|those)$/.test(w[k + 2] ?? '') && /^(allegations|accusations|claims)$/.test(w[k + 3] ?? '')) out.push(...c.lastAccused);
    }
    // "X pleaded guilty to …", "X was found guilty", "ordered X and Y to stand trial".
    if (x === 'guilty' || x === 'trial' || x === 'retrial') out.push(...subjectBefore(c, k, 6));
    // "X faces 12 charges", "facing accusations of …".
    // "X was handed a four-year ban", "X received a fine of …": who is given a penalty is its accused.
    // "The federation handed X a ban": the one it is handed to.
    const given = kind === 'sanction' ? givenAt(c, k) : -1;
    if (given >= 0) {
      const to = mentionStartingAt(c, given + 1);
      // "A Ruritania state-owned bank has been slapped with a fine": a place only qualifies the one penalised.
      if (BE.has(w[given - 1] ?? '') || !/^(handed|given)$/.test(w[given]!)) out.push(...subjectBefore(c, given, 6).filter((n) => !isPlace(c, n)));
      else if (to && to.entity.category !== 'place') out.push(to.entity.name);
    }
    // "X paid $2bn to settle charges", "agreed to settle allegations that it …".
    for (let j = k - 1; j >= 0 && k - j <= 4; j--) if (FACE.has(w[j]!) || SETTLE.has(w[j]!)) out.push(...subjectBefore(c, j));
    // "X allegedly took", "X reportedly rigged": the subject of a hedged act of wrongdoing.
    if ((x === 'allegedly' || kind === 'hedge') && wrongdoingIn(c, k, Math.min(w.length, k + 10))) out.push(...subjectBefore(c, k, 6));
    // "Prosecutors allege X received …", "The court says X is responsible for …", "accusation that X".
    if (
      ((ALLEGE.has(x) || ACCUSE.has(x)) && (isActive(c, k) || w[k + 1] === 'that')) ||
      ((REPORTING.has(x) || FINDING.has(x)) && wrongdoingOrLegalAfter(c, k, cues) && !victimClause(c, k) && !talksAbout(c, k))
    )
      out.push(...clauseSubjectAt(c, thatAfter(c, k) ?? k + 1));
    // "investigating whether X moved money …"
    if (INVESTIGATE.has(x) && w[k + 1] === 'whether') out.push(...clauseSubjectAt(c, k + 2));
    // "saying that the rival state keeps bribing judges": the doer of the reported wrongdoing.
    // "X stole from the club for years, police say": an attribution closing the sentence is about the clause before it.
    if (kind === 'reporting' && trailingAttribution(c, k)) {
      const comma = w.lastIndexOf(',', k);
      const subject = c.ms.find((p) => p.last < comma && !p.possessive && !isMedia(p) && p.entity.category !== 'place' && !inPrepPhrase(c, p));
      if (subject && wrongdoingIn(c, subject.last + 1, comma)) out.push(...subjectBefore(c, subject.last + 1, 1));
    }
    if (kind === 'reporting') {
      for (let j = k + 1; j < w.length; j++) {
        if (!c.inName.has(j) && isWrongdoing(w[j]!) && !negated(c, j)) {
          if (!talksAbout(c, k)) out.push(...subjectBefore(c, j, 4));
          break;
        }
      }
    }
    // "arrest warrants were issued for X", "a warrant for the arrest of X".
    if (WARRANT.has(x)) {
      let j = k + 1;
      while (j < w.length && j - k <= 5 && !CLAUSE_BREAKS.has(w[j]!) && w[j] !== 'for' && w[j] !== 'against') j++;
      if (w[j] === 'for' || w[j] === 'against') {
        if (w[j + 1] === 'the' && w[j + 2] === 'arrest' && w[j + 3] === 'of') j += 3;
        const m = mentionStartingAt(c, j + 1) ?? mentionStartingAt(c, j + 2);
        // "a warrant for the former president": the one the story gives that title.
        const pron = pronounAt(c, j + 1) ?? (w[j + 1] === 'the' ? (describedAt(c, j + 2, false) ?? describedAt(c, j + 3, false)) : null);
        if (m && !isMedia(m)) out.push(...coordinatedAfter(c, m));
        else if (pron) out.push(pron);
      }
    }
    // "The regulator fined X and Y for …": the ones penalised.
    if (kind === 'sanction' && PENALTY.has(x) && isActive(c, k)) out.push(...penalisedAfter(c, k));
    if (x === 'linking' || x === 'linked') {
      const m = c.ms.find((p) => p.first > k && p.first - k <= 2);
      if (m && !isMedia(m)) out.push(m.entity.name);
    }
  }
  let legalAgainst = false;
  for (let k = 0; k < w.length; k++) {
    // "charges against X", "an inquiry against my deputy, X, and against me", "sanctions on Thursday against X".
    // "sanctions on X", "a ban on X", "a fine on X": a penalty laid on someone.
    const penaltyOn = w[k + 1] === 'on' && SANCTION_NOUNS.has(w[k]!) && !/day$/.test(w[k + 2] ?? '');
    const a = w[k + 1] === 'against' || penaltyOn ? k + 1 : w[k + 1] === 'on' && w[k + 3] === 'against' && /day$/.test(w[k + 2] ?? '') ? k + 3 : -1;
    if (a > 0 && (LEGAL_NOUNS.has(w[k]!) || legalAgainst || penaltyOn)) {
      legalAgainst = true;
      const next = w.indexOf('against', a + 1);
      // An outlet is accused too when the case is against it ("a lawsuit against the weekly X"), not when it only reports.
      const found = c.ms.find((p) => p.first > a && p.first - a <= 9 && (next < 0 || p.first < next) && (!isMedia(p) || p.first - a <= 3));
      // "sanctions against Ruritania's interior minister": the one named with that title in the story.
      const holder = found?.possessive && found.first - a <= 2 && !c.startAt[found.last + 1] ? titledAfter(c, found.last + 1) : null;
      const m = found && namedAfterPossessor(c, found);
      // "against him", "against me", "a case against the officer" (the person named before).
      const described = w[a + 1] === 'the' ? (describedAt(c, a + 2, false) ?? describedAt(c, a + 3, false) ?? describedAt(c, a + 4, false)) : null;
      const pron = holder ?? pronounAt(c, a + 1) ?? (w[a + 1] === 'me' ? c.lastPerson : null) ?? (m && m.first <= a + 4 ? null : described);
      if (pron) out.push(pron);
      else if (m) out.push(...coordinatedAfter(c, m));
    }
    // "Mr X's (earlier) indictment", "X's trial": the owner of what befalls the accused. Not "X's detention",
    // which may itself be the wrong ("called X's detention a violation").
    if (SUFFERED.has(w[k]!)) {
      const m = mentionEndingAt(c, k - 1) ?? mentionEndingAt(c, k - 2);
      if (m?.possessive && m.entity.category === 'person') out.push(m.entity.name);
    }
    // The owner of an alleged act: "Ruritania's alleged attempts", "the firm's fraud", "interference by X".
    // Not "Sweden's crime authority", "the country's fraud squad": a wrongdoing word that names a body's work.
    if (w[k] === 'alleged' || (isWrongdoing(w[k]!) && !c.inName.has(k) && !LEGAL_BODIES.has(w[k + 1] ?? ''))) {
      const m = mentionEndingAt(c, k - 1) ?? mentionEndingAt(c, k - 2);
      if (m?.possessive && !isMedia(m)) out.push(m.entity.name);
      // "the former chairman's misconduct": a described owner.
      else if (!m && c.toks[k - 1]?.possessive) {
        const owner = describedAt(c, k - 1, false, true);
        if (owner) out.push(owner);
      }
    }
    // Not "charged with corruption by the crime agency": there "by" names who charges.
    const charge = (w[k - 1] === 'with' || w[k - 1] === 'of') && PASSIVE_ACCUSED.has(w[k - 2] ?? '');
    // "offences committed by X", "the fraud perpetrated by X".
    // "the fraud was perpetrated by X".
    const d = BE.has(w[k + 1] ?? '') ? (BE.has(w[k + 2] ?? '') ? k + 3 : k + 2) : k + 1;
    const done = DOING.has(w[d] ?? '') && w[d + 1] === 'by' && (isWrongdoing(w[k]!) || /^(offences|offenses|crimes|acts)$/.test(w[k]!));
    if (done) {
      const m = mentionStartingAt(c, d + 2) ?? mentionStartingAt(c, d + 3);
      if (m && !isMedia(m) && m.entity.category !== 'place') out.push(...coordinatedAfter(c, m));
    }
    if (isWrongdoing(w[k]!) && !charge && !c.inName.has(k) && !negated(c, k) && (w[k + 1] === 'by' || w[k + 1] === 'between')) {
      // "interference by X and Y", not "found guilty of fraud by a jury in Manhattan".
      const list = c.ms.filter(
        (p) => p.first > k + 1 && p.first <= k + 8 && !isMedia(p) && !(p.entity.category === 'place' && inPrepPhrase(c, p) && w[p.first - 1] !== 'by'),
      );
      out.push(...list.slice(0, w[k + 1] === 'between' ? 2 : 3).map((p) => p.entity.name));
    }
  }
  // "X allegedly colluded with Y", "conspired with Y to …": the partner in the act is accused with X.
  if (out.length)
    for (let k = 0; k + 2 < w.length; k++) {
      if (!c.wrong[k] || !/^(collu|conspir)/.test(w[k]!) || w[k + 1] !== 'with') continue;
      const partner = mentionStartingAt(c, k + 2);
      if (partner && !isMedia(partner) && partner.entity.category !== 'place') out.push(...coordinatedAfter(c, partner));
    }
  // "X was charged on Monday along with his business partner Y and Z": those named with the accused share the charge.
  for (let k = 0; k < w.length && out.length; k++)
    if (
      (w[k] === 'alongside' || ((w[k] === 'along' || w[k] === 'together') && w[k + 1] === 'with')) &&
      c.ms.some((p) => p.last < k && out.includes(p.entity.name))
    )
      out.push(...alongWith(c, k));
  // "Other charges included fraud": the charges of the one accused before.
  if (out.length === 0 && cues.some((q) => CHARGE.has(w[q.at]!) && /^(other|further|additional|more|new)$/.test(w[q.at - 1] ?? ''))) out.push(...c.lastAccused);
  if (out.length === 0 && cues.some((q) => q.kind === 'legal' && /(charges|warrant|indictment|case|trial)$/.test(w[q.at]!))) {
    // "The mayor … appeared in court on fraud charges": the one the charges are about.
    const subject = c.ms.find(
      (p) =>
        !isMedia(p) && !p.possessive && p.entity.category !== 'place' && !inPrepPhrase(c, p) && !allegers.includes(p.entity.name) && !qualifiesMembers(c, p),
    );
    if (subject) out.push(subject.entity.name);
  }
  // "the Toronto-listed company": a place that only qualifies a body is never its accused.
  const qualifierOnly = (name: string): boolean => {
    const here = c.ms.filter((p) => p.entity.name === name);
    return here.length > 0 && here.every((p) => p.entity.category === 'place' && /-(?:based|listed|headquartered|registered)$/i.test(c.toks[p.last]!.text));
  };
  return [...new Set(out.flatMap((name) => titleHoldersAfter(c, name) ?? [name]))].filter((n) => !qualifierOnly(n));
}

/**
 * Who "along with", "together with" or "alongside" at k names, past a title of plain words ("his
 * business partner", "former finance chief"): not one who only stands with the accused ("alongside
 * his lawyer").
 */
function alongWith(c: Clause, k: number): string[] {
  const start = c.w[k] === 'alongside' ? k + 1 : k + 2;
  for (let j = start; j < c.w.length && j - start <= 5; j++) {
    const m = mentionStartingAt(c, j);
    if (m) return isMedia(m) || m.possessive || m.entity.category === 'place' ? [] : coordinatedAfter(c, m).filter((n) => !isPlace(c, n));
    const x = c.w[j]!;
    if (!/^[a-z-]+$/.test(x) || PREPOSITIONS.has(x) || BE.has(x) || REPRESENTATIVES.has(x)) return [];
  }
  return [];
}
/** Verbs of doing a wrong: "committed by X" names its doer. */
const DOING = new Set(['committed', 'perpetrated', 'orchestrated', 'masterminded', 'carried']);
const REPRESENTATIVES = new Set([
  'lawyer',
  'lawyers',
  'attorney',
  'attorneys',
  'counsel',
  'solicitor',
  'solicitors',
  'barrister',
  'barristers',
  'spokesman',
  'spokeswoman',
]);

/** "indicted the four aforementioned suspects", "charged both men": the people a group object of the verb at k stands for. */
function groupObject(c: Clause, k: number): string[] {
  if (!/^(the|both|all|these|those)$/.test(c.w[k + 1] ?? '')) return [];
  for (let g = k + 2; g <= k + 5; g++) {
    const group = groupAt(c, g);
    if (group) return group;
  }
  return [];
}

/** Verbs whose object is a topic: "discussed the torture", "raised the abuse", "condemned the attack". */
const TOPIC_VERBS = new Set([
  'discussed',
  'discuss',
  'discusses',
  'raised',
  'raise',
  'raises',
  'mentioned',
  'addressed',
  'debated',
  'condemned',
  'condemns',
  'denounced',
  'investigated',
  'investigating',
  'probing',
  'examined',
  'examining',
  'reported',
  'highlighted',
]);

/** "said the two leaders discussed the torture of X": the reported clause only talks about a wrong; its subject is not the doer. */
function talksAbout(c: Clause, k: number): boolean {
  for (let j = k + 1; j < c.w.length && j <= k + 12; j++) {
    if (TOPIC_VERBS.has(c.w[j]!)) return true;
    if (c.wrong[j] || CLAUSE_BREAKS.has(c.w[j]!)) return false;
  }
  return false;
}

const isPlace = (c: Clause, name: string): boolean => c.ms.some((p) => p.entity.name === name && p.entity.category === 'place');

/** "handed X a ban", "was given a fine", "received a suspension": where the verb that gives the penalty at k stands, else -1. */
function givenAt(c: Clause, k: number): number {
  if (!PENALTY.has(c.w[k]!) && !SANCTION_NOUNS.has(c.w[k]!)) return -1;
  for (let j = k - 1; j >= 0 && k - j <= 6; j--) if (/^(handed|given|received|receives|hit|slapped)$/.test(c.w[j]!)) return j;
  return -1;
}
/** Penalties, as nouns: handed or given ("handed X a ban") or laid on someone ("sanctions on X"). */
const SANCTION_NOUNS = new Set(['ban', 'bans', 'fine', 'fines', 'suspension', 'suspensions', 'penalty', 'penalties', 'sanction', 'sanctions']);

/** Legal acts that befall the accused: their possessor is the one accused ("X's indictment"), not the accuser. */
const SUFFERED = new Set(['indictment', 'indictments', 'conviction', 'convictions', 'trial', 'sentencing']);

/**
 * "Louisiana congressman X", "the network's host X", "Acme's No. 2 executive, X": a body or place
 * that only qualifies a title is not the one accused; the people holding the title are.
 */
function titleHoldersAfter(c: Clause, name: string): string[] | null {
  const m = c.ms.find((p) => p.entity.name === name);
  if (!m || m.entity.category === 'person') return null;
  let titled = false;
  let k = m.last + 1;
  for (; k < c.w.length && k <= m.last + 6; k++) {
    const x = c.w[k]!;
    // "Pakistan players A and B", "Acme executives A and B": a plural title qualified by the body.
    if (TITLE_WORDS.has(x) || JOB_NOUNS.has(x) || RELATION_NOUNS[x] || MEMBER_NOUNS.has(x) || MEMBER_NOUNS.has(x.replace(/s$/, ''))) titled = true;
    else if (!/^([a-z-]+|no|\.|\d+|['’]s)$/.test(x) || c.inName.has(k) || DETERMINERS.has(x) || PREPOSITIONS.has(x) || BE.has(x)) break;
  }
  if (c.w[k] === ',') k++;
  const holder = titled ? mentionStartingAt(c, k) : undefined;
  if (holder && holder.entity.category === 'person') return coordinatedAfter(c, holder);
  // "Three Ruritania cricketers have been charged": a country that only qualifies unnamed people is not accused.
  return titled && m.entity.category === 'place' ? [] : null;
}

/**
 * "the former chairman of carmaker X, Y, …": the person an object description that opens with "the"
 * after the verb at k names after its comma. Only over words and names, with no clause between.
 */
function namedAfterDescription(c: Clause, k: number): Placed | undefined {
  const { w } = c;
  if (w[k + 1] !== 'the') return undefined;
  for (let j = k + 2; j < w.length && j - k <= 12; j++) {
    if (w[j] === ',') {
      const m = mentionStartingAt(c, j + 1);
      return m && m.entity.category === 'person' && /^(,|on|for|over|in|and)$/.test(w[m.last + 1] ?? '') ? m : undefined;
    }
    if (CLAUSE_BREAKS.has(w[j]!) || BE.has(w[j]!) || w[j] === 'who' || w[j] === 'which' || w[j] === 'that') return undefined;
  }
  return undefined;
}

/** The people named after "including" in the object of the act at k: "…, including former chief executive Y and Z". */
function includedAfter(c: Clause, k: number): string[] {
  const { w } = c;
  for (let j = k + 1; j < w.length && j - k <= 14; j++) {
    if (CLAUSE_BREAKS.has(w[j]!) && w[j] !== ',') return [];
    if (w[j] !== 'including') continue;
    const m = c.ms.find((p) => p.first > j && p.first - j <= 5 && w.slice(j + 1, p.first).every((y) => /^[a-z-]+$/.test(y) && !PREPOSITIONS.has(y)));
    return m && m.entity.category === 'person' ? coordinatedAfter(c, m) : [];
  }
  return [];
}

/**
 * Who an active penalty falls on: the names after the verb up to its reason ("for", "over"), each
 * one directly or after a description ("fined the bank's former auditor, X, £9,900, and Y").
 */
function penalisedAfter(c: Clause, k: number): string[] {
  const { w } = c;
  const out: string[] = [];
  for (let j = k + 1; j < w.length && j - k <= 30; j++) {
    if (w[j] === 'for' || w[j] === 'over' || (CLAUSE_BREAKS.has(w[j]!) && w[j] !== '-')) break;
    const m = mentionStartingAt(c, j);
    if (!m) continue;
    // "the bank's former auditor", "the former chief executive of X, Y", "Y, former director of X": the body only describes the one penalised.
    const describes = m.possessive || w[m.first - 1] === 'of';
    if (!describes && !isMedia(m) && m.entity.category !== 'place') out.push(m.entity.name);
    j = m.last;
  }
  if (out.length === 0) {
    const pron = pronounAt(c, k + 1);
    if (pron) out.push(pron);
  }
  return out;
}

/**
 * "saw X banned for four games", "X fined over late filings": a penalty's participle right after
 * a name, with its reason and no object between, is a passive without its "was".
 */
function reducedPassive(c: Clause, k: number): boolean {
  return /^(for|over|from)$/.test(c.w[k + 1] ?? '') && mentionEndingAt(c, k - 1) !== undefined;
}

/** "alleged in a lawsuit that …", "said in a statement on Monday that …": where the reported clause opens after a short phrase. */
function thatAfter(c: Clause, k: number): number | null {
  const { w } = c;
  // "told the BBC (on Monday) that …", "told reporters X …": the one told is no part of the claim.
  if (/^(told|tells|tell|telling)$/.test(w[k]!)) {
    const told = w[k + 1] === 'the' ? mentionStartingAt(c, k + 2) : mentionStartingAt(c, k + 1);
    for (let j = k + 1; j < w.length && j - k <= 8; j++) {
      if (w[j] === 'that') return j;
      if (CLAUSE_BREAKS.has(w[j]!) || w[j] === ',') break;
    }
    return told ? told.last + 1 : /^(reporters|journalists|police|investigators|officials)$/.test(w[k + 1] ?? '') ? k + 2 : null;
  }
  if (!PREPOSITIONS.has(w[k + 1] ?? '')) return null;
  for (let j = k + 2; j < w.length && j - k <= 8; j++) {
    if (w[j] === 'that') return j;
    if (CLAUSE_BREAKS.has(w[j]!) || w[j] === ',' || c.startAt[j]) return null;
  }
  return null;
}

/** The verb of saying at k closes its sentence after a comma and a short subject: "…, police say." */
function trailingAttribution(c: Clause, k: number): boolean {
  const { w } = c;
  let end = k + 1;
  // "…, police said on Friday", "…, the regulator said in a statement": a short time or place of saying may follow.
  while (end < w.length && end - k <= 4 && AFTER_SAYING.test(w[end]!)) end++;
  while (end < w.length && /^[.!?”"’')]$/.test(w[end]!)) end++;
  if (end < w.length) return false;
  // "…, police say", "…, the Munich prosecutor X said": a short subject, at most a description and a name.
  for (let j = k - 1; j >= 0 && k - j <= 8; j--) {
    if (w[j] === ',') return j > 2;
    if (!/^([a-z-]+|[”"’])$/.test(w[j]!) && !c.inName.has(j)) return false;
  }
  return false;
}

const AFTER_SAYING =
  /^(on|in|at|a|an|the|last|this|late|early|yesterday|today|tuesday|monday|wednesday|thursday|friday|saturday|sunday|week|month|night|morning|afternoon|evening|statement|interview)$/;

/** "X said the bank had been deceived": the reported clause names a victim, not an accused. */
function victimClause(c: Clause, k: number): boolean {
  for (let j = k + 1; j < c.w.length && j - k <= 12; j++) {
    if (c.wrong[j]) return VICTIM_PARTICIPLES.has(c.w[j]!) && BE.has(c.w[j - 1] ?? '');
  }
  return false;
}

function wrongdoingOrLegalAfter(c: Clause, k: number, cues: Cue[]): boolean {
  return wrongdoingIn(c, k + 1, c.w.length) || cues.some((q) => q.at > k && q.kind === 'legal');
}

/** Outlets this sentence names as its source: "according to X", "X reported", "a X report", "per the X". */
export function sourcesIn(c: Clause): string[] {
  const out: string[] = [];
  const { w } = c;
  for (const p of c.ms) {
    if (!isMedia(p)) continue;
    const at = w[p.first - 1] === 'the' ? p.first - 1 : p.first;
    const before = w[at - 1] ?? '';
    const before2 = w[at - 2] ?? '';
    const after = w[p.last + 1] ?? '';
    // "according to X", "as per the X", "reports from X", "a report by X", "told X".
    const cited =
      SOURCE_PREPOSITIONS.has(before) ||
      before === 'told' ||
      (before === 'to' && before2 === 'according') ||
      (before === 'by' && /^(cited|reported|report|published)$/.test(before2));
    const reporting =
      /^(reported|reports|report|said|says|wrote|writes|quoted|cited|reporting)$/.test(after) || (p.possessive && /^(report|reporting)$/.test(after));
    // A dateline's credit: "CINCINNATI (AP) —", "LONDON (Reuters) -" opening the sentence.
    const dateline = before === '(' && after === ')' && at <= 4 && /^[—–-]$/.test(w[p.last + 2] ?? '');
    if (cited || reporting || dateline) out.push(p.entity.name);
  }
  return [...new Set(out)];
}
