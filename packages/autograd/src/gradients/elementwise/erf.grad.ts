import { exp, mul, neg } from '@nn/tensor';
import type { GradRule } from '../types.js';

/** 2/√π, the scale of erf's derivative. */
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** `d erf x = (2/√π)·e^(−x²)·dx`. */
export const erfGrad: GradRule<'Erf'> = (dy, { inputs: { x } }) => ({
  x: mul(mul(dy, TWO_OVER_SQRT_PI), exp(neg(mul(x, x)))),
});
