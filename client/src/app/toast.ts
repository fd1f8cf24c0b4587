/**
 * Feedback for slow and failed calls: a spinner on the element that waits, and toasts that say what
 * went wrong (the API's code included) without a stack trace. One region, announced to screen readers.
 */
import { ApiRequestError } from '../api.js';

function region(): HTMLElement {
  let el = document.getElementById('toasts');
  if (!el) {
    el = document.createElement('div');
    el.id = 'toasts';
    el.className = 'toasts';
    el.setAttribute('role', 'status');
    el.setAttribute('aria-live', 'polite');
    document.body.append(el);
  }
  return el;
}

/** The words for an error: the API's message and code, or the error's own message. */
export function errorText(err: unknown): string {
  if (err instanceof ApiRequestError) return `${err.message} (${err.code})`;
  return err instanceof Error ? err.message : String(err);
}

/** Shows a message for a few seconds (errors stay until dismissed); `action` adds a button (Undo) and more time to reach it. */
export function toast(message: string, kind: 'info' | 'error' = 'info', action?: { label: string; run: () => void }): HTMLElement {
  const item = document.createElement('div');
  item.className = `toast toast-${kind}`;
  item.dataset.kind = kind;
  const text = document.createElement('span');
  text.textContent = message;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss');
  close.addEventListener('click', () => item.remove());
  item.append(text);
  if (action) {
    const act = document.createElement('button');
    act.type = 'button';
    act.className = 'toast-action';
    act.textContent = action.label;
    act.addEventListener('click', () => {
      item.remove();
      action.run();
    });
    item.append(act);
  }
  item.append(close);
  region().append(item);
  if (kind === 'info') setTimeout(() => item.remove(), action ? 12_000 : 4000);
  return item;
}

/** Marks `el` busy (a spinner via CSS, aria-busy for assistive tech) while `work` runs. */
export async function busy<T>(el: HTMLElement, work: Promise<T>): Promise<T> {
  el.setAttribute('aria-busy', 'true');
  try {
    return await work;
  } finally {
    el.removeAttribute('aria-busy');
  }
}
