/**
 * Allegations: sentences that present a claim of wrongdoing rather than a fact. A sentence is one
 * when ordinary legal language says so ("alleges", "accused of", "charged with", "indicted",
 * "faces 12 charges", "on suspicion of", "investigated over"), or when a verb of saying or a hedge
 * carries a word of wrongdoing ("X said Y took bribes", "Z reportedly rigged the vote"). Who
 * alleges, against whom, which outlet reports it and who denies it come from the clause around
 * those words: subjects and objects of the verbs, "according to", "by", "against", possessors.
 */
import type { Allegation, Sentence } from '../types.js';
import type { Token } from './nlp.js';
import type { Placed } from './aliases.js';
import { GROUP_NOUNS, GROUP_SIZES, listsIn, rememberLists, type Lists } from './groups.js';
import { isHeadline } from './mentions.js';
import { noteTitles } from './clause.js';
import {
  ACCUSE,
  ALLEGE,
  ARREST,
  BE,
  BLAME,
  CHARGE,
  CLAUSE_BREAKS,
  COMPLAINT,
  CONVICT,
  HEDGE_ADVERBS,
  INDICT,
  INVESTIGATE,
  LEGAL_NOUNS,
  PROSECUTE,
  REPORTING,
  SANCTION,
  SUE,
  SUSPECT,
  WARRANT,
  FINDING,
} from './allegation-words.js';
import {
  ALLEGING,
  type Clause,
  dopingAt,
  isMedia,
  isWrongdoing,
  mentionStartingAt,
  negated,
  pronounAt,
  wrongdoingIn,
  wrongdoingTokens,
} from './allegation-clause.js';
import { DENIAL_WORDS, findDenial } from './allegation-denials.js';
import { JOB_NOUNS, PERSON_DESCRIPTIONS, PREPOSITIONS } from './words.js';
import { TITLE_WORDS } from './lexicons.js';
import { accusedIn, allegersIn, documentAuthor, rememberAuthors, sourcesIn } from './allegation-roles.js';
import type { Cue, CueKind } from './allegation-clause.js';
import { ACTION_KINDS, DOCUMENTS, FACE, PENALTY, SUING, VICTIM_PARTICIPLES } from './allegation-words.js';

/** A regulator, court, agency or governing body: what "the regulator", "the court" stand for. */
const isOfficialBody = (p: Placed): boolean =>
  p.entity.category === 'institution' && p.entity.kind !== 'company' && p.entity.kind !== 'media' && p.entity.kind !== 'party';
/** How many of the latest claims a new sentence is compared with to find a retelling. */
const RECENT = 8;
/** Two sentences that share most words state the same claim (a lead repeating the headline). */
const SAME_CLAIM = 0.6;
/** A node label: the claim is cut at a word boundary near this length. */
const CLAIM_CHARS = 80;
/** Every word that can be a cue (findCues): most tokens are none, and are passed over at once. */
const CUE_WORDS = new Set([
  ...ALLEGE,
  ...ACCUSE,
  ...INDICT,
  ...CONVICT,
  ...BLAME,
  ...WARRANT,
  ...SUE,
  ...PROSECUTE,
  ...SUSPECT,
  ...CHARGE,
  ...INVESTIGATE,
  ...ARREST,
  ...COMPLAINT,
  ...HEDGE_ADVERBS,
  ...REPORTING,
  ...SANCTION,
  'guilty',
  'trial',
  'retrial',
  'sentenced',
  'said',
  'linked',
  'linking',
  'according',
  'heard',
  'counts',
  'count',
  'positive',
  ...FINDING,
]);
/** Cue words that need no word of wrongdoing beside them. */
const PLAIN_CUES = new Set([...CUE_WORDS].filter((x) => !REPORTING.has(x) && !HEDGE_ADVERBS.has(x) && !FINDING.has(x) && (!SANCTION.has(x) || PENALTY.has(x))));
/** Could this sentence make or deny a claim? A cheap test before the clause is read. */
function mayAllege(w: string[]): boolean {
  let saying = false;
  let published = -1;
  for (let k = 0; k < w.length; k++) {
    const x = w[k]!;
    const q = QUICK.get(x);
    if (q === 'plain') return true;
    if (q === 'saying') saying = true;
    else if (q === 'publish') published = k;
    // Common words that are cues only before one word: "counts of", "stood by".
    else if (q === 'before-of' && w[k + 1] === 'of') return true;
    else if (q === 'before-by' && w[k + 1] === 'by') return true;
    // "X published a 67-page report on Y": no claim yet, but who wrote the report is remembered (DOCUMENTS).
    if (published >= 0 && k - published <= 6 && DOCUMENTS.has(x)) return true;
    if (DISCIPLINARY.has(x) && DURATION.test(w[k - 1] ?? '')) return true; // "a 90-day ban"
  }
  return saying && w.some((x, k) => isWrongdoing(x) || dopingAt(w, k));
}
/** One look-up per word for mayAllege: a plain cue or denial word, a word that needs wrongdoing beside it, a verb of publishing. */
const QUICK = new Map<string, 'plain' | 'saying' | 'publish' | 'before-of' | 'before-by'>();
for (const x of ['published', 'publishes', 'released', 'releases', 'issued', 'issues', 'filed', 'files', 'wrote', 'authored']) QUICK.set(x, 'publish');
for (const x of CUE_WORDS) QUICK.set(x, PLAIN_CUES.has(x) ? 'plain' : 'saying');
// Common words that deny only beside a claim noun or a word of wrongdoing ("fight the charges",
// "did not do anything wrong"), which lets the sentence through on its own.
for (const x of DENIAL_WORDS) if (!/^(anything|fight|fights|fighting|fought|by)$/.test(x)) QUICK.set(x, 'plain');
// "The paper said it stood by its reporting": the denial's verb lets it through, not the common "by".
for (const x of ['stood', 'stands', 'stand', 'standing']) QUICK.set(x, 'before-by');
for (const x of ['count', 'counts']) QUICK.set(x, 'before-of');

