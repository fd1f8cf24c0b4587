/**
 * The legend: the kinds drawn now (after filters) in their colours, and how alleged or hedged links
 * look. It follows every change of the canvas and of the view state. A click on a kind hides that kind
 * (the same choice as the Filters panel's); a button brings hidden kinds back.
 */
import type { Canvas } from '../app/canvas.js';
import { filtersOf, drawnKinds, kindCounts } from '../filters/model.js';
import { ALLEGED_EDGE } from '../graph/highlight.js';
import { colorOf } from '../graph/style.js';

export function mountLegend(canvas: Canvas, container: HTMLElement): HTMLElement {
  const choices = filtersOf(canvas.state);
  const legend = document.createElement('div');
  legend.className = 'legend';
  legend.setAttribute('role', 'group');
  legend.setAttribute('aria-label', 'Legend');
  legend.hidden = true;
  container.append(legend);

  let drawn = '';
  const render = () => {
    const { graph, state } = canvas;
    const kinds = drawnKinds(graph, state);
    // Kinds on the canvas that the kind filter hides: the legend offers them back.
    const hidden = kindCounts(graph)
      .filter(({ value }) => choices.hiddenKinds.has(value))
      .map(({ value }) => value);
    const signature = JSON.stringify([kinds, hidden, graph.order]);
    // The view state changes on every hover: redraw only when what the legend says changes.
    if (signature === drawn) return;
    drawn = signature;
    const hadFocus = legend.contains(document.activeElement) ? [...legend.querySelectorAll('button')].indexOf(document.activeElement as HTMLButtonElement) : -1;

    const items: HTMLElement[] = kinds.map((kind) => {
      const item = document.createElement('button');
      item.type = 'button';
      item.className = 'legend-kind';
      item.dataset.kind = kind;
      item.textContent = kind;
      item.title = `Hide ${kind} nodes`;
      item.style.setProperty('--swatch', colorOf(kind));
      item.addEventListener('click', () => choices.setShown(choices.hiddenKinds, [kind], false));
      return item;
    });
    const alleged = document.createElement('span');
    alleged.className = 'edge';
    alleged.textContent = 'alleged or hedged link';
    alleged.style.setProperty('--swatch', ALLEGED_EDGE);
    items.push(alleged);
    if (hidden.length) {
      const restore = document.createElement('button');
      restore.type = 'button';
      restore.className = 'legend-restore';
      restore.textContent = `Show ${hidden.join(', ')}`;
      restore.title = 'Show the hidden kinds again';
      restore.addEventListener('click', () => choices.setShown(choices.hiddenKinds, hidden, true));
      items.push(restore);
    }
    legend.replaceChildren(...items);
    legend.hidden = graph.order === 0;
    // A click took its own button away: keep the keyboard in the legend.
    if (hadFocus >= 0) {
      const buttons = legend.querySelectorAll('button');
      buttons[Math.min(hadFocus, buttons.length - 1)]?.focus();
    }
  };

  canvas.onChange(render);
  canvas.state.onChange(render);
  render();
  return legend;
}
