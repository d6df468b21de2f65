import { mul, sub } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** `d tanh x = (1 − y²)·dx`, reusing the output `y`. */
export const tanhGrad: GradRule<'Tanh'> = (dy, { output }) => ({
  x: mul(dy, sub(1, mul(output, output))),
});
