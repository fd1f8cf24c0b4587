// @ts-check
/* global window, document, location, performance, fetch, requestAnimationFrame, URLSearchParams */
/**
 * What both bench pages share: loading the graph (generated, or a real one laid out by run.ts), counting drawn frames, timing the first
 * painted frame, and the report the driver (bench/render/run.ts) reads from `window.bench`.
 *
 * The pages are JavaScript checked by bench/render/tsconfig.json: the project's root tsconfig covers
 * bench/ without the DOM library, and the client's covers only client/src.
 */

/**
 * @typedef {object} BenchReport
 * @property {'sigma' | 'vis-network'} library
 * @property {number} nodes
 * @property {number} edges
 * @property {number} [firstFrameMs] ms from the start of building the drawing to the first frame on screen
 * @property {number[]} frames performance.now() of every frame the library drew
 * @property {string} [webgl] the WebGL renderer the browser gives pages
 * @property {string} [error]
 *
 * @typedef {object} BenchCamera
 * @property {(factor: number, ms: number) => Promise<void>} zoom zooms by `factor` (> 1 closer) about the centre over `ms`, with the library's own animation
 * @property {() => { x: number, y: number }} emptyPoint a point of the viewport near its centre with no node under it, where a drag pans the view
 */

export const params = new URLSearchParams(location.search);

/**
 * @param {BenchReport['library']} library
 * @returns {BenchReport}
 */
export function report(library) {
  /** @type {BenchReport} */
  const bench = { library, nodes: Number(params.get('nodes')), edges: Number(params.get('edges')), frames: [] };
  Object.assign(window, { bench });
  window.addEventListener('error', (e) => (bench.error = String(e.message)));
  window.addEventListener('unhandledrejection', (e) => (bench.error = String(e.reason)));
  return bench;
}

/** @param {BenchCamera} camera */
export function exposeCamera(camera) {
  Object.assign(window, { benchCamera: camera });
}

/**
 * The graph the driver named in `graph`: a file beside the page, with every node's position in `bx`/`by`.
 * @returns {Promise<import('../../common/graph.js').SerializedGraph>}
 */
export async function loadGraph() {
  const response = await fetch(params.get('graph') ?? '');
  if (!response.ok) throw new Error(`no graph at ${params.get('graph')}: ${response.status}`);
  return response.json();
}

/**
 * Loads the graph, waits for a frame, then times `draw` from there. The JSON is not kept: afterwards
 * the heap holds only what `draw` made.
 * @template T
 * @param {(data: import('../../common/graph.js').SerializedGraph) => T} draw
 * @returns {Promise<{ start: number, drawn: T }>}
 */
export async function timedDraw(draw) {
  const data = await loadGraph();
  await nextFrame();
  const start = performance.now();
  return { start, drawn: draw(data) };
}

/** @returns {Promise<number>} */
export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * Waits until what was drawn is on screen: `flush` makes the drawing's own work finish (a 1-pixel read
 * waits for the GL or canvas pipeline), then two animation frames let the compositor show it.
 * @param {() => void} flush
 */
export async function painted(flush) {
  flush();
  await nextFrame();
  await nextFrame();
  return performance.now();
}

/**
 * Reads one pixel of each WebGL canvas, which waits for all the GL work queued on it.
 * @param {Iterable<HTMLCanvasElement>} canvases
 */
export function finishGl(canvases) {
  const pixel = new Uint8Array(4);
  for (const canvas of canvases) {
    /** @type {WebGLRenderingContext | WebGL2RenderingContext | null} */
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    gl?.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
  }
}

/** The WebGL renderer this browser gives pages: SwiftShader here, the GPU's name on a machine with one. */
export function webglRenderer() {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return 'none';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}

/**
 * The free point nearest the viewport's centre on a 20-px grid, given where nodes are drawn.
 * @param {Iterable<{ x: number, y: number, r: number }>} discs nodes in viewport pixels
 * @param {number} width
 * @param {number} height
 */
export function emptyPointAmong(discs, width, height) {
  const all = [...discs];
  const cx = width / 2;
  const cy = height / 2;
  for (let ring = 0; ring < 20; ring++) {
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const x = cx + 20 * dx;
        const y = cy + 20 * dy;
        if (all.every((d) => Math.hypot(d.x - x, d.y - y) > d.r + 8)) return { x, y };
      }
    }
  }
  return { x: cx, y: cy };
}
