/**
 * The legend: what the colours stand for now (the kinds drawn after filters, or the largest communities,
 * each named after its most central member), how alleged or hedged links look, and the style menus that
 * choose what colour, size and link width show (graph/appearance.ts). It follows every change of the canvas and of the view state. A click on a kind hides that kind
 * (the same choice as the Filters panel's); a button brings hidden kinds back.
 */
import type { Canvas } from '../app/canvas.js';
import { filtersOf, drawnKinds, kindCounts } from '../filters/model.js';
import { ALLEGED_EDGE } from '../graph/highlight.js';
import { COLOR_CHOICES, communityColor, COMMUNITY_COLORS, OTHER_COMMUNITY, SIZE_CHOICES, WIDTH_CHOICES, type Appearance } from '../graph/appearance.js';
import type { ViewGraph } from '../graph/model.js';
import type { ViewState } from '../graph/state.js';
import { colorOf } from '../graph/style.js';
import { shortLabel } from '../graph/wording.js';

/** The legend's entry for one community: its colour, its most central member's name, and its size. */
export interface CommunityEntry {
  community: number;
  name: string;
  size: number;
}

/** The communities drawn with a colour of their own, largest first, each named after its most central member. */
export function communityEntries(graph: ViewGraph, state: ViewState): CommunityEntry[] {
  const [communities, centrality] = [state.communities(graph), state.centrality(graph)];
  const best = new Map<number, { node: string; score: number; size: number }>();
  graph.forEachNode((node, data) => {
    const c = communities.get(node);
    if (c === undefined || c >= COMMUNITY_COLORS.length || !state.nodeShown(graph, node, data)) return;
    const score = centrality.get(node) ?? 0;
    const entry = best.get(c);
    if (!entry) best.set(c, { node, score, size: 1 });
    else {
      entry.size++;
      if (score > entry.score) Object.assign(entry, { node, score });
    }
  });
  return [...best]
    .sort(([a], [b]) => a - b)
    .map(([community, { node, size }]) => ({ community, name: shortLabel(graph.getNodeAttribute(node, 'label'), 24), size }));
}

function swatch(text: string, color: string, className = 'legend-kind'): HTMLSpanElement {
  const item = document.createElement('span');
  item.className = className;
  item.textContent = text;
  item.style.setProperty('--swatch', color);
  return item;
}

/** A labelled menu of the style choices: changing it re-styles the canvas through the view state. */
function styleMenu<K extends string>(
  label: string,
  choices: Readonly<Record<K, string>>,
  current: () => K,
  set: (value: K) => void,
  syncs: (() => void)[],
): HTMLLabelElement {
  const wrapper = document.createElement('label');
  wrapper.append(`${label} `);
  const select = document.createElement('select');
  for (const [value, text] of Object.entries(choices) as [K, string][]) {
    const option = new Option(text, value, false, value === current());
    select.append(option);
  }
  select.addEventListener('change', () => set(select.value as K));
  // The style can change from elsewhere (a saved investigation opened): the menu follows.
  syncs.push(() => {
    if (select.value !== current()) select.value = current();
  });
  wrapper.append(select);
  return wrapper;
}

export function mountLegend(canvas: Canvas, container: HTMLElement): HTMLElement {
  const choices = filtersOf(canvas.state);
  const legend = document.createElement('div');
  legend.className = 'legend';
  legend.setAttribute('role', 'group');
  legend.setAttribute('aria-label', 'Legend');
  legend.hidden = true;
  const entries = document.createElement('div');
  entries.className = 'legend-entries';
  // Style choices, folded away: what colour, size and width stand for.
  const style = document.createElement('details');
  style.className = 'legend-style';
  const summary = document.createElement('summary');
  summary.textContent = 'Style';
  const appearance = canvas.state.appearance;
  const restyle = (change: Partial<Appearance>) => {
    Object.assign(appearance, change);
    canvas.state.changed();
  };
  /** Each style menu back in step with the view state's appearance. */
  const menuSyncs: (() => void)[] = [];
  const menus = document.createElement('div');
  menus.className = 'legend-menus';
  menus.append(
    styleMenu(
      'Colour by',
      COLOR_CHOICES,
      () => appearance.color,
      (color) => restyle({ color }),
      menuSyncs,
    ),
    styleMenu(
      'Size by',
      SIZE_CHOICES,
      () => appearance.size,
      (size) => restyle({ size }),
      menuSyncs,
    ),
    styleMenu(
      'Link width',
      WIDTH_CHOICES,
      () => appearance.width,
      (width) => restyle({ width }),
      menuSyncs,
    ),
  );
  style.append(summary, menus);
  legend.append(entries, style);
  container.append(legend);

  let drawn = '';
  const render = () => {
    for (const sync of menuSyncs) sync();
    const { graph, state } = canvas;
    const byCommunity = state.appearance.color === 'community';
    const kinds = drawnKinds(graph, state);
    const communities = byCommunity ? communityEntries(graph, state) : [];
    // Kinds on the canvas that the kind filter hides: the legend offers them back.
    const hidden = kindCounts(graph)
      .filter(({ value }) => choices.hiddenKinds.has(value))
      .map(({ value }) => value);
    const signature = JSON.stringify([kinds, hidden, graph.order, state.appearance, communities]);
    // The view state changes on every hover: redraw only when what the legend says changes.
    if (signature === drawn) return;
    drawn = signature;
    const hadFocus = entries.contains(document.activeElement)
      ? [...entries.querySelectorAll('button')].indexOf(document.activeElement as HTMLButtonElement)
      : -1;

    const items: HTMLElement[] = byCommunity
      ? communities.map((c) => swatch(`${c.name} (${c.size})`, communityColor(c.community)))
      : kinds.map((kind) => {
          const item = document.createElement('button');
          item.type = 'button';
          item.className = 'legend-kind';
          item.dataset.kind = kind;
          item.textContent = kind;
          item.title = `Hide ${kind} nodes`;
          item.style.setProperty('--swatch', colorOf(kind));
          item.addEventListener('click', () => choices.setShown(choices.hiddenKinds, [kind], false));
          return item;
        });
    if (byCommunity && graph.order > communities.reduce((n, c) => n + c.size, 0)) items.push(swatch('smaller groups', OTHER_COMMUNITY));
    items.push(swatch('alleged or hedged link', ALLEGED_EDGE, 'edge dashed'));
    if (state.appearance.width === 'corroboration') items.push(swatch('wider: on more documents', '#8f96a3', 'edge wide'));
    if (hidden.length) {
      const restore = document.createElement('button');
      restore.type = 'button';
      restore.className = 'legend-restore';
      restore.textContent = `Show ${hidden.join(', ')}`;
      restore.title = 'Show the hidden kinds again';
      restore.addEventListener('click', () => choices.setShown(choices.hiddenKinds, hidden, true));
      items.push(restore);
    }
    entries.replaceChildren(...items);
    legend.hidden = graph.order === 0;
    // A click took its own button away: keep the keyboard in the legend.
    if (hadFocus >= 0) {
      const buttons = entries.querySelectorAll('button');
      buttons[Math.min(hadFocus, buttons.length - 1)]?.focus();
    }
  };

  canvas.onChange(render);
  canvas.state.onChange(render);
  render();
  return legend;
}
