import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GRAPH_OPTIONS, type SerializedGraph } from '../../../../common/graph.js';
import { connectionsOf } from '../../../../client/src/panel/connections.js';

const node = (key: string, label: string, kind = 'Person') => ({ key, attributes: { label, kind, labels: [kind], properties: {} } });
const edge = (key: string, source: string, relType: string, target: string, documents = 1) => ({
  key,
  source,
  target,
  attributes: { relType, properties: {}, corroboration: { documents, outlets: 0 } },
});

describe("the panel's connections", () => {
  it('keeps direction: the links an entity makes and those pointing at it are separate groups', () => {
    const graph: SerializedGraph = {
      attributes: {},
      options: GRAPH_OPTIONS,
      nodes: [node('trump', 'Donald Trump'), node('cohen', 'Michael Cohen'), node('kim', 'Kim Jong-un'), node('stone', 'Roger Stone')],
      edges: [
        edge('e1', 'cohen', 'LAWYER_FOR', 'trump', 3),
        edge('e2', 'trump', 'MET', 'kim'),
        edge('e3', 'kim', 'MET', 'trump'),
        edge('e4', 'stone', 'WORKS_FOR', 'trump'),
      ],
    };
    const groups = connectionsOf('trump', graph);
    assert.deepEqual(
      groups.map((g) => [g.outgoing ? 'out' : 'in', g.relType, g.connections.map((c) => c.other.label)]),
      [
        ['out', 'MET', ['Kim Jong-un']],
        ['in', 'LAWYER_FOR', ['Michael Cohen']],
        ['in', 'MET', ['Kim Jong-un']],
        ['in', 'WORKS_FOR', ['Roger Stone']],
      ],
    );
    assert.deepEqual(groups[1]?.connections[0]?.corroboration, { documents: 3, outlets: 0 });
  });
});
