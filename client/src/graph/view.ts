/**
 * Draws a graph with sigma over graphology. The graph holds data only; position, size and colour
 * are layout/appearance attributes computed here, and sigma reducers carry the view state.
 *
 * The settings are tuned for software WebGL (SwiftShader on machines without a GPU), where every
 * pixel and every GL call costs CPU time: `npm run bench:render` measures each tuning in `renderTuning`.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { SerializedGraph } from '../../../common/graph.js';
import Sigma from 'sigma';
import {
  createEdgeCompoundProgram,
  EdgeArrowHeadProgram,
  EdgeClampedProgram,
  EdgeLineProgram,
  EdgeRectangleProgram,
  NodeCircleProgram,
  type EdgeProgramType,
} from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, RenderParams } from 'sigma/types';
import { createNodeBorderProgram } from '@sigma/node-border';
import { dashedEdges } from './dashed.js';
import { CLAIM_NODE_TYPE, edgeStyle, isAlleged, nodeStyle } from './highlight.js';
import { LABEL_MAX } from './badge.js';
import { LabelPlacement, placedLabelDrawer } from './labels.js';
import { overlayBoxes, type Box } from './overlays.js';
import { linkSentence, phraseOf, shortLabel } from './wording.js';
import { viewGraphOf, type ViewEdge, type ViewGraph, type ViewNode } from './model.js';
import { watchAddedLinks } from './restyle.js';
import type { ViewState } from './state.js';

export type { ViewEdge, ViewGraph, ViewNode } from './model.js';

/**
 * The serialized graph ready to draw, laid out with ForceAtlas2 from its communities' circles, so the
 * same on every load. Node sizes count (adjustSizes) so that the members of a tight group sit side by
 * side rather than on top of each other.
 */
export function toViewGraph(data: SerializedGraph): ViewGraph {
  const graph = viewGraphOf(data);
  if (graph.order > 1) {
    const settings = { ...forceAtlas2.inferSettings(graph), adjustSizes: graph.order <= ADJUST_SIZES_UP_TO };
    forceAtlas2.assign(graph, { iterations: 150, settings });
  }
  return graph;
}

/** Size-aware layout costs a test per pair of nodes without Barnes-Hut; past this many nodes, overlap is a lesser evil. */
const ADJUST_SIZES_UP_TO = 2_000;

/**
 * How the renderer saves work. Read when a renderer is made and on every frame; the render bench
 * turns them off one at a time to measure what each buys, and never changes them in the app.
 */
export const renderTuning = {
  /**
   * While the camera moves over a graph of more than `hideOnMoveAbove` edges, draw neither edges nor labels:
   * a moving frame is nodes only, the rest follows when it stops. Smaller graphs are drawn whole all the
   * way. `sigma` uses sigma's own settings instead, at every size, which re-style and re-index the whole
   * graph after each drag.
   */
  hideOnMove: 'edges' as 'edges' | 'sigma' | 'off',
  hideOnMoveAbove: 2_000,
  /** No picking while the camera moves: no picking pass per frame, and no GPU read-back per mouse move to find a hovered node. */
  quietMotion: true,
  /** Edges get arrowheads (two GL programs each) up to this many edges; past it, direction is unreadable anyway. */
  arrowEdgeLimit: 2_000,
  /**
   * Links can be hovered and clicked, and are labelled, up to this many edges: sigma then draws every edge
   * a second time into its picking buffer, and past it links are too dense to point at anyway.
   */
  edgeEventLimit: 2_000,
  /** How edges past `arrowEdgeLimit` are drawn: `thin` is 1-px GL lines, the cheapest; `quad` is sigma's default, quads of the edge's width. */
  largeEdgeProgram: 'thin' as 'thin' | 'quad',
  /**
   * While edges and labels are hidden for a motion, leave their layers alone: cleared once as it starts and
   * hidden, not cleared and composited on every frame. Without a GPU each changed WebGL canvas is read back
   * into the compositor every frame, and the compositor blends every visible layer in software.
   */
  stillLayers: true,
  /** Nodes and arrows drawn by one plain GL call rather than an instanced one, which SwiftShader runs once per item. */
  flatPrograms: true,
  /** A change of view state (hover, filters, highlight) re-styles the graph once per frame, not once per change. */
  batchRefresh: true,
  /**
   * Past this many nodes, nodes shrink with √(fullSizeNodes / nodes): the same screen holds more of them,
   * overlapping less and costing fewer pixels; small labels drop out with them (labelRenderedSizeThreshold).
   */
  fullSizeNodes: 2_000,
};

