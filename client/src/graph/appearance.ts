/**
 * Styling by attribute, as Gephi Lite and Bloom do: what a node's colour and size, and a link's width,
 * stand for. The reducers read the choice from the view state; nothing in the graph's data changes.
 * Pure: a node's look from its kind, degree, community and centrality; a link's from its corroboration.
 */
import type { Corroboration } from '../../../common/graph.js';
import { colorOf, sizeOf } from './style.js';

export type ColorBy = 'kind' | 'community';
export type SizeBy = 'centrality' | 'degree';
export type WidthBy = 'corroboration' | 'uniform';

export interface Appearance {
  color: ColorBy;
  size: SizeBy;
  width: WidthBy;
}

export const DEFAULT_APPEARANCE: Appearance = { color: 'kind', size: 'centrality', width: 'corroboration' };

/** What the style menus say for each choice. */
export const COLOR_CHOICES: Readonly<Record<ColorBy, string>> = { kind: 'Kind', community: 'Community' };
export const SIZE_CHOICES: Readonly<Record<SizeBy, string>> = { centrality: 'Centrality (PageRank)', degree: 'Number of links' };
export const WIDTH_CHOICES: Readonly<Record<WidthBy, string>> = { corroboration: 'Documents backing it', uniform: 'All the same' };

/**
 * Colours for communities, largest first: Okabe and Ito's palette, which stays distinct for the common
 * colour-vision deficiencies, then a few more; past them communities are grey ("smaller groups").
 */
export const COMMUNITY_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#7a5195', '#2f4b7c', '#a05195'];
export const OTHER_COMMUNITY = '#b0b5bf';

export function communityColor(community: number | undefined): string {
  return community === undefined ? OTHER_COMMUNITY : (COMMUNITY_COLORS[community] ?? OTHER_COMMUNITY);
}

export interface NodeFacts {
  kind: string;
  degree: number;
  community: number | undefined;
  /** 0 to 1, the most central node being 1. */
  centrality: number | undefined;
}

export function nodeColor(facts: NodeFacts, by: ColorBy): string {
  return by === 'community' ? communityColor(facts.community) : colorOf(facts.kind);
}

/** Centrality spans the same sizes as degree does over a typical view (4 to about 20 px). */
export function nodeSize(facts: NodeFacts, by: SizeBy): number {
  if (by === 'centrality' && facts.centrality !== undefined) return 4 + 16 * Math.sqrt(facts.centrality);
  return sizeOf(facts.degree);
}

/** A link on more documents is drawn wider: 1 px for one, up to 4 px for five or more. */
export function edgeWidth(corroboration: Corroboration | undefined, by: WidthBy): number {
  if (by === 'uniform' || !corroboration) return 1;
  return 1 + 0.75 * Math.min(4, Math.max(0, corroboration.documents - 1));
}
