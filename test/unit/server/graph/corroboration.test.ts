import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import neo4j from 'neo4j-driver';
import { corroborationOf, datesOf, documentsOf, type DocumentFacts } from '../../../../server/graph/corroboration.js';
import { GraphBuilder } from '../../../../server/graph/serialize.js';

const outlets = new Map<string, DocumentFacts>([
  ['doc:a', { outlet: 'news.example.com', publishedAt: '2024-03-02T00:00:00.000Z' }],
  ['doc:b', { outlet: 'News.Example.com', publishedAt: null }],
  ['doc:c', { outlet: 'wire.example.org', publishedAt: '2024-01-15T09:30:00.000Z' }],
  ['doc:d', { outlet: null, publishedAt: '2024-03-02T00:00:00.000Z' }],
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
    assert.equal(graph.edges[0]?.attributes.firstSeen, '2024-01-15T09:30:00.000Z');
    assert.equal(graph.edges[0]?.attributes.lastSeen, '2024-03-02T00:00:00.000Z');
  });

  it("dates a link by its evidence documents' publication: first, last and each distinct date, none when none is dated", () => {
    assert.deepEqual(datesOf(['doc:a', 'doc:b', 'doc:c', 'doc:d'], outlets), {
      firstSeen: '2024-01-15T09:30:00.000Z',
      lastSeen: '2024-03-02T00:00:00.000Z',
      evidenceDates: ['2024-01-15T09:30:00.000Z', '2024-03-02T00:00:00.000Z'],
    });
    assert.deepEqual(datesOf(['doc:b', 'doc:unknown'], outlets), {});
  });

  it('dates an allegation by its evidence and its document; other nodes get no dates', () => {
    const { Node } = neo4j.types;
    const claim = new Node(neo4j.int(0), ['Allegation'], { id: 'doc:c:allegation:1', claim: 'x', docId: 'doc:c', evDocs: ['doc:a'] }, '4:9');
    const person = new Node(neo4j.int(0), ['Entity', 'Person'], { id: 'p', name: 'p' }, '4:8');
    const graph = new GraphBuilder().addNode(claim).addNode(person).build({}, outlets);
    assert.equal(graph.nodes[0]?.attributes.firstSeen, '2024-01-15T09:30:00.000Z');
    assert.equal(graph.nodes[0]?.attributes.lastSeen, '2024-03-02T00:00:00.000Z');
    assert.equal(graph.nodes[1]?.attributes.firstSeen, undefined);
  });
});
