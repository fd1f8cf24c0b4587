/**
 * The vocabulary of allegations: ordinary English of courts, police and reporting. Every list
 * holds general words (lemmas and their inflections), never a phrase of one story: a rule that
 * reads them must fire the same way on a news article of any outlet and topic.
 */

/** A regular verb's forms: "accuse" → accuse, accuses, accused, accusing. */
function verb(lemma: string, ...irregular: string[]): string[] {
  const stem = lemma.endsWith('e') ? lemma.slice(0, -1) : lemma;
  return [lemma, `${lemma}s`, lemma.endsWith('e') ? `${lemma}d` : `${lemma}ed`, `${stem}ing`, ...irregular];
}
const words = (...lists: string[][]): Set<string> => new Set(lists.flat());

/** Words that always present a claim of wrongdoing: "alleges", "accused of", "indicted". */
export const ALLEGE = words(verb('allege'), ['allegedly', 'allegation', 'allegations']);
export const ACCUSE = words(verb('accuse'), ['accusation', 'accusations']);
export const INDICT = words(verb('indict'), ['indictment', 'indictments'], verb('arraign'), ['re-arraigned', 'rearraigned']); // "X arraigned Y": charges read out in court
export const CONVICT = words(['convicted', 'conviction', 'convictions']);
export const SUSPECT = words(['suspected', 'suspicion']);
/** The verb alone: its subject is the author of the suit told of after. */
export const SUING = words(verb('sue'));
export const SUE = words(verb('sue'), ['lawsuit', 'lawsuits']);
export const PROSECUTE = words(['prosecuted', 'prosecuting', 'prosecutes', 'prosecution']);
export const BLAME = words(verb('blame'));
export const WARRANT = words(['warrant', 'warrants', 'arrest-warrant']);
/** "charged with", "faces 12 charges", "corruption charges", "the charge of …" (not "in charge of"). */
export const CHARGE = words(['charge', 'charges', 'charged', 'charging']);
/** "investigated over", "a probe into", "an investigation against": legal when a target or an offence follows. */
export const INVESTIGATE = words(verb('investigate'), verb('probe'), ['investigation', 'investigations', 'inquiry']);
/** "arrested for", "detained over": legal when a reason follows. */
export const ARREST = words(['arrested', 'arrest', 'arrests', 'detained', 'jailed', 'rearrested', 're-arrested']);
/** Complaints and petitions: legal when they are filed against someone or challenge something. */
export const COMPLAINT = words(['complaint', 'complaints', 'petition', 'petitions', 'case', 'suit', 'suits', 'action', 'actions']);
/** What makes "action" a suit: "legal action", "a defamation action", "a class action" (not "action against climate change"). */
export const ACTION_KINDS = words(['legal', 'court', 'civil', 'libel', 'defamation', 'class', 'class-action', 'damages']);

/** Hedges that present a report as a claim: an allegation when what they hedge is wrongdoing. */
export const HEDGE_ADVERBS = words(['reportedly', 'purportedly', 'supposedly', 'apparently']);

/**
 * Verbs of saying and claiming: "X said Y took bribes", "Z called it a fraud". They make an
 * allegation only together with a word of wrongdoing.
 */
export const REPORTING = words(
  verb('say', 'said'),
  verb('claim'),
  verb('contend'),
  verb('assert'),
  verb('argue'),
  ['states', 'stated', 'stating'],
  verb('add'),
  ['calls', 'called', 'calling'],
  verb('describe'),
  verb('condemn'),
  verb('cite'),
  verb('suggest'),
  verb('insist'),
  ['expressed'],
  verb('tell', 'told'),
  verb('write', 'wrote', 'written', 'writing'),
  verb('report'),
  verb('announce'),
  ['claims', 'reports', 'report'],
);

/** Verbs of a finding, an allegation when "that" and a word of wrongdoing follow: "the regulator found that X misled investors". */
export const FINDING = words(['found', 'finds', 'concluded', 'concludes', 'determined', 'ruled', 'rules']);

/** Actions that answer wrongdoing: "sanctions … for their role in a crackdown", "suspended for breaching rules". */
export const SANCTION = words(
  verb('sanction'),
  verb('expel', 'expelled', 'expelling'),
  verb('suspend'),
  verb('fine'),
  verb('ban', 'banned', 'banning'),
  ['disqualify', 'disqualifies', 'disqualified', 'disqualifying'],
  // Questioned, quizzed, summoned … over wrongdoing.
  verb('question'),
  verb('quiz', 'quizzed', 'quizzing'),
  verb('grill'),
  verb('interrogate'),
  verb('summon'),
);