type Renderer = Sigma<ViewNode, ViewEdge>;

/**
 * What the canvas drew, read off `#graph` by tests and scripts as they read its data attributes: the labels
 * of the last frame with the overlays they kept clear of, and where a node is on screen (CSS pixels).
 */
export interface ViewProbe {
  drawnLabels(): { labels: (Box & { node: string })[]; overlays: Box[] };
  positionOf(node: string): { x: number; y: number } | null;
}
export type ProbedElement = HTMLElement & { newsgraphView?: ViewProbe };

/** How long after a frame in motion to check that the motion has ended (sigma's mouse counts as moving for 100 ms). */
const MOTION_SETTLE_MS = 120;

/** Below this camera ratio (zoomed in) every drawn link is labelled with its type. */
export const EDGE_LABEL_ZOOM = 0.45;

/** "lawyer for", "met (hedged)": the words drawn along a link; its arrowhead gives the direction. */
export function edgeLabel(data: ViewEdge): string {
  return `${phraseOf(data.relType)}${data.properties.hedged === true ? ' (hedged)' : ''}`;
}

/**
 * The label of all the links between two nodes, either way, drawn on the first of them alone ("met,
 * asked (hedged)"): parallel links lie on one line, and their labels would print over each other.
 * Empty for the others.
 */
export function pairLabel(graph: ViewGraph, edge: string): string {
  const [source, target] = graph.extremities(edge);
  const pair = source === target ? graph.edges(source, source) : [...graph.edges(source, target), ...graph.edges(target, source)];
  if (pair.length === 1) return edgeLabel(graph.getEdgeAttributes(edge));
  pair.sort();
  if (pair[0] !== edge) return '';
  return [...new Set(pair.map((e) => edgeLabel(graph.getEdgeAttributes(e))))].join(', ');
}

/**
 * Sigma's own test for "the camera is moving" (render() hides edges on it), but a drag counts only while
 * the button is down: sigma keeps counting it until after the click that ends it, which must pick a node.
 * (`isMoving` alone lapses 100 ms after the last mouse move, which a slow frame outlasts mid-drag.)
 */
function cameraMoving(renderer: Renderer): boolean {
  const mouse = renderer.getMouseCaptor();
  return renderer.getCamera().isAnimated() || mouse.isMoving || (mouse.isMouseDown && mouse.draggedEvents > 0) || mouse.currentWheelDirection !== 0;
}

/** The parts of sigma's Program that un-instancing touches (public at run time, not in its types). */
interface ProgramParts {
  isInstanced: boolean;
  array: Float32Array;
  ATTRIBUTES_ITEMS_COUNT: number;
  getDefinition(): { ATTRIBUTES: unknown[]; CONSTANT_ATTRIBUTES?: unknown[]; CONSTANT_DATA?: number[][] };
  processVisibleItem(index: number, startIndex: number, ...data: unknown[]): void;
}

/**
 * A program's definition without instancing: its per-vertex constants (a corner's angle, a quad's
 * side) become ordinary attributes, written for every vertex. SwiftShader runs an instanced call
 * one instance at a time, so 20,000 instanced nodes cost 20,000 draws a frame; plain, they are one.
 */
function flatDefinition<D extends { ATTRIBUTES: unknown[] }>(definition: D): D {
  if (!renderTuning.flatPrograms || !('CONSTANT_ATTRIBUTES' in definition)) return definition;
  const { CONSTANT_ATTRIBUTES, CONSTANT_DATA: _constants, ...plain } = definition as D & { CONSTANT_ATTRIBUTES: unknown[]; CONSTANT_DATA: number[][] };
  return { ...plain, ATTRIBUTES: [...definition.ATTRIBUTES, ...CONSTANT_ATTRIBUTES] } as unknown as D;
}

const scratch = new Float32Array(256);

