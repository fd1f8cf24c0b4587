/**
 * Paging a node's neighbours and collapsing them again. Neighbourhoods come a page at a time
 * (`pageSize` nodes, best-connected first); each node on the canvas remembers how far its pages went
 * (`pagedTo`, a node attribute, so undo and redo take it back with the graph), and "Show N more" fetches
 * the next page and merges it in place. "Collapse" takes away the neighbours that hang off the node
 * alone. Every change is one undo step and one step in the address (app/url.ts).
 */
import type { EntityDetails } from '../../../common/api.js';
import type { SerializedGraph } from '../../../common/graph.js';
import { fetchNeighbourhood } from '../api.js';
import type { Canvas } from '../app/canvas.js';
import { busy, errorText, toast } from '../app/toast.js';
import { parseViewUrl, recordFocus, recordStep } from '../app/url.js';
import { collapseLeaves, leavesOf } from '../graph/expand.js';
import { fitCamera } from '../layout/camera.js';
import { hiddenCount } from '../graph/badge.js';
import { combinePages, nextOffset, pageOffset } from './pages.js';

/** Neighbours per page: enough to see who matters around a hub, few enough to lay out at once. */
export const DEFAULT_PAGE_SIZE = 100;
/** Pages fetched for one "Show more" at most, when earlier pages are all on the canvas already. */
const MAX_PAGES_PER_CLICK = 20;

export interface Paging {
  readonly pageSize: number;
  /** The first page of `id`'s neighbourhood, for opening or expanding it. */
  firstPage(id: string): Promise<SerializedGraph>;
  /** Call after the canvas was replaced by `id`'s first page (an entity opened). */
  opened(id: string, reply: SerializedGraph): void;
  /** Call after `id`'s first page was merged into the canvas; `added` nodes were new. */
  expanded(id: string, reply: SerializedGraph, added: number): void;
  /** Merges the next page of `id`'s neighbours that brings anything new. */
  more(id: string): Promise<void>;
  /** Takes away the neighbours that hang off `id` alone. */
  collapse(id: string): void;
  /** The panel's "Show N more" and "Collapse" for an entity; they keep up with the canvas. */
  controls(entity: EntityDetails, reply: SerializedGraph): HTMLElement;
}

export function mountPaging(canvas: Canvas, pageSize = parseViewUrl(location.search).pageSize ?? DEFAULT_PAGE_SIZE): Paging {
  const { graph } = canvas;
  const status = document.getElementById('status') ?? canvas.container;
  let refreshControls: (() => void) | null = null;
  canvas.onChange(() => refreshControls?.());

  const label = (id: string) => (graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') : id);
  const remember = (id: string, reply: SerializedGraph) => {
    if (graph.hasNode(id)) graph.setNodeAttribute(id, 'pagedTo', Math.max(pageOffset(graph, id), nextOffset(reply)));
  };

  const paging: Paging = {
    pageSize,
    firstPage: (id) => fetchNeighbourhood(id, 1, { limit: pageSize }),
    opened(id, reply) {
      remember(id, reply);
      recordFocus(graph, id);
    },
    expanded(id, reply, added) {
      remember(id, reply);
      if (added > 0) recordStep(graph, { kind: 'expand', id });
    },

    async more(id) {
      if (!graph.hasNode(id)) {
        toast(`Cannot show more around ${id}: it is not on the graph.`, 'error');
        return;
      }
      try {
        const pages: SerializedGraph[] = [];
        let offset = pageOffset(graph, id);
        for (let i = 0; i < MAX_PAGES_PER_CLICK; i++) {
          const page = await busy(status, fetchNeighbourhood(id, 1, { limit: pageSize, offset }));
          pages.push(page);
          const keys = page.attributes.page as string[];
          offset = nextOffset(page);
          // Earlier pages may be on the canvas already (from other expansions): go on to one that adds.
          if (keys.length === 0 || keys.some((k) => !graph.hasNode(k)) || offset >= (page.attributes.neighbours as number)) break;
        }
        if (!graph.hasNode(id)) return;
        const added = canvas.merge(id, combinePages(pages), (n) => `${n} more`);
        graph.setNodeAttribute(id, 'pagedTo', offset);
        recordStep(graph, { kind: 'more', id });
        if (added === 0) toast(`No more neighbours of ${label(id)} to show.`);
      } catch (err) {
        status.textContent = `Could not show more around ${label(id)}`;
        toast(`Could not show more around ${label(id)}: ${errorText(err)}`, 'error');
      }
    },

    collapse(id) {
      if (!graph.hasNode(id)) {
        toast(`Cannot collapse ${id}: it is not on the graph.`, 'error');
        return;
      }
      if (leavesOf(graph, id).length === 0) {
        toast(`Nothing hangs off ${label(id)} alone: no neighbour to collapse.`);
        return;
      }
      canvas.history.record(graph);
      const dropped = collapseLeaves(graph, id);
      // Its pages are no longer all on the canvas: "Show more" starts again from the first.
      graph.setNodeAttribute(id, 'pagedTo', 0);
      recordStep(graph, { kind: 'collapse', id });
      canvas.report(`${dropped.length} collapsed`);
      // The graph shrank and sigma rescales to it: fit what is left, as the Fit button does (once sigma has re-indexed).
      canvas.sigma.refresh();
      void fitCamera(canvas.sigma, graph.nodes());
    },

    controls(entity, reply) {
      const root = document.createElement('span');
      root.className = 'paging';
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'action';
      more.addEventListener('click', () => void busy(more, paging.more(entity.id)));
      const collapse = document.createElement('button');
      collapse.type = 'button';
      collapse.className = 'action';
      collapse.textContent = 'Collapse';
      collapse.setAttribute('aria-label', `Collapse: remove the neighbours that hang off ${entity.name} alone`);
      collapse.title = `Remove the neighbours linked to ${entity.name} and nothing else`;
      collapse.addEventListener('click', () => paging.collapse(entity.id));
      root.append(more, collapse);

      // A node from the overview does not know how many neighbours it has: the reply that opened it does.
      const center = reply.nodes.find((n) => n.key === entity.id);
      if (
        graph.hasNode(entity.id) &&
        typeof center?.attributes.neighbourCount === 'number' &&
        graph.getNodeAttribute(entity.id, 'neighbourCount') === undefined
      ) {
        graph.setNodeAttribute(entity.id, 'neighbourCount', center.attributes.neighbourCount);
      }
      const refresh = () => {
        const onCanvas = graph.hasNode(entity.id);
        const hidden = onCanvas ? hiddenCount(graph, entity.id) : 0;
        const next = Math.min(hidden, pageSize);
        root.dataset.hidden = String(hidden);
        more.hidden = hidden === 0;
        more.textContent = `Show ${next} more`;
        more.setAttribute('aria-label', `Show ${next} more of the ${hidden} neighbours of ${entity.name} not on the graph`);
        more.title = `${hidden} neighbours of ${entity.name} are not on the graph; add the next ${next}`;
        collapse.disabled = !onCanvas || leavesOf(graph, entity.id).length === 0;
      };
      refresh();
      refreshControls = () => (root.isConnected ? refresh() : undefined);
      return root;
    },
  };
  return paging;
}
