// @ts-check
/* global document, performance, requestAnimationFrame */
/**
 * The baseline: vis-network on the same graph, positions given and physics off so that it only draws.
 * Colours, radii and labels as the explorer's; straight edges with arrowheads; its defaults otherwise.
 * The `vis` parameter changes that for comparison: `labels=0` (no labels), `arrows=0` (plain edges),
 * `hide=1` (vis-network's own hideEdgesOnDrag and hideEdgesOnZoom).
 */
import { DataSet, Network } from 'vis-network/standalone';
import { colorOf, sizeOf } from '../../client/src/graph/style.js';
import { shortLabel } from '../../client/src/graph/wording.js';
import { emptyPointAmong, exposeCamera, painted, params, report, timedDraw, webglRenderer } from './harness.js';

const bench = report('vis-network');
const options = new Map(
  (params.get('vis') ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => /** @type {[string, string]} */ (pair.split('='))),
);
const labels = options.get('labels') !== '0';
const arrows = options.get('arrows') !== '0';
const hide = options.get('hide') === '1';
bench.webgl = webglRenderer();
const container = /** @type {HTMLElement} */ (document.getElementById('graph'));

/**
 * The graph's JSON in, the drawing out; nothing keeps the JSON afterwards, so the heap holds only
 * what an app using vis-network would.
 * @param {import('../../common/graph.js').SerializedGraph} data
 */
function draw(data) {
  /** @type {Map<string, number>} */
  const degree = new Map();
  for (const e of data.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const nodes = new DataSet(
    data.nodes.map((n) => ({
      id: n.key,
      ...(labels ? { label: shortLabel(n.attributes.label) } : {}),
      x: Number(n.attributes['bx']),
      y: Number(n.attributes['by']),
      size: sizeOf(degree.get(n.key) ?? 0),
      color: colorOf(n.attributes.kind),
      shape: 'dot',
    })),
  );
  const edges = new DataSet(data.edges.map((e) => ({ id: e.key, from: e.source, to: e.target })));
  const network = new Network(
    container,
    { nodes, edges },
    {
      physics: false,
      layout: { improvedLayout: false },
      edges: { smooth: false, arrows: arrows ? 'to' : '', color: '#c5c9d2', width: 1 },
      // Drags start wherever the script puts the pointer: pan the view, never move a node.
      interaction: { dragNodes: false, hideEdgesOnDrag: hide, hideEdgesOnZoom: hide },
    },
  );
  return { nodes, network };
}

const {
  start,
  drawn: { nodes, network },
} = await timedDraw(draw);
await new Promise((resolve) => network.once('afterDrawing', resolve));
const canvas = /** @type {HTMLCanvasElement} */ (container.querySelector('canvas'));
bench.firstFrameMs = (await painted(() => canvas.getContext('2d')?.getImageData(0, 0, 1, 1))) - start;
network.on('afterDrawing', () => bench.frames.push(performance.now()));

exposeCamera({
  // vis-network's own zoom animation counts frames, not time: at a few frames a second it would crawl.
  // This zooms by time, setting the scale every frame as a wheel does, and vis draws when it can.
  zoom: (factor, ms) =>
    new Promise((resolve) => {
      const from = network.getScale();
      const start = performance.now();
      /** @param {number} now */
      const step = (now) => {
        const k = Math.min(1, (now - start) / ms);
        network.moveTo({ scale: from * factor ** k });
        if (k < 1) requestAnimationFrame(step);
        else resolve(undefined);
      };
      requestAnimationFrame(step);
    }),
  emptyPoint: () => {
    const positions = network.getPositions();
    const discs = nodes.get().map((n) => ({ ...network.canvasToDOM(positions[n.id] ?? { x: 0, y: 0 }), r: (n.size ?? 0) * network.getScale() }));
    return emptyPointAmong(discs, container.clientWidth, container.clientHeight);
  },
});
