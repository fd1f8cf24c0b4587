/**
 * The canvas store: the one graph on screen, its undo history, the view state the reducers read, and
 * the sigma renderer that draws them. Features (search, panel, console, paths, filters…) change the
 * canvas only through these methods, so every change is undoable and reported the same way.
 */
import { MultiDirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import type { SerializedGraph } from '../../../common/graph.js';
import { History, mergeNeighbourhood } from '../graph/expand.js';
import { ViewState } from '../graph/state.js';
import { toast } from './toast.js';
import { fitCamera, inView } from '../layout/camera.js';
import { renderGraph, toViewGraph, type ViewEdge, type ViewGraph, type ViewNode } from '../graph/view.js';

export interface CanvasEvents {
  /** A node was clicked. */
  open(id: string): void;
  /** A node was double-clicked. */
  expand(id: string): void;
  /** A link was clicked. */
  openEdge(edge: string): void;
  /** The graph changed (loaded, merged, undone…), with a word on what happened. */
  changed(what?: string): void;
}

export class Canvas {
  readonly graph: ViewGraph = new MultiDirectedGraph<ViewNode, ViewEdge>({ allowSelfLoops: true });
  readonly history = new History();
  readonly state = new ViewState();
  private renderer: Sigma<ViewNode, ViewEdge> | undefined;
  private readonly listeners = new Set<(what?: string) => void>();
  private readonly rendererListeners: ((renderer: Sigma<ViewNode, ViewEdge>) => void)[] = [];

  constructor(
    readonly container: HTMLElement,
    private readonly events: CanvasEvents,
  ) {}

  /** The renderer, made on first use: sigma measures the container when it is created. */
  get sigma(): Sigma<ViewNode, ViewEdge> {
    if (!this.renderer) {
      const renderer = renderGraph(this.graph, this.container, this.state, toast);
      renderer.on('clickNode', ({ node }) => this.events.open(node));
      renderer.on('clickEdge', ({ edge }) => this.events.openEdge(edge));
      renderer.on('doubleClickNode', (event) => {
        // Double-click expands; sigma would zoom in otherwise.
        event.preventSigmaDefault();
        this.events.expand(event.node);
      });
      this.renderer = renderer;
      for (const listener of this.rendererListeners) listener(renderer);
    }
    return this.renderer;
  }

  /** Calls `listener` with the renderer once it exists (at once if it does): for features that bind to sigma's events. */
  onRenderer(listener: (renderer: Sigma<ViewNode, ViewEdge>) => void): void {
    if (this.renderer) listener(this.renderer);
    else this.rendererListeners.push(listener);
  }

  /** Call before a feature changes the graph in place (a layout run, a drag): one undo takes the change back. */
  recordChange(what?: string): void {
    this.history.record(this.graph);
    this.report(what);
  }

  /** Replaces what is on screen (undoable), laid out afresh, or with the nodes at `positions` (a saved canvas). */
  replace(data: SerializedGraph, what?: string, positions?: Record<string, { x: number; y: number }>): void {
    this.history.record(this.graph);
    this.graph.clear();
    this.graph.import(toViewGraph(data).export());
    if (positions) this.graph.forEachNode((node) => positions[node] && this.graph.mergeNodeAttributes(node, positions[node]));
    // Reported first: the overlays that follow the graph (the legend, the overview's hint) take their place before the framing measures them.
    this.report(what);
    this.frame();
  }

  /** Frames a new graph in the part of the canvas that nothing lies over (layout/camera.ts). */
  private frame(): void {
    const sigma = this.sigma;
    sigma.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    sigma.resize();
    sigma.refresh();
    void fitCamera(sigma, [], { duration: 0 });
  }

  /** Adds what is not on screen yet around `center`, keeping every position (undoable); returns the nodes added. */
  merge(center: string, data: SerializedGraph, what?: (added: number) => string): number {
    this.history.record(this.graph);
    const added = mergeNeighbourhood(this.graph, center, data);
    this.report(what?.(added) ?? `${added} added`);
    return added;
  }

  undo(): void {
    if (this.history.undo(this.graph)) this.report('Undone');
  }

  redo(): void {
    if (this.history.redo(this.graph)) this.report('Redone');
  }

  /**
   * Moves the camera to a node if it is drawn out of sight (off the canvas, or under the toolbar or the
   * legend): a node the user can see stays where it is, as does everything around it.
   */
  centreOn(id: string): void {
    this.sigma.resize();
    // A graph just replaced or merged is drawn on the next frame: where the node lands must be worked out now.
    this.sigma.refresh();
    const shown = this.sigma.getNodeDisplayData(id);
    if (shown && !inView(this.sigma, id)) void this.sigma.getCamera().animate({ x: shown.x, y: shown.y }, { duration: 300 });
  }

  /** Counts on the container for tests and scripts, then the listeners; features that change the graph in place call it when done. */
  report(what?: string): void {
    this.state.graphVersion++;
    this.container.dataset.nodeCount = String(this.graph.order);
    this.container.dataset.edgeCount = String(this.graph.size);
    this.events.changed(what);
    for (const listener of this.listeners) listener(what);
  }

  /** Features that follow the graph on screen (filters, legend…) listen here; returns the unsubscribe. */
  onChange(listener: (what?: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells listeners about a change made outside these methods (the first load). */
  loaded(data: SerializedGraph): void {
    this.graph.import(toViewGraph(data).export());
    this.report();
    this.frame();
  }
}
