/** An entity's links as the panel lists them: by type and direction, each with what backs it. Pure. */
import type { Corroboration, SerializedGraph } from '../../../common/graph.js';

export interface Connection {
  edge: string;
  relType: string;
  /** The entity at the other end. */
  other: { key: string; label: string; kind: string };
  outgoing: boolean;
  hedged: boolean;
  corroboration: Corroboration | undefined;
}

/** The links of one type and one direction around an entity. */
export interface ConnectionGroup {
  relType: string;
  outgoing: boolean;
  connections: Connection[];
}

/**
 * The links of `center` in a neighbourhood, grouped by relationship type and direction (the links it
 * makes first), names sorted: "Donald Trump → met →" and "→ lawyer for → Donald Trump" are different groups.
 */
export function connectionsOf(center: string, graph: SerializedGraph): ConnectionGroup[] {
  const nodes = new Map(graph.nodes.map((n) => [n.key, n.attributes]));
  const groups = new Map<string, ConnectionGroup>();
  for (const e of graph.edges) {
    if (e.source !== center && e.target !== center) continue;
    const outgoing = e.source === center;
    const otherKey = outgoing ? e.target : e.source;
    const other = nodes.get(otherKey);
    const { relType, properties, corroboration } = e.attributes;
    const id = `${outgoing ? 0 : 1}${relType}`;
    const group = groups.get(id) ?? { relType, outgoing, connections: [] };
    group.connections.push({
      edge: e.key,
      relType,
      other: { key: otherKey, label: other?.label ?? otherKey, kind: other?.kind ?? 'Node' },
      outgoing,
      hedged: properties.hedged === true,
      corroboration,
    });
    groups.set(id, group);
  }
  for (const group of groups.values()) group.connections.sort((a, b) => a.other.label.localeCompare(b.other.label));
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([, group]) => group);
}