interface Denial {
  by: string[];
  sentence: number;
  /** An appeal answers only the claims against the appellant, not every claim near it. */
  appeal?: boolean;
}

/** A sentence that is only a dateline ends with its dash (nlp.ts splits datelines off). */
const DATELINE_END = /(?:--?|—|–)$/;

export function findAllegations(sentences: Sentence[], tokens: Token[][], placed: Placed[]): Allegation[] {
  const out: (Allegation & { headline: boolean; family: string | null; words: Set<string> })[] = [];
  const bySentence = new Map<number, Placed[]>();
  const spans = new Map<number, Placed[]>();
  const add = (map: Map<number, Placed[]>, p: Placed): void => {
    const list = map.get(p.sentence);
    if (list) list.push(p);
    else map.set(p.sentence, [p]);
  };
  for (const p of placed) {
    add(spans, p);
    if (!p.modifier) add(bySentence, p);
  }
  let lastPerson: string | null = null;
  let lastCompany: string | null = null;
  /** The last company a claim was against: "an investigation into the company" is most often about it. */
  let accusedCompany: string | null = null;
  const companies = new Set<string>();
  let lists: Lists = {};
  /** Regulators, courts, agencies and other bodies named so far, latest last: "the regulator", "the bureau" stand for one. */
  const bodies: { name: string; kind: string | undefined }[] = [];
  /** People named so far, each once, the latest last: whom "the four aforementioned suspects" counts back over. */
  const recentPeople: string[] = [];
  let lastOutlet: string | null = null;
  /** What a sentence named, for the ones after it: official bodies, outlets and people. */
  const noteNamed = (ms: Placed[]): void => {
    for (const m of ms) {
      if (isOfficialBody(m)) bodies.push({ name: m.entity.name, kind: m.entity.kind });
      if (isMedia(m)) lastOutlet = m.entity.name;
      if (m.entity.category !== 'person') continue;
      const at = recentPeople.indexOf(m.entity.name);
      if (at >= 0) recentPeople.splice(at, 1);
      recentPeople.push(m.entity.name);
    }
    if (bodies.length > 12) bodies.splice(0, bodies.length - 12);
  };
  let previousSources: string[] = [];
  let afterDateline: string[] = [];
  const denials: Denial[] = [];
  /** Who wrote or filed the last document of each kind ("suit", "report", "indictment"): what it claims, they claim. */
  const authors = new Map<string, string[]>();
  /** The kind of document that opened the sentence before ("The lawsuit, filed …"): a leading "It says" is it. */
  let lastDocument: string | undefined;
  /** Title -> the person last named with it ("Prime Minister X"): "the prime minister" later is X. */
  const titles = storyTitles(sentences, tokens, spans);
  const titled = titles.held;
  const noteSentenceTitles = (s: number): void => {
    for (const [title, name] of titles.bySentence[s] ?? []) titled.set(title, name);
  };
  const protagonist = mostNamedPerson(placed);

  sentences.forEach((sent, s) => {
    const toks = tokens[s] ?? [];
    const ms = (bySentence.get(s) ?? []).sort((a, b) => a.first - b.first);
    const w = toks.map((t) => t.low);
    const firstPerson = ms.find((m) => m.entity.category === 'person');
    const company = ms.findLast((m) => m.entity.kind === 'company');
    const listsBefore = lists;
    const listed = listsIn(toks, ms);
    // A new object only when this sentence lists someone: the one before stays as the clause saw it.
    if (Object.keys(listed).length) {
      lists = { ...lists };
      rememberLists(listed, lists);
    }
    // Most sentences hold no word that could make or deny a claim: they are passed over at once.
    if (!mayAllege(w)) {
      if (company) lastCompany = company.entity.name;
      noteNamed(ms);
      // "LONDON (Reuters) -": the credit of a dateline (split into a sentence of its own) reports the sentence after it.
      const dateline = DATELINE_END.test(sent.text) && ms.some(isMedia);
      afterDateline = dateline ? ms.filter(isMedia).map((m) => m.entity.name) : [];
      previousSources = ms.some(isMedia)
        ? sourcesIn({ toks, ms, w, inName: new Set(), lastPerson, lastAccused: [], wrong: [], wrongBefore: [0], endAt: [], startAt: [], hasWho: false })
        : [];
      // A headline's people are named again in the lead: who "the head of X" is waits for the body.
      if (firstPerson && !titleLine(toks, sent.text, s)) lastPerson = firstPerson.entity.name;
      lastDocument = w[0] === 'the' ? DOCUMENTS.get(w[1] ?? '') : undefined;
      noteSentenceTitles(s);
      return;
    }
    const inName = new Set<number>();
    for (const p of spans.get(s) ?? []) for (let k = p.first; k <= p.last; k++) inName.add(k);
    const lastAccused = out.findLast((a) => a.against.length)?.against ?? [];
    const endAt: (Placed | undefined)[] = [];
    const startAt: (Placed | undefined)[] = [];
    for (const p of ms) {
      endAt[p.last] ??= p;
      startAt[p.first] ??= p;
    }
    const ctx: Clause = {
      toks,
      ms,
      w,
      inName,
      lastPerson,
      lastAccused,
      wrong: [],
      wrongBefore: [],
      endAt,
      startAt,
      hasWho: w.includes('who'),
      lastCompany,
      accusedCompany,
      bodies,
      lists: listsBefore,
      titled,
      protagonist,
      recentPeople,
      lastOutlet,
    };
    ctx.wrong = wrongdoingTokens(w, inName, (k) => negated(ctx, k));

    const denial = findDenial(ctx);
    // What a denial calls false is no claim ("said the claims were false"); "politically motivated" stays a claim about motives.
    // An appeal's object is the claim itself ("appealed against his conviction for fraud"): it stays a claim.
    if (denial && w[denial.at] !== 'politically' && !denial.appeal) for (let k = denial.at; k <= denial.objectEnd; k++) ctx.wrong[k] = false;
    ctx.wrongBefore = runningCounts(ctx.wrong);
    let cues = findCues(ctx, denial);
    // "They said the indictment was illegal and they would challenge it", "“The report holds malicious
    // accusations,” it said": who denies a claim and only speaks ill of it makes no new claim.
    if (denial && denial.by.length && w[denial.at] !== 'politically' && cues.every((q) => q.kind === 'reporting')) cues = [];
    // "X pleaded not guilty to fraud charges", "X denied charges of bribery": the first word of the
    // claim is its denial. The denied claim is one, against the denier, unless one was made already.
    if (cues.length === 0 && denial && deniesNewClaim(ctx, denial) && !out.some((a) => !a.headline && denial.by.some((b) => a.against.includes(b))))
      cues.push({ at: denial.at, kind: 'legal' });
    const sources = sourcesIn(ctx);
    if (denial) denials.push({ by: denial.by, sentence: s, appeal: denial.appeal });

    // Most sentences name no document: its author is looked for only when one is.
    const document = w.some((x) => DOCUMENTS.has(x));
    // A headline's "X Sues Y" is told again, with its real subject, in the body.
    const headline = titleLine(toks, sent.text, s);
    if (document || (w.some((x) => SUING.has(x)) && !headline)) rememberAuthors(ctx, authors);
    if (cues.length) {
      const { parties, speakers } = allegersIn(ctx, cues);
      // "The lawsuit further accuses …", "according to the report, …": the document's author, who
      // is the accuser even when the claim quotes others' words.
      // "The lawsuit … seeks $2m. It says …": "it" opening the sentence after a document's sentence is that document.
      const itDocument = w[0] === 'it' && ALLEGING.has(w[1] ?? '') && lastDocument ? (authors.get(lastDocument) ?? []) : [];
      const author = document ? documentAuthor(ctx, authors) : itDocument;
      const allegers = (author.length ? author : parties.length ? parties : speakers).filter((n) => !sources.includes(n));
      const anaphoric = /^\W*(these|this|those|they|such)\b/i.test(sent.text);
      let against = accusedIn(ctx, cues, allegers);
      // A plea or a denial is made by a person or a body: a place named near it pleads nothing.
      if (denial && cues.length === 1 && cues[0]!.at === denial.at)
        against = denial.by.filter((n) => !ms.some((p) => p.entity.name === n && p.entity.category === 'place'));
      // "These payments allegedly …", "Two of the charges concern …": the last claim's accused.
      // "Millions were allegedly syphoned out …": a hedged act whose subject names no one is the last claim's, told on.
      const hedge = cues.find((q) => q.kind === 'hedge' || w[q.at] === 'allegedly');
      const unnamedHedge = hedge !== undefined && !ms.some((p) => p.first < hedge.at) && (out.at(-1)?.sentence ?? -9) >= s - 3;
      if (against.length === 0 && (anaphoric || unnamedHedge || definiteWrongdoing(ctx) || (ctx.refersBack && !parties.length && !speakers.length)))
        against = [...lastAccused].filter((n) => !parties.includes(n));
      // "X's lawyer entered a not-guilty plea for him on a charge of …": who denies a claim in its own sentence is its accused.
      if (against.length === 0 && denial)
        against = denial.by.filter((n) => !allegers.includes(n) && !ms.some((p) => p.entity.name === n && p.entity.category === 'place'));
      // No one is accused by themselves. The one who sues or accuses stays the accuser; a speaker who
      // reports a claim about himself is the accused ("X said he was being investigated").
      if (parties.length) against = against.filter((n) => !parties.includes(n));
      const main = mainCue(cues);
      let alleged_by = allegers.filter((n) => !against.includes(n));
      // "The FA charged X with misconduct. X, accused of abusing an opponent, …": the claim told on,
      // about the same accused in the next sentence, keeps its accuser when none is named anew.
      const previous = out.at(-1);
      if (alleged_by.length === 0 && against.length && previous && previous.sentence === s - 1 && previous.alleged_by.length && !denial)
        if (against.some((n) => previous.against.includes(n)) && (ACCUSE.has(w[main.at]!) || ALLEGE.has(w[main.at]!)))
          alleged_by = previous.alleged_by.filter((n) => !against.includes(n));
      const reported_by = sources.length ? sources : anaphoric ? previousSources : afterDateline;
      const sentWords = wordsOf(w);
      const family = familyOf(w[main.at]!);
      // The same legal act against the same party told again ("X was initially charged on …",
      // "the second time the leaders were indicted") with no new wrongdoing named is no new claim.
      const retold = (a: (typeof out)[number]): boolean =>
        family !== null && a.family === family && !wrongdoingIn(ctx, 0, w.length) && against.length > 0 && against.every((n) => a.against.includes(n));
      // A retelling comes soon after what it retells: only the last few claims are compared.
      const repeated = out.slice(-RECENT).some((a) => !a.headline && (overlap(a.words, sentWords) >= SAME_CLAIM || retold(a)));
      // Claims made in a document ("X filed a lawsuit alleging …") make its accusers its authors.
      if (alleged_by.length && document)
        for (const x of w)
          if (DOCUMENTS.has(x)) authors.set(DOCUMENTS.get(x)!, alleged_by);
          // "X has sued Y for …": what "the lawsuit" alleges later, X alleges.
          else if (alleged_by.length && SUING.has(w[main.at]!) && !authors.has('suit')) authors.set('suit', alleged_by);
      if (!repeated) {
        out.push({
          claim: claimOf(ctx, sent, main, against, alleged_by),
          alleged_by,
          against,
          reported_by,
          denied_by: [],
          sentence: s,
          evidence: { start: sent.start, end: sent.end, text: sent.text },
          hedge: toks[main.at]!.text,
          headline,
          family,
          words: new Set(sentWords),
        });
      }
    }
    previousSources = sources;
    afterDateline = [];
    for (const m of ms) if (m.entity.kind === 'company') companies.add(m.entity.name);
    const claimed = out.at(-1);
    if (claimed?.sentence === s) accusedCompany = claimed.against.findLast((n) => companies.has(n)) ?? accusedCompany;
    if (firstPerson && !headline) lastPerson = firstPerson.entity.name;
    // "Prosecutor X said Y took bribes. He is also accused of …": after a claim its one accused
    // person, not the accuser named first, is whom "he" and "the executive" stand for.
    const claim = out.at(-1);
    if (claim?.sentence === s && claim.against.length === 1 && claim.alleged_by.includes(lastPerson ?? '')) {
      const accused = ms.find((p) => p.entity.name === claim.against[0] && p.entity.category === 'person');
      if (accused) lastPerson = accused.entity.name;
    }
    if (company) lastCompany = company.entity.name;
    noteNamed(ms);
    noteSentenceTitles(s);
    lastDocument = w[0] === 'the' ? DOCUMENTS.get(w[1] ?? '') : undefined;
  });

  // A headline repeats the story's lead: keep it only when the body makes no allegation.
  const body = out.filter((a) => !a.headline);
  const kept = body.length ? body : out;

  // "A police captain has been arrested for …", "Three cricketers have been charged …" and then "… said X
  // is accused of …": a lead that describes its accused with "a" or a number names them in the next
  // claim, a sentence or two later.
  kept.forEach((a, i) => {
    // "charges against a major drinks tycoon" and then "X, the head of …": the same, told as an object.
    const described = !a.against.length && indefinitePerson(tokens[a.sentence]!);
    if (described) {
      const opener = (bySentence.get(a.sentence + 1) ?? []).find((p) => p.first <= 1 && p.entity.category === 'person' && !p.possessive);
      if (opener && !a.alleged_by.includes(opener.entity.name)) a.against = [opener.entity.name];
    }
    if (!INDEFINITE_LEAD.test(a.evidence.text)) return;
    // "A former manager at X has accused the company of …" and then "Y, who was fired in March, …": the accuser is named next.
    const cue = a.hedge?.toLowerCase() ?? '';
    if (!a.alleged_by.length && (ACCUSE.has(cue) || SUING.has(cue))) {
      const named = (bySentence.get(a.sentence + 1) ?? []).find((p) => p.entity.category === 'person' && !a.against.includes(p.entity.name));
      if (named) a.alleged_by = [named.entity.name];
    }
    const next = kept[i + 1];
    if (a.against.length || !next || next.sentence - a.sentence > 2 || !next.against.length) return;
    a.against = next.against.filter((n) => !a.alleged_by.includes(n));
  });

  // "Seven players were charged …" and then "… named them as A, B, C, D, E, F and G": a claim against a
  // counted group the story has not named yet is against the list of that many people that follows.
  const accusers = new Set(kept.flatMap((a) => a.alleged_by));
  for (const a of kept) {
    if (a.against.length) continue;
    const size = countedGroup(tokens[a.sentence]!);
    if (!size) continue;
    for (let s = a.sentence + 1; s <= a.sentence + 4 && s < tokens.length; s++) {
      // (The main pass above has sorted every sentence's mentions.)
      const people = listsIn(tokens[s]!, bySentence.get(s) ?? []).person ?? [];
      if (people.length === size && !people.some((n) => accusers.has(n))) {
        a.against = people;
        break;
      }
    }
  }

  // A denial answers every claim against the denier, and the claims just before it or in its sentence.
  for (const d of denials) {
    for (const a of kept) {
      const near = !d.appeal && a.sentence <= d.sentence && d.sentence - a.sentence <= 2;
      // A lawyer denying with the accused ("X's lawyer said he is innocent") answers every claim against him.
      const forAccused = d.by.some((b) => a.against.includes(b));
      for (const b of d.by) {
        if (a.alleged_by.includes(b) || a.denied_by.includes(b)) continue;
        if (a.against.includes(b) || near || forAccused) a.denied_by.push(b);
      }
    }
  }
  return kept.map((a) => ({
    claim: a.claim,
    alleged_by: a.alleged_by,
    against: a.against,
    reported_by: a.reported_by,
    denied_by: a.denied_by,
    sentence: a.sentence,
    evidence: a.evidence,
    hedge: a.hedge,
  }));
}

