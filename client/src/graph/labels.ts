/**
 * Labels that never overlap. Sigma picks labels per grid cell, so two neighbours across a cell border
 * still print over each other ("Paul Stephenson" over "Metropolitan Police"); here each label is drawn
 * only if its box is clear of the labels already drawn in this frame and of the overlays on top of the
 * canvas (toolbar, legend, filters). Sigma offers labels larger nodes first, so those win.
 */
import { drawDiscNodeLabel, type NodeLabelDrawingFunction } from 'sigma/rendering';
import type { Attributes } from 'graphology-types';
import { overlaps, type Box } from './overlays.js';

/** Where sigma's disc label drawer puts a label's text: right of the node, centred on it. */
export function labelBox(data: { x: number; y: number; size: number }, textWidth: number, fontSize: number): Box {
  return { x: data.x + data.size + 3, y: data.y - (fontSize * 2) / 3, width: textWidth, height: fontSize + 2 };
}

/**
 * The labels of one frame: `place` accepts a box inside `bounds` (the canvas: a label cut at its edge is
 * not read) that overlaps nothing placed or blocked. Pure.
 */
export class LabelPlacement {
  readonly placed: (Box & { node: string })[] = [];
  constructor(
    readonly blocked: readonly Box[] = [],
    readonly bounds: Box | null = null,
  ) {}

  place(node: string, box: Box): boolean {
    const b = this.bounds;
    if (b && (box.x < b.x || box.y < b.y || box.x + box.width > b.x + b.width || box.y + box.height > b.y + b.height)) return false;
    if (this.blocked.some((o) => overlaps(o, box)) || this.placed.some((p) => overlaps(p, box))) return false;
    this.placed.push({ ...box, node });
    return true;
  }
}

/**
 * A label drawer for sigma's `defaultDrawNodeLabel` that asks the frame's placement before drawing. A
 * placement belongs to the canvas drawn on: the renderer starts a new one for its own each frame
 * (`placements.set`), and a copy of the renderer (the PNG export's) gets one of its own.
 * Hovered nodes are drawn by the hover drawer, on their own layer, and always show.
 */
export function placedLabelDrawer<N extends Attributes, E extends Attributes>(placements: WeakMap<object, LabelPlacement>): NodeLabelDrawingFunction<N, E> {
  return (context, data, settings) => {
    if (!data.label) return;
    let placement = placements.get(context);
    if (!placement) placements.set(context, (placement = new LabelPlacement()));
    context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    const box = labelBox(data, context.measureText(data.label).width, settings.labelSize);
    if (placement.place(data.key, box)) drawDiscNodeLabel(context, data, settings);
  };
}