/**
 * Stems of wrongdoing: the object of an allegation. A stem matches the start of a word, so
 * "brib" covers bribe, bribes, bribery, bribed. On its own a stem never makes an allegation:
 * "interference" in "concerns about interference" is a topic, not a claim.
 */
export const WRONGDOING_STEMS = [
  'corrupt',
  'brib',
  'fraud',
  'defraud',
  'embezzl',
  'launder',
  'kickback',
  'extort',
  'graft',
  'abuse',
  'abusing',
  'misuse',
  'misappropriat',
  'rigg',
  'collu',
  'conspir',
  'interfer',
  'meddl',
  'espionage',
  'spied',
  'spying',
  'hacking',
  'hacked',
  'lied',
  'falsely',
  'false',
  'fake',
  'mislead',
  'misled',
  'deceiv',
  'decept',
  'misrepresent',
  'distort',
  'stole',
  'steal',
  'theft',
  'murder',
  'assassinat',
  'killing',
  'tortur',
  'abduct',
  'kidnap',
  'rape',
  'assault',
  'molest',
  'harass',
  'traffick',
  'smuggl',
  'terroris',
  'crime',
  'criminal',
  'illegal',
  'unlawful',
  'violat',
  'breach',
  'incit',
  'obstruct',
  'perjur',
  'wrongdoing',
  'misconduct',
  'negligen',
  'cheat',
  'doping',
  'plagiar',
  'manipulat',
  'cover-up',
  'endanger',
  'persecut',
  'genocide',
  'crackdown',
  'coerc',
  'intimidat',
  'evasion',
  'evad',
  'conceal',
  'under-report',
  'underreport',
  'loot',
  'scam',
  'nepotism',
  'sabotag',
  'irregularit',
  'unfair',
  'defam',
  'libel',
  'slander',
  'homicide',
  'manslaughter',
  'forgery',
  'forged',
  'counterfeit',
  'tamper',
  'retaliat',
  'discriminat',
  'ponzi',
  'insider',
  'overstat',
  'inflated',
  'inflating',
  'swindl',
  'racketeer',
  'grop',
  'falsif',
  'fabricat',
  'siphon',
  'misstat',
  'bully',
  'bullied',
  'blackmail',
  'pilfer',
  'mismanag',
  'dishonest',
  'unethical',
  'illicit',
  'impropr',
  'wrongful',
];

/** Participles whose subject suffered the wrong: "the bank had been deceived", "journalists were assaulted". */
export const VICTIM_PARTICIPLES = new Set([
  'deceived',
  'defrauded',
  'misled',
  'cheated',
  'duped',
  'robbed',
  'hacked',
  'blackmailed',
  'extorted',
  'swindled',
  'assaulted',
  'molested',
  'harassed',
  'abducted',
  'kidnapped',
  'tortured',
]);

/** Heads of compounds that name wrongdoing only in the compound: "match-fixing", "price-fixing". */
export const WRONGDOING_COMPOUND_HEADS = ['fixing', 'dealing', 'washing'];

/** Words that cancel what follows: "was not accused", "no charges", "not to interfere". */
export const NEGATIONS = words(['not', 'no', 'never', 'without', 'nor', "n't", 'neither']);

/** Verbs of denial: "denied", "rejected the claims", "pleaded not guilty" is handled as a phrase. */
export const DENY = words(
  verb('deny', 'denied', 'denies', 'denying'),
  ['denial', 'denials'],
  verb('refute'),
  verb('rebut', 'rebutted', 'rebutting'),
  verb('rebuff'),
);
/** Verbs that deny only when a claim is their object: "dismissed the claims", "rejected the report as …". */
export const REJECT = words(
  verb('reject'),
  verb('dismiss', 'dismisses', 'dismissed', 'dismissing'),
  verb('dispute'),
  verb('contest'),
  verb('challenge'),
  // "vowed to fight the charges", "disagreed with the findings"
  verb('fight', 'fought', 'fighting'),
  verb('disagree', 'disagreed', 'disagrees', 'disagreeing'),
  ['decry', 'decries', 'decried'],
);
/** What one denies: the object after "rejected"/"dismissed" that makes them a denial. */
export const CLAIM_NOUNS = words(
  ['allegation', 'allegations', 'accusation', 'accusations', 'claim', 'claims', 'charge', 'charges', 'report', 'reports'],
  ['wrongdoing', 'suggestion', 'suggestions', 'assertion', 'assertions', 'case', 'impeachment', 'indictment', 'findings', 'it', 'them', 'this', 'that', 'as'],
);
/** "denied bail": the other sense of deny. */
export const DENIED_THINGS = words(['bail', 'entry', 'access', 'visa', 'visas', 'permission', 'request', 'parole', 'asylum', 'service', 'funding']);
/** Words after which a denial word names a verdict of innocence: "politically motivated", "witch hunt". */
export const DENIAL_ADJECTIVES = words([
  'baseless',
  'unfounded',
  'groundless',
  'innocent',
  'innocence',
  'fabricated',
  'witch-hunt',
  'absurd',
  'nonsense',
  'untrue',
  'false',
  'frivolous',
  'meritless',
  'malicious',
  'unsubstantiated',
  'inaccurate',
  'erroneous',
  'ridiculous',
  'outrageous',
  'smear',
  'vendetta',
]);

