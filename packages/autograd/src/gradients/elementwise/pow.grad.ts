import { eq, ge, log, logicalAnd, mul, pow, sub, where } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { unbroadcast } from '../unbroadcast.js';
import { gradFor } from '../grad-for.js';

/**
 * `d(aᵇ) = b·aᵇ⁻¹·da + aᵇ·log(a)·db`, summed back over broadcast dims, with PyTorch's conventions:
 * - the base gradient is 0 where `b = 0` (so `0⁰` has gradient 0, not NaN);
 * - the exponent gradient is 0 where `a = 0` and `b ≥ 0` (where `aᵇ·log a` would be `0·(−∞)`);
 *   a negative base gives NaN (its log is NaN), as in PyTorch.
 * The exponent side takes the log of 1 instead of 0 at those points, so the rule's own gradient
 * (second order) stays finite there too.
 */
export const powGrad: GradRule<'Pow'> = (dy, { inputs: { a, b }, output }) => ({
  a: gradFor(a, () => unbroadcast(where(eq(b, 0), 0, mul(dy, mul(b, pow(a, sub(b, 1))))), a.shape)),
  b: gradFor(b, () => {
    const safeBase = where(logicalAnd(eq(a, 0), ge(b, 0)), 1, a);
    return unbroadcast(mul(dy, mul(output, log(safeBase))), b.shape);
  }),
});
