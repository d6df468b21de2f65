import { cumsum, flip } from '@nn/tensor';
import type { GradRule } from '../types.js';

/**
 * `y_i = Σ_{j ≤ i} x_j`, so `dx_j = Σ_{i ≥ j} dy_i`: the cumulative sum of `dy` in the opposite
 * direction along the axis (from the end for a forward cumsum, from the start for a `reverse` one).
 * Along an axis of length ≤ 1 (or for a scalar) the op is the identity and `dy` passes.
 */
export const cumsumGrad: GradRule<'Cumsum'> = (dy, { inputs: { x }, attrs: { axis, reverse } }) => {
  if (x.rank === 0 || (x.shape[axis] ?? 1) <= 1) return { x: dy };
  if (reverse) return { x: cumsum(dy, axis) };
  return { x: flip(cumsum(flip(dy, axis), axis), axis) };
};
