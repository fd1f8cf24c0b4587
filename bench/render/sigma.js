// @ts-check
/* global document, performance */
/**
 * The explorer's renderer on the bench graph, through the client's own modules: viewGraphOf builds
 * the graphology graph and renderGraph draws it with a fresh ViewState, as the Canvas store does.
 * The `tuning` parameter (e.g. `hideOnMove=0,arrowEdgeLimit=Infinity`) turns tunings off to measure them.
 * It also takes what is not a tuning but costs time, to see what each costs: the style (`size=degree`
 * spares the PageRank and Louvain runs the default `centrality` needs; `color`, `width` as appearance.ts
 * names them) and `labels=sigma`, sigma's own label drawer instead of the one that never overlaps. Sigma
 * draws its first frame as it is made, so with `labels=sigma` the first frame is drawn twice: read its fps.
 */
import { drawDiscNodeLabel } from 'sigma/rendering';
import { viewGraphOf } from '../../client/src/graph/model.js';
import { ViewState } from '../../client/src/graph/state.js';
import { renderGraph, renderTuning } from '../../client/src/graph/view.js';
import { emptyPointAmong, exposeCamera, finishGl, painted, params, report, timedDraw, webglRenderer } from './harness.js';

const bench = report('sigma');
bench.webgl = webglRenderer();
/** @type {Record<string, unknown>} */
const tuning = renderTuning;
const state = new ViewState();
const appearance = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (state.appearance));
let ownLabels = false;
for (const pair of (params.get('tuning') ?? '').split(',').filter(Boolean)) {
  const [key = '', value = ''] = pair.split('=');
  if (key in appearance) {
    appearance[key] = value;
    continue;
  }
  if (key === 'labels') {
    ownLabels = value === 'sigma';
    continue;
  }
  if (!(key in tuning)) throw new Error(`no tuning named ${key}`);
  const current = tuning[key];
  tuning[key] = typeof current === 'boolean' ? value === '1' || value === 'true' : typeof current === 'number' ? Number(value) : value;
}

const container = /** @type {HTMLElement} */ (document.getElementById('graph'));

/**
 * The graph's JSON in, the drawing out; nothing keeps the JSON afterwards, so the heap holds only
 * what the explorer would.
 * @param {import('../../common/graph.js').SerializedGraph} data
 */
function draw(data) {
  const graph = viewGraphOf(data);
  // viewGraphOf starts every node on a circle for ForceAtlas2; the bench's positions replace the layout.
  graph.updateEachNodeAttributes((_node, attrs) => ({ ...attrs, x: Number(attrs['bx']), y: Number(attrs['by']) }), { attributes: ['x', 'y'] });
  const renderer = renderGraph(graph, container, state);
  if (ownLabels) renderer.setSetting('defaultDrawNodeLabel', drawDiscNodeLabel);
  return { graph, renderer };
}

const {
  start,
  drawn: { graph, renderer },
} = await timedDraw(draw);
bench.firstFrameMs = (await painted(() => finishGl(Object.values(renderer.getCanvases())))) - start;
renderer.on('afterRender', () => bench.frames.push(performance.now()));

exposeCamera({
  zoom: (factor, ms) => {
    const camera = renderer.getCamera();
    return camera.animate({ ratio: camera.getState().ratio / factor }, { duration: ms, easing: 'linear' });
  },
  emptyPoint: () => {
    const { width, height } = renderer.getDimensions();
    const discs = graph.mapNodes((node) => {
      const shown = /** @type {import('sigma/types').NodeDisplayData} */ (renderer.getNodeDisplayData(node));
      return { ...renderer.framedGraphToViewport(shown), r: renderer.scaleSize(shown.size) };
    });
    return emptyPointAmong(discs, width, height);
  },
});
