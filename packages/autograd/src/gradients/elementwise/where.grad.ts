import { where } from '@nn/tensor';
import type { GradRule } from '../types.js';
import { unbroadcast } from '../unbroadcast.js';
import { gradFor } from '../grad-for.js';

/**
 * The gradient goes to `a` where the condition holds and to `b` elsewhere (zeros on the other
 * side), summed back over broadcast dims; the bool `condition` gets none.
 */
export const whereGrad: GradRule<'Where'> = (dy, { inputs: { condition, a, b } }) => ({
  condition: null,
  a: gradFor(a, () => unbroadcast(where(condition, dy, 0), a.shape)),
  b: gradFor(b, () => unbroadcast(where(condition, 0, dy), b.shape)),
});
