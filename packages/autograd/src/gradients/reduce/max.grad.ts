import type { GradRule } from '../types.js';
import { extremumGrad } from './extremum.js';

/**
 * `dy` goes to the maximal elements of each reduced slice, split evenly among ties (PyTorch's
 * `amax` convention: `max([1, 3, 3])` sends `dy / 2` to each 3, not all of it to one index).
 */
export const maxGrad: GradRule<'Max'> = (dy, { inputs: { x }, attrs: { axes, keepDim }, output }) => ({
  x: extremumGrad(dy, x, output, axes, keepDim),
});
