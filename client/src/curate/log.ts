/**
 * The corrections log in the side panel, newest first: what was changed, by whom, when and why, and
 * whether it was reverted since. An editor may revert each correction still in force, saying why.
 */
import type { Correction } from '../../../common/curate.js';
import * as api from '../api.js';
import { button, el } from '../app/dom.js';
import { errorText } from '../app/toast.js';
import type { Panel } from '../panel/panel.js';
import { correctionForm } from './forms.js';
import { logEntry } from './model.js';

const PAGE = 50;

export interface LogDeps {
  panel: Panel;
  /** Whether Revert is offered (the editor role). */
  editor: boolean;
  names: (id: string) => string | undefined;
  /** The canvas and panel after a revert. */
  reverted: (correction: Correction, options?: { show?: boolean }) => Promise<void>;
}

export async function showLog(deps: LogDeps, shown = PAGE): Promise<void> {
  const { panel } = deps;
  const head = () => [el('p', 'Log', 'kind'), el('h2', 'Corrections')];
  let log;
  try {
    log = await api.fetchCorrections(shown);
  } catch (err) {
    panel.render([...head(), el('p', `The corrections log could not be loaded: ${errorText(err)}`, 'error')]);
    return;
  }
  const list = el('ol', undefined, 'corrections');
  list.setAttribute('aria-label', 'Corrections, newest first');
  for (const c of log.corrections) {
    const entry = logEntry(c, deps.names);
    const item = el('li', undefined, entry.reverted ? 'correction reverted' : 'correction');
    item.dataset.id = c.id;
    item.append(el('p', entry.what, 'correction-what'), el('p', entry.who, 'correction-who'), el('p', `Why: ${entry.why}`, 'correction-why'));
    if (entry.reverted) item.append(el('p', entry.reverted, 'correction-reverted'));
    else if (deps.editor) {
      const revert = button('Revert', 'action', () => {
        revert.hidden = true;
        const form = correctionForm({
          name: `Revert: ${entry.what}`,
          fields: [],
          submit: 'Revert',
          placeholder: 'e.g. merged by mistake',
          cancel: () => {
            form.remove();
            revert.hidden = false;
            revert.focus();
          },
          send: async (reason) => {
            if (!reason.trim()) return 'Say why in a few words: the reason is kept in the corrections log.';
            const { correction } = await api.revertCorrection(c.id, reason.trim());
            await deps.reverted({ ...c, reverted: correction.reverted }, { show: false });
            await showLog(deps, shown);
            return null;
          },
        });
        item.append(form);
        form.querySelector('input')?.focus();
      });
      revert.setAttribute('aria-label', `Revert: ${entry.what}`);
      item.append(revert);
    }
    list.append(item);
  }
  const children: HTMLElement[] = [...head(), el('p', `${log.total} ${log.total === 1 ? 'correction' : 'corrections'}, newest first.`, 'muted'), list];
  if (log.total === 0) children.push(el('p', 'Nothing has been corrected yet.', 'muted'));
  if (log.total > log.corrections.length) children.push(button('Show more', 'action', () => void showLog(deps, shown + PAGE)));
  panel.render(children);
}
