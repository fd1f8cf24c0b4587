/** Undo and redo: the two buttons, and Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) outside text fields. */
import type { Canvas } from './canvas.js';

export function mountHistory(canvas: Canvas, undoButton: HTMLButtonElement, redoButton: HTMLButtonElement): void {
  const undo = () => canvas.undo();
  const redo = () => canvas.redo();
  undoButton.addEventListener('click', undo);
  redoButton.addEventListener('click', redo);
  const follow = () => {
    undoButton.disabled = !canvas.history.canUndo;
    redoButton.disabled = !canvas.history.canRedo;
  };
  canvas.onChange(follow);
  follow();
  document.addEventListener('keydown', (event) => {
    // Text fields and the query editor keep Ctrl+Z for their own text; checkboxes and sliders have none.
    const typing = 'input:not([type="checkbox"], [type="radio"], [type="range"], [type="button"]), textarea, [contenteditable="true"], .cm-editor';
    if (!(event.ctrlKey || event.metaKey) || (event.target as HTMLElement).closest(typing)) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) undo();
    else if ((key === 'z' && event.shiftKey) || key === 'y') redo();
    else return;
    event.preventDefault();
  });
}
