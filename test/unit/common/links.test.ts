/** The explorer links a document's source only when it is http(s) (common/links.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { httpUrl } from '../../../common/links.js';

describe('source links', () => {
  it('are http(s) URLs only', () => {
    assert.equal(httpUrl('https://example.org/a b'), 'https://example.org/a%20b');
    assert.equal(httpUrl('HTTP://Example.org'), 'http://example.org/');
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      '//evil.example',
      '/relative',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      assert.equal(httpUrl(bad), null, String(bad));
    }
  });
});
