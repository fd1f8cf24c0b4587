/** The guard's text checks (server/cypher/bounds.ts), without Neo4j: what they refuse, and what they must let through. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backtracksCatastrophically, checkBounds, MAX_NESTING } from '../../../../server/cypher/bounds.js';
import { tokenize } from '../../../../server/cypher/lexer.js';
import { AppError } from '../../../../server/errors.js';

const codeOf = (query: string, params: Record<string, unknown> = {}): string | null => {
  try {
    checkBounds(query, params);
    return null;
  } catch (err) {
    assert.ok(err instanceof AppError, String(err));
    return err.code;
  }
};

describe('cypher bounds', () => {
  it('reads strings, comments, backtick names and parameters as single tokens', () => {
    const tokens = tokenize("MATCH (n:`we(ird`) // ((( \n WHERE n.x = 'a ) \\' ;' /* [[ */ AND n.y = $`p q` RETURN 1.5e3");
    assert.deepEqual(
      tokens.map((t) => `${t.kind}:${t.text}`),
      [
        'word:MATCH',
        'punct:(',
        'word:n',
        'punct::',
        'name:we(ird',
        'punct:)',
        'word:WHERE',
        'word:n',
        'punct:.',
        'word:x',
        'punct:=',
        "string:a ) ' ;",
        'word:AND',
        'word:n',
        'punct:.',
        'word:y',
        'punct:=',
        'param:p q',
        'word:RETURN',
        'number:1.5e3',
      ],
    );
  });

  it('lets legitimate queries through', () => {
    const legitimate = [
      "MATCH p = shortestPath((a:Person {name: 'Antony Blinken'})-[*..4]-(b:Person {name: 'Joe Biden'})) RETURN p",
      'MATCH (n:Entity) RETURN n.name, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT 5',
      'RETURN reduce(acc = [], x IN [1, 2, 2] | CASE WHEN x IN acc THEN acc ELSE acc + [x] END) AS unique',
      "MATCH p = (a)-[*1..3]-(b) RETURN reduce(s = '', n IN nodes(p) | s + n.name + ' ') AS names",
      "RETURN replace(replace(replace('a.b,c-d', '.', ''), ',', ''), '-', ' ')",
      'UNWIND range(0, 365) AS day RETURN day',
      'MATCH p = (a)--(b) WITH nodes(p) AS ns UNWIND range(0, size(ns) - 1) AS i RETURN ns[i]',
      "MATCH (n:Person) WHERE n.name =~ '(?i).*wang.*' RETURN n",
      "MATCH (n) WHERE n.name =~ '[A-Z][a-z]+ [A-Z][a-z]+' RETURN n",
      'WITH {use: 1} AS m, 1 AS use RETURN m.use, use',
      'MATCH (n) RETURN n;',
      '// a comment with ( ( ( ; CREATE\nMATCH (n) RETURN n /* ]]] */ LIMIT 5',
      `RETURN ${'('.repeat(MAX_NESTING)}1${')'.repeat(MAX_NESTING)}`,
      'UNWIND range(1, $n) AS x RETURN x',
      'MATCH (n:Person) WITH n.mentions + n.mentions AS twice RETURN twice',
      `WITH 1 AS x ${'WITH x + x AS x '.repeat(8)}RETURN x`,
      'MATCH (n) WITH n, CASE WHEN n.a IS NULL THEN n ELSE n END AS n2 RETURN n2',
    ];
    for (const query of legitimate) assert.equal(codeOf(query, { n: 50 }), null, query);
  });

  it('refuses nesting, chains, floods and unbounded values, each with its code', () => {
    const cases: [string, string, Record<string, unknown>?][] = [
      [`RETURN ${'('.repeat(MAX_NESTING + 1)}1${')'.repeat(MAX_NESTING + 1)}`, 'CYPHER_INVALID'],
      [`RETURN ${'[x, '.repeat(50)}1${']'.repeat(50)}`, 'CYPHER_INVALID'],
      [`RETURN ${'NOT '.repeat(50)}true`, 'CYPHER_INVALID'],
      [`RETURN m${'.a'.repeat(50)}`, 'CYPHER_INVALID'],
      [`RETURN 1${' + 1'.repeat(1_500)}`, 'CYPHER_INVALID'],
      ["RETURN 'x' =~ '(x+)+y'", 'CYPHER_INVALID'],
      ["RETURN 'x' =~ '((ab)*c)*'", 'CYPHER_INVALID'],
      ['RETURN range(1, 10001)', 'CYPHER_MEMORY'],
      ['RETURN range(10, -100000, -1)', 'CYPHER_MEMORY'],
      ['RETURN range(1, 0x7fffffff)', 'CYPHER_MEMORY'],
      ['RETURN range(1, 1_000_000)', 'CYPHER_MEMORY'],
      ['RETURN range(1, $n)', 'CYPHER_MEMORY', { n: '99999999' }],
      ['RETURN range(1, toInteger(10 ^ 12))', 'CYPHER_MEMORY'],
      ['UNWIND range(1, 2000) AS a UNWIND range(1, 2000) AS b RETURN a * b', 'CYPHER_MEMORY'],
      ["RETURN reduce(s = '', x IN [1, 2] | s + toString(x) + s)", 'CYPHER_MEMORY'],
      ['RETURN reduce(s = {}, x IN [1, 2] | {a: s, b: s})', 'CYPHER_MEMORY'],
      ["RETURN replace(replace('x', 'x', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'), 'x', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')", 'CYPHER_MEMORY'],
      ["RETURN replace(replace(replace(replace($s, '', $t), '', $t), '', $t), '', $t)", 'CYPHER_MEMORY'],
      [`WITH [1] AS a ${'WITH a + a AS a '.repeat(30)}RETURN size(a)`, 'CYPHER_MEMORY'],
      [`WITH 'x' AS s ${'WITH s + s AS s '.repeat(30)}RETURN size(s)`, 'CYPHER_MEMORY'],
      [`WITH [1] AS a ${'WITH [a, a] AS a '.repeat(40)}RETURN a`, 'CYPHER_MEMORY'],
      [`WITH 1 AS b, [1] AS a ${'WITH b, {x: a, y: a} AS a '.repeat(40)}RETURN a`, 'CYPHER_MEMORY'],
      ['MATCH (n) RETURN n; MATCH (m) DETACH DELETE m', 'CYPHER_REFUSED'],
      ['CALL { USE system SHOW USERS } RETURN 1', 'CYPHER_REFUSED'],
      ['explain MATCH (n) RETURN n', 'CYPHER_REFUSED'],
    ];
    for (const [query, code, params] of cases) assert.equal(codeOf(query, params), code, query.slice(0, 80));
  });

  it('checks a pattern for catastrophic backtracking in one pass', () => {
    for (const risky of ['(a+)+', '(a|aa)*b', '(.*a){12}', '((a)*)*', '(\\w+\\s?)+$']) assert.ok(backtracksCatastrophically(risky), risky);
    for (const safe of ['(?i).*wang.*', 'a+b+', '(ab)+', '[(]+', '\\(a+\\)+', '(mr|mrs)\\.? [a-z]+']) assert.ok(!backtracksCatastrophically(safe), safe);
    const started = Date.now();
    backtracksCatastrophically(`${'('.repeat(50_000)}${'a*'.repeat(50_000)}`);
    assert.ok(Date.now() - started < 500, 'a hostile pattern is checked in linear time');
  });
});
