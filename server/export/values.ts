/**
 * Neo4j's temporal and spatial values, which the driver hands over as objects. Each format writes them
 * in its own way: as ISO 8601 text in JSON, GraphML and GEXF; with their type in a CSV header; as
 * `datetime('…')` calls in a Cypher script, so that a replay gives back the same types.
 */
import neo4j, { type Point } from 'neo4j-driver';

export const TEMPORAL_TYPES = ['datetime', 'localdatetime', 'date', 'time', 'localtime', 'duration'] as const;
export type TemporalType = (typeof TEMPORAL_TYPES)[number];
export type SpecialType = TemporalType | 'point';

/** The Cypher type of a driver value that is neither a primitive nor a list, or null for anything else. */
export function specialTypeOf(value: unknown): SpecialType | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  if (neo4j.isDateTime(value)) return 'datetime';
  if (neo4j.isLocalDateTime(value)) return 'localdatetime';
  if (neo4j.isDate(value)) return 'date';
  if (neo4j.isTime(value)) return 'time';
  if (neo4j.isLocalTime(value)) return 'localtime';
  if (neo4j.isDuration(value)) return 'duration';
  if (neo4j.isPoint(value)) return 'point';
  return null;
}

/** A point as a Cypher map: {srid: 4326, x: 1.5, y: 2.5}. */
export function pointMap(point: Point): Record<string, number> {
  const { srid, x, y, z } = point as Point & { srid: number; z?: number };
  return { srid: Number(srid), x, y, ...(z === undefined ? {} : { z }) };
}

/** A value as text: temporals in ISO 8601 (what Cypher's own toString gives), points as JSON. */
export function specialText(value: object): string {
  return neo4j.isPoint(value) ? JSON.stringify(pointMap(value as Point)) : String(value);
}

/**
 * Properties fit for JSON: special values as text. The same object comes back when it holds none,
 * which is nearly always (only a document's loadedAt is a datetime), so a large export copies nothing.
 */
export function jsonProperties(properties: Record<string, unknown>): Record<string, unknown> {
  let plain: Record<string, unknown> | undefined;
  for (const key in properties) {
    const value = properties[key];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) (plain ??= { ...properties })[key] = specialText(value);
  }
  return plain ?? properties;
}
