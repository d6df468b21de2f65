import { eq, gt, lt, mul, where } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { unbroadcast } from '../unbroadcast.js';
import { gradFor } from '../grad-for.js';

/**
 * The gradient goes to the smaller operand; on a tie it is split half and half (as PyTorch's
 * `minimum`). Where an operand is NaN neither side is larger, so both receive the full gradient,
 * again as PyTorch does. Summed back over broadcast dims.
 */
export const minimumGrad: GradRule<'Minimum'> = (dy, { inputs: { a, b } }) => {
  const shared = where(eq(a, b), mul(dy, 0.5), dy);
  return {
    a: gradFor(a, () => unbroadcast(where(gt(a, b), 0, shared), a.shape)),
    b: gradFor(b, () => unbroadcast(where(lt(a, b), 0, shared), b.shape)),
  };
};
