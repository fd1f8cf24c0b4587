/**
 * Filters as data: what the canvas holds (kinds, relationship types, evidence documents, degrees,
 * corroboration, with counts), the user's choices turned into ViewState predicates, and what the panel
 * shows of both (its lists, ticks, sliders, the Filters button's count). Choices are kept as what is
 * hidden, so a kind or type that arrives later (a search, an expansion) shows until the user hides it.
 * The graph is never touched: the reducers hide what fails. No DOM here, so it is tested in node.
 */
import type { DocumentSummary } from '../../../common/api.js';
import { evidenceDocuments as documentsCited } from '../../../common/graph.js';
import { colorOf, KIND_COLORS } from '../graph/style.js';
import type { ViewEdge, ViewGraph } from '../graph/model.js';
import type { EdgeFilter, NodeFilter, ViewState } from '../graph/state.js';

export interface Count {
  value: string;
  count: number;
}

/** The keys this feature owns in ViewState's filter maps. */
export const FILTER_KEYS = { kind: 'kind', degree: 'degree', relType: 'relType', document: 'document', corroboration: 'corroboration' } as const;

const KNOWN_KINDS = Object.keys(KIND_COLORS);

function tally(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Known kinds in the legend's order, then any other kind alphabetically. */
function byKind(a: string, b: string): number {
  const ia = KNOWN_KINDS.indexOf(a);
  const ib = KNOWN_KINDS.indexOf(b);
  if (ia !== ib) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || a.localeCompare(b);
  return a.localeCompare(b);
}

/**
 * Counts of what is present, plus every hidden value at 0 when absent: a choice the user made stays in
 * view (and can be undone) even while the canvas holds nothing it applies to.
 */
function countsOf(counts: Map<string, number>, hidden: ReadonlySet<string>, order: (a: string, b: string) => number): Count[] {
  for (const value of hidden) if (!counts.has(value)) counts.set(value, 0);
  return [...counts].sort(([a], [b]) => order(a, b)).map(([value, count]) => ({ value, count }));
}

/** The ids of the documents an edge's evidence sentences come from, each once. */
export function evidenceDocuments(data: ViewEdge): string[] {
  return documentsCited(data.properties);
}

export function kindCounts(graph: ViewGraph, hidden: ReadonlySet<string> = new Set()): Count[] {
  return countsOf(tally(graph.mapNodes((_, a) => a.kind)), hidden, byKind);
}

export function relTypeCounts(graph: ViewGraph, hidden: ReadonlySet<string> = new Set()): Count[] {
  return countsOf(tally(graph.mapEdges((_, a) => a.relType)), hidden, (a, b) => a.localeCompare(b));
}

/** Each edge's evidence documents. */
export function citations(graph: ViewGraph): string[][] {
  return graph.mapEdges((_, a) => evidenceDocuments(a));
}

/** How many edges on the canvas cite each document. */
export function documentCounts(graph: ViewGraph, hidden: ReadonlySet<string> = new Set()): Count[] {
  return countsOf(tally(citations(graph).flat()), hidden, (a, b) => a.localeCompare(b));
}

export function maxDegree(graph: ViewGraph): number {
  return graph.reduceNodes((max, node) => Math.max(max, graph.degree(node)), 0);
}

/**
 * How many distinct documents back an edge. One when the edge does not say: a graph kept from before
 * the server counted (an undo step, an old export) still shows every link at the default minimum.
 */
export function documentsBehind(data: ViewEdge): number {
  const documents = (data.corroboration as Partial<ViewEdge['corroboration']> | undefined)?.documents;
  return typeof documents === 'number' && Number.isFinite(documents) ? documents : 1;
}

export function maxDocuments(graph: ViewGraph): number {
  return graph.reduceEdges((max, _edge, data) => Math.max(max, documentsBehind(data)), 0);
}

export interface DocumentEntry extends Count {
  /** Title, else file name, else id. */
  label: string;
}

export interface OutletGroup {
  outlet: string;
  /** Edges citing at least one of its documents (an edge citing two counts once). */
  count: number;
  documents: DocumentEntry[];
}

export const UNKNOWN_OUTLET = 'Outlet not recorded';

export function documentLabel(id: string, known?: Pick<DocumentSummary, 'title' | 'file'>): string {
  if (known?.title) return known.title;
  if (known?.file) return known.file.split(/[\\/]/).pop() || known.file;
  return id;
}

/** Documents grouped by outlet, outlets alphabetically with the unrecorded last, documents by label. */
export function groupByOutlet(
  counts: readonly Count[],
  known: ReadonlyMap<string, DocumentSummary>,
  cited: readonly (readonly string[])[] = [],
): OutletGroup[] {
  const groups = new Map<string, DocumentEntry[]>();
  for (const { value, count } of counts) {
    const doc = known.get(value);
    const outlet = doc?.outlet || UNKNOWN_OUTLET;
    const list = groups.get(outlet) ?? [];
    list.push({ value, count, label: documentLabel(value, doc) });
    groups.set(outlet, list);
  }
  return [...groups]
    .sort(([a], [b]) => Number(a === UNKNOWN_OUTLET) - Number(b === UNKNOWN_OUTLET) || a.localeCompare(b))
    .map(([outlet, documents]) => {
      const ids = new Set(documents.map((d) => d.value));
      return {
        outlet,
        count: cited.filter((docs) => docs.some((d) => ids.has(d))).length,
        documents: documents.sort((a, b) => a.label.localeCompare(b.label) || a.value.localeCompare(b.value)),
      };
    });
}

export interface Choices {
  hiddenKinds: ReadonlySet<string>;
  hiddenRelTypes: ReadonlySet<string>;
  hiddenDocuments: ReadonlySet<string>;
  /** Nodes with fewer links drawn (passing the edge filters) are hidden; 0 hides none. */
  minDegree: number;
  /** Links backed by fewer distinct documents are hidden; 1 hides none. */
  minDocuments: number;
}

export function kindFilter(hidden: ReadonlySet<string>): NodeFilter {
  return (_graph, _node, data) => !hidden.has(data.kind);
}

/**
 * How many of a node's links the edge filters let through (a self-loop counts twice, as in graph.degree),
 * stopping once `enough` are found.
 */
export function keptDegree(graph: ViewGraph, state: ViewState, node: string, enough = Infinity): number {
  if (state.edgeFilters.size === 0) return graph.degree(node);
  let count = 0;
  graph.someEdge(node, (edge, data, source, target) => {
    if (state.edgeKept(graph, edge, data)) count += source === target ? 2 : 1;
    return count >= enough;
  });
  return count;
}

/** Counts only the links drawn: a node whose links a type or document filter hid is no hub any more. */
export function degreeFilter(min: number, state: ViewState): NodeFilter {
  return (graph, node) => keptDegree(graph, state, node, min) >= min;
}

export function relTypeFilter(hidden: ReadonlySet<string>): EdgeFilter {
  return (_graph, _edge, data) => !hidden.has(data.relType);
}

/** An edge stays while one of its evidence documents is shown; an edge with no evidence documents stays. */
export function documentFilter(hidden: ReadonlySet<string>): EdgeFilter {
  return (_graph, _edge, data) => {
    const docs = evidenceDocuments(data);
    return docs.length === 0 || docs.some((d) => !hidden.has(d));
  };
}

/**
 * The hidden set once, of the values a group lists, `shown` alone is in view: the group's All (shown =
 * listed), None (shown empty) and Only (one value, or an outlet's documents). Hidden values the group
 * does not list stay hidden; values it does not list yet (a later search) show, as for any choice.
 */
export function showingOnly(hidden: ReadonlySet<string>, listed: Iterable<string>, shown: Iterable<string>): Set<string> {
  const next = new Set([...hidden, ...listed]);
  for (const value of shown) next.delete(value);
  return next;
}

/** Links backed by at least `min` distinct documents: one report against several. */
export function corroborationFilter(min: number): EdgeFilter {
  return (_graph, _edge, data) => documentsBehind(data) >= min;
}

/** Puts the choices into the view state's filter maps; a filter that hides nothing is taken out. */
export function applyChoices(state: ViewState, choices: Choices): void {
  const set = <F>(map: Map<string, F>, key: string, active: boolean, make: () => F) => {
    if (active) map.set(key, make());
    else map.delete(key);
  };
  set(state.nodeFilters, FILTER_KEYS.kind, choices.hiddenKinds.size > 0, () => kindFilter(new Set(choices.hiddenKinds)));
  set(state.nodeFilters, FILTER_KEYS.degree, choices.minDegree > 0, () => degreeFilter(choices.minDegree, state));
  set(state.edgeFilters, FILTER_KEYS.relType, choices.hiddenRelTypes.size > 0, () => relTypeFilter(new Set(choices.hiddenRelTypes)));
  set(state.edgeFilters, FILTER_KEYS.document, choices.hiddenDocuments.size > 0, () => documentFilter(new Set(choices.hiddenDocuments)));
  set(state.edgeFilters, FILTER_KEYS.corroboration, choices.minDocuments > 1, () => corroborationFilter(choices.minDocuments));
}

/** Nodes that every node filter in force lets through (this feature's and any other's). */
export function visibleNodes(graph: ViewGraph, state: ViewState): string[] {
  return graph.filterNodes((node, data) => state.nodeShown(graph, node, data));
}

/** Kinds of the nodes drawn now, in the legend's order. */
export function drawnKinds(graph: ViewGraph, state: ViewState): string[] {
  const kinds = new Set<string>();
  graph.forEachNode((node, data) => {
    if (!kinds.has(data.kind) && state.nodeShown(graph, node, data)) kinds.add(data.kind);
  });
  return [...kinds].sort(byKind);
}

/** How many kinds of choice hide something: a count for the Filters button. */
export function activeCount(choices: Choices): number {
  const { hiddenKinds, hiddenRelTypes, hiddenDocuments, minDegree, minDocuments } = choices;
  return [hiddenKinds.size, hiddenRelTypes.size, hiddenDocuments.size, minDegree, minDocuments - 1].filter((n) => n > 0).length;
}

/**
 * The user's choices and who listens to them. One per view state, shared by the filters panel and the
 * legend (a click on a legend kind hides it), so both always agree.
 */
export class FilterChoices implements Choices {
  hiddenKinds = new Set<string>();
  hiddenRelTypes = new Set<string>();
  hiddenDocuments = new Set<string>();
  minDegree = 0;
  minDocuments = 1;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly state: ViewState) {}

  get active(): number {
    return activeCount(this);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setShown(set: Set<string>, values: Iterable<string>, shown: boolean): void {
    for (const value of values) {
      if (shown) set.delete(value);
      else set.add(value);
    }
    this.commit();
  }

  /** All, None or Only over a group (showingOnly): one change, one refresh. */
  showOnly(set: Set<string>, listed: Iterable<string>, shown: Iterable<string>): void {
    const hidden = showingOnly(set, listed, shown);
    set.clear();
    for (const value of hidden) set.add(value);
    this.commit();
  }

  setMinDegree(min: number): void {
    this.minDegree = Math.max(0, Math.floor(min));
    this.commit();
  }

  /** Anything below 2, or not a number, shows every link. */
  setMinDocuments(min: number): void {
    this.minDocuments = Number.isFinite(min) ? Math.max(1, Math.floor(min)) : 1;
    this.commit();
  }

  /** Every choice at once (a saved investigation's), one refresh. */
  restore(choices: {
    hiddenKinds: Iterable<string>;
    hiddenRelTypes: Iterable<string>;
    hiddenDocuments: Iterable<string>;
    minDegree: number;
    minDocuments: number;
  }): void {
    const fill = (set: Set<string>, values: Iterable<string>) => {
      set.clear();
      for (const value of values) set.add(value);
    };
    fill(this.hiddenKinds, choices.hiddenKinds);
    fill(this.hiddenRelTypes, choices.hiddenRelTypes);
    fill(this.hiddenDocuments, choices.hiddenDocuments);
    this.minDegree = Math.max(0, Math.floor(choices.minDegree));
    this.minDocuments = Math.max(1, Math.floor(choices.minDocuments));
    this.commit();
  }

  clear(): void {
    this.hiddenKinds.clear();
    this.hiddenRelTypes.clear();
    this.hiddenDocuments.clear();
    this.minDegree = 0;
    this.minDocuments = 1;
    this.commit();
  }

  private commit(): void {
    applyChoices(this.state, this);
    this.state.changed();
    for (const listener of this.listeners) listener();
  }
}

const choicesByState = new WeakMap<ViewState, FilterChoices>();

/** The one set of choices for a view state (a canvas has one). */
export function filtersOf(state: ViewState): FilterChoices {
  let choices = choicesByState.get(state);
  if (!choices) choicesByState.set(state, (choices = new FilterChoices(state)));
  return choices;
}

/** A list in the panel, by the set of hidden values it acts on. */
export type ListName = 'kind' | 'relType' | 'document';

export const HIDDEN_SET = { kind: 'hiddenKinds', relType: 'hiddenRelTypes', document: 'hiddenDocuments' } as const satisfies Record<ListName, keyof Choices>;

/** A checkbox row in the panel's lists. */
export interface OptionRow {
  /** Its list, or 'outlet' for the box over an outlet's documents. */
  choice: ListName | 'outlet';
  value: string;
  name: string;
  /** How many nodes or links on the canvas it stands for. */
  count: number;
  /** The kind's colour, beside its name. */
  swatch?: string;
  /** What the box and its Only button show or hide: its own value, or all of an outlet's documents. */
  values: string[];
  /** An outlet's documents, each a row of its own under the outlet's. */
  documents?: OptionRow[];
}

export interface ListGroup {
  list: ListName;
  title: string;
  /** Names the values in All's and None's accessible names ("Show all kinds"). */
  noun: string;
  /** Every value the group lists: what All, None and Only act over. */
  listed: string[];
  rows: OptionRow[];
  /** Said in place of the rows when there are none. */
  empty: string;
}

function simpleList(list: ListName, title: string, noun: string, counts: Count[], empty: string, swatch?: (value: string) => string): ListGroup {
  const rows = counts.map(({ value, count }) => ({ choice: list, value, name: value, count, values: [value], swatch: swatch?.(value) }));
  return { list, title, noun, listed: counts.map((c) => c.value), rows, empty };
}

/** The panel's lists as the canvas holds them now, hidden values included; documents named from `known`. */
export function listsOf(graph: ViewGraph, choices: Choices, known: ReadonlyMap<string, DocumentSummary>): ListGroup[] {
  const documents = documentCounts(graph, choices.hiddenDocuments);
  const outlets = groupByOutlet(documents, known, citations(graph)).map((group): OptionRow => ({
    choice: 'outlet',
    value: group.outlet,
    name: group.outlet,
    count: group.count,
    values: group.documents.map((d) => d.value),
    documents: group.documents.map((d) => ({ choice: 'document', value: d.value, name: d.label, count: d.count, values: [d.value] })),
  }));
  return [
    simpleList('kind', 'Kinds', 'kinds', kindCounts(graph, choices.hiddenKinds), 'No nodes on the canvas.', colorOf),
    simpleList('relType', 'Relationships', 'relationship types', relTypeCounts(graph, choices.hiddenRelTypes), 'No links on the canvas.'),
    {
      list: 'document',
      title: 'Documents cited',
      noun: 'documents',
      listed: documents.map((d) => d.value),
      rows: outlets,
      empty: 'No evidence documents behind these links.',
    },
  ];
}

/** A row's box: ticked while all it stands for shows; an outlet with only some of its documents hidden is neither. */
export function tickOf(choices: Choices, row: Pick<OptionRow, 'choice' | 'values'>): { checked: boolean; indeterminate: boolean } {
  const set = choices[HIDDEN_SET[row.choice === 'outlet' ? 'document' : row.choice]];
  const hidden = row.values.filter((value) => set.has(value)).length;
  return { checked: hidden === 0, indeterminate: hidden > 0 && hidden < row.values.length };
}

export interface Minimum {
  value: number;
  max: number;
  /** What a screen reader says for the value. */
  valueText: string;
}

/** The sliders reach what the canvas holds, and the choice in force even when the canvas no longer does. */
export function minimaOf(graph: ViewGraph, choices: Choices): { degree: Minimum; documents: Minimum } {
  const { minDegree, minDocuments } = choices;
  return {
    degree: { value: minDegree, max: Math.max(maxDegree(graph), minDegree, 1), valueText: minDegree ? `at least ${minDegree} links` : 'no minimum' },
    documents: {
      value: minDocuments,
      max: Math.max(maxDocuments(graph), minDocuments, 1),
      valueText: minDocuments > 1 ? `links backed by at least ${minDocuments} documents` : 'every link',
    },
  };
}

/** The Filters button: how many kinds of choice hide something, when any does. */
export function badgeOf(choices: Choices): { text: string; active: boolean } {
  const active = activeCount(choices);
  return { text: active ? `Filters (${active})` : 'Filters', active: active > 0 };
}

/** What every filter in force (this feature's and any other's) lets through, and the panel's line saying so. */
export function shownOf(graph: ViewGraph, state: ViewState): { nodes: number; edges: number; text: string } {
  const nodes = visibleNodes(graph, state).length;
  const edges = graph.filterEdges((edge, data) => state.edgeShown(graph, edge, data)).length;
  return { nodes, edges, text: `${nodes} of ${graph.order} nodes shown` };
}
