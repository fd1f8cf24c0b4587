/**
 * Investigations as data: what the explorer keeps of its canvas when one is saved (the view in the
 * address, every node and where it is, the filters, the style), and that state read back, every part
 * checked, since it comes from the server and may be older than this explorer. The address names the
 * open investigation (`?investigation=ID`). No DOM: tested in node.
 */
import type { InvestigationState } from '../../../common/curate.js';
import { DEFAULT_APPEARANCE, COLOR_CHOICES, SIZE_CHOICES, WIDTH_CHOICES, type Appearance } from '../graph/appearance.js';
import type { ViewGraph } from '../graph/model.js';
import type { Choices } from '../filters/model.js';
import { STEP_KINDS, type View } from '../app/url.js';

export const INVESTIGATION_PARAM = 'investigation';

/** The filters as JSON: the hidden sets as lists. */
export interface SavedFilters {
  hiddenKinds: string[];
  hiddenRelTypes: string[];
  hiddenDocuments: string[];
  minDegree: number;
  minDocuments: number;
}

export function saveFilters(choices: Choices): SavedFilters {
  return {
    hiddenKinds: [...choices.hiddenKinds].sort(),
    hiddenRelTypes: [...choices.hiddenRelTypes].sort(),
    hiddenDocuments: [...choices.hiddenDocuments].sort(),
    minDegree: choices.minDegree,
    minDocuments: choices.minDocuments,
  };
}

/** The canvas's state: `view` null when the canvas came from somewhere a link cannot replay (a query, a path). */
export function captureState(graph: ViewGraph, view: View | null, choices: Choices, appearance: Appearance): InvestigationState {
  const positions: InvestigationState['positions'] = {};
  graph.forEachNode((node, { x, y }) => (positions[node] = { x, y }));
  return { view, positions, filters: saveFilters(choices), style: { ...appearance }, nodes: graph.nodes() };
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const whole = (value: unknown, min: number): number => (typeof value === 'number' && Number.isInteger(value) && value >= min ? value : min);
const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});

/** Saved filters as choices; anything missing or malformed hides nothing. */
export function readFilters(value: unknown): SavedFilters {
  const f = record(value);
  return {
    hiddenKinds: strings(f.hiddenKinds),
    hiddenRelTypes: strings(f.hiddenRelTypes),
    hiddenDocuments: strings(f.hiddenDocuments),
    minDegree: whole(f.minDegree, 0),
    minDocuments: whole(f.minDocuments, 1),
  };
}

function choice<K extends string>(value: unknown, choices: Readonly<Record<K, string>>, fallback: K): K {
  return typeof value === 'string' && Object.hasOwn(choices, value) ? (value as K) : fallback;
}

/** A saved style; a choice this explorer does not know falls back to the default. */
export function readStyle(value: unknown): Appearance {
  const s = record(value);
  return {
    color: choice(s.color, COLOR_CHOICES, DEFAULT_APPEARANCE.color),
    size: choice(s.size, SIZE_CHOICES, DEFAULT_APPEARANCE.size),
    width: choice(s.width, WIDTH_CHOICES, DEFAULT_APPEARANCE.width),
  };
}

/** A saved view the address can hold again, or null. */
export function readView(value: unknown): View | null {
  if (value === null || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const focus = typeof v.focus === 'string' ? v.focus : null;
  if (v.focus !== null && focus === null) return null;
  if (!Array.isArray(v.steps)) return null;
  const steps = v.steps.filter(
    (s): s is View['steps'][number] =>
      typeof s === 'object' &&
      s !== null &&
      (STEP_KINDS as readonly string[]).includes((s as { kind: unknown }).kind as string) &&
      typeof (s as { id: unknown }).id === 'string',
  );
  return { focus, steps };
}

/** The open investigation's id in a query string, or null. */
export function investigationOf(search: string): string | null {
  const id = new URLSearchParams(search).get(INVESTIGATION_PARAM);
  return id && id.length <= 100 ? id : null;
}

/**
 * The query string with `investigation=id` set (first, so it reads first), or taken out when null; the
 * other parameters stay exactly as written (the view's readable ids).
 */
export function withInvestigation(search: string, id: string | null): string {
  const rest = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part && !part.startsWith(`${INVESTIGATION_PARAM}=`));
  const parts = [...(id ? [`${INVESTIGATION_PARAM}=${encodeURIComponent(id)}`] : []), ...rest];
  return parts.length ? `?${parts.join('&')}` : '';
}

export type InvestigationFormat = 'json' | 'pack';

export function exportUrl(id: string, format: InvestigationFormat): string {
  return `/api/investigations/${encodeURIComponent(id)}/export?format=${format}`;
}

/** "12 nodes · saved by Ann" for the list. */
export function summaryLine(summary: { nodes: number; by: string }): string {
  return `${summary.nodes} node${summary.nodes === 1 ? '' : 's'} · by ${summary.by}`;
}
