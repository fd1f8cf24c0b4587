/** The export writers' pure parts: escaping for Cypher, XML and CSV, column naming, schema types, file names. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import neo4j from 'neo4j-driver';
import { exportFileName } from '../../../../common/export.js';
import { edgeColumns, nodeColumns } from '../../../../server/export/flat.js';
import { csvField, csvText, neutraliseFormula, restoreFormulaText } from '../../../../server/export/csv-field.js';
import { cypherLiteral, cypherName } from '../../../../server/export/formats/cypher.js';
import { xmlAttribute, xmlText } from '../../../../server/export/formats/xml.js';
import { addSchemaRow, emptySchema, schemaOf, typeOf } from '../../../../server/export/schema.js';

describe('Cypher literals and names', () => {
  it('escape whatever a string holds, so no text can end a literal or a line', () => {
    assert.equal(cypherLiteral(`it's "x" \\ \n\r\t end`), `'it\\'s "x" \\\\ \\n\\r\\t end'`);
    assert.equal(cypherLiteral('\u0001\u2028'), "'\\u0001\\u2028'");
    assert.equal(cypherLiteral('王毅 🙂'), "'王毅 🙂'");
    assert.equal(cypherName('we`ird name'), '`we``ird name`');
  });

  it('keep integers and floats apart, and write lists, maps, nulls and temporals', () => {
    assert.equal(cypherLiteral(3), '3');
    assert.equal(cypherLiteral(2.5), '2.5');
    assert.equal(cypherLiteral(1e21), '1e+21');
    assert.equal(cypherLiteral([1, 'a', true, null]), "[1, 'a', true, null]");
    assert.equal(cypherLiteral({ 'a b': 1 }), '{`a b`: 1}');
    assert.equal(cypherLiteral(new neo4j.types.DateTime(2026, 11, 23, 10, 0, 0, 0, 0)), "datetime('2026-11-23T10:00:00Z')");
    assert.equal(cypherLiteral(new neo4j.types.Date(2026, 1, 2)), "date('2026-01-02')");
  });
});

describe('XML text', () => {
  it('escapes markup, keeps line breaks in content, and references them in attributes', () => {
    assert.equal(xmlText('a < b & c > d\r\n'), 'a &lt; b &amp; c &gt; d&#13;\n');
    assert.equal(xmlAttribute('"q"\n\t'), '&quot;q&quot;&#10;&#9;');
  });

  it('replaces what XML 1.0 cannot carry, and keeps astral characters whole', () => {
    assert.equal(xmlText('a\u0000b\u001Fc\uD800d'), 'a\uFFFDb\uFFFDc\uFFFDd');
    assert.equal(xmlText('🙂'), '🙂');
  });
});

describe('CSV fields', () => {
  it('quote commas, quotes, line breaks and edge spaces, and nothing else', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(' padded'), '" padded"');
  });

  it("put a ' before text a spreadsheet would run as a formula, and only before that", () => {
    for (const formula of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      assert.equal(neutraliseFormula(formula), `'${formula}`);
    }
    assert.equal(csvText('=1+1,2'), `"'=1+1,2"`, 'prefixed, then quoted');
    for (const text of ['plain', "'quoted", 'a=b', ' =x', '', '王毅']) assert.equal(neutraliseFormula(text), text);
  });

  it("undo the ' exactly, even for text that started with ' and a formula character", () => {
    for (const text of ['=1', "'=1", "''-x", "'", "'a", 'plain', '@', '-']) assert.equal(restoreFormulaText(neutraliseFormula(text)), text);
  });
});

describe('columns and types', () => {
  it('infers a type per property, widening numbers and falling back to text', () => {
    assert.deepEqual(typeOf([1, 2]), { type: 'long', list: true });
    assert.deepEqual(typeOf(new neo4j.types.DateTime(2026, 1, 1, 0, 0, 0, 0, 0)), { type: 'datetime', list: false });
    const schema = schemaOf(
      [
        { key: 'a', attributes: { label: 'A', labels: ['X'], kind: 'X', properties: { n: 1, mixed: 'x' } } },
        { key: 'b', attributes: { label: 'B', labels: ['X'], kind: 'X', properties: { n: 1.5, mixed: 2 } } },
      ],
      [],
    );
    assert.deepEqual(schema.node.get('n'), { type: 'double', list: false });
    assert.deepEqual(schema.node.get('mixed'), { type: 'string', list: false });
  });

  it('reads Neo4j schema rows, arrays and temporals included', () => {
    const schema = emptySchema();
    addSchemaRow(schema.node, 'aliases', ['StringArray']);
    addSchemaRow(schema.node, 'loadedAt', ['DateTime']);
    addSchemaRow(schema.node, null, ['String']);
    assert.deepEqual(
      [...schema.node],
      [
        ['aliases', { type: 'string', list: true }],
        ['loadedAt', { type: 'datetime', list: false }],
      ],
    );
  });

  it('names a property that clashes with a column property.<name>, sorted, lists as JSON text', () => {
    const schema = emptySchema();
    addSchemaRow(schema.node, 'kind', ['String']);
    addSchemaRow(schema.node, 'aliases', ['StringArray']);
    addSchemaRow(schema.edge, 'label', ['String']);
    assert.deepEqual(
      nodeColumns(schema, false).map((c) => c.name),
      ['label', 'kind', 'labels', 'aliases', 'property.kind'],
    );
    assert.deepEqual(
      nodeColumns(schema, true)
        .map((c) => c.name)
        .slice(3, 5),
      ['x', 'y'],
    );
    assert.deepEqual(
      edgeColumns(schema).map((c) => c.name),
      ['relType', 'label', 'corroboration.documents', 'corroboration.outlets', 'property.label'],
    );
    const aliases = nodeColumns(schema, false).find((c) => c.name === 'aliases')!;
    assert.equal(aliases.read({ key: 'k', attributes: { label: 'l', labels: [], kind: 'k', properties: { aliases: ['a', 'b, c'] } } }), '["a","b, c"]');
  });
});

describe('export file names', () => {
  it('say the scope and the time, safe on any file system', () => {
    const at = new Date(2026, 10, 23, 9, 5);
    assert.equal(
      exportFileName({ kind: 'neighbourhood', id: 'person:antony-blinken', depth: 1 }, 'graphml', at),
      'newsgraph-neighbourhood-person-antony-blinken-20261123-0905.graphml',
    );
    assert.equal(
      exportFileName({ kind: 'path', from: 'person:a', to: 'place:b/c', maxLength: 4 }, 'csv.zip', at),
      'newsgraph-path-person-a-place-b-c-20261123-0905.csv.zip',
    );
    assert.equal(exportFileName({ kind: 'neighbourhood', id: 'person:王毅', depth: 1 }, 'json', at), 'newsgraph-neighbourhood-person-王毅-20261123-0905.json');
    assert.equal(
      exportFileName({ kind: 'neighbourhood', id: 'person:kenzaburō-ōe', depth: 1 }, 'json', at),
      'newsgraph-neighbourhood-person-kenzaburo-oe-20261123-0905.json',
    );
  });
});
