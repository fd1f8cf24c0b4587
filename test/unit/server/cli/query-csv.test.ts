/** `newsgraph query --format csv`: cells a spreadsheet would run as formulas go out as text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatResult } from '../../../../server/cli/query.js';

describe('newsgraph query --format csv', () => {
  it("puts a ' before formula text, in values and column names, and leaves numbers alone", () => {
    const csv = formatResult(
      {
        columns: ['=name', 'n', 'list'],
        rows: [
          ['=HYPERLINK("http://evil.example","click")', -5, ['-1']],
          ['@SUM(A1:A9)', 2.5, null],
          ['\t=1', -0.5, []],
          ['+cmd|/c calc', 0, ['a']],
          ['plain, text', 1, null],
        ],
        graph: { attributes: {}, options: { type: 'directed', multi: true, allowSelfLoops: true }, nodes: [], edges: [] },
        truncated: false,
      } as Parameters<typeof formatResult>[0],
      'csv',
    );
    assert.equal(
      csv,
      [
        `'=name,n,list`,
        `"'=HYPERLINK(""http://evil.example"",""click"")",-5,"[""-1""]"`,
        `'@SUM(A1:A9),2.5,`,
        `'\t=1,-0.5,[]`,
        `'+cmd|/c calc,0,"[""a""]"`,
        `"plain, text",1,`,
        '',
      ].join('\n'),
    );
  });
});
