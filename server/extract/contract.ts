/**
 * The stable JSON of `newsgraph extract --json`, read by evaluation tools:
 * {"documents":[{"file","people":[{"name","aliases"}],"institutions":[{"name","aliases","kind"}],
 *   "places":[{"name","aliases"}],"interactions":[{"type","source","target","sentence"}],
 *   "allegations":[{"claim","alleged_by","against","reported_by","denied_by","sentence"}]}]}
 * The contract makes alleged_by/against/reported_by/denied_by one canonical name or null; every name
 * is kept in the extra `*_all` lists. Offsets, roles and hedges are extra fields too.
 */
import type { Allegation, DocumentExtraction, ExtractedEntity, Interaction } from './types.js';

export interface ContractEntity {
  name: string;
  aliases: string[];
  kind?: string;
  roles?: { title: string; institution: string | null }[];
  mentions: number;
}

export interface ContractInteraction {
  type: string;
  source: string;
  target: string;
  sentence: string;
  start: number;
  end: number;
  hedged: boolean;
}

export interface ContractAllegation {
  claim: string;
  alleged_by: string | null;
  against: string | null;
  reported_by: string | null;
  denied_by: string | null;
  alleged_by_all: string[];
  against_all: string[];
  reported_by_all: string[];
  denied_by_all: string[];
  sentence: string;
  start: number;
  end: number;
  hedge: string | null;
}

export interface ContractDocument {
  file: string;
  title: string | null;
  people: ContractEntity[];
  institutions: ContractEntity[];
  places: ContractEntity[];
  interactions: ContractInteraction[];
  allegations: ContractAllegation[];
}

function entity(e: ExtractedEntity): ContractEntity {
  return {
    name: e.name,
    aliases: e.aliases,
    ...(e.kind ? { kind: e.kind } : {}),
    ...(e.roles?.length ? { roles: e.roles.map(({ title, institution }) => ({ title, institution })) } : {}),
    mentions: e.mentions.length,
  };
}

function interaction(i: Interaction): ContractInteraction {
  return { type: i.type, source: i.source, target: i.target, sentence: i.evidence.text, start: i.evidence.start, end: i.evidence.end, hedged: i.hedged };
}

function allegation(a: Allegation): ContractAllegation {
  return {
    claim: a.claim,
    alleged_by: a.alleged_by[0] ?? null,
    against: a.against[0] ?? null,
    reported_by: a.reported_by[0] ?? null,
    denied_by: a.denied_by[0] ?? null,
    alleged_by_all: a.alleged_by,
    against_all: a.against,
    reported_by_all: a.reported_by,
    denied_by_all: a.denied_by,
    sentence: a.evidence.text,
    start: a.evidence.start,
    end: a.evidence.end,
    hedge: a.hedge,
  };
}

export function toContractDocument(file: string, title: string | null, x: DocumentExtraction): ContractDocument {
  return {
    file,
    title,
    people: x.people.map(entity),
    institutions: x.institutions.map(entity),
    places: x.places.map(entity),
    interactions: x.interactions.map(interaction),
    allegations: x.allegations.map(allegation),
  };
}
