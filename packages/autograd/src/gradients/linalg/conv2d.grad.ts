import { conv2dBackpropFilter, conv2dBackpropInput } from '@nn/tensor';
import { gradFor } from '../grad-for.js';
import type { GradRule } from '../types.js';
import { convOptions, shape4 } from './attrs.js';

/**
 * `y = conv2d(x, w)` is linear in each operand: `dx = conv2dBackpropInput(dy, w)` (the transposed
 * convolution) and `dw = conv2dBackpropFilter(x, dy)`, both with the forward attrs.
 *
 * Shapes: `x: [N, C, H, W]`, `w: [O, C / groups, kh, kw]`, `dy: [N, O, H', W']`.
 */
export const conv2dGrad: GradRule<'Conv2D'> = (dy, { inputs: { x, w }, attrs }) => {
  const options = convOptions(attrs);
  return {
    x: gradFor(x, () => conv2dBackpropInput(dy, w, shape4(x), options)),
    w: gradFor(w, () => conv2dBackpropFilter(x, dy, shape4(w), options)),
  };
};
