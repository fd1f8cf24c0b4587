/**
 * The panel's view of a path search, drawn from the model: the shown path's hops with the evidence of
 * each, or the word that none was found. Both are a region named "Path"; what the buttons do is
 * paths.ts's.
 */
import type { EvidenceItem } from '../../../common/api.js';
import { button, el } from '../app/dom.js';
import type { Listing, NoPath } from './model.js';

function pathRegion(className: string): HTMLElement {
  const section = el('section', undefined, className);
  section.setAttribute('aria-label', 'Path');
  return section;
}

export interface PathActions {
  /** Next (1) or previous (-1) path. */
  step(by: number): void;
  clear(): void;
  /** The panel's list of evidence sentences, captioned. */
  evidence(items: EvidenceItem[], label: string): HTMLElement;
}

export function pathSection(listing: Listing, actions: PathActions): HTMLElement {
  const section = pathRegion('path-view');
  section.append(el('p', 'Path', 'kind'), el('h2', listing.title));
  const summary = el('div', undefined, 'path-summary');
  summary.append(el('span', listing.count));
  if (listing.position) {
    const nav = el('span', undefined, 'path-nav');
    nav.setAttribute('role', 'group');
    nav.setAttribute('aria-label', 'Shortest paths');
    const previous = button('‹', 'action', () => actions.step(-1));
    previous.setAttribute('aria-label', 'Previous path');
    const next = button('›', 'action', () => actions.step(1));
    next.setAttribute('aria-label', 'Next path');
    const position = el('span', listing.position);
    position.setAttribute('aria-live', 'polite');
    nav.append(previous, position, next);
    summary.append(nav);
  }
  summary.append(button('Clear path', 'action', actions.clear));
  section.append(summary);
  const list = el('ol', undefined, 'hops');
  list.setAttribute('aria-label', 'Hops');
  for (const hop of listing.hops) {
    const item = el('li');
    const heading = el('h3', hop.text);
    if (hop.tag) heading.append(' ', el('span', hop.tag, 'tag hedged'));
    if (hop.corroboration !== null) heading.append(' ', el('span', hop.corroboration, 'corroboration'));
    item.append(heading);
    if (hop.evidence.length) item.append(actions.evidence(hop.evidence, `Evidence: ${hop.text}`));
    else item.append(el('p', 'No evidence sentence recorded for this link.', 'muted'));
    list.append(item);
  }
  section.append(list);
  return section;
}

export function noPathSection(none: NoPath, actions: { widen(): void; change(): void }): HTMLElement {
  const section = pathRegion('path-view path-none');
  section.append(el('p', 'Path', 'kind'), el('h2', none.title));
  section.append(el('p', none.text, 'muted'));
  const next = el('div', undefined, 'path-actions');
  if (none.widen) next.append(button(none.widen, 'action', actions.widen));
  next.append(button('Change the ends', 'action', actions.change));
  section.append(next);
  return section;
}
