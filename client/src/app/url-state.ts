/**
 * Keeps the address bar in step with the canvas (app/url.ts says how a view is written), and rebuilds
 * the view an address holds. A new focus is a new history entry, so Back returns to the view before it;
 * every other change (a step, undo, redo) rewrites the current entry.
 */
import { fetchOverview } from '../api.js';
import type { Canvas } from './canvas.js';
import { errorText, toast } from './toast.js';
import { formatViewUrl, parseViewUrl, viewOf, type ParsedUrl, type View } from './url.js';

export interface ViewActions {
  /** Opens an entity as the new focus (replacing the canvas); reports its own failures. */
  open(id: string): Promise<void>;
  expand(id: string): Promise<void>;
  more(id: string): Promise<void>;
  collapse(id: string): Promise<void> | void;
  /** Opens a saved investigation (its canvas in place of any view); reports its own failures. */
  investigation?(id: string): Promise<void>;
}

/**
 * Keeps the address in step with the canvas, and replays an address: at start (`restore`) and when the
 * browser goes Back or Forward. `#graph[data-url-state]` is "restoring" while a replay runs, then
 * "ready"; `data-node-ids` lists the nodes on the canvas, for tests and scripts.
 */
export function mountUrlState(canvas: Canvas, actions: ViewActions): { restore(): Promise<void> } {
  const { container, graph } = canvas;
  let replaying = true;
  let generation = 0;
  let scheduled = false;

  /** A focus was recorded since the last write (recordFocus: a view with no steps yet). */
  let focusChanged = false;

  const sync = () => {
    scheduled = false;
    if (replaying) return;
    const search = formatViewUrl(viewOf(graph), location.search);
    const push = focusChanged;
    focusChanged = false;
    if (search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  };
  // Once the change and its recordFocus/recordStep are both done: they run in one task.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(sync);
  };
  canvas.onChange(schedule);
  graph.on('attributesUpdated', (event: { type: string; name?: string }) => {
    if (event.type === 'set' && event.name === 'view' && (graph.getAttribute('view') as View).steps.length === 0) focusChanged = true;
    schedule();
  });
  canvas.onChange(() => {
    container.dataset.nodeIds = graph.nodes().sort().join(' ');
  });

  async function replay(parsed: ParsedUrl, { overview }: { overview: boolean }): Promise<void> {
    const mine = ++generation;
    replaying = true;
    container.dataset.urlState = 'restoring';
    for (const problem of parsed.problems) toast(`The link was not read whole: ${problem}.`, 'error');
    try {
      const { focus, steps } = parsed.view;
      if (parsed.investigation && actions.investigation) {
        // A saved canvas puts back its own view: the address's view is the one it had.
        await actions.investigation(parsed.investigation);
        return;
      }
      if (focus) {
        await actions.open(focus);
        // open reports its own failure; steps on a canvas that is not theirs would mean nothing.
        if (viewOf(graph)?.focus !== focus) {
          const skipped = steps.length === 1 ? 'the step after it was' : `the ${steps.length} steps after it were`;
          if (steps.length) toast(`${focus} did not open, so ${skipped} skipped.`, 'error');
          return;
        }
      } else if (overview) {
        canvas.replace(await fetchOverview(), 'Overview');
      }
      for (const step of steps) {
        // Stop when a newer replay started, or the user opened another entity meanwhile.
        if (mine !== generation || viewOf(graph)?.focus !== focus) return;
        await actions[step.kind](step.id);
      }
    } catch (err) {
      toast(`The view in the link could not be rebuilt: ${errorText(err)}`, 'error');
    } finally {
      if (mine === generation) {
        replaying = false;
        // The replay's own focus is no new entry: the address is already this view's.
        focusChanged = false;
        container.dataset.urlState = 'ready';
        sync();
      }
    }
  }

  window.addEventListener('popstate', () => void replay(parseViewUrl(location.search), { overview: true }));
  return { restore: () => replay(parseViewUrl(location.search), { overview: false }) };
}
