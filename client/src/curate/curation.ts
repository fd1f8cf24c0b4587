/**
 * Curation in the explorer: the panel's Edit, Merge with…, Split… and Reject for an entity, Reject link
 * for a link, Restore for a rejected entity, and the top bar's Duplicates review and Corrections log.
 * Only an editor (or admin) is offered any of it. Each correction goes to the API, the canvas follows
 * (canvas.ts), the panel shows the result, and a toast offers Undo, which reverts the correction.
 */
import type { EdgeEvidence, EntityDetails, SearchHit, SessionInfo } from '../../../common/api.js';
import type { Correction, EntityCategory } from '../../../common/curate.js';
import type { SerializedGraph } from '../../../common/graph.js';
import * as api from '../api.js';
import type { Canvas } from '../app/canvas.js';
import { button, el } from '../app/dom.js';
import { errorText, toast } from '../app/toast.js';
import type { Panel } from '../panel/panel.js';
import { mountSearch } from '../search/search.js';
import './curate.css';
import { applyStep } from './canvas.js';
import { showDuplicates } from './duplicates.js';
import { backButton, correctionForm, field, textInput } from './forms.js';
import { showLog } from './log.js';
import {
  CATEGORY_WORDS,
  ENTITY_CATEGORIES,
  candidateProblem,
  canvasStep,
  categoryOf,
  correctionText,
  editRequest,
  entityActions,
  mayCurate,
  mergeRequest,
  namesOf,
  primaryOf,
  reasonProblem,
  splitRequest,
  type MergeCandidate,
} from './model.js';

export interface CurationDeps {
  canvas: Canvas;
  panel: Panel;
  /** Opens an entity as a click does: its details in the panel, the canvas kept if it is there. */
  open: (id: string) => Promise<void>;
  /** Neighbours fetched per entity put back on the canvas (the paging's page). */
  pageSize: number;
  /** Where the Duplicates and Corrections buttons go, and what they go before. */
  topbar: HTMLElement;
  before: HTMLElement | null;
}

export interface Curation {
  /** Who the explorer acts for: the actions follow the role. */
  setSession(session: SessionInfo): void;
  /** The panel's part for an entity: whether it is rejected, and the actions an editor may take. */
  entityPart(entity: EntityDetails, neighbourhood: SerializedGraph): HTMLElement | null;
  /** The panel's part for a link's evidence: Reject link. */
  linkPart(evidence: EdgeEvidence, title: string, back: () => void): HTMLElement | null;
  /** Makes a correction's change show on the canvas and in the panel, with a toast offering Undo. */
  made(correction: Correction, options?: { edge?: string; show?: string | null }): Promise<void>;
}

/** The reason a toast's Undo sends: no one is asked, and the log says how it came about. */
const UNDO_REASON = "Undone with the explorer's Undo, right after it was made";

