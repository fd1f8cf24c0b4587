/**
 * The duplicates review in the side panel: each suggested pair with both sides (names, documents, a
 * few sentences that name them), why it is suggested, and Merge, Not the same or Later. What the list
 * holds after a decision is model.ts's; pairs put off stay off until the page is reloaded.
 */
import type { DuplicateSide, DuplicateSuggestion, EntityCategory } from '../../../common/curate.js';
import * as api from '../api.js';
import { button, el } from '../app/dom.js';
import { busy, errorText } from '../app/toast.js';
import type { Panel } from '../panel/panel.js';
import type { Curation } from './curation.js';
import { field, textInput } from './forms.js';
import { afterDecision, CATEGORY_WORDS, ENTITY_CATEGORIES, pairKey, pending, reasonProblem, reviewOf, type Decision, type Review } from './model.js';

export interface DuplicatesDeps {
  panel: Panel;
  curation: Curation;
  open: (id: string) => Promise<void>;
  names: (id: string) => string | undefined;
}

/** Put off for this session (until the page is reloaded). */
const later = new Set<string>();
let category: EntityCategory | '' = '';

export async function showDuplicates(deps: DuplicatesDeps): Promise<void> {
  const { panel } = deps;
  panel.render([el('p', 'Review', 'kind'), el('h2', 'Suggested duplicates'), el('p', 'Looking for entities that may be the same…', 'muted')]);
  let review: Review;
  try {
    review = reviewOf((await api.fetchDuplicates(category || undefined)).suggestions, later);
  } catch (err) {
    panel.render([el('p', 'Review', 'kind'), el('h2', 'Suggested duplicates'), el('p', `The suggestions could not be loaded: ${errorText(err)}`, 'error')]);
    return;
  }
  let said: HTMLElement | null = null;

  const render = (focus?: 'status') => {
    const kind = el('select');
    const all = el('option', 'All kinds');
    all.value = '';
    kind.append(all);
    for (const c of ENTITY_CATEGORIES) {
      const option = el('option', `${CATEGORY_WORDS[c]}s`);
      option.value = c;
      kind.append(option);
    }
    kind.value = category;
    kind.addEventListener('change', () => {
      category = kind.value as EntityCategory | '';
      void showDuplicates(deps);
    });
    const left = pending(review);
    const status = el('p', undefined, 'curate-status');
    status.setAttribute('role', 'status');
    status.tabIndex = -1;
    if (said) status.append(said, ' ');
    status.append(
      left.length ? `${left.length} ${left.length === 1 ? 'pair' : 'pairs'} to review.` : 'No suggested duplicates left to review.',
      review.later.size ? ` ${review.later.size} put off until the page is reloaded.` : '',
    );
    const list = el('ol', undefined, 'duplicates');
    list.setAttribute('aria-label', 'Suggested duplicates');
    left.forEach((s, i) => list.append(card(s, i)));
    panel.render([el('p', 'Review', 'kind'), el('h2', 'Suggested duplicates'), field('Kind', kind), status, list]);
    if (focus === 'status') status.focus();
  };

  const decided = (s: DuplicateSuggestion, d: Decision, message?: HTMLElement) => {
    if (d.decision === 'later') later.add(pairKey(s.ids));
    review = afterDecision(review, s.ids, d);
    said = message ?? null;
    render('status');
  };

  const side = (e: DuplicateSide, heading: string) => {
    const section = el('section', undefined, 'duplicate-side');
    section.setAttribute('aria-label', heading);
    section.append(el('h4', e.name));
    if (e.aliases.length) section.append(el('p', `Also: ${e.aliases.join(', ')}`, 'aliases'));
    section.append(
      el('p', `${CATEGORY_WORDS[e.category]}${e.kind ? ` (${e.kind})` : ''} · ${e.documents} ${e.documents === 1 ? 'document' : 'documents'}`, 'muted'),
    );
    if (e.evidence.length) {
      const evidence = el('ol', undefined, 'evidence');
      evidence.setAttribute('aria-label', `Sentences that name ${e.name}`);
      for (const item of e.evidence) {
        const li = el('li');
        li.append(el('blockquote', item.sentence), el('p', item.document.title ?? item.document.id, 'source'));
        evidence.append(li);
      }
      section.append(evidence);
    }
    return section;
  };

  const card = (s: DuplicateSuggestion, i: number) => {
    const [a, b] = s.entities;
    const item = el('li', undefined, 'duplicate');
    const article = el('article');
    const headingId = `duplicate-${i}`;
    article.setAttribute('aria-labelledby', headingId);
    const heading = el('h3', `${a.name} and ${b.name}`);
    heading.id = headingId;
    const reasons = el('ul', undefined, 'duplicate-reasons');
    reasons.setAttribute('aria-label', 'Why they may be the same');
    for (const r of s.reasons) reasons.append(el('li', r.text));
    const sides = el('div', undefined, 'duplicate-sides');
    sides.append(side(a, `First: ${a.name}`), side(b, `Second: ${b.name}`));

    const keep = el('fieldset', undefined, 'curate-names');
    keep.append(el('legend', 'Name that stays'));
    for (const [n, e] of [a, b].entries()) {
      const radio = el('input');
      radio.type = 'radio';
      radio.name = `keep-${i}`;
      radio.value = e.id;
      radio.checked = n === 0;
      const label = el('label', undefined, 'curate-option');
      label.append(radio, ` ${e.name}`);
      keep.append(label);
    }
    const reason = textInput('', 'e.g. the same minister, spelt two ways');
    const problem = el('p', undefined, 'curate-problem');
    problem.setAttribute('role', 'alert');
    const act = (b: HTMLButtonElement, work: (why: string) => Promise<void>) => {
      const problemOf = reasonProblem(reason.value);
      if (problemOf) {
        problem.textContent = problemOf;
        reason.focus();
        return;
      }
      problem.textContent = '';
      busy(b, work(reason.value.trim())).catch((err: unknown) => (problem.textContent = `Not done: ${errorText(err)}`));
    };
    const merge = button('Merge', 'action primary', () =>
      act(merge, async (why) => {
        const stays = keep.querySelector<HTMLInputElement>('input:checked')?.value ?? a.id;
        const ids = stays === b.id ? [b.id, a.id] : [a.id, b.id];
        const { correction, entity } = await api.mergeEntities(ids, why);
        await deps.curation.made(correction);
        const open = button(`Open ${entity.name}`, 'link', () => void deps.open(entity.id));
        const message = el('span');
        message.append(`Merged into ${entity.name}. `, open);
        decided(s, { decision: 'merge', absorbed: ids.slice(1) }, message);
      }),
    );
    merge.setAttribute('aria-label', `Merge ${a.name} and ${b.name}`);
    const distinct = button('Not the same', 'action', () =>
      act(distinct, async (why) => {
        const { correction } = await api.markDistinct(s.ids, why);
        await deps.curation.made(correction);
        decided(s, { decision: 'distinct' }, el('span', `${a.name} and ${b.name}: not the same.`));
      }),
    );
    distinct.setAttribute('aria-label', `${a.name} and ${b.name} are not the same`);
    const put = button('Later', 'action', () => decided(s, { decision: 'later' }, el('span', `${a.name} and ${b.name} put off.`)));
    put.setAttribute('aria-label', `Decide on ${a.name} and ${b.name} later`);
    const actions = el('div', undefined, 'curate-form-actions');
    actions.append(merge, distinct, put);
    article.append(heading, reasons, sides, keep, field('Why? (kept in the corrections log)', reason), problem, actions);
    item.append(article);
    return item;
  };

  render();
}
