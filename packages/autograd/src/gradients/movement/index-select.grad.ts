import { broadcastTo, reshape, scatterAdd, zeros } from '@nn/tensor';
import type { GradRule } from '../types.js';

/**
 * Each selected slice of `dy` is added back at its source position along the axis, so a position
 * selected several times accumulates every copy's gradient (`scatterAdd` into zeros, with the
 * 1-D index expanded over the other dims). The integer indices get no gradient.
 */
export const indexSelectGrad: GradRule<'IndexSelect'> = (dy, { inputs: { x, indices }, attrs: { axis } }) => {
  if (x.rank === 0) return { x: reshape(dy, []), indices: null }; // 0-d x: the only valid index is 0
  const along = x.shape.map((_, i) => (i === axis ? indices.size : 1));
  const index = broadcastTo(reshape(indices, along), dy.shape);
  return { x: scatterAdd(zeros(x.shape, { dtype: x.dtype }), axis, index, dy), indices: null };
};
