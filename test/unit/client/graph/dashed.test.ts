import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DASH, dashedDefinition, GAP } from '../../../../client/src/graph/dashed.js';

// The anchors as sigma 3's clamped edge shaders have them (checked in Chromium by test/e2e/overview.test.ts).
const definition = {
  VERTEX_SHADER_SOURCE: 'varying float v_feather;\nvoid main() {\n  v_color.a *= bias;\n}\n',
  FRAGMENT_SHADER_SOURCE: 'varying float v_feather;\nvoid main(void) {\n  gl_FragColor = v_color;\n}\n',
  VERTICES: 6,
};

describe('dashed links', () => {
  it('carries the distance along the link to the fragment shader, which leaves a gap after each dash', () => {
    const dashed = dashedDefinition(definition);
    assert.match(dashed.VERTEX_SHADER_SOURCE, /varying float v_along;[\s\S]*v_along = a_positionCoef \* length\(a_positionEnd - a_positionStart\)/);
    assert.match(dashed.FRAGMENT_SHADER_SOURCE, new RegExp(`void main\\(void\\) \\{\\n  if \\(mod\\(v_along, ${DASH + GAP}\\.0\\) > ${DASH}\\.0\\) discard;`));
    assert.equal(dashed.VERTICES, 6, 'the rest of the definition is kept');
  });

  it('fails loudly when sigma changes its shaders', () => {
    assert.throws(() => dashedDefinition({ ...definition, FRAGMENT_SHADER_SOURCE: 'void main() {}' }), /shader has changed/);
  });
});
