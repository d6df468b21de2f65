import { broadcastTo } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { keepDims } from './keep-dims.js';

/**
 * `d sum(x) / dx = 1` for every summed element: `dy` broadcast back over the reduced axes.
 * With no reduced axis (a scalar, or an empty `dim` list) the op is the identity and `dy` passes.
 */
export const sumGrad: GradRule<'Sum'> = (dy, { inputs: { x }, attrs: { axes, keepDim } }) => {
  if (axes.length === 0) return { x: dy };
  return { x: broadcastTo(keepDims(dy, x.shape, axes, keepDim), x.shape) };
};