export function mountCuration(deps: CurationDeps): Curation {
  const { canvas, panel, open, pageSize } = deps;
  let session: SessionInfo | null = null;
  const names = (id: string) => (canvas.graph.hasNode(id) ? canvas.graph.getNodeAttribute(id, 'label') : undefined);

  async function undo(correction: Correction): Promise<void> {
    try {
      await api.revertCorrection(correction.id, UNDO_REASON);
      await reverted(correction);
    } catch (err) {
      toast(`Could not undo: ${errorText(err)}`, 'error');
    }
  }

  /** After a revert (the toast's Undo or the log's Revert): the canvas as it was, the entity back in the panel. */
  async function reverted(correction: Correction, { show = true } = {}): Promise<void> {
    const what = `Undone: ${correctionText(correction.change, names)}`;
    await applyStep(canvas, canvasStep(correction.change, { reverted: true }), what, pageSize);
    const primary = primaryOf(correction.change, true);
    if (show && primary && canvas.graph.hasNode(primary)) await open(primary);
    toast(`${what}.`);
  }

  const curation: Curation = {
    setSession(s) {
      session = s;
      mountButtons();
    },

    async made(correction, { edge, show } = {}) {
      const what = correctionText(correction.change, names);
      await applyStep(canvas, canvasStep(correction.change, { edge }), what, pageSize);
      if (show) await open(show);
      toast(`${what}.`, 'info', { label: 'Undo', run: () => void undo(correction) });
    },

    entityPart(entity, neighbourhood) {
      const rejected = entity.rejected;
      const part = el('div', undefined, 'curate');
      if (rejected) part.append(el('p', 'Rejected — hidden from the graph by an analyst.', 'rejected-notice'));
      if (!mayCurate(session)) return rejected ? part : null;
      const group = el('div', undefined, 'curate-actions');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', `Correct ${entity.name}`);
      const back = () => panel.showEntity(entity, neighbourhood);
      const views = {
        edit: ['Edit', `Edit the name or kind of ${entity.name}`, () => editView(entity, back)],
        merge: ['Merge with…', `Merge ${entity.name} with other entities that are the same`, () => mergeView(entity, back)],
        split: ['Split…', `Split some of the names of ${entity.name} off into a new entity`, () => splitView(entity, back)],
        reject: ['Reject', `Hide ${entity.name} from the graph: a false entity`, () => rejectView(entity, back)],
        restore: ['Restore', `Show ${entity.name} in the graph again`, () => restoreView(entity, back)],
      } as const;
      for (const action of entityActions(entity, rejected)) {
        const [text, title, show] = views[action];
        const b = button(text, 'action curate-action', show);
        b.title = title;
        group.append(b);
      }
      part.append(group);
      return part;
    },

    linkPart(evidence, title, back) {
      if (!mayCurate(session)) return null;
      const reject = button('Reject link', 'action curate-action', () => rejectLinkView(evidence, title, back));
      reject.title = 'Hide this link from the graph: the text does not say this';
      const group = el('div', undefined, 'curate-actions');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', 'Correct this link');
      group.append(reject);
      return group;
    },
  };

  function formView(kind: string, heading: string, back: () => void, children: HTMLElement[]): void {
    panel.render([backButton(back), el('p', kind, 'kind'), el('h2', heading), ...children]);
  }

  function editView(entity: EntityDetails, back: () => void): void {
    const name = textInput(entity.name);
    name.name = 'name';
    const category = el('select');
    category.name = 'category';
    for (const c of ENTITY_CATEGORIES) {
      const option = el('option', CATEGORY_WORDS[c]);
      option.value = c;
      option.selected = c === categoryOf(entity.kind);
      category.append(option);
    }
    const kind = textInput(typeof entity.properties.kind === 'string' ? entity.properties.kind : '', 'e.g. government, company, party');
    kind.name = 'kind';
    const kindField = field('Institution kind', kind);
    const follow = () => (kindField.hidden = category.value !== 'institution');
    category.addEventListener('change', follow);
    follow();
    const form = correctionForm({
      name: `Edit ${entity.name}`,
      fields: [field('Name', name), field('Category', category), kindField],
      submit: 'Save',
      placeholder: 'e.g. full name from the ministry’s website',
      cancel: back,
      send: async (reason) => {
        const checked = editRequest(entity, { name: name.value, category: category.value as EntityCategory, kind: kind.value, reason });
        if (!checked.ok) return checked.problem;
        const { correction } = await api.editEntity(entity.id, checked.body);
        await curation.made(correction, { show: entity.id });
        return null;
      },
    });
    formView('Edit', entity.name, back, [form]);
    name.focus();
  }

  function mergeView(entity: EntityDetails, back: () => void): void {
    const self: MergeCandidate = { id: entity.id, name: entity.name, kind: entity.kind };
    const chosen: MergeCandidate[] = [];
    const search = el('input');
    search.type = 'search';
    search.autocomplete = 'off';
    search.placeholder = `Search ${entity.kind === 'Person' ? 'people' : `${entity.kind.toLowerCase()}s`} by name…`;
    search.setAttribute('role', 'combobox');
    search.setAttribute('aria-autocomplete', 'list');
    search.setAttribute('aria-controls', 'merge-search-results');
    search.setAttribute('aria-expanded', 'false');
    const results = el('ul', undefined, 'curate-search-results');
    results.id = 'merge-search-results';
    results.setAttribute('role', 'listbox');
    results.setAttribute('aria-label', 'Entities found');
    results.hidden = true;
    const searchBox = el('div', undefined, 'search curate-search');
    searchBox.append(field(`Entities to merge with ${entity.name}`, search), results);
    const message = el('p', undefined, 'curate-message');
    message.setAttribute('aria-live', 'polite');
    const list = el('ul', undefined, 'curate-chosen');
    list.setAttribute('aria-label', 'Chosen to merge');
    const keep = el('fieldset', undefined, 'curate-names');
    const render = () => {
      list.replaceChildren(
        ...chosen.map((c, i) => {
          const item = el('li', c.name);
          const remove = button('Remove', 'link', () => {
            chosen.splice(i, 1);
            render();
            search.focus();
          });
          remove.setAttribute('aria-label', `Remove ${c.name}`);
          item.append(' ', remove);
          return item;
        }),
      );
      const current = keep.querySelector<HTMLInputElement>('input:checked')?.value ?? entity.name;
      keep.replaceChildren(el('legend', 'Name that stays'));
      for (const n of [...new Set([entity.name, ...chosen.map((c) => c.name)])]) {
        const radio = el('input');
        radio.type = 'radio';
        radio.name = 'keep';
        radio.value = n;
        radio.checked = n === current;
        const label = el('label', undefined, 'curate-option');
        label.append(radio, ` ${n}`);
        keep.append(label);
      }
      if (!keep.querySelector('input:checked')) keep.querySelector<HTMLInputElement>('input')!.checked = true;
    };
    mountSearch(search, results, (hit: SearchHit) => {
      const candidate = { id: hit.id, name: hit.name, kind: hit.kind };
      const problem = candidateProblem(self, chosen, candidate);
      message.textContent = problem ?? `${hit.name} added.`;
      message.classList.toggle('curate-problem', problem !== null);
      if (!problem) chosen.push(candidate);
      search.value = '';
      render();
    });
    // Enter in the search picks a result, never sends the merge half-chosen.
    search.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') event.preventDefault();
    });
    render();
    const form = correctionForm({
      name: `Merge ${entity.name}`,
      fields: [searchBox, message, list, keep],
      submit: 'Merge',
      placeholder: 'e.g. one and the same, spelt two ways',
      cancel: back,
      send: async (reason) => {
        const name = keep.querySelector<HTMLInputElement>('input:checked')?.value ?? entity.name;
        const checked = mergeRequest(self, chosen, name, reason);
        if (!checked.ok) return checked.problem;
        const { correction } = await api.mergeEntities(checked.body.ids, checked.body.reason, checked.body.name);
        await curation.made(correction, { show: entity.id });
        return null;
      },
    });
    formView('Merge', `Merge ${entity.name} with…`, back, [
      el('p', 'One entity remains, with every name, mention and link of those merged into it, and their evidence.', 'muted'),
      form,
    ]);
    search.focus();
  }

  function splitView(entity: EntityDetails, back: () => void): void {
    const names = el('fieldset', undefined, 'curate-names');
    names.append(el('legend', 'Names that become a new entity'));
    for (const n of namesOf(entity)) {
      const box = el('input');
      box.type = 'checkbox';
      box.value = n;
      const label = el('label', undefined, 'curate-option');
      label.append(box, ` ${n}`);
      names.append(label);
    }
    const form = correctionForm({
      name: `Split ${entity.name}`,
      fields: [names],
      submit: 'Split',
      placeholder: 'e.g. two different people of the same name',
      cancel: back,
      send: async (reason) => {
        const ticked = [...names.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
        const checked = splitRequest(entity, ticked, reason);
        if (!checked.ok) return checked.problem;
        const { correction } = await api.splitEntity(entity.id, checked.body.aliases, checked.body.reason);
        await curation.made(correction, { show: primaryOf(correction.change) });
        return null;
      },
    });
    formView('Split', `Split ${entity.name}`, back, [
      el('p', 'The names ticked leave, with the mentions and links read under them, for a new entity of the same kind.', 'muted'),
      form,
    ]);
    names.querySelector('input')?.focus();
  }

  function rejectView(entity: EntityDetails, back: () => void): void {
    const form = correctionForm({
      name: `Reject ${entity.name}`,
      fields: [],
      submit: 'Reject',
      placeholder: 'e.g. not a person: a misread headline',
      cancel: back,
      send: async (reason) => {
        const problem = reasonProblem(reason);
        if (problem) return problem;
        const { correction } = await api.reject(entity.id, reason.trim());
        await curation.made(correction);
        // Still answered by id: the panel says it is rejected and offers Restore.
        const [again, around] = await Promise.all([api.fetchEntity(entity.id), api.fetchNeighbourhood(entity.id, 1, { limit: pageSize })]);
        panel.showEntity(again, around);
        return null;
      },
    });
    formView('Reject', `Reject ${entity.name}`, back, [
      el('p', `${entity.name} leaves the graph and every view of it. Nothing is deleted: Restore, or the corrections log, brings it back.`, 'muted'),
      form,
    ]);
    form.querySelector('input')?.focus();
  }

  function restoreView(entity: EntityDetails, back: () => void): void {
    const form = correctionForm({
      name: `Restore ${entity.name}`,
      fields: [],
      submit: 'Restore',
      placeholder: 'e.g. rejected by mistake',
      cancel: back,
      send: async (reason) => {
        const problem = reasonProblem(reason);
        if (problem) return problem;
        const { correction } = await api.restore(entity.id, reason.trim());
        await reverted(correction, { show: false });
        await open(entity.id);
        return null;
      },
    });
    formView('Restore', `Restore ${entity.name}`, back, [form]);
    form.querySelector('input')?.focus();
  }

  function rejectLinkView(evidence: EdgeEvidence, title: string, back: () => void): void {
    const form = correctionForm({
      name: 'Reject this link',
      fields: [],
      submit: 'Reject link',
      placeholder: 'e.g. they only spoke by phone',
      cancel: back,
      send: async (reason) => {
        const problem = reasonProblem(reason);
        if (problem) return problem;
        const { correction } = await api.reject(evidence.id, reason.trim());
        const focus = canvas.container.dataset.focus;
        const show = focus === evidence.target ? evidence.target : evidence.source;
        await curation.made(correction, { edge: evidence.id, show: canvas.graph.hasNode(show) ? show : null });
        return null;
      },
    });
    formView('Reject link', title, back, [
      el('p', 'The link leaves the graph; its evidence stays stored, and Undo or the corrections log brings it back.', 'muted'),
      form,
    ]);
    form.querySelector('input')?.focus();
  }

  let mounted = false;
  function mountButtons(): void {
    if (mounted) return;
    mounted = true;
    const add = (text: string, title: string, run: () => void) => {
      const b = button(text, 'curate-button', run);
      b.title = title;
      deps.topbar.insertBefore(b, deps.before);
      return b;
    };
    const makeRoom = () => canvas.container.parentElement!.classList.add('with-panel');
    if (mayCurate(session)) {
      add('Duplicates', 'Review suggested duplicates: merge them, or say they are not the same', () => {
        makeRoom();
        void showDuplicates({ panel, curation, open, names });
      });
    }
    add('Corrections', 'The corrections log: who changed what, when and why', () => {
      makeRoom();
      void showLog({ panel, editor: mayCurate(session), names, reverted });
    });
  }

  return curation;
}
