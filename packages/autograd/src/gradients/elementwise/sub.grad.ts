import { neg } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { unbroadcast } from '../unbroadcast.js';
import { gradFor } from '../grad-for.js';

/** `d(a − b) = da − db`, summed back over broadcast dims. */
export const subGrad: GradRule<'Sub'> = (dy, { inputs: { a, b } }) => ({
  a: gradFor(a, () => unbroadcast(dy, a.shape)),
  b: gradFor(b, () => neg(unbroadcast(dy, b.shape))),
});
