/** Colours per kind of node, shared by the renderer and the legend. */
export const KIND_COLORS: Record<string, string> = {
  Person: '#3b6fd8',
  Institution: '#d8843b',
  Place: '#3ba55d',
  Allegation: '#c23b5a',
  Document: '#8a8f99',
};
export const DEFAULT_COLOR = '#6b7280';

export function colorOf(kind: string): string {
  return KIND_COLORS[kind] ?? DEFAULT_COLOR;
}

/** Node radius grows with the square root of degree, so hubs stand out without swallowing the view. */
export function sizeOf(degree: number): number {
  return 4 + 2.2 * Math.sqrt(degree);
}