/** Writes one item of an un-instanced program: what the instanced one writes once, then for each vertex again with its constants. */
function writeFlat(program: ProgramParts, constants: number[][], startIndex: number, writeOnce: () => void): void {
  const array = program.array;
  program.array = scratch;
  try {
    writeOnce();
  } finally {
    program.array = array;
  }
  const once = program.ATTRIBUTES_ITEMS_COUNT - constants[0]!.length;
  for (const vertex of constants) {
    array.set(scratch.subarray(0, once), startIndex);
    array.set(vertex, startIndex + once);
    startIndex += once + vertex.length;
  }
}

const CIRCLE_CONSTANTS = (NodeCircleProgram.prototype as unknown as ProgramParts).getDefinition().CONSTANT_DATA!;

/**
 * Sigma's circle, un-instanced (see flatDefinition), and with no picking pass while the camera moves:
 * nothing can be hovered or clicked mid-motion, and the frame that ends the motion draws it again.
 */
class NodeProgram extends NodeCircleProgram<ViewNode, ViewEdge> {
  override getDefinition(): ReturnType<NodeCircleProgram['getDefinition']> {
    return flatDefinition(super.getDefinition());
  }

  override processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData): void {
    if (this.isInstanced) return super.processVisibleItem(nodeIndex, startIndex, data);
    writeFlat(this as unknown as ProgramParts, CIRCLE_CONSTANTS, startIndex, () => super.processVisibleItem(nodeIndex, 0, data));
  }

  override render(params: RenderParams): void {
    if (!renderTuning.quietMotion || !this.pickProgram || !cameraMoving(this.renderer)) return super.render(params);
    if (this.hasNothingToRender()) return;
    this.normalProgram.gl.viewport(0, 0, params.width * params.pixelRatio, params.height * params.pixelRatio);
    this.bindProgram(this.normalProgram);
    this.renderProgram(params, this.normalProgram);
    this.unbindProgram(this.normalProgram);
  }
}

/** An allegation: a ring of its colour around a white middle (highlight.ts CLAIM_NODE_TYPE). */
const ClaimProgram = createNodeBorderProgram<ViewNode, ViewEdge>({
  borders: [
    { size: { value: 0.38 }, color: { attribute: 'color' } },
    { size: { fill: true }, color: { value: '#ffffff' } },
  ],
});

type EdgeProgramClass = EdgeProgramType<ViewNode, ViewEdge>;

/**
 * An edge program that draws nothing while the camera moves. Sigma's own hideEdgesOnMove does the same
 * but re-runs every reducer and re-indexes the whole graph after each drag (a full refresh); here the
 * frame that ends the motion is an ordinary render.
 */
function stillOnly(Program: EdgeProgramClass): EdgeProgramClass {
  return class extends Program {
    private readonly owner: Renderer;
    constructor(gl: WebGLRenderingContext, pickingBuffer: WebGLFramebuffer | null, renderer: Renderer) {
      super(gl, pickingBuffer, renderer);
      this.owner = renderer;
    }
    override render(params: RenderParams): void {
      if (!(renderTuning.hideOnMove === 'edges' && lightInMotion.get(this.owner) && cameraMoving(this.owner))) super.render(params);
    }
  };
}

/** Renderers whose graph is large enough to hide edges and labels while the camera moves (renderGraph keeps it). */
const lightInMotion = new WeakMap<Renderer, boolean>();

/** An instanced edge program un-instanced (see flatDefinition); a plain one as it is. */
function flatEdges(Program: EdgeProgramClass): EdgeProgramClass {
  const base = Program.prototype as unknown as ProgramParts;
  const constants = base.getDefinition().CONSTANT_DATA;
  if (!constants) return Program;
  return class extends Program {
    getDefinition(): ReturnType<ProgramParts['getDefinition']> {
      return flatDefinition(base.getDefinition.call(this));
    }
    processVisibleItem(edgeIndex: number, startIndex: number, ...data: unknown[]): void {
      const parts = this as unknown as ProgramParts;
      if (parts.isInstanced) return base.processVisibleItem.call(this, edgeIndex, startIndex, ...data);
      writeFlat(parts, constants, startIndex, () => base.processVisibleItem.call(this, edgeIndex, 0, ...data));
    }
  };
}

