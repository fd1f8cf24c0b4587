/**
 * A dashed link for what rests on someone's word (a hedged interaction, a link into or out of an
 * allegation): sigma's clamped edge, whose shaders also carry the distance along the link in pixels, and
 * leave a gap every few pixels. So such links read apart by pattern, not by colour alone.
 */
import type { Attributes } from 'graphology-types';
import type { EdgeProgramType } from 'sigma/rendering';

/** Dash and gap, in pixels on screen. */
export const DASH = 6;
export const GAP = 4;

/** `source` with `insert` placed right after `anchor`; a sigma whose shaders lack the anchor fails loudly, not silently. */
function after(source: string, anchor: string, insert: string): string {
  const at = source.indexOf(anchor);
  if (at < 0) throw new Error(`sigma's edge shader has changed: "${anchor.trim()}" not found`);
  return source.slice(0, at + anchor.length) + insert + source.slice(at + anchor.length);
}

/** The parts of a program's definition changed here. */
interface ShaderDefinition {
  VERTEX_SHADER_SOURCE: string;
  FRAGMENT_SHADER_SOURCE: string;
}

export function dashedDefinition<D extends ShaderDefinition>(definition: D): D {
  // One pixel is u_correctionRatio / u_sizeRatio framed units, as the shader's own thickness sum has it.
  let vertex = after(definition.VERTEX_SHADER_SOURCE, 'varying float v_feather;', '\nvarying float v_along;');
  vertex = after(vertex, 'v_color.a *= bias;', '\n  v_along = a_positionCoef * length(a_positionEnd - a_positionStart) * u_sizeRatio / u_correctionRatio;');
  let fragment = after(definition.FRAGMENT_SHADER_SOURCE, 'varying float v_feather;', '\nvarying float v_along;');
  fragment = after(fragment, 'void main(void) {', `\n  if (mod(v_along, ${(DASH + GAP).toFixed(1)}) > ${DASH.toFixed(1)}) discard;`);
  return { ...definition, VERTEX_SHADER_SOURCE: vertex, FRAGMENT_SHADER_SOURCE: fragment };
}

/** `Program` (sigma's clamped edge) with the dashing shaders. */
export function dashedEdges<N extends Attributes, E extends Attributes>(Program: EdgeProgramType<N, E>): EdgeProgramType<N, E> {
  const base = Program.prototype as unknown as { getDefinition(): ShaderDefinition };
  return class extends Program {
    getDefinition(): ShaderDefinition {
      return dashedDefinition(base.getDefinition.call(this));
    }
  } as unknown as EdgeProgramType<N, E>;
}
