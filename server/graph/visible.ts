/**
 * What an analyst rejected (see server/curate) stays stored but is left out of every graph newsgraph
 * shows: a rejected entity or allegation carries the label below, a rejected relationship `rejected:
 * true`. These fragments say "shown" in the queries of server/graph and server/export; the variable is
 * always one of the query's own names, never input.
 */
export const REJECTED_LABEL = 'NewsgraphRejected';

export const shownNode = (v: string): string => `NOT ${v}:${REJECTED_LABEL}`;
export const shownRel = (v: string): string => `${v}.rejected IS NULL`;
