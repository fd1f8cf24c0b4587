/**
 * Paths: "how are these two connected?". A topbar form picks two entities and a bound on the hops; the
 * shortest paths come onto the canvas (merged in when either end is already there, so the user's
 * picture stays; in place of it otherwise, since a path far from everything on screen would be lost),
 * the first one picked out, and the panel lists its hops with the evidence of each. `#graph` carries
 * the shown path's node ids in `data-path`, in walking order.
 */
import type { Hop, PathsResult } from '../../../common/api.js';
import { fetchPaths } from '../api.js';
import type { Canvas } from '../app/canvas.js';
import { busy, errorText, toast } from '../app/toast.js';
import type { Highlight } from '../graph/state.js';
import { corroborationText, shortLabel, singleSource } from '../graph/wording.js';
import type { Panel } from '../panel/panel.js';
import { mountSearch } from '../search/search.js';
import { DEFAULT_HOPS, frame, highlightOf, hopText, MAX_HOPS, placeAlong, walk, type Point } from './model.js';
import { el, button } from '../app/dom.js';

type End = 'from' | 'to';
interface Entity {
  id: string;
  name: string;
}

export interface PathsControl {
  /** Puts an entity at one end of the form and opens it. */
  fill(end: End, entity: Entity): void;
}

interface Shown {
  result: PathsResult;
  from: Entity;
  to: Entity;
  index: number;
}

