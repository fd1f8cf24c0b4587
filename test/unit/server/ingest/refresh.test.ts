import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentMeta } from '../../../../server/ingest/plan.js';
import { documentRefresh } from '../../../../server/ingest/write.js';
import { toArticle } from '../../../../server/article/article.js';

describe('an unchanged document’s refresh', () => {
  const meta = documentMeta(toArticle('harbour.txt', 'date: 2023-11-14\n\nIlse Varga resigned.'), { identity: 'notes/harbour.txt', name: 'harbour.txt' });

  it('writes nothing when its file name, date and byline are as stored', () => {
    assert.equal(documentRefresh({ sha256: meta.sha256, file: 'harbour.txt', publishedAt: '2023-11-14T00:00:00.000Z', byline: null }, meta), null);
  });

  it('writes a date or byline it did not have (loaded before dates were read), a corrected one, or a new file name', () => {
    const row = { id: meta.id, file: 'harbour.txt', publishedAt: '2023-11-14T00:00:00.000Z', byline: null };
    assert.deepEqual(documentRefresh({ sha256: meta.sha256, file: 'harbour.txt', publishedAt: null, byline: null }, meta), row);
    assert.deepEqual(documentRefresh({ sha256: meta.sha256, file: 'harbour.txt', publishedAt: '2023-11-13T00:00:00.000Z', byline: null }, meta), row);
    assert.deepEqual(documentRefresh({ sha256: meta.sha256, file: '/abs/harbour.txt', publishedAt: row.publishedAt, byline: null }, meta), row);
    assert.deepEqual(documentRefresh({ sha256: meta.sha256, file: 'harbour.txt', publishedAt: row.publishedAt, byline: 'Old Name' }, meta), row);
  });
});
