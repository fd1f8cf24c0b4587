/**
 * What lies over the canvas (the toolbar, the legend, the overview's hint, the filters) as boxes in the
 * canvas's own coordinates: labels keep clear of them (labels.ts) and the camera frames nodes beside them
 * (layout/camera.ts). Typed through what it reads, so its pure parts run and are tested outside a browser.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The parts of an element read here (an HTMLElement in the browser). */
export interface Measured {
  hidden?: boolean;
  getBoundingClientRect(): Rect;
  parentElement: { children: ArrayLike<unknown> } | null;
}

/** The boxes of the elements laid over `container` (toolbar, legend, open panels), in its coordinates. */
export function overlayBoxes(container: Measured): Box[] {
  const stage = container.parentElement;
  if (!stage) return [];
  const origin = container.getBoundingClientRect();
  const boxes: Box[] = [];
  for (const element of Array.from(stage.children)) {
    const child = element as Partial<Measured>;
    if (element === container || child.hidden || typeof child.getBoundingClientRect !== 'function') continue;
    const r = child.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const box = { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
    if (overlaps(box, { x: 0, y: 0, width: origin.width, height: origin.height })) boxes.push(box);
  }
  return boxes;
}
