/**
 * The continuous layout: ForceAtlas2 in a web worker, run and stopped by the user, then noverlap so
 * that no two discs overlap where it stopped. A run is one undoable step: the graph is recorded when it
 * starts. Pinned nodes (`fixed`) stay where they are, through ForceAtlas2 and noverlap alike.
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import noverlap from 'graphology-layout-noverlap';
import type Sigma from 'sigma';
import type { Canvas } from '../app/canvas.js';
import type { ViewEdge, ViewGraph, ViewNode } from '../graph/model.js';
import { releaseFrame } from './camera.js';
import { isPinned } from '../graph/pinned.js';

export class ForceLayout {
  private supervisor: FA2Layout<ViewNode, ViewEdge> | null = null;

  /** `changed` hears every start and stop, whoever caused it. */
  constructor(
    private readonly canvas: Canvas,
    private readonly changed: (running: boolean) => void,
  ) {
    // Undo, redo and a new search clear the graph: the run belonged to the graph that was there.
    canvas.graph.on('cleared', () => this.halt());
  }

  get running(): boolean {
    return this.supervisor !== null;
  }

  start(): void {
    const { graph, sigma } = this.canvas;
    if (this.supervisor || graph.order < 2) return;
    this.canvas.recordChange('Layout running');
    // Let the frame follow the nodes as they spread, as it does for a fresh graph.
    releaseFrame(sigma);
    // The worker computes in 32-bit floats and writes every position back, pinned nodes' too: a pinned
    // node would drift by the rounding. Its own position is put back as the worker's arrive.
    const pinnedAt = new Map<string, { x: number; y: number }>();
    graph.forEachNode((node, data) => {
      if (isPinned(data)) pinnedAt.set(node, { x: data.x, y: data.y });
    });
    this.supervisor = new FA2Layout<ViewNode, ViewEdge>(graph, {
      settings: forceAtlas2.inferSettings(graph),
      outputReducer: (node: string, data: ViewNode) => {
        const at = pinnedAt.get(node);
        return at && isPinned(data) ? { ...data, ...at } : data;
      },
    });
    this.supervisor.start();
    this.changed(true);
  }

  stop(): void {
    if (!this.supervisor) return;
    this.halt();
    separate(this.canvas.sigma, this.canvas.graph);
    this.canvas.report('Layout stopped');
  }

  toggle(): void {
    if (this.running) this.stop();
    else this.start();
  }

  /** Ends the worker where it is, without the finishing touches of a stop. */
  private halt(): void {
    if (!this.supervisor) return;
    this.supervisor.kill();
    this.supervisor = null;
    this.changed(false);
  }
}

/**
 * Pushes overlapping nodes apart. Sizes are screen pixels while positions are graph units, so noverlap
 * works on screen coordinates (through sigma's camera) and the result is brought back to the graph.
 * Pinned nodes keep their place; the others make room around them.
 */
export function separate(sigma: Sigma<ViewNode, ViewEdge>, graph: ViewGraph): void {
  if (graph.order < 2) return;
  noverlap.assign(graph, {
    maxIterations: 80,
    settings: { margin: 2, ratio: 1.15 },
    inputReducer: (_node, attributes) => {
      const { x, y } = sigma.graphToViewport(attributes);
      return { x, y, size: sigma.scaleSize(attributes.size ?? 1) };
    },
    outputReducer: (node, position) => {
      const data = graph.getNodeAttributes(node);
      return isPinned(data) ? { x: data.x, y: data.y } : sigma.viewportToGraph(position);
    },
  });
}
