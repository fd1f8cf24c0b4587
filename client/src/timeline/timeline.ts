/**
 * The timeline: a strip along the bottom of the canvas with, per day (or month), a bar of the documents
 * published and one of the links reported, and a brush over them. Drag across the bars to choose a range,
 * drag a handle or move it with the arrow keys; Clear takes the range away. The range filters the canvas
 * (model.ts says why in place), goes into the address as from/to, and is read back from it.
 */
import { getJson } from '../api.js';
import type { Canvas } from '../app/canvas.js';
import { el } from '../app/dom.js';
import { errorText, toast } from '../app/toast.js';
import type { Timeline } from '../../../common/time.js';
import {
  barHeights,
  brushBetween,
  brushOfRange,
  bucketAt,
  dayLabel,
  formatRange,
  keyMove,
  lastDayOf,
  linkInRange,
  moveHandle,
  parseRange,
  rangeLabel,
  rangeOfBrush,
  type Brush,
  type DayRange,
  type Handle,
} from './model.js';

/** The filter's key among the view state's edge filters. */
const FILTER_KEY = 'time';
/** The bars' height in pixels. */
const PLOT_HEIGHT = 44;

export interface TimelineControl {
  /** The range in force, or null. */
  range(): DayRange | null;
  set(range: DayRange | null): void;
  /** Reads the counts again: articles came in. */
  reload(): void;
}

