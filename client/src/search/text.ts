/**
 * Text search in the side panel: the documents whose words match (GET /api/search?in=text), each with its
 * title, outlet and date, the sentences that hold the words with the words marked, and the entities it
 * mentions as chips that open the entity on the canvas; facets (outlet, kind of entity mentioned, date)
 * filter the list. Everything from the articles goes in as text nodes; a highlight is a <mark> around a
 * text node cut at the offsets the server gives, never HTML.
 */
import type { FacetCount, TextSearchHit, TextSearchResult, TextSnippet } from '../../../common/api.js';
import { searchText, type TextFilters } from '../api.js';
import { facetFilter } from './facets.js';
import { el } from '../app/dom.js';
import { linkSentence } from '../graph/wording.js';

export interface TextSearchTarget {
  /** Shows `children` in the side panel, as a list. */
  showList(title: string, children: HTMLElement[]): void;
  /** Opens a document in the reader, `focus` highlighted; `back` returns to the results. */
  showDocument(id: string, focus: { start: number; end: number } | undefined, back: () => void): Promise<void>;
  /** Opens an entity on the canvas. */
  openEntity(id: string): void;
  /** Makes room for the panel beside the canvas. */
  showPanel(): void;
}

/** `text` with each [start, end) of `ranges` in a <mark>: text nodes only. */
export function marked(text: string, ranges: readonly (readonly number[])[], into: HTMLElement): HTMLElement {
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0]! - b[0]!)) {
    if (start! < at || end! > text.length) continue;
    if (start! > at) into.append(document.createTextNode(text.slice(at, start)));
    into.append(el('mark', text.slice(start, end)));
    at = end!;
  }
  if (at < text.length) into.append(document.createTextNode(text.slice(at)));
  return into;
}

const FACET_LABELS = { outlets: 'Outlet', kinds: 'Mentions', dates: 'Published' } as const;
const KIND_WORDS: Record<string, string> = { Person: 'people', Institution: 'institutions', Place: 'places' };

function dateOf(iso: string | null): string | null {
  return iso ? iso.slice(0, 10) : null;
}

/** Where a snippet's own text is in the document, its "…" left out: the reader highlights that sentence. */
function spanOf(snippet: TextSnippet): { start: number; end: number } {
  const lead = snippet.text.startsWith('…') ? 1 : 0;
  const tail = snippet.text.endsWith('…') ? 1 : 0;
  return { start: snippet.start, end: snippet.start + snippet.text.length - lead - tail };
}

export class TextSearch {
  private q = '';
  private filters: TextFilters = {};
  private asked = 0;
  private last: TextSearchResult | null = null;

  constructor(private readonly target: TextSearchTarget) {}

  /** Searches for `q` anew (filters cleared) and shows the results. */
  async search(q: string): Promise<void> {
    this.q = q;
    this.filters = {};
    await this.run();
  }

  private async run(): Promise<void> {
    const ticket = ++this.asked;
    this.target.showPanel();
    try {
      const reply = await searchText(this.q, this.filters);
      // An older, slower answer must not replace a newer one.
      if (ticket !== this.asked) return;
      this.last = reply;
      this.show();
    } catch (err) {
      if (ticket !== this.asked) return;
      this.target.showList(`Text: “${this.q}”`, [el('p', `The search failed: ${err instanceof Error ? err.message : String(err)}`, 'error')]);
    }
  }

  /** The last results again (the reader's "Back"). */
  private show(): void {
    const reply = this.last!;
    const count = el('p', '', 'muted text-count');
    count.setAttribute('role', 'status');
    count.textContent =
      reply.total === 0
        ? 'No document holds these words.'
        : `${reply.total.toLocaleString('en')}${reply.capped ? '+' : ''} document${reply.total === 1 ? '' : 's'}${reply.capped ? ' (the best counted)' : ''}`;
    const children: HTMLElement[] = [count];
    const facets = this.facets(reply);
    if (facets) children.push(facets);
    const list = el('ol', undefined, 'text-results');
    list.setAttribute('aria-label', 'Documents');
    for (const hit of reply.results) list.append(this.result(hit));
    children.push(list);
    this.target.showList(`Text: “${this.q}”`, children);
  }

