import { div, eq, mul, prod, sum, where } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { keepDims } from './keep-dims.js';

/**
 * `d prod(x) / dx_i` is the product of the other elements of `x_i`'s reduced slice. It is computed
 * without dividing by zero and without reading data, so it is exact for zeros (as PyTorch):
 * - no zero in the slice: `prod / x_i` for every element;
 * - exactly one zero: that element gets the product of the others, every other element gets 0;
 * - two or more zeros: every element gets 0.
 *
 * With `safe = where(x == 0, 1, x)` and `others = prod(safe)` (the product of the non-zero
 * elements), a non-zero element gets `others / x_i · pz`, where `pz = prod(where(x == 0, x, 1))`
 * is 1 without zeros and 0 with any (written as a product so that its derivative with respect to a
 * lone zero is right), and a zero element gets `others` when it is the slice's only zero, else 0.
 * Second derivatives are therefore exact wherever each slice holds at most one zero; with two or
 * more zeros, the mixed second derivative between two zero elements is given as 0.
 */
export const prodGrad: GradRule<'Prod'> = (dy, { inputs: { x }, attrs: { axes, keepDim } }) => {
  const isZero = eq(x, 0);
  const zeroCount = sum(isZero, axes, true);
  const safe = where(isZero, 1, x);
  const others = prod(safe, axes, true);
  const zeroProduct = prod(where(isZero, x, 1), axes, true);
  const atNonZero = mul(div(others, safe), zeroProduct);
  const atZero = where(eq(zeroCount, 1), others, 0);
  const local = where(isZero, atZero, atNonZero);
  return { x: mul(local, keepDims(dy, x.shape, axes, keepDim)) };
};
