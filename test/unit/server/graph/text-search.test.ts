import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findMatches, fold, sentences, snippetsOf, textQuery, textSearchReply } from '../../../../server/graph/text-search.js';

// Invented text; no name from any corpus.
const TEXT =
  'Harbour Board Faces Questions. The port authority of Velmora denied any Interference in the tender on Tuesday. ' +
  'Inspector Ilse Varanek said the tender\'s interference was "plain". Nothing else happened.\n\nA second paragraph about quotas.';

const marked = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));

describe('text search: the query', () => {
  it('requires every word, and looks for a word with its possessive too', () => {
    assert.deepEqual(textQuery('tender interference'), {
      lucene: "+(tender OR tender's) +(interference OR interference's)",
      terms: [
        { words: ['tender'], prefix: false },
        { words: ['interference'], prefix: false },
      ],
    });
  });

  it('keeps "quoted phrases" in order, and a word* as a prefix', () => {
    const q = textQuery('"port authority" interfer*');
    assert.equal(q?.lucene, '+"port authority" +interfer*');
  });

  it('turns Lucene syntax into nothing but words, and folds case and accents', () => {
    assert.equal(textQuery('"a" OR b)')?.lucene, "+(b OR b's)");
    assert.equal(textQuery('*'), null);
    assert.equal(textQuery('\\'), null);
    assert.equal(textQuery('the and of'), null);
    assert.equal(textQuery('Ilse~2 AND -Varánek: [x TO y]')?.lucene, "+(ilse OR ilse's) +(2 OR 2's) +(varanek OR varanek's) +(x OR x's) +(y OR y's)");
    assert.equal(textQuery('ab*'), null, 'a prefix of two letters matches too much');
    assert.equal(fold('Ørsted’s CAFÉ'), "orsted's cafe");
  });
});

describe('text search: matches and snippets', () => {
  it('finds words in any case, with a possessive, and phrases as Lucene does (a stop word stands for any word)', () => {
    const terms = textQuery('interference')!.terms;
    assert.deepEqual(
      marked(
        TEXT,
        findMatches(TEXT, terms).map((m) => [m.start, m.end]),
      ),
      ['Interference', 'interference'],
    );
    const phrase = textQuery('"authority of velmora"')!.terms;
    assert.deepEqual(
      marked(
        TEXT,
        findMatches(TEXT, phrase).map((m) => [m.start, m.end]),
      ),
      ['authority of Velmora'],
    );
    const possessive = textQuery('tender')!.terms;
    assert.deepEqual(
      marked(
        TEXT,
        findMatches(TEXT, possessive).map((m) => [m.start, m.end]),
      ),
      ['tender', "tender's"],
    );
  });

  it('splits sentences after . ! ? and at blank lines', () => {
    const s = sentences(TEXT).map(({ start, end }) => TEXT.slice(start, end));
    assert.deepEqual(s, [
      'Harbour Board Faces Questions.',
      'The port authority of Velmora denied any Interference in the tender on Tuesday.',
      'Inspector Ilse Varanek said the tender\'s interference was "plain".',
      'Nothing else happened.',
      'A second paragraph about quotas.',
    ]);
  });

  it('gives the sentences that hold the words, with highlights as offsets into each, best sentences first', () => {
    const terms = textQuery('interference varanek')!.terms;
    const snippets = snippetsOf(TEXT, terms, [], 1);
    assert.equal(snippets.length, 1);
    assert.equal(snippets[0]!.text, 'Inspector Ilse Varanek said the tender\'s interference was "plain".');
    assert.equal(TEXT.slice(snippets[0]!.start, snippets[0]!.start + snippets[0]!.text.length), snippets[0]!.text);
    assert.deepEqual(marked(snippets[0]!.text, snippets[0]!.highlights), ['Varanek', 'interference']);
    assert.deepEqual(
      snippetsOf(TEXT, textQuery('interference')!.terms).map((s) => s.text),
      [
        'The port authority of Velmora denied any Interference in the tender on Tuesday.',
        'Inspector Ilse Varanek said the tender\'s interference was "plain".',
      ],
    );
    assert.deepEqual(snippetsOf(TEXT, textQuery('absent')!.terms), []);
  });

  it('says which links a sentence is the evidence of', () => {
    const start = TEXT.indexOf('The port');
    const end = TEXT.indexOf('Tuesday.') + 'Tuesday.'.length;
    const link = { type: 'DENIED', source: { id: 'a', name: 'A' }, target: { id: 'b', name: 'B' }, start, end };
    const [first, second] = snippetsOf(TEXT, textQuery('interference')!.terms, [link, link]);
    assert.deepEqual(first!.links, [{ type: 'DENIED', source: { id: 'a', name: 'A' }, target: { id: 'b', name: 'B' } }]);
    assert.deepEqual(second!.links, []);
  });

  it('cuts a long sentence around its first match, marking the cuts', () => {
    const long = `${'word '.repeat(150)}needle ${'more '.repeat(150)}end.`;
    const [snippet] = snippetsOf(long, textQuery('needle')!.terms);
    assert.ok(snippet!.text.startsWith('…') && snippet!.text.endsWith('…'));
    assert.ok(snippet!.text.length <= 282);
    assert.deepEqual(marked(snippet!.text, snippet!.highlights), ['needle']);
    assert.equal(long.slice(snippet!.start, snippet!.start + snippet!.text.length - 2), snippet!.text.slice(1, -1));
  });
});

describe('text search: the reply', () => {
  const row = (returned: number, fetched: number, months: { value: string; count: number }[]) => ({
    returned,
    fetched,
    outlets: [],
    kinds: [],
    months,
    page: [],
  });
  it("says it is capped when Lucene gave a full window, filtered or not, and counts years, or one year's months", () => {
    const query = textQuery('harbour')!;
    assert.equal(textSearchReply(row(1000, 3, []), query, 1000).capped, true, 'a filter kept 3 of a full window: there may be more');
    assert.equal(textSearchReply(row(999, 999, []), query, 1000).capped, false);
    const years = textSearchReply(
      row(3, 3, [
        { value: '2024-05', count: 1 },
        { value: '2021-03', count: 1 },
        { value: '2024-01', count: 1 },
      ]),
      query,
      1000,
    );
    assert.deepEqual(years.facets.dates, [
      { value: '2021', count: 1 },
      { value: '2024', count: 2 },
    ]);
    const months = textSearchReply(
      row(2, 2, [
        { value: '2024-05', count: 1 },
        { value: '2024-01', count: 1 },
      ]),
      query,
      1000,
    );
    assert.deepEqual(months.facets.dates, [
      { value: '2024-01', count: 1 },
      { value: '2024-05', count: 1 },
    ]);
  });
});
