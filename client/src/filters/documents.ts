/**
 * Titles and outlets of the documents the canvas cites. Edges carry only document ids; the list comes
 * from GET /api/documents, read page by page the first time an unknown id turns up, and again only
 * when an id turns up that no earlier read has seen (a document loaded since).
 */
import type { DocumentSummary } from '../../../common/api.js';
import { fetchDocuments } from '../api.js';

const PAGE = 500;

export class DocumentCatalogue {
  readonly known = new Map<string, DocumentSummary>();
  /** Ids looked for and not found: asking again would bring the same pages. */
  private readonly missing = new Set<string>();
  private reading: Promise<void> | null = null;

  /** Reads the list if some of `ids` are unknown; resolves true when it learnt something. */
  async lookUp(ids: Iterable<string>): Promise<boolean> {
    const wanted = () => [...ids].filter((id) => !this.known.has(id) && !this.missing.has(id));
    if (wanted().length === 0) return false;
    if (this.reading) await this.reading;
    const unknown = wanted();
    if (unknown.length === 0) return true;
    this.reading = this.readAll().finally(() => (this.reading = null));
    await this.reading;
    for (const id of unknown) if (!this.known.has(id)) this.missing.add(id);
    return true;
  }

  private async readAll(): Promise<void> {
    for (let offset = 0; ; offset += PAGE) {
      const { total, documents } = await fetchDocuments(PAGE, offset);
      for (const doc of documents) this.known.set(doc.id, doc);
      if (documents.length === 0 || offset + PAGE >= total) return;
    }
  }
}
