import { maxPool2dBackprop } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { maxPoolOptions } from './attrs.js';

/**
 * Each output is one input element (its window's first maximum, PyTorch's index), so `dy` is
 * routed to those positions and summed where windows overlap: `maxPool2dBackprop(dy, x)`.
 *
 * Shapes: `x: [N, C, H, W]`, `dy: [N, C, H', W']`.
 */
export const maxPool2dGrad: GradRule<'MaxPool2D'> = (dy, { inputs: { x }, attrs }) => ({
  x: maxPool2dBackprop(dy, x, attrs.kernelSize, maxPoolOptions(attrs)),
});
