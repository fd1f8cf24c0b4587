/**
 * CSV for `neo4j-admin database import` and for LOAD CSV: nodes.csv and relationships.csv in a zip
 * (archiver, streamed), with headers in neo4j-admin's notation (`:ID`, `:LABEL`, `name:type`,
 * `name:string[]`, `:START_ID`, `:END_ID`, `:TYPE`) and a README.txt with the import command.
 *
 * List items are separated by U+001F, the ASCII unit separator, rather than neo4j-admin's default `;`:
 * evidence sentences hold semicolons, and no text of ours holds U+001F. Every text field, names and ids
 * too, goes through the formula guard of csv-field.ts: a `'` in front of text a spreadsheet would run.
 */
import { PassThrough, type Writable } from 'node:stream';
import { ZipArchive } from 'archiver';
import type { FormatWriter } from '../format.js';
import type { PropertyType } from '../schema.js';
import { csvField, csvText } from '../csv-field.js';
import { drained, TextSink } from '../sink.js';
import { specialText } from '../values.js';

export const ARRAY_DELIMITER = '\u001F';
/** neo4j-admin's names; a point goes as text, since its map notation differs from the driver's. */
const ADMIN_TYPES: Record<PropertyType['type'], string> = {
  string: 'string',
  long: 'long',
  double: 'double',
  boolean: 'boolean',
  datetime: 'datetime',
  localdatetime: 'localdatetime',
  date: 'date',
  time: 'time',
  localtime: 'localtime',
  duration: 'duration',
  point: 'string',
};

function text(value: unknown): string {
  return typeof value === 'object' && value !== null ? specialText(value) : String(value);
}

/** Text values (a list of them by its first item) go through the formula guard; numbers and temporals do not. */
function cell(value: unknown, list: boolean): string {
  if (value === null || value === undefined) return '';
  if (list && Array.isArray(value)) {
    const joined = value.map(text).join(ARRAY_DELIMITER);
    return typeof value[0] === 'string' ? csvText(joined) : csvField(joined);
  }
  return typeof value === 'string' ? csvText(value) : csvField(text(value));
}

/** Derived columns written after :TYPE, for readers of the file; an import skips them (see the README below). */
const CORROBORATION_HEADER = ['corroborationDocuments:IGNORE', 'corroborationOutlets:IGNORE'];

function header(properties: Map<string, PropertyType>): [string[], string[]] {
  const names = [...properties.keys()].sort();
  return [names, names.map((n) => `${n}:${ADMIN_TYPES[properties.get(n)!.type]}${properties.get(n)!.list ? '[]' : ''}`)];
}

const README = `newsgraph CSV export: nodes.csv and relationships.csv, with neo4j-admin import headers.

Into a new, empty database (Neo4j stopped), from Neo4j's home folder:

  bin/neo4j-admin database import full neo4j --nodes=nodes.csv --relationships=relationships.csv \\
    --array-delimiter=U+001F --multiline-fields=true --overwrite-destination=false

List properties separate their items with U+001F (the unit separator), not ';': evidence sentences
hold semicolons. Into a running database, read the files with LOAD CSV and split those fields with
split(field, '\\u001F').

Spreadsheets run text that starts with =, +, -, @, a tab or a carriage return as a formula, so such
text (and text that starts with ' and then one of those) is written with one ' in front. Numbers are
never prefixed. To take the ' off, with LOAD CSV:

  CASE WHEN field =~ "(?s)'+[=+@\\t\\r-].*" THEN substring(field, 1) ELSE field END

and after neo4j-admin import, for each text property p (here of nodes):

  MATCH (n) WHERE n.p =~ "(?s)'+[=+@\\t\\r-].*" SET n.p = substring(n.p, 1)

corroborationDocuments and corroborationOutlets (in relationships.csv) count the distinct documents, and
outlets, behind each relationship when it was exported. newsgraph does not store them (it counts them
afresh from the evidence), so their type is IGNORE: neo4j-admin skips them, and so should a LOAD CSV.
`;

async function writeEntry(archive: ZipArchive, name: string, fill: (sink: TextSink) => Promise<void>, onFirstWrite: () => void): Promise<void> {
  const entry = new PassThrough();
  archive.append(entry, { name });
  const sink = new TextSink(entry, onFirstWrite);
  await fill(sink);
  await sink.flush();
  entry.end();
}

export const writeCsvZip: FormatWriter = async (source, out, context) => {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const failed = new Promise<never>((_, reject) => archive.on('error', reject));
  failed.catch(() => {});
  // The archive writes its own bytes (entry headers) to `out`, before any of ours.
  context.onFirstWrite();
  archive.pipe(out as Writable, { end: false });
  const done = new Promise<void>((resolve) => archive.on('end', resolve));

  const [nodeKeys, nodeHeader] = header(source.schema.node);
  const work = (async () => {
    await writeEntry(
      archive,
      'nodes.csv',
      async (sink) => {
        await sink.write(`${[':ID', ':LABEL', ...nodeHeader].map(csvText).join(',')}\n`);
        for await (const batch of source.nodes()) {
          for (const node of batch) {
            const p = node.attributes.properties;
            const row = [csvText(node.key), csvText(node.attributes.labels.join(';')), ...nodeKeys.map((k) => cell(p[k], source.schema.node.get(k)!.list))];
            sink.push(`${row.join(',')}\n`);
          }
          await sink.flushIfFull();
        }
      },
      context.onFirstWrite,
    );
    const [edgeKeys, edgeHeader] = header(source.schema.edge);
    await writeEntry(
      archive,
      'relationships.csv',
      async (sink) => {
        await sink.write(`${[':START_ID', ':END_ID', ':TYPE', ...CORROBORATION_HEADER, ...edgeHeader].map(csvText).join(',')}\n`);
        for await (const batch of source.edges()) {
          for (const edge of batch) {
            const p = edge.attributes.properties;
            const row = [
              csvText(edge.source),
              csvText(edge.target),
              csvText(edge.attributes.relType),
              String(edge.attributes.corroboration?.documents ?? ''),
              String(edge.attributes.corroboration?.outlets ?? ''),
              ...edgeKeys.map((k) => cell(p[k], source.schema.edge.get(k)!.list)),
            ];
            sink.push(`${row.join(',')}\n`);
          }
          await sink.flushIfFull();
        }
      },
      context.onFirstWrite,
    );
    archive.append(README, { name: 'README.txt' });
    await archive.finalize();
  })();
  await Promise.race([Promise.all([work, done]), failed]);
  // Let the last bytes the archive handed to `out` drain before saying it is written.
  if (out.writableNeedDrain) await drained(out);
};
