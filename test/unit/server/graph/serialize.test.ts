import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MultiDirectedGraph } from 'graphology';
import neo4j from 'neo4j-driver';
import { GraphBuilder } from '../../../../server/graph/serialize.js';

const { Node, Relationship } = neo4j.types;
const node = (elementId: string, labels: string[], properties: Record<string, unknown>) => new Node(neo4j.int(0), labels, properties, elementId);
const rel = (elementId: string, from: string, to: string, type: string, properties: Record<string, unknown> = {}) =>
  new Relationship(neo4j.int(0), neo4j.int(0), neo4j.int(0), type, properties, elementId, from, to);

describe('GraphBuilder', () => {
  const blinken = node('4:x:1', ['Entity', 'Person'], { id: 'person:antony-blinken', name: 'Antony Blinken' });
  const wang = node('4:x:2', ['Entity', 'Person'], { id: 'person:wang-yi', name: 'Wang Yi' });
  const claim = node('4:x:3', ['Allegation'], { id: 'allegation:1', claim: 'China ran fake accounts' });
  const outside = node('4:x:9', ['Entity', 'Place'], { id: 'place:beijing', name: 'Beijing' });

  it('keys nodes by our stable ids and labels them by name or claim', () => {
    const graph = new GraphBuilder().addNode(blinken).addNode(claim).build();
    assert.deepEqual(
      graph.nodes.map((n) => [n.key, n.attributes.label, n.attributes.kind]),
      [
        ['person:antony-blinken', 'Antony Blinken', 'Person'],
        ['allegation:1', 'China ran fake accounts', 'Allegation'],
      ],
    );
  });

  it('drops relationships whose ends it does not carry, and duplicates', () => {
    const met = rel('5:x:1', '4:x:1', '4:x:2', 'MET', { documents: 2 });
    const graph = new GraphBuilder()
      .addNode(blinken)
      .addNode(wang)
      .addRelationship(met)
      .addRelationship(met)
      .addRelationship(rel('5:x:2', '4:x:1', outside.elementId, 'VISITED'))
      .build();
    assert.deepEqual(graph.edges, [
      {
        key: '5:x:1',
        source: 'person:antony-blinken',
        target: 'person:wang-yi',
        attributes: { relType: 'MET', properties: { documents: 2 }, corroboration: { documents: 0, outlets: 0 } },
      },
    ]);
  });

  it('produces what graphology imports unchanged', () => {
    const data = new GraphBuilder()
      .addNode(blinken)
      .addNode(wang)
      .addRelationship(rel('5:x:1', '4:x:1', '4:x:2', 'MET'))
      .build({ scope: 'test' });
    const graph = new MultiDirectedGraph();
    graph.import(data);
    assert.equal(graph.order, 2);
    assert.equal(graph.size, 1);
    assert.deepEqual(graph.export().nodes, data.nodes);
    assert.equal(graph.getAttribute('scope'), 'test');
  });
});
