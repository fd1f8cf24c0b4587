/**
 * NetworkX, the Python library analysts open exports with, reading a GraphML or GEXF file: a reader
 * that is not ours. `.ci/run` installs it; NEWSGRAPH_PYTHON picks another interpreter.
 */
import { spawnSync } from 'node:child_process';

export interface NetworkxGraph {
  directed: boolean;
  multigraph: boolean;
  graph: Record<string, unknown>;
  nodes: Record<string, Record<string, unknown>>;
  /** [source, target, key, attributes] */
  edges: [string, string, string | null, Record<string, unknown>][];
}

const READER = `
import json, sys
import networkx as nx
fmt, path = sys.argv[1], sys.argv[2]
G = nx.read_graphml(path) if fmt == 'graphml' else nx.read_gexf(path, version='1.3')
if G.is_multigraph():
    edges = [[str(u), str(v), str(k), d] for u, v, k, d in G.edges(keys=True, data=True)]
else:
    edges = [[str(u), str(v), None, d] for u, v, d in G.edges(data=True)]
json.dump({'directed': G.is_directed(), 'multigraph': G.is_multigraph(), 'graph': G.graph,
           'nodes': {str(n): d for n, d in G.nodes(data=True)}, 'edges': edges}, sys.stdout, default=str)
`;

export function readWithNetworkx(format: 'graphml' | 'gexf', file: string): NetworkxGraph {
  const python = process.env.NEWSGRAPH_PYTHON ?? 'python3';
  const run = spawnSync(python, ['-c', READER, format, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new Error(`Could not run ${python} (NetworkX reads the exports back): ${run.error.message}`);
  if (run.status !== 0) {
    const missing = /No module named 'networkx'/.test(run.stderr) ? ' NetworkX is not installed: pip install networkx (.ci/run does).' : '';
    throw new Error(`NetworkX could not read ${file}:${missing}\n${run.stderr}`);
  }
  return JSON.parse(run.stdout) as NetworkxGraph;
}