export function mountTimeline(canvas: Canvas, stage: HTMLElement): TimelineControl {
  const root = el('section', undefined, 'timeline');
  root.setAttribute('aria-label', 'Timeline');
  const toggle = el('button', 'Timeline', 'timeline-toggle');
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'true');
  const summary = el('span', 'Loading…', 'timeline-summary');
  summary.setAttribute('role', 'status');
  summary.setAttribute('aria-live', 'polite');
  const clear = el('button', 'Clear', 'timeline-clear');
  clear.type = 'button';
  clear.setAttribute('aria-label', 'Clear the time range');
  clear.hidden = true;
  const head = el('div', undefined, 'timeline-head');
  head.append(toggle, summary, clear);
  const plot = el('div', undefined, 'timeline-plot');
  plot.style.height = `${PLOT_HEIGHT}px`;
  const bars = el('div', undefined, 'timeline-bars');
  bars.setAttribute('aria-hidden', 'true');
  const shade = el('div', undefined, 'timeline-brush');
  const handles: Record<Handle, HTMLElement> = { start: handleOf('start'), end: handleOf('end') };
  plot.append(bars, shade, handles.start, handles.end);
  const axis = el('div', undefined, 'timeline-axis');
  const body = el('div', undefined, 'timeline-body');
  body.id = 'timeline-body';
  toggle.setAttribute('aria-controls', body.id);
  body.append(plot, axis);
  root.append(head, body);
  stage.append(root);

  let timeline: Timeline | null = null;
  let range: DayRange | null = null;
  /** While dragging: the brush drawn, not yet the range in force. */
  let dragging: Brush | null = null;

  function handleOf(handle: Handle): HTMLElement {
    const h = el('div', undefined, `timeline-handle timeline-handle-${handle}`);
    h.tabIndex = 0;
    h.setAttribute('role', 'slider');
    h.setAttribute('aria-label', handle === 'start' ? 'Start of the time range' : 'End of the time range');
    h.setAttribute('aria-orientation', 'horizontal');
    // A slider always has a value, for assistive technology, even before the timeline has come.
    for (const name of ['aria-valuemin', 'aria-valuemax', 'aria-valuenow']) h.setAttribute(name, '0');
    return h;
  }

  const count = () => timeline?.buckets.length ?? 0;
  const brush = (): Brush => dragging ?? (timeline ? brushOfRange(timeline, range) : { start: 0, end: 0 });

  /** The filter, the address and the strip, after the range changed. */
  function apply(): void {
    const current = range;
    if (current) canvas.state.edgeFilters.set(FILTER_KEY, (_graph, _edge, data) => linkInRange(data.evidenceDates as string[] | undefined, current));
    else canvas.state.edgeFilters.delete(FILTER_KEY);
    canvas.container.dataset.timeRange = current ? `${current.from}..${current.to}` : '';
    const search = formatRange(current, location.search);
    if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    canvas.state.changed();
    draw();
  }

  function set(next: DayRange | null): void {
    range = next;
    dragging = null;
    apply();
  }

  function draw(): void {
    clear.hidden = range === null;
    root.classList.toggle('ranged', range !== null);
    // Nothing to draw before the timeline comes, or when no document is dated (the strip says so).
    if (!timeline || timeline.buckets.length === 0) return;
    const n = count();
    const { start, end } = brush();
    const width = 100 / Math.max(1, n);
    shade.style.left = `${start * width}%`;
    shade.style.width = `${(end - start + 1) * width}%`;
    handles.start.style.left = `${start * width}%`;
    handles.end.style.left = `${(end + 1) * width}%`;
    for (const [handle, at] of [
      ['start', start],
      ['end', end],
    ] as const) {
      const h = handles[handle];
      h.setAttribute('aria-valuemin', '0');
      h.setAttribute('aria-valuemax', String(n - 1));
      h.setAttribute('aria-valuenow', String(at));
      const day = timeline.buckets[at]!.date;
      h.setAttribute('aria-valuetext', dayLabel(handle === 'start' ? day : lastDayOf(day, timeline.unit)));
    }
    bars.querySelectorAll<HTMLElement>('.timeline-bucket').forEach((b, i) => b.classList.toggle('in', i >= start && i <= end));
    const shown = dragging ? rangeOfBrush(timeline, dragging) : range;
    const undated = timeline.undated.links;
    summary.textContent = shown
      ? `${rangeLabel(shown)}${undated ? ` · ${undated} undated link${undated === 1 ? '' : 's'} hidden` : ''}`
      : `All dates${timeline.undated.documents ? ` · ${timeline.undated.documents} undated document${timeline.undated.documents === 1 ? '' : 's'}` : ''}`;
  }

  function build(data: Timeline): void {
    timeline = data;
    if (data.buckets.length === 0) {
      body.hidden = true;
      toggle.disabled = true;
      summary.textContent = 'No dated documents yet';
      return;
    }
    if (toggle.disabled) {
      // The first dated articles came in since the page opened.
      toggle.disabled = false;
      body.hidden = false;
    }
    const docHeights = barHeights(
      data.buckets.map((b) => b.documents),
      PLOT_HEIGHT - 4,
    );
    const linkHeights = barHeights(
      data.buckets.map((b) => b.links),
      PLOT_HEIGHT - 4,
    );
    bars.replaceChildren(
      ...data.buckets.map((b, i) => {
        const bucket = el('div', undefined, 'timeline-bucket');
        const label = dayLabel(b.date, data.unit);
        bucket.title = `${label}: ${b.documents} document${b.documents === 1 ? '' : 's'}, ${b.links} link${b.links === 1 ? '' : 's'}`;
        const docs = el('span', undefined, 'timeline-bar documents');
        docs.style.height = `${docHeights[i]}px`;
        const links = el('span', undefined, 'timeline-bar links');
        links.style.height = `${linkHeights[i]}px`;
        bucket.append(docs, links);
        return bucket;
      }),
    );
    const first = data.buckets[0]!.date;
    const last = data.buckets.at(-1)!.date;
    axis.replaceChildren(el('span', dayLabel(first, data.unit)), el('span', undefined, 'timeline-key'), el('span', dayLabel(last, data.unit)));
    axis.children[1]!.append(el('span', 'documents', 'key-documents'), el('span', 'links', 'key-links'));
    draw();
  }

  // Dragging across the bars draws a brush from where the press began; a handle moves its own side.
  let anchor: number | null = null;
  let moving: Handle | null = null;
  const bucketOf = (event: PointerEvent) => {
    const box = plot.getBoundingClientRect();
    return bucketAt(event.clientX - box.left, box.width, count());
  };
  plot.addEventListener('pointerdown', (event) => {
    if (!timeline || count() === 0 || event.button !== 0) return;
    const target = event.target as HTMLElement;
    moving = target === handles.start ? 'start' : target === handles.end ? 'end' : null;
    anchor = moving ? null : bucketOf(event);
    dragging = moving ? brush() : brushBetween(anchor!, anchor!);
    plot.setPointerCapture(event.pointerId);
    event.preventDefault();
    draw();
  });
  plot.addEventListener('pointermove', (event) => {
    if (!timeline || !dragging) return;
    const at = bucketOf(event);
    if (moving) dragging = moving === 'start' ? brushBetween(at, dragging.end) : brushBetween(dragging.start, at);
    else dragging = brushBetween(anchor!, at);
    draw();
  });
  const finish = () => {
    if (!timeline || !dragging) return;
    const chosen = rangeOfBrush(timeline, dragging);
    anchor = null;
    moving = null;
    set(chosen);
  };
  plot.addEventListener('pointerup', finish);
  plot.addEventListener('pointercancel', () => {
    dragging = null;
    draw();
  });

  for (const handle of ['start', 'end'] as const) {
    handles[handle].addEventListener('keydown', (event) => {
      if (!timeline || count() === 0) return;
      const current = brush();
      const delta = keyMove(event.key, handle, current, count());
      if (delta === null) return;
      event.preventDefault();
      const next = moveHandle(current, handle, delta, count());
      // A key that moves nothing sets no range: with none, the handles stand at the ends, and undated links still show.
      if (range === null && next.start === current.start && next.end === current.end) return;
      set(rangeOfBrush(timeline, next));
    });
  }
  clear.addEventListener('click', () => {
    set(null);
    toggle.focus();
  });
  toggle.addEventListener('click', () => {
    const open = body.hidden;
    body.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
  });

  // The range in the address (a shared link, Back and Forward) is the range in force.
  const fromAddress = () => {
    const { range: read, problem } = parseRange(location.search);
    if (problem) toast(`The link's time range was left out: ${problem}.`, 'error');
    range = read;
    apply();
  };
  window.addEventListener('popstate', fromAddress);
  fromAddress();
  const load = () =>
    getJson<Timeline>('/api/timeline')
      .then(build)
      .catch((err: unknown) => {
        summary.textContent = 'The timeline could not be loaded';
        toast(`The timeline could not be loaded: ${errorText(err)}`, 'error');
      });
  void load();

  return { range: () => range, set, reload: () => void load() };
}
