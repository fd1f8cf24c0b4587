/**
 * Camera moves for the view controls: fit the camera to the nodes on show, zoom in and out, and let
 * sigma frame the graph on its own extent again after a drag without anything on screen jumping.
 *
 * Sigma keeps two coordinate systems apart: graph coordinates (the x, y attributes) and "framed"
 * coordinates, the graph's extent (or a custom box) scaled into [0, 1]; the camera lives in the latter.
 */
import type Sigma from 'sigma';
import type { ViewEdge, ViewNode } from '../graph/model.js';

type Renderer = Sigma<ViewNode, ViewEdge>;

/** Pixels kept clear around fitted nodes: room for their discs and the start of their labels. */
const FIT_MARGIN = 48;
const CAMERA_DURATION = 250;

export interface Extent {
  width: number;
  height: number;
}

/**
 * The camera ratio at which a box of `box` framed units fits a viewport less `margin` pixels on each side,
 * given `pixelsPerUnit`, what one framed unit spans on screen at ratio 1. Null when the box has no extent
 * (a single node): there is nothing to fit, only to centre.
 */
export function fittingRatio(box: Extent, viewport: Extent, pixelsPerUnit: number, margin = FIT_MARGIN): number | null {
  if (!(box.width > 0) && !(box.height > 0)) return null;
  const room = { width: Math.max(viewport.width - 2 * margin, 1), height: Math.max(viewport.height - 2 * margin, 1) };
  return Math.max((box.width * pixelsPerUnit) / room.width, (box.height * pixelsPerUnit) / room.height);
}

/** Animates the camera so that `nodes` fill the viewport; with no nodes, back to the whole graph. */
export function fitCamera(sigma: Renderer, nodes: readonly string[]): Promise<void> {
  const camera = sigma.getCamera();
  if (nodes.length === 0) return camera.animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: CAMERA_DURATION });
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const shown = sigma.getNodeDisplayData(node);
    if (!shown) continue;
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
  const fitted = fittingRatio({ width: maxX - minX, height: maxY - minY }, sigma.getDimensions(), pixelsPerUnit);
  return camera.animate({ x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio: fitted ?? ratio, angle: 0 }, { duration: CAMERA_DURATION });
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
