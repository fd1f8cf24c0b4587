/**
 * What users ask an export for, through the API and the `newsgraph export` command, on the seed graph in
 * a real Neo4j: a neighbourhood (the NetworkX check), a path, a query's result, given nodes with
 * their layout, the whole graph to stdout; and what goes wrong, said clearly, with no file left behind.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { EXPORT_FILES, EXPORT_FORMATS, isGraphExport, type ExportFormatName, type GraphExport } from '../../common/export.js';
import { cliEnv } from '../helpers/neo4j.js';
import { readWithNetworkx } from '../helpers/networkx.js';
import { runCli } from '../helpers/process.js';
import { apiSuite } from '../helpers/seeded.js';
import { tempDirs } from '../helpers/temp.js';

const BLINKEN = 'person:antony-blinken';
const LINKED = ['Wang Yi', 'Wang Xiaohong', 'Chen Jining'];

describe('export scopes through the API and the CLI', () => {
  const api = apiSuite();
  const temps = tempDirs('newsgraph-export-cli');
  after(() => temps.cleanup());
  const env = cliEnv();
  const cli = async (args: string[]) => {
    const run = runCli(['export', ...args], env);
    const code = await run.exited;
    return { code, stdout: run.stdout(), stderr: run.stderr() };
  };
  const count = async (cypher: string, params: Record<string, unknown> = {}) =>
    api.db.read(async (tx) => (await tx.run(cypher, params)).records[0]!.get('n') as number);

  it('newsgraph export --format graphml --around "Antony Blinken" --depth 1 opens in NetworkX with his links', async () => {
    const dir = temps.make();
    const out = path.join(dir, 'blinken.graphml');
    const run = await cli(['--format', 'graphml', '--around', 'Antony Blinken', '--depth', '1', '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /Exported \d+ nodes and \d+ relationships to .*blinken\.graphml/);
    assert.deepEqual(readdirSync(dir), ['blinken.graphml'], 'no temporary file is left');
    const nx = readWithNetworkx('graphml', out);
    const neighbours = new Set(nx.edges.flatMap(([s, t]) => (s === BLINKEN ? [t] : t === BLINKEN ? [s] : [])));
    const names = [...neighbours].map((k) => nx.nodes[k]!.label);
    for (const name of LINKED) assert.ok(names.includes(name), `${name} is linked to Antony Blinken: ${names.join(', ')}`);
    assert.equal(nx.nodes[BLINKEN]!.kind, 'Person');
    assert.equal(JSON.parse(nx.graph.scope as string).id, BLINKEN);
  });

  it('--around takes an alias, --out - writes to stdout, and the whole graph matches the database', async () => {
    const aroundAlias = await cli(['--format', 'json', '--around', 'Secretary Blinken', '--out', '-']);
    assert.equal(aroundAlias.code, 0, aroundAlias.stderr);
    assert.equal((JSON.parse(aroundAlias.stdout) as GraphExport).scope.kind, 'neighbourhood');

    const all = await cli(['--format', 'json', '--all', '--out', '-']);
    assert.equal(all.code, 0, all.stderr);
    const file = JSON.parse(all.stdout) as GraphExport;
    assert.ok(isGraphExport(file));
    assert.equal(file.graph.nodes.length, await count('MATCH (n:Newsgraph) RETURN count(n) AS n'));
    assert.equal(file.graph.edges.length, await count('MATCH (:Newsgraph)-[r]->(:Newsgraph) RETURN count(r) AS n'));
  });

  it("--from/--to exports the shortest paths, --cypher a read query's result", async () => {
    const paths = await cli(['--format', 'json', '--from', 'Antony Blinken', '--to', 'Wang Xiaohong', '--out', '-']);
    assert.equal(paths.code, 0, paths.stderr);
    const pathGraph = MultiDirectedGraph.from((JSON.parse(paths.stdout) as GraphExport).graph);
    assert.ok(pathGraph.hasNode(BLINKEN) && pathGraph.hasNode('person:wang-xiaohong'));

    const query = 'MATCH (a:Person)-[r:MET]->(b) WHERE a.name = $name RETURN a, r, b';
    const result = await cli(['--format', 'json', '--cypher', query, '--param', 'name=Antony Blinken', '--out', '-']);
    assert.equal(result.code, 0, result.stderr);
    const graph = (JSON.parse(result.stdout) as GraphExport).graph;
    assert.equal(graph.edges.length, await count('MATCH (a:Person {name: $name})-[r:MET]->() RETURN count(r) AS n', { name: 'Antony Blinken' }));
    assert.ok(graph.edges.length > 0);
  });

  it('writes every format from the CLI and the API alike', async () => {
    const dir = temps.make();
    const starts: Record<ExportFormatName, RegExp> = {
      json: /^\{"format":"newsgraph","version":1,/,
      evidence: /^\{"format":"newsgraph","version":1,[\s\S]*"documents":\{"doc:/,
      graphml: /^<\?xml [^>]+>\n<graphml /,
      gexf: /^<\?xml [^>]+>\n<gexf version="1\.3"/,
      // A zip's local file header.
      // eslint-disable-next-line no-control-regex
      csv: /^PK\u0003\u0004/,
      cypher: /^\/\/ newsgraph export of \{"kind":"neighbourhood","id":"person:wang-yi","depth":1\}/,
    };
    for (const format of EXPORT_FORMATS) {
      const out = path.join(dir, `wang.${EXPORT_FILES[format].extension}`);
      const run = await cli(['--format', format, '--around', 'Wang Yi', '--out', out]);
      assert.equal(run.code, 0, `${format}: ${run.stderr}`);
      assert.match(readFileSync(out, 'latin1'), starts[format], `CLI ${format}`);
      const response = await fetch(`${api.base}/api/export?format=${format}&scope=neighbourhood&id=person:wang-yi`);
      assert.equal(response.headers.get('content-type')?.split(';')[0], EXPORT_FILES[format].mediaType, format);
      assert.match(Buffer.from(await response.arrayBuffer()).toString('latin1'), starts[format], `API ${format}`);
    }
  });

  it('says what was wrong, exits 1, and leaves no file', async () => {
    await api.db.write((tx) =>
      tx.run(
        "CREATE (:Newsgraph:Entity:Person {id: 'person:test-twin-a', name: 'Twin Alpha', aliases: ['The Twin']}), (:Newsgraph:Entity:Person {id: 'person:test-twin-b', name: 'Twin Beta', aliases: ['the twin']})",
      ),
    );
    const dir = temps.make();
    const out = path.join(dir, 'x.graphml');
    const cases: [string[], RegExp][] = [
      [['--format', 'graphml', '--around', 'Nobody Atall', '--out', out], /error\[NOT_FOUND\]: No entity is named "Nobody Atall"/],
      [['--format', 'graphml', '--around', 'Blinkn', '--out', out], /Did you mean: Antony Blinken/],
      [
        ['--format', 'graphml', '--around', 'The Twin', '--out', out],
        /error\[AMBIGUOUS\]: "The Twin" names 2 entities: Twin Alpha \(person:test-twin-a\), Twin Beta/,
      ],
      [['--format', 'graphml', '--out', out], /error\[BAD_REQUEST\]: Say what to export with exactly one of --all/],
      [['--format', 'graphml', '--all', '--around', 'Wang Yi', '--out', out], /got --all and --around/],
      [['--format', 'graphml', '--cypher', 'CREATE (n:Oops) RETURN n', '--out', out], /error\[CYPHER_REFUSED\]/],
      [['--format', 'pdf', '--all', '--out', out], /argument 'pdf' is invalid/],
      [['--format', 'json', '--from', 'Antony Blinken', '--to', 'Wang Yi', '--max-length', '9', '--out', out], /--max-length must be at most 6/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(args);
      assert.equal(run.code, 1, `${args.join(' ')}: ${run.stderr}`);
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, /^\s+at .*:\d+:\d+\)?$/m, 'no stack trace');
    }
    assert.deepEqual(readdirSync(dir), [], 'nothing written');
    assert.equal(await count('MATCH (n:Oops) RETURN count(n) AS n'), 0);
  });

  it('GET /api/export streams a file with its name, for a neighbourhood and a path; a query by POST only', async () => {
    const response = await fetch(`${api.base}/api/export?format=graphml&scope=neighbourhood&id=${encodeURIComponent(BLINKEN)}&depth=1`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/graphml+xml');
    assert.match(response.headers.get('content-disposition')!, /^attachment; filename="newsgraph-neighbourhood-person-antony-blinken-\d{8}-\d{4}\.graphml"/);
    const xml = await response.text();
    for (const name of LINKED) assert.ok(xml.includes(`>${name}</data>`), name);

    const pathFile = (await (await fetch(`${api.base}/api/export?format=json&scope=path&from=${BLINKEN}&to=person:wang-xiaohong`)).json()) as GraphExport;
    assert.deepEqual(pathFile.scope, { kind: 'path', from: BLINKEN, to: 'person:wang-xiaohong', maxLength: 4 });
    assert.ok(pathFile.graph.nodes.some((n) => n.key === 'person:wang-xiaohong'));

    const query = "MATCH (p:Person) WHERE p.name STARTS WITH 'Wang' RETURN p";
    const byGet = await fetch(`${api.base}/api/export?format=json&scope=cypher&query=${encodeURIComponent(query)}`);
    assert.equal(byGet.status, 400, 'a GET, which any page can send as an <img>, never runs Cypher');
    assert.match(((await byGet.json()) as { error: { message: string } }).error.message, /POST/);
    const byPost = await fetch(`${api.base}/api/export`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ format: 'json', scope: { kind: 'cypher', query } }),
    });
    const queryFile = (await byPost.json()) as GraphExport;
    assert.deepEqual(queryFile.graph.nodes.map((n) => n.attributes.label).sort(), ['Wang Xiaohong', 'Wang Yi']);
  });

  it('POST /api/export takes node ids with the layout; the positions reach GEXF and JSON', async () => {
    const ids = [BLINKEN, 'person:wang-yi', 'person:chen-jining'];
    const positions = { [BLINKEN]: [0, 0], 'person:wang-yi': [10.5, -3], 'person:chen-jining': [-7, 4.25] };
    const post = (format: string) =>
      fetch(`${api.base}/api/export`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ format, scope: { kind: 'nodes', ids }, positions }),
      });
    const gexf = parseGexf(MultiDirectedGraph, await (await post('gexf')).text());
    assert.deepEqual(gexf.nodes().sort(), [...ids].sort());
    assert.deepEqual([gexf.getNodeAttribute('person:wang-yi', 'x'), gexf.getNodeAttribute('person:wang-yi', 'y')], [10.5, -3]);
    assert.ok(gexf.size > 0, 'the links among the nodes come along');
    const json = (await (await post('json')).json()) as GraphExport;
    const chen = json.graph.nodes.find((n) => n.key === 'person:chen-jining')!;
    assert.deepEqual([chen.attributes.x, chen.attributes.y], [-7, 4.25]);
  });

  it('answers bad requests and refused queries with the error vocabulary, before any byte of a file', async () => {
    const cases: [string, number, string][] = [
      ['format=pdf&scope=all', 400, 'BAD_REQUEST'],
      ['format=json&scope=neighbourhood', 400, 'BAD_REQUEST'],
      ['format=json&scope=neighbourhood&id=person:nobody', 404, 'NOT_FOUND'],
      ['format=json&scope=neighbourhood&id=person:antony-blinken&depth=4', 400, 'BAD_REQUEST'],
      [`format=json&scope=cypher&query=${encodeURIComponent('MATCH (n) DETACH DELETE n')}`, 400, 'BAD_REQUEST'],
      [JSON.stringify({ format: 'json', scope: { kind: 'cypher', query: 'MATCH (n) DETACH DELETE n' } }), 403, 'CYPHER_REFUSED'],
      [JSON.stringify({ format: 'csv', scope: { kind: 'cypher', query: "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l" } }), 403, 'CYPHER_REFUSED'],
      [JSON.stringify({ format: 'json', scope: { kind: 'cypher', query: 'UNWIND range(1, 100001) AS x RETURN x' } }), 422, 'CYPHER_MEMORY'],
    ];
    for (const [query, status, code] of cases) {
      const response = query.startsWith('{')
        ? await fetch(`${api.base}/api/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query })
        : await fetch(`${api.base}/api/export?${query}`);
      assert.equal(response.status, status, query);
      assert.equal(response.headers.get('content-disposition'), null, `${query}: no file`);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, code, `${query}: ${body.error.message}`);
    }
    assert.ok((await count('MATCH (n) RETURN count(n) AS n')) > 0, 'the refused query deleted nothing');
  });

  it('a CSV export is a zip that names its parts', async () => {
    const response = await fetch(`${api.base}/api/export?format=csv&scope=all`);
    assert.equal(response.headers.get('content-type'), 'application/zip');
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004');
    for (const name of ['nodes.csv', 'relationships.csv', 'README.txt']) assert.ok(bytes.includes(name), name);
  });
});
