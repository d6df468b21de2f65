import { mul } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** `d x^(−1/2) = −½·x^(−3/2)·dx = −½·y³·dx`, reusing the output `y`. */
export const rsqrtGrad: GradRule<'Rsqrt'> = (dy, { output }) => ({
  x: mul(mul(dy, -0.5), mul(mul(output, output), output)),
});
