import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { combine, regroup } from '../../../../server/curate/combine.js';
import { joinedInMerge, namesOf, planMerge, planSplit } from '../../../../server/curate/plan.js';
import type { StoredNode, StoredRelationship } from '../../../../server/curate/stored.js';

const person = (id: string, name: string, aliases: string[] = []): StoredNode => ({
  id,
  labels: ['Newsgraph', 'Entity', 'Person'],
  props: { id, name, aliases },
});

function rel(
  elementId: string,
  start: string,
  type: string,
  end: string,
  evidence: [string, number, number][],
  extra: Record<string, unknown> = {},
): StoredRelationship {
  return {
    elementId,
    type,
    start,
    end,
    props: {
      evDocs: evidence.map((e) => e[0]),
      evSentences: evidence.map((e) => `sentence ${e[1]}`),
      evStarts: evidence.map((e) => e[1]),
      evEnds: evidence.map((e) => e[2]),
      evHedged: evidence.map(() => false),
      documents: new Set(evidence.map((e) => e[0])).size,
      hedged: false,
      ...extra,
    },
  };
}

function mention(elementId: string, entity: string, doc: string, spans: [number, number, string][]): StoredRelationship {
  return {
    elementId,
    type: 'MENTIONED_IN',
    start: entity,
    end: doc,
    props: { starts: spans.map((s) => s[0]), ends: spans.map((s) => s[1]), count: spans.length },
    surfaces: spans.map((s) => s[2]),
  };
}

describe('combine', () => {
  it('joins evidence lists, keeps a shared item once, and counts documents and hedging again', () => {
    const a = rel('1', 'x', 'MET', 'y', [['d1', 0, 10]]).props;
    const b = {
      ...rel('2', 'x', 'MET', 'y', [
        ['d1', 0, 10],
        ['d2', 5, 20],
      ]).props,
      evHedged: [false, true],
    };
    const c = combine([
      { type: 'MET', props: a },
      { type: 'MET', props: b },
    ]);
    assert.deepEqual(c.evDocs, ['d1', 'd2']);
    assert.deepEqual(c.evStarts, [0, 5]);
    assert.equal(c.documents, 2);
    assert.deepEqual(c.evHedged, [false, true]);
    assert.equal(c.hedged, false);
  });

  it('unites mentions in order, each span once', () => {
    const c = combine([
      { type: 'MENTIONED_IN', props: { starts: [30], ends: [35], count: 1 } },
      { type: 'MENTIONED_IN', props: { starts: [0, 30], ends: [5, 35], count: 2 } },
    ]);
    assert.deepEqual([c.starts, c.ends, c.count], [[0, 30], [5, 35], 2]);
  });

  it('keeps a rejected relationship rejected when another joins it', () => {
    const { createRelationships } = regroup(
      [{ rel: rel('2', 'b', 'MET', 'y', [['d2', 0, 5]]), start: 'a', end: 'y' }],
      [rel('1', 'a', 'MET', 'y', [['d1', 0, 5]], { rejected: true })],
    );
    assert.equal(createRelationships[0]!.props.rejected, true);
  });
});

describe('planMerge', () => {
  const a = person('person:a', 'Sergei Volkov', ['Volkov']);
  const b = person('person:b', 'Sergey Volkov');
  const relationships = [
    rel('r1', 'person:a', 'MET', 'person:x', [['d1', 0, 40]]),
    rel('r2', 'person:b', 'MET', 'person:x', [['d2', 0, 40]]),
    rel('r3', 'person:y', 'ACCUSED', 'person:b', [['d2', 50, 90]]),
    rel('r4', 'person:b', 'HOLDS_ROLE', 'inst:z', [['d2', 0, 40]], { title: 'minister' }),
    mention('m1', 'person:a', 'd1', [[0, 13, 'Sergei Volkov']]),
    mention('m2', 'person:b', 'd2', [[0, 13, 'Sergey Volkov']]),
  ];

  it('moves every relationship of the absorbed entity, joining the one the survivor already has', () => {
    const change = planMerge({ into: a, absorbed: [b], relationships, name: 'Sergei Volkov' });
    assert.deepEqual(change.deleteNodes, ['person:b']);
    assert.deepEqual(new Set(change.deleteRelationships), new Set(['r1', 'r2']), 'only the two MET to x are joined');
    const met = change.createRelationships.filter((r) => r.type === 'MET');
    assert.equal(met.length, 1, 'one MET to x, with both documents');
    assert.deepEqual(met[0]!.props.evDocs, ['d1', 'd2']);
    assert.equal(met[0]!.props.documents, 2);
    // The rest only change an end, and are re-created there as they are.
    assert.deepEqual(change.rewireRelationships, [
      { elementId: 'r3', start: 'person:y', end: 'person:a' },
      { elementId: 'r4', start: 'person:a', end: 'inst:z' },
      { elementId: 'm2', start: 'person:a', end: 'd2' },
    ]);
  });

  it('knows which relationships it must read whole: those it joins', () => {
    const keysOnly = relationships.map((r) => ({ ...r, props: r.type === 'HOLDS_ROLE' ? { title: r.props.title } : {} }));
    assert.deepEqual(joinedInMerge('person:a', ['person:b'], keysOnly), new Set(['r1', 'r2']));
    const roles = [
      rel('h1', 'person:a', 'HOLDS_ROLE', 'inst:z', [['d1', 0, 9]], { title: 'minister' }),
      rel('h2', 'person:b', 'HOLDS_ROLE', 'inst:z', [['d2', 0, 9]], { title: 'adviser' }),
    ];
    assert.deepEqual(joinedInMerge('person:a', ['person:b'], roles), new Set(), 'two titles are two roles');
  });

  it('gives the survivor every name as an alias, under the chosen name', () => {
    const change = planMerge({ into: a, absorbed: [b], relationships, name: 'Sergey Volkov' });
    const set = change.updateNodes[0]!.set;
    assert.equal(set.name, 'Sergey Volkov');
    assert.deepEqual(set.aliases, ['Sergei Volkov', 'Volkov']);
  });
});

