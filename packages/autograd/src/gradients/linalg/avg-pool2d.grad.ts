import { avgPool2dBackprop } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { avgPoolOptions, shape4 } from './attrs.js';

/**
 * Each output is its window's sum over the window's divisor, so `dy` is spread evenly back over
 * each window (same divisors): `avgPool2dBackprop(dy, x.shape)`.
 *
 * Shapes: `x: [N, C, H, W]`, `dy: [N, C, H', W']`.
 */
export const avgPool2dGrad: GradRule<'AvgPool2D'> = (dy, { inputs: { x }, attrs }) => ({
  x: avgPool2dBackprop(dy, shape4(x), attrs.kernelSize, avgPoolOptions(attrs)),
});
