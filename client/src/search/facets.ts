/** Text search facets as filters: what a facet value asks the server for. No DOM here, so unit tests run it in Node. */
import type { TextFilters } from '../api.js';

/** The filters a facet value sets: an outlet, a kind, or a year's or a month's dates. */
export function facetFilter(facet: 'outlets' | 'kinds' | 'dates', value: string): TextFilters {
  if (facet === 'outlets') return { outlet: value };
  if (facet === 'kinds') return { kind: value };
  if (/^\d{4}$/.test(value)) return { from: `${value}-01-01`, to: `${value}-12-31` };
  const [y, m] = value.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${value}-01`, to: `${value}-${String(last).padStart(2, '0')}` };
}