/**
 * The edge programs, `arrow` and `line` (sigma's default keys): every registered program is compiled
 * when the renderer is made, used or not, and a shader compile costs tens of milliseconds on SwiftShader.
 */
function edgePrograms(): Record<string, EdgeProgramClass> {
  // Sigma's arrow is its clamped line plus an arrowhead, each typed for any graph; they draw ours the same.
  const clamped = EdgeClampedProgram as unknown as EdgeProgramClass;
  const head = EdgeArrowHeadProgram as unknown as EdgeProgramClass;
  return {
    arrow: stillOnly(createEdgeCompoundProgram([flatEdges(clamped), flatEdges(head)])),
    dashed: stillOnly(createEdgeCompoundProgram([flatEdges(dashedEdges(clamped)), flatEdges(head)])),
    line: stillOnly(renderTuning.largeEdgeProgram === 'thin' ? EdgeLineProgram<ViewNode, ViewEdge> : flatEdges(EdgeRectangleProgram<ViewNode, ViewEdge>)),
  };
}

/** What sigma keeps private and context recovery and quiet picking need; checked against sigma 3.0. */
interface SigmaInternals {
  settings: Settings<ViewNode, ViewEdge>;
  webGLContexts: Record<string, WebGLRenderingContext>;
  frameBuffers: Record<string, WebGLFramebuffer | null>;
  textures: Record<string, WebGLTexture | null>;
  pickingLayers: Set<string>;
  getNodeAtPosition(position: { x: number; y: number }): string | null;
  resetWebGLTexture(id: string): Renderer;
  registerNodeProgram(key: string, program: unknown, hoverProgram?: unknown): void;
  registerEdgeProgram(key: string, program: unknown): void;
}

type NodeDisplay = ReturnType<typeof nodeStyle> & Partial<NodeDisplayData>;

/**
 * What the renderer has to tell the user (a lost graphics context, and its return): the app shell shows
 * it (as a toast); the core shows nothing itself. Returns a handle to take the notice back.
 */
export type Notify = (message: string, kind?: 'info' | 'error') => { remove(): void };

/** Without an app shell (the render bench), notices go to the console. */
const consoleNotice: Notify = (message) => {
  console.warn(message);
  return { remove: () => undefined };
};