export const BE = words(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", 'am']);
export const DETERMINERS = words(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'my', 'your', 'this', 'these', 'those', 'that']);
/** Words that end a clause: a subject or object is never looked for across them. */
export const CLAUSE_BREAKS = words([
  ';',
  '–',
  '—',
  '-',
  ':',
  'that',
  'which',
  'while',
  'but',
  'although',
  'because',
  'whether',
  'if',
  'when',
  'where',
  '“',
  '”',
  '"',
  '(',
  ')',
]);
/** Nouns of an act whose possessor is its doer: "Ruritania's alleged attempts", "the mayor's claims". */
export const ACT_NOUNS = words([
  'alleged',
  'attempt',
  'attempts',
  'effort',
  'efforts',
  'role',
  'roles',
  'conduct',
  'actions',
  'involvement',
  'campaign',
  'claims',
]);
/** What an outlet is called after its name: "the newspaper", "the broadcaster", "the weekly". */
export const OUTLET_NOUNS = words([
  'paper',
  'newspaper',
  'station',
  'network',
  'broadcaster',
  'magazine',
  'channel',
  'outlet',
  'publication',
  'website',
  'weekly',
  'tabloid',
]);
/** Nouns of a legal action or claim, whose "against X", "by X" and possessor name its parties. */
export const LEGAL_NOUNS = words(
  ['allegation', 'allegations', 'accusation', 'accusations', 'charge', 'charges', 'claims', 'lawsuit', 'lawsuits', 'case', 'cases'],
  ['complaint', 'complaints', 'petition', 'petitions', 'investigation', 'investigations', 'probe', 'inquiry', 'indictment', 'warrant'],
  ['sanctions', 'proceedings', 'report', 'reports', 'suit', 'suits', 'action'],
);
/** Outlets' sources: "according to X", "as per X", "cited by X", "reports from X". */
export const SOURCE_PREPOSITIONS = words(['per', 'from']);

/** Legal participles whose passive subject is the accused: "X was charged", "who has been accused". */
export const PASSIVE_ACCUSED = new Set([
  'accused',
  'rearrested',
  're-arrested',
  'charged',
  'indicted',
  'convicted',
  'arrested',
  'investigated',
  'probed',
  'sued',
  'sanctioned',
  'prosecuted',
  'suspected',
  'suspended',
  'fined',
  'detained',
  'jailed',
  'expelled',
  'banned',
  'impeached',
  'sentenced',
  'blamed',
  'alleged',
  'questioned',
  'quizzed',
  'grilled',
  'interrogated',
  'summoned',
]);

/** Penalties that name their reason ("fined … for", "banned over"): no word of wrongdoing needed. */
export const PENALTY = new Set(['fined', 'banned', 'sanctioned', 'penalised', 'penalized']);

/**
 * Documents that make claims in their authors' name: "the lawsuit accuses X", "the report claims",
 * "according to the indictment". Each maps to the kind of document its author is remembered under.
 */
export const DOCUMENTS = new Map<string, string>([
  ['lawsuit', 'suit'],
  ['suit', 'suit'],
  ['complaint', 'suit'],
  ['petition', 'suit'],
  ['report', 'report'],
  ['study', 'report'],
  ['indictment', 'indictment'],
  ['filing', 'suit'],
]);

/** Verbs whose subject publishes or files a document: "X published a report", "X filed a lawsuit". */
export const PUBLISHING = new Set(['published', 'publishes', 'released', 'releases', 'issued', 'issues', 'filed', 'files', 'wrote', 'authored', 'brought']);

/** "faces 12 charges", "facing accusations": the subject of "face" is the accused. */
export const FACE = new Set(['face', 'faces', 'faced', 'facing']);
/** "X paid $5m to settle charges": who settles a case is its accused. */
export const SETTLE = new Set(['settle', 'settles', 'settled', 'settling']);
