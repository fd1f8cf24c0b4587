/**
 * Cross-document entity resolution: maps each article's entities to graph-wide ids, so "Blinken" in
 * one article joins "Antony Blinken" of another while Wang Yi and Wang Xiaohong stay apart. Pure and
 * in memory; the loader fills it from Neo4j once per load and keeps it current as it writes.
 *
 * Rules, per category:
 * - any category: an exact match (case-insensitive, leading "the" and dots ignored) of the name
 *   against a known entity's name or aliases resolves to that entity, when only one has it;
 * - people: a full name ("Antony Blinken") adopts a known surname-only person ("Blinken") and
 *   becomes its name; a surname alone joins the one known person with that surname; with two or more
 *   such people (Wang Yi, Wang Xiaohong) a bare "Wang" joins neither and is marked ambiguous.
 *   The family name may come first (Wang Yi, Xi Jinping) or last (Antony Blinken), and the text does
 *   not say which, so both the first and the last word of a full name count as its surname.
 * Ids are opaque and never change once written; names may grow fuller.
 */
import type { EntityCategory } from '../extract/types.js';

export interface KnownEntity {
  id: string;
  category: EntityCategory;
  name: string;
  aliases: string[];
  kind?: string | null;
  ambiguous?: boolean;
}

export interface Resolution {
  entity: KnownEntity;
  created: boolean;
}

export function formKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^the\s+/, '')
    .replace(/\./g, '')
    .replace(/\s+/g, ' ');
}

function tokens(name: string): string[] {
  return formKey(name).split(' ').filter(Boolean);
}

/** The words of a full name that may be its family name; none for a one-word name. */
function surnames(parts: string[]): string[] {
  return parts.length > 1 ? [...new Set([parts[0]!, parts[parts.length - 1]!])] : [];
}

export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'unnamed'
  );
}

export class EntityIndex {
  private readonly byId = new Map<string, KnownEntity>();
  private readonly byForm = new Map<string, Set<string>>();
  private readonly bySurnames = new Map<string, Set<string>>();

  constructor(known: Iterable<KnownEntity> = []) {
    for (const e of known) this.add(e);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): KnownEntity | undefined {
    return this.byId.get(id);
  }

  resolve(category: EntityCategory, name: string, aliases: readonly string[], kind?: string): Resolution {
    const found = this.find(category, name);
    if (found) {
      this.merge(found, name, aliases, kind);
      return { entity: found, created: false };
    }
    const entity: KnownEntity = { id: this.freeId(category, name), category, name, aliases: [...aliases], kind: kind ?? null };
    if (category === 'person' && tokens(name).length === 1 && this.sharingSurname(formKey(name)).length > 1) entity.ambiguous = true;
    this.add(entity);
    return { entity, created: true };
  }

  private find(category: EntityCategory, name: string): KnownEntity | undefined {
    const key = formKey(name);
    const exact = this.candidates(key, category);
    if (exact.length === 1) return exact[0];
    if (exact.length > 1) return exact.find((e) => formKey(e.name) === key);
    if (category !== 'person') return undefined;

    const parts = tokens(name);
    if (parts.length === 1) {
      const sameSurname = this.sharingSurname(parts[0]!);
      return sameSurname.length === 1 ? sameSurname[0] : undefined;
    }
    // A full name adopts a surname-only person, unless that one stands for several people.
    for (const surname of surnames(parts)) {
      const bare = this.candidates(surname, 'person').filter((e) => tokens(e.name).length === 1 && !e.ambiguous);
      if (bare.length === 1 && this.sharingSurname(surname).length === 0) return bare[0];
    }
    return undefined;
  }

  /** Known people with a full name whose first or last word is this one. */
  private sharingSurname(word: string): KnownEntity[] {
    return [...(this.bySurnames.get(word) ?? [])].map((id) => this.byId.get(id)!);
  }

  private candidates(key: string, category: EntityCategory): KnownEntity[] {
    return [...(this.byForm.get(key) ?? [])].map((id) => this.byId.get(id)!).filter((e) => e.category === category);
  }

  /** Keeps the fullest name as canonical and every other form as an alias. */
  private merge(entity: KnownEntity, name: string, aliases: readonly string[], kind?: string): void {
    const forms = new Map<string, string>();
    for (const form of [entity.name, ...entity.aliases, name, ...aliases]) if (!forms.has(formKey(form))) forms.set(formKey(form), form);
    if (tokens(name).length > tokens(entity.name).length) {
      this.unindexSurname(entity);
      entity.name = name;
      entity.ambiguous = false;
    }
    entity.aliases = [...forms.values()].filter((f) => formKey(f) !== formKey(entity.name));
    entity.kind = entity.kind ?? kind ?? null;
    this.index(entity);
  }

  private add(entity: KnownEntity): void {
    this.byId.set(entity.id, entity);
    this.index(entity);
  }

  private index(entity: KnownEntity): void {
    for (const form of [entity.name, ...entity.aliases]) {
      const key = formKey(form);
      if (!this.byForm.has(key)) this.byForm.set(key, new Set());
      this.byForm.get(key)!.add(entity.id);
    }
    if (entity.category !== 'person') return;
    for (const surname of surnames(tokens(entity.name))) {
      if (!this.bySurnames.has(surname)) this.bySurnames.set(surname, new Set());
      this.bySurnames.get(surname)!.add(entity.id);
    }
  }

  private unindexSurname(entity: KnownEntity): void {
    for (const surname of surnames(tokens(entity.name))) this.bySurnames.get(surname)?.delete(entity.id);
  }

  private freeId(category: EntityCategory, name: string): string {
    const base = `${category}:${slug(name)}`;
    let id = base;
    for (let n = 2; this.byId.has(id); n++) id = `${base}-${n}`;
    return id;
  }
}
