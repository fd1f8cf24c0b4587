/** Single-key shortcuts of the view controls, for when the keyboard is not typing into a field. */

export type ViewAction = 'layout' | 'fit' | 'zoom-in' | 'zoom-out';

const KEYS: Record<string, ViewAction> = {
  l: 'layout',
  L: 'layout',
  f: 'fit',
  F: 'fit',
  '+': 'zoom-in',
  // "=" is "+" without Shift on most layouts.
  '=': 'zoom-in',
  '-': 'zoom-out',
  _: 'zoom-out',
};

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The action a key press asks for, or null: with Ctrl, Cmd or Alt held it belongs to someone else. */
export function viewActionFor(press: KeyPress): ViewAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  return KEYS[press.key] ?? null;
}
