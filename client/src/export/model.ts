/**
 * The export dialog as data, with pure functions (no DOM, no fetch): the scopes the explorer's state
 * allows (a focused entity, a path on show, a query run), the formats and what opens each, what the
 * dialog holds (the choices, an export under way, why the last one failed) and how each step changes
 * it, and the request a choice makes — an image drawn in the browser, or a file the server writes
 * (POST /api/export).
 */
import { EXPORT_FILES, exportFileName, type ExportFormatName, type ExportScope } from '../../../common/export.js';

export type ScopeChoice = 'visible' | 'neighbourhood' | 'path' | 'query' | 'all';
export type ImageFormat = 'png' | 'svg';
export type FormatChoice = ExportFormatName | ImageFormat;
export type Depth = 1 | 2 | 3;

export interface Named {
  id: string;
  name: string;
}

/** What the explorer shows when the dialog opens. */
export interface ExportContext {
  /** The nodes the filters show, and their layout (asked for only when sent). */
  visible: { ids: readonly string[]; positions: () => Record<string, [number, number]> };
  /** The entity or allegation open in the panel. */
  focus: Named | null;
  /** The path on show, its ends and length in links. */
  path: { from: Named; to: Named; hops: number } | null;
  /** The last query the console ran without error. */
  query: string | null;
  /** That query returned values only (counts, names, dates): no node, so no graph to export. */
  queryValuesOnly?: boolean;
  /** The timeline's range, days inclusive: a data export keeps the links with evidence in it, as the canvas does. */
  range?: { from: string; to: string } | null;
}

export interface FormatInfo {
  value: FormatChoice;
  label: string;
  /** What opens the file. */
  opensWith: string;
  image: boolean;
}

export const FORMATS: readonly FormatInfo[] = [
  { value: 'json', label: 'JSON', opensWith: "newsgraph's graph file (graphology JSON): graphology, sigma.js, your scripts", image: false },
  {
    value: 'evidence',
    label: 'Evidence pack (JSON)',
    opensWith: 'The graph with every link’s evidence sentences and their documents: review, archiving',
    image: false,
  },
  { value: 'graphml', label: 'GraphML', opensWith: 'yEd, Gephi, Cytoscape, NetworkX (read_graphml)', image: false },
  { value: 'gexf', label: 'GEXF', opensWith: 'Gephi (keeps the layout), NetworkX (read_gexf), graphology', image: false },
  { value: 'csv', label: 'CSV (zip)', opensWith: 'Nodes and relationships for neo4j-admin import; Excel, LibreOffice, pandas', image: false },
  { value: 'cypher', label: 'Cypher script', opensWith: 'Statements that rebuild the graph in Neo4j: cypher-shell, Neo4j Browser', image: false },
  { value: 'png', label: 'PNG image', opensWith: 'The canvas as a picture: slides, reports, messages', image: true },
  { value: 'svg', label: 'SVG image', opensWith: 'The canvas as a vector drawing: Inkscape, Illustrator, web pages', image: true },
];

/** Why images are off: they draw the canvas, which shows the visible graph only. */
export const IMAGE_HINT = 'Images draw the canvas: choose “Visible graph” to make one.';

export const isImage = (format: FormatChoice): format is ImageFormat => format === 'png' || format === 'svg';

