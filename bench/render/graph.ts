/**
 * The graph both renderers draw in `bench:render`: deterministic, in newsgraph's wire format, with a
 * position for every node so neither library spends the run on layout. Entities come in communities
 * (a story's cast) laid out as blobs on a sunflower spiral; most links stay inside a community and a
 * few cross the map, as in a real exploration, and degrees are skewed so a few hubs stand out.
 */
import type { SerializedEdge, SerializedGraph, SerializedNode } from '../../common/graph.js';
import { GRAPH_OPTIONS } from '../../common/graph.js';
import { rng } from '../../scripts/corpus.js';

/** Bench positions travel as `bx`/`by`: viewGraphOf puts nodes on a circle, and the page moves them here. */
export interface BenchNodeAttributes {
  bx: number;
  by: number;
}

const KINDS: ReadonlyArray<[kind: string, share: number]> = [
  ['Person', 0.45],
  ['Institution', 0.2],
  ['Place', 0.1],
  ['Allegation', 0.1],
  ['Document', 0.15],
];
const REL_TYPES: Record<string, string[]> = {
  Person: ['MET', 'CALLED', 'CRITICIZED', 'WORKS_FOR'],
  Institution: ['FUNDED', 'SANCTIONED', 'PARTNERED_WITH'],
  Place: ['VISITED', 'LOCATED_IN'],
  Allegation: ['ALLEGES', 'AGAINST', 'REPORTED_BY'],
  Document: ['MENTIONS'],
};
const SYLLABLES = [
  'an',
  'bel',
  'cor',
  'da',
  'el',
  'fin',
  'gar',
  'hal',
  'is',
  'jo',
  'ka',
  'lor',
  'mi',
  'nor',
  'os',
  'pra',
  'qui',
  'ren',
  'sa',
  'tor',
  'ul',
  'va',
  'wen',
  'xi',
  'yor',
  'zan',
];

function word(random: () => number, parts: number): string {
  let s = '';
  for (let i = 0; i < parts; i++) s += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function labelFor(kind: string, random: () => number, i: number): string {
  switch (kind) {
    case 'Person':
      return `${word(random, 2)} ${word(random, 3)}`;
    case 'Institution':
      return `Ministry of ${word(random, 3)}`;
    case 'Place':
      return word(random, 3);
    case 'Allegation':
      return `${word(random, 2)} ${word(random, 3)} is said to have taken payments from ${word(random, 3)} in ${2000 + (i % 25)}`;
    default:
      return `${word(random, 3)} report ${i}`;
  }
}

function kindAt(roll: number): string {
  let acc = 0;
  for (const [kind, share] of KINDS) {
    acc += share;
    if (roll < acc) return kind;
  }
  return 'Person';
}

/** Standard normal draw (Box–Muller) from a uniform source. */
function gauss(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * `nodes` nodes and exactly `edges` directed links. Positions span a disc whose area grows with the
 * node count, about 900 units across at 2,000 nodes, so vis-network's first fit is near scale 1 there.
 */
export function benchGraph(nodes: number, edges: number, seed = 20261123): SerializedGraph {
  const random = rng(seed);
  const radius = 450 * Math.sqrt(nodes / 2000);
  // Communities of 20 to 180 members, as many as it takes.
  const communities: { start: number; size: number; cx: number; cy: number; spread: number }[] = [];
  let placed = 0;
  while (placed < nodes) {
    const size = Math.min(nodes - placed, 20 + Math.floor(random() * 160));
    communities.push({ start: placed, size, cx: 0, cy: 0, spread: 0 });
    placed += size;
  }
  // Sunflower spiral: community k at radius ∝ √k fills the disc evenly.
  const golden = Math.PI * (3 - Math.sqrt(5));
  communities.forEach((c, k) => {
    const r = radius * Math.sqrt((k + 0.5) / communities.length);
    c.cx = r * Math.cos(k * golden);
    c.cy = r * Math.sin(k * golden);
    c.spread = 0.45 * radius * Math.sqrt(c.size / nodes);
  });

  const serializedNodes: SerializedNode[] = [];
  const communityOf: number[] = [];
  communities.forEach((c, k) => {
    for (let i = c.start; i < c.start + c.size; i++) {
      const kind = kindAt(random());
      const attributes: SerializedNode['attributes'] & BenchNodeAttributes = {
        label: labelFor(kind, random, i),
        labels: kind === 'Document' || kind === 'Allegation' ? [kind] : ['Entity', kind],
        kind,
        properties: {},
        bx: Math.round((c.cx + c.spread * gauss(random)) * 100) / 100,
        by: Math.round((c.cy + c.spread * gauss(random)) * 100) / 100,
      };
      serializedNodes.push({ key: `n${i}`, attributes });
      communityOf.push(k);
    }
  });

  // Within a community, the first members are its hubs: rank r is drawn with weight falling as r grows.
  const member = (c: (typeof communities)[number]) => c.start + Math.floor(c.size * random() ** 2.2);
  const serializedEdges: SerializedEdge[] = [];
  for (let e = 0; e < edges; e++) {
    const source = Math.floor(random() * nodes);
    const home = communities[communityOf[source]!]!;
    const roll = random();
    // 85 % inside the community, 10 % to a neighbouring one, 5 % anywhere.
    const other =
      roll < 0.85
        ? home
        : roll < 0.95
          ? communities[Math.min(communities.length - 1, Math.max(0, communityOf[source]! + Math.floor(random() * 7) - 3))]!
          : communities[Math.floor(random() * communities.length)]!;
    let target = member(other);
    if (target === source) target = other.start + ((target - other.start + 1) % other.size);
    const kind = serializedNodes[source]!.attributes.kind;
    const types = REL_TYPES[kind] ?? ['RELATED_TO'];
    serializedEdges.push({
      key: `e${e}`,
      source: `n${source}`,
      target: `n${target}`,
      attributes: {
        relType: types[Math.floor(random() * types.length)]!,
        properties: random() < 0.05 ? { hedged: true } : {},
        corroboration: { documents: 1, outlets: 1 },
      },
    });
  }
  return { attributes: {}, options: GRAPH_OPTIONS, nodes: serializedNodes, edges: serializedEdges };
}