describe('planSplit', () => {
  const merged = person('person:a', 'Sergei Volkov', ['Sergey Volkov', 'Volkov']);
  const into = person('person:b', 'Sergey Volkov');
  const relationships = [
    // d1 writes "Sergei Volkov … Volkov"; d2 only "Sergey Volkov … Volkov".
    mention('m1', 'person:a', 'd1', [
      [0, 13, 'Sergei Volkov'],
      [60, 66, 'Volkov'],
    ]),
    mention('m2', 'person:a', 'd2', [
      [0, 13, 'Sergey Volkov'],
      [70, 76, 'Volkov'],
    ]),
    // one MET with a sentence from each document
    rel('r1', 'person:a', 'MET', 'person:x', [
      ['d1', 0, 40],
      ['d2', 0, 40],
    ]),
    // a sentence of d2 that names him by surname only goes with its document
    rel('r2', 'person:y', 'ACCUSED', 'person:a', [['d2', 60, 90]]),
  ];

  it('sends each mention and sentence to the side whose name it was written with', () => {
    const change = planSplit({ from: merged, into, intoExists: false, aliases: ['Sergey Volkov'], relationships });
    assert.deepEqual(
      change.createNodes.map((n) => n.id),
      ['person:b'],
    );
    const mentions = change.createRelationships.filter((r) => r.type === 'MENTIONED_IN');
    assert.deepEqual(
      mentions.map((m) => [m.start, m.end, m.props.count]),
      [['person:b', 'd2', 2]],
    );
    assert.ok(!change.deleteRelationships.includes('m1'), "d1's mentions stay where they are");
    const met = change.createRelationships.filter((r) => r.type === 'MET');
    assert.deepEqual(
      met.map((r) => [r.start, r.props.evDocs]),
      [
        ['person:a', ['d1']],
        ['person:b', ['d2']],
      ],
    );
    const accused = change.createRelationships.find((r) => r.type === 'ACCUSED')!;
    assert.equal(accused.end, 'person:b');
    assert.deepEqual(change.updateNodes[0], { id: 'person:a', set: { name: 'Sergei Volkov', aliases: ['Volkov'] } });
  });

  it('joins what it moves to an entity that already exists', () => {
    const existing = [...relationships, rel('r9', 'person:b', 'MET', 'person:x', [['d3', 0, 9]])];
    const change = planSplit({ from: merged, into, intoExists: true, aliases: ['Sergey Volkov'], relationships: existing });
    assert.ok(change.deleteRelationships.includes('r9'));
    const met = change.createRelationships.find((r) => r.type === 'MET' && r.start === 'person:b')!;
    assert.deepEqual(met.props.evDocs, ['d3', 'd2']);
    assert.equal(change.createNodes.length, 0);
  });

  it('renames the entity when its own name leaves, and never leaves it nameless', () => {
    const change = planSplit({ from: merged, into: person('person:c', 'Sergei Volkov'), intoExists: false, aliases: ['Sergei Volkov'], relationships });
    assert.equal(change.updateNodes[0]!.set.name, 'Sergey Volkov');
    assert.throws(() =>
      planSplit({ from: person('person:a', 'A B'), into: person('person:c', 'A B'), intoExists: false, aliases: ['A B'], relationships: [] }),
    );
  });

  it('names: canonical first, each form once', () => {
    assert.deepEqual(namesOf(person('p', 'The Agency', ['the agency', 'Agency X'])), ['The Agency', 'Agency X']);
  });
});

describe('planSplit: a title before the name', () => {
  it('reads "Minister Sergey Volkov" as the split-off name, not the surname both share', () => {
    const merged = person('person:a', 'Sergei Volkov', ['Sergey Volkov', 'Volkov']);
    const change = planSplit({
      from: merged,
      into: person('person:b', 'Sergey Volkov'),
      intoExists: false,
      aliases: ['Sergey Volkov'],
      relationships: [mention('m', 'person:a', 'd', [[0, 22, 'Minister Sergey Volkov']])],
    });
    assert.deepEqual(
      change.createRelationships.map((r) => r.start),
      ['person:b'],
    );
  });
});

describe('planSplit: a sentence that names both', () => {
  it('backs a link to each side: "met X and Y", which the merge had made one link, becomes two again', () => {
    const merged = person('person:x', 'Wen Hao', ['Wen Lei']);
    const change = planSplit({
      from: merged,
      into: person('person:y', 'Wen Lei'),
      intoExists: false,
      aliases: ['Wen Lei'],
      relationships: [
        mention('m', 'person:x', 'd', [
          [10, 17, 'Wen Hao'],
          [22, 29, 'Wen Lei'],
        ]),
        rel('r', 'person:b', 'MET', 'person:x', [['d', 0, 40]]),
      ],
    });
    const met = change.createRelationships.filter((r) => r.type === 'MET');
    assert.deepEqual(met.map((r) => r.end).sort(), ['person:x', 'person:y']);
    assert.ok(met.every((r) => (r.props.evDocs as string[]).length === 1));
  });
});
