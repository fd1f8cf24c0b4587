/**
 * The view toolbar over the canvas: run and stop the layout, fit the camera to what is shown, zoom,
 * unpin; with single-key shortcuts (named in each button's title). Also turns on dragging nodes to pin
 * them. Returns the toolbar, so the export menu (and later controls) can join it.
 */
import type { Canvas } from '../app/canvas.js';
import { fitCamera, zoomIn, zoomOut } from './camera.js';
import { enableDragToPin, pinnedCount, unpinAll } from './drag.js';
import { ForceLayout } from './forces.js';
import { registerPinnedProgram } from './program.js';
import { viewActionFor, type ViewAction } from './shortcuts.js';

function button(text: string, title: string, label?: string): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.textContent = text;
  el.title = title;
  if (label) el.setAttribute('aria-label', label);
  return el;
}

/** True when keys typed at `target` are text (a field, an editor), not commands. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])') !== null;
}

export function mountViewControls(canvas: Canvas): HTMLElement {
  const toolbar = document.createElement('div');
  toolbar.className = 'view-toolbar';
  toolbar.setAttribute('role', 'group');
  toolbar.setAttribute('aria-label', 'View');

  const layoutButton = button('', '');
  const fitButton = button('Fit', 'Fit the view to the nodes shown (F)', 'Fit view');
  const zoomInButton = button('+', 'Zoom in (+)', 'Zoom in');
  const zoomOutButton = button('−', 'Zoom out (−)', 'Zoom out');
  const unpinButton = button('', 'Let the layout move pinned nodes again. Drag a node to pin it; Alt+click a pinned node to unpin it alone.');
  unpinButton.className = 'unpin';
  toolbar.append(layoutButton, fitButton, zoomInButton, zoomOutButton, unpinButton);
  canvas.container.after(toolbar);

  const showLayout = (running: boolean) => {
    layoutButton.textContent = running ? '■ Stop' : '▶ Layout';
    layoutButton.setAttribute('aria-label', running ? 'Stop layout' : 'Run layout');
    layoutButton.title = running ? 'Stop the layout (L)' : 'Run the ForceAtlas2 layout (L)';
    layoutButton.classList.toggle('running', running);
    canvas.container.dataset.layout = running ? 'running' : 'stopped';
  };
  const layout = new ForceLayout(canvas, showLayout);
  showLayout(false);

  const showPins = () => {
    const count = pinnedCount(canvas);
    unpinButton.textContent = count > 0 ? `Unpin all (${count})` : 'Unpin all';
    unpinButton.disabled = count === 0;
  };
  showPins();
  // Undo, redo and new graphs bring their own pins.
  canvas.onChange(showPins);

  canvas.onRenderer((sigma) => {
    registerPinnedProgram(sigma);
    enableDragToPin(canvas, sigma, { beforeChange: () => layout.stop(), pinsChanged: showPins });
  });

  const visibleNodes = () => canvas.graph.filterNodes((node, data) => canvas.state.nodeShown(canvas.graph, node, data));
  const act = (action: ViewAction) => {
    if (action === 'layout') layout.toggle();
    else if (action === 'fit') void fitCamera(canvas.sigma, visibleNodes());
    else if (action === 'zoom-in') void zoomIn(canvas.sigma);
    else void zoomOut(canvas.sigma);
  };

  layoutButton.addEventListener('click', () => act('layout'));
  fitButton.addEventListener('click', () => act('fit'));
  zoomInButton.addEventListener('click', () => act('zoom-in'));
  zoomOutButton.addEventListener('click', () => act('zoom-out'));
  unpinButton.addEventListener('click', () => {
    layout.stop();
    unpinAll(canvas);
    showPins();
  });

  document.addEventListener('keydown', (event) => {
    const action = viewActionFor(event);
    if (!action || event.defaultPrevented || isTyping(event.target) || canvas.container.dataset.state !== 'ready') return;
    event.preventDefault();
    act(action);
  });

  return toolbar;
}
