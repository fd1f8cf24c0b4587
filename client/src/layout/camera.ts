/**
 * Camera moves for the view controls: fit the camera to the nodes on show, zoom in and out, and let
 * sigma frame the graph on its own extent again after a drag without anything on screen jumping.
 *
 * Sigma keeps two coordinate systems apart: graph coordinates (the x, y attributes) and "framed"
 * coordinates, the graph's extent (or a custom box) scaled into [0, 1]; the camera lives in the latter.
 */
import type Sigma from 'sigma';
import { overlayBoxes, type Box } from '../graph/overlays.js';
import type { ViewEdge, ViewNode } from '../graph/model.js';

type Renderer = Sigma<ViewNode, ViewEdge>;

/** Pixels kept clear around fitted nodes: room for their discs and the start of their labels. */
const FIT_MARGIN = 48;
const CAMERA_DURATION = 250;
/** Pixels kept on the right of fitted nodes for the start of their labels, which run rightwards. */
const LABEL_ROOM = 120;

export interface Extent {
  width: number;
  height: number;
}

/** Pixels of the viewport taken by what lies over it (toolbar, legend, hint, filters), per side. */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The sides that overlays take: a tall one (the filters) takes its side, a short one (the toolbar, the
 * legend, the hint) the top or the bottom, whichever half it sits in. Pure.
 */
export function insetsOf(boxes: readonly Box[], viewport: Extent): Insets {
  const insets = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const b of boxes) {
    if (b.height > viewport.height / 2) {
      if (b.x + b.width / 2 < viewport.width / 2) insets.left = Math.max(insets.left, b.x + b.width);
      else insets.right = Math.max(insets.right, viewport.width - b.x);
    } else if (b.y + b.height / 2 < viewport.height / 2) insets.top = Math.max(insets.top, b.y + b.height);
    else insets.bottom = Math.max(insets.bottom, viewport.height - b.y);
  }
  return insets;
}

const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * The camera ratio at which a box of `box` framed units fits a viewport less `insets` and `margin` pixels
 * on each side, given `pixelsPerUnit`, what one framed unit spans on screen at ratio 1. Null when the box
 * has no extent (a single node): there is nothing to fit, only to centre.
 */
export function fittingRatio(box: Extent, viewport: Extent, pixelsPerUnit: number, margin = FIT_MARGIN, insets: Insets = NO_INSETS): number | null {
  if (!(box.width > 0) && !(box.height > 0)) return null;
  const room = {
    width: Math.max(viewport.width - insets.left - insets.right - 2 * margin, 1),
    height: Math.max(viewport.height - insets.top - insets.bottom - 2 * margin, 1),
  };
  return Math.max((box.width * pixelsPerUnit) / room.width, (box.height * pixelsPerUnit) / room.height);
}

/**
 * Animates the camera so that `nodes` fill the part of the viewport nothing lies over; with no nodes, all
 * of them. `duration` 0 jumps (a new graph is framed before it is first seen); `closest` is the nearest
 * ratio it zooms to.
 */
export function fitCamera(sigma: Renderer, nodes: readonly string[], { duration = CAMERA_DURATION, closest = 0 } = {}): Promise<void> {
  const camera = sigma.getCamera();
  if (nodes.length === 0) nodes = sigma.getGraph().nodes();
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const shown = sigma.getNodeDisplayData(node);
    if (!shown || shown.hidden) continue;
    minX = Math.min(minX, shown.x);
    maxX = Math.max(maxX, shown.x);
    minY = Math.min(minY, shown.y);
    maxY = Math.max(maxY, shown.y);
  }
  if (minX > maxX) return Promise.resolve();
  const { ratio } = camera.getState();
  // What one framed unit spans on screen now, brought back to ratio 1: sigma's own matrices, no guessing.
  const origin = sigma.framedGraphToViewport({ x: 0, y: 0 });
  const unit = sigma.framedGraphToViewport({ x: 1, y: 0 });
  const pixelsPerUnit = Math.hypot(unit.x - origin.x, unit.y - origin.y) * ratio;
  const viewport = sigma.getDimensions();
  // Labels run to the right of their nodes: keep them some room on that side.
  const insets = insetsOf(overlayBoxes(sigma.getContainer()), viewport);
  insets.right += LABEL_ROOM;
  // `closest`: a few nodes close together are framed no nearer than this ratio, where nodes keep their size.
  const fitted = Math.max(closest, fittingRatio({ width: maxX - minX, height: maxY - minY }, viewport, pixelsPerUnit, FIT_MARGIN, insets) ?? ratio);
  // The box's middle goes to the middle of the free area: the camera looks at the point that, framed
  // on the box's middle, sits as far from the viewport's middle as the free area's middle, mirrored.
  const centred = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio: fitted, angle: 0 };
  const free = { x: (insets.left + viewport.width - insets.right) / 2, y: (insets.top + viewport.height - insets.bottom) / 2 };
  const target = sigma.viewportToFramedGraph({ x: viewport.width - free.x, y: viewport.height - free.y }, { cameraState: centred });
  const state = { ...centred, x: target.x, y: target.y };
  if (duration === 0) {
    camera.setState(state);
    return Promise.resolve();
  }
  return camera.animate(state, { duration });
}

/** True when the node is drawn inside the free part of the viewport (none of the overlays covers it). */
export function inView(sigma: Renderer, node: string): boolean {
  const shown = sigma.getNodeDisplayData(node);
  if (!shown) return false;
  const at = sigma.framedGraphToViewport(shown);
  const viewport = sigma.getDimensions();
  const insets = insetsOf(overlayBoxes(sigma.getContainer()), viewport);
  return at.x >= insets.left && at.x <= viewport.width - insets.right && at.y >= insets.top && at.y <= viewport.height - insets.bottom;
}

export function zoomIn(sigma: Renderer): Promise<void> {
  return sigma.getCamera().animatedZoom({ duration: CAMERA_DURATION });
}

export function zoomOut(sigma: Renderer): Promise<void> {
  return sigma.getCamera().animatedUnzoom({ duration: CAMERA_DURATION });
}

/**
 * Fixes the frame to the graph's current extent, so that moving a node past the edge of the graph does
 * not rescale everything under the pointer.
 */
export function holdFrame(sigma: Renderer): void {
  if (!sigma.getCustomBBox()) sigma.setCustomBBox(sigma.getBBox());
}

/**
 * Lets sigma frame the graph on its extent again (replaced graphs, layout runs and fits expect it), and
 * moves the camera so that the same graph point stays in the middle at the same scale: nothing jumps.
 */
export function releaseFrame(sigma: Renderer): void {
  if (!sigma.getCustomBBox()) return;
  const { width, height } = sigma.getDimensions();
  const middle = { x: width / 2, y: height / 2 };
  const aside = { x: width / 2 + 100, y: height / 2 };
  const unitsPer100px = () => {
    const a = sigma.viewportToGraph(middle);
    const b = sigma.viewportToGraph(aside);
    return Math.hypot(b.x - a.x, b.y - a.y);
  };
  const centre = sigma.viewportToGraph(middle);
  const before = unitsPer100px();
  sigma.setCustomBBox(null);
  sigma.refresh();
  const after = unitsPer100px();
  const camera = sigma.getCamera();
  const state = camera.getState();
  const framedCentre = sigma.viewportToFramedGraph(sigma.graphToViewport(centre));
  camera.setState({ ...state, x: framedCentre.x, y: framedCentre.y, ratio: after > 0 ? (state.ratio * before) / after : state.ratio });
}