/** counts[k]: how many of the first k flags are set (a small function of its own, which V8 optimises). */
function runningCounts(flags: boolean[]): number[] {
  const counts = [0];
  let n = 0;
  for (const f of flags) {
    if (f) n++;
    counts.push(n);
  }
  return counts;
}

/** "urged X to take legal action against Y", "would take legal action": an action only meant, not brought. */
function actionIntended(w: string[], k: number): boolean {
  for (let j = k - 1; j >= 1 && k - j <= 5; j--)
    if (/^(take|taking|bring|launch|file)$/.test(w[j]!)) return /^(to|will|would|could|may|might|should|'ll)$/.test(w[j - 1]!);
  return false;
}

/** A headline: title case, or a first line with no closing punctuation. */
const titleLine = (toks: Token[], text: string, s: number): boolean => isHeadline(toks) || (s === 0 && !/[.!?"”’)]$/.test(text));

/** The person named most often in the story (at least twice; the first named wins a tie). */
function mostNamedPerson(placed: readonly Placed[]): string | null {
  const counts = new Map<string, number>();
  for (const p of placed) if (p.entity.category === 'person' && !p.modifier) counts.set(p.entity.name, (counts.get(p.entity.name) ?? 0) + 1);
  let best: string | null = null;
  for (const [name, n] of counts) if (n >= 2 && (best === null || n > counts.get(best)!)) best = name;
  return best;
}

/** A lead whose subject is described, not named: "A police captain …", "MUNICH (AP) — Three executives …". */
/** "against a major drinks tycoon", "arrested a former police chief", "Former chief executive of X …": a person described, not named. */
function indefinitePerson(toks: Token[]): boolean {
  for (let k = 0; k < toks.length; k++) {
    // "Former chief executive of X accused of corruption has been arrested": a lead that opens with an office.
    const opening = k === 0 && /^(former|ex)$/.test(toks[0]!.low);
    if (
      !opening &&
      (!/^(a|an)$/.test(toks[k]!.low) || !/^(against|arrested|charged|indicted|detained|sued|accused|fined|banned)$/.test(toks[k - 1]?.low ?? ''))
    )
      continue;
    for (let j = k + 1; j <= k + 4 && j < toks.length; j++) {
      const w = toks[j]!.low;
      if (PERSON_DESCRIPTIONS.has(w) || JOB_NOUNS.has(w) || TITLE_WORDS.has(w)) return true;
      if (toks[j]!.cap || PREPOSITIONS.has(w) || w === ',') break;
    }
  }
  return false;
}

/** The size of a counted group of people the sentence speaks of ("seven … players", "the three individuals"), or 0. */
function countedGroup(toks: Token[]): number {
  for (let k = 0; k < toks.length; k++) {
    const n = GROUP_SIZES[toks[k]!.low] ?? (/^\d{1,2}$/.test(toks[k]!.text) ? Number(toks[k]!.text) : 0);
    if (n < 2) continue;
    for (let j = k + 1; j <= k + 6 && j < toks.length; j++) {
      if (GROUP_NOUNS.has(toks[j]!.low) || COUNTED_PEOPLE.has(toks[j]!.low)) return n;
      if (toks[j]!.cap || PREPOSITIONS.has(toks[j]!.low) || toks[j]!.low === ',') break;
    }
  }
  return 0;
}
const COUNTED_PEOPLE = new Set(['individuals', 'people', 'persons', 'co-accused', 'others']);

const INDEFINITE_LEAD = /^\W*(?:[A-Z][A-Za-z.]*\s*(?:\([^)]*\)\s*)?[—–-]\s*)?(a|an|two|three|four|five|six|seven|eight|nine|ten)\s/i;

/**
 * The titles each sentence gives its people, in order, and those that one person alone holds in the
 * whole story. A lead often describes before it names ("Prosecutors arrested the former chief executive
 * of X … Former CEO Y, 50, …"): such a title stands for its holder from the first sentence on, until
 * another is named with it.
 */
function storyTitles(sentences: Sentence[], tokens: Token[][], spans: Map<number, Placed[]>): { held: Map<string, string>; bySentence: [string, string][][] } {
  const holders = new Map<string, string | null>();
  const bySentence: [string, string][][] = [];
  const one = new Map<string, string>();
  sentences.forEach((_, s) => {
    const ms = spans.get(s);
    if (!ms) return;
    one.clear();
    noteTitles(s, tokens[s] ?? [], ms, (k) => ms.some((p) => p.first <= k && k <= p.last), one);
    bySentence[s] = [...one];
    for (const [title, name] of one) holders.set(title, holders.has(title) && holders.get(title) !== name ? null : name);
  });
  const held = new Map<string, string>();
  for (const [title, name] of holders) if (name) held.set(title, name);
  return { held, bySentence };
}

/** The words in this sentence that make it an allegation, with how strong each one is. */
const DISCIPLINARY = new Set(['ban', 'suspension']);
const DURATION = /^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|life|lifetime)(?:-(?:day|week|month|year|match|game|race))?$/;
const GIVEN = new Set(['handed', 'given', 'received', 'receives', 'slapped', 'hit', 'serving', 'serves']);

function findCues(c: Clause, denial: { at: number; objectEnd: number; appeal?: boolean } | null): Cue[] {
  const { w } = c;
  const cues: Cue[] = [];
  const n = w.length;
  const hasWrongdoing = wrongdoingIn(c, 0, n);
  const follows = (k: number, set: RegExp, within: number): boolean => w.slice(k + 1, k + 1 + within).some((x) => set.test(x));
  for (let k = 0; k < n; k++) {
    const x = w[k]!;
    if (!CUE_WORDS.has(x) || c.inName.has(k) || negated(c, k) || (denial && !denial.appeal && k >= denial.at && k <= denial.objectEnd) || conditional(w, k))
      continue;
    let kind: CueKind | null = null;
    if (ALLEGE.has(x) || ACCUSE.has(x) || INDICT.has(x) || CONVICT.has(x) || BLAME.has(x) || WARRANT.has(x)) kind = 'legal';
    else if (SUE.has(x) || (PROSECUTE.has(x) && (x !== 'prosecution' || FACE.has(w[k - 1] ?? '') || w[k + 1] === 'of'))) kind = 'legal';
    else if (SUSPECT.has(x) && (w[k + 1] === 'of' || w[k - 1] === 'on')) kind = 'legal';
    else if (x === 'guilty' && /^(found|pleaded|pleads|plead|be)$/.test(w[k - 1] ?? '')) kind = 'legal';
    // "A jury found X guilty of fraud"
    else if (x === 'guilty' && w[k + 1] === 'of' && w.slice(Math.max(0, k - 5), k).includes('found')) kind = 'legal';
    // "stand trial over", "faces trial for", "on trial for", "sentenced to five years".
    else if (/^(trial|retrial)$/.test(x) && (/^(stand|face|faces|facing|on|to)$/.test(w[k - 1] ?? '') || /^(over|for)$/.test(w[k + 1] ?? ''))) kind = 'legal';
    else if (x === 'sentenced' && w.slice(k + 1, k + 6).includes('to')) kind = 'legal';
    else if (CHARGE.has(x) && !isOtherCharge(w, k)) kind = 'legal';
    // "faces 12 counts of wire fraud", "charged with one count of bribery".
    else if (
      (x === 'counts' || x === 'count') &&
      w[k + 1] === 'of' &&
      /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|several|multiple|additional|more|new|criminal|federal)$/.test(w[k - 1] ?? '')
    )
      kind = 'legal';
    // "The regulator found that X misled investors", "the inquiry concluded that …".
    else if (FINDING.has(x) && w[k + 1] === 'that' && hasWrongdoing) kind = 'reporting';
    else if (
      INVESTIGATE.has(x) &&
      (follows(k, /^(over|for|into|against|whether|on)$/, 5) ||
        c.ms.some((p) => p.first === k + 1) ||
        wrongdoingIn(c, k + 1, k + 6) ||
        // "X is under (criminal) investigation by Y"
        w[k - 1] === 'under' ||
        w[k - 2] === 'under')
    )
      kind = 'legal';
    else if (ARREST.has(x) && (follows(k, /^suspicion$/, 24) || (follows(k, /^(for|over|on|after)$/, 10) && wrongdoingIn(c, k + 1, n)))) kind = 'legal';
    else if (
      COMPLAINT.has(x) &&
      follows(k, /^(against|challenging|accusing|alleging|over|by|filed|laid|lodged)$/, 6) &&
      x !== 'case' &&
      (!/^actions?$/.test(x) || (ACTION_KINDS.has(w[k - 1] ?? '') && !actionIntended(w, k))) &&
      !(x === 'suit' && /^follow/.test(w[k - 1] ?? '')) // "followed suit against …"
    )
      kind = 'legal';
    else if (x === 'case' && w[k + 1] === 'against') kind = 'legal';
    // Not "journalists have reportedly been assaulted": a victim told of, with no one accused.
    else if (HEDGE_ADVERBS.has(x) && wrongdoingIn(c, k + 1, n) && !(BE.has(w[k + 1] ?? '') && VICTIM_PARTICIPLES.has(w[k + 2] ?? ''))) kind = 'hedge';
    else if (x === 'said' && w[k + 1] === 'to' && BE.has(w[k - 1] ?? '') && wrongdoingIn(c, k + 2, n)) kind = 'hedge';
    else if (x === 'linked' || x === 'linking') kind = hasWrongdoing && w.slice(k + 1, k + 6).includes('to') ? 'reporting' : null;
    else if ((REPORTING.has(x) || (x === 'according' && w[k + 1] === 'to')) && hasWrongdoing) kind = 'reporting';
    else if (x === 'heard' && /^(court|jury|tribunal|hearing|inquiry|judge|magistrate|panel)$/.test(w[k - 1] ?? '') && hasWrongdoing) kind = 'reporting';
    // A penalty may list who it falls on before its reason: "fined A, £9,900, and B, £4,000, for …".
    else if (
      SANCTION.has(x) &&
      w
        .slice(k + 1, k + (PENALTY.has(x) ? 30 : 12))
        // "banned for doping", "fined over late filings", "banned after testing positive".
        .some(
          (y, j) =>
            ((y === 'for' || y === 'over') && (PENALTY.has(x) || wrongdoingIn(c, k + 2 + j, n))) ||
            (y === 'after' && wrongdoingIn(c, k + 2 + j, n)) ||
            // "suspended pending an investigation", "banned pending a disciplinary hearing".
            (y === 'pending' && w.slice(k + 2 + j, k + 6 + j).some((z) => /^(investigation|inquiry|probe|hearing|review|outcome|trial)$/.test(z))),
        )
    )
      kind = 'sanction';
    // "FIFA handed X a 90-day ban", "X received a four-year suspension": a penalty of a set length given to
    // someone is a disciplinary sanction, reason told or not (not "a ten-year ban on fishing").
    // "X tested positive for …": the doping the test shows is X's.
    if (!kind && x === 'positive' && dopingAt(w, k)) kind = 'hedge';
    // "X and its founder were fined $2 million": a fine of an amount is a penalty for a wrong, reason told or not.
    if (!kind && PENALTY.has(x) && w.slice(k + 1, k + 4).some((y) => /^[$£€¥₹]|^(?:us|hk|nt|a|c|s|r|rs|tk|n)?\$?\d/.test(y))) kind = 'sanction';
    if (!kind && DISCIPLINARY.has(x) && DURATION.test(w[k - 1] ?? '') && w[k + 1] !== 'on' && w.slice(Math.max(0, k - 8), k).some((y) => GIVEN.has(y)))
      kind = 'sanction';
    if (kind && kind !== 'reporting' && refersBack(c, k, denial !== null)) {
      kind = null;
      c.refersBack = true;
    }
    if (kind) cues.push({ at: k, kind });
  }
  // A verb of saying carries a claim of wrongdoing; a word of wrongdoing on its own does not.
  return cues;
}

