/**
 * The side panel: an entity's details and its connections in plain words, grouped by relationship type
 * and direction, and the evidence of a link. Everything from the graph (names, sentences, titles) goes in as text, never as
 * HTML: an article may hold markup.
 */
import type { EdgeEvidence, EntityDetails, EvidenceItem } from '../../../common/api.js';
import type { Corroboration, SerializedGraph } from '../../../common/graph.js';
import { publishedLabel, seenLabel, seenOf } from '../timeline/model.js';
import { connectionsOf, type Connection } from './connections.js';
import { fetchDocument, fetchEvidence } from '../api.js';
import { renderDocument, type Span } from './reader.js';
import { el } from '../app/dom.js';
import { corroborationLabel, corroborationText, groupHeading, linkSentence, publishedLine, singleSource } from '../graph/wording.js';
import { httpUrl } from '../../../common/links.js';
import type { PanelTarget } from '../notes/model.js';

function backButton(back: () => void): HTMLButtonElement {
  const button = el('button', '← Back', 'back');
  button.type = 'button';
  button.addEventListener('click', back);
  return button;
}

export class Panel {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: {
      open: (id: string) => void;
      expand: (id: string) => void;
      /** Puts the entity at one end of the paths form. */
      path?: (end: 'from' | 'to', entity: { id: string; name: string }) => void;
      /** More actions on the entity beside Expand ("Show N more", "Collapse": paging/paging.ts). */
      controls?: (entity: EntityDetails, neighbourhood: SerializedGraph) => HTMLElement;
      /** The notes on what the panel shows (notes/notes.ts). */
      notes?: (target: PanelTarget) => HTMLElement;
      /** Corrections (curate/curation.ts): whether it is rejected, and an editor's actions on an entity or a link. */
      curate?: (entity: EntityDetails, neighbourhood: SerializedGraph) => HTMLElement | null;
      curateLink?: (evidence: EdgeEvidence, title: string, back: () => void) => HTMLElement | null;
    },
  ) {}

  showEntity(entity: EntityDetails, neighbourhood: SerializedGraph): void {
    const expand = el('button', 'Expand', 'action');
    expand.type = 'button';
    expand.title = 'Add its neighbours to the graph (or double-click the node)';
    expand.addEventListener('click', () => this.actions.expand(entity.id));
    const body: HTMLElement[] = [el('p', entity.kind, 'kind'), el('h2', entity.name), expand];
    if (this.actions.controls) body.push(this.actions.controls(entity, neighbourhood));
    const path = this.actions.path;
    // Paths run between entities; an allegation is reached through the people on either side of it.
    if (path && entity.kind !== 'Allegation') {
      for (const [end, text] of [
        ['from', 'Path from here'],
        ['to', 'Path to here'],
      ] as const) {
        const button = el('button', text, 'action');
        button.type = 'button';
        button.title = `Find how ${entity.name} is connected to another entity`;
        button.addEventListener('click', () => path(end, { id: entity.id, name: entity.name }));
        body.push(button);
      }
    }
    const curate = this.actions.curate?.(entity, neighbourhood);
    if (curate) body.push(curate);
    if (entity.aliases.length) body.push(el('p', `Also: ${entity.aliases.join(', ')}`, 'aliases'));
    if (this.actions.notes) body.push(this.actions.notes({ entity: entity.id }));
    if (entity.evidence.length) {
      body.push(el('h3', entity.kind === 'Allegation' ? 'Reported in' : 'Evidence'));
      body.push(this.evidenceList(entity.evidence, () => this.showEntity(entity, neighbourhood)));
    }
    if (entity.roles.length) {
      body.push(el('h3', 'Roles'));
      const roles = el('ul');
      for (const r of entity.roles) roles.append(el('li', `${r.title}, ${r.institution.name}`));
      body.push(roles);
    }
    const groups = connectionsOf(entity.id, neighbourhood);
    const section = el('section');
    section.setAttribute('aria-label', 'Connections');
    section.append(el('h3', 'Connections'));
    if (groups.length === 0) section.append(el('p', 'No links to other entities.', 'muted'));
    const back = () => this.showEntity(entity, neighbourhood);
    for (const group of groups) {
      section.append(el('h4', groupHeading(group.relType, group.outgoing, entity)));
      const ul = el('ul', undefined, 'connections');
      for (const c of group.connections) ul.append(this.connectionItem(entity, c, back));
      section.append(ul);
    }
    body.push(section);
    if (entity.documents.length) {
      body.push(el('h3', 'Documents'));
      const docs = el('ul');
      for (const d of entity.documents) {
        const item = el('li');
        const open = el('button', `${d.title ?? d.id}${d.outlet ? ` (${d.outlet})` : ''}`, 'link');
        open.type = 'button';
        open.addEventListener('click', () => void this.showDocument(d.id, undefined, () => this.showEntity(entity, neighbourhood)));
        item.append(open);
        docs.append(item);
      }
      body.push(docs);
    }
    this.render(body);
  }

  /**
   * One link: the name at the other end (an allegation's whole claim) opens the
   * evidence; beside it, how many documents back it, whether the text hedges it, and → to open the other end.
   */
  private connectionItem(entity: EntityDetails, c: Connection, back: () => void): HTMLLIElement {
    const item = el('li');
    const sentence = c.outgoing ? linkSentence(entity.name, c.relType, c.other.label) : linkSentence(c.other.label, c.relType, entity.name);
    const link = el('button', c.other.label, c.hedged ? 'link hedged' : 'link');
    link.type = 'button';
    link.title = `Evidence: ${sentence}`;
    link.addEventListener('click', () => void this.showEvidence(c.edge, sentence, back, c.corroboration));
    item.append(link);
    // Marked in words, not by colour alone: a hedged link ("reportedly met") and a link on one source.
    if (c.hedged) item.append(el('span', 'hedged', 'tag hedged'));
    const single = singleSource(c.corroboration);
    const count = el('span', corroborationLabel(c.corroboration), single ? 'corroboration single' : 'corroboration');
    count.title = single ? `${corroborationText(c.corroboration)}: no other document reports this link` : `Backed by ${corroborationText(c.corroboration)}`;
    item.append(count);
    const open = el('button', '→', 'open');
    open.type = 'button';
    open.setAttribute('aria-label', `Open ${c.other.label}`);
    open.addEventListener('click', () => this.actions.open(c.other.key));
    item.append(open);
    return item;
  }

  async showEvidence(edgeKey: string, title: string, back: () => void, corroboration?: Corroboration): Promise<void> {
    this.render([el('p', 'Loading the evidence…', 'muted')]);
    let evidence: EdgeEvidence;
    try {
      evidence = await fetchEvidence(edgeKey);
    } catch (err) {
      this.render([el('p', `The evidence could not be loaded: ${err instanceof Error ? err.message : String(err)}`, 'error')]);
      return;
    }
    const body: HTMLElement[] = [backButton(back), el('p', 'Link', 'kind'), el('h2', title)];
    const again = () => void this.showEvidence(edgeKey, title, back, corroboration);
    const curate = this.actions.curateLink?.(evidence, title, again);
    if (curate) body.push(curate);
    if (corroboration)
      body.push(el('p', `Backed by ${corroborationText(corroboration)}${singleSource(corroboration) ? ': a single source' : ''}.`, 'corroboration-line'));
    // When it was reported: the first and last dates of its evidence documents, as the graph's firstSeen/lastSeen.
    const { firstSeen, lastSeen } = seenOf(evidence.evidence);
    body.push(el('p', seenLabel(firstSeen, lastSeen), 'seen-line'));
    if (this.actions.notes) body.push(this.actions.notes({ edge: edgeKey }));
    body.push(this.evidenceList(evidence.evidence, again));
    this.render(body);
  }

  /** Evidence sentences, each with its document; a document opens in the reader, `back` returns from it. */
  evidenceList(items: EvidenceItem[], back: () => void, name = 'Evidence'): HTMLOListElement {
    const list = el('ol', undefined, 'evidence');
    list.setAttribute('aria-label', name);
    for (const item of items) {
      const li = el('li');
      const label = [item.document.title ?? item.document.id, item.document.outlet].filter(Boolean).join(' — ');
      const source = el('button', label, 'source');
      source.type = 'button';
      source.setAttribute('aria-label', `Read the document: ${label}`);
      source.addEventListener('click', () => void this.showDocument(item.document.id, item, back));
      li.append(el('blockquote', item.sentence), source);
      // When the document was published, if known: the dates a time range is read against.
      const published = item.document.publishedAt;
      if (published) {
        const time = el('time', publishedLabel(published), 'published');
        time.dateTime = published;
        li.append(time);
      }
      list.append(li);
    }
    return list;
  }

  /** The document's text, mentions marked, `focus` (an evidence sentence) highlighted and scrolled to. */
  async showDocument(id: string, focus: Span | undefined, back: () => void): Promise<void> {
    this.render([el('p', 'Loading the document…', 'muted')]);
    try {
      const doc = await fetchDocument(id);
      const meta = sourceLine(doc.outlet, doc.url);
      const published = publishedLine(doc.publishedAt, doc.byline);
      this.render([
        backButton(back),
        el('p', 'Document', 'kind'),
        el('h2', doc.title ?? doc.file ?? doc.id),
        ...(published ? [el('p', published, 'published')] : []),
        ...(meta ? [meta] : []),
        ...(this.actions.notes ? [this.actions.notes({ document: doc.id })] : []),
        renderDocument(doc, focus),
      ]);
    } catch (err) {
      this.render([el('p', `The document could not be loaded: ${err instanceof Error ? err.message : String(err)}`, 'error')]);
    }
  }

  /** A list of things that are not one entity (the entities without links): a heading over `children`. */
  showList(title: string, children: HTMLElement[]): void {
    this.render([el('p', 'List', 'kind'), el('h2', title), ...children]);
  }

  /** Shows `children` as the panel's content (features such as paths show their own views here). */
  render(children: HTMLElement[]): void {
    // A keyboard user who followed a link in the panel stays in it: the button that had the focus is
    // gone with the old view, so the new view's heading takes the focus instead of the page.
    const hadFocus = this.root.contains(document.activeElement);
    this.root.replaceChildren(...children);
    this.root.hidden = false;
    if (!hadFocus) return;
    const heading = this.root.querySelector<HTMLElement>('h2') ?? this.root;
    heading.tabIndex = -1;
    heading.focus();
  }
}

/** "outlet · url", the URL a link only when it is http(s): any other scheme stays inert text. */
function sourceLine(outlet: string | null | undefined, url: string | null | undefined): HTMLParagraphElement | null {
  if (!outlet && !url) return null;
  const line = el('p', outlet ?? '', 'source');
  if (!url) return line;
  if (outlet) line.append(' · ');
  const href = httpUrl(url);
  if (!href) {
    line.append(url);
    return line;
  }
  const link = el('a', url);
  link.href = href;
  link.target = '_blank';
  link.rel = 'noopener noreferrer';
  line.append(link);
  return line;
}