export function mountPaths(host: HTMLElement, { canvas, panel }: { canvas: Canvas; panel: Panel }): PathsControl {
  const chosen: Record<End, Entity | null> = { from: null, to: null };
  let shown: Shown | null = null;
  /** The panel view of the shown path, to know whether the panel still shows it. */
  let view: HTMLElement | null = null;
  /** The highlight this feature set: another feature (a query result) may put its own in its place. */
  let mine: Highlight | null = null;
  /** Counts searches: an answer to an older one is dropped. */
  let asked = 0;

  const toggle = button('Paths', 'paths-toggle', () => setOpen(form.hidden));
  toggle.setAttribute('aria-controls', 'paths-form');
  toggle.setAttribute('aria-expanded', 'false');
  toggle.title = 'Find how two entities are connected';

  const form = el('form', undefined, 'paths-form');
  form.id = 'paths-form';
  form.hidden = true;
  form.noValidate = true;
  form.setAttribute('aria-label', 'Find a path');

  const inputs = {} as Record<End, HTMLInputElement>;
  for (const [end, label] of [
    ['from', 'From'],
    ['to', 'To'],
  ] as const) {
    const id = `path-${end}`;
    const caption = el('label', label);
    caption.htmlFor = id;
    const field = el('div', undefined, 'search paths-field');
    const input = el('input');
    input.id = id;
    input.type = 'text';
    input.autocomplete = 'off';
    input.placeholder = 'Type a name…';
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-controls', `${id}-results`);
    input.setAttribute('aria-expanded', 'false');
    const list = el('ul');
    list.id = `${id}-results`;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', `${label} suggestions`);
    list.hidden = true;
    field.append(input, list);
    form.append(caption, field);
    inputs[end] = input;
    mountSearch(input, list, (hit) => {
      chosen[end] = { id: hit.id, name: hit.name };
      say('');
    });
    // Typing after a choice means a new name: the old choice no longer stands.
    input.addEventListener('input', () => {
      if (chosen[end] && input.value !== chosen[end].name) chosen[end] = null;
    });
  }

  const hopsCaption = el('label', 'Max hops');
  hopsCaption.htmlFor = 'path-hops';
  const hops = el('select');
  hops.id = 'path-hops';
  for (let n = 1; n <= MAX_HOPS; n++) hops.append(new Option(String(n), String(n), n === DEFAULT_HOPS, n === DEFAULT_HOPS));
  const message = el('p', undefined, 'paths-message');
  message.setAttribute('role', 'alert');
  message.hidden = true;
  const find = el('button', 'Find path', 'paths-find');
  find.type = 'submit';
  const clearButton = button('Clear path', 'paths-clear', () => clear());
  clearButton.disabled = true;
  const actions = el('div', undefined, 'paths-actions');
  actions.append(find, clearButton);
  form.append(hopsCaption, hops, message, actions);
  host.append(toggle, form);

  function setOpen(open: boolean): void {
    form.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) (inputs.from.value ? (inputs.to.value ? find : inputs.to) : inputs.from).focus();
  }

  function say(text: string): void {
    message.textContent = text;
    message.hidden = !text;
  }

  // Capture phase: Escape first closes an open suggestion list (the combobox does that), then the form.
  form.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || form.querySelector('[role="listbox"]:not([hidden])')) return;
      event.preventDefault();
      setOpen(false);
      toggle.focus();
    },
    true,
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });

  async function search(): Promise<void> {
    const [from, to] = [chosen.from, chosen.to];
    if (!from || !to) {
      say(`Choose ${!from ? 'From' : 'To'} from the suggestions that appear as you type.`);
      (!from ? inputs.from : inputs.to).focus();
      return;
    }
    if (from.id === to.id) {
      say('From and To are the same entity: choose two different ones.');
      return;
    }
    say('');
    const maxHops = Number(hops.value);
    const ticket = ++asked;
    let result: PathsResult;
    try {
      result = await busy(find, fetchPaths(from.id, to.id, maxHops));
    } catch (err) {
      if (ticket === asked) toast(`Could not find a path from ${from.name} to ${to.name}: ${errorText(err)}`, 'error');
      return;
    }
    if (ticket !== asked) return;
    // The answer goes to the panel, which the open form would partly cover.
    setOpen(false);
    if (!result.found) {
      clear();
      showNone(from, to, maxHops);
      return;
    }
    place(result, from, to);
    shown = { result, from, to, index: 0 };
    show();
  }

  /** Brings the paths onto the canvas as one undoable change. */
  function place(result: PathsResult, from: Entity, to: Entity): void {
    const { graph } = canvas;
    const anchor = [from.id, to.id].find((id) => graph.hasNode(id));
    if (!anchor) {
      canvas.replace(result.graph, `Path ${from.name} → ${to.name}`);
      return;
    }
    // Everything already on screen: nothing to merge, and no empty step in the undo history.
    if (result.graph.nodes.every((n) => graph.hasNode(n.key)) && result.graph.edges.every((e) => graph.hasEdge(e.key))) return;
    const known = new Map<string, Point>(graph.mapNodes((id, a) => [id, { x: a.x, y: a.y }]));
    canvas.merge(anchor, result.graph, (added) => `Path ${from.name} → ${to.name}${added ? `: ${added} added` : ''}`);
    // The merge rings new nodes around one end; a path reads better laid along its line. Same undo step.
    for (const path of result.paths) {
      const placed = placeAlong(walk(from.id, path), known);
      for (const [id, point] of placed) {
        graph.mergeNodeAttributes(id, { x: point.x, y: point.y });
        known.set(id, point);
      }
    }
  }

  /** Picks out the current path on the canvas, frames it, and lists its hops in the panel. */
  function show(): void {
    if (!shown) return;
    const { result, from, index } = shown;
    const path = result.paths[index]!;
    const order = walk(from.id, path);
    mine = highlightOf(from.id, path);
    canvas.state.highlight = mine;
    canvas.state.changed();
    canvas.container.dataset.path = order.join(' ');
    clearButton.disabled = false;
    canvas.container.parentElement!.classList.add('with-panel');
    renderPanel(shown);
    const { sigma } = canvas;
    sigma.resize();
    sigma.refresh();
    const points = order.flatMap((id) => sigma.getNodeDisplayData(id) ?? []);
    void sigma.getCamera().animate(frame(points), { duration: 400 });
  }

  /** The path's hops in the panel, each with its evidence; a document opened from there comes back here. */
  function renderPanel(current: Shown): void {
    const { result, from, to, index } = current;
    const labels = new Map(result.graph.nodes.map((n) => [n.key, n.attributes.label]));
    const labelOf = (id: string) => shortLabel(labels.get(id) ?? id, 60);
    const path = result.paths[index]!;
    const order = walk(from.id, path);
    const section = el('section', undefined, 'path-view');
    section.setAttribute('aria-label', 'Path');
    section.append(el('p', 'Path', 'kind'), el('h2', `${from.name} → ${to.name}`));
    const summary = el('div', undefined, 'path-summary');
    const count = el('span', `${path.length} ${path.length === 1 ? 'hop' : 'hops'}`);
    summary.append(count);
    if (result.paths.length > 1) {
      // From this view's own path: another feature may have taken the canvas's highlight meanwhile.
      const step = (by: number) => () => {
        shown = { ...current, index: (index + by + result.paths.length) % result.paths.length };
        show();
      };
      const nav = el('span', undefined, 'path-nav');
      nav.setAttribute('role', 'group');
      nav.setAttribute('aria-label', 'Shortest paths');
      const previous = button('‹', 'action', step(-1));
      previous.setAttribute('aria-label', 'Previous path');
      const next = button('›', 'action', step(1));
      next.setAttribute('aria-label', 'Next path');
      const position = el('span', `Path ${index + 1} of ${result.paths.length}`);
      position.setAttribute('aria-live', 'polite');
      nav.append(previous, position, next);
      summary.append(nav);
    }
    summary.append(button('Clear path', 'action', () => clear()));
    section.append(summary);
    const list = el('ol', undefined, 'hops');
    list.setAttribute('aria-label', 'Hops');
    const edges = new Map(result.graph.edges.map((e) => [e.key, e.attributes]));
    path.forEach((hop: Hop, i) => {
      const text = hopText(order[i]!, hop, labelOf);
      const item = el('li');
      const heading = el('h3', text);
      // Marked in words, as in the entity panel: a hedged or alleged hop, and what backs it.
      const edge = edges.get(hop.edge);
      const alleged = [hop.source, hop.target].some((n) => result.graph.nodes.find((x) => x.key === n)?.attributes.kind === 'Allegation');
      if (edge?.properties.hedged === true || alleged) heading.append(' ', el('span', alleged ? 'alleged' : 'hedged', 'tag hedged'));
      if (edge) heading.append(' ', el('span', singleSource(edge.corroboration) ? 'single source' : corroborationText(edge.corroboration), 'corroboration'));
      item.append(heading);
      if (hop.evidence.length) item.append(panel.evidenceList(hop.evidence, () => renderPanel(current), `Evidence: ${text}`));
      else item.append(el('p', 'No evidence sentence recorded for this link.', 'muted'));
      list.append(item);
    });
    section.append(list);
    view = section;
    panel.render([section]);
  }

  function showNone(from: Entity, to: Entity, maxHops: number): void {
    const section = el('section', undefined, 'path-view path-none');
    section.setAttribute('aria-label', 'Path');
    const within = `${maxHops} ${maxHops === 1 ? 'hop' : 'hops'}`;
    section.append(el('p', 'Path', 'kind'), el('h2', `No path within ${within}`));
    section.append(el('p', `${from.name} and ${to.name} are not linked through ${within} or fewer in the graph.`, 'muted'));
    const next = el('div', undefined, 'path-actions');
    if (maxHops < MAX_HOPS) {
      next.append(
        button(`Look up to ${MAX_HOPS} hops`, 'action', () => {
          hops.value = String(MAX_HOPS);
          void search();
        }),
      );
    }
    next.append(button('Change the ends', 'action', () => setOpen(true)));
    section.append(next);
    view = section;
    canvas.container.parentElement!.classList.add('with-panel');
    panel.render([section]);
  }

  /** Removes the path's highlight; the panel closes if it still shows the path. */
  function clear(): void {
    shown = null;
    delete canvas.container.dataset.path;
    clearButton.disabled = true;
    let redraw = false;
    if (view?.isConnected) {
      view.parentElement!.hidden = true;
      canvas.container.parentElement!.classList.remove('with-panel');
      // Resizing blanks sigma's canvases: the refresh below draws them again.
      canvas.sigma.resize();
      redraw = true;
    }
    view = null;
    if (mine && canvas.state.highlight === mine) {
      canvas.state.highlight = null;
      redraw = true;
    }
    mine = null;
    if (redraw) canvas.state.changed();
  }

  // A change that takes the path's nodes or links off the canvas (a new search, an undo, a collapse) ends the path.
  canvas.onChange(() => {
    if (!shown || !mine) return;
    const { graph } = canvas;
    if (![...mine.nodes].every((n) => graph.hasNode(n)) || ![...mine.edges].every((e) => graph.hasEdge(e))) clear();
  });
  // Another feature's highlight in place of the path's: the path is no longer what the canvas shows.
  canvas.state.onChange(() => {
    if (shown && mine && canvas.state.highlight !== mine) {
      shown = null;
      mine = null;
      delete canvas.container.dataset.path;
      clearButton.disabled = true;
    }
  });

  return {
    fill(end, entity) {
      chosen[end] = entity;
      inputs[end].value = entity.name;
      say('');
      setOpen(true);
    },
  };
}
