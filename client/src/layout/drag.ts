/**
 * Moving nodes by hand: press on a node, drag it, and it stays where it is dropped, pinned (`fixed`),
 * so a layout run leaves it there. Each drag is one undoable step. Alt+click on a pinned node unpins it.
 * Follows sigma's drag-and-drop example: while a node is held, sigma's default for a mouse move (panning
 * the camera) is prevented.
 */
import type Sigma from 'sigma';
import type { Canvas } from '../app/canvas.js';
import type { ViewEdge, ViewNode } from '../graph/model.js';
import { holdFrame, releaseFrame } from './camera.js';
import { isPinned } from '../graph/pinned.js';

/** Pixels the pointer must travel, button down, before a press on a node becomes a drag. */
const DRAG_THRESHOLD = 4;

export interface DragHooks {
  /** Before a drag's first move or an unpin: a running layout must let go of the graph. */
  beforeChange(): void;
  /** After a node was pinned or unpinned. */
  pinsChanged(): void;
}

export function enableDragToPin(canvas: Canvas, sigma: Sigma<ViewNode, ViewEdge>, hooks: DragHooks): void {
  const { graph } = canvas;
  let grabbed: string | null = null;
  let pressedAt = { x: 0, y: 0 };
  let moved = false;

  sigma.on('downNode', ({ node, event }) => {
    const press = event.original;
    if (press.altKey || ('button' in press && press.button !== 0)) return;
    grabbed = node;
    pressedAt = { x: event.x, y: event.y };
    moved = false;
  });

  sigma.on('moveBody', ({ event }) => {
    if (grabbed === null) return;
    event.preventSigmaDefault();
    event.original.preventDefault();
    event.original.stopPropagation();
    if (!moved) {
      // A hand pressing a button wobbles: a few pixels are still a click, not a move.
      if (Math.hypot(event.x - pressedAt.x, event.y - pressedAt.y) < DRAG_THRESHOLD) return;
      hooks.beforeChange();
      canvas.recordChange(`Moved ${graph.getNodeAttribute(grabbed, 'label')}`);
      holdFrame(sigma);
      moved = true;
    }
    const { x, y } = sigma.viewportToGraph(event);
    graph.mergeNodeAttributes(grabbed, { x, y, fixed: true });
  });

  const drop = () => {
    if (grabbed === null) return;
    grabbed = null;
    if (!moved) return;
    // The browser follows this mouseup with a click on the canvas; sigma would open the node. Sigma
    // ignores clicks after a drag, counted in moves it made itself, which the prevented default skipped.
    const mouse = sigma.getMouseCaptor();
    mouse.draggedEvents = Math.max(mouse.draggedEvents, sigma.getSetting('draggedEventsTolerance'));
    releaseFrame(sigma);
    hooks.pinsChanged();
  };
  sigma.on('upNode', drop);
  sigma.on('upStage', drop);

  sigma.on('clickNode', ({ node, event }) => {
    if (!event.original.altKey || !isPinned(graph.getNodeAttributes(node))) return;
    hooks.beforeChange();
    canvas.recordChange(`Unpinned ${graph.getNodeAttribute(node, 'label')}`);
    graph.removeNodeAttribute(node, 'fixed');
    hooks.pinsChanged();
  });
}

/** Unpins every pinned node, as one undoable step; returns how many there were. */
export function unpinAll(canvas: Canvas): number {
  const pinned = canvas.graph.filterNodes((_node, data) => isPinned(data));
  if (pinned.length === 0) return 0;
  canvas.recordChange(`Unpinned ${pinned.length}`);
  for (const node of pinned) canvas.graph.removeNodeAttribute(node, 'fixed');
  return pinned.length;
}

export function pinnedCount(canvas: Canvas): number {
  let count = 0;
  canvas.graph.forEachNode((_node, data) => {
    if (isPinned(data)) count++;
  });
  return count;
}
