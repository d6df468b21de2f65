import { div, mul, neg } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { unbroadcast } from '../unbroadcast.js';
import { gradFor } from '../grad-for.js';

/**
 * `d(a / b) = da / b − (a / b)·db / b`, summed back over broadcast dims; the `b` side reuses the
 * output and divides twice rather than by `b²`, which could overflow.
 */
export const divGrad: GradRule<'Div'> = (dy, { inputs: { a, b }, output }) => ({
  a: gradFor(a, () => unbroadcast(div(dy, b), a.shape)),
  b: gradFor(b, () => unbroadcast(div(mul(neg(dy), output), b), b.shape)),
});
