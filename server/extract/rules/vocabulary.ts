/**
 * The interaction vocabulary: documented types and the verb lemmas, interaction nouns and relation
 * nouns that express them, with the small lemmatiser that maps inflected forms onto the lemmas.
 */
import { wordTable } from './words.js';

/**
 * The documented verb vocabulary: interaction type -> verb lemmas that express it. Inflected forms
 * ("met", "sought", "accusing", "sues") are reduced to these lemmas by `lemmaOf`.
 */
export const INTERACTION_VERBS: Readonly<Record<string, readonly string[]>> = wordTable({
  met: ['meet', 'visit', 'host', 'receive'],
  spoke_with: ['speak', 'talk', 'discuss', 'phone', 'call'],
  asked: ['ask', 'seek', 'request', 'press'],
  urged: ['urge'],
  assured: ['assure', 'pledge', 'reassure'],
  promised: ['promise'],
  warned: ['warn'],
  told: ['tell'],
  accused: ['accuse', 'blame', 'lie'],
  confronted: ['confront', 'challenge'],
  criticized: ['criticize', 'criticise', 'condemn', 'slam', 'attack', 'vilify'],
  denied: ['deny', 'reject', 'dismiss'],
  praised: ['praise', 'thank', 'commend'],
  trusts: ['trust'],
  sanctioned: ['sanction'],
  charged: ['charge'],
  indicted: ['indict'],
  sued: ['sue'],
  arrested: ['arrest', 'detain'],
  investigated: ['investigate', 'probe'],
  prosecuted: ['prosecute'],
  summoned: ['summon', 'subpoena'],
  questioned: ['question', 'quiz', 'interview', 'grill'],
  referred: ['refer'],
  approached: ['approach'],
  assisted: ['assist', 'help', 'aid'],
  funded: ['fund', 'funnel', 'pay', 'donate'],
  employed: ['employ', 'hire'],
  received_from: ['obtain', 'accept'],
  testified_before: ['testify'],
  impeached: ['impeach'],
  expelled: ['expel', 'deport'],
  extradited: ['extradite'],
  invited: ['invite'],
  appointed: ['appoint', 'nominate'],
  defended: ['defend'],
  leads: ['lead', 'head', 'chair'],
  fined: ['fine'],
  convicted: ['convict'],
  sentenced: ['sentence'],
  acquitted: ['acquit'],
  arraigned: ['arraign'],
  remanded: ['remand'],
  banned: ['ban'],
  suspended: ['suspend'],
  fired: ['fire', 'sack'],
  raided: ['raid'],
  bribed: ['bribe'],
  defrauded: ['defraud'],
  // "X is represented by attorney Y", "Y, who represents X": in court news, a lawyer acting for a client.
  lawyer_for: ['represent'],
});

/**
 * Nouns that name an interaction; they need "between A and B", a possessor ("X's probe into Y")
 * or a preposition that introduces the other side, so a bare "sanctions" or "charges" gives nothing.
 */
export const INTERACTION_NOUNS: Readonly<Record<string, string>> = wordTable({
  meeting: 'met',
  meetings: 'met',
  talks: 'met',
  summit: 'met',
  discussions: 'met',
  dialogue: 'met',
  call: 'spoke_with',
  conversation: 'spoke_with',
  probe: 'investigated',
  investigation: 'investigated',
  inquiry: 'investigated',
  scrutiny: 'investigated',
  lawsuit: 'sued',
  suit: 'sued',
  sanctions: 'sanctioned',
  charges: 'charged',
  indictment: 'indicted',
  arrest: 'arrested',
  accusations: 'accused',
  assurance: 'assured',
  assurances: 'assured',
  promise: 'promised',
  testimony: 'testified_before',
  relationship: 'relationship_with',
  relations: 'relationship_with',
  contract: 'contract_with',
  deal: 'contract_with',
  referral: 'referred',
  accusation: 'accused',
  allegation: 'accused',
  allegations: 'accused',
  invitation: 'invited',
  employment: 'employed',
  ban: 'banned',
  bans: 'banned',
  suspension: 'suspended',
  fine: 'fined',
  fines: 'fined',
  penalty: 'fined',
  penalties: 'fined',
});
/** Prepositions that introduce the other side of an interaction noun ("probe into", "lawsuit against"). */
export const NOUN_PATIENT_PREPS = new Set(['into', 'of', 'against', 'with', 'on', 'before']);

/** Prepositions a verb type takes for its object, beyond a direct object ("met with X", "sought … from X"). */
export const OBJECT_PREPS: Readonly<Record<string, readonly string[]>> = wordTable({
  met: ['with'],
  spoke_with: ['with', 'to'],
  asked: ['from'],
  received_from: ['from'],
  funded: ['to'],
  accused: ['to'],
  told: ['to'],
  testified_before: ['before', 'to'],
  referred: ['to'],
  assured: ['to'],
  promised: ['to'],
});