/**
 * "the bribes were in exchange for …", "these kickbacks": wrongdoing named as already known points
 * to the last claim's accused, unless what follows names its own doer ("the fraud at X", "the bribery by X").
 */
function definiteWrongdoing(c: Clause): boolean {
  const { w } = c;
  for (let k = 1; k < w.length; k++) {
    if (c.wrong[k] && /^(the|these|those|such|this)$/.test(w[k - 1]!) && !/^(of|by|at|in|against)$/.test(w[k + 1] ?? '')) return true;
  }
  return false;
}

/**
 * A denial that names its claim: a plea ("pleaded not guilty"), or a charge or a word of
 * wrongdoing in its object that does not point back ("denied criminal fraud charges", not "denied
 * the charges", which answers a claim told before).
 */
function deniesNewClaim(c: Clause, denial: { at: number; objectEnd: number; by: string[] }): boolean {
  const { w } = c;
  // A plea is a claim even when who pleads is only described: "Two former Acme executives pleaded not guilty to …".
  if (w[denial.at] === 'guilty' && w[denial.at - 1] === 'not' && /^(pleaded|pleads|plead|pled|pleading)$/.test(w[denial.at - 2] ?? '')) return true;
  if (denial.by.length === 0) return false;
  if (w[denial.at] === 'not-guilty') return true;
  if (!DENY_VERBS.has(w[denial.at]!)) return false;
  for (let k = denial.at + 1; k <= denial.objectEnd; k++) {
    // "denied the allegations" answers a claim told elsewhere; "rejected the doping charge" names its offence.
    if (/^(the|these|those|such|all|any|its|his|her|their)$/.test(w[k]!) && !(isWrongdoing(w[k + 1] ?? '') && CHARGE.has(w[k + 2] ?? ''))) return false;
    if (CHARGE.has(w[k]!) || ACCUSE.has(w[k]!) || ALLEGE.has(w[k]!)) return k > denial.at + 1 || w[k + 1] === 'of';
  }
  // "X and Y denied conspiracy and securities fraud": the offence named as what is denied; not the
  // general "denied wrongdoing", "denied any crime", which answer a claim told elsewhere.
  const first = denial.at + 1;
  return first <= denial.objectEnd && isWrongdoing(w[first]!) && !GENERAL_WRONGDOING.has(w[first]!) && !c.inName.has(first);
}
/** Words of wrongdoing that name no offence: a denial of them answers a claim, it does not state one. */
const GENERAL_WRONGDOING = new Set(['wrongdoing', 'crime', 'crimes', 'criminal', 'illegal', 'unlawful', 'misconduct', 'breaching', 'violating']);
/** Verbs that deny a claim named after them: "denied fraud charges", "rejects accusations of bribery". */
const DENY_VERBS = new Set([
  'denied',
  'denies',
  'deny',
  'denying',
  'rejected',
  'rejects',
  'reject',
  'rejecting',
  'contested',
  'contests',
  'disputed',
  'disputes',
]);

