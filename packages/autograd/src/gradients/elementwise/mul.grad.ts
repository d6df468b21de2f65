import { mul } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { unbroadcast } from '../unbroadcast.js';
import { gradFor } from '../grad-for.js';

/** `d(a · b) = b·da + a·db`, summed back over broadcast dims. */
export const mulGrad: GradRule<'Mul'> = (dy, { inputs: { a, b } }) => ({
  a: gradFor(a, () => unbroadcast(mul(dy, b), a.shape)),
  b: gradFor(b, () => unbroadcast(mul(dy, a), b.shape)),
});
