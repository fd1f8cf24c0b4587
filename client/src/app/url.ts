/**
 * The view in the address bar, so a link reproduces it: the entity the canvas was opened on, then each
 * step taken since, in order — `?focus=person:antony-blinken&expand=person:wang-yi&more=…&collapse=…`.
 * The steps that built the canvas live in the graph's own attributes (`view`), so undo and redo, which
 * restore the graph, restore them too and the address follows (app/url-state.ts writes it). Pure
 * functions, tested in node.
 */
import type { ViewGraph } from '../graph/model.js';

export const STEP_KINDS = ['expand', 'more', 'collapse'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export interface Step {
  kind: StepKind;
  id: string;
}

/** What the canvas was built from: an entity's neighbourhood (or the overview, `focus` null) and steps on it. */
export interface View {
  focus: string | null;
  steps: Step[];
}

export interface ParsedUrl {
  view: View;
  /** `pageSize=N`: neighbours per page, for trying paging on a small graph. */
  pageSize: number | null;
  /** `investigation=ID`: a saved investigation to open instead of the view (investigations/). */
  investigation: string | null;
  /** What was left out of the address and why, for a toast. */
  problems: string[];
}

/** Ids are ours (person:antony-blinken) or Neo4j element ids: short and printable. The server allows 300 characters. */
const MAX_ID_LENGTH = 300;
/** A link replays its steps one request after another: a bound keeps a hostile link from running on. */
export const MAX_STEPS = 100;
export const MAX_PAGE_SIZE = 5000;
const VIEW_KEYS = new Set<string>(['focus', ...STEP_KINDS]);

function isEntityId(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  return value.length > 0 && value.length <= MAX_ID_LENGTH && !/[\u0000-\u001f\u007f]/.test(value);
}

function isStepKind(key: string): key is StepKind {
  return (STEP_KINDS as readonly string[]).includes(key);
}

/** Reads the view from a query string; what is malformed is left out and said in `problems`. */
export function parseViewUrl(search: string): ParsedUrl {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  let focus: string | null = null;
  let steps: Step[] = [];
  let pageSize: number | null = null;
  for (const [key, value] of params) {
    if (key === 'pageSize') {
      const n = Number(value);
      if (Number.isInteger(n) && n >= 1 && n <= MAX_PAGE_SIZE) pageSize = n;
      else problems.push(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}, not "${value.slice(0, 40)}"`);
      continue;
    }
    if (!VIEW_KEYS.has(key)) continue;
    if (!isEntityId(value)) {
      problems.push(`${key}=… is not an entity id`);
      continue;
    }
    if (key === 'focus') {
      // A focus replaces the canvas: steps before it no longer apply.
      focus = value;
      steps = [];
    } else if (isStepKind(key)) {
      steps.push({ kind: key, id: value });
    }
  }
  const investigation = params.get('investigation');
  if (steps.length > MAX_STEPS) {
    problems.push(`only the first ${MAX_STEPS} of the link's ${steps.length} steps are replayed`);
    steps = steps.slice(0, MAX_STEPS);
  }
  return { view: { focus, steps }, pageSize, problems, investigation: investigation && investigation.length <= 100 ? investigation : null };
}

/** An id in a query value: encoded, but the colon of person:antony-blinken left readable (RFC 3986 allows it). */
function encodeId(id: string): string {
  return encodeURIComponent(id).replace(/%3A/gi, ':');
}

/** The query string for `view`, keeping the parameters of `search` that are not the view's (pageSize, others'). */
export function formatViewUrl(view: View | null, search = ''): string {
  const kept = new URLSearchParams(search);
  for (const key of VIEW_KEYS) kept.delete(key);
  const parts = kept.toString() ? [kept.toString()] : [];
  if (view?.focus) parts.push(`focus=${encodeId(view.focus)}`);
  for (const step of view?.steps ?? []) parts.push(`${step.kind}=${encodeId(step.id)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The view the canvas holds, or null when it came from somewhere a link cannot replay (a query, a path). */
export function viewOf(graph: ViewGraph): View | null {
  const view = graph.getAttribute('view') as View | undefined;
  if (view) return view;
  return graph.getAttribute('scope') === 'overview' ? { focus: null, steps: [] } : null;
}

/** Call right after the canvas was replaced by `id`'s neighbourhood. */
export function recordFocus(graph: ViewGraph, id: string): void {
  graph.setAttribute('view', { focus: id, steps: [] } satisfies View);
}

/** Call right after a step changed the canvas (inside the same undo step: after the change, before any other). */
export function recordStep(graph: ViewGraph, step: Step): void {
  const view = viewOf(graph);
  // A fresh object: undo snapshots hold the old one.
  if (view) graph.setAttribute('view', { focus: view.focus, steps: [...view.steps, step] } satisfies View);
}
