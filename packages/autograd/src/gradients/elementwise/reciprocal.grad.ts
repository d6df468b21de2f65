import { mul, neg } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** `d(1/x) = −dx / x² = −y²·dx`, reusing the output `y`. */
export const reciprocalGrad: GradRule<'Reciprocal'> = (dy, { output }) => ({
  x: mul(neg(dy), mul(output, output)),
});
