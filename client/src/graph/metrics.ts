/**
 * The shape of the graph on screen: its communities (graphology's Louvain) and each node's centrality
 * (PageRank, from graphology-metrics). Both read the links as a simple undirected graph weighted by how
 * many links join two nodes: "A accused B" and "B denied A's claim" tie the two together either way.
 * Pure, and seeded, so the same graph gives the same groups and the same layout on every load.
 */
import { UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import louvainExport from 'graphology-communities-louvain';
import pagerankExport from 'graphology-metrics/centrality/pagerank.js';

/**
 * A CommonJS package's function as the module system hands it over: the bundler and Node give the
 * function itself, while TypeScript's NodeNext typing (the server-side check of the unit tests) sees `{ default }`.
 */
function commonJs<T>(m: T | { default: T }): T {
  return typeof m === 'function' ? (m as T) : (m as { default: T }).default;
}
const louvain = commonJs(louvainExport);
const pagerank = commonJs(pagerankExport);

type Graph = AbstractGraph;

/** The links of `graph` as one weighted undirected edge per pair of nodes, self-loops dropped. */
export function simpleUndirected(graph: Graph): UndirectedGraph<Record<string, never>, { weight: number }> {
  const simple = new UndirectedGraph<Record<string, never>, { weight: number }>();
  graph.forEachNode((node) => simple.addNode(node));
  graph.forEachEdge((_edge, _attributes, source, target) => {
    if (source === target) return;
    simple.updateEdge(source, target, (attributes) => ({ weight: (attributes.weight ?? 0) + 1 }));
  });
  return simple;
}

/** A small seeded generator (mulberry32): Louvain visits nodes in random order, and the view must not change between loads. */
export function seededRandom(seed = 0x9e3779b9): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Each node's community, numbered by size: 0 is the largest. A node without links is a community of its
 * own. Ties in size go by the community's first node in the graph's order, so numbers are stable.
 */
export function communitiesOf(graph: Graph): Map<string, number> {
  const simple = simpleUndirected(graph);
  const found = simple.size === 0 ? {} : louvain(simple, { getEdgeWeight: 'weight', rng: seededRandom() });
  const members = new Map<number, string[]>();
  let lone = -1;
  simple.forEachNode((node) => {
    const c = found[node] ?? lone--;
    members.set(c, [...(members.get(c) ?? []), node]);
  });
  const ordered = [...members.values()].sort((a, b) => b.length - a.length);
  const result = new Map<string, number>();
  ordered.forEach((nodes, i) => nodes.forEach((node) => result.set(node, i)));
  return result;
}

/** PageRank over the undirected links, scaled so the most central node is 1; every node is 0 on a graph without links. */
export function centralityOf(graph: Graph): Map<string, number> {
  const simple = simpleUndirected(graph);
  if (simple.size === 0) return new Map(simple.mapNodes((node) => [node, 0]));
  const ranks = pagerank(simple, { getEdgeWeight: 'weight' });
  const max = Math.max(...Object.values(ranks));
  return new Map(Object.entries(ranks).map(([node, rank]) => [node, max > 0 ? rank / max : 0]));
}

/**
 * Starting places that keep communities apart: each on its own circle, the circles along a sunflower
 * spiral, largest at the centre. ForceAtlas2 then settles each group without pulling them into one ball.
 */
/** A community's circle grows with the square root of its members: its area with their number. */
const RADIUS_PER_NODE = 10;

export function communityPositions(communities: ReadonlyMap<string, number>): Map<string, { x: number; y: number }> {
  const groups = new Map<number, string[]>();
  for (const [node, c] of communities) groups.set(c, [...(groups.get(c) ?? []), node]);
  const positions = new Map<string, { x: number; y: number }>();
  const golden = Math.PI * (3 - Math.sqrt(5));
  // A sunflower spiral packs discs of the average community's size with little room wasted.
  const mean = communities.size / Math.max(1, groups.size);
  const step = 2 * RADIUS_PER_NODE * Math.sqrt(mean);
  for (const [c, nodes] of groups) {
    const spread = step * Math.sqrt(c);
    const cx = spread * Math.cos(c * golden);
    const cy = spread * Math.sin(c * golden);
    const radius = RADIUS_PER_NODE * Math.sqrt(nodes.length);
    nodes.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / nodes.length;
      positions.set(node, { x: cx + radius * Math.cos(angle), y: cy + radius * Math.sin(angle) });
    });
  }
  return positions;
}