/** Sigma over the graph, styled by reducers that read `state`; a change of state refreshes the drawing. */
export function renderGraph(graph: ViewGraph, container: HTMLElement, state: ViewState, notify: Notify = consoleNotice): Sigma<ViewNode, ViewEdge> {
  // The level of detail is decided for the whole graph at once, after a load or merge has finished adding to it.
  const arrowsFor = () => graph.size <= renderTuning.arrowEdgeLimit;
  const nodeScaleFor = () => Math.min(1, Math.sqrt(renderTuning.fullSizeNodes / Math.max(1, graph.order)));
  const edgeEventsFor = () => graph.size <= renderTuning.edgeEventLimit;
  const lightFor = () => renderTuning.hideOnMove === 'sigma' || (renderTuning.hideOnMove === 'edges' && graph.size > renderTuning.hideOnMoveAbove);
  let arrows = arrowsFor();
  let nodeScale = nodeScaleFor();
  let light = lightFor();
  let edgeEvents = edgeEventsFor();
  /**
   * A link says what it is when it is pointed at, when one of its ends is, or once the view is zoomed in
   * far enough that labels have room (ratio below EDGE_LABEL_ZOOM).
   */
  let zoomedIn = false;
  const edgeLabelled = (edge: string): boolean => zoomedIn || state.hoveredEdge === edge || (state.hovered !== null && graph.hasExtremity(edge, state.hovered));
  // Each frame places labels afresh, clear of each other and of what lies over the canvas (labels.ts).
  const placements = new WeakMap<object, LabelPlacement>();
  const renderer: Renderer = new Sigma<ViewNode, ViewEdge>(graph, container, {
    defaultDrawNodeLabel: placedLabelDrawer(placements),
    // The node reducer finishes the object the shared style returns (a new one): a second copy per node
    // would cost time at 20,000 nodes. Features may add attributes their node programs read (a ring colour).
    nodeReducer: (node, data) => {
      const look: NodeDisplay = nodeStyle(graph, node, data, state);
      look.size = (look.size ?? data.size) * nodeScale;
      // Cut to the length the badge allows for (badge.ts), so a badge already on the label survives.
      if (look.label) look.label = shortLabel(look.label, LABEL_MAX);
      return look;
    },
    // An edge is drawn from these fields alone, in an object of one fixed shape: sigma's copy of all the
    // edge's attributes took 1.6 MiB more heap per 10,000 edges (V8 gave each its own hidden class).
    edgeReducer: (edge, data) => {
      const look = edgeStyle(graph, edge, data, state);
      const size = look.size ?? data.size;
      const labelled = edgeEvents && !look.hidden && edgeLabelled(edge);
      return {
        color: look.color ?? data.color,
        size,
        // A highlighted edge (a path, the hovered link: drawn above the rest) keeps its arrowhead however large
        // the graph, not one merely wider for its documents; one on someone's word is dashed.
        type: arrows || (look.zIndex ?? 0) > 0 ? (isAlleged(graph, edge, data) ? 'dashed' : 'arrow') : 'line',
        hidden: look.hidden ?? false,
        zIndex: look.zIndex ?? 0,
        // A hovered link says what it alone is; otherwise one label speaks for the links between two nodes.
        label: !labelled ? '' : state.hoveredEdge === edge ? edgeLabel(data) : pairLabel(graph, edge),
        forceLabel: labelled,
      };
    },
    renderEdgeLabels: edgeEvents,
    edgeLabelSize: 11,
    edgeLabelColor: { color: '#39404d' },
    labelRenderedSizeThreshold: 6,
    labelDensity: 0.7,
    defaultEdgeType: 'arrow',
    zIndex: true,
    enableEdgeEvents: edgeEvents,
    hideEdgesOnMove: renderTuning.hideOnMove === 'sigma',
    hideLabelsOnMove: light,
    nodeProgramClasses: { circle: NodeProgram, [CLAIM_NODE_TYPE]: ClaimProgram },
    edgeProgramClasses: edgePrograms(),
  });
  const internals = renderer as unknown as SigmaInternals;
  lightInMotion.set(renderer, light);
  let killed = false;

  let levelCheck = false;
  const checkLevel = () => {
    if (levelCheck) return;
    levelCheck = true;
    queueMicrotask(() => {
      levelCheck = false;
      if (killed) return;
      const [nextArrows, nextScale, nextLight] = [arrowsFor(), nodeScaleFor(), lightFor()];
      if (edgeEventsFor() !== edgeEvents) {
        edgeEvents = !edgeEvents;
        renderer.setSetting('enableEdgeEvents', edgeEvents);
        renderer.setSetting('renderEdgeLabels', edgeEvents);
      }
      if (nextLight !== light) {
        light = nextLight;
        lightInMotion.set(renderer, light);
        renderer.setSetting('hideLabelsOnMove', light);
      }
      if (nextArrows !== arrows || nextScale !== nodeScale) {
        [arrows, nodeScale] = [nextArrows, nextScale];
        renderer.refresh({ schedule: true });
      }
    });
  };
  const LEVEL_EVENTS = ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'cleared', 'edgesCleared'] as const;
  for (const event of LEVEL_EVENTS) graph.on(event, checkLevel);

  // Hover follows the pointer, not the camera: while it moves the hovered node stays as it was, and the
  // picking texture (re-made every frame, 4 bytes a pixel) waits for the frame that ends the motion.
  const pick = internals.getNodeAtPosition.bind(renderer);
  internals.getNodeAtPosition = (position) => (renderTuning.quietMotion && cameraMoving(renderer) ? state.hovered : pick(position));
  const resetPicking = internals.resetWebGLTexture.bind(renderer);
  internals.resetWebGLTexture = (id) => (renderTuning.quietMotion && cameraMoving(renderer) ? renderer : resetPicking(id));

  // Mid-motion only the nodes layer changes. The others are blanked by the first moving frame's clear and
  // then taken out of the page's compositing (hidden) until the motion ends: without a GPU the compositor
  // blends every visible layer, all seven full-window canvases, on every frame.
  const clearAll = renderer.clear.bind(renderer);
  const canvases = renderer.getCanvases();
  const idleLayers = ['edges', 'edgeLabels', 'labels', 'hovers', 'hoverNodes'].flatMap((id) => canvases[id] ?? []);
  let layersIdle = false;
  const setIdle = (idle: boolean) => {
    layersIdle = idle;
    for (const canvas of idleLayers) canvas.style.visibility = idle ? 'hidden' : '';
  };
  renderer.clear = () => {
    const still = renderTuning.stillLayers && light && cameraMoving(renderer);
    if (!still || !layersIdle) {
      clearAll();
      if (still !== layersIdle) setIdle(still);
      return renderer;
    }
    renderer.emit('beforeClear');
    const gl = internals.webGLContexts['nodes']!;
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    gl.clear(gl.COLOR_BUFFER_BIT);
    renderer.emit('afterClear');
    return renderer;
  };

  let frame = 0;
  const restyle = () => {
    if (killed) return;
    if (!renderTuning.batchRefresh) return void renderer.refresh({ skipIndexation: true });
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      if (!killed) renderer.refresh({ skipIndexation: true });
    });
  };
  const unsubscribe = state.onChange(restyle);
  const labelContext = renderer.getCanvases().labels!.getContext('2d')!;
  const newFrame = () => {
    const { width, height } = renderer.getDimensions();
    placements.set(labelContext, new LabelPlacement(overlayBoxes(container), { x: 0, y: 0, width, height }));
  };
  newFrame();
  renderer.on('beforeRender', newFrame);
  (container as ProbedElement).newsgraphView = {
    drawnLabels: () => {
      const placement = placements.get(labelContext)!;
      return { labels: [...placement.placed], overlays: [...placement.blocked] };
    },
    positionOf: (node) => {
      const shown = renderer.getNodeDisplayData(node);
      return shown ? renderer.framedGraphToViewport(shown) : null;
    },
  };
  // A node's look counts its links (the "+N" badge, the degree filter), and sigma does not restyle a node that gains one.
  const unwatchLinks = watchAddedLinks(graph, (nodes) => {
    if (!killed) renderer.refresh({ partialGraph: { nodes }, schedule: true });
  });
  // The browser's tooltip says in full what the canvas shortens: an allegation's whole claim, a link as a sentence.
  const tooltip = (text: string) => (container.title = text);
  const hover = (node: string | null) => {
    state.hovered = node;
    container.dataset.hover = node ?? '';
    tooltip(node && graph.hasNode(node) ? graph.getNodeAttribute(node, 'label') : '');
    state.changed();
  };
  // The end of a drag draws what was hidden: sigma itself renders again only if the camera still moves.
  // After a task, as sigma's captor clears its drag count in one queued just before this event.
  const mouse = renderer.getMouseCaptor();
  const afterDrag = () => void setTimeout(() => killed || renderer.scheduleRender(), 0);
  mouse.on('mouseup', afterDrag);
  // A frame drawn in motion leaves the picking textures as they were (quietMotion), and nothing may draw
  // again once the motion ends (a camera animation's last frame still counts as moving): without one more,
  // still frame, hovering and clicking would read the positions from before the move.
  let settle = 0;
  const afterMotion = () => {
    if (!renderTuning.quietMotion || !cameraMoving(renderer)) return;
    clearTimeout(settle);
    settle = window.setTimeout(function again() {
      if (killed) return;
      if (cameraMoving(renderer)) settle = window.setTimeout(again, MOTION_SETTLE_MS);
      else renderer.scheduleRender();
    }, MOTION_SETTLE_MS);
  };
  renderer.on('afterRender', afterMotion);
  renderer.on('enterNode', ({ node }) => hover(node));
  renderer.on('leaveNode', () => hover(null));
  const hoverEdge = (edge: string | null) => {
    state.hoveredEdge = edge;
    container.dataset.hoverEdge = edge ?? '';
    if (edge && graph.hasEdge(edge)) {
      const [source, target] = graph.extremities(edge);
      tooltip(linkSentence(graph.getNodeAttribute(source, 'label'), graph.getEdgeAttribute(edge, 'relType'), graph.getNodeAttribute(target, 'label')));
    } else tooltip('');
    state.changed();
  };
  // Links are labelled once zoomed in: crossing that zoom re-styles, as the reducers read the ratio.
  const camera = renderer.getCamera();
  zoomedIn = camera.ratio < EDGE_LABEL_ZOOM;
  const onCamera = () => {
    if (camera.ratio < EDGE_LABEL_ZOOM === zoomedIn) return;
    zoomedIn = !zoomedIn;
    restyle();
  };
  camera.on('updated', onCamera);
  renderer.on('enterEdge', ({ edge }) => hoverEdge(edge));
  renderer.on('leaveEdge', () => hoverEdge(null));
  const unwatch = watchContexts(renderer, container, notify);
  renderer.once('kill', () => {
    killed = true;
    cancelAnimationFrame(frame);
    unsubscribe();
    unwatch();
    mouse.off('mouseup', afterDrag);
    clearTimeout(settle);
    camera.off('updated', onCamera);
    for (const event of LEVEL_EVENTS) graph.removeListener(event, checkLevel);
    unwatchLinks();
  });
  return renderer;
}