export interface ScopeOption {
  value: ScopeChoice;
  label: string;
  /** What it holds, or why it cannot be chosen now. */
  detail: string;
  enabled: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The query's first line, cut to `max` characters, for a one-line hint. */
export function queryPreview(query: string, max = 70): string {
  const line = query.trim().split('\n')[0]!.trim();
  const more = line.length > max || query.trim().includes('\n');
  return more ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

export function scopeOptions(context: ExportContext): ScopeOption[] {
  const { visible, focus, path, query, queryValuesOnly = false } = context;
  const shown = visible.ids.length;
  return [
    {
      value: 'visible',
      label: 'Visible graph',
      detail: shown ? `${plural(shown, 'node')} as the filters show them, with their positions` : 'Nothing is shown on the canvas',
      enabled: shown > 0,
    },
    {
      value: 'neighbourhood',
      label: focus ? `Neighbourhood of ${focus.name}` : 'Neighbourhood',
      detail: focus ? 'What lies within the chosen number of links of it, documents aside' : 'Open an entity or allegation first (search, or click a node)',
      enabled: focus !== null,
    },
    {
      value: 'path',
      label: path ? `Path ${path.from.name} → ${path.to.name}` : 'Path',
      detail: path ? `The shortest paths between them (${plural(path.hops, 'link')})` : 'Find a path first (Paths, in the top bar)',
      enabled: path !== null,
    },
    {
      value: 'query',
      label: 'Last query',
      detail: !query
        ? 'Run a query in the console first (Query, in the top bar)'
        : queryValuesOnly
          ? 'It returned values only, no nodes: nothing to export as a graph (its table stays in the console)'
          : queryPreview(query),
      enabled: query !== null && !queryValuesOnly,
    },
    { value: 'all', label: 'Whole graph', detail: 'Every node and relationship, documents and mentions included', enabled: true },
  ];
}

export type ExportRequest =
  | { kind: 'image'; format: ImageFormat; fileName: string }
  | {
      kind: 'data';
      format: ExportFormatName;
      scope: ExportScope;
      positions?: Record<string, [number, number]>;
      /** The timeline's range, sent as from/to. */
      range?: { from: string; to: string };
      /** The name to use if the server's reply does not give one. */
      fileName: string;
    };

/**
 * The request for `format` of `scope`. Throws, with words for the user, when the choice cannot be made
 * now (the dialog disables such choices; this is the last guard).
 */
export function exportRequest(scope: ScopeChoice, format: FormatChoice, depth: Depth, context: ExportContext, at = new Date()): ExportRequest {
  const option = scopeOptions(context).find((o) => o.value === scope)!;
  if (!option.enabled) throw new Error(option.detail);
  if (isImage(format)) {
    if (scope !== 'visible') throw new Error(IMAGE_HINT);
    return { kind: 'image', format, fileName: exportFileName({ kind: 'view' }, format, at) };
  }
  let wire: ExportScope;
  let positions: Record<string, [number, number]> | undefined;
  switch (scope) {
    case 'visible':
      wire = { kind: 'nodes', ids: [...context.visible.ids] };
      positions = context.visible.positions();
      break;
    case 'neighbourhood':
      wire = { kind: 'neighbourhood', id: context.focus!.id, depth };
      break;
    case 'path':
      // The shortest paths all have the shown one's length: asking for that length gets them all, and no longer ones.
      wire = { kind: 'path', from: context.path!.from.id, to: context.path!.to.id, maxLength: context.path!.hops };
      break;
    case 'query':
      wire = { kind: 'cypher', query: context.query! };
      break;
    case 'all':
      wire = { kind: 'all' };
      break;
  }
  return {
    kind: 'data',
    format,
    scope: wire,
    ...(positions ? { positions } : {}),
    ...(context.range ? { range: context.range } : {}),
    fileName: exportFileName(wire, EXPORT_FILES[format].extension, at),
  };
}

/** The path `#graph[data-path]` holds (node ids in walking order, space-separated), with names from `nameOf`. */
export function pathOf(walk: string | undefined, nameOf: (id: string) => string): ExportContext['path'] {
  const ids = walk?.split(' ').filter(Boolean) ?? [];
  if (ids.length < 2) return null;
  const [from, to] = [ids[0]!, ids[ids.length - 1]!];
  return { from: { id: from, name: nameOf(from) }, to: { id: to, name: nameOf(to) }, hops: ids.length - 1 };
}

/** The explorer before the dialog first opens: nothing to offer but the whole graph. */
export const NO_CONTEXT: ExportContext = { visible: { ids: [], positions: () => ({}) }, focus: null, path: null, query: null };

/** The dialog: what the explorer held when it opened, what is chosen, and how the export goes. */
export interface DialogState {
  context: ExportContext;
  scope: ScopeChoice;
  format: FormatChoice;
  depth: Depth;
  /** An export is under way: Export does nothing until it ends. */
  running: boolean;
  /** Why the last try failed, for the dialog's alert; empty once the user opens the dialog or changes a choice. */
  error: string;
}

export const INITIAL_DIALOG: DialogState = { context: NO_CONTEXT, scope: 'visible', format: 'json', depth: 1, running: false, error: '' };

/** Images draw the canvas, which shows the visible graph only. */
export const imagesAllowed = (scope: ScopeChoice): boolean => scope === 'visible';

/** An image chosen before its scope went falls back to JSON, a format every scope allows. */
function withAllowedFormat(state: DialogState): DialogState {
  return isImage(state.format) && !imagesAllowed(state.scope) ? { ...state, format: 'json' } : state;
}

/**
 * The dialog opens on what the explorer holds now. The choices of the last opening stay, except a scope
 * it no longer offers: that gives way to the visible graph, or to the whole graph when nothing is shown.
 */
export function opened(state: DialogState, context: ExportContext): DialogState {
  const offered = scopeOptions(context).find((o) => o.value === state.scope)!.enabled;
  const scope = offered ? state.scope : context.visible.ids.length ? 'visible' : 'all';
  return withAllowedFormat({ ...state, context, scope, error: '' });
}

/** The user picks a scope, a format or a depth: the last failure no longer applies. */
export function chosen(state: DialogState, choice: Partial<Pick<DialogState, 'scope' | 'format' | 'depth'>>): DialogState {
  return withAllowedFormat({ ...state, ...choice, error: '' });
}

/**
 * Export pressed: the request to send, with the export marked under way; or no request, with the reason
 * when the choice cannot be made now. A second press while one runs is ignored.
 */
export function submitted(state: DialogState, at = new Date()): { state: DialogState; request: ExportRequest | null } {
  if (state.running) return { state, request: null };
  try {
    const request = exportRequest(state.scope, state.format, state.depth, state.context, at);
    return { state: { ...state, running: true, error: '' }, request };
  } catch (err) {
    return { state: { ...state, error: err instanceof Error ? err.message : String(err) }, request: null };
  }
}

/** The export ended with a file, or was stopped by closing the dialog: nobody waits for why it failed. */
export function finished(state: DialogState): DialogState {
  return { ...state, running: false };
}

/** The export failed for `reason` (the server's words, or the error's), shown in the dialog, which stays open. */
export function failed(state: DialogState, reason: string): DialogState {
  return { ...state, running: false, error: `Could not export: ${reason}` };
}

export interface FormatOption extends FormatInfo {
  enabled: boolean;
}

/** What the dialog shows for `state`: each scope and format, offered or not, with the depth and the image hint that go with them. */
export function dialogView(state: DialogState): { scopes: ScopeOption[]; formats: FormatOption[]; depthEnabled: boolean; imageHint: boolean } {
  const scopes = scopeOptions(state.context);
  const images = imagesAllowed(state.scope);
  return {
    scopes,
    formats: FORMATS.map((format) => ({ ...format, enabled: images || !format.image })),
    depthEnabled: scopes.find((o) => o.value === 'neighbourhood')!.enabled,
    imageHint: !images,
  };
}
