import { reshape, scatterAdd, zeros } from '@nn/tensor';
import type { GradRule } from '../types.js';

/**
 * Each gathered element's gradient is added back at the position it was read from (`scatterAdd`
 * into zeros), so repeated indices accumulate. The integer indices get no gradient.
 */
export const gatherGrad: GradRule<'Gather'> = (dy, { inputs: { x, indices }, attrs: { axis } }) => {
  if (x.rank === 0) return { x: reshape(dy, []), indices: null }; // 0-d x: the only valid index is 0
  return { x: scatterAdd(zeros(x.shape, { dtype: x.dtype }), axis, indices, dy), indices: null };
};