/** How long a lost WebGL context may take to come back before the user is told. */
export const CONTEXT_RESTORE_GRACE_MS = 1500;

/**
 * Keeps drawing through a lost WebGL context (a GPU reset, a driver crash, the browser reclaiming
 * contexts). The browser is asked to restore it; when it does, sigma's GL state is rebuilt in place,
 * so every listener and feature attached to the renderer carries on. Until then, and for good if it
 * never comes back, a notice says so. `#graph[data-webgl]` reads `lost` or `ok` for tests.
 */
function watchContexts(renderer: Renderer, container: HTMLElement, toast: Notify): () => void {
  const internals = renderer as unknown as SigmaInternals;
  const canvases = renderer.getCanvases();
  const lost = new Set<string>();
  let notice: { remove(): void } | null = null;
  let timer = 0;
  const listeners: [HTMLCanvasElement, string, (e: Event) => void][] = [];

  const onLost = (id: string) => (event: Event) => {
    // Without preventDefault the browser never restores the context.
    event.preventDefault();
    lost.add(id);
    container.dataset.webgl = 'lost';
    timer ||= window.setTimeout(() => {
      timer = 0;
      if (lost.size)
        notice = toast(
          'The graph cannot be drawn: the browser lost its graphics (WebGL) context. It is redrawn if the browser restores it; if not, reload the page.',
          'error',
        );
    }, CONTEXT_RESTORE_GRACE_MS);
  };
  const onRestored = (id: string) => () => {
    lost.delete(id);
    if (lost.size) return;
    clearTimeout(timer);
    timer = 0;
    try {
      rebuildGl(internals);
      renderer.refresh();
      container.dataset.webgl = 'ok';
      if (notice) {
        notice.remove();
        notice = null;
        toast('The graph is drawn again.');
      }
    } catch (err) {
      notice?.remove();
      notice = toast(`The graph cannot be redrawn after a graphics reset (${err instanceof Error ? err.message : String(err)}). Reload the page.`, 'error');
    }
  };
  for (const id of Object.keys(internals.webGLContexts)) {
    const canvas = canvases[id];
    if (!canvas) continue;
    listeners.push([canvas, 'webglcontextlost', onLost(id)], [canvas, 'webglcontextrestored', onRestored(id)]);
  }
  for (const [canvas, type, listener] of listeners) canvas.addEventListener(type, listener);
  container.dataset.webgl = 'ok';
  return () => {
    clearTimeout(timer);
    for (const [canvas, type, listener] of listeners) canvas.removeEventListener(type, listener);
  };
}

/** A restored context has lost every program, buffer and texture: make sigma's again, as its constructor does. */
function rebuildGl(internals: SigmaInternals): void {
  for (const [id, gl] of Object.entries(internals.webGLContexts)) {
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    if (internals.pickingLayers.has(id)) {
      internals.frameBuffers[id] = gl.createFramebuffer();
      internals.textures[id] = null;
    }
  }
  const { nodeProgramClasses, nodeHoverProgramClasses, edgeProgramClasses } = internals.settings;
  for (const [type, program] of Object.entries(nodeProgramClasses)) internals.registerNodeProgram(type, program, nodeHoverProgramClasses[type]);
  for (const [type, program] of Object.entries(edgeProgramClasses)) internals.registerEdgeProgram(type, program);
}
