import { mul, sub } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** `d σ(x) = y·(1 − y)·dx`, reusing the output `y`. */
export const sigmoidGrad: GradRule<'Sigmoid'> = (dy, { output }) => ({
  x: mul(dy, mul(output, sub(1, output))),
});
