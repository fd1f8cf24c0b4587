/**
 * Moving around the graph, beside the canvas it moves: opening an entity (its details in the panel, its
 * neighbourhood on the canvas), expanding a node in place, and opening a link's evidence. main.ts only wires
 * these to the canvas, the panel, the search and the address.
 */
import { fetchEntity } from '../api.js';
import { linkSentence } from '../graph/wording.js';
import type { Paging } from '../paging/paging.js';
import type { Panel } from '../panel/panel.js';
import type { Canvas } from './canvas.js';
import { busy, errorText, toast } from './toast.js';

export interface Exploring {
  /**
   * Opens an entity: its details in the panel. A search (`focus`), or an entity not on the canvas, brings
   * its neighbourhood instead of what was there (undo brings that back); a click on the canvas or in the
   * panel keeps the canvas as the user built it, and moves it only if the entity is out of sight.
   */
  open(id: string, options?: { focus?: boolean }): Promise<void>;
  /** Adds a node's neighbours to the canvas where they are, keeping every position. */
  expand(id: string): Promise<void>;
  /** A link's evidence in the panel, read the way it points; Back returns to the entity in view. */
  openEdge(edge: string): void;
}

export interface ExploringParts {
  panel: Panel;
  paging: Paging;
  status: HTMLElement;
  /** Says on the status line what is open, when the canvas itself does not change. */
  announce: (what: string) => void;
}

export function exploring(canvas: Canvas, { panel, paging, status, announce }: ExploringParts): Exploring {
  const { container } = canvas;
  // The panel takes the right side: the canvas gives it room before sigma measures the container.
  const makeRoom = () => container.parentElement!.classList.add('with-panel');

  const open: Exploring['open'] = async (id, { focus = false } = {}) => {
    status.textContent = 'Loading…';
    try {
      const [entity, neighbourhood] = await busy(status, Promise.all([fetchEntity(id), paging.firstPage(id)]));
      makeRoom();
      if (focus || !canvas.graph.hasNode(id)) {
        canvas.replace(neighbourhood, entity.name);
        paging.opened(id, neighbourhood);
      } else announce(entity.name);
      canvas.centreOn(id);
      document.getElementById('empty')!.hidden = true;
      container.dataset.state = 'ready';
      container.dataset.focus = id;
      panel.showEntity(entity, neighbourhood);
    } catch (err) {
      status.textContent = `Could not open ${id}`;
      toast(`Could not open ${id}: ${errorText(err)}`, 'error');
    }
  };

  const expand: Exploring['expand'] = async (id) => {
    status.textContent = 'Expanding…';
    try {
      const neighbourhood = await busy(status, paging.firstPage(id));
      paging.expanded(id, neighbourhood, canvas.merge(id, neighbourhood));
    } catch (err) {
      status.textContent = `Could not expand ${id}`;
      toast(`Could not expand ${id}: ${errorText(err)}`, 'error');
    }
  };

  const openEdge: Exploring['openEdge'] = (edge) => {
    const { graph } = canvas;
    if (!graph.hasEdge(edge)) return;
    const [source, target] = graph.extremities(edge);
    const { relType, corroboration } = graph.getEdgeAttributes(edge);
    const sentence = linkSentence(graph.getNodeAttribute(source, 'label'), relType, graph.getNodeAttribute(target, 'label'));
    makeRoom();
    const back = container.dataset.focus ?? source;
    void panel.showEvidence(edge, sentence, () => void open(back), corroboration);
  };

  return { open, expand, openEdge };
}