/**
 * A claim noun that points back to a claim already made ("the charges were dropped", "these
 * allegations", "address allegations", in a denial "called X's allegations absurd"): no new claim,
 * unless what follows says what or against whom ("the charges against X", "allegations of fraud").
 */
function refersBack(c: Clause, k: number, inDenial: boolean): boolean {
  const { w } = c;
  if (!LEGAL_NOUNS.has(w[k]!) || /^(investigation|investigations|probe|inquiry)$/.test(w[k]!)) return false;
  let j = k + 1;
  while (/^[“”"‘’']$/.test(w[j] ?? '')) j++;
  if (/^(of|that|against|over|for|linking|accusing|alleging|by)$/.test(w[j] ?? '')) return false;
  if (inDenial) return true;
  for (let b = k - 1; b >= 0 && k - b <= 4; b--) {
    if (/^(the|these|those|such|this|address|addressing|answer|answering)$/.test(w[b]!)) return true;
    if (CLAUSE_BREAKS.has(w[b]!) || w[b] === ',' || /^\d/.test(w[b]!) || c.toks[b]!.possessive) return false;
  }
  return false;
}

/** Which legal act a cue word names: "charged" and "charges" are one act, "accused" another. */
const FAMILIES: [string, Set<string>][] = [
  ['allege', ALLEGE],
  ['accuse', ACCUSE],
  ['charge', new Set([...CHARGE, 'count', 'counts'])],
  ['indict', INDICT],
  ['convict', CONVICT],
  ['sue', SUE],
  ['investigate', INVESTIGATE],
  ['arrest', ARREST],
  ['warrant', WARRANT],
];
function familyOf(word: string): string | null {
  return FAMILIES.find(([, set]) => set.has(word))?.[0] ?? null;
}

/** The word that most plainly makes the claim: legal language before hedges, hedges before verbs of saying. */
const CUE_STRENGTH: Record<CueKind, number> = { legal: 0, hedge: 1, sanction: 2, reporting: 3 };
function mainCue(cues: Cue[]): Cue {
  return cues.reduce((best, q) => (CUE_STRENGTH[q.kind] < CUE_STRENGTH[best.kind] ? q : best));
}

/**
 * "could face ten years if convicted", "if found guilty, he faces a ban": a condition names what
 * may follow a claim, not a claim; "if" a few words before the cue, within its clause.
 */
function conditional(w: string[], k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j <= 4; j--) {
    if (w[j] === 'if' || w[j] === 'unless') return true;
    if (CLAUSE_BREAKS.has(w[j]!) || w[j] === ',') return false;
  }
  return false;
}

/** "in charge of", "free of charge", "took charge", "chargé d'affaires": charge in its other senses. */
function isOtherCharge(w: string[], k: number): boolean {
  const prev = w[k - 1] ?? '';
  if (prev === 'in' || prev === 'took' || prev === 'take' || prev === 'of') return true;
  if (w[k] === 'charged' || w[k] === 'charging') return false;
  return w[k + 1] === 'of' && (w[k + 2] === 'the' || w[k + 2] === 'a') && !isWrongdoing(w[k + 3] ?? '');
}

// ------------------------------------------------------------------ the claim as a label

/**
 * The claim: the clause of the first cue, from its accused when the accused opens it, pronouns
 * resolved ("he" → the name), cut at a word boundary so that it reads as a node label.
 */
function claimOf(c: Clause, sent: Sentence, main: Cue, against: string[], allegers: string[]): string {
  const cueAt = main.at;
  let start = 0;
  for (let j = cueAt - 1; j >= 0; j--) {
    if (CLAUSE_BREAKS.has(c.w[j]!) && !/^[“”()]$/.test(c.w[j]!)) {
      start = j + 1;
      break;
    }
  }
  const from = (k: number): string => sent.text.slice(c.toks[k]!.start - sent.start);
  // The accused named (or pointed to by "he"/"she") before the cue open the label, all of them:
  // "he and the suspended commissioner, X, were charged" → "A and X were charged …".
  const subjects: { name: string; last: number }[] = [];
  for (let k = start; k < cueAt; k++) {
    const m = mentionStartingAt(c, k);
    const name = m?.entity.name ?? pronounAt(c, k);
    if (name && against.includes(name) && !subjects.some((x) => x.name === name)) subjects.push({ name, last: m ? m.last : k });
    if (m) k = m.last;
  }
  let text: string;
  if (subjects.length) {
    let rest = sent.text.slice(c.toks[subjects.at(-1)!.last]!.end - sent.start);
    // "X, who denies the charges, was arrested …": the relative clause is not the claim when the cue follows it.
    const relative = /^,\s*who\b[^,]*,/.exec(rest);
    const restStart = c.toks[subjects.at(-1)!.last]!.end;
    if (relative && restStart + relative[0].length <= c.toks[cueAt]!.start) rest = rest.slice(relative[0].length);
    text = `${subjects.map((x) => x.name).join(' and ')}${rest.replace(/^[’']s?\b/, "'s").replace(/^,\s*who\b/, '')}`;
  } else {
    // Otherwise from the accuser when named in the clause ("X said Y was …"), else from the clause.
    const accuser = c.ms.find((p) => p.first >= start && p.first < cueAt && allegers.includes(p.entity.name));
    text = accuser ? from(accuser.first) : c.toks[start] ? from(start) : sent.text;
    const pron = accuser ? null : pronounAt(c, start);
    if (pron) text = pron + text.slice(c.toks[start]!.text.length);
  }
  text = text.replace(/^[\s“”"',:;–-]+/, '').replace(/^(and|but|or|so)\s+/i, '');
  // One claim per label: end at the next clause of its own (", while …", "; …").
  const end = text.slice(20).search(/;\s|,\s(while|whereas|but|although|though|as|which)\b/);
  if (end >= 0) text = text.slice(0, end + 20);
  text = text.replace(/[\s“”".;,]+$/, '');
  if (text.length > CLAIM_CHARS) {
    const space = text.lastIndexOf(' ', CLAIM_CHARS);
    text = `${text.slice(0, space > 20 ? space : CLAIM_CHARS).replace(/[\s,;:]+$/, '')}…`;
  }
  return text;
}

/** The words of a sentence: its lower-cased tokens that start with a letter or digit. */
function wordsOf(w: string[]): string[] {
  return w.filter((x) => {
    const ch = x.charCodeAt(0);
    return (ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57) || ch > 127;
  });
}

/** Share of the shorter sentence's words found in the other one. */
function overlap(wa: Set<string>, wb: string[]): number {
  if (wb.length === 0) return 0;
  return wb.filter((w) => wa.has(w)).length / Math.min(wa.size || 1, wb.length);
}
