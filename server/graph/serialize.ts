/** Neo4j nodes and relationships → graphology's serialized JSON, the one wire format for graphs. */
import type { ManagedTransaction, Node, Relationship } from 'neo4j-driver';
import { allegationDocuments, corroborateEdge, dateNode, documentsOf, readDocumentFacts, type FactsByDocument } from './corroboration.js';
import { GRAPH_OPTIONS, kindOf, type SerializedEdge, type SerializedGraph, type SerializedNode } from '../../common/graph.js';

/** What a node is serialized from: a driver Node, or the same three fields read apart (the whole-graph export). */
export type NodeParts = Pick<Node, 'elementId' | 'labels' | 'properties'>;

/** Our own stable ids where a node has one, so keys survive a reload; Neo4j's element id otherwise. */
export function nodeKey(node: NodeParts): string {
  const id = node.properties.id;
  return typeof id === 'string' ? id : node.elementId;
}

function labelOf(node: NodeParts): string {
  const p = node.properties as Record<string, unknown>;
  const text = p.name ?? p.claim ?? p.title ?? p.id;
  return typeof text === 'string' ? text : node.elementId;
}

export function serializeNode(node: NodeParts): SerializedNode {
  return {
    key: nodeKey(node),
    attributes: { label: labelOf(node), labels: [...node.labels], kind: kindOf(node.labels), properties: { ...node.properties } },
  };
}

/**
 * Collects nodes and relationships into one graph. Relationships whose ends are not among the nodes
 * are dropped: a graph payload never references a node it does not carry.
 */
export class GraphBuilder {
  private readonly nodes = new Map<string, SerializedNode>();
  private readonly keysByElementId = new Map<string, string>();
  private readonly edges = new Map<string, SerializedEdge>();
  private readonly pending: Relationship[] = [];

  /** `extra` adds view attributes beside the node's own, e.g. how many neighbours were left out. */
  addNode(node: Node, extra: Record<string, unknown> = {}): this {
    if (!this.keysByElementId.has(node.elementId)) {
      const serialized = serializeNode(node);
      Object.assign(serialized.attributes, extra);
      this.nodes.set(serialized.key, serialized);
      this.keysByElementId.set(node.elementId, serialized.key);
    }
    return this;
  }

  /** The key of a node added so far, by its Neo4j element id. */
  keyOf(elementId: string): string | undefined {
    return this.keysByElementId.get(elementId);
  }

  addRelationship(rel: Relationship): this {
    this.pending.push(rel);
    return this;
  }

  /**
   * The graph as the API serves it: `build` with the outlets and dates of the documents behind its
   * relationships and allegations, read in `tx` in one look-up.
   */
  async finish(tx: ManagedTransaction, attributes: Record<string, unknown> = {}): Promise<SerializedGraph> {
    const documents = new Set<string>();
    for (const rel of this.pending) {
      const target = this.keysByElementId.get(rel.endNodeElementId);
      if (target !== undefined) for (const id of documentsOf(rel.type, rel.properties, target)) documents.add(id);
    }
    for (const node of this.nodes.values()) {
      if (node.attributes.kind === 'Allegation') for (const id of allegationDocuments(node.attributes.properties)) documents.add(id);
    }
    return this.build(attributes, await readDocumentFacts(tx, [...documents]));
  }

  /** Every relationship counts its corroboration and takes its dates, every allegation its dates, from `facts` (document id → outlet, date). */
  build(attributes: Record<string, unknown> = {}, facts: FactsByDocument = new Map()): SerializedGraph {
    for (const rel of this.pending) {
      const source = this.keysByElementId.get(rel.startNodeElementId);
      const target = this.keysByElementId.get(rel.endNodeElementId);
      if (source === undefined || target === undefined || this.edges.has(rel.elementId)) continue;
      const edge = { key: rel.elementId, source, target, attributes: { relType: rel.type, properties: { ...rel.properties } } };
      this.edges.set(rel.elementId, corroborateEdge(edge, facts));
    }
    this.pending.length = 0;
    for (const node of this.nodes.values()) dateNode(node, facts);
    return { attributes, options: GRAPH_OPTIONS, nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}
