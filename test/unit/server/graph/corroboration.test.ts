import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import neo4j from 'neo4j-driver';
import { corroborationOf, documentsOf } from '../../../../server/graph/corroboration.js';
import { GraphBuilder } from '../../../../server/graph/serialize.js';

const outlets = new Map<string, string | null>([
  ['doc:a', 'news.example.com'],
  ['doc:b', 'News.Example.com'],
  ['doc:c', 'wire.example.org'],
  ['doc:d', null],
]);

describe('corroboration', () => {
  it('counts distinct documents, and distinct outlets among those whose outlet is known', () => {
    assert.deepEqual(corroborationOf(['doc:a', 'doc:a', 'doc:b'], outlets), { documents: 2, outlets: 1 });
    assert.deepEqual(corroborationOf(['doc:a', 'doc:c', 'doc:d'], outlets), { documents: 3, outlets: 2 });
    assert.deepEqual(corroborationOf(['doc:d', 'doc:unknown'], outlets), { documents: 2, outlets: 0 });
    assert.deepEqual(corroborationOf([], outlets), { documents: 0, outlets: 0 });
  });

  it("takes a relationship's documents from its evidence, a mention's from the document it points at", () => {
    assert.deepEqual(documentsOf('MET', { evDocs: ['doc:a', 'doc:b', 'doc:a', 7] }, 'person:x'), ['doc:a', 'doc:b']);
    assert.deepEqual(documentsOf('MENTIONED_IN', { count: 2 }, 'doc:c'), ['doc:c']);
    assert.deepEqual(documentsOf('MET', {}, 'person:x'), []);
  });

  it('is on every edge GraphBuilder builds', () => {
    const { Node, Relationship } = neo4j.types;
    const person = (elementId: string, id: string) => new Node(neo4j.int(0), ['Entity', 'Person'], { id, name: id }, elementId);
    const met = new Relationship(neo4j.int(0), neo4j.int(0), neo4j.int(0), 'MET', { evDocs: ['doc:a', 'doc:c', 'doc:a'] }, '5:1', '4:1', '4:2');
    const graph = new GraphBuilder().addNode(person('4:1', 'a')).addNode(person('4:2', 'b')).addRelationship(met).build({}, outlets);
    assert.deepEqual(graph.edges[0]?.attributes.corroboration, { documents: 2, outlets: 2 });
  });
});