  private facets(reply: TextSearchResult): HTMLElement | null {
    const box = el('div', undefined, 'facets');
    for (const facet of ['outlets', 'kinds', 'dates'] as const) {
      const values: FacetCount[] = reply.facets[facet];
      if (values.length === 0) continue;
      const group = el('div', undefined, 'facet-group');
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', FACET_LABELS[facet]);
      group.append(el('span', FACET_LABELS[facet], 'facet-label'));
      for (const { value, count } of values) {
        const filter = facetFilter(facet, value);
        const on = Object.entries(filter).every(([k, v]) => this.filters[k as keyof TextFilters] === v);
        const label = facet === 'kinds' ? (KIND_WORDS[value] ?? value) : value;
        const b = el('button', `${label} `, 'facet');
        b.type = 'button';
        b.append(el('span', String(count), 'facet-count'));
        b.setAttribute('aria-pressed', String(on));
        b.title = on
          ? 'Remove this filter'
          : `Only documents ${facet === 'outlets' ? `of ${value}` : facet === 'kinds' ? `that mention ${label}` : `published in ${value}`}`;
        b.addEventListener('click', () => {
          this.filters = on
            ? (Object.fromEntries(Object.entries(this.filters).filter(([k]) => !(k in filter))) as TextFilters)
            : { ...this.filters, ...filter };
          void this.run();
        });
        group.append(b);
      }
      box.append(group);
    }
    return box.childElementCount ? box : null;
  }

  private result(hit: TextSearchHit): HTMLLIElement {
    const { document: doc } = hit;
    const li = el('li', undefined, 'text-result');
    const back = () => this.show();
    const open = (focus?: { start: number; end: number }) => void this.target.showDocument(doc.id, focus, back);
    const title = el('button', undefined, 'doc-title');
    title.type = 'button';
    const name = doc.title ?? doc.file ?? doc.id;
    marked(name, doc.title ? hit.titleHighlights : [], title);
    title.setAttribute('aria-label', `Read the document: ${name}`);
    title.addEventListener('click', () => open(hit.snippets[0] ? spanOf(hit.snippets[0]) : undefined));
    li.append(title);
    const meta = [doc.outlet, dateOf(doc.publishedAt)].filter(Boolean).join(' · ');
    if (meta) li.append(el('p', meta, 'source'));
    for (const snippet of hit.snippets) {
      const quote = el('blockquote', undefined, 'snippet');
      quote.tabIndex = 0;
      quote.title = 'Read it in the document';
      marked(snippet.text, snippet.highlights, quote);
      quote.addEventListener('click', () => open(spanOf(snippet)));
      quote.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') open(spanOf(snippet));
      });
      li.append(quote);
      if (snippet.links.length) {
        const links = el('ul', undefined, 'snippet-links');
        links.setAttribute('aria-label', 'Links this sentence is the evidence of');
        for (const l of snippet.links) links.append(el('li', linkSentence(l.source.name, l.type, l.target.name)));
        li.append(links);
      }
    }
    if (hit.entities.length) {
      const chips = el('div', undefined, 'chips');
      chips.setAttribute('role', 'group');
      chips.setAttribute('aria-label', 'Mentions');
      for (const entity of hit.entities) {
        const chip = el('button', entity.name, 'chip');
        chip.type = 'button';
        chip.dataset.kind = entity.kind;
        chip.dataset.entity = entity.id;
        chip.title = `Open ${entity.name} (${entity.kind}) on the canvas`;
        chip.addEventListener('click', () => this.target.openEntity(entity.id));
        chips.append(chip);
      }
      li.append(chips);
    }
    return li;
  }
}
