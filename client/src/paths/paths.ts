/**
 * Paths: "how are these two connected?". A topbar form picks two entities and a bound on the hops; the
 * shortest paths come onto the canvas (model.ts's placementOf says how), the first one picked out, and
 * the panel lists its hops with the evidence of each. `#graph` carries the shown path's node ids in
 * `data-path`, in walking order. The state and its words are model.ts's; this file wires the DOM, the
 * canvas and the server to them.
 */
import { fitCamera } from '../layout/camera.js';
import type { PathsResult } from '../../../common/api.js';
import { fetchPaths } from '../api.js';
import type { Canvas } from '../app/canvas.js';
import { busy, errorText, toast } from '../app/toast.js';
import type { Highlight } from '../graph/state.js';
import type { Panel } from '../panel/panel.js';
import { mountSearch } from '../search/search.js';
import { buildForm } from './form.js';
import * as model from './model.js';
import type { End, Entity, Point, Query, Shown } from './model.js';
import { noPathSection, pathSection } from './sections.js';

export interface PathsControl {
  /** Puts an entity at one end of the form and opens it. */
  fill(end: End, entity: Entity): void;
}

export function mountPaths(host: HTMLElement, { canvas, panel }: { canvas: Canvas; panel: Panel }): PathsControl {
  let ends = model.NO_ENDS;
  let shown: Shown | null = null;
  /** The panel view of the shown path, to know whether the panel still shows it. */
  let view: HTMLElement | null = null;
  /** The highlight this feature set: another feature (a query result) may put its own in its place. */
  let mine: Highlight | null = null;
  /** Counts searches: an answer to an older one is dropped. */
  let asked = 0;

  const ui = buildForm(host, { submit: () => void search(), clear: () => clear() });
  for (const end of ['from', 'to'] as const) {
    const input = ui.inputs[end];
    mountSearch(input, ui.lists[end], (hit) => {
      ends = model.choose(ends, end, { id: hit.id, name: hit.name });
      say('');
    });
    input.addEventListener('input', () => {
      ends = model.typed(ends, end, input.value);
    });
  }

  function say(text: string): void {
    ui.message.textContent = text;
    ui.message.hidden = !text;
  }

  async function search(): Promise<void> {
    const asking = model.ask(ends, Number(ui.hops.value));
    if ('problem' in asking) {
      say(asking.problem);
      if (asking.focus) ui.inputs[asking.focus].focus();
      return;
    }
    say('');
    const { query } = asking;
    const ticket = ++asked;
    let result: PathsResult;
    try {
      result = await busy(ui.find, fetchPaths(query.from.id, query.to.id, query.maxHops));
    } catch (err) {
      if (ticket === asked) toast(model.failure(query, errorText(err)), 'error');
      return;
    }
    if (ticket !== asked) return;
    // The answer goes to the panel, which the open form would partly cover.
    ui.setOpen(false);
    if (!result.found) {
      clear();
      showNone(query);
      return;
    }
    place(result, query);
    shown = { result, from: query.from, to: query.to, index: 0 };
    show();
  }

  /** Brings the paths onto the canvas as one undoable change. */
  function place(result: PathsResult, { from, to }: Query): void {
    const { graph } = canvas;
    const placement = model.placementOf(result, { from, to }, graph);
    if (placement.how === 'replace') canvas.replace(result.graph, model.changeName(from, to));
    if (placement.how !== 'merge') return;
    const known = new Map<string, Point>(graph.mapNodes((id, a) => [id, { x: a.x, y: a.y }]));
    canvas.merge(placement.anchor, result.graph, (added) => model.changeName(from, to, added));
    // The merge rings new nodes around one end; a path reads better laid along its line. Same undo step.
    for (const path of result.paths) {
      for (const [id, point] of model.placeAlong(model.walk(from.id, path), known)) {
        graph.mergeNodeAttributes(id, { x: point.x, y: point.y });
        known.set(id, point);
      }
    }
  }

  /** Picks out the current path on the canvas, frames it, and lists its hops in the panel. */
  function show(): void {
    if (!shown) return;
    const { order, highlight } = model.current(shown);
    mine = highlight;
    canvas.state.highlight = mine;
    canvas.state.changed();
    canvas.container.dataset.path = order.join(' ');
    ui.clear.disabled = false;
    canvas.container.parentElement!.classList.add('with-panel');
    renderPanel(shown);
    const { sigma } = canvas;
    sigma.resize();
    sigma.refresh();
    // Framed beside the toolbar and the legend, as Fit does, and never so close that a short path fills the screen.
    void fitCamera(sigma, order, { duration: 400, closest: 0.3 });
  }

  /** A document opened from the panel's evidence comes back to this same path. */
  function renderPanel(current: Shown): void {
    view = pathSection(model.listing(current), {
      // From this view's own path: another feature may have taken the canvas's highlight meanwhile.
      step: (by) => {
        shown = model.step(current, by);
        show();
      },
      clear,
      evidence: (items, label) => panel.evidenceList(items, () => renderPanel(current), label),
    });
    panel.render([view]);
  }

  function showNone(query: Query): void {
    view = noPathSection(model.nothingFound(query), {
      widen: () => {
        ui.hops.value = String(model.MAX_HOPS);
        void search();
      },
      change: () => ui.setOpen(true),
    });
    canvas.container.parentElement!.classList.add('with-panel');
    panel.render([view]);
  }

  /** The path is no longer what the canvas shows. */
  function forget(): void {
    shown = null;
    delete canvas.container.dataset.path;
    ui.clear.disabled = true;
  }

  /** Removes the path's highlight; the panel closes if it still shows the path. */
  function clear(): void {
    forget();
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
    if (shown && mine && !model.intact(mine, canvas.graph)) clear();
  });
  // Another feature's highlight in place of the path's.
  canvas.state.onChange(() => {
    if (shown && mine && canvas.state.highlight !== mine) {
      forget();
      mine = null;
    }
  });

  return {
    fill(end, entity) {
      ends = model.choose(ends, end, entity);
      ui.inputs[end].value = entity.name;
      say('');
      ui.setOpen(true);
    },
  };
}
