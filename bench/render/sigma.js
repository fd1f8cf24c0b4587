// @ts-check
/* global document, performance */
/**
 * The explorer's renderer on the bench graph, through the client's own modules: viewGraphOf builds
 * the graphology graph and renderGraph draws it with a fresh ViewState, as the Canvas store does.
 * The `tuning` parameter (e.g. `hideOnMove=0,arrowEdgeLimit=Infinity`) turns tunings off to measure them.
 */
import { viewGraphOf } from '../../client/src/graph/model.js';
import { ViewState } from '../../client/src/graph/state.js';
import { renderGraph, renderTuning } from '../../client/src/graph/view.js';
import { emptyPointAmong, exposeCamera, finishGl, painted, params, report, timedDraw, webglRenderer } from './harness.js';

const bench = report('sigma');
bench.webgl = webglRenderer();
/** @type {Record<string, unknown>} */
const tuning = renderTuning;
for (const pair of (params.get('tuning') ?? '').split(',').filter(Boolean)) {
  const [key = '', value = ''] = pair.split('=');
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
  return { graph, renderer: renderGraph(graph, container, new ViewState()) };
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