/** Relations stated with a noun: "X's lawyer Y", "an ally of X", "spokesman for X", "ORG bosses A and B". */
export const RELATION_NOUNS: Readonly<Record<string, string>> = wordTable({
  lawyer: 'lawyer_for',
  attorney: 'lawyer_for',
  spokesman: 'spokesman_for',
  spokeswoman: 'spokesman_for',
  spokesperson: 'spokesman_for',
  ally: 'ally_of',
  member: 'member_of',
  members: 'member_of',
  president: 'leads',
  chief: 'leads',
  bosses: 'leads',
  boss: 'leads',
  chairman: 'leads',
  head: 'leads',
  leader: 'leads',
  founder: 'leads',
  executive: 'works_for',
  director: 'works_for',
  // Plurals introduce a list: "two of its top executives, A and B", "the company's lawyers, A and B".
  executives: 'works_for',
  directors: 'works_for',
  employees: 'works_for',
  lawyers: 'lawyer_for',
  // "Baker Lane's client Acme", "the firm's client X": the owner acts for its client.
  client: 'lawyer_for',
  clients: 'lawyer_for',
  attorneys: 'lawyer_for',
  son: 'child_of',
  father: 'father_of',
  daughter: 'child_of',
  wife: 'spouse_of',
  husband: 'spouse_of',
  adviser: 'works_for',
  aide: 'works_for',
  lieutenant: 'works_for',
  lieutenants: 'works_for',
  colleague: 'colleague_of',
  journalist: 'works_for',
  employee: 'works_for',
  representative: 'works_for',
  owner: 'owner_of',
  envoy: 'envoy_of',
  ambassador: 'envoy_of',
  emissary: 'envoy_of',
  deputy: 'deputy_of',
  ceo: 'leads',
  chairwoman: 'leads',
  chairperson: 'leads',
  governor: 'leads',
  mayor: 'leads',
  cfo: 'works_for',
  controller: 'works_for',
  agent: 'works_for',
  treasurer: 'works_for',
  coo: 'works_for',
  manager: 'works_for',
  coach: 'works_for',
  editor: 'works_for',
  reporter: 'works_for',
  correspondent: 'works_for',
  officer: 'works_for',
  prosecutor: 'works_for',
  captain: 'member_of',
  player: 'member_of',
  judge: 'member_of',
  partner: 'partner_of',
  confidant: 'confidant_of',
  confidante: 'confidant_of',
  friend: 'friend_of',
  associate: 'associate_of',
  rival: 'rival_of',
  heir: 'heir_of',
  successor: 'successor_of',
  predecessor: 'predecessor_of',
  brother: 'sibling_of',
  sister: 'sibling_of',
  mother: 'mother_of',
  cousin: 'relative_of',
  nephew: 'relative_of',
  niece: 'relative_of',
  counsel: 'lawyer_for',
  auditor: 'works_for',
  accountant: 'works_for',
  secretary: 'works_for',
});
/**
 * Every type this extractor can give an interaction, for consumers that prepare per-type work (the
 * loader's typed statements). Types built at run time beyond these ("former_…") are still valid.
 */
export const INTERACTION_TYPES: readonly string[] = [
  ...new Set([
    ...Object.keys(INTERACTION_VERBS),
    ...Object.values(INTERACTION_NOUNS),
    ...Object.values(RELATION_NOUNS),
    'former_president_of',
    'formerly_led',
    'formerly_worked_for',
    'allegedly_met',
    'associated_with', // the likely-link model's pairs with no verb between them
  ]),
];

/** A relation noun needs a possessor or "of/for" to be trusted: "Justice Department special counsel X" is a title. */
export const NEEDS_POSSESSOR = new Set(['lawyer_for']);

export const VERB_TYPE = new Map<string, string>();
for (const [type, lemmas] of Object.entries(INTERACTION_VERBS)) for (const l of lemmas) VERB_TYPE.set(l, type);

/** Irregular past forms of the vocabulary's verbs. */
const IRREGULAR: Readonly<Record<string, string>> = wordTable({
  met: 'meet',
  spoke: 'speak',
  spoken: 'speak',
  sought: 'seek',
  told: 'tell',
  paid: 'pay',
  lied: 'lie',
  lying: 'lie',
});

export const HEDGES =
  /\b(allegedly|alleged|reportedly|purportedly|supposedly|supposed|apparently|suspected|said to|claims?|according to|suggesting|possible|possibly|may have|might have|arguably)\b/i;

/** Called for every token: answers are cached by word form (bounded, as any text brings new words). */
const lemmaCache = new Map<string, string | null>();
const LEMMA_CACHE_MAX = 50_000;

/** The vocabulary lemma of a word form, if it has one: "accusing" -> "accuse", "sues" -> "sue", "met" -> "meet". */
export function lemmaOf(word: string): string | undefined {
  const cached = lemmaCache.get(word);
  if (cached !== undefined) return cached ?? undefined;
  if (lemmaCache.size >= LEMMA_CACHE_MAX) lemmaCache.clear();
  const lemma = findLemma(word.toLowerCase());
  lemmaCache.set(word, lemma ?? null);
  return lemma;
}

function findLemma(w: string): string | undefined {
  const irregular = IRREGULAR[w];
  if (irregular) return irregular;
  const candidates = [
    w,
    w.replace(/ies$/, 'y'),
    w.replace(/ied$/, 'y'),
    w.replace(/e?s$/, ''),
    w.replace(/s$/, ''),
    w.replace(/ed$/, ''),
    w.replace(/d$/, ''),
    w.replace(/ing$/, ''),
    w.replace(/ing$/, 'e'),
    w.replace(/(\w)\1(ed|ing)$/, '$1'),
  ];
  return candidates.find((c) => VERB_TYPE.has(c));
}

/** "X reported/alleged/claimed that Y …": X accuses Y. */
export const CLAIM_VERBS = new Set(['reported', 'alleged', 'alleges', 'claimed', 'claims', 'asserted', 'charged']);

/** Types where "A and B <verb>" means A <verb> B. */
export const RECIPROCAL = new Set(['met', 'spoke_with']);

/** Acts done to someone who then reports them: "The president said Kim did promise to stop testing." */
export const SPEECH_ACTS = new Set(['promised', 'assured', 'told']);

/** One key for an unordered pair of endpoints: whether two entities are linked, in either direction. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
