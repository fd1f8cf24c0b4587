/**
 * The canvas as an SVG document: what sigma draws (WebGL, so no vector of its own), redrawn as circles,
 * lines and text from plain numbers. A pure function of what the caller read off the renderer
 * (snapshot.ts), so it runs and is tested outside a browser.
 */

/** A node as drawn: its centre in pixels from the canvas's top left, its radius in pixels. */
export interface SvgNode {
  key: string;
  x: number;
  y: number;
  radius: number;
  color: string;
  /** The label when the canvas shows one (sigma leaves out those that would crowd). */
  label?: string;
  /** The ring around a pinned node, of this colour; `radius` includes it, as sigma's does (drawn as a second circle, class "ring"). */
  ring?: string;
  /** Left out of the drawing: filtered out of the view. */
  hidden?: boolean;
}

export interface SvgEdge {
  key: string;
  source: string;
  target: string;
  color: string;
  /** Thickness in pixels. */
  width: number;
  /** An arrowhead at the target, as the canvas draws directed links while there are few enough of them. */
  arrow?: boolean;
  dashed?: boolean;
  hidden?: boolean;
}

export interface SvgView {
  /** The canvas's size in pixels: the document's. */
  width: number;
  height: number;
  nodes: readonly SvgNode[];
  edges: readonly SvgEdge[];
  background?: string;
  /** Sigma's label settings (its defaults: Arial, 14 px, black). */
  labelFont?: string;
  labelSize?: number;
  labelColor?: string;
}

/** A pinned node's ring and the white gap inside it, in pixels, as layout/program.ts draws them. */
const RING_WIDTH = 2.5;
const RING_GAP = 1.5;

/** Characters XML 1.0 forbids, which no escape can carry: C0 controls but tab and line breaks, lone surrogates, U+FFFE/F. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` safe as XML character data or inside a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A number as SVG wants it: finite, two decimals at most. */
function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  return String(Math.round(value * 100) / 100);
}

/** A colour from the data goes into an attribute: anything but a plain CSS colour word or code is refused. */
function colour(value: string, fallback: string): string {
  return /^(#[0-9a-f]{3,8}|[a-z]+|(rgb|hsl)a?\([0-9.,%\s/]+\))$/i.test(value) ? value : fallback;
}

function edgeElements(edge: SvgEdge, from: SvgNode, to: SvgNode): string[] {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  const stroke = colour(edge.color, '#c5c9d2');
  const dash = edge.dashed ? ` stroke-dasharray="${num(edge.width * 3)} ${num(edge.width * 2)}"` : '';
  // A self-loop, or a node with no position: nothing to draw a line along.
  if (!(length > 0)) return [];
  const [ux, uy] = [dx / length, dy / length];
  // As sigma clamps an arrow: the line stops where the head begins, the tip touches the target's edge.
  const headLength = edge.arrow ? edge.width * 2.5 : 0;
  const tip = Math.max(0, length - to.radius);
  const end = Math.max(0, tip - headLength);
  const line = `<line x1="${num(from.x)}" y1="${num(from.y)}" x2="${num(from.x + ux * end)}" y2="${num(from.y + uy * end)}" stroke="${stroke}" stroke-width="${num(edge.width)}"${dash}/>`;
  if (!edge.arrow || tip <= 0) return [line];
  const half = edge.width;
  const [tx, ty] = [from.x + ux * tip, from.y + uy * tip];
  const [bx, by] = [from.x + ux * end, from.y + uy * end];
  const points = [
    [tx, ty],
    [bx - uy * half, by + ux * half],
    [bx + uy * half, by - ux * half],
  ];
  return [line, `<polygon points="${points.map(([x, y]) => `${num(x!)},${num(y!)}`).join(' ')}" fill="${stroke}"/>`];
}

/** The view as a standalone SVG document, the canvas's size, on `background` (white unless told). */
export function viewToSvg(view: SvgView): string {
  const { width, height } = view;
  const font = view.labelFont ?? 'Arial';
  const fontSize = view.labelSize ?? 14;
  const shown = new Map(view.nodes.filter((n) => !n.hidden).map((n) => [n.key, n]));
  const edges: string[] = [];
  for (const edge of view.edges) {
    const [from, to] = [shown.get(edge.source), shown.get(edge.target)];
    if (edge.hidden || !from || !to) continue;
    edges.push(...edgeElements(edge, from, to));
  }
  const nodes: string[] = [];
  const labels: string[] = [];
  for (const node of shown.values()) {
    const fill = colour(node.color, '#6b7280');
    const [cx, cy] = [num(node.x), num(node.y)];
    let radius = node.radius;
    if (node.ring) {
      // Ring and gap in one circle (a stroke straddles its radius), the node's own circle inside.
      nodes.push(
        `<circle class="ring" cx="${cx}" cy="${cy}" r="${num(Math.max(0, radius - RING_WIDTH / 2))}" fill="#ffffff" stroke="${colour(node.ring, '#1d2430')}" stroke-width="${RING_WIDTH}"/>`,
      );
      radius = Math.max(1, radius - RING_WIDTH - RING_GAP);
    }
    // The node's id goes with it, so a script can tell the circles apart.
    nodes.push(`<circle class="node" data-key="${escapeXml(node.key)}" cx="${cx}" cy="${cy}" r="${num(radius)}" fill="${fill}"/>`);
    // Where sigma writes a label: beside the node, 3 px off its edge, a third of the font size down.
    if (node.label) labels.push(`<text x="${num(node.x + node.radius + 3)}" y="${num(node.y + fontSize / 3)}">${escapeXml(node.label)}</text>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}">`,
    `<rect width="100%" height="100%" fill="${colour(view.background ?? '#ffffff', '#ffffff')}"/>`,
    `<g class="edges" fill="none" stroke-linecap="butt">${edges.join('')}</g>`,
    `<g class="nodes">${nodes.join('')}</g>`,
    `<g class="labels" font-family="${escapeXml(font)}" font-size="${num(fontSize)}" fill="${colour(view.labelColor ?? '#000000', '#000000')}">${labels.join('')}</g>`,
    '</svg>',
    '',
  ].join('\n');
}
