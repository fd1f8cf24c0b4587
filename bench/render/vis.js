// @ts-check
/* global document, performance, requestAnimationFrame */
/**
 * The baseline: vis-network on the same graph, positions given and physics off so that it only draws.
 * The explorer's picture in its default style: node colours and radii as appearance.ts gives them (radii
 * by PageRank, worked out here as the explorer does, since an app showing them would have to), links as
 * wide as the documents behind them and tinted when alleged or hedged, its short labels; straight edges
 * with arrowheads; vis-network's defaults otherwise. The `vis` parameter changes that for comparison:
 * `labels=0` (no labels), `arrows=0` (plain edges), `hide=1` (vis-network's own hideEdgesOnDrag and
 * hideEdgesOnZoom), `size=degree` (radii by degree, no PageRank: the picture of sessions before 16).
 */
import { MultiDirectedGraph } from 'graphology';
import { DataSet, Network } from 'vis-network/standalone';
import { DEFAULT_APPEARANCE, edgeWidth, nodeColor, nodeSize } from '../../client/src/graph/appearance.js';
import { ALLEGED_EDGE } from '../../client/src/graph/highlight.js';
import { centralityOf, communitiesOf } from '../../client/src/graph/metrics.js';
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
const appearance = { ...DEFAULT_APPEARANCE, ...(options.get('size') === 'degree' ? { size: /** @type {const} */ ('degree') } : {}) };
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
  /** @type {Map<string, string>} */
  const kind = new Map(data.nodes.map((n) => [n.key, n.attributes.kind]));
  for (const e of data.edges) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  // The metrics read links only, so a bare graph of keys gives the explorer's figures without copying attributes.
  const needsGraph = appearance.size === 'centrality' || appearance.color === 'community';
  const bare = new MultiDirectedGraph({ allowSelfLoops: true });
  if (needsGraph) {
    for (const n of data.nodes) bare.addNode(n.key);
    for (const e of data.edges) bare.addEdge(e.source, e.target);
  }
  const centrality = appearance.size === 'centrality' ? centralityOf(bare) : new Map();
  const communities = appearance.color === 'community' ? communitiesOf(bare) : new Map();
  const nodes = new DataSet(
    data.nodes.map((n) => {
      const facts = { kind: n.attributes.kind, degree: degree.get(n.key) ?? 0, community: communities.get(n.key), centrality: centrality.get(n.key) };
      return {
        id: n.key,
        ...(labels ? { label: shortLabel(n.attributes.label) } : {}),
        x: Number(n.attributes['bx']),
        y: Number(n.attributes['by']),
        size: nodeSize(facts, appearance.size),
        color: nodeColor(facts, appearance.color),
        shape: 'dot',
      };
    }),
  );
  const edges = new DataSet(
    data.edges.map((e) => {
      const alleged = e.attributes.properties['hedged'] === true || kind.get(e.source) === 'Allegation' || kind.get(e.target) === 'Allegation';
      const width = edgeWidth(e.attributes.corroboration, appearance.width);
      return { id: e.key, from: e.source, to: e.target, ...(width !== 1 ? { width } : {}), ...(alleged ? { color: ALLEGED_EDGE } : {}) };
    }),
  );
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
