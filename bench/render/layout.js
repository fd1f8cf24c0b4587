// @ts-check
/* global window, fetch */
/**
 * Lays out a real graph (`--graph FILE`) once, before any measurement, with the explorer's own
 * toViewGraph (communities' circles, then ForceAtlas2), in the browser the bench draws in: view.ts
 * imports sigma, which Node cannot load. run.ts writes the positions into the file both libraries
 * draw, so each is handed the same picture and neither spends its measured time on layout.
 */
import { toViewGraph } from '../../client/src/graph/view.js';

/**
 * @param {string} file a serialized graph beside this page
 * @returns {Promise<Record<string, [number, number]>>} each node's position, by key
 */
async function layout(file) {
  const response = await fetch(file);
  if (!response.ok) throw new Error(`no graph at ${file}: ${response.status}`);
  const graph = toViewGraph(await response.json());
  /** @type {Record<string, [number, number]>} */
  const positions = {};
  graph.forEachNode((node, { x, y }) => (positions[node] = [x, y]));
  return positions;
}

Object.assign(window, { benchLayout: layout });
