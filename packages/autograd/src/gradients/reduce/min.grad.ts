import type { GradRule } from '../types.js';
import { extremumGrad } from './extremum.js';

/**
 * `dy` goes to the minimal elements of each reduced slice, split evenly among ties (PyTorch's
 * `amin` convention: `min([2, 1, 1])` sends `dy / 2` to each 1, not all of it to one index).
 */
export const minGrad: GradRule<'Min'> = (dy, { inputs: { x }, attrs: { axes, keepDim }, output }) => ({
  x: extremumGrad(dy, x, output, axes, keepDim),
});
