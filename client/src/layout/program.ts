/** The WebGL program that draws a pinned node: a ring, a thin gap, then the node's own colour. */
import { createNodeBorderProgram } from '@sigma/node-border';
import type Sigma from 'sigma';
import type { ViewEdge, ViewNode } from '../graph/model.js';
import { PIN_RING, PIN_RING_WIDTH, PINNED_NODE_TYPE } from '../graph/pinned.js';

const PinnedNodeProgram = createNodeBorderProgram<ViewNode, ViewEdge>({
  borders: [
    { size: { value: PIN_RING_WIDTH - 1.5, mode: 'pixels' }, color: { attribute: 'ringColor', defaultValue: PIN_RING } },
    { size: { value: 1.5, mode: 'pixels' }, color: { value: '#ffffff' } },
    { size: { fill: true }, color: { attribute: 'color' } },
  ],
});

/** Adds the program to the renderer's, keeping the ones other features registered. */
export function registerPinnedProgram(sigma: Sigma<ViewNode, ViewEdge>): void {
  sigma.setSetting('nodeProgramClasses', { ...sigma.getSetting('nodeProgramClasses'), [PINNED_NODE_TYPE]: PinnedNodeProgram });
}
